"""Whom a change touches: counts only, never names."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Kamus
from .compare import Change


@dataclass
class Impact:
    """Named as `dampak` in `kamus diff --format json`."""

    jabatan_yang_mensyaratkan: dict[str, int] = field(default_factory=dict)  # changed competency → positions (new)
    # (jabatan, kompetensi) of a raised requirement → incumbents this change newly puts below it
    pemangku_di_bawah_standar_baru: dict[tuple[str, str], int] = field(default_factory=dict)
    # … → every incumbent below the new level (newly or already before)
    pemangku_di_bawah_seluruhnya: dict[tuple[str, str], int] = field(default_factory=dict)
    snapshot: str = ""  # the snapshot the incumbent counts come from ('' when none)
    catatan: str = ""  # why incumbents were not counted ('' when they were, or nothing was raised)


def impact(changes: list[Change], new: Kamus, snapshot=None, missing: str = "") -> Impact:
    """Positions that require each changed competency; for each raised requirement the
    incumbents (latest snapshot) below the new level, all of them and those newly below
    (assessed ≥ old level, < new level). ``missing`` says why there is no snapshot."""
    result = Impact(snapshot=snapshot.path if snapshot else "")
    if snapshot is None and any(c.jenis == "standar-naik" for c in changes):
        result.catatan = missing or "tidak ada snapshot pegawai"
    requiring: dict[str, int] = {}
    for p in new.positions.values():
        for code in {r.kode for r in p.kompetensi}:
            requiring[code] = requiring.get(code, 0) + 1
    for change in changes:
        if change.objek == "kompetensi":
            result.jabatan_yang_mensyaratkan[change.kode] = requiring.get(change.kode, 0)
    if snapshot is None:
        return result
    index = {code: i for i, code in enumerate(snapshot.competencies)}
    raised = [c for c in changes if c.jenis == "standar-naik"]
    holders: dict[str, list] = {}
    for person in snapshot.people:
        holders.setdefault(person.jabatan, []).append(person)
    for change in raised:
        i = index.get(change.letak)
        newly = total = 0
        if i is not None:
            for person in holders.get(change.kode, ()):
                level = person.asesmen[i]
                if level is not None and level < change.baru:
                    total += 1
                    newly += change.lama <= level
        result.pemangku_di_bawah_standar_baru[(change.kode, change.letak)] = newly
        result.pemangku_di_bawah_seluruhnya[(change.kode, change.letak)] = total
    return result
