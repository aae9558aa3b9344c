"""`kamus cakupan`: SKJ coverage from the SIASN employee export of tests/fixtures/siasn (public
layout, fictional people), with rows added the way real exports have them: a jabatan with no
SKJ held by several people, a struktural post with its eselon, a fungsional by its name, a unit
the kamus does not know, a name that matches two positions. Round trip: the workbook of the
missing positions, filled in as Excel saves it, goes through `kamus import`; then `validate`
passes and `cakupan` shows them covered."""

from __future__ import annotations

import json
import re

import openpyxl
import pytest

from conftest import build_case_root, git
from generator import api
from generator.talent.coverage import jenjang_of
from test_exports import PERIOD, SIASN, run, siasn_rows, write_siasn


@pytest.fixture
def root(tmp_path):
    root = build_case_root(SIASN, tmp_path / "kamus")
    folder = root / PERIOD
    header, rows = siasn_rows(folder / "data_utama_siasn.csv")
    hendra = rows[6]  # Analis Kepegawaian of BKPSDM: no SKJ
    extra = []
    for n, (jabatan, unit, unor, jenis, eselon) in enumerate([
            ("Analis Kepegawaian", hendra["UNOR NAMA"], hendra["UNOR ID"], "2", ""),  # a second incumbent
            ("Kepala Bidang Pengembangan Kompetensi Aparatur", hendra["UNOR NAMA"], hendra["UNOR ID"], "1", "III.b"),
            ("Pranata Komputer Terampil", "Dinas Kesehatan", "", "Jabatan Fungsional Tertentu", ""),
            ("Pengelola Data", "Dinas Pariwisata", "", "4", ""),  # a unit the kamus does not know
    ]):
        row = dict(hendra)
        row["NIP BARU"] = f"'19880205201401100{n}"[:-1] + str(n + 1)
        row["NAMA"] = f"PEGAWAI SAMPEL {n}"
        row["JABATAN NAMA"], row["JABATAN ID"], row["UNOR NAMA"], row["UNOR ID"] = jabatan, "", unit, unor
        row["JENIS JABATAN ID"], row["JENIS JABATAN NAMA"] = (jenis, "") if jenis.isdigit() else ("", jenis)
        row["ESELON NAMA"] = eselon
        extra.append(row)
    write_siasn(folder / "data_utama_siasn.csv", header + ["ESELON NAMA"], rows + extra)
    return root


def test_coverage_lists_the_jabatan_without_skj_with_their_people(root):
    for name in ("laporan_skp_ekinerja.csv", "asesmen_per_kompetensi.csv", "asesmen_ringkasan.csv", "rw_hukdis.csv"):
        (root / PERIOD / name).unlink()  # identifikasi jabatan comes first: only the employee export is there
    code, out = run("cakupan", "--root", root, "--format", "json")
    assert code == 0, out
    found = json.loads(out)
    missing = {(m["unit"], m["nama"]): m for m in found["tanpa_skj"]}
    assert missing[("BKPSDM", "Analis Kepegawaian")]["orang"] == 2
    assert missing[("BKPSDM", "Kepala Bidang Pengembangan Kompetensi Aparatur")]["jenjang"] == "administrator"
    assert missing[("DINKES", "Pranata Komputer Terampil")]["jenjang"] == "fungsional_terampil"
    unknown = missing[(None, "Pengelola Data")]
    assert unknown["unit_ekspor"] == "Dinas Pariwisata" and unknown["jenjang"] == "pelaksana"
    units = {u["kode"] or u["nama"]: u for u in found["unit"]}
    assert (units["BKPSDM"]["pegawai"], units["BKPSDM"]["ber_skj"]) == (3, 0)
    assert (units["DINKES"]["pegawai"], units["DINKES"]["ber_skj"], units["DINKES"]["persen"]) == (6, 5, 83.3)
    assert units["Dinas Pariwisata"]["pegawai"] == 1  # counted under its export name, never dropped
    assert found["jumlah"]["pegawai"] == 12 and found["jumlah"]["ber_skj"] == 7
    code, text = run("cakupan", "--root", root)
    assert "  BKPSDM · Analis Kepegawaian · 2 orang" in text
    assert "unit tidak dikenal `Dinas Pariwisata` · Pengelola Data · 1 orang" in text
    assert "Jumlah: 12 pegawai, 7 dengan SKJ (58,3%)." in text
    assert "SAMPEL" not in text + out and "19880205" not in text + out  # counts, never a NIP or a name


def test_ambiguous_rows_are_listed_apart(root):
    kasubbag = root / "positions" / "DINKES" / "DINKES.KASUBBAG_UMUM.yaml"
    twin = root / "positions" / "DINKES" / "DINKES.KASUBBAG_UMUM_2.yaml"
    twin.write_text("".join(line for line in kasubbag.read_text("utf-8").replace(
        "DINKES.KASUBBAG_UMUM", "DINKES.KASUBBAG_UMUM_2").splitlines(True) if "siasn" not in line), "utf-8")
    folder = root / PERIOD
    header, rows = siasn_rows(folder / "data_utama_siasn.csv")
    rows[2]["UNOR NAMA"], rows[2]["UNOR ID"], rows[2]["JABATAN ID"] = "Dinas Kesehatan", "", ""
    write_siasn(folder / "data_utama_siasn.csv", header, rows)
    found = api.cakupan(root).coverage
    [chosen] = found.ambiguous
    assert set(chosen.kandidat) == {"DINKES.KASUBBAG_UMUM", "DINKES.KASUBBAG_UMUM_2"}
    assert not any(m.nama == chosen.nama for m in found.missing)


@pytest.mark.parametrize("jenis, eselon, nama, jenjang", [
    ("1", "II.a", "Kepala Dinas", "jpt_pratama"), ("Jabatan Struktural", "IV.a", "Kepala Seksi", "pengawas"),
    ("Jabatan Struktural", "", "Kepala Seksi", None), ("2", "", "Perencana Ahli Madya", "fungsional_ahli_madya"),
    ("Jabatan Fungsional Tertentu", "", "Dokter", None), ("4", "", "Pengadministrasi Umum", "pelaksana"),
    ("Jabatan Fungsional Umum", "", "Analis Kepegawaian", "pelaksana"), ("", "", "Arsiparis Penyelia",
                                                                        "fungsional_penyelia"),
    ("", "III.a", "Sekretaris", "administrator"), ("", "", "Kepala Bagian", None),
])
def test_jenjang_from_the_export(jenis, eselon, nama, jenjang):
    assert jenjang_of(jenis, eselon, nama) == jenjang


def test_the_workbook_round_trip_creates_the_positions(root, tmp_path):
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "kamus")
    book = tmp_path / "kebutuhan-skj.xlsx"
    code, _ = run("cakupan", "--root", root, "--output", book)
    assert code == 0
    workbook = openpyxl.load_workbook(book)
    assert workbook.sheetnames == openpyxl.load_workbook(_export(root, tmp_path)).sheetnames  # the export's layout
    jabatan = workbook["Jabatan"]
    column = {cell.value: cell.column - 1 for cell in jabatan[1]}
    rows = [row for row in jabatan.iter_rows(min_row=3, values_only=True) if row[0]]
    made = {row[column["nama"]]: row for row in rows}
    assert set(made) == {"Analis Kepegawaian", "Kepala Bidang Pengembangan Kompetensi Aparatur",
                         "Pranata Komputer Terampil"}  # the unknown unit's jabatan has no folder to go to
    assert made["Analis Kepegawaian"][column["kode"]] == "BKPSDM.ANALIS_KEPEGAWAIAN"
    assert made["Analis Kepegawaian"][column["siasn.jabatan_id"]] == "36a44cf9a74eff034dd1226aab5d765c"
    assert made["Pranata Komputer Terampil"][column["jenjang"]] == "fungsional_terampil"
    needs = [row for row in workbook["Kebutuhan"].iter_rows(min_row=3, values_only=True) if row[0]]
    assert {row[0] for row in needs} == {row[column["kode"]] for row in rows} and all(r[2] is None for r in needs)
    _fill(book)  # the OPD fills it in, Excel saves it
    result = api.import_files(root, [book])
    assert not result.failed, result.text()
    assert len(result.plan.writes) == 3
    assert api.validate(root).count("error") == 0
    again = api.cakupan(root).coverage
    assert [(m.unit, m.nama) for m in again.missing] == [("", "Pengelola Data")]
    assert again.total.ber_skj == 11


def _export(root, tmp_path):
    path = tmp_path / "kamus.xlsx"
    api.export(root, "xlsx", path)
    return path


def _fill(book) -> None:
    """Fill the workbook of `kamus cakupan --output` as an OPD does: an ikhtisar per jabatan, a
    level per competency; saved with openpyxl, as Excel saves it."""
    workbook = openpyxl.load_workbook(book)
    jabatan = workbook["Jabatan"]
    column = {cell.value: cell.column - 1 for cell in jabatan[1]}
    for row in jabatan.iter_rows(min_row=3):
        if row[0].value:
            row[column["ikhtisar"]].value = f"Ikhtisar jabatan {row[column['nama']].value}."
    standard = {"BKPSDM.KEPALA_BIDANG_PENGEMBANGAN_KOMPETENSI_APARATUR": 3}
    for row in workbook["Kebutuhan"].iter_rows(min_row=3):
        if row[0].value:
            row[2].value = standard.get(row[0].value, 2)
    workbook.save(book)


def _employees_only(root) -> None:
    for name in ("laporan_skp_ekinerja.csv", "asesmen_per_kompetensi.csv", "asesmen_ringkasan.csv", "rw_hukdis.csv"):
        (root / PERIOD / name).unlink()


def test_the_first_step_works_with_the_employee_export_alone(root, tmp_path, capsys):
    """What an OPD has before SKP and assessment: the period validates with one warning, cakupan
    writes the workbook, `kamus import` creates the positions, and `kamus talenta` says plainly
    that the period cannot be mapped yet."""
    _employees_only(root)
    code, out = run("validate", "--root", root, "--format", "json")
    assert code == 0, out
    report = json.loads(out)
    assert [f["rule"] for f in report["findings"] if f["severity"] == "error"] == []
    [unmapped] = [f for f in report["findings"] if f["rule"] == "SNAPSHOT-UNMAPPED"]
    assert unmapped["severity"] == "warning" and unmapped["path"] == PERIOD
    assert "kinerja" in unmapped["message"] and "nilai potensial" in unmapped["message"]
    assert not [f for f in report["findings"] if f["rule"] == "SNAPSHOT-JOIN"]  # one finding says it, not one per file
    assert any(f["rule"] == "SNAPSHOT-JABATAN-UNMATCHED" for f in report["findings"])  # the rows are read
    book = tmp_path / "kebutuhan-skj.xlsx"
    assert run("cakupan", "--root", root, "--output", book)[0] == 0
    _fill(book)
    code, out = run("import", "--root", root, book)
    assert code == 0, out
    assert (root / "positions" / "BKPSDM" / "BKPSDM.ANALIS_KEPEGAWAIAN.yaml").is_file()
    code, out = run("validate", "--root", root)
    assert code == 0, out
    found = api.cakupan(root).coverage
    assert [(m.unit, m.nama) for m in found.missing] == [("", "Pengelola Data")] and found.total.ber_skj == 11
    capsys.readouterr()
    code, out = run("talenta", "--root", root)
    said = capsys.readouterr().err
    assert code == 2 and out == "" and "Traceback" not in said
    assert said.startswith("kamus: galat: periode 2025 belum dapat dipetakan: belum ada berkas yang memuat kinerja")
    assert "snapshots/2025/" in said


def test_a_snapshot_error_does_not_hold_up_export_and_import(root, tmp_path, capsys):
    """`kamus export` and `kamus import` work on the kamus files: a damaged row of a period is
    `kamus validate`'s finding, not a reason to refuse them; the kamus's own errors still are."""
    _employees_only(root)
    folder = root / PERIOD
    header, rows = siasn_rows(folder / "data_utama_siasn.csv")
    rows.append(dict(rows[0]))  # the same NIP twice: SNAPSHOT-NIP-DUPLICATE, an error
    write_siasn(folder / "data_utama_siasn.csv", header, rows)
    assert run("validate", "--root", root)[0] == 1
    book = tmp_path / "kebutuhan-skj.xlsx"
    assert run("cakupan", "--root", root, "--output", book)[0] == 0
    _fill(book)
    code, out = run("import", "--root", root, book)
    assert code == 0, out
    assert "SNAPSHOT-NIP-DUPLICATE" not in out  # not the import's
    assert run("export", "--root", root, "--format", "json", "--output", tmp_path / "kamus.json")[0] == 0
    broken = root / "positions" / "BKPSDM" / "BKPSDM.ANALIS_KEPEGAWAIAN.yaml"
    broken.write_text(broken.read_text("utf-8").replace("nama:", "nama: [", 1), "utf-8")
    capsys.readouterr()
    code, out = run("export", "--root", root, "--format", "json", "--output", tmp_path / "lagi.json")
    assert code == 1 and "ANALIS_KEPEGAWAIAN" in out + capsys.readouterr().err


def test_the_site_shows_the_shares_per_unit_and_counts_only(root, tmp_path):
    """The Cakupan SKJ page counts as `kamus cakupan` counts (one function), per unit, with the
    rows of unknown units and the rows to choose between as counts; it names no jabatan without
    SKJ, no person and no NIP, also while the newest period holds only its employee export."""
    _employees_only(root)
    code, out = run("cakupan", "--root", root, "--format", "json")
    counted = json.loads(out)
    api.build(root, tmp_path / "situs")
    page = (tmp_path / "situs" / "cakupan" / "index.html").read_text("utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Seluruh instansi: 7 dari 12 pegawai (58,3%)" in text
    bkpsdm = next(u for u in counted["unit"] if u["kode"] == "BKPSDM")
    name = bkpsdm["nama"]
    assert re.search(rf"{re.escape(name)} 3 0 0,0%", text), text  # employees, with SKJ, share
    assert "Unit tidak dikenal (1 nama unit di ekspor) 1 0" in text
    assert "Jumlah 12 7 58,3%" in text
    for missing in counted["tanpa_skj"]:
        assert missing["nama"] not in text  # jabatan with people counts stay in the operator's tool
    assert "Dinas Pariwisata" not in text and "SAMPEL" not in text and "19880205" not in text
    home = (tmp_path / "situs" / "index.html").read_text("utf-8")
    assert 'href="cakupan/"' in home  # in the navigation and in "Mulai dari sini"
    assert not (tmp_path / "situs" / "talenta").exists()  # the only period cannot be mapped yet
