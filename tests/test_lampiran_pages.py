"""Pages that read as a regulation, measured on the pages themselves: the Lampiran PDF, and the
DOCX as LibreOffice lays it out (the way Word users get it), for the demo and the synthetic
corpus of benchmarks/corpus.py.

Rules (tests/lampiran_pages.py reads them off the pages): what opens a table (part and unit
headings, an SKJ's identity block, Ikhtisar and "II. Standar Kompetensi", a competency's
fields) stands on the page of the table's first row; a row never splits; a table continued
on a new page starts it with its header row; the signature is kept with the last row; and
no page except a part's last holds fewer than 15 lines.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace

import pytest

from benchmarks.corpus import generate
from conftest import REPO
from generator import load_kamus
from generator.cli import main
from generator.lampiran import build_lampiran, write_pdf
from generator.lampiran.content import Heading
from lampiran_pages import layout_problems, pages, part_ends

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("corpus") / "kamus", positions=150, units=6, competencies=60)


@pytest.fixture(scope="module")
def libreoffice_profile(tmp_path_factory):
    """LibreOffice's own profile for these tests: it runs beside a user's LibreOffice, and is
    created once (the first start takes seconds)."""
    return tmp_path_factory.mktemp("libreoffice")


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("corpus") / "kamus", positions=50, units=3, competencies=30)


def written(root, path):
    assert main(["lampiran", "--root", str(root), "--output", str(path)]) == 0
    return path


def test_the_measure_sees_what_readers_complained_about(tmp_path):
    """The old layout (every SKJ on a new page, headings kept with whole tables) fails the measure."""
    lampiran = build_lampiran(load_kamus(REPO))
    lampiran.blocks = [replace(b, new_page=True) if isinstance(b, Heading) and b.text.startswith("STANDAR KOMPETENSI")
                       else b for b in lampiran.blocks]

    (tmp_path / "old.pdf").write_bytes(write_pdf(lampiran))
    problems = layout_problems(lampiran, tmp_path / "old.pdf")
    assert any("lines" in p for p in problems)


@pytest.mark.parametrize("which", ["demo", "corpus"])
def test_pdf_pages_read_as_a_regulation(which, corpus, tmp_path):
    root = REPO if which == "demo" else corpus
    pdf = written(root, tmp_path / "l.pdf")
    assert layout_problems(build_lampiran(load_kamus(root)), pdf) == []
    document = pages(pdf)
    assert len(part_ends(document)) == 3  # I, II and III each end once
    skj = [p for p in document if any(line.startswith("STANDAR KOMPETENSI JABATAN:") for line in p.lines)]
    assert skj and all("II. Standar Kompetensi" in p.text for p in skj)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) tidak terpasang: tata letak DOCX tidak diperiksa; "
                                            "pasang dengan `apt-get install libreoffice-writer-nogui` atau `make test` "
                                            "sebagai root")
@pytest.mark.parametrize("which", ["demo", "corpus"])
def test_docx_pages_read_as_a_regulation_as_libreoffice_lays_them_out(which, small_corpus, libreoffice_profile,
                                                                       tmp_path):
    root = REPO if which == "demo" else small_corpus
    docx = written(root, tmp_path / "l.docx")
    subprocess.run([SOFFICE, f"-env:UserInstallation={libreoffice_profile.as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path / "out"), str(docx)], check=True, capture_output=True, timeout=300)
    assert layout_problems(build_lampiran(load_kamus(root)), tmp_path / "out" / "l.pdf") == []
