"""Kebutuhan pengembangan kompetensi (AKPK) of one period, as PP 11/2017 jo. PP 17/2020 asks:
the inventory of what each PNS needs and the plan to meet it (Pasal 205 ayat (1)), from a
competency-gap analysis **and** a performance-gap analysis (Pasal 206), listing the kind of
competency, the PNS, jenis and jalur, penyelenggara, jadwal, the instansi pembina's curriculum
and the budget (Pasal 207 ayat (3)), for one year through the RKA (Pasal 205 ayat (3)), set by
the PPK (Pasal 207 ayat (2); kamus.yaml `talenta.akpk`).

:func:`akpk` gives the aggregates: counts the site publishes (a group smaller than
`ukuran_kelompok_minimal` is withheld) or, with ``withhold=False``, every count for the RAHASIA
workbook. :func:`akpk_needs_sheet` and :func:`akpk_recap_sheets` give that workbook's sheets in the
layout BKPSDM submits.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..bulk import bulk
from ..model import BENTUK_LABEL, Kamus
from ..model.policy import PREDIKAT_RANK, PenetapanAkpk, TalentPolicy
from ..tables import RAHASIA, Table
from .analysis import Analysis, Period
from .development import Planner

BAIK = "Baik"  # PermenPANRB 6/2022: the predikat of kinerja "sesuai ekspektasi"; below it is a performance gap
JENIS_PENGEMBANGAN = "pelatihan"  # every form of the catalog is a pelatihan (pendidikan is tugas belajar)


def kinerja_gap(result) -> str:
    """The performance gap of one person (Pasal 206 ayat (3)) in words, '' when there is none: a
    predikat below Baik, or, where the export has a score instead, kinerja di bawah ekspektasi."""
    person = result.person
    if person.predikat_kinerja:
        return f"predikat {person.predikat_kinerja}" if PREDIKAT_RANK[person.predikat_kinerja] < PREDIKAT_RANK[BAIK] \
            else ""
    return f"nilai kinerja {person.nilai_kinerja:g} (di bawah ekspektasi)" if result.kinerja == "di_bawah" else ""


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
    penyelenggara: str = ""
    triwulan: int | None = None  # planned quarter (catalog), None: not scheduled
    biaya_per_peserta: float | None = None  # catalog; None: not given
    biaya_total: float | None = None  # peserta × biaya_per_peserta (None: withheld or not given)
    kurikulum: str = ""


@dataclass
class AkpkUnit:
    """One unit's row of the AKPK (for the RKA); None = withheld (a unit of fewer people than
    `ukuran_kelompok_minimal`)."""

    kode: str
    nama: str
    pegawai: int
    dengan_gap: int | None  # people with a competency gap
    kesenjangan_kinerja: int | None  # people with a predikat below Baik
    belum_diases: int | None  # people with a required competency not assessed
    peserta: int | None  # person × activity
    jp_total: float | None
    biaya_total: float | None  # Σ biaya_per_peserta of the chosen activities (rupiah)
    tanpa_biaya: int | None  # person × activity whose activity has no biaya_per_peserta


@dataclass
class Akpk:
    """Kebutuhan pengembangan kompetensi (the instansi's AKPK) of one period: aggregates only."""

    periode: str
    penetapan: PenetapanAkpk
    orang: int
    orang_dengan_gap: int = 0
    kesenjangan: int = 0
    belum_ada: int = 0
    belum_diases: int = 0  # required competencies × people without an assessed level
    orang_belum_diases: int = 0  # people with at least one of them
    kesenjangan_kinerja: int = 0  # people whose predikat is below Baik (Pasal 206 ayat (3))
    jp_total: float = 0.0  # JP of the chosen activities, each counted once per person
    jp_kekurangan: float = 0.0  # JP still missing to everyone's yearly minimum, summed
    di_bawah_minimal: int = 0  # people whose plan stays below the yearly minimum
    biaya_total: float = 0.0  # rupiah, of the activities whose catalog entry gives biaya_per_peserta
    tanpa_biaya: int = 0  # person × activity without biaya_per_peserta in the catalog
    kompetensi: list[AkpkKompetensi] = field(default_factory=list)
    kegiatan: list[AkpkKegiatan] = field(default_factory=list)
    units: list[tuple[str, str]] = field(default_factory=list)  # (kode, nama) of the units with incumbents
    codes: list[str] = field(default_factory=list)
    per_unit: dict = field(default_factory=dict)  # (unit, kode) → people with a gap, None when the group is small
    rekap_unit: list[AkpkUnit] = field(default_factory=list)


def akpk(period: Period, kamus: Kamus, planner: Planner, policy: TalentPolicy, withhold: bool = True) -> Akpk:
    """Per competency: people with a gap, per unit and overall; the activities that fit, the JP and
    the cost to plan; the performance gaps. A count about fewer than `ukuran_kelompok_minimal`
    people is withheld unless ``withhold`` is False (the RAHASIA workbook)."""
    with bulk():
        return _akpk(period, kamus, planner, policy, policy.ukuran_kelompok_minimal if withhold else 0)


def _akpk(period: Period, kamus: Kamus, planner: Planner, policy: TalentPolicy, minimum: int) -> Akpk:
    floor = planner.jp_minimal
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
    per_unit = defaultdict(Counter)  # unit → its counts for the rekap
    out = Akpk(period.snapshot.periode, policy.penetapan_akpk(period.snapshot.periode), len(period.people))
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
                picked[activity.kode] = activity
        participants.update(picked.keys())
        jp = sum(a.jp for a in picked.values())
        cost = sum(a.biaya_per_peserta or 0 for a in picked.values())
        uncosted = sum(a.biaya_per_peserta is None for a in picked.values())
        performance = bool(kinerja_gap(r))
        unit = per_unit[r.unit]
        unit.update(pegawai=1, dengan_gap=had, kesenjangan_kinerja=performance, belum_diases=missed,
                    peserta=len(picked), tanpa_biaya=uncosted)
        unit["jp_total"] += jp
        unit["biaya_total"] += cost
        out.orang_dengan_gap += had
        out.orang_belum_diases += missed
        out.kesenjangan_kinerja += performance
        out.jp_total += jp
        out.biaya_total += cost
        out.tanpa_biaya += uncosted
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
        a, n = kamus.development[kode], participants[kode]
        shown = all(group[c] >= minimum for c in serves[kode])
        cost = n * a.biaya_per_peserta if shown and a.biaya_per_peserta is not None else None
        out.kegiatan.append(AkpkKegiatan(a.kode, a.nama, a.jalur, BENTUK_LABEL[a.bentuk], a.jp,
                                          n if shown else None, n * a.jp if shown else None, a.penyelenggara,
                                          a.triwulan, a.biaya_per_peserta, cost, a.kurikulum))
    out.units = [(u, kamus.units[u].nama) for u in kamus.units if any(k[0] == u for k in unit_group)]
    out.codes = [row.kode for row in out.kompetensi if gaps[row.kode]]
    for unit, _ in out.units:
        for kode in out.codes:
            n = unit_group.get((unit, kode), 0)
            out.per_unit[(unit, kode)] = unit_gaps.get((unit, kode), 0) if n >= minimum else None
    for unit, nama in out.units:
        counts = per_unit[unit]
        shown = counts["pegawai"] >= minimum
        out.rekap_unit.append(AkpkUnit(unit, nama, counts["pegawai"], *(
            counts[name] if shown else None for name in ("dengan_gap", "kesenjangan_kinerja", "belum_diases", "peserta",
                                                         "jp_total", "biaya_total", "tanpa_biaya"))))
    return out


def akpk_banner(analysis: Analysis, period: Period) -> str:
    """The heading of every sheet of the AKPK workbook: RAHASIA, the period, and its status."""
    return (f"{RAHASIA} Analisis Kebutuhan Pengembangan Kompetensi (AKPK) periode {period.snapshot.periode}: "
            f"{analysis.policy.penetapan_akpk(period.snapshot.periode).text()}.")


def akpk_recap_sheets(analysis: Analysis, period: Period, kamus) -> list[Table]:
    """The AKPK workbook's sheets without names, for the RKA: "Rekap Unit" and "Rekap Kegiatan"."""
    return _recap_sheets(akpk(period, kamus, analysis.planner, analysis.policy, withhold=False))


def akpk_needs_sheet(analysis: Analysis, period: Period, kamus) -> Table:
    """The sheet "AKPK" BKPSDM submits (RAHASIA: it names people): one row per competency gap of
    each PNS with Pasal 207 ayat (3) huruf a–g; on each of a person's rows their performance gap
    and the required competencies they were not assessed in (one row of its own when that is all
    there is: an assessment is needed before an activity). The JP and the cost of an activity
    stand on its first row for a person, so that the columns add up."""
    planner, catalog, config = analysis.planner, kamus.development, kamus.config
    columns = ["no", "nip", "nama", "jabatan", "nama_jabatan", "unit", "kesenjangan_kinerja", "kompetensi_belum_diases",
               "jenis_kompetensi", "kompetensi", "nama_kompetensi", "asesmen", "standar", "gap", "kegiatan",
               "nama_kegiatan", "jenis_pengembangan", "jalur", "bentuk", "penyelenggara", "triwulan", "jp", "kurikulum",
               "biaya", "keterangan"]
    units = {kode: unit.nama for kode, unit in kamus.units.items()}

    def rows():  # made while written, one person at a time
        number = 0
        for r in period.people:
            plan, performance = planner.plan(r.person.asesmen, r.required), kinerja_gap(r)
            gaps = [g for g in plan.rencana_pengembangan if g.asesmen is not None]
            unassessed = " ".join(g.kompetensi for g in plan.rencana_pengembangan if g.asesmen is None)
            if not gaps and not performance and not unassessed:
                continue
            number += 1
            who = [r.person.nip, r.person.nama, r.person.jabatan, kamus.positions[r.person.jabatan].nama,
                   units.get(r.unit, r.unit), performance, unassessed]
            if not gaps:
                yield [number, *who, *[""] * 16, "; ".join(
                    (["belum diases: perlu penilaian kompetensi"] if unassessed else [])
                    + (["kesenjangan kinerja: kegiatan ditentukan bersama atasan"] if performance else []))]
                continue
            seen = set()
            for index, g in enumerate(gaps):
                competency = kamus.competencies.get(g.kompetensi)
                activity = catalog[g.kegiatan[0]] if g.kegiatan else None
                first = activity is not None and activity.kode not in seen
                if activity is not None:
                    seen.add(activity.kode)
                plan_cells = (["", "", "", "", "", "", "", "", "", ""] if activity is None else [
                    activity.kode, activity.nama, JENIS_PENGEMBANGAN, activity.jalur, BENTUK_LABEL[activity.bentuk],
                    activity.penyelenggara, activity.triwulan or "", activity.jp if first else "",
                    activity.kurikulum, ("" if activity.biaya_per_peserta is None else activity.biaya_per_peserta)
                    if first else ""])
                note = g.keterangan or ("" if first else "kegiatan yang sama dengan baris di atas: JP dan biaya "
                                                         "dihitung sekali")
                yield [number if index == 0 else "", *who,
                       config.nama_jenis(competency.jenis) if competency else "", g.kompetensi,
                       competency.nama if competency else "", g.asesmen, g.required,
                       round(g.asesmen - g.required, 2), *plan_cells, note]

    return Table(f"RAHASIA-{period.snapshot.periode}-akpk", columns, rows(), 3, "AKPK")


def _recap_sheets(a: Akpk) -> list[Table]:
    unit_columns = ["unit", "nama_unit", "pegawai", "pegawai_dengan_kesenjangan", "pegawai_kesenjangan_kinerja",
                    "pegawai_belum_diases", "peserta", "jp_total", "biaya_total", "peserta_tanpa_biaya"]
    units = [[u.kode, u.nama, u.pegawai, u.dengan_gap, u.kesenjangan_kinerja, u.belum_diases, u.peserta,
              u.jp_total, u.biaya_total, u.tanpa_biaya] for u in a.rekap_unit]
    units.append(["", "Jumlah", a.orang, a.orang_dengan_gap, a.kesenjangan_kinerja, a.orang_belum_diases,
                  sum(u.peserta for u in a.rekap_unit), a.jp_total, a.biaya_total, a.tanpa_biaya])
    activity_columns = ["kegiatan", "nama_kegiatan", "jalur", "bentuk", "penyelenggara", "triwulan", "jp",
                        "biaya_per_peserta", "peserta", "jp_total", "biaya_total", "kurikulum"]
    activities = [[k.kode, k.nama, k.jalur, k.bentuk, k.penyelenggara, k.triwulan or "", k.jp,
                   "" if k.biaya_per_peserta is None else k.biaya_per_peserta, k.peserta, k.jp_total,
                   "" if k.biaya_total is None else k.biaya_total, k.kurikulum]
                  for k in sorted(a.kegiatan, key=lambda k: (k.triwulan or 5, k.kode))]
    return [Table(f"RAHASIA-{a.periode}-akpk-rekap-unit", unit_columns, units, 2, "Rekap Unit"),
            Table(f"RAHASIA-{a.periode}-akpk-rekap-kegiatan", activity_columns, activities, 2, "Rekap Kegiatan")]
