"""Hostile or broken inputs that must end in a clear message, never "galat internal" (issue
18, Low): control characters in YAML text, `kamus init` options that cannot stand in
kamus.yaml."""

from __future__ import annotations

from conftest import MINIMAL, git
from test_trust import kamus


def test_control_characters_are_findings_and_enacted_versions_still_build(tmp_path):
    """`\\v` written in double quotes crashed the DOCX writer and the history build. Today it is
    YAML-CONTROL in `kamus validate`; an enacted version that carries one gets a note on the
    Riwayat page instead of its Lampiran, and the site is built."""
    import shutil

    root = tmp_path / "kamus"
    shutil.copytree(MINIMAL, root)
    path = root / "competencies" / "teknis" / "T.A.yaml"
    clean = path.read_text("utf-8")
    path.write_text(clean.replace("definisi: Menyusun anggaran.", 'definisi: "Menyusun\\vanggaran."'), "utf-8")
    result = kamus("validate", "--root", str(root))
    assert result.returncode == 1 and "T.A.yaml:5:11: YAML-CONTROL" in result.stdout and "U+000B" in result.stdout
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "enacted with a control character")
    git(root, "tag", "kamus-2024")
    path.write_text(clean, "utf-8")
    (root / "kamus.yaml").write_text("instansi:\n  nama: Pemerintah Kota Uji\nriwayat:\n"
                                     "  - {tag: kamus-2024, label: Perwali 1/2024}\n", "utf-8")
    out = tmp_path / "lampiran.docx"
    result = kamus("lampiran", "--root", str(root), "--versi", "kamus-2024", "--output", str(out))
    assert result.returncode == 1 and "YAML-CONTROL" in result.stdout and "galat internal" not in result.stderr
    result = kamus("build", "--root", str(root), "--output", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (tmp_path / "site" / "unduh").glob("*.docx")] == ["lampiran-versi-ini.docx"]
    history = (tmp_path / "site" / "riwayat" / "index.html").read_text("utf-8")
    assert "tidak dibuat: versi ini berisi 1 galat menurut aturan sekarang" in history


def test_init_names_the_option_and_the_problem(tmp_path):
    result = kamus("init", str(tmp_path / "baru"), "--instansi", "Pemkab X\nY")
    assert result.returncode == 2 and "--instansi berisi baris baru" in result.stderr
    assert "galat dalam data kamus" not in result.stderr and not (tmp_path / "baru").exists()
    result = kamus("init", str(tmp_path / "baru"), "--instansi", "Pemkab X", "--singkatan", " ")
    assert result.returncode == 2 and "--singkatan kosong" in result.stderr
    result = kamus("init", str(tmp_path / "baru"), "--instansi", "Pemkab \u202eX")
    assert result.returncode == 2 and "karakter kontrol" in result.stderr
    result = kamus("init", str(tmp_path / "baru"), "--instansi", 'Pemkab "X" #: {y}', "--singkatan", "- X", "--tanpa-git")
    assert result.returncode == 0, result.stderr
    assert kamus("validate", "--root", str(tmp_path / "baru"), "--strict").returncode == 0


def test_links_into_hidden_folders_of_the_kamus_are_not_read(tmp_path):
    """`.git/config` is inside the kamus folder, and CI keeps the token it checked out with
    there: a committed link to it (or to any hidden file) is read like a link out of the kamus."""
    import shutil

    root = tmp_path / "kamus"
    shutil.copytree(MINIMAL, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "http.extraheader", "AUTHORIZATION: basic UkFIQVNJQQ==")
    (root / "snapshots").mkdir()
    (root / "snapshots" / "2025.csv").symlink_to("../.git/config")
    (root / "positions" / "UNIT_A" / "A.RAHASIA.yaml").symlink_to("../../.git/config")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "links into .git")
    result = kamus("validate", "--root", str(root))
    assert result.returncode == 1 and "UkFIQVNJQQ" not in result.stdout + result.stderr
    assert "positions/UNIT_A/A.RAHASIA.yaml:1:1: FILE-SYMLINK" in result.stdout
    (root / "positions" / "UNIT_A" / "A.RAHASIA.yaml").unlink()  # snapshots are read once the kamus is sound
    result = kamus("validate", "--root", str(root))
    assert "snapshots/2025.csv:1:1: SNAPSHOT-FILE" in result.stdout and "UkFIQVNJQQ" not in result.stdout
