"""The komite talenta's decisions against the period they decide: the snapshot they need, and
(see below) the people, the computed kotak, the kelompok talenta and the succession
requirements. Messages name the place in the file, never a NIP, a name or a value of the file.
"""

from __future__ import annotations

from ..model.decisions import Decisions
from ..rules import finding
from .snapshot import Snapshot


def snapshot_of(decided: Decisions, stem: str, snapshots: list[Snapshot]) -> tuple[Snapshot | None, list]:
    """(the snapshot of the period the file ``stem`` decides, or None; KEPUTUSAN-SNAPSHOT when
    there is none)."""
    found = next((s for s in snapshots if s.periode == stem), None)
    if found is not None:
        return found, []
    known = ", ".join(sorted({s.periode for s in snapshots})) or "tidak ada"
    return None, [finding("KEPUTUSAN-SNAPSHOT", decided.path, *decided.source.where(("periode",)),
                          f"tidak ada snapshot periode {stem} di snapshots/ (periode yang ada: {known})")]
