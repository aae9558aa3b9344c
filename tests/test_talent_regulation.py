"""Results a komite talenta can sign (issue 22): the ladder of PP 11/2017 Pasal 54/55/107 with the
JF setingkat, time in the jenjang, the kelompok talenta of Pasal 199, unassessed competencies
counted as such, the JPM capped per competency with teknis where assessed, expired assessments,
and the AKPK of Pasal 205–207 with its costs and status.

The fixture tests/fixtures/ketentuan (laid over the minimal kamus) was built by hand for this
test; every number below was worked out on paper from its CSV and YAML. Positions and their
standards: A.KEPALA administrator (strategic) M.1 3, SK.1 3, T.A 3; B.KEPALA pengawas
(strategic) M.1 2, SK.1 2, T.A 2, T.B 2; A.STAF pelaksana M.1 1, SK.1 1, T.B 1; A.PENYELIA
penyelia M.1 1, SK.1 1, T.B 2; A.PERTAMA ahli pertama M.1 1, SK.1 1, T.A 2; B.MUDA ahli muda
M.1 2, SK.1 2, T.A 3. The period ends 2025-12-31; kamus.yaml maps Butuh Perbaikan to sesuai.
"""

from __future__ import annotations

import json
import shutil

import openpyxl
import pytest

from conftest import case_root_fixture, TESTS, build_case_root
from goldens import run
from generator.model.policy import TalentPolicy
from generator.project import Project
from generator.talent.akpk import akpk
from generator.talent.analysis import analyse

KETENTUAN = TESTS / "fixtures" / "ketentuan"
ANI, BUDI, CITRA, DEDI = "198003152005012001", "199207012018011002", "198505202010012003", "197912102003121004"
EKA, FAJAR, GITA, HADI = "198201052008011005", "199011112015031006", "199503032020122007", "197501011999031008"


root = case_root_fixture(KETENTUAN)


@pytest.fixture(scope="module")
def people(talenta_document):
    return {p["nip"]: p for p in talenta_document["orang"]}


@pytest.fixture(scope="module")
def slates(talenta_document):
    return {s["jabatan"]: s for s in talenta_document["suksesi"]}


def test_kotak_jpm_capped_per_competency_teknis_where_assessed(people):
    assert {nip: p["kotak"] for nip, p in people.items()} == {ANI: 9, BUDI: 9, CITRA: 8, DEDI: 7, EKA: 8, FAJAR: 8,
                                                             GITA: 2, HADI: 5}
    # Dedi (B.KEPALA) 3, 3, 3, 2 against 2, 2, 2, 2: each level counts at most 2, so 8/8, not 11/8.
    assert people[DEDI]["jpm"] == 100.0 and people[DEDI]["jpm_keterangan"] == "T.A, T.B dihitung"
    # Citra (B.MUDA) min(3,2) + min(2.5,2) + 2.5 over 2 + 2 + 3 = 6.5/7; her T.A counts, being assessed.
    assert people[CITRA]["jpm"] == 92.86 and people[CITRA]["jpm_cakupan"] == ["M.1", "SK.1", "T.A"]
    # Hadi (A.KEPALA) 2 + 2.5 + 2.5 over 9 = 77.78: Kurang Optimal (< 78), MMS (68–<80).
    assert (people[HADI]["jpm"], people[HADI]["kategori_pemetaan"], people[HADI]["kategori_seleksi"]) == (
        77.78, "Kurang Optimal", "MMS")
    # Fajar (A.STAF) 0.5 + 1 + 0.5 (T.B assessed) over 3.
    assert people[FAJAR]["jpm"] == 66.67


def test_unassessed_is_counted_never_a_zero_gap(people):
    # Eka misses SK.1 (always counted): the JPM is incomplete, the plan says so, the gap map has no SK.1.
    eka = people[EKA]
    assert eka["jpm"] is None and eka["kategori_pemetaan"] == "tidak lengkap"
    assert eka["jpm_keterangan"] == "JPM tidak lengkap: 1 dari 4 belum diases (SK.1)"
    assert eka["kompetensi_belum_diases"] == ["SK.1"] and "SK.1" not in eka["gap"]
    assert [(g["kompetensi"], g["asesmen"], g["kegiatan"], g["keterangan"]) for g in eka["rencana_pengembangan"]] == [
        ("SK.1", None, [], "belum diases"), ("T.B", 1, ["D.3"], None)]
    # Gita misses SK.1 and T.B: "1 dari 2" (T.B, teknis, is not counted unassessed); both are plan rows.
    gita = people[GITA]
    assert gita["jpm_keterangan"] == "JPM tidak lengkap: 1 dari 2 belum diases (SK.1); asesmen kedaluwarsa (2020-01-15)"
    assert gita["kompetensi_belum_diases"] == ["SK.1", "T.B"] and gita["jpm_cakupan"] == ["M.1", "SK.1"]
    assert [g["keterangan"] for g in gita["rencana_pengembangan"]] == ["belum diases", "belum diases"]
    assert (gita["jp_total"], gita["jp_kekurangan"]) == (0, 20)


def test_expired_assessments_are_flagged_in_results_and_slates(people, slates, root):
    # Valid for 3 years before 2025-12-31: Citra (2022-06-01) and Gita (2020-01-15) are not; Hadi (2023-06-01) is.
    assert {nip for nip, p in people.items() if p["asesmen_kedaluwarsa"]} == {CITRA, GITA}
    citra, = slates["A.KEPALA"]["kandidat"]
    assert citra["nip"] == CITRA and citra["asesmen_kedaluwarsa"] is True
    assert slates["A.KEPALA"]["jumlah_asesmen_kedaluwarsa"] == 1 and slates["B.KEPALA"]["jumlah_asesmen_kedaluwarsa"] == 0
    from generator.talent.aggregate import summarise

    project = Project.open(root)
    analysis = analyse(project.snapshots, project.require_valid())
    summary = summarise(analysis.latest(), project.kamus, analysis.policy)
    assert summary.kedaluwarsa == {8: 1, 2: 1}  # per kotak, under the site's 9-box
    assert (summary.orang_belum_diases, summary.belum_diases) == (2, 3)
    assert (summary.kelompok_talenta, summary.excluded_kinerja, summary.kinerja_unchecked) == (5, 1, 5)


def test_pool_by_pasal_199_and_its_two_years(people):
    # Fajar's kotak 8 comes from the instansi's mapping of Butuh Perbaikan; Pasal 199 keeps him out.
    fajar = people[FAJAR]
    assert fajar["kelompok_talenta"] is False
    assert fajar["alasan_tidak_masuk"] == (
        "predikat kinerja 2025 Butuh Perbaikan di bawah Baik; kelompok rencana suksesi berisi PNS dengan penilaian "
        "kinerja paling kurang bernilai baik dalam 2 tahun terakhir (PP 11/2017 jo. PP 17/2020 Pasal 199 ayat (2) "
        "huruf c)")
    pool = [nip for nip, p in people.items() if p["kelompok_talenta"]]
    assert pool == [ANI, BUDI, CITRA, DEDI, EKA]
    # one year of predikat in the snapshot: the year before is stated as not checked, for each member
    assert all(people[nip]["kelompok_talenta_tidak_diperiksa"] ==
               ["penilaian kinerja: predikat kinerja 2024 tidak ada dalam data kepegawaian"] for nip in pool)
    assert people[GITA]["kelompok_talenta_tidak_diperiksa"] == []  # out for her kotak: nothing left to check


def test_administrator_slate_ladder_and_time_in_the_jenjang(slates):
    slate = slates["A.KEPALA"]
    # Feeders: pengawas and the JF setingkat pengawas (ahli muda). Budi (ahli pertama: setingkat
    # pelaksana) and Ani (penyelia) are not; Dedi is a pengawas for 1.8 years by tmt_jabatan (no
    # TMT ESELON); Citra's post is 1.5 years old but her jenjang 4.5 years (TMT ESELON 2021-07-01).
    assert [(c["nip"], c["jpm"], c["kategori_seleksi"]) for c in slate["kandidat"]] == [(CITRA, 88.89, "MS")]
    assert slate["kandidat"][0]["kompetensi_kurang"] == {"SK.1": {"asesmen": 2.5, "standar": 3},
                                                         "T.A": {"asesmen": 2.5, "standar": 3}}
    assert slate["tidak_lengkap"] == 1  # Eka (pengawas since 2020) lacks SK.1
    assert slate["dikecualikan"] == 3
    assert slate["dikecualikan_per_aturan"] == {"jenjang_pengisi": 2, "batas_usia_pensiun": 0,
                                                "pendidikan_minimal": 1, "masa_jabatan_minimal": 1}
    top = {e["nip"]: e for e in slate["dikecualikan_teratas"]}
    assert list(top) == [BUDI, DEDI, ANI]  # by JPM 100 (kotak 9), 100 (kotak 7), 61.11
    assert [a["aturan"] for a in top[ANI]["alasan"]] == ["jenjang_pengisi", "pendidikan_minimal"]
    assert top[BUDI]["alasan"][0]["alasan"].startswith(
        "jenjang sekarang Fungsional Ahli Pertama, bukan Pengawas atau Fungsional Ahli Muda "
        "(PP 11/2017 jo. PP 17/2020 Pasal 54")
    assert top[DEDI]["alasan"] == [{"aturan": "masa_jabatan_minimal", "alasan": (
        "menduduki jenjang Pengawas sejak 2024-03-01 (TMT jabatan; jabatan sebelumnya dalam jenjang yang sama tidak "
        "terhitung), 1,8 tahun; paling singkat 3 tahun untuk Administrator (PP 11/2017 jo. PP 17/2020 Pasal 54)")}]
    masa, = [a for a in slate["aturan"] if a["aturan"] == "masa_jabatan_minimal"]
    assert masa["keterangan"].endswith("diukur dari TMT jenjang (kolom TMT jenjang; bila kosong, dari TMT jabatan)")


def test_pengawas_slate_takes_the_penyelia_and_the_ahli_pertama(slates):
    slate = slates["B.KEPALA"]
    # Against M.1 2, SK.1 2, T.A 2, T.B 2: Budi 6/6 (T.B not assessed: not counted, and named),
    # Ani (2 + 1.5 + 2 + 2)/8. Citra (ahli muda: setingkat pengawas) ranks 100 but does not feed
    # a pengawas post; Dedi and Eka hold it.
    assert [(c["nip"], c["jpm"]) for c in slate["kandidat"]] == [(BUDI, 100.0), (ANI, 93.75)]
    assert [c["kompetensi_belum_diases"] for c in slate["kandidat"]] == [["T.B"], []]
    assert slate["kandidat"][1]["kompetensi_kurang"] == {"SK.1": {"asesmen": 1.5, "standar": 2}}
    assert (slate["pemangku"], slate["tidak_lengkap"], slate["dikecualikan"]) == (2, 0, 1)
    assert [e["nip"] for e in slate["dikecualikan_teratas"]] == [CITRA]


def test_without_tmt_jenjang_time_is_measured_from_the_post_and_says_so(root, tmp_path):
    copy = shutil.copytree(root, tmp_path / "kamus")
    path = copy / "snapshots" / "2025.csv"
    lines = path.read_text("utf-8-sig").splitlines()
    keep = [i for i, name in enumerate(lines[0].split(";")) if name != "TMT ESELON"]
    path.write_text("\ufeff" + "\r\n".join(";".join(line.split(";")[i] for i in keep) for line in lines) + "\r\n",
                    "utf-8")
    code, out = run("talenta", "--root", str(copy), "--format", "json")
    slate = {s["jabatan"]: s for s in json.loads(out)["suksesi"]}["A.KEPALA"]
    assert slate["kandidat"] == []  # Citra's post is 1.5 years old, and that is all the export says
    masa, = [a for a in slate["aturan"] if a["aturan"] == "masa_jabatan_minimal"]
    assert "diukur dari TMT jabatan: kolom TMT jenjang tidak ada dalam data kepegawaian" in masa["keterangan"]
    citra, = [e for e in slate["dikecualikan_teratas"] if e["nip"] == CITRA]
    assert "sejak 2024-07-01 (TMT jabatan;" in citra["alasan"][0]["alasan"]


def test_akpk_by_hand(root):
    project = Project.open(root)
    kamus = project.require_valid()
    analysis = analyse(project.snapshots, kamus)
    a = akpk(analysis.latest(), kamus, analysis.planner, analysis.policy, withhold=False)
    assert a.penetapan.ditetapkan and (a.penetapan.nomor, a.penetapan.tanggal) == ("800.1.3/7/BKPSDM/2026", "2026-01-15")
    # gaps: Citra T.A; Eka T.B; Fajar M.1, T.B; Hadi M.1, SK.1, T.A. Not assessed: Eka SK.1; Gita SK.1, T.B.
    assert (a.orang, a.orang_dengan_gap, a.kesenjangan, a.belum_ada) == (8, 4, 7, 0)
    assert (a.belum_diases, a.orang_belum_diases, a.kesenjangan_kinerja) == (3, 2, 1)  # Fajar: Butuh Perbaikan
    # JP: Citra 30, Eka 30, Fajar 20 + 30, Hadi 20 + 10 + 30; below 20 JP: Ani, Budi, Dedi, Gita.
    assert (a.jp_total, a.jp_kekurangan, a.di_bawah_minimal) == (170, 80, 4)
    # Rupiah: D.1 3.000.000 (Fajar, Hadi), D.2 500.000 (Hadi); D.3 has no price (4 participants).
    assert (a.biaya_total, a.tanpa_biaya) == (6_500_000, 4)
    assert {k.kode: (k.kelompok, k.diases, k.belum_diases, k.dengan_gap) for k in a.kompetensi} == {
        "M.1": (8, 8, 0, 2), "SK.1": (8, 6, 2, 1), "T.A": (5, 5, 0, 2), "T.B": (5, 4, 1, 2)}
    assert [(k.kode, k.peserta, k.jp_total, k.triwulan, k.biaya_total) for k in a.kegiatan] == [
        ("D.3", 4, 120, 3, None), ("D.1", 2, 40, 1, 6_000_000), ("D.2", 1, 10, 2, 500_000)]
    assert [(u.kode, u.pegawai, u.dengan_gap, u.kesenjangan_kinerja, u.belum_diases, u.peserta, u.jp_total,
             u.biaya_total, u.tanpa_biaya) for u in a.rekap_unit] == [
        ("UNIT_A", 5, 2, 1, 1, 5, 110, 6_500_000, 2), ("UNIT_B", 3, 2, 0, 1, 2, 60, 0, 2)]
    # On the site, units of fewer than ukuran_kelompok_minimal (10) people are not broken down.
    published = akpk(analysis.latest(), kamus, analysis.planner, analysis.policy)
    assert all(u.biaya_total is None and u.dengan_gap is None for u in published.rekap_unit)
    assert (published.biaya_total, published.kesenjangan_kinerja) == (6_500_000, 1)  # instansi totals stay


def test_akpk_workbook_in_the_columns_of_pasal_207(root, tmp_path):
    code, _ = run("talenta", "--root", str(root), "--output", str(tmp_path / "rahasia"))
    assert code == 0
    book = openpyxl.load_workbook(tmp_path / "rahasia" / "RAHASIA-2025-akpk.xlsx")
    assert book.sheetnames == ["AKPK", "Rekap Unit", "Rekap Kegiatan"]
    sheet = [[c.value for c in row] for row in book["AKPK"].iter_rows()]
    assert sheet[0][0].startswith("RAHASIA") and "ditetapkan PPK dengan nomor 800.1.3/7/BKPSDM/2026" in sheet[0][0]
    rows = [dict(zip(sheet[1], row)) for row in sheet[2:]]
    hadi = [(r["no"], r["kompetensi"], r["gap"], r["kegiatan"], r["triwulan"], r["jp"], r["biaya"])
            for r in rows if r["nip"] == HADI]
    assert hadi == [(5, "M.1", -1, "D.1", 1, 20, 3000000), (None, "SK.1", -0.5, "D.2", 2, 10, 500000),
                    (None, "T.A", -0.5, "D.3", 3, 30, None)]
    fajar = [(r["kesenjangan_kinerja"], r["kompetensi"], r["kegiatan"]) for r in rows if r["nip"] == FAJAR]
    assert fajar == [("predikat Butuh Perbaikan", "M.1", "D.1"), ("predikat Butuh Perbaikan", "T.B", "D.3")]
    # Gita has nothing to close yet: one row, her unassessed competencies named, an assessment first
    assert [(r["kompetensi_belum_diases"], r["kompetensi"], r["keterangan"]) for r in rows if r["nip"] == GITA] == [
        ("SK.1 T.B", None, "belum diases: perlu penilaian kompetensi")]
    assert [(r["kompetensi_belum_diases"], r["kompetensi"]) for r in rows if r["nip"] == EKA] == [("SK.1", "T.B")]
    assert {r["nip"] for r in rows} == {CITRA, EKA, FAJAR, GITA, HADI}  # people with a need, numbered 1–5
    assert sum(r["jp"] or 0 for r in rows) == 170 and sum(r["biaya"] or 0 for r in rows) == 6_500_000
    units = [[c.value for c in row] for row in book["Rekap Unit"].iter_rows(min_row=3)]
    assert units[-1][1:] == ["Jumlah", 8, 4, 1, 2, 7, 170, 6500000, 4]
    assert not any(nip in str(cell) for nip in (ANI, HADI) for row in units for cell in row)


def test_the_ladder_is_one_table(tmp_path):
    policy = TalentPolicy.from_data({"suksesi": {"hanya_jenjang_di_bawah": True}})
    s = policy.suksesi
    assert s.tingkat("fungsional_penyelia") == s.tingkat("fungsional_ahli_pertama") == s.tingkat("pelaksana")
    assert s.tingkat("fungsional_ahli_muda") == s.tingkat("pengawas") == s.tingkat("administrator") + 1
    assert s.tingkat("fungsional_ahli_utama") == s.tingkat("jpt_pratama")
    moved = TalentPolicy.from_data({"suksesi": {"setingkat": {"pengawas": ["fungsional_ahli_muda",
                                                                            "fungsional_penyelia"],
                                                              "pelaksana": ["fungsional_ahli_pertama"]}}})
    assert moved.suksesi.feeders("administrator") == ("pengawas", "fungsional_ahli_muda", "fungsional_penyelia")
    assert "fungsional_penyelia" not in moved.suksesi.feeders("pengawas")
