"""Aggregates for the published site: counts only, never a NIP or a name.

Groups smaller than the policy's minimum are not broken down (``None`` = suppressed); the
minimum is never below :data:`~generator.talent.policy.PRIVACY_FLOOR`, the whole instansi included.

The komite's decisions are about named people, so their counts are held to the floor cell by
cell (:func:`_decision_counts`, :func:`_nominees`): a count of people the komite moved or
nominated is published only when it is 0 or at least the minimum, a total only when every count
it sums is published (else a reader could subtract the published cells from it), and the
diagonal of the computed → decided table (who stayed) never, because the grid's column totals
would give back the moves into each kotak.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..jenjang import JENJANG, LABEL
from ..model import Kamus
from .analysis import Analysis, Period
from .decisions import by_nip
from ..model.decisions import KOMITE, STATUS_LABEL, kesiapan_label
from ..model.policy import PRIVACY_FLOOR, TalentPolicy


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
    excluded_discipline: int = 0  # in the pool's kotak, out for a disciplinary penalty (kebijakan instansi)
    excluded_kinerja: int = 0  # … for a predikat below the minimum in the last years (PP 11/2017 Pasal 199)
    kinerja_unchecked: int = 0  # pool members whose kinerja of every one of those years is not known
    kedaluwarsa: dict = field(default_factory=dict)  # kotak → people whose assessment is older than its validity
    orang_belum_diases: int = 0  # people with a required competency not assessed
    belum_diases: int = 0  # required competencies × people not assessed
    suksesi: list[dict] = field(default_factory=list)  # per post: counts, and the requirements applied
    pergerakan: dict | None = None
    keputusan: dict | None = None  # the komite's decisions, counted (see _decision_counts)
    gap_units: list[str] = field(default_factory=list)
    gap_codes: list[str] = field(default_factory=list)
    gap: dict = field(default_factory=dict)  # (unit, kode) → share below required (0–1), or None


def _grid(title: str, results, minimum: int) -> Grid:
    if len(results) < minimum:
        return Grid(title, len(results), None)
    counts = Counter(r.kotak for r in results)
    return Grid(title, len(results), {box: counts.get(box, 0) for box in range(1, 10)})


def summarise(period: Period, kamus: Kamus, policy: TalentPolicy) -> Summary:
    results, minimum = period.people, policy.ukuran_kelompok_minimal
    summary = Summary(period.snapshot.periode, len(results), _grid("Semua pegawai", results, PRIVACY_FLOOR))
    by_unit, by_jenjang = defaultdict(list), defaultdict(list)
    for r in results:
        by_unit[r.unit].append(r)
        by_jenjang[r.jenjang].append(r)
    summary.by_unit = [_grid(kamus.units[u].nama if u in kamus.units else u, by_unit[u], minimum)
                       for u in kamus.units if u in by_unit]
    summary.by_jenjang = [_grid(LABEL[j], by_jenjang[j], minimum) for j in JENJANG if j in by_jenjang]
    summary.pemetaan = dict(Counter(r.kategori_pemetaan for r in results))
    buckets = Counter(min(int(r.jpm // 10), 12) for r in results if r.jpm is not None)
    summary.jpm_histogram = [(f"{10 * b}–<{10 * b + 10}%" if b < 12 else "≥ 120%", buckets.get(b, 0))
                             for b in range(min(buckets, default=0), max(buckets, default=-1) + 1)]
    summary.seleksi = dict(Counter(r.kategori_seleksi for r in results))
    summary.kelompok_talenta = sum(r.kelompok_talenta for r in results)
    if summary.overall.counts is not None:  # per kotak, as the grid itself: not for a tiny instansi
        summary.kedaluwarsa = dict(sorted(Counter(r.kotak for r in results if r.asesmen_kedaluwarsa).items(),
                                          reverse=True))
    # in the pool's kotak but kept out by a rule of their own
    summary.excluded_discipline = sum(1 for r in results if "hukuman_disiplin" in r.pool_failed
                                      and "kotak" not in r.pool_failed)
    summary.excluded_kinerja = sum(1 for r in results if "kinerja_minimal" in r.pool_failed
                                   and "kotak" not in r.pool_failed)
    summary.kinerja_unchecked = sum(1 for r in results if r.kelompok_talenta and r.kelompok_talenta_tidak_diperiksa)
    pool, pool_holders = summary.kelompok_talenta, Counter(r.person.jabatan for r in results if r.kelompok_talenta)
    for slate in period.slates:
        considered = pool - pool_holders[slate.jabatan.kode]
        # the ranked candidates by JPM category and by assessment age: only for at least `minimum` of them
        # (`tidak_lengkap`, the eligible not ranked, is a group of its own, counted like `kandidat`)
        broken_down = slate.jumlah_kandidat == 0 or slate.jumlah_kandidat >= minimum
        summary.suksesi.append({"kode": slate.jabatan.kode, "nama": slate.jabatan.nama, "sumber": slate.sumber,
                                "komite": _nominees(slate, minimum) if slate.sumber == KOMITE else None,
                                "kandidat": slate.jumlah_kandidat,
                                **{k: (n if broken_down else None) for k, n in slate.kategori_seleksi.items()},
                                "tidak_lengkap": slate.tidak_lengkap,
                                "dikecualikan": slate.dikecualikan,
                                "kedaluwarsa": slate.jumlah_asesmen_kedaluwarsa if broken_down else None,
                                # the breakdown by rule is withheld when the pool it counts is small
                                "per_aturan": (None if considered < minimum else slate.dikecualikan_per_aturan),
                                "aturan": slate.aturan})
    if period.movement is not None:
        m = period.movement
        summary.pergerakan = {"dari": m.dari, "ke": m.ke, "transisi": m.transisi, "masuk": len(m.masuk),
                              "keluar": len(m.keluar), "tetap": m.tetap,
                              **{name: len(getattr(m, name)) for name in MOVES}}
    _gap_map(summary, results, kamus, minimum, period.snapshot.competencies)
    summary.keputusan = _decision_counts(period, minimum)
    return summary


def floored(n: int, minimum: int) -> int | None:
    """A count of people as the site may print it: itself when 0 or at least ``minimum``, else
    None ("kurang dari <minimum>")."""
    return n if n == 0 or n >= minimum else None


def _nominees(slate, minimum: int) -> dict:
    """The komite's nominees for one post: for at least ``minimum`` nominees their number per
    readiness (each floored), and their number (``calon``: exact when every readiness count is;
    else None, with ``calon_minimal`` saying whether it is at least ``minimum``)."""
    n = len(slate.kandidat)
    ready = Counter(kesiapan_label(c.kesiapan) for c in slate.kandidat)
    kesiapan = {label: floored(k, minimum) for label, k in sorted(ready.items())} if n >= minimum else None
    exact = n == 0 or (kesiapan is not None and None not in kesiapan.values())
    return {"calon": n if exact else None, "calon_minimal": n >= minimum, "kesiapan": kesiapan}


def _decision_counts(period: Period, minimum: int) -> dict | None:
    """The komite's decisions in numbers: its status and penetapan, how many people it decided on,
    how many kotak it set otherwise than computed (``diubah``, floored; None also when a cell of the
    table is withheld, with ``diubah_minimal`` saying whether it is at least ``minimum``), and for
    at least ``minimum`` moves the 9×9 table computed kotak → decided kotak (``transisi``): each
    move count floored (None = "kurang dari"), the diagonal None (withheld)."""
    decided = period.decisions
    if decided is None:
        return None
    counts, entries = [[0] * 9 for _ in range(9)], by_nip(decided)
    for r in period.people:
        counts[r.kotak_hitung - 1][r.kotak - 1] += 1
    moved = sum(r.kotak != r.kotak_hitung for r in period.people)
    table = None
    if moved >= minimum:
        table = [[None if a == b else floored(counts[a][b], minimum) for b in range(9)] for a in range(9)]
    exact = table is not None and all(n is not None for a, row in enumerate(table) for b, n in enumerate(row) if a != b)
    return {"status": STATUS_LABEL.get(decided.status, decided.status), "ditetapkan": decided.ditetapkan,
            "penetapan": decided.penetapan, "rapat": decided.rapat.tanggal,
            "pegawai": sum(r.person.nip in entries for r in period.people),
            "diubah": moved if moved == 0 or exact else None, "diubah_minimal": moved >= minimum,
            "transisi": table}


MOVES = ("kinerja_naik", "kinerja_turun", "potensial_naik", "potensial_turun", "masuk_kelompok_talenta",
         "keluar_kelompok_talenta")


def _gap_map(summary: Summary, results, kamus: Kamus, minimum: int, assessed: tuple[str, ...]) -> None:
    """Per unit × competency: the share of incumbents below their required level; and how many
    required competencies were not assessed."""
    below: dict = defaultdict(int)
    counted: dict = defaultdict(int)
    people = Counter(r.unit for r in results)
    for r in results:  # one pass: the gaps, and the required competencies not assessed
        asesmen, unit, missing = r.person.asesmen, r.unit, 0
        for kode, level, column, _ in r.required:
            value = asesmen[column] if column is not None else None
            if value is None:
                missing += 1
                continue
            counted[(unit, kode)] += 1
            below[(unit, kode)] += value < level
        summary.orang_belum_diases += bool(missing)
        summary.belum_diases += missing
    codes = [k for k in assessed if any(key[1] == k for key in counted)]
    units = [u for u in kamus.units if people.get(u)]  # a share is shown only over ≥ minimum assessed incumbents
    summary.gap_units, summary.gap_codes = units, codes
    for unit in units:
        for kode in codes:
            n = counted.get((unit, kode), 0)
            summary.gap[(unit, kode)] = None if n < minimum else below[(unit, kode)] / n


def summaries(analysis: Analysis, kamus: Kamus) -> list[Summary]:
    return [summarise(period, kamus, analysis.policy) for period in analysis.periods.values()]
