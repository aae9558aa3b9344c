"""Part III (Persyaratan Jabatan) as the SKJ form has it, in the model and wherever it shows:
"Jenis Persyaratan | Uraian | Tingkat Pentingnya terhadap Jabatan" over Mutlak / Penting /
Perlu; A. Pendidikan as 1. Jenjang and 2. Bidang Ilmu without a tick; B. Pelatihan as
1. Manajerial, 2. Teknis, 3. Fungsional and C. Pengalaman Kerja ticked; D. Pangkat and
E. Indikator Kinerja Jabatan without a tick. Older files and workbooks (a tingkat on
pendidikan or pangkat) keep working, with a warning that says how to fix them."""

from __future__ import annotations

import re

import openpyxl
import pytest
from docx import Document

import skj_forms
from conftest import REPO, git
from generator import api, load_kamus
from generator.cli import main
from generator.lampiran import build_lampiran
from generator.render.views import persyaratan
from lampiran_text import pdf_pages
from test_skj_form import kadis
from test_workbook import demo_repo, edited, find_row, status

KABAN = "BAPPEDA.KABAN"  # S1 and S2, three trainings (manajerial mutlak, two teknis penting), two pengalaman
FORM = [("A. Pendidikan", False, [("1. Jenjang", "S1; S2", None),
                                   ("2. Bidang Ilmu", "Perencanaan Wilayah dan Kota, Ekonomi Pembangunan, Statistika",
                                    None)]),
        ("B. Pelatihan", True, [("1. Manajerial", "Pelatihan Kepemimpinan Nasional Tingkat II", "mutlak"),
                                ("2. Teknis", "Pelatihan Perencanaan Pembangunan Daerah", "penting"),
                                ("", "Pelatihan Pengendalian dan Evaluasi Pembangunan", "penting"),
                                ("3. Fungsional", "-", "")]),
        ("C. Pengalaman Kerja", True, [("1.", "Pernah menduduki jabatan administrator atau jabatan fungsional ahli "
                                              "madya paling singkat 2 tahun", "mutlak"),
                                       ("2.", "Berpengalaman di bidang perencanaan pembangunan paling singkat 3 tahun",
                                        "penting")]),
        ("D. Pangkat", False, [("", "Pembina Utama Muda (IV/c)", None)]),
        ("E. Indikator Kinerja Jabatan", False, [("1.", "Persentase keselarasan program RKPD dengan RPJMD", None),
                                                 ("2.", "Capaian indikator kinerja utama daerah", None)])]
TICKS = ("mutlak", "penting", "perlu")


def form_rows(position) -> list:
    return [(heading, ticked, [(r.label, r.uraian, r.tingkat) for r in rows])
            for heading, ticked, rows in persyaratan(position)]


def test_the_model_is_the_form():
    assert form_rows(load_kamus(REPO).positions[KABAN]) == FORM


def expected_cells() -> list[list[str]]:
    """The rows of the form as a table shows them: label, uraian, and √ in the ticked column."""
    out = []
    for heading, _, rows in FORM:
        out.append([heading])
        out += [[label, uraian, *("√" if tick == key else "" for key in TICKS)] for label, uraian, tick in rows]
    return out


def test_the_docx_table_is_the_form(tmp_path):
    assert main(["lampiran", "--root", str(REPO), "--output", str(tmp_path / "l.docx")]) == 0
    document = Document(str(tmp_path / "l.docx"))
    tables = [t for t in document.tables if t.rows[0].cells[0].text == "Jenis Persyaratan"]
    assert len(tables) == len(load_kamus(REPO).positions)
    table = tables[0]  # the SKJ of BAPPEDA.KABAN comes first
    header = [[c.text for c in row.cells] for row in table.rows[:2]]
    assert header == [["Jenis Persyaratan", "Uraian", "Tingkat Pentingnya terhadap Jabatan"] + ["Tingkat Pentingnya "
                      "terhadap Jabatan"] * 2, ["", "", "Mutlak", "Penting", "Perlu"]]
    body = [[c.text for c in row.cells] for row in table.rows[2:]]
    assert [row[:1] if len(set(row)) == 1 else row for row in body] == expected_cells()
    # "Jenis Persyaratan" and "Uraian" stand over both header rows: no rule between their two cells (not a
    # vMerge, which makes LibreOffice drop the rows after a page break); both header rows repeat.
    xml = table._tbl.xml
    assert xml.count('<w:bottom w:val="nil"/>') == 2 and xml.count('<w:top w:val="nil"/>') == 2
    assert "vMerge" not in xml and xml.count("<w:tblHeader/>") == 2


def test_the_pdf_table_is_the_form(tmp_path):
    assert main(["lampiran", "--root", str(REPO), "--output", str(tmp_path / "l.pdf")]) == 0
    text = " ".join(w for page in pdf_pages(tmp_path / "l.pdf") for w in page)
    start = text.index("III. Persyaratan Jabatan")
    part = text[start:text.index("STANDAR KOMPETENSI JABATAN", start)]
    head = "Jenis Persyaratan Uraian Tingkat Pentingnya terhadap Jabatan Mutlak Penting Perlu"
    part = re.sub(rf"- \d+ - {head} ", "", part)  # a new page: its number and the header row repeated
    cells = " ".join(" ".join(cell for cell in row if cell) for row in expected_cells())
    assert " ".join(part.split()) == ("III. Persyaratan Jabatan Jenis Persyaratan Uraian Tingkat Pentingnya terhadap "
                                      f"Jabatan Mutlak Penting Perlu {cells}")


def test_the_skj_page_and_its_print_are_the_form(tmp_path):
    site = api.build(REPO, output=tmp_path / "site").output
    html = (site / "jabatan" / KABAN / "index.html").read_text("utf-8")
    table = html[html.index('<table class="kamus-skj-syarat kamus-cards">'):]
    table = re.sub(r">\s+<", "><", table[:table.index("</table>")])
    assert ('<th rowspan="2">Jenis Persyaratan</th><th rowspan="2">Uraian</th><th colspan="3">Tingkat Pentingnya '
            'terhadap Jabatan</th>') in table
    tick = '<td class="kamus-centang" data-tingkat="{0}"><span role="img" aria-label="dicentang: {0}">√</span></td>'
    empty = "".join(f'<td class="kamus-centang" data-tingkat="{label}"></td>' for label in ("Mutlak", "Penting", "Perlu"))
    assert (f"<tr><td>1. Manajerial</td><td>Pelatihan Kepemimpinan Nasional Tingkat II</td>{tick.format('Mutlak')}"
            f"{empty[empty.index('<td', 1):]}</tr>") in table
    assert f"<tr><td>1. Jenjang</td><td>S1; S2</td>{empty}</tr>" in table
    assert f"<tr><td></td><td>Pembina Utama Muda (IV/c)</td>{empty}</tr>" in table
    assert table.count("√") == 5  # the three trainings and the two pengalaman


@pytest.fixture
def old_style(tmp_path):
    """The demo as it was written before Part III followed the form: tingkat on pendidikan and pangkat."""
    root = demo_repo(tmp_path / "kamus")
    path = root / "positions" / "BAPPEDA" / "BAPPEDA.KABAN.yaml"
    text = path.read_text("utf-8")
    text = text.replace("    - Statistika\n  - jenjang: S2", "    - Statistika\n    tingkat: mutlak\n  - jenjang: S2")
    text = text.replace("  - uraian: Pembina Utama Muda (IV/c)\n", "  - uraian: Pembina Utama Muda (IV/c)\n"
                                                                     "    tingkat: mutlak\n")
    path.write_text(text, "utf-8")
    git(root, "commit", "-qam", "Versi lama")
    return root


def test_old_files_still_validate_with_a_warning_and_mean_the_same(old_style):
    report = api.validate(old_style)
    assert not report.failed()
    assert [(f.rule, f.path) for f in report.findings] == [("PERSYARATAN-TINGKAT",
                                                            "positions/BAPPEDA/BAPPEDA.KABAN.yaml")] * 2
    assert form_rows(load_kamus(old_style).positions[KABAN]) == FORM


def test_the_workbook_asks_tingkat_only_where_the_form_ticks(tmp_path):
    root = demo_repo(tmp_path / "kamus")
    api.export(root, "xlsx", tmp_path / "kamus.xlsx")
    book = openpyxl.load_workbook(tmp_path / "kamus.xlsx")
    sheet = book["Persyaratan"]
    header = [c.value for c in sheet[1]]
    assert header[:8] == ["jabatan", "bagian", "jenjang", "bidang_ilmu", "jenis", "nama", "tingkat", "uraian"]
    assert sheet.cell(2, header.index("tingkat") + 1).value == "Tingkat pentingnya terhadap jabatan"
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=3)]
    assert all(row["tingkat"] is None for row in rows if row["bagian"] in ("pendidikan", "pangkat"))
    assert all(row["tingkat"] for row in rows if row["bagian"] in ("pelatihan", "pengalaman"))
    petunjuk = " ".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    assert "hanya diisi untuk pelatihan dan pengalaman kerja" in petunjuk


def test_an_old_workbook_still_imports(old_style, tmp_path):
    """A workbook exported before (tingkat on pendidikan rows, the tingkat column before jenis) imports as before."""
    api.export(old_style, "xlsx", tmp_path / "lama.xlsx")

    def old_layout(workbook):
        sheet = workbook["Persyaratan"]
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        header = values[0]
        order = [header.index(name) for name in ("jabatan", "bagian", "jenjang", "bidang_ilmu", "tingkat", "jenis",
                                                 "nama", "uraian")]
        order += [i for i in range(len(header)) if i not in order]
        for r, row in enumerate(values, start=1):
            for c, index in enumerate(order, start=1):
                sheet.cell(r, c).value = row[index]
        row = find_row(sheet, jabatan=KABAN, jenjang="S2")
        sheet.cell(row, 4).value = "Perencanaan Wilayah dan Kota; Ekonomi Pembangunan"  # bidang_ilmu, edited

    book = edited(tmp_path / "lama.xlsx", tmp_path, old_layout)
    result = api.import_files(old_style, [book])
    assert not result.failed, result.text()
    diff = git(old_style, "diff", "-U0")
    assert "-    - Statistika" in diff and diff.count("\n-") == 2  # only the edit (the file header line and it)
    assert "PERSYARATAN-TINGKAT" in {f.rule for f in api.validate(old_style).findings}


def test_the_skj_form_import_reads_ticks_where_the_form_has_them(tmp_path):
    """A form whose pendidikan and pangkat rows carry a tick anyway: the tick is not read there."""
    root = demo_repo(tmp_path / "kamus")
    form = tmp_path / "skj.xlsx"
    skj_forms.lampiran(form, [kadis()])  # ticks pendidikan (mutlak) and pangkat (√ in Mutlak)
    result = api.import_files(root, [form], format="skj-form")
    assert not result.failed, result.text()
    data = api.load_kamus(root).positions["DISKOMINFO.KADIS"].source.data["persyaratan"]
    assert all("tingkat" not in row for row in data["pendidikan"] + data["pangkat"])
    assert [row.get("tingkat") for row in data["pelatihan"]] == ["mutlak", "penting"]
    assert [row["tingkat"] for row in data["pengalaman"]] == ["mutlak"]
    assert status(root) != "" and not [f for f in api.validate(root).findings if f.rule == "PERSYARATAN-TINGKAT"]


def test_a_review_copy_and_the_lampiran_print_the_same_form(tmp_path):
    whole = build_lampiran(load_kamus(REPO))
    review = build_lampiran(load_kamus(REPO), unit="BAPPEDA")
    tables = [b for b in whole.blocks if getattr(b, "groups", ())]
    assert tables[0] == next(b for b in review.blocks if getattr(b, "groups", ()))
