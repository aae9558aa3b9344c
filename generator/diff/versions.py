"""Open the versions to compare: two for `kamus diff`, every enacted one for the site history."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import KamusError
from ..project import Project
from ..talent.snapshot import snapshot_files
from . import formats
from .compare import Change, compare, subjects_of
from .decisions import DecisionChange, compare_decisions
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
    names: dict = field(default_factory=dict)  # (objek, kode) → nama in either version (the newer wins)
    keputusan: list[DecisionChange] = field(default_factory=list)  # the komite's decision files that changed

    def format(self, name: str) -> str:
        """The comparison as ``text``, ``markdown`` (pull-request summary) or ``json``."""
        return formats.FORMATS[name](self)


def current_snapshot(project: Project) -> tuple:
    """(the latest snapshot of the working tree ``project``, or None and why there is none)."""
    try:
        if project.kamus_report.failed():
            return None, ("data kamus di folder kerja berisi galat; jalankan `kamus validate` untuk rinciannya, "
                          "perbaiki, lalu bandingkan lagi")
        snapshot = project.latest_snapshot()
    except KamusError as exc:
        return None, f"folder kerja tidak dapat dibaca sebagai kamus ({exc})"
    if snapshot is None:
        files = snapshot_files(project.source)
        if not files:
            return None, "tidak ada snapshot pegawai di folder snapshots/"
        return None, f"snapshot terbaru {files[-1]} berisi galat; jalankan `kamus validate` untuk rinciannya"
    return snapshot, ""


def names_of(*models) -> dict:
    """(objek, kode) → nama from the models, the later winning (a renamed subject shows its new name)."""
    names = {}
    for kamus in models:
        names.update({("kompetensi", k): c.nama for k, c in kamus.competencies.items()})
        names.update({("jabatan", k): p.nama for k, p in kamus.positions.items()})
        names.update({("unit", k): u.nama for k, u in kamus.units.items()})
    return names


def compare_projects(before: Project, after: Project, old: str, new: str, current: Project | None = None) -> Comparison:
    """Compare two opened versions, named ``old`` and ``new`` in the report; the impact
    counts come from the latest snapshot of the working tree ``current`` (None: not counted)."""
    unreadable = {"lama": before.documents.unreadable, "baru": after.documents.unreadable}
    changes = compare(before.as_written, after.as_written, skip=subjects_of(unreadable["lama"] + unreadable["baru"]))
    snapshot, missing = current_snapshot(current) if current is not None else (None, "")
    return Comparison(old, new, changes, impact(changes, after.as_written, snapshot, missing), unreadable,
                      names_of(before.as_written, after.as_written),
                      compare_decisions(before.decisions_as_written, after.decisions_as_written,
                                        set(unreadable["lama"] + unreadable["baru"])))


def version_history(versions, projects: dict, snapshot=None) -> History:
    """Every pair of the enacted ``versions`` compared (``projects``: tag → that version, opened
    as written), with the impact of each pair counted against ``snapshot`` (the current one,
    counts only)."""
    versions = list(versions)
    models = {tag: p.as_written for tag, p in projects.items()}
    result = history(versions, models, {tag: p.documents.unreadable for tag, p in projects.items()})
    result.names = names_of(*models.values())
    for pair in result.pairs:
        pair.impact = impact(pair.changes, models[pair.new.tag], snapshot,
                             "" if snapshot else "tidak ada snapshot pegawai yang bersih")
    return result
