"""Per-person results: kinerja and potensial levels, box, JPM, gaps, talent pool."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Kamus, Position
from .policy import BOX, TalentPolicy
from .snapshot import Person, Snapshot


@dataclass(slots=True)
class Result:
    person: Person
    unit: str
    jenis_jabatan: str
    kinerja: str
    potensial: str
    box: int
    jpm: float | None  # None: "tidak lengkap" (a required competency was not assessed)
    pemetaan: str
    seleksi: str
    required: tuple  # (kode, required level, column index or None) of every required competency (shared)
    missing: tuple  # required competencies (JPM scope) without an assessed level
    pool: bool
    reason: str  # why not in the pool ('' when in it)
    asesmen_kedaluwarsa: bool

    @property
    def gaps(self) -> dict:
        """kode → assessed − required, for every assessed required competency (computed on use:
        a million stored dicts would not fit the memory budget)."""
        levels = self.person.levels
        return {kode: round(levels[i] - level, 2) for kode, level, i in self.required
                if i is not None and levels[i] is not None}


def scope(position: Position, kamus: Kamus, policy: TalentPolicy) -> tuple[tuple[str, int], ...]:
    """The (kode, required level) pairs a JPM against ``position`` counts."""
    kinds = kamus.config.mandatory_kinds
    return tuple((r.kode, r.level) for r in position.kompetensi
                 if policy.jpm_teknis or kamus.competencies[r.kode].jenis in kinds)


def jpm(levels: tuple, index: dict[str, int], required: tuple[tuple[str, int], ...], cap: bool):
    """(JPM %, missing codes) of assessed ``levels`` against ``required``."""
    assessed = total = 0.0
    missing = []
    for kode, level in required:
        position = index.get(kode)
        value = levels[position] if position is not None else None
        if value is None:
            missing.append(kode)
            continue
        assessed += value
        total += level
    if missing or not required:
        return None, tuple(missing)
    value = assessed / total * 100
    return (min(value, 100.0) if cap else value), ()


def years_before(day: dt.date, years: float) -> dt.date:
    return day - dt.timedelta(days=round(365.25 * years))


def evaluate(snapshot: Snapshot, kamus: Kamus, policy: TalentPolicy) -> list[Result]:
    index = {code: i for i, code in enumerate(snapshot.competencies)}
    scopes: dict[str, tuple] = {}
    requirements: dict[str, tuple] = {}
    reasons: dict = {}
    discipline_from = years_before(snapshot.end, policy.hukuman_tahun)
    assessment_from = years_before(snapshot.end, policy.asesmen_tahun)
    results = []
    for person in snapshot.people:
        position = kamus.positions[person.kode_jabatan]
        required = scopes.get(position.kode)
        if required is None:
            required = scopes[position.kode] = scope(position, kamus, policy)
        kinerja = policy.predikat[person.predikat] if person.predikat else policy.kinerja_from_nilai(person.nilai_kinerja)
        potensial = policy.potensial(person.nilai_potensi)
        box = BOX[(kinerja, potensial)]
        value, missing = jpm(person.levels, index, required, policy.jpm_cap)
        all_required = requirements.get(position.kode)
        if all_required is None:
            all_required = requirements[position.kode] = tuple(
                (r.kode, r.level, index.get(r.kode)) for r in position.kompetensi)
        reason = ""
        if box not in policy.pool_boxes:
            reason = f"kotak {box} di luar kotak kelompok talenta"
        elif person.hukuman in policy.hukuman_tingkat and (
                person.tanggal_hukuman is None or person.tanggal_hukuman >= discipline_from):
            when = person.tanggal_hukuman.isoformat() if person.tanggal_hukuman else "tanggal tidak diisi"
            reason = f"hukuman disiplin {person.hukuman} ({when})"
        reason = reasons.setdefault(reason, reason)  # one string object per distinct reason
        results.append(Result(
            person=person, unit=position.unit, jenis_jabatan=position.jenis_jabatan, kinerja=kinerja,
            potensial=potensial, box=box, jpm=None if value is None else round(value, 2),
            pemetaan=policy.band_pemetaan(value) if value is not None else "tidak lengkap",
            seleksi=policy.band_seleksi(value) if value is not None else "tidak lengkap",
            required=all_required, missing=missing, pool=not reason, reason=reason,
            asesmen_kedaluwarsa=bool(person.tanggal_asesmen and person.tanggal_asesmen < assessment_from)))
    return results
