"""`kamus lampiran`: the Lampiran of the regulation as DOCX and PDF, read back as users get them."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from pypdf import PdfReader

from conftest import REPO, build_versions_repo, git
from generator import load_kamus
from generator.cli import main


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo's Lampiran in both formats, each written twice."""
    out = tmp_path_factory.mktemp("lampiran")
    for name in ("a.docx", "b.docx", "a.pdf", "b.pdf"):
        assert main(["lampiran", "--root", str(REPO), "--output", str(out / name)]) == 0
    return out


def test_same_input_same_bytes(demo):
    assert (demo / "a.docx").read_bytes() == (demo / "b.docx").read_bytes()
    assert (demo / "a.pdf").read_bytes() == (demo / "b.pdf").read_bytes()
    with zipfile.ZipFile(demo / "a.docx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_docx_holds_the_regulation_header_every_position_competency_and_page_numbers(demo):
    document = docx.Document(str(demo / "a.docx"))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[:6] == ["LAMPIRAN", "PERATURAN BUPATI CONTOH", "NOMOR 12 TAHUN 2024", "TANGGAL 1 MARET 2024",
                              "TENTANG",
                              "KAMUS KOMPETENSI DAN STANDAR KOMPETENSI JABATAN DI LINGKUNGAN PEMERINTAH KABUPATEN CONTOH"]
    # The signature closes the last table (the matrix) in a borderless row of its own.
    assert [p.text for p in document.tables[-1].rows[-1].cells[0].paragraphs] == ["BUPATI CONTOH,", "NAMA BUPATI CONTOH"]
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    text = squash(" ".join(paragraphs) + " " + " ".join(cells))
    kamus = load_kamus(REPO)
    for position in kamus.positions.values():
        assert position.nama in cells, position.kode
    for competency in kamus.competencies.values():
        if competency.berlaku:
            assert competency.nama in text, competency.kode
    assert "Jabatan Fungsional (Ahli Muda)" in cells and "Kode Jabatan" in cells
    # Page numbers: "- PAGE -" in the header, none on the first page.
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header = section.header._element.xml
    assert 'w:instr=" PAGE "' in header and "- " in section.header.paragraphs[0].text
    assert document.sections[-1].orientation == docx.enum.section.WD_ORIENT.LANDSCAPE  # the matrix
    # Table headers repeat on every page; no row splits; a group heading keeps with its row.
    xml = document.element.xml
    assert xml.count("<w:tblHeader/>") >= len(kamus.positions) * 2
    assert "<w:cantSplit/>" in xml and "<w:keepNext/>" in xml
    properties = document.core_properties
    assert properties.title == "Lampiran Peraturan Bupati Contoh Nomor 12 Tahun 2024"
    assert properties.created.date().isoformat() == "2024-03-01" == properties.modified.date().isoformat()


def test_pdf_holds_the_regulation_header_every_position_competency_and_page_numbers(demo):
    reader = PdfReader(str(demo / "a.pdf"))
    pages = [page.extract_text() for page in reader.pages]
    first = pages[0].splitlines()
    assert first[:5] == ["LAMPIRAN", "PERATURAN BUPATI CONTOH", "NOMOR 12 TAHUN 2024", "TANGGAL 1 MARET 2024",
                         "TENTANG"]
    text = squash(" ".join(pages))
    kamus = load_kamus(REPO)
    for position in kamus.positions.values():
        assert f"STANDAR KOMPETENSI JABATAN: {squash(position.nama.upper())}" in text, position.kode
        assert squash(position.nama) in text, position.kode
    for competency in kamus.competencies.values():
        if competency.berlaku:
            assert f"({competency.kode})" in text or competency.nama.upper() in text, competency.kode
    assert "- 1 -" not in pages[0]
    for number, page in enumerate(pages[1:], start=2):
        assert f"- {number} -" in page, number
    assert squash(pages[-1]).endswith("BUPATI CONTOH, NAMA BUPATI CONTOH")
    widths = {round(float(page.mediabox.width)) for page in reader.pages}
    assert widths == {595, 842}  # A4 portrait, and landscape for the matrix
    assert reader.metadata.title == "Lampiran Peraturan Bupati Contoh Nomor 12 Tahun 2024"


def test_official_text_reaches_the_lampiran(demo):
    reader = PdfReader(str(demo / "a.pdf"))
    text = squash(" ".join(page.extract_text() for page in reader.pages))
    assert "Mampu bertindak sesuai nilai, norma, etika organisasi dalam kapasitas pribadi" in text
    assert "sesuai dengan Lampiran PermenPANRB Nomor 38 Tahun 2017" in text


def pdf_text(path) -> str:
    return squash(" ".join(page.extract_text() for page in PdfReader(str(path)).pages))


def test_versi_builds_the_lampiran_of_a_tag(versions, tmp_path, capsys):
    assert main(["lampiran", "--root", str(versions), "--versi", "kamus-2023", "--output", str(tmp_path / "l.pdf")]) == 0
    assert "versi kamus-2023" in capsys.readouterr().out
    text = pdf_text(tmp_path / "l.pdf")
    assert "PENGANGGARAN" in text and "Penganggaran Daerah" not in text
    assert main(["lampiran", "--root", str(versions), "--output", str(tmp_path / "now.pdf")]) == 0
    now = pdf_text(tmp_path / "now.pdf")
    assert "Penganggaran Daerah" in now and "PERATURAN WALI KOTA UJI NOMOR 9 TAHUN 2025" in now


@pytest.mark.parametrize("day, tag", [("2023-06-30", "kamus-2023"), ("2024-02-01", "kamus-2024"),
                                      ("2024-01-31", "kamus-2023"), ("2030-01-01", "kamus-2025")])
def test_per_tanggal_picks_the_version_in_force(versions, tmp_path, capsys, day, tag):
    assert main(["lampiran", "--root", str(versions), "--per-tanggal", day, "--output", str(tmp_path / "l.docx")]) == 0
    assert f"versi {tag}" in capsys.readouterr().out
    by_ref = tmp_path / "ref.docx"
    assert main(["lampiran", "--root", str(versions), "--versi", tag, "--output", str(by_ref)]) == 0
    assert (tmp_path / "l.docx").read_bytes() == by_ref.read_bytes()


def test_per_tanggal_before_the_first_version_and_bad_arguments_are_usage_errors(versions, tmp_path, capsys):
    target = tmp_path / "l.pdf"
    assert main(["lampiran", "--root", str(versions), "--per-tanggal", "2022-12-31", "--output", str(target)]) == 2
    assert "belum ada versi yang berlaku" in capsys.readouterr().err
    assert main(["lampiran", "--root", str(versions), "--per-tanggal", "31-12-2024", "--output", str(target)]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["lampiran", "--root", str(versions), "--versi", "kamus-2024", "--per-tanggal", "2024-05-01",
              "--output", str(target)])
    assert stop.value.code == 2
    assert main(["lampiran", "--root", str(versions), "--output", str(tmp_path / "l.odt")]) == 2
    assert main(["lampiran", "--root", str(versions), "--versi", "tidak-ada", "--output", str(target)]) == 2
    assert not target.exists()
    assert git(versions, "status", "--porcelain").strip() == "?? kamus.yaml"  # nothing else touched


def test_a_kamus_with_errors_gets_no_lampiran(minimal_root, tmp_path, capsys):
    (minimal_root / "positions/UNIT_A/A.KEPALA.yaml").write_text("kode: A.KEPALA\n", "utf-8")
    target = tmp_path / "l.pdf"
    target.write_bytes(b"previous")
    assert main(["lampiran", "--root", str(minimal_root), "--output", str(target)]) == 1
    assert "SCHEMA-REQUIRED" in capsys.readouterr().out
    assert target.read_bytes() == b"previous"


def test_without_versi_fields_the_header_leaves_blanks_to_fill(minimal_root, tmp_path):
    target = tmp_path / "l.docx"
    assert main(["lampiran", "--root", str(minimal_root), "--output", str(target)]) == 0
    document = docx.Document(str(target))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[:5] == ["LAMPIRAN", "PERATURAN KEPALA DAERAH", "NOMOR … TAHUN …", "TANGGAL …", "TENTANG"]
    assert document.tables[-1].rows[-1].cells[0].paragraphs[0].text == "KEPALA DAERAH,"
    assert re.search(r"Kode Kompetensi", io.StringIO(" ".join(
        c.text for t in docx.Document(str(target)).tables for r in t.rows for c in r.cells)).read())


def test_riwayat_dates_must_be_calendar_dates(tmp_path, capsys):
    repo = build_versions_repo(tmp_path / "kamus")
    (repo / "kamus.yaml").write_text("riwayat:\n  - {tag: kamus-2023, label: Perwali 1/2023, tanggal: \"2023-13-01\"}\n",
                                     "utf-8")
    assert main(["validate", "--root", str(repo)]) == 1
    out = capsys.readouterr().out
    assert "kamus.yaml:2:55: CONFIG-TANGGAL" in out and "`2023-13-01`" in out


def test_site_lampiran_come_from_the_cache_until_the_content_or_the_code_changes(tmp_path, monkeypatch):
    """Enacted versions never change: the second build writes no Lampiran at all; an edited
    kamus writes only its own; without a usable cache directory the build still works."""
    from generator.lampiran import cache
    from generator.api import build as build_site

    monkeypatch.setenv("KAMUS_CACHE_DIR", str(tmp_path / "cache"))
    repo = build_versions_repo(tmp_path / "repo")
    with (repo / "kamus.yaml").open("a", encoding="utf-8") as config:
        config.write("riwayat:\n  - {tag: kamus-2023, label: Perbup 1/2023}\n  - {tag: kamus-2024, label: Perbup 5/2024}\n")
    folder = tmp_path / "cache" / "lampiran"

    def cached() -> dict[str, int]:  # name → inode: a document written again is a new file in its place
        return {p.name: p.stat().st_ino for p in folder.iterdir()} if folder.is_dir() else {}

    first = build_site(repo, tmp_path / "site1").output  # (the documents are written beside the MkDocs run)
    assert len(list(first.glob("unduh/lampiran-*"))) == 6  # PDF and DOCX of this version and two enacted ones
    stored = cached()
    suffixes = [name.rsplit(".", 1)[1] for name in stored]
    assert len(stored) >= 4 and suffixes.count("pdf") == suffixes.count("docx")  # same content: one document

    second = build_site(repo, tmp_path / "site2").output
    assert cached() == stored  # nothing written again
    assert [p.name for p in sorted(first.glob("unduh/lampiran-*"))] == [p.name for p in sorted(second.glob("unduh/lampiran-*"))]
    for path in first.glob("unduh/lampiran-*"):
        assert (second / path.relative_to(first)).read_bytes() == path.read_bytes()

    edited = repo / "competencies" / "teknis" / "T.A.yaml"
    edited.write_text(edited.read_text("utf-8").replace("nama: ", "nama: Baru ", 1), "utf-8")
    build_site(repo, tmp_path / "site3")
    now = cached()
    assert sorted(name.rsplit(".", 1)[1] for name in now if stored.get(name) != now[name]) == ["docx", "pdf"]  # only the working tree's own Lampiran

    monkeypatch.setenv("KAMUS_CACHE_DIR", "0")
    assert cache.cache_dir() is None and build_site(repo, tmp_path / "site4").output.is_dir()
    blocked = tmp_path / "berkas"
    blocked.write_text("bukan folder")
    monkeypatch.setenv("KAMUS_CACHE_DIR", str(blocked))
    assert (build_site(repo, tmp_path / "site5").output / "unduh" / "lampiran-versi-ini.pdf").stat().st_size > 1000
