"""A person of a folder period completed from the period's other files, by NIP.

- kinerja: the predikat (or score) of one SKP year up to the period's year: how the years
  combine is local policy (`talenta.kinerja_skp`: the latest year, or the lowest predikat of
  the years of `kinerja_minimal`), and the statement says which years gave it; and the
  predikat of every SKP year (`predikat_tahun`, for PP 11/2017 Pasal 199's two-year rule);
- potensial: `nilai_potensi`, or the weighted mean of its components;
- assessed levels per competency, and the assessment's date;
- hukuman disiplin: of the penalties up to the end of the period, the latest of a tingkat that
  excludes from the talent pool (`talenta.hukuman_disiplin.tingkat`), else the latest.
"""

from __future__ import annotations

from ...model.policy import PREDIKAT_RANK
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
        policy = period.kamus.config.talenta
        # terendah: the lowest predikat among the years of Pasal 199's window (at least the latest)
        self.window = max(policy.kinerja_minimal.tahun, 1) if policy.kinerja_skp == "terendah" else 1
        self.skp_file = sumber.get("predikat_kinerja") or sumber.get("nilai_kinerja") or "berkas SKP"
        self.potensi_file = sumber.get("nilai_potensi") or sumber.get("penilaian_potensi") or "berkas asesmen"
        self.years = snapshot.kinerja_tahun
        self.levels_cache: dict[tuple, tuple] = {}
        self.histories: dict[tuple, tuple] = {}

    def __call__(self, person: Person) -> str:
        nip, records = person.nip, self.records
        why = ""
        if self.kinerja:
            years = records.skp.get(nip)
            year = self.year(years) if years else None
            if year is None:
                why = f"tanpa SKP tahun {self.end.year} atau sebelumnya di {self.skp_file}"
            else:
                person.predikat_kinerja, person.nilai_kinerja = years[year][0] or "", years[year][1]
                person.predikat_tahun = self.history(years)
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

    def year(self, years: dict[int, tuple]) -> int | None:
        """The SKP year that gives the person's kinerja: the latest up to the period's, or (policy
        `terendah`) the one of lowest predikat (else score) among the window's years ending there,
        the later on a tie."""
        known = [y for y in years if y <= self.end.year]
        if not known:
            return None
        latest = max(known)
        if self.window == 1:
            return latest
        window = [y for y in known if y > latest - self.window]

        def low(y):
            predikat, nilai = years[y]
            return (PREDIKAT_RANK.get(predikat, 99) if predikat else 99, nilai if nilai is not None else float("inf"), -y)

        return min(window, key=low)

    def history(self, years: dict[int, tuple]) -> tuple[tuple[int, str], ...]:
        """Person.predikat_tahun from a person's SKP years: every year up to the period's with a
        predikat (a score alone says no predikat), oldest first; equal histories share one tuple."""
        history = tuple(sorted((y, p) for y, (p, _) in years.items() if p and y <= self.end.year))
        return self.histories.setdefault(history, history)

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
