"""Every character as written: the text read back from the Lampiran PDF (pypdf) and DOCX
equals the text of its content model, word for word, for the demo and for a kamus full of
curly quotes, dashes, signs, diacritics and names in other scripts."""

from __future__ import annotations

import shutil

import pytest

from conftest import REPO, TESTS
from generator import load_kamus
from generator.api import validate
from generator.cli import main
from generator.lampiran import build_lampiran
from lampiran_text import docx_words, first_difference, headers, model_words, pdf_pages, printed_words

TYPOGRAPHY = TESTS / "fixtures" / "typography"


def typography_root(target):
    """The minimal kamus with tests/fixtures/typography laid over it."""
    shutil.copytree(TESTS / "fixtures" / "minimal", target)
    shutil.copytree(TYPOGRAPHY, target, dirs_exist_ok=True)
    return target


def assert_same_text(root, out):
    lampiran = build_lampiran(load_kamus(root))
    expected = model_words(lampiran)
    for suffix in (".pdf", ".docx"):
        assert main(["lampiran", "--root", str(root), "--output", str(out / f"l{suffix}")]) == 0
    printed = printed_words(pdf_pages(out / "l.pdf"), expected, headers(lampiran))
    assert printed == expected, "PDF: " + first_difference(printed, expected)
    written = docx_words(out / "l.docx")
    assert written == expected, "DOCX: " + first_difference(written, expected)
    return expected


def test_demo_text_is_the_same_in_the_model_the_pdf_and_the_docx(tmp_path):
    expected = " ".join(assert_same_text(REPO, tmp_path))
    assert "Menjadi “role model” /keteladanan" in expected  # M.1 level 5 as the regulation writes it
    assert "Â" not in expected


def test_quotes_dashes_signs_diacritics_and_other_scripts_print_as_written(tmp_path):
    root = typography_root(tmp_path / "kamus")
    report = validate(root)
    assert [f.rule for f in report.findings] == []  # nothing the font cannot print
    expected = " ".join(assert_same_text(root, tmp_path))
    kamus = load_kamus(root)
    competency = kamus.competencies["T.A"]
    for text in (kamus.config.instansi.nama, competency.definisi, kamus.positions["A.KEPALA"].ikhtisar,
                 competency.level[3].indikator[0], kamus.config.versi.penandatangan.nama.upper()):
        assert " ".join(text.split()) in expected, text
    for sample in ("≥ 30 %", "≤ ±5 %", "√(varian)", "Ā-ā", "“Berbasis Kinerja”", "‘per kapita’", "—", "–", "…",
                   "Ολυμπία", "Андрей", "Nguyễn Văn Đức", "Rene\u0301e", "Ṣaḥīḥ", "Bau‑Bau"):
        assert sample in expected, sample


def test_a_character_the_font_lacks_is_printed_as_its_code_and_kept_in_the_docx(tmp_path):
    root = typography_root(tmp_path / "kamus")
    path = root / "positions" / "UNIT_A" / "A.KEPALA.yaml"
    path.write_text(path.read_text("utf-8").replace("Ngurah Rai", "Ngurah Rai (中国)"), "utf-8")
    findings = validate(root).findings
    assert [(f.rule, f.line) for f in findings] == [("LAMPIRAN-KARAKTER", 7)]
    assert "`中` (U+4E2D CJK UNIFIED IDEOGRAPH-4E2D)" in findings[0].message
    for suffix in (".pdf", ".docx"):
        assert main(["lampiran", "--root", str(root), "--output", str(tmp_path / f"l{suffix}")]) == 0
    printed = " ".join(w for page in pdf_pages(tmp_path / "l.pdf") for w in page)
    assert "Ngurah Rai ([U+4E2D][U+56FD])," in printed and "?" not in printed.replace("“?”", "")
    assert "Ngurah Rai (中国)," in " ".join(docx_words(tmp_path / "l.docx"))


@pytest.mark.parametrize("name", ["DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"])
def test_the_font_is_embedded_not_referenced(tmp_path, name):
    from pypdf import PdfReader

    assert main(["lampiran", "--root", str(typography_root(tmp_path / "kamus")), "--output",
                 str(tmp_path / "l.pdf")]) == 0
    fonts = set()
    for page in PdfReader(str(tmp_path / "l.pdf")).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts.add((str(font["/BaseFont"]).split("+")[-1], descriptor is not None and "/FontFile2" in
                       descriptor.get_object()))
    assert fonts and all(embedded for _, embedded in fonts)
    assert {base for base, _ in fonts} == {"DejaVuSerif", "DejaVuSerif-Bold"}
