"""`kamus diff` on a real git repository with tagged versions (built from tests/fixtures/versions)."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import MINIMAL, VERSIONS, build_versions_repo, git
from generator import api
from generator.cli import main
from goldens import DIFF_GOLDEN, diff_markdown


def diff(root, old, new):
    comparison = api.diff(root, old, new)
    return comparison.changes, comparison.impact


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return build_versions_repo(tmp_path_factory.mktemp("repo") / "kamus")


def kinds(changes):
    return {(c.objek, c.kode, c.jenis, c.letak, json.dumps(c.lama, sort_keys=True, default=str),
             json.dumps(c.baru, sort_keys=True, default=str)) for c in changes}


def test_every_kind_of_change_with_old_and_new_values(repo):
    changes, _ = diff(repo, "kamus-2023", "kamus-2024")
    found = {(c.objek, c.kode, c.jenis, c.letak): (c.lama, c.baru) for c in changes}
    expected = {
        ("kompetensi", "T.A", "kompetensi-nama", ""): ("Penganggaran", "Penganggaran Daerah"),
        ("kompetensi", "T.A", "kompetensi-bidang", ""): ("Keuangan", "Keuangan Daerah"),
        ("kompetensi", "T.A", "kompetensi-definisi", ""): ("Menyusun anggaran.", "Menyusun dan mengendalikan anggaran."),
        ("kompetensi", "T.A", "level-ditambah", "level 5"): (None, "Deskripsi level 5."),
        ("kompetensi", "T.A", "level-deskripsi", "level 2"): ("Deskripsi level 2.", "Deskripsi level 2 yang baru."),
        ("kompetensi", "T.A", "indikator-diubah", "level 1, indikator 1"):
            ("Indikator pertama level 1.", "Indikator pertama level 1 yang diperbarui."),
        ("kompetensi", "T.A", "indikator-diubah", "level 1, indikator 2"):
            ("Indikator kedua level 1.", "Indikator ketiga level 1."),
        ("kompetensi", "T.B", "kompetensi-dicabut", ""): ("berlaku", "dicabut"),
        ("kompetensi", "T.B", "kompetensi-pengganti", ""): ([], ["T.C"]),
        ("kompetensi", "T.C", "kompetensi-ditambah", ""): (None, "Arsip Elektronik"),
        ("jabatan", "A.KEPALA", "standar-naik", "T.A"): (3, 4),
        ("jabatan", "A.KEPALA", "standar-turun", "SK.1"): (3, 2),
        ("jabatan", "A.KEPALA", "standar-ditambah", "T.C"): (None, 2),
        ("jabatan", "A.STAF", "jabatan-pindah-unit", ""): ("UNIT_A", "UNIT_B"),
        ("jabatan", "A.STAF", "jabatan-nama", ""): ("Pengadministrasi Umum", "Pengadministrasi Perkantoran"),
        ("jabatan", "A.STAF", "jabatan-atasan", ""): ("A.KEPALA", "B.KEPALA"),
        ("jabatan", "A.STAF", "standar-dihapus", "T.B"): (1, None),
        ("jabatan", "B.KEPALA", "jabatan-atasan", ""): ("A.KEPALA", ""),
        ("jabatan", "B.STAF", "jabatan-dihapus", ""): ("Pengadministrasi UPT", None),
        ("jabatan", "C.ANALIS", "jabatan-ditambah", ""): (None, "Analis Kebijakan"),
        ("unit", "UNIT_B", "unit-nama", ""): ("UPT B", "UPT Layanan B"),
        ("unit", "UNIT_B", "unit-induk", ""): ("UNIT_A", ""),
        ("unit", "UNIT_C", "unit-ditambah", ""): (None, "Kantor C"),
        ("unit", "UNIT_D", "unit-dihapus", ""): ("Kantor D", None),
    }
    for key, values in expected.items():
        assert found.get(key) == values, key
    persyaratan = found[("jabatan", "A.KEPALA", "jabatan-persyaratan", "pendidikan")]
    assert persyaratan[1][0]["bidang_ilmu"] == ["Akuntansi", "Manajemen Keuangan"]
    # T.A level 1 lost its third-line indicator? No: lines 1 and 2 were reworded; level 4 kept.
    assert not any(c.jenis == "level-dihapus" for c in changes)


def test_jenis_change_and_removed_level_and_indicators(repo, tmp_path):
    old, new = tmp_path / "lama", tmp_path / "baru"
    for folder in (old, new):
        shutil.copytree(MINIMAL, folder)
    target = new / "competencies/manajerial/T.B.yaml"
    shutil.move(new / "competencies/teknis/T.B.yaml", target)
    text = target.read_text("utf-8").replace("jenis: teknis", "jenis: manajerial")
    text = text.replace("      - Indikator kedua level 2.\n", "").replace(
        "  - level: 3\n    deskripsi: Deskripsi level 3.\n    indikator:\n      - Indikator pertama level 3.\n"
        "      - Indikator kedua level 3.\n", "")
    target.write_text(text.replace("    indikator:\n      - Indikator pertama level 1.\n",
                                   "    indikator:\n      - Indikator pertama level 1.\n      - Baru.\n"), "utf-8")
    changes, _ = diff(repo, str(old), str(new))
    found = {(c.jenis, c.letak): (c.lama, c.baru) for c in changes if c.kode == "T.B"}
    assert found[("kompetensi-jenis", "")] == ("teknis", "manajerial")
    assert found[("level-dihapus", "level 3")] == ("Deskripsi level 3.", None)
    assert found[("indikator-dihapus", "level 2, indikator 2")] == ("Indikator kedua level 2.", None)
    assert found[("indikator-ditambah", "level 1, indikator 2")] == (None, "Baru.")


def test_reformatting_reports_nothing(repo):
    assert diff(repo, "kamus-2024", "kamus-2025")[0] == []


def test_historic_version_that_breaks_todays_rules_is_still_compared(repo, capsys):
    changes, _ = diff(repo, "kamus-2022", "kamus-2023")
    assert {(c.kode, c.jenis) for c in changes} >= {("T.B", "kompetensi-nama"), ("B.STAF", "jabatan-ditambah"),
                                                   ("UNIT_D", "unit-ditambah")}
    assert main(["validate", "--root", str(VERSIONS.parent / "minimal")]) == 0  # sanity: the fixture base is clean


def test_impact_counts_against_the_latest_snapshot(repo):
    _, found = diff(repo, "kamus-2023", "kamus-2024")
    assert found.snapshot == "snapshots/2024.csv"
    assert found.pemangku_di_bawah_standar_baru == {("A.KEPALA", "T.A"): 2}  # levels 3 and 3.5; not 4 (meets) nor 2 (was below)
    assert found.pemangku_di_bawah_seluruhnya == {("A.KEPALA", "T.A"): 3}  # …plus the one already below at 2
    assert found.catatan == ""
    assert found.jabatan_yang_mensyaratkan["T.C"] == 4 and found.jabatan_yang_mensyaratkan["T.B"] == 0


def test_renaming_jenis_jabatan_to_jenjang_changes_nothing(tmp_path):
    """A version written before `jenis_jabatan` became `jenjang` compares by meaning, key name aside."""
    root = tmp_path / "kamus"
    shutil.copytree(MINIMAL, root)
    positions = sorted((root / "positions").rglob("[!_]*.yaml"))
    new = {path: path.read_text("utf-8") for path in positions}
    for path, text in new.items():
        path.write_text(text.replace("\njenjang: ", "\njenis_jabatan: "), "utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "old key")
    git(root, "tag", "lama")
    for path, text in new.items():
        path.write_text(text, "utf-8")
    git(root, "commit", "-qam", "new key")
    git(root, "tag", "baru")
    assert git(root, "diff", "--stat", "lama", "baru").count("jenis_jabatan") == 0  # the files did change …
    assert git(root, "diff", "lama", "baru").count("-jenis_jabatan: ") == len(new)
    changes, _ = diff(root, "lama", "baru")
    assert changes == []  # … their meaning did not


def test_markdown_summary_is_golden(repo):
    assert diff_markdown(repo) == DIFF_GOLDEN.read_text("utf-8")


def test_json_and_text_and_working_tree_untouched(repo, capsys):
    before = git(repo, "status", "--porcelain")
    head = git(repo, "rev-parse", "HEAD")
    assert main(["diff", "kamus-2022", "kamus-2024", "--root", str(repo), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["version"] == 3 and document["dari"] == "kamus-2022" and document["ke"] == "kamus-2024"
    assert set(document) == {"version", "dari", "ke", "ringkasan", "perubahan", "dampak", "tidak_terbaca", "keputusan"}
    assert document["keputusan"] == []
    assert set(document["perubahan"][0]) == {"objek", "kode", "nama", "jenis", "keterangan", "letak", "lama", "baru"}
    assert main(["diff", "kamus-2024", "kamus-2025", "--root", str(repo)]) == 0
    assert capsys.readouterr().out.startswith("Perubahan kamus kamus-2024 → kamus-2025: 0 perubahan.")
    assert git(repo, "status", "--porcelain") == before and git(repo, "rev-parse", "HEAD") == head


def test_unknown_ref_is_a_clean_usage_error(repo, capsys):
    assert main(["diff", "tidak-ada", "kamus-2024", "--root", str(repo)]) == 2
    assert "git" in capsys.readouterr().err


def test_site_history_from_tags(repo, tmp_path):
    from generator.api import build as build_site
    from sitecheck import read

    config = repo / "kamus.yaml"
    config.write_text("riwayat:\n"
                      "  - {tag: kamus-2023, label: Perbup 1/2023, tanggal: \"2023-01-02\"}\n"
                      "  - {tag: kamus-2024, label: Perbup 5/2024, tanggal: \"2024-02-01\"}\n"
                      "  - {tag: kamus-2025, label: Perbup 9/2025}\n", "utf-8")
    try:
        site = build_site(repo, tmp_path / "site").output
        again = build_site(repo, tmp_path / "again").output
    finally:
        config.unlink()
    index = read(site, "riwayat/")
    assert "Perbup 1/2023" in index.article and "Perbup 9/2025" in index.article
    assert "kamus-2023--kamus-2024/" in " ".join(index.links()) and "kamus-2023--kamus-2025/" in " ".join(index.links())
    pair = (site / "riwayat/kamus-2023--kamus-2024/index.html").read_text("utf-8")
    assert "Indikator <del>kedua</del> <ins>ketiga</ins> level 1." in pair
    assert "level yang disyaratkan naik (T.A Penganggaran Daerah): level 3 → level 4" in pair
    assert "A.KEPALA</code></a> Kepala Bidang A" in pair  # changed subjects are named
    assert "pemangku jabatan di bawah level yang baru disyaratkan" in pair  # the impact block, counts only
    assert "Tidak ada perubahan isi" in read(site, "riwayat/kamus-2024--kamus-2025/").article
    position = read(site, "jabatan/A.KEPALA/")
    assert "Riwayat" in position.article and "Diubah pada Perbup 5/2024" in position.article
    competency = read(site, "kompetensi/T.A/")
    assert "nama kompetensi diubah: Penganggaran → Penganggaran Daerah" in competency.article
    files = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert files == {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    # Which version was in force when, and the Lampiran of each (PDF and DOCX), on the Riwayat page.
    assert "2 Januari 2023 – 31 Januari 2024" in index.article and "sejak 1 Februari 2024" in index.article
    for tag in ("kamus-2023", "kamus-2024", "kamus-2025", "versi-ini"):
        for suffix in (".pdf", ".docx"):
            assert (site / f"unduh/lampiran-{tag}{suffix}").stat().st_size > 1000, (tag, suffix)
    assert "../unduh/lampiran-kamus-2023.pdf" in index.links() and "../unduh/lampiran-versi-ini.docx" in index.links()
    from pypdf import PdfReader

    old = " ".join(p.extract_text() for p in PdfReader(str(site / "unduh/lampiran-kamus-2023.pdf")).pages)
    assert "PENGANGGARAN" in old and "Penganggaran Daerah" not in " ".join(old.split())
    # Open data beside the reference page.
    reference = read(site, "referensi/")
    assert "../data/kamus.json" in reference.links() and "../data/kamus-case.json" in reference.links()
    assert json.loads((site / "data/kamus.json").read_text("utf-8"))["$schema"] == "urn:kamus:schema:kamus-data"


def test_build_versi_builds_the_site_of_a_past_version(repo, tmp_path, capsys):
    from sitecheck import read

    assert main(["build", "--root", str(repo), "--versi", "kamus-2023", "--output", str(tmp_path / "site")]) == 0
    assert "Situs selesai dibangun" in capsys.readouterr().out
    page = read(tmp_path / "site", "kompetensi/T.A/")
    assert "Penganggaran" in page.article and "Penganggaran Daerah" not in page.article
    assert not (repo / "site").exists() and git(repo, "status", "--porcelain") == ""


def test_a_file_that_no_longer_parses_is_unreadable_never_removed(repo, tmp_path, capsys):
    old, new = tmp_path / "lama", tmp_path / "baru"
    for folder in (old, new):
        shutil.copytree(MINIMAL, folder)
    (new / "competencies/teknis/T.B.yaml").write_text("kode: T.B\nnama: [\n", "utf-8")  # broken
    (new / "positions/UNIT_A/A.STAF.yaml").write_bytes(b"a: " + b"x" * 1_000_001)  # too large to read
    changes, _ = diff(repo, str(old), str(new))
    assert not [c for c in changes if c.jenis.endswith("-dihapus")]
    assert main(["diff", str(old), str(new), "--root", str(repo), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "competencies/teknis/T.B.yaml` di versi" in out and "positions/UNIT_A/A.STAF.yaml` di versi" in out
    assert "tidak dapat dibaca" in out
    assert main(["diff", str(old), str(new), "--root", str(repo), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["tidak_terbaca"]["baru"] == ["competencies/teknis/T.B.yaml", "positions/UNIT_A/A.STAF.yaml"]


def test_the_impact_says_why_incumbents_were_not_counted(repo, tmp_path, capsys):
    broken = repo / "positions/UNIT_A/A.KEPALA.yaml"
    original = broken.read_text("utf-8")
    broken.write_text(original + "tidak_dikenal: 1\n", "utf-8")
    try:
        assert main(["diff", "kamus-2023", "kamus-2024", "--root", str(repo)]) == 0
    finally:
        broken.write_text(original, "utf-8")
    out = capsys.readouterr().out
    assert "jumlah pemangku jabatan tidak dihitung: data kamus di folder kerja berisi galat" in out


def test_a_riwayat_version_without_kamus_folders_gets_a_note_not_a_crash(tmp_path):
    from generator.diff.versions import version_history
    from generator.project import Project
    from generator.publish.prepare import lampiran_downloads

    repo = build_versions_repo(tmp_path / "kamus")
    git(repo, "checkout", "-q", "--orphan", "awal")  # a tag from before the kamus had its folders
    git(repo, "rm", "-rq", "--cached", ".")
    (tmp_path / "README.md").write_text("Rencana kamus\n", "utf-8")
    git(repo, "commit", "-q", "--allow-empty", "-m", "Rencana")
    git(repo, "tag", "kamus-awal")
    git(repo, "checkout", "-q", "-f", "main")
    (repo / "kamus.yaml").write_text("riwayat:\n  - {tag: kamus-awal, label: Rencana}\n"
                                     "  - {tag: kamus-2025, label: Perbup 9/2025}\n", "utf-8")
    project = Project.open(repo)
    history = version_history(project.kamus.config.riwayat, project.enacted)
    assert [(pair.old.tag, pair.new.tag) for pair in history.pairs] == [("kamus-awal", "kamus-2025")]
    downloads, files = lampiran_downloads(project)
    first, second = downloads[1], downloads[2]
    assert "folder competencies dan positions" in first.problem and first.files == {}
    assert second.problem == "" and set(second.files) == {"PDF", "DOCX"}
    assert sorted(files) == ["docs/unduh/lampiran-kamus-2025.docx", "docs/unduh/lampiran-kamus-2025.pdf",
                             "docs/unduh/lampiran-versi-ini.docx", "docs/unduh/lampiran-versi-ini.pdf"]


def test_riwayat_names_git_tags_of_the_version_read(tmp_path):
    repo = build_versions_repo(tmp_path / "kamus")
    (repo / "kamus.yaml").write_text("riwayat:\n  - {tag: kamus-2024, label: Perbup 5/2024}\n"
                                     "  - {tag: main, label: Cabang main}\n", "utf-8")
    found = [(f.rule, f.line, f.message) for f in api.validate(repo).findings if f.severity == "error"]
    assert found == [("RIWAYAT-TAG", 3, "tag `main` tidak ada di repositori git")]
    git(repo, "add", "kamus.yaml")
    git(repo, "commit", "-q", "-m", "riwayat")
    git(repo, "tag", "kamus-2026")
    # a version read from git is checked against the tags of its repository
    assert [f.rule for f in api.open_project(repo, version="kamus-2026").report.findings if f.severity == "error"] \
        == ["RIWAYAT-TAG"]
