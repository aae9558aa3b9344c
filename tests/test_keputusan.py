"""The komite talenta's decisions (keputusan/<periode>.yaml): checked, applied to the results,
counted in diffs and on the site, written as the Berita Acara and the Lampiran of the penetapan.

The fixture tests/fixtures/keputusan (laid over tests/fixtures/pengembangan, whose results
tests/test_development.py computes by hand) is a hand-worked example. Computed: Ahmad (A.KEPALA,
kotak 8), Budi (B.KEPALA, 9), Citra (A.STAF, 9), Dewi and Eko (A.ANALIS, 8 and 7), Fajar (B.KEPALA,
9), Gita (B.KEPALA, 8), Hadi (A.STAF, 5); the pool is everyone but Hadi. The komite moves two
people: Citra 9 → 6 (out of the pool) and Hadi 5 → 7 (into it), and nominates for A.KEPALA Gita
(peringkat 1, siap 1–2 tahun) before Budi (peringkat 2, siap sekarang), though Budi has the
higher JPM and kamus.yaml lists only one computed candidate per post.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile

import docx
import openpyxl
import pytest

from conftest import TESTS, build_case_root, git
from goldens import run
from generator.project import Project
from generator.talent.aggregate import summarise
from generator.talent.analysis import analyse
from test_glossary import glossary

PENGEMBANGAN, KEPUTUSAN = TESTS / "fixtures" / "pengembangan", TESTS / "fixtures" / "keputusan"
AHMAD, BUDI, CITRA, DEWI = "198001012005011001", "199001012015011002", "199406302019032003", "196803151990032004"
EKO, FAJAR, GITA, HADI = "198507072010011005", "198808082012011006", "199109092016012007", "199212122018011008"
DECISIONS = "keputusan/2025.yaml"


def make_root(target):
    root = build_case_root(PENGEMBANGAN, target)
    shutil.copytree(KEPUTUSAN / "files", root, dirs_exist_ok=True)
    return root


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return make_root(tmp_path_factory.mktemp("keputusan") / "kamus")


@pytest.fixture(scope="module")
def document(root) -> dict:
    code, out = run("talenta", "--root", str(root), "--format", "json")
    assert code == 0, out
    return json.loads(out)


def secrets(root) -> set[str]:
    """Every NIP and name of the snapshot, and the names of the officials in the decisions."""
    found = set()
    for snapshot in Project.open(root).snapshots:
        found |= {text for p in snapshot.people for text in (p.nip, p.nama)}
    found |= set(re.findall(r'nama: "([^"]+)"', (root / DECISIONS).read_text("utf-8")))
    return found


def assert_no_secret(text: str, root) -> None:
    for secret in secrets(root):
        assert secret not in text, secret


def test_a_calibration_moves_two_people_and_the_pool_follows(document):
    assert document["version"] == 5
    assert document["keputusan"] == {"berkas": DECISIONS, "status": "ditetapkan",
                                     "rapat": {"tanggal": "2025-11-20", "nomor": "800.1.3/BA-KT/12/2025",
                                               "tempat": "Ruang Rapat Sekretariat Daerah"},
                                     "penetapan": {"nomor": "800.1.3/123/2025", "tanggal": "2025-12-01"}}
    people = {p["nip"]: p for p in document["orang"]}
    moved = {nip: (p["kotak_hitung"], p["kotak"], p["sumber_kotak"], p["kelompok_talenta"])
             for nip, p in people.items() if p["kotak"] != p["kotak_hitung"]}
    assert moved == {CITRA: (9, 6, "komite", False), HADI: (5, 7, "komite", True)}
    assert people[CITRA]["alasan_kotak"].startswith("Hasil kerja 2025 dinilai ulang")
    assert people[CITRA]["alasan_tidak_masuk"] == "kotak 6 di luar kotak kelompok talenta"
    assert people[CITRA]["tindak_lanjut"].startswith("Penempatan yang sesuai")  # the follow-up of kotak 6
    assert people[HADI]["catatan_pengembangan"].startswith("Mentoring oleh Kepala Bidang A")
    # Everyone else keeps the computed kotak; Gita and Budi are named (for a post) but not re-boxed.
    for nip in (AHMAD, BUDI, DEWI, EKO, FAJAR, GITA):
        assert people[nip]["sumber_kotak"] == "hitung" and people[nip]["alasan_kotak"] is None
    assert [nip for nip, p in people.items() if p["kelompok_talenta"]] == [AHMAD, BUDI, DEWI, EKO, FAJAR, GITA, HADI]
    statement = " ".join(document["kebijakan"])
    assert "Kotak mengikuti keputusan komite talenta 2025 (ditetapkan PPK, Nomor 800.1.3/123/2025" in statement
    assert "(2 pegawai) masing-masing dengan alasannya" in statement
    assert "Rencana suksesi 1 jabatan sasaran (Kepala Bidang A (A.KEPALA)) mengikuti keputusan komite" in statement
    assert "Pasal 199 ayat (1)" in statement


def test_the_slate_follows_the_komite_and_the_pool_after_decisions(document):
    slate, = document["suksesi"]
    assert slate["sumber"] == "komite"
    # Gita ranks below Budi by JPM (61.11 < 72.22) and outside the one computed candidate, but the
    # komite ranked her first.
    assert [(c["nip"], c["jpm"], c["kesiapan"], c["peringkat"]) for c in slate["kandidat"]] == [
        (GITA, 61.11, "siap_1_2_tahun", 1), (BUDI, 72.22, "siap_sekarang", 2)]
    # Counts over the pool with the komite's kotak: Citra (excluded by the ladder, pendidikan and
    # pangkat) left it, Hadi (pelaksana, SMA, II/b: the same three) joined it, so the numbers of the
    # computed slate hold; the top excluded member by JPM is now Dewi (8/9, kotak 8 before Eko's 7)
    # instead of Citra (9/9).
    assert slate["jumlah_kandidat"] == 2 and slate["kategori_seleksi"] == {"MS": 0, "MMS": 1, "KMS": 1}
    assert slate["dikecualikan"] == 4
    assert slate["dikecualikan_per_aturan"] == {"jenjang_pengisi": 1, "batas_usia_pensiun": 1,
                                                "pendidikan_minimal": 2, "pangkat_minimal": 2,
                                                "masa_jabatan_minimal": 1}
    assert [e["nip"] for e in slate["dikecualikan_teratas"]] == [DEWI]


def test_without_the_decisions_the_proposal_is_computed(tmp_path):
    root = make_root(tmp_path / "kamus")
    (root / DECISIONS).unlink()
    code, out = run("talenta", "--root", str(root), "--format", "json")
    document = json.loads(out)
    slate, = document["suksesi"]
    assert document["keputusan"] is None and slate["sumber"] == "hitung"
    assert [(c["nip"], c["kesiapan"]) for c in slate["kandidat"]] == [(BUDI, None)]  # one computed candidate
    assert [e["nip"] for e in slate["dikecualikan_teratas"]] == [CITRA]
    assert all(p["sumber_kotak"] == "hitung" for p in document["orang"])
    assert "Belum ada keputusan komite talenta untuk periode 2025" in " ".join(document["kebijakan"])


def broken(tmp_path, edit) -> tuple[int, str, object]:
    root = make_root(tmp_path / "kamus")
    path = root / DECISIONS
    path.write_text(edit(path.read_text("utf-8")), "utf-8")
    code, out = run("validate", "--root", str(root), "--format", "json")
    return code, out, root


def test_an_override_without_alasan_and_an_ineligible_target_post(tmp_path, capsys):
    code, out, root = broken(tmp_path, lambda text: text.replace(
        "    alasan: Hasil kerja 2025 dinilai ulang di bawah ekspektasi setelah reviu atasan langsung.\n", "").replace(
        '  - nip: "199001012015011002"\n', '  - nip: "198808082012011006"\n'))  # Fajar instead of Budi
    assert code == 1
    findings = json.loads(out)["findings"]
    assert [(f["rule"], f["line"]) for f in findings] == [("KEPUTUSAN-ALASAN", 20), ("KEPUTUSAN-SUKSESI", 30)]
    alasan, suksesi = (f["message"] for f in findings)
    assert alasan == "pegawai ke-1: kotak 6 berbeda dari kotak hasil hitungan 9, tanpa alasan"
    assert suksesi.startswith("pegawai ke-4, rencana suksesi ke-1: tidak memenuhi persyaratan jabatan sasaran "
                              "`A.KEPALA` (Administrator): menduduki jenjang jabatan sekarang paling singkat 3 tahun")
    assert "Pasal 54" in findings[1]["hint"]
    assert_no_secret(out, root)
    capsys.readouterr()
    code, out = run("talenta", "--root", str(root))  # no result from a decision that breaks a rule
    assert code == 1 and "KEPUTUSAN-ALASAN" in out and "hasil talenta tidak dihitung" in capsys.readouterr().err


def test_no_nip_or_name_reaches_a_ci_log(tmp_path):
    """Every value of a decision file is withheld from findings: schema and YAML errors quote
    the file's text elsewhere, never here (a NIP written unquoted, a name as a key, a bad NIP)."""
    code, _, root = broken(tmp_path, lambda text: text.replace(
        '  - nip: "199406302019032003"', '  - nip: 199406302019032003\n    Citra Pelaksana: ya').replace(
        '"199212122018011008"', '"19921212 2018011008"'))
    assert code == 1
    for form in ("text", "json", "github"):
        _, out = run("validate", "--root", str(root), "--format", form)
        assert "SCHEMA-TYPE" in out and "SCHEMA-PATTERN" in out and "SCHEMA-UNKNOWN-FIELD" in out
        assert_no_secret(out, root)
        assert "19921212" not in out and "…" in out


def test_a_changed_ditetapkan_file_is_flagged_in_the_diff(root, tmp_path):
    repo = shutil.copytree(root, tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "ditetapkan")
    path = repo / DECISIONS
    path.write_text(path.read_text("utf-8").replace("kotak: 7", "kotak: 8").replace(
        "kesiapan: siap_sekarang", "kesiapan: siap_3_tahun"), "utf-8")
    git(repo, "commit", "-q", "-am", "diubah")
    code, markdown = run("diff", "HEAD~1", "HEAD", "--root", str(repo), "--format", "markdown")
    assert code == 0
    assert ("- **mengubah keputusan yang sudah ditetapkan** — `keputusan/2025.yaml` (periode 2025): 2 keputusan "
            "pegawai diubah; 1 di antaranya kotak; 1 di antaranya rencana suksesi") in markdown
    assert_no_secret(markdown, repo)
    _, out = run("diff", "HEAD~1", "HEAD", "--root", str(repo), "--format", "json")
    change, = json.loads(out)["keputusan"]
    assert change == {"berkas": DECISIONS, "periode": "2025", "status_lama": "ditetapkan", "status_baru": "ditetapkan",
                      "ditambah": 0, "dihapus": 0, "diubah": 2, "kotak_diubah": 1, "rencana_suksesi_diubah": 1,
                      "rapat_penetapan_diubah": False, "sudah_ditetapkan": True}
    assert set(change) <= glossary()
    # A draft that is still being discussed changes without the warning.
    git(repo, "checkout", "-q", "HEAD~1", "--", DECISIONS)
    path.write_text(path.read_text("utf-8").replace("status: ditetapkan", "status: draf"), "utf-8")
    git(repo, "commit", "-q", "-am", "kembali ke draf")
    path.write_text(path.read_text("utf-8").replace("kotak: 7", "kotak: 8"), "utf-8")
    git(repo, "commit", "-q", "-am", "draf diubah")
    _, text = run("diff", "HEAD~1", "HEAD", "--root", str(repo))
    assert text.startswith("Perubahan kamus HEAD~1 → HEAD: 0 perubahan pada kamus; keputusan komite talenta: 1 berkas "
                           "berubah.\n")
    assert "keputusan/2025.yaml (periode 2025): 1 keputusan pegawai diubah; 1 di antaranya kotak" in text
    assert "PERINGATAN" not in text


def document_text(path) -> str:
    book = docx.Document(str(path))
    parts = [p.text for p in book.paragraphs]
    parts += [cell.text for table in book.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in book.sections for p in section.header.paragraphs + section.first_page_header.paragraphs]
    return "\n".join(parts)


def test_the_two_documents_are_complete_and_byte_identical_on_rerun(root, tmp_path):
    out = tmp_path / "rapat"
    out.mkdir()
    for attempt in ("1", "2"):
        code, _ = run("talenta", "--root", str(root), "--berita-acara", str(out / f"ba{attempt}.docx"),
                      "--lampiran-suksesi", str(out / f"ls{attempt}.docx"))
        assert code == 0
    assert (out / "ba1.docx").read_bytes() == (out / "ba2.docx").read_bytes()
    assert (out / "ls1.docx").read_bytes() == (out / "ls2.docx").read_bytes()
    berita = document_text(out / "ba1.docx")
    assert "BERITA ACARA RAPAT KOMITE TALENTA" in berita and "NOMOR 800.1.3/BA-KT/12/2025" in berita
    assert "Pada hari Kamis, tanggal 20 November 2025, bertempat di Ruang Rapat Sekretariat Daerah" in berita
    for expected in (CITRA, HADI, "Hasil kerja 2025 dinilai ulang", "Prestasi kerja di luar SKP", GITA, BUDI,
                     "Siap 1–2 tahun", "Siap sekarang", "61,11%", "Mentoring oleh Kepala Bidang A",
                     "Ir. Suryo Widodo, M.Si.", "Bambang Hartono, S.H.", "disampaikan kepada Pejabat Pembina Kepegawaian untuk ditetapkan",
                     "melengkapi kolom tmt_jenjang"):
        assert expected in berita, expected
    lampiran = document_text(out / "ls1.docx")
    for expected in ("LAMPIRAN", "KEPUTUSAN BUPATI CONTOH", "NOMOR 800.1.3/123/2025", "TANGGAL 1 DESEMBER 2025",
                     "KEPALA BIDANG A", GITA, BUDI, "Siap 1–2 tahun", "BUPATI CONTOH,", "AGUS SALIM", "RAHASIA"):
        assert expected in lampiran, expected
    assert lampiran.index(GITA) < lampiran.index(BUDI)  # the komite's rank
    assert CITRA not in lampiran and HADI not in lampiran
    with zipfile.ZipFile(out / "ba1.docx") as archive:  # every page: the header of every section says RAHASIA
        headers = [archive.read(name).decode() for name in archive.namelist() if name.startswith("word/header")]
    assert headers and all("RAHASIA" in header for header in headers if "<w:t" in header)


def test_documents_are_refused_inside_the_kamus_and_without_decisions(root, tmp_path, capsys):
    code = run("talenta", "--root", str(root), "--berita-acara", str(root / "ba.docx"))[0]
    assert code == 2 and "tidak boleh masuk repositori kamus" in capsys.readouterr().err
    assert not (root / "ba.docx").exists()
    bare = make_root(tmp_path / "kamus")
    (bare / DECISIONS).unlink()
    code = run("talenta", "--root", str(bare), "--lampiran-suksesi", str(tmp_path / "ls.docx"))[0]
    assert code == 2 and "--tulis-keputusan" in capsys.readouterr().err and not (tmp_path / "ls.docx").exists()


def test_the_draft_is_the_computed_proposal_and_is_never_overwritten(tmp_path, capsys):
    root = make_root(tmp_path / "kamus")
    (root / DECISIONS).unlink()
    assert run("talenta", "--root", str(root), "--tulis-keputusan")[0] == 0
    text = (root / DECISIONS).read_text("utf-8")
    assert "status: draf" in text and text.startswith("# yaml-language-server: $schema=../schemas/decision.schema.json")
    # every pool member with the computed kotak; the one computed candidate of A.KEPALA as rencana suksesi
    assert re.findall(r'- nip: "(\d+)"\n    kotak: (\d)', text) == [
        (AHMAD, "8"), (BUDI, "9"), (CITRA, "9"), (DEWI, "8"), (EKO, "7"), (FAJAR, "9"), (GITA, "8")]
    assert '- {jabatan: "A.KEPALA", kesiapan: null, peringkat: 1}  # Kepala Bidang A: JPM 72,22%' in text
    assert "# Budi Pengawas: Kepala UPT B (B.KEPALA); kotak 9" in text
    code, out = run("validate", "--root", str(root))
    assert code == 0, out  # the draft passes its own checks
    capsys.readouterr()
    (root / DECISIONS).write_text(text + "# disunting komite\n", "utf-8")
    assert run("talenta", "--root", str(root), "--tulis-keputusan")[0] == 2
    assert "sudah ada" in capsys.readouterr().err and "disunting komite" in (root / DECISIONS).read_text("utf-8")
    assert run("talenta", "--root", str(root), "--tulis-keputusan", "--timpa")[0] == 0
    assert (root / DECISIONS).read_text("utf-8") == text
    assert run("talenta", "--root", str(root), "--tulis-keputusan", "--versi", "HEAD")[0] == 2


def test_no_draft_from_a_broken_snapshot(tmp_path, capsys):
    """The draft is the computed proposal: a snapshot with errors gives the findings (exit 1) and no file."""
    root = make_root(tmp_path / "kamus")
    (root / DECISIONS).unlink()
    snapshot = root / "snapshots" / "2025.csv"
    lines = snapshot.read_text("utf-8").splitlines(keepends=True)
    snapshot.write_text("".join(lines + lines[1:2]), "utf-8")  # a NIP twice
    code, out = run("talenta", "--root", str(root), "--tulis-keputusan")
    assert code == 1 and "SNAPSHOT-NIP-DUPLICATE" in out + capsys.readouterr().err
    assert not (root / DECISIONS).exists()


def test_the_restricted_workbook_has_the_keputusan_komite_sheet(root, tmp_path):
    assert run("talenta", "--root", str(root), "--output", str(tmp_path / "rahasia"))[0] == 0
    book = openpyxl.load_workbook(tmp_path / "rahasia" / "RAHASIA-2025-hasil.xlsx")
    assert book.sheetnames == ["Hasil", "Rencana Pengembangan", "Keputusan Komite"]
    sheet = [[c.value for c in row] for row in book["Keputusan Komite"].iter_rows()]
    assert sheet[0][0].startswith("RAHASIA") and set(sheet[1]) <= glossary()
    rows = [dict(zip(sheet[1], row)) for row in sheet[2:]]
    assert [(r["nip"], r["kotak_hitung"], r["kotak"], r["sumber_kotak"], r["jabatan_sasaran"], r["kesiapan"])
            for r in rows] == [(CITRA, 9, 6, "komite", None, None), (HADI, 5, 7, "komite", None, None),
                               (GITA, 8, 8, "hitung", "A.KEPALA", "Siap 1–2 tahun"),
                               (BUDI, 9, 9, "hitung", "A.KEPALA", "Siap sekarang")]
    hasil = [[c.value for c in row] for row in book["Hasil"].iter_rows(min_row=2)]
    person = dict(zip(hasil[0], next(row for row in hasil[1:] if row[0] == HADI)))
    assert (person["kotak"], person["kotak_hitung"], person["sumber_kotak"]) == (7, 5, "komite")
    suksesi = openpyxl.load_workbook(tmp_path / "rahasia" / "RAHASIA-2025-suksesi.xlsx")["Suksesi"]
    head = [c.value for c in suksesi[2]]
    assert [dict(zip(head, [c.value for c in row]))["kesiapan"] for row in suksesi.iter_rows(min_row=3)] == [
        "siap_1_2_tahun", "siap_sekarang"]


def test_the_site_counts_the_decisions(root):
    project = Project.open(root)
    kamus = project.require_valid()
    analysis = analyse(project.snapshots, kamus, decisions=project.decisions)
    summary = summarise(analysis.periods["2025"], kamus, analysis.policy)
    k = summary.keputusan
    # two moves, each of one person: below the floor, so neither their number nor their kotak is published
    assert (k["status"], k["pegawai"], k["diubah"], k["diubah_minimal"], k["transisi"]) == (
        "ditetapkan PPK", 4, None, False, None)
    row, = summary.suksesi
    assert row["sumber"] == "komite" and row["komite"] == {"calon": None, "calon_minimal": False, "kesiapan": None}
    # the floor cell by cell: tests/test_talent_site_floor.py


def test_a_decision_file_one_version_cannot_read_is_named_not_counted(root, tmp_path):
    repo = shutil.copytree(root, tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "ditetapkan")
    (repo / DECISIONS).write_text("periode: [\n", "utf-8")
    git(repo, "commit", "-q", "-am", "rusak")
    _, markdown = run("diff", "HEAD~1", "HEAD", "--root", str(repo), "--format", "markdown")
    assert "`keputusan/2025.yaml` di versi `HEAD` tidak dapat dibaca" in markdown
    assert "Keputusan komite talenta" not in markdown and "dihapus" not in markdown
