"""A person of a folder period completed from the period's other files, by NIP.

- kinerja: the predikat (or score) of the latest SKP year up to the period's year (how two
  years combine is local policy; Kamus takes the latest and says which year it was);
- potensial: `nilai_potensi`, or the weighted mean of its components;
- assessed levels per competency, and the assessment's date;
- hukuman disiplin: of the penalties up to the end of the period, the latest of a tingkat that
  excludes from the talent pool (`talenta.hukuman_disiplin.tingkat`), else the latest.
"""

from __future__ import annotations

from .columns import KOMPONEN_POTENSIAL
from .model import Person


class Joiner:
    """Completes the people of one employee file; returns why a person cannot be mapped."""

    def __init__(self, period, path: str):
        self.period, self.path = period, path
        snapshot, records = period.snapshot, period.records
        self.records, self.end = records, snapshot.end
        sumber = snapshot.sumber
        uses = set(period.uses.get(path, ()))
        self.kinerja = "predikat_kinerja" not in uses and "nilai_kinerja" not in uses
        self.potensial = not {"nilai_potensi", *KOMPONEN_POTENSIAL} & uses
        self.levels = "asesmen" not in uses and bool(records.levels)
        self.dated = "tanggal_asesmen" not in uses
        self.hukuman = "hukuman_disiplin" not in uses and bool(records.hukdis)
        self.from_components = snapshot.potensial_from_components
        bobot = period.kamus.config.talenta.bobot_potensial
        self.weights = tuple(getattr(bobot, name) for name in KOMPONEN_POTENSIAL)
        self.codes = snapshot.competencies
        self.excluding = frozenset(period.kamus.config.talenta.hukuman_disiplin.tingkat)
        self.skp_file = sumber.get("predikat_kinerja") or sumber.get("nilai_kinerja") or "berkas SKP"
        self.potensi_file = sumber.get("nilai_potensi") or sumber.get("penilaian_potensi") or "berkas asesmen"
        self.years = snapshot.kinerja_tahun
        self.levels_cache: dict[tuple, tuple] = {}

    def __call__(self, person: Person) -> str:
        nip, records = person.nip, self.records
        why = ""
        if self.kinerja:
            years = records.skp.get(nip)
            year = max((y for y in years if y <= self.end.year), default=None) if years else None
            if year is None:
                why = f"tanpa SKP tahun {self.end.year} atau sebelumnya di {self.skp_file}"
            else:
                person.predikat_kinerja, person.nilai_kinerja = years[year][0] or "", years[year][1]
        scores = records.scores.get(nip)
        if self.potensial:
            value = self.potensi(scores)
            if value is None:
                why = why or f"tanpa nilai potensial di {self.potensi_file}"
            person.nilai_potensi = value
        if self.dated and scores:
            person.tanggal_asesmen = scores.get("tanggal_asesmen")
        if self.levels:
            levels = records.levels.get(nip, {})
            values = tuple(levels.get(code) for code in self.codes)
            person.asesmen = self.levels_cache.setdefault(values, values)  # equal tuples shared
        elif not person.asesmen and self.codes:
            person.asesmen = (None,) * len(self.codes)
        if self.hukuman:
            self.penalty(person, records.hukdis.get(nip))
        if why:
            key = (self.path, why)
            group = self.period.missing.setdefault(key, [person.row, 0])
            group[1] += 1
        elif self.kinerja:
            self.years[year] = self.years.get(year, 0) + 1
        return why

    def potensi(self, scores) -> float | None:
        if not scores:
            return None
        if not self.from_components:
            return scores.get("nilai_potensi")
        values = [scores.get(name) for name in KOMPONEN_POTENSIAL]
        if any(v is None for v in values) or not sum(self.weights):
            return None
        return round(sum(w * v for w, v in zip(self.weights, values)) / sum(self.weights), 4)

    def penalty(self, person: Person, penalties) -> None:
        if not penalties:
            return
        known = [(t, d) for t, d in penalties if d is None or d <= self.end]
        if not known:
            return
        excluding = [(t, d) for t, d in known if t in self.excluding]
        pool = excluding or known
        undated = [p for p in pool if p[1] is None]
        tingkat, when = undated[0] if undated and excluding else max(
            (p for p in pool if p[1] is not None), key=lambda p: p[1], default=pool[0])
        person.hukuman_disiplin, person.tanggal_hukuman = tingkat, when
