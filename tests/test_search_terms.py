"""Indonesian root words for search recall (Material's lunr has no Indonesian stemmer)."""

from __future__ import annotations

import pytest

from generator.render.search_terms import code_parts, kata_dasar, roots
from generator.render.text import href, md


@pytest.mark.parametrize("word, root", [
    ("mengelola", "kelola"), ("perubahan", "ubah"), ("pengembangan", "kembang"), ("pelayanan", "layan"),
    ("keputusan", "putus"), ("menyusun", "susun"), ("memimpin", "pimpin"), ("penganggaran", "anggar"),
    ("kebijakan", "bijak"), ("ditetapkan", "tetap"), ("berkomunikasi", "komunikasi"),
    ("pemerintahan", "perintah"), ("menulis", "tulis"), ("pengambilan", "ambil"),
])
def test_roots(word, root):
    assert root in roots(word)


def test_kata_dasar_adds_only_new_words():
    words = kata_dasar("Mengelola Perubahan").split()
    assert "kelola" in words and "ubah" in words
    assert "mengelola" not in words and "perubahan" not in words
    assert words == sorted(words)


def test_a_position_is_found_by_the_parts_of_its_code():
    assert code_parts("BPKAD.KABID_ANGGARAN").split() == ["kabid_anggaran", "bpkad", "kabid", "anggaran"]
    assert code_parts("BPKAD.KABAN").split() == ["kaban", "bpkad"]
    assert code_parts("A.B-C.D").split() == ["b-c.d", "d", "a", "b", "c"]
    assert code_parts("TANPA") == ""


def test_markdown_escape_neutralises_markup():
    assert str(md("<b>[x](javascript:y)</b> *a* #1")) == \
        "&lt;b&gt;\\[x\\]\\(javascript:y\\)&lt;/b&gt; \\*a\\* \\#1"


@pytest.mark.parametrize("source, target, expected", [
    ("index.md", "kompetensi/M.1.md", "kompetensi/M.1/"),
    ("jabatan/X.md", "kompetensi/M.1.md", "../../kompetensi/M.1/"),
    ("jabatan/X.md", "index.md", "../../"),
    ("index.md", "index.md", "./"),
    ("daftar-jabatan/unit/A.md", "matriks/unduh/a.csv", "../../../matriks/unduh/a.csv"),
    ("daftar-kompetensi/index.md", "daftar-kompetensi/teknis.md", "teknis/"),
])
def test_relative_links(source, target, expected):
    assert href(source, target) == expected
