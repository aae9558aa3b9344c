"""Aggregates for the published site: counts only, never a NIP or a name.

Groups smaller than the policy's minimum are not broken down (``None`` = suppressed).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..jenjang import JENJANG, LABEL
from ..model import Kamus
from .analysis import Analysis, Period
from .policy import TalentPolicy


@dataclass
class Grid:
    title: str
    size: int
    counts: dict[int, int] | None  # box → count; None when the group is too small


@dataclass
class Summary:
    periode: str
    people: int
    overall: Grid
    by_unit: list[Grid] = field(default_factory=list)
    by_jenjang: list[Grid] = field(default_factory=list)
    pemetaan: dict[str, int] = field(default_factory=dict)
    jpm_histogram: list[tuple[str, int]] = field(default_factory=list)  # (range label, count), incomplete excluded
    seleksi: dict[str, int] = field(default_factory=dict)
    kelompok_talenta: int = 0
    excluded_discipline: int = 0
    suksesi: list[dict] = field(default_factory=list)
    pergerakan: dict | None = None
    gap_units: list[str] = field(default_factory=list)
    gap_codes: list[str] = field(default_factory=list)
    gap: dict = field(default_factory=dict)  # (unit, kode) → share below required (0–1), or None


def _grid(title: str, results, minimum: int) -> Grid:
    if len(results) < minimum:
        return Grid(title, len(results), None)
    counts = Counter(r.kotak for r in results)
    return Grid(title, len(results), {box: counts.get(box, 0) for box in range(1, 10)})


def summarise(period: Period, kamus: Kamus, policy: TalentPolicy) -> Summary:
    results, minimum = period.orang, policy.ukuran_kelompok_minimal
    summary = Summary(period.snapshot.periode, len(results), _grid("Semua pegawai", results, 1))
    by_unit, by_jenjang = defaultdict(list), defaultdict(list)
    for r in results:
        by_unit[r.unit].append(r)
        by_jenjang[r.jenis_jabatan].append(r)
    summary.by_unit = [_grid(kamus.units[u].nama if u in kamus.units else u, by_unit[u], minimum)
                       for u in kamus.units if u in by_unit]
    summary.by_jenjang = [_grid(LABEL[j], by_jenjang[j], minimum) for j in JENJANG if j in by_jenjang]
    summary.pemetaan = dict(Counter(r.kategori_pemetaan for r in results))
    buckets = Counter(min(int(r.jpm // 10), 12) for r in results if r.jpm is not None)
    summary.jpm_histogram = [(f"{10 * b}–<{10 * b + 10}%" if b < 12 else "≥ 120%", buckets.get(b, 0))
                             for b in range(min(buckets, default=0), max(buckets, default=-1) + 1)]
    summary.seleksi = dict(Counter(r.kategori_seleksi for r in results))
    summary.kelompok_talenta = sum(r.kelompok_talenta for r in results)
    summary.excluded_discipline = sum(1 for r in results if r.alasan_tidak_masuk.startswith("hukuman"))
    for slate in period.suksesi:
        summary.suksesi.append({"kode": slate.jabatan.kode, "nama": slate.jabatan.nama,
                                "kandidat": slate.jumlah_kandidat, **slate.kategori_seleksi,
                                "tidak_lengkap": slate.tidak_lengkap})
    if period.pergerakan is not None:
        m = period.pergerakan
        summary.pergerakan = {"dari": m.dari, "ke": m.ke, "transisi": m.transisi, "masuk": len(m.masuk),
                              "keluar": len(m.keluar), "naik": len(m.naik), "turun": len(m.turun),
                              "tetap": m.tetap}
    _gap_map(summary, results, kamus, minimum, period.snapshot.competencies)
    return summary


def _gap_map(summary: Summary, results, kamus: Kamus, minimum: int, assessed: tuple[str, ...]) -> None:
    """Per unit × competency: the share of incumbents below their required level."""
    below: dict = defaultdict(int)
    counted: dict = defaultdict(int)
    people = Counter(r.unit for r in results)
    for r in results:
        for kode, gap in r.gap.items():
            counted[(r.unit, kode)] += 1
            below[(r.unit, kode)] += gap < 0
    codes = [k for k in assessed if any(key[1] == k for key in counted)]
    units = [u for u in kamus.units if people.get(u)]
    summary.gap_units, summary.gap_codes = units, codes
    for unit in units:
        for kode in codes:
            n = counted.get((unit, kode), 0)
            summary.gap[(unit, kode)] = None if people[unit] < minimum or n == 0 else below[(unit, kode)] / n


def summaries(analysis: Analysis, kamus: Kamus) -> list[Summary]:
    return [summarise(period, kamus, analysis.policy) for period in analysis.periods.values()]
