"""The komite's documents and draft as their readers meet them (issue 22 review): the terminal of
a writing command carries no NIP or name, the Berita Acara records the meeting (the same bytes
after the penetapan), the Lampiran says RANCANGAN until it is set, signature and pangkat as an SK
prints them, and the draft's per-post overview."""

from __future__ import annotations

import re
import zipfile

import pytest

from generator.bahasa import nama_kapital
from generator.cli import main
from test_keputusan import BUDI, DECISIONS, GITA, document_text, make_root, secrets


@pytest.fixture
def root(tmp_path):
    return make_root(tmp_path / "kamus")


def _terminal(capsys, *argv) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    captured = capsys.readouterr()
    return captured.out + captured.err


def test_a_command_that_writes_prints_no_nip_or_name(root, tmp_path, capsys):
    """Every writing `kamus talenta` the README shows: only the lines of what was written, and counts."""
    out = tmp_path / "komite"
    out.mkdir()
    hidden = secrets(root)
    runs = [("--periode", "2025", "--berita-acara", str(out / "ba.docx"), "--lampiran-suksesi", str(out / "ls.docx")),
            ("--output", str(tmp_path / "rahasia")),
            ("--output", str(tmp_path / "rahasia2"), "--berita-acara", str(out / "ba.pdf"))]
    for argv in runs:
        text = _terminal(capsys, "talenta", "--root", str(root), *argv)
        assert "ditulis" in text and "8 pegawai dipetakan" in text, text
        assert not re.search(r"\d{18}", text)
        for secret in hidden:
            assert secret not in text, (argv, secret)
    (root / DECISIONS).unlink()
    text = _terminal(capsys, "talenta", "--root", str(root), "--periode", "2025", "--tulis-keputusan")
    assert "ditulis ke" in text and not any(secret in text for secret in hidden)
    # Asked for on the screen, the named results still come.
    assert BUDI in _terminal(capsys, "talenta", "--root", str(root), "--format", "csv",
                             "--output", str(tmp_path / "rahasia3"))


def _documents(root, out, capsys) -> tuple[bytes, bytes]:
    out.mkdir()
    _terminal(capsys, "talenta", "--root", str(root), "--berita-acara", str(out / "ba.docx"),
              "--lampiran-suksesi", str(out / "ls.docx"))
    return (out / "ba.docx").read_bytes(), (out / "ls.docx").read_bytes()


def _headers(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("word/header"))


def test_the_berita_acara_records_the_meeting_whatever_the_penetapan(root, tmp_path, capsys):
    set_ba, set_ls = _documents(root, tmp_path / "ditetapkan", capsys)
    path = root / DECISIONS
    text = path.read_text("utf-8")
    start, end = text.index("penetapan:"), text.index("catatan:")
    path.write_text(text[:start].replace("status: ditetapkan", "status: ditinjau_komite") + text[end:], "utf-8")
    reviewed_ba, reviewed_ls = _documents(root, tmp_path / "ditinjau", capsys)
    assert set_ba == reviewed_ba  # the meeting's record does not follow the later penetapan
    assert set_ls != reviewed_ls
    assert "RANCANGAN: BELUM DITETAPKAN PPK" in _headers(tmp_path / "ditinjau" / "ls.docx")
    assert "RANCANGAN" not in _headers(tmp_path / "ditetapkan" / "ls.docx")
    assert "RANCANGAN" not in _headers(tmp_path / "ditinjau" / "ba.docx")
    assert "RAHASIA" in _headers(tmp_path / "ditinjau" / "ba.docx")
    berita = document_text(tmp_path / "ditetapkan" / "ba.docx")
    assert "snapshots/" not in berita and ".csv" not in berita and "keputusan/" not in berita
    assert "periode 2025 menurut PermenPANRB 3/2020" in berita
    # Place and date of signing: no instansi.tempat in this kamus, so dots for the place.
    assert "……………, 20 November 2025" in berita
    with zipfile.ZipFile(tmp_path / "ditetapkan" / "ba.docx") as archive:
        body = archive.read("word/document.xml").decode()
    assert body.count('w:hRule="atLeast"') == 3  # a row high enough to sign for each of the three officials


def test_the_place_of_signing_comes_from_the_kamus(root, tmp_path, capsys):
    kamus_yaml = root / "kamus.yaml"
    kamus_yaml.write_text("instansi: {nama: Pemerintah Kabupaten Sleman, tempat: Sleman}\n"
                          + kamus_yaml.read_text("utf-8"), "utf-8")
    _documents(root, tmp_path / "out", capsys)
    assert "Sleman, 20 November 2025" in document_text(tmp_path / "out" / "ba.docx")


def test_the_lampiran_lists_pangkat_and_the_unit_and_keeps_the_degrees(root, tmp_path, capsys):
    path = root / DECISIONS
    path.write_text(path.read_text("utf-8").replace("nama: Agus Salim", 'nama: "H. Agus Salim, S.H., M.Si."'), "utf-8")
    _documents(root, tmp_path / "out", capsys)
    lampiran = document_text(tmp_path / "out" / "ls.docx")
    assert "H. AGUS SALIM, S.H., M.Si." in lampiran and "M.SI." not in lampiran
    assert "Pangkat/Gol." in lampiran and "Penata Tingkat I, III/d" in lampiran  # Budi: III/d in the snapshot
    assert GITA in lampiran and BUDI in lampiran
    berita = document_text(tmp_path / "out" / "ba.docx")
    assert "Pengadministrasi Umum, Badan A" in berita  # a current post with its unit


@pytest.mark.parametrize("written, printed", [
    ("H. Ahmad Contoh, S.H., M.Si.", "H. AHMAD CONTOH, S.H., M.Si."),
    ("Dr. Ir. Budi Santoso, M.T.", "Dr. Ir. BUDI SANTOSO, M.T."),
    ("dr. Hj. Siti Aminah, M.Kes.", "dr. HJ. SITI AMINAH, M.Kes."),
    ("Agus Salim", "AGUS SALIM")])
def test_a_signature_capitalises_the_name_not_the_degrees(written, printed):
    assert nama_kapital(written) == printed


def test_a_heading_does_not_repeat_the_unit_its_post_names(root, tmp_path, capsys):
    from generator.lampiran.komite import _post_name
    from generator.project import Project

    kamus = Project.open(root).require_valid()
    for kode, position in kamus.positions.items():
        unit = kamus.units.get(position.unit)
        name = _post_name(kamus, kode)
        assert name.count(unit.nama) <= 1 if unit else name == position.nama


def test_the_draft_lists_each_target_post_with_its_candidates_in_rank_order(root, capsys):
    (root / DECISIONS).unlink()
    _terminal(capsys, "talenta", "--root", str(root), "--tulis-keputusan")
    text = (root / DECISIONS).read_text("utf-8")
    overview = text[text.index("# Ringkasan per jabatan sasaran"):text.index("periode:")]
    assert re.search(r"#   Kepala Bidang A \(A\.KEPALA\):\n#     1\. \S[^\n]*\(\d{18}\), kotak \d, JPM ", overview)
    assert "bukan peringkat antarjabatan" in text
    assert all(line.startswith("#") for line in overview.splitlines())
