"""The talent cycle after the map: development plans from the gaps, succession that respects
PP 11/2017 as amended by PP 17/2020, and results that state the rule that produced them.

The fixture tests/fixtures/pengembangan (laid over the minimal kamus) is an independent,
hand-computed example: every number below was worked out on paper from its CSV and YAML.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from types import SimpleNamespace

import openpyxl
import pytest

from conftest import case_root_fixture, TESTS, build_case_root
from goldens import run
from generator.project import Project
from generator.talent.analysis import analyse
from generator.talent.compute import evaluate
from generator.talent.eligibility import Requirements, pangkat_label, pangkat_rank, pendidikan_rank
from generator.talent.statement import statement
from generator.model.policy import TalentPolicy
from generator.talent.snapshot import Person, Snapshot, period_end
from generator.talent.succession import movement

PENGEMBANGAN = TESTS / "fixtures" / "pengembangan"
AHMAD, BUDI, CITRA, DEWI = "198001012005011001", "199001012015011002", "199406302019032003", "196803151990032004"
EKO, FAJAR, GITA, HADI = "198507072010011005", "198808082012011006", "199109092016012007", "199212122018011008"


root = case_root_fixture(PENGEMBANGAN)


def plan_of(entry) -> list:
    return [(g["kompetensi"], g["asesmen"], g["standar"], g["kegiatan"], g["jp"], g["keterangan"])
            for g in entry["rencana_pengembangan"]]


def test_hand_computed_plans_against_the_own_position(talenta_document):
    people = {p["nip"]: p for p in talenta_document["orang"]}
    assert talenta_document["version"] == 5
    # A.KEPALA requires M.1 3, SK.1 3, T.A 3. M.1 2.5: PK.1 and PK.2 both reach level 3, PK.2 has
    # fewer JP; SK.1 2: only PK.4 reaches 3 (PK.2 stops at 2). T.A 3 is no gap.
    assert plan_of(people[AHMAD]) == [("M.1", 2.5, 3, ["PK.2"], 16, None), ("SK.1", 2, 3, ["PK.4"], 40, None)]
    assert (people[AHMAD]["jp_total"], people[AHMAD]["jp_kekurangan"]) == (56, 0)
    # B.KEPALA requires T.A 2: PK.4 and PK.5 tie on level 4 and 40 JP, so the kode decides; nothing
    # in the catalog develops T.B: the gap stays, marked.
    assert plan_of(people[BUDI]) == [("T.A", 1.5, 2, ["PK.4"], 40, None),
                                     ("T.B", 1, 2, [], 0, "belum ada di katalog")]
    assert (people[BUDI]["jp_total"], people[BUDI]["jp_kekurangan"]) == (40, 0)
    # A.STAF requires M.1 1: PK.3 reaches only level 2 but that is the lowest level that fits,
    # so it wins over the cheaper PK.2 (level 3).
    assert plan_of(people[HADI]) == [("M.1", 0.5, 1, ["PK.3"], 30, None)]
    assert plan_of(people[GITA]) == [("SK.1", 1.5, 2, ["PK.2"], 16, None)]
    assert people[GITA]["jp_kekurangan"] == 4  # 20 JP a year minus 16
    assert plan_of(people[EKO]) == [] and people[EKO]["jp_kekurangan"] == 20
    assert people[AHMAD]["tindak_lanjut"] == ("Dipertahankan; Masuk Kelompok Rencana Suksesi Instansi; "
                                              "Rotasi/Perluasan jabatan; Bimbingan kinerja")  # kotak 8


def test_hand_computed_slate_respects_the_regulation(talenta_document):
    slate, = talenta_document["suksesi"]
    assert slate["jabatan"] == "A.KEPALA" and slate["pemangku"] == 1
    # Pool: everyone but Hadi (kotak 5); Ahmad holds the post. JPM against M.1 3, SK.1 3, T.A 3, each
    # level counted at most at 3, T.A (teknis) counted where assessed (everyone here): Citra 9/9,
    # Dewi 8/9 (kotak 8) and Eko 8/9 (kotak 7), Budi (3 + 2 + 1.5)/9 = 72.22, Fajar 6/9, Gita
    # (2 + 1.5 + 2)/9 = 61.11. Citra (pelaksana) ranks first but pelaksana is not setingkat
    # pengawas; Dewi reaches BUP 58 on 2026-03-15; Eko has D-III and III/c; Fajar holds his
    # jenjang since 2024-06-01 (< 3 years; no tmt_jenjang column: measured from tmt_jabatan).
    assert [c["nip"] for c in slate["kandidat"]] == [BUDI, GITA]
    assert [c["jpm"] for c in slate["kandidat"]] == [72.22, 61.11]
    assert slate["kategori_seleksi"] == {"MS": 0, "MMS": 1, "KMS": 1} and slate["tidak_lengkap"] == 0
    assert slate["dikecualikan"] == 4
    assert slate["dikecualikan_per_aturan"] == {"jenjang_pengisi": 1, "batas_usia_pensiun": 1,
                                                "pendidikan_minimal": 2, "pangkat_minimal": 2,
                                                "masa_jabatan_minimal": 1}
    top = {e["nip"]: [a["aturan"] for a in e["alasan"]] for e in slate["dikecualikan_teratas"]}
    assert list(top) == [CITRA, DEWI, EKO, FAJAR]
    assert top == {CITRA: ["jenjang_pengisi", "pendidikan_minimal", "pangkat_minimal"],
                   DEWI: ["batas_usia_pensiun"], EKO: ["pendidikan_minimal", "pangkat_minimal"],
                   FAJAR: ["masa_jabatan_minimal"]}
    reasons = {e["nip"]: " ".join(a["alasan"] for a in e["alasan"]) for e in slate["dikecualikan_teratas"]}
    assert "Pasal 54" in reasons[CITRA] and "Jabatan pengawas paling singkat 3 (tiga) tahun" in reasons[CITRA]
    assert "2026-03-15" in reasons[DEWI] and "Pasal 239 ayat (2)" in reasons[DEWI]
    assert "D-III" in reasons[EKO] and "III/c" in reasons[EKO]
    rules = {a["aturan"]: a for a in slate["aturan"]}
    assert rules["usia_maksimal"]["keterangan"] == "tidak diatur"  # the JPT age limit does not apply
    assert rules["pangkat_minimal"]["keterangan"] == "pangkat paling rendah III/d"  # from kamus.yaml
    # Gita's pendidikan cell is empty: the check is not passed silently.
    gita = slate["kandidat"][1]
    assert gita["tidak_diperiksa"] == ["pendidikan: kolom pendidikan kosong"]
    # The second plan, against the target post (M.1 3, SK.1 3, T.A 3): PK.4 closes both SK.1 and
    # T.A for Budi and is counted once.
    budi = slate["kandidat"][0]
    assert plan_of(budi) == [("SK.1", 2, 3, ["PK.4"], 40, None), ("T.A", 1.5, 3, ["PK.4"], 40, None)]
    assert (budi["jp_total"], budi["jp_kekurangan"]) == (40, 0)
    assert plan_of(gita) == [("M.1", 2, 3, ["PK.2"], 16, None), ("SK.1", 1.5, 3, ["PK.4"], 40, None),
                             ("T.A", 2, 3, ["PK.4"], 40, None)]
    assert gita["jp_total"] == 56


def test_restricted_workbook_holds_the_plans_and_the_exclusions(root, tmp_path):
    code, _ = run("talenta", "--root", str(root), "--output", str(tmp_path / "rahasia"))
    assert code == 0
    book = openpyxl.load_workbook(tmp_path / "rahasia" / "RAHASIA-2025-hasil.xlsx")
    sheet = [[c.value for c in row] for row in book["Rencana Pengembangan"].iter_rows()]
    assert sheet[0][0].startswith("RAHASIA")
    head = sheet[1]
    rows = [dict(zip(head, row)) for row in sheet[2:]]
    budi = [(r["sasaran"], r["kompetensi"], r["kegiatan"], r["keterangan"]) for r in rows if r["nip"] == BUDI]
    assert budi == [("jabatan sekarang", "T.A", "PK.4", None), ("jabatan sekarang", "T.B", None, "belum ada di katalog"),
                    ("suksesi", "SK.1", "PK.4", None), ("suksesi", "T.A", "PK.4", None)]
    assert {r["nama_kegiatan"] for r in rows if r["kegiatan"] == "PK.4"} == {"Bimbingan Teknis Penganggaran"}
    results = [dict(zip([c.value for c in book["Hasil"][2]], [c.value for c in row]))
               for row in book["Hasil"].iter_rows(min_row=3)]
    assert {r["nip"]: (r["jumlah_kesenjangan"], r["jp_total"]) for r in results}[AHMAD] == (2, 56)
    suksesi = openpyxl.load_workbook(tmp_path / "rahasia" / "RAHASIA-2025-suksesi.xlsx")
    excluded = [[c.value for c in row] for row in suksesi["Dikecualikan"].iter_rows(min_row=3)]
    assert [row[2] for row in excluded] == [CITRA, DEWI, EKO, FAJAR]
    assert all("PP 11/2017 jo. PP 17/2020" in row[-1] or "pangkat" in row[-1] for row in excluded)
    rules = [[c.value for c in row] for row in suksesi["Persyaratan"].iter_rows(min_row=3)]
    assert ["A.KEPALA", "Kepala Bidang A", "usia_maksimal", "tidak diatur"] == rules[2][:4]


def test_a_missing_column_is_reported_not_checked(root, tmp_path):
    copy = shutil.copytree(root, tmp_path / "kamus")
    path = copy / "snapshots" / "2025.csv"
    lines = path.read_text("utf-8-sig").splitlines()
    keep = [i for i, name in enumerate(lines[0].split(";")) if name not in ("pendidikan", "pangkat_golongan")]
    path.write_text("\ufeff" + "\r\n".join(";".join(line.split(";")[i] for i in keep) for line in lines) + "\r\n",
                    "utf-8")
    code, out = run("talenta", "--root", str(copy), "--format", "json")
    slate = json.loads(out)["suksesi"][0]
    rules = {a["aturan"]: a for a in slate["aturan"]}
    assert rules["pendidikan_minimal"]["keterangan"] == "tidak diperiksa: kolom pendidikan tidak ada dalam data kepegawaian"
    assert rules["pendidikan_minimal"]["diperiksa"] is False
    assert "pendidikan_minimal" not in slate["dikecualikan_per_aturan"]
    assert [c["nip"] for c in slate["kandidat"]] == [EKO, BUDI, GITA]  # Eko (8/9) is no longer excluded
    assert any("tidak diperiksa: kolom pendidikan tidak ada dalam data kepegawaian" in line
               for line in json.loads(out)["kebijakan"])


def result(jenjang="pengawas", nip="199001012015011002", **person):
    fields = {"pendidikan": None, "pangkat_golongan": None, "tmt_jabatan": None, "tmt_jenjang": None, **person}
    return SimpleNamespace(person=SimpleNamespace(nip=nip, **fields), jenjang=jenjang)


END = dt.date(2025, 12, 31)


@pytest.mark.parametrize("born, excluded", [
    ("19690101", False),  # 56 years and 11 months at the end of 2025: "paling tinggi 56 tahun"
    ("19681231", True),  # 57 on 31 December 2025
])
def test_jpt_age_limit_counts_whole_years_at_the_end_of_the_period(born, excluded):
    check = Requirements("jpt_pratama", TalentPolicy().suksesi, END, frozenset())
    failed = check.failures(result("administrator", f"{born}199003{1}001"))
    assert ("usia_maksimal" in failed) is excluded


@pytest.mark.parametrize("born, end, excluded", [
    ("19671231", END, True),  # JPT BUP 60 reached on 31 December 2027: exactly 2 years after the period
    ("19680101", END, False),
    ("19680229", dt.date(2024, 2, 28), False),  # BUP 58 (administrator) on 1 March 2026, after 28 Feb 2026
    ("19680229", dt.date(2024, 2, 29), True),  # … and not after 1 March 2026
])
def test_bup_within_two_years_after_the_period_excludes(born, end, excluded):
    target, jenjang = ("jpt_pratama", "administrator") if end == END else ("administrator", "pengawas")
    check = Requirements(target, TalentPolicy().suksesi, end, frozenset())
    failed = check.failures(result(jenjang, f"{born}199003{1}001"))
    assert ("batas_usia_pensiun" in failed) is excluded


def test_a_nip_without_a_birth_date_is_not_checked_for_age():
    check = Requirements("jpt_pratama", TalentPolicy().suksesi, END, frozenset())
    failed, unchecked = check.explain(result("administrator", "199013451990031001"))
    assert failed == () and unchecked == ("usia: tanggal lahir tidak terbaca dari NIP",)


def test_feeder_ladder_follows_the_regulation_and_can_be_changed():
    suksesi = TalentPolicy().suksesi
    assert suksesi.feeders("jpt_pratama") == ("administrator", "fungsional_ahli_madya")  # Pasal 107 huruf c
    assert suksesi.feeders("jpt_madya") == ("jpt_pratama", "fungsional_ahli_utama")
    # Pasal 54: pengawas or the JF setingkat pengawas; Pasal 55: pelaksana or the JF setingkat pelaksana
    assert suksesi.feeders("administrator") == ("pengawas", "fungsional_ahli_muda")
    assert suksesi.feeders("pengawas") == ("pelaksana", "fungsional_ahli_pertama", "fungsional_penyelia",
                                           "fungsional_mahir", "fungsional_terampil", "fungsional_pemula")
    check = Requirements("jpt_pratama", suksesi, END, frozenset())
    assert check.failures(result("pelaksana")) == ("jenjang_pengisi",)
    own = TalentPolicy.from_data({"suksesi": {"jenjang_pengisi": {"jpt_pratama": ["jpt_pratama", "administrator"]}}})
    check = Requirements("jpt_pratama", own.suksesi, END, frozenset())
    assert check.failures(result("jpt_pratama")) == ()  # a rotation, when the instansi allows it


def test_time_in_the_jenjang_from_tmt_jenjang_else_from_tmt_jabatan():
    check = Requirements("administrator", TalentPolicy().suksesi, END, frozenset({"tmt_jenjang", "tmt_jabatan"}))
    # a pengawas since 2020 who moved to another pengawas post in mid-2024: "sedang atau pernah menduduki"
    assert check.failures(result(tmt_jabatan=dt.date(2024, 6, 1), tmt_jenjang=dt.date(2020, 1, 1))) == ()
    (rule, why), = check.explain(result(tmt_jabatan=dt.date(2024, 6, 1)))[0]  # tmt_jenjang empty for this one
    assert rule == "masa_jabatan_minimal" and "sejak 2024-06-01 (TMT jabatan;" in why and "1,6 tahun" in why
    rule, = [a for a in check.aturan if a.aturan == "masa_jabatan_minimal"]
    assert rule.keterangan.endswith("diukur dari TMT jenjang (kolom TMT jenjang; bila kosong, dari TMT jabatan)")
    check = Requirements("administrator", TalentPolicy().suksesi, END, frozenset({"tmt_jabatan"}))
    rule, = [a for a in check.aturan if a.aturan == "masa_jabatan_minimal"]
    assert "diukur dari TMT jabatan: kolom TMT jenjang tidak ada dalam data kepegawaian" in rule.keterangan


def test_pangkat_and_pendidikan_as_exports_write_them():
    assert pangkat_rank("III/c") == pangkat_rank("iii/C") == pangkat_rank("Penata (III/c)") == pangkat_rank("III-c")
    assert pangkat_rank("III/d") > pangkat_rank("III/c") > pangkat_rank("II/d")
    assert pangkat_rank("III/e") is None and pangkat_rank("IX/a") is None and pangkat_label(pangkat_rank("IV/e")) == "IV/e"
    assert pendidikan_rank("D-IV") == pendidikan_rank("S1") == pendidikan_rank("s-1") > pendidikan_rank("D III")
    assert pendidikan_rank("SLTA") == pendidikan_rank("SMA") and pendidikan_rank("Sarjana Muda") is None


def test_period_end():
    assert period_end("2025") == dt.date(2025, 12, 31) and period_end("2025-06") == dt.date(2025, 6, 30)
    assert period_end("2024-02") == dt.date(2024, 2, 29)


@pytest.fixture(scope="module")
def minimal_kamus(tmp_path_factory):
    return Project.open(build_case_root(TESTS / "no-such-case", tmp_path_factory.mktemp("m") / "k")).require_valid()


def person(levels, kode="A.STAF", nip="199001012015011001", **extra):
    return Person(2, nip, "Uji", kode, "Baik", None, 75, "tidak", None, None, levels, **extra)


def snapshot(*people, competencies=("M.1", "SK.1", "T.A", "T.B")):
    return Snapshot("2025", "snapshots/2025.csv", END, competencies, list(people))


@pytest.mark.parametrize("method, jpm, words", [
    (False, 116.67, "tidak dibatasi"),  # (1.5 + 1 + 1) / 3: M.1, SK.1 and the assessed teknis T.B
    (True, 100.0, "dibatasi paling tinggi 100%"),
    ("per_kompetensi", 100.0, "Σ min(level hasil asesmen, level yang disyaratkan)"),
])
def test_jpm_methods_are_stated(minimal_kamus, method, jpm, words):
    policy = TalentPolicy.from_data({"jpm": {"batasi_100": method}})
    r, = evaluate(snapshot(person((1.5, 1, None, 1))), minimal_kamus, policy)
    assert r.jpm == jpm
    assert any(words in line for line in statement(policy, minimal_kamus))


def test_per_competency_cap_does_not_let_a_surplus_hide_a_gap(minimal_kamus):
    # A.KEPALA requires M.1 3, SK.1 3 and T.A 3: 4 + 2 + 3 is 100% uncapped, but SK.1 is short.
    r, = evaluate(snapshot(person((4, 2, 3, None), kode="A.KEPALA")), minimal_kamus, TalentPolicy())  # the default
    assert r.jpm == round(8 / 9 * 100, 2)
    plain, = evaluate(snapshot(person((4, 2, 3, None), kode="A.KEPALA")), minimal_kamus,
                      TalentPolicy.from_data({"jpm": {"batasi_100": False}}))
    assert plain.jpm == 100.0


def test_jpm_scope_is_stated_from_the_kinds_actually_counted(minimal_kamus):
    from dataclasses import replace

    from generator.model.config import JenisKompetensi

    kinds = {**minimal_kamus.config.jenis_kompetensi,
             "pemerintahan": JenisKompetensi("pemerintahan", "Kompetensi Pemerintahan", True)}
    kamus = replace(minimal_kamus, config=replace(minimal_kamus.config, jenis_kompetensi=kinds))
    line, = [x for x in statement(TalentPolicy(), kamus) if x.startswith("JPM atas")]
    assert "atas kompetensi Manajerial, Sosial Kultural dan Kompetensi Pemerintahan yang disyaratkan" in line
    assert "ditambah kompetensi Teknis yang disyaratkan bila sudah diases" in line and "Pasal 17 ayat (2) huruf c" in line
    line, = [x for x in statement(TalentPolicy.from_data({"jpm": {"sertakan_teknis": True}}), kamus)
             if x.startswith("JPM atas")]
    assert "Manajerial, Sosial Kultural, Teknis dan Kompetensi Pemerintahan" in line and "ditambah" not in line


def test_the_nine_box_is_drawn_as_kemenpanrb_draws_it_and_can_be_turned():
    # KemenPANRB's figure: kinerja vertical (di atas at the top), potensial across (tinggi on the right)
    assert TalentPolicy().grid() == [[4, 7, 9], [2, 5, 8], [1, 3, 6]]
    (row_axis, rows), (col_axis, cols) = TalentPolicy().axes()
    assert (row_axis, rows, col_axis, cols) == ("kinerja", ["di_atas", "sesuai", "di_bawah"], "potensial",
                                                 ["rendah", "menengah", "tinggi"])
    older = TalentPolicy.from_data({"orientasi_kotak": {"baris": "potensial_tinggi_ke_rendah"}})
    assert older.orientasi_kotak.kolom == "kinerja_rendah_ke_tinggi"  # the other side follows
    assert older.grid() == [[6, 8, 9], [3, 5, 7], [1, 2, 4]]
    flipped = TalentPolicy.from_data({"orientasi_kotak": {"baris": "potensial_rendah_ke_tinggi",
                                                          "kolom": "kinerja_tinggi_ke_rendah"}})
    assert flipped.grid() == [[4, 2, 1], [7, 5, 3], [9, 8, 6]]


def test_tindak_lanjut_as_the_figure_lists_them_and_as_the_instansi_sets_them(minimal_kamus):
    policy = TalentPolicy()
    assert policy.follow_up(7).endswith("Pengembangan kompetensi; Tugas belajar")
    assert policy.follow_up(1) == "Diproses sesuai ketentuan peraturan perundangan"
    line, = [x for x in statement(policy, minimal_kamus) if x.startswith("Kotak manajemen talenta")]
    assert "(seperti gambar KemenPANRB)" in line and "Lampiran PermenPANRB 3/2020 (transkripsi)" in line
    own = TalentPolicy.from_data({"tindak_lanjut": {1: ["Pembinaan oleh atasan langsung"]}})  # YAML reads 1: as text
    assert own.follow_up(1) == "Pembinaan oleh atasan langsung" and own.follow_up(9) == policy.follow_up(9)
    line, = [x for x in statement(own, minimal_kamus) if x.startswith("Kotak manajemen talenta")]
    assert "kebijakan instansi (talenta.tindak_lanjut)" in line


def test_movement_reads_each_axis_on_its_own(minimal_kamus):
    old = evaluate(snapshot(person((1, 1, None, 1), nip="199001012015011001")), minimal_kamus, TalentPolicy())
    old[0].kinerja, old[0].potensial, old[0].kotak, old[0].kelompok_talenta = "di_bawah", "tinggi", 6, False
    new = evaluate(snapshot(person((1, 1, None, 1), nip="199001012015011001")), minimal_kamus, TalentPolicy())
    new[0].kinerja, new[0].potensial, new[0].kotak, new[0].kelompok_talenta = "di_atas", "rendah", 4, False
    moved = movement("2024", old, "2025", new)  # box 6 → 4: kinerja rose, potensial fell
    assert len(moved.kinerja_naik) == 1 and len(moved.potensial_turun) == 1
    assert not moved.kinerja_turun and not moved.potensial_naik and moved.tetap == 0


def test_potensial_from_its_components_with_configured_weights(tmp_path):
    root = build_case_root(TESTS / "no-such-case", tmp_path / "kamus")
    (root / "kamus.yaml").write_text("talenta:\n  bobot_potensial: {penilaian_kompetensi: 2, penilaian_potensi: 1,"
                                     " rekam_jejak: 1}\n", "utf-8")
    (root / "snapshots").mkdir()
    (root / "snapshots" / "2025.csv").write_text(
        "\ufeffnip;nama;jabatan;predikat_kinerja;penilaian_kompetensi;penilaian_potensi;rekam_jejak;M.1;SK.1\r\n"
        "199001012015011001;Ani;A.STAF;Baik;90;70;60;1;1\r\n", "utf-8")
    project = Project.open(root)
    kamus = project.require_valid()
    period = analyse(project.snapshots, kamus).latest()
    assert period.snapshot.potensial_from_components
    assert period.people[0].person.nilai_potensi == 77.5  # (2·90 + 70 + 60) ÷ 4
    assert period.people[0].potensial == "menengah"
    assert any("penilaian kompetensi (2)" in line and "Pasal 17" in line for line in period.statement)


def test_akpk_counts_by_hand_and_withholds_small_groups(root):
    from generator.talent.akpk import akpk

    project = Project.open(root)
    kamus = project.require_valid()
    analysis = analyse(project.snapshots, kamus)
    period = analysis.latest()
    policy = TalentPolicy.from_data({"ukuran_kelompok_minimal": 1})
    assert policy.ukuran_kelompok_minimal == 3  # the privacy floor: no configuration lowers it
    shown = akpk(period, kamus, analysis.planner, policy)
    assert (shown.orang, shown.orang_dengan_gap, shown.kesenjangan, shown.belum_ada) == (8, 6, 8, 2)
    assert (shown.jp_total, shown.jp_kekurangan, shown.di_bawah_minimal) == (182, 64, 4)
    rows = {k.kode: (k.kelompok, k.diases, k.dengan_gap, k.belum_ada, k.kegiatan) for k in shown.kompetensi}
    assert rows == {"M.1": (8, 8, 2, 0, [("PK.2", 1), ("PK.3", 1)]), "SK.1": (8, 8, 2, 0, [("PK.4", 1), ("PK.2", 1)]),
                    "T.A": (6, 6, 2, 0, [("PK.4", 2)]), "T.B": (5, 5, 2, 2, [])}
    assert {k.kode: (k.peserta, k.jp_total) for k in shown.kegiatan} == {"PK.4": (3, 120), "PK.2": (2, 32),
                                                                        "PK.3": (1, 30)}
    assert shown.per_unit[("UNIT_B", "T.B")] == 1 and shown.per_unit[("UNIT_A", "T.B")] is None  # 2 people there
    # With the default minimum of 10 people, no count about a group this small is published.
    withheld = akpk(period, kamus, analysis.planner, analysis.policy)
    assert withheld.orang_dengan_gap == 6 and withheld.jp_total == 182  # instansi totals stay
    assert all(k.dengan_gap is None and k.kegiatan is None for k in withheld.kompetensi)
    assert all(k.peserta is None for k in withheld.kegiatan)
    assert set(withheld.per_unit.values()) == {None}
