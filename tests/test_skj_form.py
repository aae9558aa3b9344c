"""`kamus import --format skj-form`: SKJ forms in two real layouts (tests/skj_forms.py),
with merged cells, numbered rows, blank spacer rows, text levels and tick columns."""

from __future__ import annotations

import pytest

import skj_forms
from conftest import git
from generator import api
from generator.cli import main
from test_workbook import demo_repo, status

KADIS_IKHTISAR = ("Memimpin perumusan dan pelaksanaan kebijakan daerah di bidang komunikasi dan informatika, persandian "
                  "dan statistik sektoral.")


def kadis(**changes) -> dict:
    spec = dict(
        nama="Kepala Dinas Komunikasi dan Informatika", kelompok="Jabatan Pimpinan Tinggi Pratama",
        urusan="Komunikasi dan Informatika", ikhtisar=KADIS_IKHTISAR,
        kompetensi={"Manajerial": [(name, 5 if kode == "M.7" else 4) for kode, name in skj_forms.MANAJERIAL],
                    "Sosial Kultural": [("Perekat Bangsa", 4)],
                    "Teknis": [("Tata Kelola Sistem Pemerintahan Berbasis Elektronik (T.KOM.01)", 4),
                               ("Keamanan Informasi", 3), ("komunikasi  publik", 3)]},
        pendidikan=("S1", "Teknik Informatika, Sistem Informasi, Ilmu Komunikasi", "mutlak"),
        pelatihan=[("manajerial", "Pelatihan Kepemimpinan Nasional Tingkat II", "mutlak"),
                   ("teknis", "Pelatihan Keamanan Informasi", "penting"), ("fungsional", "-", None)],
        pengalaman=[("Pernah menduduki jabatan administrator paling singkat 2 tahun", "mutlak")],
        pangkat="Pembina Utama Muda (IV/c)",
        indikator=["Indeks SPBE Pemerintah Kabupaten Contoh", "Indeks keterbukaan informasi publik"])
    spec.update(changes)
    return spec


def statistik(**changes) -> dict:
    spec = dict(
        nama="Kepala Bidang Statistik", kelompok="Administrator", urusan="Statistik",
        unit="Dinas Komunikasi dan Informatika", ikhtisar="Memimpin pelaksanaan statistik sektoral.",
        kompetensi={"Kompetensi Manajerial": [("", "integritas", "Level 3"), ("", "Kerjasama", "Level 3"),
                                              ("M.3", "Komunikasi", "level 3"), ("", "Orientasi Pada Hasil", 3),
                                              ("", "Pelayanan Publik", "III"), ("M.6", "Pengembangan Diri", 3),
                                              ("M.7", "Mengelola Perubahan", 3), ("M.8", "Pengambilan  Keputusan", 3)],
                    "Kompetensi Sosial Kultural": [("SK.1", "Perekat Bangsa", "Level 3")],
                    "Kompetensi Teknis": [("T.KOM.03", "Statistik Sektoral", "Level 3")]},
        jenjang="S1", bidang="Statistika; Matematika",
        pelatihan=[("Manajerial", "Pelatihan Kepemimpinan Administrator", ("V", "-", "-")),
                   ("Teknis", "-", ("-", "-", "-"))],
        pengalaman="Pernah menduduki jabatan pengawas paling singkat 3 tahun", pangkat="Penata Tingkat I (III/d)",
        indikator="Persentase data sektoral yang terbit tepat waktu")
    spec.update(changes)
    return spec


@pytest.fixture
def demo(tmp_path):
    return demo_repo(tmp_path / "kamus")


def test_lampiran_layout_updates_an_existing_position(demo, tmp_path):
    form = tmp_path / "skj.xlsx"
    skj_forms.lampiran(form, [kadis()])
    result = api.import_files(demo, [form], format="skj-form")
    assert not result.failed, result.text()
    diff = git(demo, "diff", "-U0", "--", "positions/DISKOMINFO/DISKOMINFO.KADIS.yaml")
    assert "+  - {kode: T.KOM.02, level: 3}  # Keamanan Informasi" in diff  # the one level that differs …
    assert [line for line in diff.splitlines() if line.startswith(("-  - {", "+  - {"))] == [
        "-  - {kode: T.KOM.02, level: 4}  # Keamanan Informasi", "+  - {kode: T.KOM.02, level: 3}  # Keamanan Informasi"]
    notices = [f for f in result.findings if f.rule == "SKJ-NAMA"]
    assert [f.message for f in notices] == ["`komunikasi  publik` dicocokkan dengan `T.KOM.04` Komunikasi Publik"]
    assert result.place(notices[0]).startswith("[skj.xlsx]Kepala Dinas Komunikasi dan Inf!B")
    markdown = result.comparison.format("markdown")
    assert "level yang disyaratkan turun (T.KOM.02 Keamanan Informasi): level 4 → level 3" in markdown
    assert "persyaratan jabatan diubah (pelatihan)" in markdown  # the form lists fewer trainings


def test_application_layout_creates_a_new_position(demo, tmp_path):
    form = tmp_path / "kabid.xlsx"
    skj_forms.aplikasi(form, statistik())
    result = api.import_files(demo, [form], format="skj-form")  # the unit comes from the Unit Kerja row
    assert not result.failed, result.text()
    created = demo / "positions/DISKOMINFO/DISKOMINFO.KEPALA_BIDANG_STATISTIK.yaml"
    text = created.read_text("utf-8")
    assert "jenjang: administrator\n" in text and "ikhtisar: Memimpin pelaksanaan statistik sektoral.\n" in text
    assert "  - {kode: M.2, level: 3}\n" in text and "  - {kode: M.5, level: 3}\n" in text  # "Kerjasama", "III"
    assert "  - jenis: manajerial\n    nama: Pelatihan Kepemimpinan Administrator\n    tingkat: mutlak\n" in text
    assert "    bidang_ilmu:\n    - Statistika\n    - Matematika\n" in text
    assert "Teknis" not in text.split("pelatihan:")[1].split("pengalaman:")[0].replace("teknis", "")  # "-" row
    normalised = sorted(f.message for f in result.findings if f.rule == "SKJ-NAMA")
    assert normalised == ["`2. Kerjasama` dicocokkan dengan `M.2` Kerja Sama",
                          "`4. Orientasi Pada Hasil` dicocokkan dengan `M.4` Orientasi pada Hasil",
                          "`integritas` dicocokkan dengan `M.1` Integritas"] or len(normalised) == 3
    assert all(result.place(f).startswith("[kabid.xlsx]SKJ!B") for f in result.findings if f.rule == "SKJ-NAMA")


def test_both_layouts_in_one_import_with_several_sheets(demo, tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    skj_forms.lampiran(first, [kadis(title="Kadis"), kadis(title="Persandian", nama="Kepala Bidang Persandian", kelompok=
                                                                  "Jabatan Administrator",
                                                                  kompetensi={"Manajerial": [
                                                                      (n, 3) for _, n in skj_forms.MANAJERIAL],
                                                                      "Sosial Kultural": [("Perekat Bangsa", 3)],
                                                                      "Teknis": [("Keamanan Informasi", 3)]})])
    skj_forms.aplikasi(second, statistik())
    result = api.import_files(demo, [first, second], format="skj-form", unit="DISKOMINFO")
    assert not result.failed, result.text()
    assert (demo / "positions/DISKOMINFO/DISKOMINFO.KEPALA_BIDANG_PERSANDIAN.yaml").is_file()
    assert (demo / "positions/DISKOMINFO/DISKOMINFO.KEPALA_BIDANG_STATISTIK.yaml").is_file()


def test_levels_are_never_guessed_and_unknown_competencies_are_named(demo, tmp_path, capsys):
    form = tmp_path / "salah.xlsx"
    spec = statistik()
    spec["kompetensi"]["Kompetensi Manajerial"][0] = ("", "Integritas", "Level tiga")
    spec["kompetensi"]["Kompetensi Manajerial"][1] = ("", "Kerja Sama", "3-4")
    spec["kompetensi"]["Kompetensi Teknis"].append(("", "Kecerdasan Buatan", 2))
    skj_forms.aplikasi(form, spec)
    code = main(["import", "--format", "skj-form", str(form), "--root", str(demo)])
    out = capsys.readouterr().out
    assert code == 1 and status(demo) == ""
    assert "[salah.xlsx]SKJ!C15: SKJ-LEVEL [galat] level `Level tiga` untuk `1. Integritas` bukan 1–5" in out
    assert "SKJ!C18: SKJ-LEVEL" in out
    assert "SKJ-KOMPETENSI [galat] kompetensi `2. Kecerdasan Buatan` tidak ada di kamus" in out


def test_a_new_position_needs_its_unit_and_jenjang(demo, tmp_path):
    form = tmp_path / "baru.xlsx"
    skj_forms.aplikasi(form, statistik(unit="", kelompok="Jabatan Administrasi"))
    result = api.import_files(demo, [form], format="skj-form")
    assert result.failed and status(demo) == ""
    assert [f.rule for f in result.findings if f.severity == "error"] == ["SKJ-FORM"]
    assert "--unit" in result.findings[-1].hint or any("--unit" in (f.hint or "") for f in result.findings)
    result = api.import_files(demo, [form], format="skj-form", unit="DISKOMINFO")
    assert result.failed and "Kelompok Jabatan" in " ".join(f.message for f in result.findings)


def test_ticking_two_columns_and_files_without_a_form(demo, tmp_path):
    form = tmp_path / "dua.xlsx"
    skj_forms.aplikasi(form, statistik(pelatihan=[("Manajerial", "Pelatihan Kepemimpinan Administrator",
                                                   ("V", "V", "-"))]))
    result = api.import_files(demo, [form], format="skj-form")
    assert "SKJ-TINGKAT" in {f.rule for f in result.findings} and result.failed
    empty = tmp_path / "kosong.xlsx"
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "Daftar hadir"
    book.save(empty)
    result = api.import_files(demo, [empty], format="skj-form")
    assert [f.rule for f in result.findings] == ["SKJ-FORM"] and status(demo) == ""
