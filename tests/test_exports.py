"""Real data in, as it comes: a period folder of the files a BKPSDM downloads (SIASN "data
utama", e-Kinerja SKP, a talent application's assessment rows, SIASN rw-hukdis), built from
the public header lists and layouts (tests/fixtures/siasn: fictional people of "Kab. Contoh
Raya"), and the variants real exports show: `|` with a BOM, title rows, an HTML table saved
as .xls, month-first dates, PPPK rows, names that match two positions."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import TESTS, build_case_root
from generator.cli import main
from generator.project import Project
from generator.talent.matching import Facts, PositionIndex, name_key
from generator.talent.snapshot.values import (Dates, golongan, parse_date, pendidikan, predikat, sex_digit,
                                              tingkat_hukuman)

SIASN = TESTS / "fixtures" / "siasn"
SAMPLES = SIASN / "files" / "snapshots" / "2025"
PERIOD = "snapshots/2025"
AGUS, SITI, BAGUS, DEWI, RUDI, NUR, HENDRA, MAYA = (
    "197203141998031004", "197809212003012012", "198506072010031007", "199001122015032021", "198304302009021003",
    "199508182019032045", "198802052014011009", "199203152022212004")


def run(*argv) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([str(a) for a in argv])
    return code, out.getvalue()


@pytest.fixture
def root(tmp_path) -> Path:
    return build_case_root(SIASN, tmp_path / "kamus")


def findings(root) -> list[dict]:
    _, out = run("validate", "--root", root, "--format", "json")
    return json.loads(out)["findings"]


def talenta(root) -> dict:
    code, out = run("talenta", "--root", root, "--format", "json")
    assert code == 0, out
    return json.loads(out)


def people(root) -> dict:
    snapshot = Project.open(root).snapshots[0]
    return {p.nip: p for p in snapshot.people}


def siasn_rows(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], [dict(zip(rows[0], row)) for row in rows[1:]]


def write_siasn(path: Path, header: list[str], rows: list[dict], delimiter: str = ",") -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows([[row.get(h, "") for h in header] for row in rows])


# --- the folder as downloaded ----------------------------------------------------------------------

def test_a_siasn_folder_maps_every_person_it_can_and_says_where_each_field_came_from(root):
    found = findings(root)
    assert not [f for f in found if f["severity"] == "error"], found
    by_rule = {}
    for f in found:
        by_rule.setdefault(f["rule"], []).append(f)
    assert {f["path"] for f in by_rule["SNAPSHOT-SOURCE"]} >= {f"{PERIOD}/{name}" for name in (
        "data_utama_siasn.csv", "laporan_skp_ekinerja.csv", "asesmen_per_kompetensi.csv", "asesmen_ringkasan.csv",
        "rw_hukdis.csv")}
    # the 49 SIASN columns Kamus does not use: one notice, never HEADER-TYPO
    ignored = [f for f in by_rule["SNAPSHOT-COLUMN-IGNORED"] if f["path"].endswith("data_utama_siasn.csv")]
    assert len(ignored) == 1 and "`NIP LAMA`" in ignored[0]["message"] and "`PENDIDIKAN NAMA`" in ignored[0]["message"]
    assert "SNAPSHOT-HEADER-TYPO" not in by_rule
    # the Analis Kepegawaian of BKPSDM has no SKJ; the PPPK nurse has no assessment
    [unmatched] = by_rule["SNAPSHOT-JABATAN-UNMATCHED"]
    assert (unmatched["line"], "`Analis Kepegawaian`" in unmatched["message"]) == (8, True)
    [join] = by_rule["SNAPSHOT-JOIN"]
    assert join["line"] == 9 and "tanpa nilai potensial" in join["message"]
    normalised = next(f for f in by_rule["SNAPSHOT-SOURCE"] if "huruf besar" in f["message"])
    assert "`Kerjasama` → `M.2`" in normalised["message"] and "`Orientasi Pada Hasil` → `M.4`" in normalised["message"]

    result = talenta(root)
    assert result["snapshot"] == PERIOD
    jabatan = {p["nip"]: p["jabatan"] for p in result["orang"]}
    assert jabatan == {AGUS: "DINKES.KADIS",  # by name in the unit found by its UNOR ID
                       SITI: "DINKES.KABID_YANKES",  # the unit by a nama_lain (a bidang of the dinas)
                       BAGUS: "DINKES.KASUBBAG_UMUM",  # "Kepala Sub Bagian …" = "Kasubbag …"
                       DEWI: "PKM.PERAWAT_PERTAMA", RUDI: "DINKES.PERENCANA_MUDA",  # by JABATAN ID
                       NUR: "DINKES.PENGADMINISTRASI"}  # a no-break space after the name
    assert result["sumber"]["predikat_kinerja"] == f"{PERIOD}/laporan_skp_ekinerja.csv"
    assert result["sumber"]["asesmen"] == f"{PERIOD}/asesmen_per_kompetensi.csv"
    assert result["sumber"]["nilai_potensi"] == f"{PERIOD}/asesmen_ringkasan.csv"
    assert any("berkas SKP (e-Kinerja) periode ini: tahun 2024 (kebijakan instansi: talenta.kinerja_skp terakhir)" in line
               for line in result["kebijakan"])
    orang = {p["nip"]: p for p in result["orang"]}
    # SKP 2024 of SITI is "Sangat Baik" (2023: Baik): the latest year up to the period counts
    assert orang[SITI]["kinerja"] == "di_atas" and orang[RUDI]["kinerja"] == "sesuai"
    assert orang[AGUS]["gap"]["M.4"] == 1 and orang[AGUS]["gap"]["M.5"] == -1  # levels from the long file
    assert orang[AGUS]["kotak"] == 7 and orang[AGUS]["kelompok_talenta"]


def test_nothing_in_the_checks_names_a_person(root):
    _, text = run("validate", "--root", root)
    for nip in (AGUS, HENDRA, MAYA):
        assert nip not in text
    assert "AGUS" not in text and "HENDRA" not in text and "MAYA" not in text


def test_values_as_siasn_exports_them(root):
    found = people(root)
    agus, dewi, nur = found[AGUS], found[DEWI], found[NUR]
    assert agus.nama == "dr. AGUS SAMPEL WIBOWO, M.Kes"  # GELAR DEPAN and GELAR BELAKANG around NAMA
    assert agus.pangkat_golongan == golongan("IV/c")[0] and agus.tmt_jabatan == dt.date(2022, 1, 3)
    assert dewi.pendidikan == pendidikan("S1")  # "Profesi" (42) counts as S1
    assert nur.pendidikan == pendidikan("D-III")  # "Diploma III/Sarjana Muda"
    assert MAYA not in found  # no assessment: not mapped, listed in the RAHASIA report


def test_a_pppk_is_checked_on_its_own_scale(root):
    (root / "snapshots/2025/asesmen_ringkasan.csv").open("a", encoding="utf-8").write(
        f"{MAYA},AC-2024-0008,90.00,85.00,3.00,3.00,,100.00,Memenuhi Syarat,Dapat dikembangkan\r\n")
    maya = people(root)[MAYA]
    assert maya.golongan_pppk == 9 and maya.pangkat_golongan is None
    from generator.talent.eligibility import Requirements
    from generator.model.policy import TalentPolicy
    check = Requirements("fungsional_ahli_muda", TalentPolicy().suksesi, dt.date(2025, 12, 31),
                         frozenset({"pangkat_golongan"}))

    class Result:
        person, jenjang = maya, "fungsional_ahli_pertama"
    _, unchecked = check.explain(Result)
    assert any("golongan PPPK IX tidak dibandingkan" in u for u in unchecked)


def test_the_restricted_report_lists_the_rows_matched_by_name(root, tmp_path):
    code, _ = run("talenta", "--root", root, "--output", tmp_path / "rahasia")
    assert code == 0
    with open(tmp_path / "rahasia" / "RAHASIA-2025-pencocokan.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][0].startswith("RAHASIA")
    listed = {row[2]: row for row in rows[2:]}
    assert listed[SITI][10] == "DINKES.KABID_YANKES" and listed[SITI][11] == "dicocokkan menurut nama"
    assert listed[SITI][5] == "20F7555C526835FD62DB6A460189DE52"  # the JABATAN ID to add once
    assert listed[SITI][6:8] == ["Jabatan Struktural", ""]
    assert listed[HENDRA][10] == "" and listed[HENDRA][11] == "jabatan belum ada di kamus"
    assert listed[MAYA][11].startswith("tanpa nilai potensial")  # placed by JABATAN ID, not mapped
    assert DEWI not in listed  # matched by JABATAN ID: nothing to add


def edit_rows(path: Path, delimiter: str, change) -> None:
    """Rewrite the CSV at ``path`` (as its exporter wrote it: ``delimiter``, CRLF) with ``change``
    applied to its rows (header first, as lists of cells)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=delimiter))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(change(rows))


def test_two_skp_years_drive_the_pasal_199_gate_and_tmt_eselon_the_time_in_the_jenjang(root):
    """The period 2025 as downloaded in 2025: SKP 2023 and 2024 (e-Kinerja), the employee export
    with TMT ESELON (SIMPEG exports and SIASN's API carry it; its CSV download does not).
    By hand: AGUS (kotak 7 from SKP 2024 Sangat Baik) had SKP 2023 Butuh Perbaikan, so Pasal 199
    ayat (2) huruf c ("paling kurang bernilai baik dalam 2 (dua) tahun terakhir", 2023–2024) keeps
    him out of the kelompok talenta; SITI moved to her Kabid post on 01-07-2024 but has been
    administrator since 02-05-2019 (TMT ESELON): 6.7 years in the jenjang ≥ the 2 years JPT
    pratama asks, 0.5 years in the post < 2."""
    skp = root / PERIOD / "laporan_skp_ekinerja.csv"
    edit_rows(skp, ";", lambda rows: [row[:14] + ["BUTUH PERBAIKAN"] + row[15:]
                                      if row[2] == AGUS and row[24] == "2023" else row for row in rows])
    utama = root / PERIOD / "data_utama_siasn.csv"

    def eselon(rows):
        head = rows[0]
        column = head.index("TMT JABATAN")
        out = [head[:column + 1] + ["TMT ESELON"] + head[column + 1:]]
        for row in rows[1:]:
            nip = row[1].lstrip("'")
            tmt = {SITI: "01-07-2024"}.get(nip, row[column])
            since = {SITI: "02-05-2019", AGUS: "03-01-2022"}.get(nip, "")
            out.append(row[:column] + [tmt, since] + row[column + 1:])
        return out
    edit_rows(utama, ",", eselon)
    assert not [f for f in findings(root) if f["severity"] == "error"]
    found = people(root)
    assert found[AGUS].predikat_tahun == ((2023, "Butuh Perbaikan"), (2024, "Sangat Baik"))
    assert found[SITI].predikat_tahun == ((2023, "Baik"), (2024, "Sangat Baik"))
    assert (found[SITI].tmt_jabatan, found[SITI].tmt_jenjang) == (dt.date(2024, 7, 1), dt.date(2019, 5, 2))
    assert found[BAGUS].tmt_jenjang is None  # an empty cell: measured from his TMT JABATAN

    result = talenta(root)
    assert result["sumber"]["tmt_jenjang"] == f"{PERIOD}/data_utama_siasn.csv"
    orang = {p["nip"]: p for p in result["orang"]}
    assert orang[AGUS]["kotak"] == 7 and orang[AGUS]["kinerja"] == "di_atas"  # the latest year: 2024
    assert orang[AGUS]["kelompok_talenta"] is False
    assert "predikat kinerja 2023 Butuh Perbaikan di bawah Baik" in orang[AGUS]["alasan_tidak_masuk"]
    assert "Pasal 199 ayat (2) huruf c" in orang[AGUS]["alasan_tidak_masuk"]
    assert orang[SITI]["kelompok_talenta"] and orang[SITI]["kelompok_talenta_tidak_diperiksa"] == []
    gate = next(line for line in result["kebijakan"] if "Pasal 199 ayat (2) huruf c" in line)
    assert "2 tahun terakhir (2023–2024)" in gate and "berkas SKP" in gate
    assert not [line for line in result["kebijakan"] if PERIOD in line]  # the site shows these lines: no path
    kadis = next(s for s in result["suksesi"] if s["jabatan"] == "DINKES.KADIS")
    masa = next(a for a in kadis["aturan"] if a["aturan"] == "masa_jabatan_minimal")
    assert masa["diperiksa"] and "diukur dari TMT jenjang" in masa["keterangan"]
    assert [c["nip"] for c in kadis["kandidat"]] == [SITI]  # AGUS holds the post and is out of the pool

    # kinerja_skp: terendah (local policy): AGUS's kinerja comes from his lower year, 2023
    config = root / "kamus.yaml"  # the fixture kamus has none: every setting is the default
    config.write_text("talenta:\n  kinerja_skp: terendah\n", "utf-8")
    lowest = talenta(root)
    agus = next(p for p in lowest["orang"] if p["nip"] == AGUS)
    assert agus["kinerja"] == "di_bawah" and agus["kotak"] != 7  # Butuh Perbaikan → di bawah ekspektasi
    assert any("talenta.kinerja_skp terendah" in line for line in lowest["kebijakan"])
    config.unlink()

    # the same export without TMT ESELON: measured from TMT JABATAN, and said so
    edit_rows(utama, ",", lambda rows: [row[:rows[0].index("TMT ESELON")] + row[rows[0].index("TMT ESELON") + 1:]
                                        for row in rows])
    result = talenta(root)
    kadis = next(s for s in result["suksesi"] if s["jabatan"] == "DINKES.KADIS")
    masa = next(a for a in kadis["aturan"] if a["aturan"] == "masa_jabatan_minimal")
    assert "diukur dari TMT jabatan" in masa["keterangan"]
    assert kadis["kandidat"] == [] and kadis["dikecualikan_per_aturan"]["masa_jabatan_minimal"] == 1


# --- the same people in other real layouts ----------------------------------------------------------

def test_pipe_separated_with_bom_and_eselon_columns(root):
    replace_files(root, ("data_utama_siasn.csv",), {"siasn_data_utama_eselon_pipe.csv": "utama.csv"})
    assert set(people(root)) == {AGUS, SITI, BAGUS, DEWI, RUDI, NUR}


def replace_files(root, gone: tuple[str, ...], samples: dict[str, str]) -> None:
    """The period folder with the files ``gone`` removed and the other real layouts
    ``samples`` (sample → its name in the folder) put in."""
    period = root / PERIOD
    for name in gone:
        (period / name).unlink()
    for sample, name in samples.items():
        shutil.copy(SIASN / "samples" / sample, period / name)


def test_title_rows_and_an_html_table_saved_as_xls(root):
    replace_files(root, ("data_utama_siasn.csv", "laporan_skp_ekinerja.csv"),
                  {"daftar_pegawai_tabletoexcel.xls": "daftar_pegawai.xls", "laporan_skp_titlerows.xlsx": "laporan_skp.xlsx"})
    found = people(root)
    assert set(found) == {AGUS, SITI, BAGUS, DEWI, RUDI, NUR}  # "19780921 200301 2 012" is SITI's NIP
    assert found[SITI].tmt_jabatan == dt.date(2019, 5, 2)  # DD/MM/YYYY
    assert found[AGUS].pangkat_golongan == golongan("IV/c")[0]  # "Pembina Utama Muda (IV/c)"
    notices = [f for f in findings(root) if f["path"].endswith("daftar_pegawai.xls")]
    assert any("berisi nama jabatan" in f["message"] for f in notices)
    skp = [f for f in findings(root) if f["path"].endswith("laporan_skp.xlsx") and f["rule"] == "SNAPSHOT-SOURCE"]
    assert skp and skp[0]["line"] == 8  # the header under 7 title rows


def test_assessment_reports_with_a_two_row_header(root):
    replace_files(root, ("asesmen_per_kompetensi.csv", "asesmen_ringkasan.csv"),
                  {"rekap_penilaian_html.xls": "rekap.xls", "vendor_rekap_penilaian.xlsx": "rekap_vendor.xlsx"})
    errors = [f for f in findings(root) if f["severity"] == "error"]
    assert [f["message"] for f in errors] == [
        "tidak ada berkas yang memuat kolom `nilai_potensi`, dan komponennya belum lengkap: `rekam_jejak` tidak ada"]
    (root / "kamus.yaml").write_text("talenta:\n  kolom:\n    PENILAIAN POTENSI: nilai_potensi\n", "utf-8")
    result = talenta(root)
    assert result["sumber"]["nilai_potensi"] == f"{PERIOD}/rekap_vendor.xlsx"
    assert result["sumber"]["asesmen"] == f"{PERIOD}/rekap.xls"  # "Kompetensi" over "Integritas<br/>4" …
    agus = next(p for p in result["orang"] if p["nip"] == AGUS)
    assert agus["gap"]["M.1"] == 0 and agus["gap"]["M.3"] == 1  # … and never the "Gap Kompetensi" columns


def test_a_siasn_export_alone_is_one_finding_per_missing_field_with_the_folder_hint(root):
    shutil.copy(root / PERIOD / "data_utama_siasn.csv", root / "snapshots" / "2024.csv")
    missing = [f for f in findings(root) if f["path"] == "snapshots/2024.csv" and f["severity"] == "error"]
    assert [f["rule"] for f in missing] == ["SNAPSHOT-HEADER-MISSING"] * 2
    assert all("snapshots/2024/" in f["hint"] for f in missing)


def test_a_sheet_without_a_nip_column_is_one_finding(root):
    (root / PERIOD / "catatan.csv").write_text("Nama;Jabatan;Unit\r\nA;B;C\r\n", "utf-8")
    found = [f for f in findings(root) if f["path"].endswith("catatan.csv")]
    assert [f["rule"] for f in found] == ["SNAPSHOT-HEADER-MISSING"] and "NIP" in found[0]["message"]


def test_a_file_of_no_known_kind_is_one_finding(root):
    (root / PERIOD / "lain.csv").write_text(f"nip;warna\r\n{AGUS};biru\r\n", "utf-8")
    found = [f for f in findings(root) if f["path"].endswith("lain.csv") and f["severity"] == "error"]
    assert [f["rule"] for f in found] == ["SNAPSHOT-SOURCE-UNKNOWN"]


def test_people_missing_from_the_employee_export_are_counted_by_row(root):
    with open(root / PERIOD / "asesmen_per_kompetensi.csv", "a", encoding="utf-8") as handle:
        handle.write("196001011985031001,AC-X,01,Integritas,3.00,4,-1.00,,,,,,\r\n")
    [orphan] = [f for f in findings(root) if f["rule"] == "SNAPSHOT-JOIN" and f["path"].endswith("kompetensi.csv")]
    assert orphan["line"] == 56 and "1 pegawai di berkas ini tidak ada di ekspor data pegawai" in orphan["message"]
    assert "196001011985031001" not in orphan["message"]
    [listed] = [p for p in Project.open(root).snapshots[0].placed if p.nip == "196001011985031001"]  # RAHASIA only
    assert (listed.path, listed.line, listed.keterangan) == (
        f"{PERIOD}/asesmen_per_kompetensi.csv", 56, "tidak ada di ekspor data pegawai")


# --- dates, checks against the NIP, local headers ---------------------------------------------------

def test_month_first_dates_are_read_as_the_file_writes_them(root):
    path = root / PERIOD / "data_utama_siasn.csv"
    header, rows = siasn_rows(path)
    for row in rows:  # TANGGAL LAHIR and TMT JABATAN month first, as a talent application writes m-d-Y
        for column in ("TANGGAL LAHIR", "TMT JABATAN"):
            day, month, year = row[column].split("-")
            row[column] = f"{month}-{day}-{year}"
    write_siasn(path, header, rows)
    assert people(root)[SITI].tmt_jabatan == dt.date(2019, 5, 2)
    order = [f for f in findings(root) if f["rule"] == "SNAPSHOT-DATE-ORDER"]
    assert order and "bulan lebih dulu" in order[0]["message"]
    rows[0]["TMT JABATAN"] = "25-12-2021"  # one day-first date in a month-first file: the month-first ones are wrong
    write_siasn(path, header, rows)
    errors = [f for f in findings(root) if f["rule"] == "SNAPSHOT-DATE"]
    assert errors and all("hari lebih dulu (baris 2)" in f["message"] for f in errors)


def test_birth_date_sex_and_kind_of_post_are_checked_against_the_nip_and_the_kamus(root):
    path = root / PERIOD / "data_utama_siasn.csv"
    header, rows = siasn_rows(path)
    rows[1]["TANGGAL LAHIR"] = "22-09-1978"
    rows[1]["JENIS KELAMIN"] = "M"
    rows[4]["JENIS JABATAN ID"], rows[4]["JENIS JABATAN NAMA"] = "4", "Jabatan Fungsional Umum"
    write_siasn(path, header, rows)
    found = findings(root)
    nip_data = sorted((f["line"], f["message"].split(" ")[0]) for f in found if f["rule"] == "SNAPSHOT-NIP-DATA")
    assert nip_data == [(3, "`jenis_kelamin`"), (3, "`tanggal_lahir`")]
    [kind] = [f for f in found if f["rule"] == "SNAPSHOT-JENIS-JABATAN"]
    assert kind["line"] == 6 and "DINKES.PERENCANA_MUDA" in kind["message"]
    assert RUDI in people(root)  # warnings: the person is still mapped


def test_local_headers_mapped_in_kamus_yaml(root):
    shutil.rmtree(root / PERIOD)
    (root / "snapshots" / "2025.csv").write_text(
        "NIP;Nama Pegawai Lengkap;Jabatan;Unit Kerja;performance_value;Potensi\r\n"
        f"{AGUS};Agus;Kepala Dinas Kesehatan;Dinas Kesehatan;90;81\r\n"
        f"{SITI};Siti;KEPALA BIDANG PELAYANAN KESEHATAN;Dinkes;72;70\r\n", "utf-8")
    (root / "kamus.yaml").write_text("talenta:\n  kolom:\n    Nama Pegawai Lengkap: nama\n"
                                     "    performance_value: nilai_kinerja\n    Potensi: nilai_potensi\n", "utf-8")
    result = talenta(root)
    assert {p["nip"]: (p["jabatan"], p["kotak"]) for p in result["orang"]} == {
        AGUS: ("DINKES.KADIS", 9), SITI: ("DINKES.KABID_YANKES", 5)}  # the unit by its singkatan



def test_talenta_kolom_offers_every_column_the_reader_knows():
    """The schema's choices for `talenta.kolom` (editor completion, SCHEMA-ENUM) are the fields
    the period reader knows, tmt_jenjang included: one list, two places."""
    from generator.talent.snapshot.columns import FIELDS
    schema = json.loads((TESTS.parent / "schemas" / "config.schema.json").read_text("utf-8"))
    kolom = schema["properties"]["talenta"]["properties"]["kolom"]["patternProperties"]["\\S"]
    assert kolom["enum"] == list(FIELDS)

# --- positions: never guessed -------------------------------------------------------------------------

def test_two_candidates_are_never_chosen_between(root):
    pkm2 = root / "positions" / "PKM2"
    pkm2.mkdir()
    (pkm2 / "_unit.yaml").write_text("kode: PKM2\nnama: UPT Puskesmas Kedua\ninduk: DINKES\n", "utf-8")
    text = (root / "positions/PKM/PKM.PERAWAT_PERTAMA.yaml").read_text("utf-8")
    (pkm2 / "PKM2.PERAWAT_PERTAMA.yaml").write_text(text.replace("PKM.PERAWAT_PERTAMA", "PKM2.PERAWAT_PERTAMA"), "utf-8")
    kamus = Project.open(root).require_valid()
    index = PositionIndex(kamus)
    jf = "e5fe2efe7e30f74bbb0e95fae6937efd"
    # one JABATAN ID in two units: the row's unit decides …
    assert index.resolve(Facts(nama_jabatan="Perawat Ahli Pertama", jabatan_id=jf,
                               unit_kerja="UPT Puskesmas Kedua")).kode == "PKM2.PERAWAT_PERTAMA"
    # … and a unit above both leaves two candidates: ambigu, with both named
    dinas = index.resolve(Facts(nama_jabatan="Perawat Ahli Pertama", jabatan_id=jf, unit_kerja="Dinas Kesehatan"))
    assert dinas.kode is None and dinas.problem == "ambigu"
    assert set(dinas.candidates) == {"PKM.PERAWAT_PERTAMA", "PKM2.PERAWAT_PERTAMA"}
    by_name = index.resolve(Facts(nama_jabatan="Perawat Ahli Pertama", unit_kerja="Dinkes"))
    assert by_name.problem == "ambigu"
    unknown_unit = index.resolve(Facts(nama_jabatan="Perawat Ahli Pertama", unit_kerja="Dinas Pendidikan"))
    assert unknown_unit.problem == "unit"
    # in the period, with the nurses' unit given as the dinas: one warning for both rows, neither mapped
    path = root / PERIOD / "data_utama_siasn.csv"
    header, rows = siasn_rows(path)
    for row in rows:
        if row["JABATAN NAMA"] == "Perawat Ahli Pertama":
            row["UNOR ID"], row["UNOR NAMA"] = "136CB94838DA83A906263EC23D03DCE9", "Dinas Kesehatan"
    write_siasn(path, header, rows)
    found = [f for f in findings(root) if f["rule"] == "SNAPSHOT-JABATAN-AMBIGUOUS"]
    assert [f["line"] for f in found] == [5] and "(2 baris, pertama baris 5)" in found[0]["message"]
    assert DEWI not in people(root) and AGUS in people(root)


def test_an_id_match_with_another_name_is_a_notice(root):
    path = root / PERIOD / "data_utama_siasn.csv"
    header, rows = siasn_rows(path)
    rows[4]["JABATAN NAMA"] = "Perencana Pertama (lama)"
    write_siasn(path, header, rows)
    [notice] = [f for f in findings(root) if f["rule"] == "SNAPSHOT-JABATAN-NAMA"]
    assert notice["severity"] == "notice" and "DINKES.PERENCANA_MUDA" in notice["message"]
    assert people(root)[RUDI].jabatan == "DINKES.PERENCANA_MUDA"


@pytest.mark.parametrize("one, other", [
    ("Kasubbag Umum & Kepegawaian", "KEPALA SUB BAGIAN UMUM DAN KEPEGAWAIAN"),
    ("Kabid Pengembangan, Pendidikan dan Pelatihan", "Kepala Bidang Pengembangan , Pendidikan dan Pelatihan"),
    ("Pengadministrasi Perkantoran\u00a0", "pengadministrasi  perkantoran"),
    ("Kepala Subbagian Umum", "Kepala Sub Bag. Umum"),
    ("Pembina Tk.I", "Pembina Tingkat I"),
])
def test_names_compare_as_people_write_them(one, other):
    assert name_key(one) == name_key(other)


def test_different_names_stay_different():
    assert name_key("UPT Puskesmas A") != name_key("UPTD Puskesmas A")
    assert name_key("Kepala Seksi") != name_key("Kepala Sub Bidang")


# --- values ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("III/c", (10, None)), ("iii/C", (10, None)), ("Penata (III/c)", (10, None)), ("33", (10, None)),
    ("45", (16, None)), ("IX", (None, 9)), ("Golongan XVII", (None, 17)), ("III/f", (None, None)), ("99", (None, None)),
])
def test_golongan_of_pns_and_pppk(text, expected):
    assert golongan(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("S-1/Sarjana", "S1"), ("40", "S1"), ("Diploma III/Sarjana Muda", "D-III"), ("30", "D-III"), ("05", "SD"),
    ("Sekolah Dasar", "SD"), ("12", "SMP"), ("SLTA Keguruan", "SMA"), ("Profesi", "S1"), ("47", "S2"),
    ("Spesialis", "S2"), ("Subspesialis", "S3"), ("S-3/Doktor", "S3"), ("Diploma IV", "S1"),
])
def test_siasn_tingkat_pendidikan(text, expected):
    assert pendidikan(text) == pendidikan(expected) is not None


def test_unknown_pendidikan_is_none():
    assert pendidikan("Sarjana Muda Teknik") is None and pendidikan("99") is None


@pytest.mark.parametrize("text, expected", [
    ("SANGAT BAIK", "Sangat Baik"), ("baik", "Baik"), ("Sedang/Butuh Perbaikan", "Butuh Perbaikan"),
    ("KURANG", "Kurang"), ("Kurang/Misconduct", "Kurang/Misconduct"), ("BUTUH PERBAIKAN", "Butuh Perbaikan"),
    ("Baik sekali", None), ("1", None),
])
def test_predikat_any_case_never_a_number(text, expected):
    assert predikat(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("R", "ringan"), ("s", "sedang"), ("B", "berat"), ("TEGURAN TERTULIS", "ringan"),
    ("PENUNDAAN KGB SELAMA 1 THN", "sedang"), ("PENURUNAN PANGKAT 1 TINGKAT 1 THN", "sedang"),
    ("PENURUNAN PANGKAT 1 TINGKAT 3 THN", "berat"), ("PEMBERHENTIAN TIDAK DENGAN HORMAT SEBAGAI PNS", "berat"),
    ("pemotongan tunjangan kinerja sebesar 25% selama 6 bulan", "sedang"), ("X", None),
])
def test_tingkat_hukuman(text, expected):
    assert tingkat_hukuman(text) == expected


def test_dates_as_exported():
    assert parse_date("2024-03-05 10:11:00") == dt.date(2024, 3, 5)
    assert parse_date("05/03/2024") == dt.date(2024, 3, 5)
    assert parse_date("45356") == dt.date(2024, 3, 5)  # an Excel serial number
    assert parse_date("2024") is None and parse_date("31-02-2024") is None
    dates = Dates()
    assert dates.read("03-04-2024", 2, 0) == "03-04-2024"  # open until the file decides
    assert dates.read("12-25-2024", 3, 0) == "12-25-2024"  # only month first
    assert dates.month_first_file and dates.resolve("03-04-2024") == dt.date(2024, 3, 4)


@pytest.mark.parametrize("text, digit", [("M", "1"), ("F", "2"), ("L", "1"), ("P", "2"), ("Perempuan", "2"),
                                         ("laki-laki", "1"), ("?", None)])
def test_jenis_kelamin(text, digit):
    assert sex_digit(text) == digit


def test_the_newest_employees_with_every_row_placed(root):
    """What SKJ coverage (`kamus cakupan`) counts: every employee row, where it went or why not."""
    from generator.talent.snapshot import newest_employees
    project = Project.open(root)
    snapshot = newest_employees(project.source, project.require_valid())
    rows = {p.nip: p for p in snapshot.placed}
    assert len(snapshot.placed) == 8 and [p.line for p in snapshot.placed] == list(range(2, 10))
    assert rows[RUDI].kode == "DINKES.PERENCANA_MUDA" and rows[RUDI].keterangan == "dicocokkan menurut JABATAN ID"
    hendra = rows[HENDRA]
    assert hendra.kode == "" and hendra.match.problem == "jabatan" and hendra.match.unit == "BKPSDM"
    assert (hendra.facts.name, hendra.jenis_jabatan) == ("Analis Kepegawaian", "Jabatan Fungsional Umum")


def test_the_siasn_ids_go_out_in_the_workbook_and_the_open_data_and_come_back(root, tmp_path):
    import openpyxl
    from generator import api
    from conftest import git
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "kamus")
    book = tmp_path / "kamus.xlsx"
    api.export(root, "xlsx", book)
    workbook = openpyxl.load_workbook(book)
    units, positions = workbook["Unit"], workbook["Jabatan"]
    head = {cell.value: cell.column for cell in units[1]}
    dinkes = next(row for row in units.iter_rows(min_row=3) if row[0].value == "DINKES")
    assert dinkes[head["siasn.unor_id"] - 1].value == "136CB94838DA83A906263EC23D03DCE9"
    assert dinkes[head["nama_lain"] - 1].value == "Bidang Pelayanan Kesehatan; Sub Bagian Umum dan Kepegawaian"
    column = {cell.value: cell.column for cell in positions[1]}["siasn.jabatan_id"]
    perawat = next(row for row in positions.iter_rows(min_row=3) if row[0].value == "PKM.PERAWAT_PERTAMA")
    assert perawat[column - 1].value == "e5fe2efe7e30f74bbb0e95fae6937efd"
    assert not api.import_files(root, [book]).plan.writes  # unchanged: no byte written
    dinkes[head["siasn.unor_id"] - 1].value = "136CB94838DA83A906263EC23D03DCE9; F2D40C91B868A1086269E4A899DF1741"
    workbook.save(tmp_path / "diubah.xlsx")
    result = api.import_files(root, [tmp_path / "diubah.xlsx"])
    assert not result.failed
    assert git(root, "diff", "--numstat").split() == ["3", "1", "positions/DINKES/_unit.yaml"]
    unit = (root / "positions/DINKES/_unit.yaml").read_text("utf-8")
    assert "  unor_id:\n  - 136CB94838DA83A906263EC23D03DCE9\n  - F2D40C91B868A1086269E4A899DF1741\n" in unit
    data = json.loads((api.export(root, "json", tmp_path / "kamus.json").path).read_text("utf-8"))
    dinas = next(u for u in data["unit"] if u["kode"] == "DINKES")
    assert dinas["siasn"]["unor_id"] == ["136CB94838DA83A906263EC23D03DCE9", "F2D40C91B868A1086269E4A899DF1741"]
    assert next(j for j in data["jabatan"] if j["kode"] == "PKM.PERAWAT_PERTAMA")["siasn"]["jabatan_id"] == [
        "e5fe2efe7e30f74bbb0e95fae6937efd"]
    # the F2D4… UNOR (Sub Bagian Umum) now finds its unit by id
    assert Project.open(root).snapshots[0].people
