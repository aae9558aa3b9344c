"""Whom a change touches: counts only, never names."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Kamus
from .compare import Change


@dataclass
class Impact:
    """Named as `dampak` in `kamus diff --format json`."""

    jabatan_yang_mensyaratkan: dict[str, int] = field(default_factory=dict)  # changed competency → positions (new)
    pemangku_di_bawah_syarat_baru: dict[tuple[str, str], int] = field(default_factory=dict)  # (jabatan, kompetensi) → n
    snapshot: str = ""  # the snapshot the incumbent counts come from ('' when none)


def impact(changes: list[Change], new: Kamus, snapshot=None) -> Impact:
    """Positions that require each changed competency; incumbents (latest snapshot) who fall
    below a raised requirement: assessed ≥ old level before, < new level now."""
    result = Impact(snapshot=snapshot.path if snapshot else "")
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
    raised = [c for c in changes if c.jenis == "syarat-naik"]
    holders: dict[str, list] = {}
    for person in snapshot.people:
        holders.setdefault(person.kode_jabatan, []).append(person)
    for change in raised:
        i = index.get(change.letak)
        count = 0
        if i is not None:
            for person in holders.get(change.kode, ()):
                level = person.asesmen[i]
                count += level is not None and change.lama <= level < change.baru
        result.pemangku_di_bawah_syarat_baru[(change.kode, change.letak)] = count
    return result
