"""The one table reader (generator/spreadsheet) against foreign and hostile files: HTML tables
saved as .xls, old binary workbooks, and the workbooks of issue 18 built with zipfile and
openpyxl (benchmarks/hostile.py), read through the commands a user runs. Time bounds here
are generous; the real targets are measured by benchmarks/bench_tables.py."""

from __future__ import annotations

import csv
import time
import zipfile

import openpyxl
import pytest
import yaml

from benchmarks import hostile
from benchmarks.common import measured
from conftest import REPO, TESTS, build_case_root, git
from generator import api
from generator.project import Project
from generator.spreadsheet import Unreadable, open_book, read_table, sniff
from generator.talent.table import RULES
from test_workbook import demo, demo_book, edited, find_row, status  # noqa: F401 (demo, demo_book: fixtures)

TALENTA = TESTS / "fixtures" / "talenta"


def measured_import(path, root, *options) -> dict:
    """`kamus import --coba` in a fresh process: seconds, peak MB, output."""
    return measured(["import", *options, path, "--root", root, "--coba"], REPO)


# --- what a file is --------------------------------------------------------------------

def test_html_table_saved_as_xls_is_read_like_the_csv(tmp_path):
    """A web application's "export to Excel": an HTML page with a title table and the data
    table, named .xls. It gives the same people, row for row, as the CSV it came from."""
    root = build_case_root(TALENTA, tmp_path / "kamus")
    expected = Project.open(root).snapshots
    source = root / "snapshots" / "2025.csv"
    raw = source.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")  # as the reader reads it (with a notice the HTML file has no reason for)
    rows = list(csv.reader(text.splitlines(), delimiter="\t" if "\t" in text.splitlines()[0] else ";"))
    source.unlink()
    hostile.html_table(root / "snapshots" / "2025.xls", rows, title_rows=["DAFTAR PEGAWAI", "Periode 2025"])
    found = Project.open(root).snapshots
    assert [s.path for s in found] == ["snapshots/2024.csv", "snapshots/2025.xls"]
    assert found[1].people == expected[1].people and found[1].people
    assert [(f.rule, f.line, f.message) for f in found[1].findings] == \
        [(f.rule, f.line, f.message) for f in expected[1].findings if f.rule != "SNAPSHOT-ENCODING"]


def test_files_that_are_no_table_are_refused_saying_what_they_are(tmp_path):
    root = build_case_root(TALENTA, tmp_path / "kamus")
    snapshots = root / "snapshots"
    (snapshots / "2020.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))  # BIFF (Excel 97-2003)
    (snapshots / "2021.xlsx").write_bytes(b"%PDF-1.4\n%...\n")
    with zipfile.ZipFile(snapshots / "2022.xlsx", "w") as ods:
        ods.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        ods.writestr("content.xml", "<office:document-content/>")
    (snapshots / "2023.xls").write_text("<html><body><p>Sesi Anda telah berakhir</p></body></html>", "utf-8")
    report = Project.open(root).report
    messages = {f.path: (f.message, f.hint) for f in report.findings if f.rule == "SNAPSHOT-FILE"}
    assert "Excel 97-2003" in messages["snapshots/2020.xls"][0] and ".xlsx" in messages["snapshots/2020.xls"][1]
    assert "PDF" in messages["snapshots/2021.xlsx"][0]
    assert "OpenDocument" in messages["snapshots/2022.xlsx"][0] and "LibreOffice" in messages["snapshots/2022.xlsx"][1]
    assert "tanpa tabel" in messages["snapshots/2023.xls"][0]
    assert sniff(b"nip;nama\r\n") == "text" and sniff(b"\xff\xfen\x00i\x00p\x00") == "text"


def test_html_spans_are_placed_as_a_browser_places_them(tmp_path):
    page = ("<table><tr><th rowspan=2>NIP</th><th colspan=2>Nilai</th></tr><tr><th>Kinerja</th><th>Potensi</th></tr>"
            "<tr><td>1&nbsp;</td><td>Baik<br>sekali</td><td> 80 </td></tr></table>")
    with open_book(page.encode(), "x.xls") as book:
        sheet = book.table_sheet()
        cells = [[(c.row, c.column, c.value) for c in row] for row in sheet.rows()]
        assert cells == [[(1, 1, "NIP"), (1, 2, "Nilai")], [(2, 2, "Kinerja"), (2, 3, "Potensi")],
                         [(3, 1, "1"), (3, 2, "Baik\nsekali"), (3, 3, "80")]]
        assert [m.ref for m in sheet.merged] == ["A1:A2", "B1:C1"]
    bomb = hostile.span_bomb(tmp_path / "bomb.xls", rows=50_000)
    started = time.perf_counter()
    with pytest.raises(Unreadable, match="rowspan/colspan"):
        open_book(bomb.read_bytes(), "bomb.xls")
    assert time.perf_counter() - started < 30


# --- the guards ---------------------------------------------------------------------------

def test_a_merged_range_of_17_billion_cells_is_clipped(demo, tmp_path):
    form = hostile.merge_bomb(tmp_path / "skj.xlsx")
    assert form.stat().st_size < 8_000
    with open_book(form.read_bytes(), "skj.xlsx") as book:
        sheet = book.sheets[0]
        used = max(c.row for row in sheet.rows() for c in row)
        assert [m.ref for m in sheet.merged] == [f"A5:E{used}"]  # the used area: 5 columns, the table's rows
    run = measured_import(form, demo, "--format", "skj-form")
    assert run["peak_mb"] < 300 and run["seconds"] < 60 and run["code"] == 1  # the form lacks the teknis
    assert "[skj.xlsx]SKJ" in run["output"] and "XLSX-FILE" not in run["output"] and "internal" not in run["output"]


def test_empty_shared_strings_are_refused_before_they_are_unpacked(tmp_path, demo):
    bomb = hostile.shared_strings_bomb(tmp_path / "kamus.xlsx", megabytes=790)
    assert bomb.stat().st_size < 2_000_000
    run = measured_import(bomb, demo)
    assert "kamus.xlsx:1:1: XLSX-FILE [galat] bagian `xl/sharedStrings.xml` membesar 515× saat dibuka" in run["output"]
    assert "(bom zip)" in run["output"] and run["seconds"] < 20 and run["peak_mb"] < 200
    # The same file with its declared sizes shrunk: read only as far as declared, then the checksum fails.
    run = measured_import(hostile.lying_sizes(tmp_path / "bohong.xlsx", bomb), demo)
    assert "bohong.xlsx:1:1: XLSX-FILE [galat] berkas XLSX rusak: isi berkas tidak cocok dengan checksum-nya" in \
        run["output"] and run["peak_mb"] < 200


def test_shared_strings_are_counted_as_they_stream(tmp_path, monkeypatch):
    from generator.spreadsheet import xlsx

    monkeypatch.setattr(xlsx, "MAX_SHARED_STRINGS", 5_000)
    many = hostile.many_strings(tmp_path / "banyak.xlsx", 20_000)
    with pytest.raises(Unreadable, match="sharedStrings.* lebih dari 5.000 teks"):
        with open_book(many.read_bytes(), "banyak.xlsx") as book:
            list(book.sheets[0].rows())


def test_elements_and_held_cells_are_budgeted(tmp_path, monkeypatch):
    from generator.spreadsheet import limits

    flood = hostile.cell_flood(tmp_path / "banjir.xlsx", megabytes=8)
    monkeypatch.setattr(limits, "MAX_ELEMENTS", 100_000)
    table = read_table(flood.read_bytes(), "snapshots/2025.xlsx", RULES)
    assert sum(1 for _ in table.rows) < 2_000
    assert [f.rule for f in table.late_findings] == ["SNAPSHOT-FILE"]
    assert "lebih dari 100.000 sel atau unsur XML" in table.late_findings[0].message
    monkeypatch.setattr(limits, "MAX_ELEMENTS", 10_000_000)
    monkeypatch.setattr(limits, "MAX_HELD_CELLS", 20_000)
    with pytest.raises(Unreadable, match="sel terisi"):
        with open_book(flood.read_bytes(), "banjir.xlsx") as book:
            book.rows(book.sheetnames[0])


def test_a_cell_in_the_last_column_of_every_row_stays_cheap(tmp_path):
    far = hostile.far_cells(tmp_path / "jauh.xlsx", rows=20_000)
    started = time.perf_counter()
    table = read_table(far.read_bytes(), "snapshots/2025.xlsx", RULES)
    widths = {len(cells) for _, cells in table.rows}
    assert table.header == hostile.SNAPSHOT_HEADER and widths == {5, 16_384}  # full width for the title rows only
    assert time.perf_counter() - started < 30


def test_values_no_spreadsheet_writes_are_kept_as_written_or_refused(tmp_path):
    odd = hostile.one_sheet(tmp_path / "aneh.xlsx", '<row r="1"><c r="A1"><v>nan</v></c><c r="B1"><v>1e400</v></c>'
                            '<c r="C1"><v>\u0661\u0662</v></c><c r="D1"><v>12</v></c><c r="E1" t="e"><v>#N/A</v></c>'
                            '</row>')
    with open_book(odd.read_bytes(), "aneh.xlsx") as book:
        assert [c.value for row in book.sheets[0].rows() for c in row] == ["nan", "1e400", "\u0661\u0662", 12, "#N/A"]
    long = hostile.one_sheet(tmp_path / "panjang.xlsx", f'<row r="1"><c r="A1" t="inlineStr"><is><t>{"x" * 200_000}'
                             '</t></is></c></row>')
    with pytest.raises(Unreadable, match="satu sel berisi lebih dari 100.000 huruf"):
        with open_book(long.read_bytes(), "panjang.xlsx") as book:
            list(book.sheets[0].rows())
    merges = "".join(f'<mergeCell ref="A{r}:B{r + 1}"/>' for r in range(1, 30_000))
    many = hostile.one_sheet(tmp_path / "gabung.xlsx", '<row r="30000"><c r="B30000"><v>1</v></c></row>',
                             f"<mergeCells>{merges}</mergeCells>")
    with pytest.raises(Unreadable, match="lebih dari 20.000 sel terisi"):  # every merged range kept is counted
        with open_book(many.read_bytes(), "gabung.xlsx", held=20_000) as book:
            list(book.sheets[0].held_rows())
    for where in ('<row r="0">', '<row r="1"><c r="XFE1">', '<row r="1"><c r="A2">'):  # outside the sheet or its row
        broken = hostile.one_sheet(tmp_path / "luar.xlsx", f"{where}<v>1</v></c></row>" if "<c" in where
                                   else f"{where}<c><v>1</v></c></row>")
        with pytest.raises(Unreadable, match="berkas XLSX rusak"):
            with open_book(broken.read_bytes(), "luar.xlsx") as book:
                list(book.sheets[0].rows())


@pytest.mark.parametrize("how", ["truncated", "crc", "deflate"])
def test_a_damaged_workbook_is_a_finding_never_an_internal_error(how, demo, demo_book, tmp_path):
    broken = hostile.damaged(tmp_path / "rusak.xlsx", demo_book, how, part="xl/worksheets/sheet3.xml")
    result = api.import_files(demo, [broken], dry_run=True)
    assert [f.rule for f in result.findings] == ["XLSX-FILE"] and "rusak" in result.findings[0].message
    form = hostile.damaged(tmp_path / "skj.xlsx", hostile.skj_form(tmp_path / "asli.xlsx"), how)
    result = api.import_files(demo, [form], format="skj-form", dry_run=True)
    assert [f.rule for f in result.findings] == ["XLSX-FILE"] and "rusak" in result.findings[0].message
    root = build_case_root(TALENTA, tmp_path / "talenta")
    workbook = openpyxl.Workbook()
    workbook.active.append(["nip", "nama"])
    workbook.save(tmp_path / "2026.xlsx")
    hostile.damaged(root / "snapshots" / "2026.xlsx", tmp_path / "2026.xlsx", how)
    found = [f for f in Project.open(root).report.findings if f.path == "snapshots/2026.xlsx"]
    assert [f.rule for f in found] == ["SNAPSHOT-FILE"] and "rusak" in found[0].message
    assert status(demo) == ""


# --- SKJ forms ------------------------------------------------------------------------------

def test_the_skj_form_reader_is_linear(demo, tmp_path):
    """3,200 rows of "Ikhtisar Jabatan" took the old reader 288 s (it was cubic)."""
    form = hostile.skj_form(tmp_path / "panjang.xlsx", rows=3_200)
    started = time.perf_counter()
    result = api.import_files(demo, [form], format="skj-form", dry_run=True)
    assert time.perf_counter() - started < 30
    assert "XLSX-FILE" not in {f.rule for f in result.findings}


def test_an_skj_form_saved_as_html_by_an_application_is_read(demo, tmp_path):
    """An anjab application's "export to Excel": the form as an HTML table, each competency's
    name, level and description spanning its indicator rows."""
    levels = [("M.1", "Integritas", 4), ("M.2", "Kerja Sama", 4), ("M.3", "Komunikasi", 4),
              ("M.4", "Orientasi pada Hasil", 4), ("M.5", "Pelayanan Publik", 4),
              ("M.6", "Pengembangan Diri dan Orang Lain", 4), ("M.7", "Mengelola Perubahan", 5),
              ("M.8", "Pengambilan Keputusan", 4), ("SK.1", "Perekat Bangsa", 4), ("T.KOM.01", "Tata Kelola SPBE", 4),
              ("T.KOM.02", "Keamanan Informasi", 3), ("T.KOM.04", "Komunikasi Publik", 3)]
    rows = "".join(f"<tr><td rowspan=2>{kode}</td><td rowspan=2>{nama}</td><td rowspan=2>{level}</td>"
                   f"<td rowspan=2>Deskripsi</td><td>Indikator 1</td></tr><tr><td>Indikator 2</td></tr>"
                   for kode, nama, level in levels)
    page = ("<html><head><meta charset='utf-8'></head><body><table>"
            "<tr><td colspan=5><b>STANDAR KOMPETENSI JABATAN</b></td></tr>"
            "<tr><td>Nama Jabatan</td><td>:</td><td colspan=3>Kepala Dinas Komunikasi dan Informatika</td></tr>"
            "<tr><td>Kelompok Jabatan</td><td>:</td><td colspan=3>Jabatan Pimpinan Tinggi Pratama</td></tr>"
            "<tr><th>Kode</th><th>Kompetensi</th><th>Level</th><th>Deskripsi</th><th>Indikator Kompetensi</th></tr>"
            f"{rows}</table></body></html>")
    form = tmp_path / "skj-kadis.xls"
    form.write_text(page, "utf-8")
    result = api.import_files(demo, [form], format="skj-form")
    assert not result.failed, result.text()
    diff = git(demo, "diff", "-U0", "--", "positions/DISKOMINFO/DISKOMINFO.KADIS.yaml")
    assert [line for line in diff.splitlines() if line.startswith(("-  - {", "+  - {"))] == [
        "-  - {kode: T.KOM.02, level: 4}  # Keamanan Informasi",
        "+  - {kode: T.KOM.02, level: 3}  # Keamanan Informasi"]


def test_a_form_table_of_thousands_of_rows_is_no_form(demo, tmp_path):
    values = {f"B{row}": f"Kompetensi Asing {row}" for row in range(17, 5_017)}
    values.update({f"C{row}": 3 for row in range(17, 5_017)})
    form = hostile.skj_form(tmp_path / "daftar.xlsx", values=values)
    started = time.perf_counter()
    result = api.import_files(demo, [form], format="skj-form", dry_run=True)
    assert time.perf_counter() - started < 30
    stop = [f for f in result.findings if f.rule == "SKJ-FORM"]
    assert len(stop) == 1 and "lebih dari 300 baris" in stop[0].message and result.place(stop[0]) == "[daftar.xlsx]SKJ!B308"
    unknown = [f for f in result.findings if f.rule == "SKJ-KOMPETENSI"]
    assert len(unknown) == 291 and sum("Maksud Anda" in f.hint for f in unknown) <= 200  # suggestions are budgeted


def test_formulas_in_skj_forms_are_errors_naming_the_cell(demo, tmp_path):
    form = hostile.skj_form(tmp_path / "rumus.xlsx", values={
        "C2": '=HYPERLINK("http://contoh.invalid/","Kepala Dinas Komunikasi dan Informatika")',
        "C10": "=cmd|' /C calc'!A0"})
    result = api.import_files(demo, [form], format="skj-form")
    formulas = [(result.place(f), f.message) for f in result.findings if f.rule == "XLSX-VALUE"]
    assert formulas == [("[rumus.xlsx]SKJ!C2", 'sel berisi rumus `=HYPERLINK("http://contoh.invalid/","Kepala Dinas '
                                                'Komunikasi dan Informatika")`; Kamus hanya membaca nilai'),
                        ("[rumus.xlsx]SKJ!C10", "sel berisi rumus `=cmd|' /C calc'!A0`; Kamus hanya membaca nilai")]
    assert result.failed and status(demo) == ""


# --- the kamus workbook -------------------------------------------------------------------

def test_merged_cells_over_requirement_keys_are_a_finding(demo, demo_book, tmp_path):
    """Merging the jabatan cells of one position's requirements (as for printing) left only
    the first row with its jabatan: the others were silently removed."""
    def merge(workbook):
        workbook["Kebutuhan"].merge_cells("A3:A5")

    result = api.import_files(demo, [edited(demo_book, tmp_path, merge)])
    found = [(result.place(f), f.rule) for f in result.findings]
    assert found == [("Kebutuhan!A3", "XLSX-VALUE")] and "A3:A5" in result.findings[0].message
    assert status(demo) == ""

    def clear(workbook):
        workbook["Kebutuhan"]["A4"] = None

    result = api.import_files(demo, [edited(demo_book, tmp_path, clear)])
    assert ("Kebutuhan!A4", "`jabatan` wajib diisi") in [(result.place(f), f.message) for f in result.findings]
    assert result.failed and status(demo) == ""


@pytest.mark.parametrize("character", ["\x85", "\u2028"])
def test_a_line_break_character_in_a_cell_changes_only_that_value(character, demo, demo_book, tmp_path):
    text = "Memimpin perumusan kebijakan" + character + "dan pelaksanaannya."

    def change(workbook):
        sheet = workbook["Jabatan"]
        header = [c.value for c in sheet[1]]
        sheet.cell(find_row(sheet, kode="DISKOMINFO.KADIS"), header.index("ikhtisar") + 1).value = text

    result = api.import_files(demo, [edited(demo_book, tmp_path, change)])
    assert not result.failed, result.text()
    path = "positions/DISKOMINFO/DISKOMINFO.KADIS.yaml"
    assert git(demo, "diff", "--numstat", "--", path).split()[:2] == ["1", "2"]  # the folded line became one
    assert "# Teknis" in (demo / path).read_text("utf-8")  # the comments stay
    assert yaml.safe_load((demo / path).read_text("utf-8"))["ikhtisar"] == text


def test_kamus_reads_every_table_without_openpyxl():
    """openpyxl is a test dependency only: the tool's own reader reads every workbook."""
    import ast

    for path in sorted((REPO / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(name.split(".")[0] == "openpyxl" for name in names), path
