"""Aggregates for the published site: counts only, never a NIP or a name.

Groups smaller than the policy's minimum are not broken down (``None`` = suppressed); the
minimum is never below :data:`~generator.talent.policy.PRIVACY_FLOOR`, the whole instansi included.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..jenjang import JENJANG, LABEL
from ..model import BENTUK_LABEL, Kamus
from ..bulk import bulk
from .analysis import Analysis, Period
from .development import Planner
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
        summary.suksesi.append({"kode": slate.jabatan.kode, "nama": slate.jabatan.nama,
                                "kandidat": slate.jumlah_kandidat, **slate.kategori_seleksi,
                                "tidak_lengkap": slate.tidak_lengkap, "dikecualikan": slate.dikecualikan,
                                "kedaluwarsa": slate.jumlah_asesmen_kedaluwarsa,
                                # the breakdown by rule is withheld when the pool it counts is small
                                "per_aturan": (None if considered < minimum else slate.dikecualikan_per_aturan),
                                "aturan": slate.aturan})
    if period.movement is not None:
        m = period.movement
        summary.pergerakan = {"dari": m.dari, "ke": m.ke, "transisi": m.transisi, "masuk": len(m.masuk),
                              "keluar": len(m.keluar), "tetap": m.tetap,
                              **{name: len(getattr(m, name)) for name in MOVES}}
    _gap_map(summary, results, kamus, minimum, period.snapshot.competencies)
    return summary


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


@dataclass
class AkpkKompetensi:
    """One competency of the instansi's development needs (counts only; None = group too small)."""

    kode: str
    nama: str
    kelompok: int  # incumbents whose position requires the competency
    diases: int | None  # of them, with an assessed level in the snapshot
    belum_diases: int | None  # of them, without one: never counted as "no gap"
    dengan_gap: int | None
    belum_ada: int | None  # gaps that no activity of the catalog fits
    kegiatan: list | None  # (activity kode, people it was chosen for), most first


@dataclass
class AkpkKegiatan:
    kode: str
    nama: str
    jalur: str
    bentuk: str
    jp: float
    peserta: int | None  # people for whom the activity was chosen (each once)
    jp_total: float | None  # peserta × jp


@dataclass
class Akpk:
    """Kebutuhan pengembangan kompetensi (the instansi's AKPK) of one period: aggregates only."""

    periode: str
    orang: int
    orang_dengan_gap: int
    kesenjangan: int
    belum_ada: int
    belum_diases: int  # required competencies × people without an assessed level
    orang_belum_diases: int  # people with at least one of them
    jp_total: float  # JP of the chosen activities, each counted once per person
    jp_kekurangan: float  # JP still missing to everyone's yearly minimum, summed
    di_bawah_minimal: int  # people whose plan stays below the yearly minimum
    kompetensi: list[AkpkKompetensi] = field(default_factory=list)
    kegiatan: list[AkpkKegiatan] = field(default_factory=list)
    units: list[tuple[str, str]] = field(default_factory=list)  # (kode, nama) of the units with incumbents
    codes: list[str] = field(default_factory=list)
    per_unit: dict = field(default_factory=dict)  # (unit, kode) → people with a gap, None when the group is small


def akpk(period: Period, kamus: Kamus, planner: Planner, policy: TalentPolicy) -> Akpk:
    """Per competency: people with a gap, per unit and overall; the activities that fit and the
    JP to plan. A count about fewer than `ukuran_kelompok_minimal` people is withheld."""
    with bulk():
        return _akpk(period, kamus, planner, policy)


def _akpk(period: Period, kamus: Kamus, planner: Planner, policy: TalentPolicy) -> Akpk:
    minimum, floor = policy.ukuran_kelompok_minimal, planner.jp_minimal
    holders = Counter((r.person.jabatan, r.unit) for r in period.people)
    group, unit_group = Counter(), Counter()
    for (jabatan, unit), n in holders.items():
        for req in kamus.positions[jabatan].kompetensi:
            group[req.kode] += n
            unit_group[(unit, req.kode)] += n
    assessed, gaps, unit_gaps, no_fit, participants = Counter(), Counter(), Counter(), Counter(), Counter()
    unassessed = Counter()
    chosen: dict[str, Counter] = defaultdict(Counter)
    serves: dict[str, set] = defaultdict(set)  # activity → competencies it was chosen for
    out = Akpk(period.snapshot.periode, len(period.people), 0, 0, 0, 0, 0, 0.0, 0.0, 0)
    for r in period.people:
        picked, had, missed, asesmen = {}, False, False, r.person.asesmen
        for kode, level, column, _ in r.required:
            value = asesmen[column] if column is not None else None
            if value is None:
                unassessed[kode] += 1
                missed = True
                continue
            assessed[kode] += 1
            if value >= level:
                continue
            had, activity = True, planner.fit(kode, level)
            gaps[kode] += 1
            unit_gaps[(r.unit, kode)] += 1
            if activity is None:
                no_fit[kode] += 1
            else:
                chosen[kode][activity.kode] += 1
                serves[activity.kode].add(kode)
                picked[activity.kode] = activity.jp
        participants.update(picked.keys())
        jp = sum(picked.values())
        out.orang_dengan_gap += had
        out.orang_belum_diases += missed
        out.jp_total += jp
        out.jp_kekurangan += max(0.0, floor - jp)
        out.di_bawah_minimal += jp < floor
    out.kesenjangan, out.belum_ada = sum(gaps.values()), sum(no_fit.values())
    out.belum_diases = sum(unassessed.values())
    for c in kamus.competencies.values():
        n = group.get(c.kode, 0)
        if n == 0:
            continue
        shown = n >= minimum
        out.kompetensi.append(AkpkKompetensi(c.kode, c.nama, n, assessed[c.kode] if shown else None,
                                             unassessed[c.kode] if shown else None,
                                             gaps[c.kode] if shown else None,
                                             no_fit[c.kode] if shown else None,
                                             chosen[c.kode].most_common() if shown else None))
    for kode in sorted(participants, key=lambda k: (-participants[k], k)):
        a = kamus.development[kode]
        shown = all(group[c] >= minimum for c in serves[kode])
        out.kegiatan.append(AkpkKegiatan(a.kode, a.nama, a.jalur, BENTUK_LABEL[a.bentuk], a.jp,
                                          participants[kode] if shown else None,
                                          participants[kode] * a.jp if shown else None))
    out.units = [(u, kamus.units[u].nama) for u in kamus.units if any(k[0] == u for k in unit_group)]
    out.codes = [row.kode for row in out.kompetensi if gaps[row.kode]]
    for unit, _ in out.units:
        for kode in out.codes:
            n = unit_group.get((unit, kode), 0)
            out.per_unit[(unit, kode)] = unit_gaps.get((unit, kode), 0) if n >= minimum else None
    return out
