"""Open the versions to compare: two for `kamus diff`, every enacted one for the site history."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import KamusError
from ..project import Project
from . import report
from .compare import Change, compare, subjects_of
from .history import History, history
from .impact import Impact, impact


@dataclass
class Comparison:
    """The result of `kamus diff OLD NEW`."""

    old: str
    new: str
    changes: list[Change]
    impact: Impact
    unreadable: dict[str, list[str]]  # "lama"/"baru" → data files that do not parse in that version

    def format(self, name: str) -> str:
        """The comparison as ``text``, ``markdown`` (pull-request summary) or ``json``."""
        return report.FORMATS[name](self)


def _current_snapshot(root):
    """The latest snapshot of the working tree, when it and the kamus are sound (else None)."""
    try:
        return Project.open(root).latest_snapshot()
    except KamusError:
        return None


def compare_projects(root, before: Project, after: Project, old: str, new: str,
                     with_impact: bool = True, current: Project | None = None) -> Comparison:
    """Compare two opened versions, named ``old`` and ``new`` in the report; the impact
    counts come from the latest snapshot of the working tree at ``root`` (``current``, when
    that is already open)."""
    unreadable = {"lama": before.documents.unreadable, "baru": after.documents.unreadable}
    changes = compare(before.lenient, after.lenient, skip=subjects_of(unreadable["lama"] + unreadable["baru"]))
    snapshot = None
    if with_impact:
        snapshot = current.latest_snapshot() if current is not None else _current_snapshot(root)
    return Comparison(old, new, changes, impact(changes, after.lenient, snapshot), unreadable)


def compare_versions(root, old: str, new: str, with_impact: bool = True) -> Comparison:
    """Compare version ``old`` with ``new`` (git refs of the repository at ``root``, or folders)."""
    return compare_projects(root, Project.open_version(root, old), Project.open_version(root, new), old, new,
                            with_impact)


def version_history(root, versions) -> History:
    """Every pair of the enacted ``versions`` (tags of the repository at ``root``) compared."""
    versions = list(versions)
    projects = {v.tag: Project.open(root, ref=v.tag, lenient=True) for v in versions}
    return history(versions, {tag: p.lenient for tag, p in projects.items()},
                   {tag: p.documents.unreadable for tag, p in projects.items()})
