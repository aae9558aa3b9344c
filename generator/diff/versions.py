"""Open the versions to compare: two for `kamus diff`, every enacted one for the site history."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import KamusError
from ..project import Project
from . import report
from .compare import Change, compare
from .history import History, history
from .impact import Impact, impact


@dataclass
class Comparison:
    """The result of `kamus diff OLD NEW`."""

    old: str
    new: str
    changes: list[Change]
    impact: Impact
    unreadable: dict[str, list[str]]  # version label → data files that do not parse

    def format(self, name: str) -> str:
        """The comparison as ``text``, ``markdown`` (pull-request summary) or ``json``."""
        return report.FORMATS[name](self.old, self.new, self.changes, self.impact)


def _current_snapshot(root):
    """The latest snapshot of the working tree, when it and the kamus are sound (else None)."""
    try:
        return Project.open(root).latest_snapshot()
    except KamusError:
        return None


def compare_versions(root, old: str, new: str, with_impact: bool = True) -> Comparison:
    """Compare version ``old`` with ``new`` (git refs of the repository at ``root``, or folders)."""
    before, after = Project.open_version(root, old), Project.open_version(root, new)
    changes = compare(before.lenient, after.lenient)
    snapshot = _current_snapshot(root) if with_impact else None
    return Comparison(old, new, changes, impact(changes, after.lenient, snapshot),
                      {p.label: p.documents.unreadable for p in (before, after)})


def version_history(root, versions) -> History:
    """Every pair of the enacted ``versions`` (tags of the repository at ``root``) compared."""
    versions = list(versions)
    models = {v.tag: Project.open(root, ref=v.tag, lenient=True).lenient for v in versions}
    return history(versions, models)
