"""The header tells the truth: the Lampiran of an enacted version is headed as its `riwayat`
record says it was enacted (and validate warns when the tag's own `versi` disagrees); an
empty official kode jabatan is the form's empty value; `--unit` writes one OPD's review copy."""

from __future__ import annotations

import docx
import pytest
from pypdf import PdfReader

from conftest import REPO, build_versions_repo, git
from generator import load_kamus
from generator.api import validate
from generator.cli import main
from generator.lampiran import build_lampiran
from lampiran_pages import layout_problems

TAGGED_VERSI = ("versi: {jenis_peraturan: Peraturan Bupati Uji, nomor: \"7\", tahun: 2025, tanggal: \"2025-05-02\",\n"
                "        penandatangan: {jabatan: Bupati Uji, nama: NAMA BUPATI}}\n")


@pytest.fixture
def enacted(tmp_path):
    """A repository whose tag v2026 still carries last year's `versi` (Nomor 7 Tahun 2025),
    while the working tree's `riwayat` records v2026 as Perbup 2/2026 of 10 January 2026."""
    repo = build_versions_repo(tmp_path / "kamus")
    (repo / "kamus.yaml").write_text(TAGGED_VERSI, "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Versi 2026")
    git(repo, "tag", "v2026")
    (repo / "kamus.yaml").write_text(TAGGED_VERSI + "riwayat:\n"
                                     "  - {tag: v2026, label: Perbup 2/2026, tanggal: \"2026-01-10\"}\n", "utf-8")
    return repo


def kop(path) -> list[str]:
    if str(path).endswith(".docx"):
        return [p.text for p in docx.Document(str(path)).paragraphs[:5]]
    return PdfReader(str(path)).pages[0].extract_text().splitlines()[:5]


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_lampiran_of_a_recorded_version_is_headed_as_its_record_says(enacted, tmp_path, capsys, suffix):
    target = tmp_path / f"l{suffix}"
    assert main(["lampiran", "--root", str(enacted), "--versi", "v2026", "--output", str(target)]) == 0
    assert "Lampiran Perbup 2/2026 (versi v2026) ditulis" in capsys.readouterr().out
    assert kop(target) == ["LAMPIRAN", "PERATURAN BUPATI UJI", "NOMOR 2 TAHUN 2026", "TANGGAL 10 JANUARI 2026",
                           "TENTANG"]
    by_day = tmp_path / f"d{suffix}"
    assert main(["lampiran", "--root", str(enacted), "--per-tanggal", "2026-02-01", "--output", str(by_day)]) == 0
    assert by_day.read_bytes() == target.read_bytes()


def test_validate_warns_when_a_tag_and_its_record_disagree(enacted):
    findings = [f for f in validate(enacted).findings if f.rule == "RIWAYAT-VERSI"]
    assert [(f.path, f.line, f.severity) for f in findings] == [("kamus.yaml", 4, "warning")]
    message = findings[0].message
    assert "riwayat `v2026` (Perbup 2/2026: nomor 2, tahun 2026, tanggal 2026-01-10)" in message
    assert "berbeda nomor dan tahun dan tanggal" in message and "nomor 7, tahun 2025, tanggal 2025-05-02" in message
    # A record that agrees (explicit nomor and tahun win over the label) gives no warning.
    (enacted / "kamus.yaml").write_text(TAGGED_VERSI + "riwayat:\n  - {tag: v2026, label: Perbup Kompetensi, "
                                        "nomor: \"7\", tahun: 2025, tanggal: \"2025-05-02\"}\n", "utf-8")
    assert [f for f in validate(enacted).findings if f.rule == "RIWAYAT-VERSI"] == []
    (enacted / "kamus.yaml").write_text(TAGGED_VERSI + "riwayat:\n  - {tag: v2026, label: Perbup 7/2025, "
                                        "tanggal: \"2025-05-03\"}\n", "utf-8")
    [finding] = [f for f in validate(enacted).findings if f.rule == "RIWAYAT-VERSI"]
    assert (finding.rule, finding.line) == ("RIWAYAT-VERSI", 4) and "berbeda tanggal" in finding.message


def test_a_missing_official_kode_jabatan_is_the_forms_empty_value(minimal_root, tmp_path):
    assert main(["lampiran", "--root", str(minimal_root), "--output", str(tmp_path / "l.docx")]) == 0
    rows = [[c.text for c in row.cells] for t in docx.Document(str(tmp_path / "l.docx")).tables for row in t.rows]
    assert ["Kode Jabatan", ":", "-"] in rows and not any(r[0] == "Kode Jabatan" and r[2] != "-" for r in rows)
    assert main(["lampiran", "--root", str(minimal_root), "--output", str(tmp_path / "l.pdf")]) == 0
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(tmp_path / "l.pdf")).pages)
    assert "Kode Jabatan : - I. Ikhtisar Jabatan" in text  # the form has no Unit Kerja row


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_unit_writes_one_opds_review_copy(tmp_path, capsys, suffix):
    target = tmp_path / f"dinkes{suffix}"
    assert main(["lampiran", "--root", str(REPO), "--unit", "DINKES", "--output", str(target)]) == 0
    assert "Bahan reviu unit DINKES dari Lampiran" in capsys.readouterr().out
    kamus = load_kamus(REPO)
    own = {"DINKES", "PUSKESMAS_KOTA"}  # the Dinas and its UPT (induk: DINKES)
    note = "BAHAN REVIU DINKES – BUKAN DOKUMEN YANG DITETAPKAN"
    if suffix == ".pdf":
        pages = [" ".join(p.extract_text().split()) for p in PdfReader(str(target)).pages]
        assert all(note in page for page in pages)
        text = " ".join(pages)
        assert layout_problems(build_lampiran(kamus, unit="DINKES"), target) == []
    else:
        document = docx.Document(str(target))
        section = document.sections[0]
        assert note in section.header._element.xml and note in section.first_page_header._element.xml
        text = " ".join(p.text for p in document.paragraphs) + " ".join(
            c.text for t in document.tables for r in t.rows for c in r.cells)
    mine = [p for p in kamus.positions.values() if p.unit in own]
    assert text.count("STANDAR KOMPETENSI JABATAN: ") == len(mine) > 5
    assert all(f"STANDAR KOMPETENSI JABATAN: {p.nama.upper()}" in text for p in mine)
    assert "D. DINAS KESEHATAN" in text  # the unit's letter as in the whole Lampiran
    assert "I. KAMUS KOMPETENSI" not in text and "NAMA BUPATI CONTOH" not in text  # no kamus part, no signature
    assert "II. STANDAR KOMPETENSI JABATAN" in text and "III. MATRIKS LEVEL KOMPETENSI" in text


def test_an_unknown_unit_is_a_usage_error_with_a_suggestion(tmp_path, capsys):
    target = tmp_path / "l.pdf"
    assert main(["lampiran", "--root", str(REPO), "--unit", "DINKESS", "--output", str(target)]) == 2
    err = capsys.readouterr().err
    assert "unit `DINKESS` tidak ada" in err and "Maksud Anda `DINKES`?" in err and "PUSKESMAS_KOTA" in err
    assert not target.exists()
