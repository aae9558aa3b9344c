"""One version road: every command that reads a kamus takes the same version options
(`--versi`, `--per-tanggal`), resolved once into one Project by the API."""

from __future__ import annotations

import pytest

from conftest import TESTS, build_case_root, git
from generator import api
from generator.cli import build_parser, main
from generator.errors import OutputError
from generator.load.source import FolderSource
from generator.project import Project, open_version

VERSIONED = ("validate", "build", "lampiran", "export", "render", "talenta")


@pytest.mark.parametrize("command", VERSIONED)
def test_every_command_that_reads_a_kamus_takes_the_same_version_options(command):
    parser = build_parser()
    extra = ["--output", "x.pdf"] if command in ("lampiran", "export", "render") else []
    by_version = parser.parse_args([command, "--versi", "kamus-2024", *extra])
    by_day = parser.parse_args([command, "--per-tanggal", "2024-05-01", *extra])
    assert (by_version.version, by_version.as_of) == ("kamus-2024", None)
    assert (by_day.version, by_day.as_of) == (None, "2024-05-01")
    with pytest.raises(SystemExit):
        parser.parse_args([command, "--versi", "kamus-2024", "--per-tanggal", "2024-05-01", *extra])


def test_per_tanggal_reads_kamus_yaml_alone(versions, monkeypatch):
    """Resolving --per-tanggal reads the settings only: a broken position in the working tree
    neither stops it nor is read at all."""
    broken = versions / "positions/UNIT_A/A.KEPALA.yaml"
    original = broken.read_text("utf-8")
    broken.write_text("kode: [A.KEPALA\n", "utf-8")
    read = []
    real = FolderSource.read
    monkeypatch.setattr(FolderSource, "read", lambda self, path, limit=None: read.append(path) or real(self, path, limit))
    try:
        working = Project.open(versions)
        assert [v.tag for v in working.config.riwayat] == ["kamus-2023", "kamus-2024", "kamus-2025"]
        assert "documents" not in vars(working) and "sources" not in vars(working)
        project = open_version(versions, as_of="2024-05-01")
        assert project.version == "kamus-2024" and read == ["kamus.yaml", "kamus.yaml"]
        assert not project.report.failed()  # the version read from git is sound
        assert api.validate(versions).failed()  # while the working tree is not
    finally:
        broken.write_text(original, "utf-8")


def test_build_takes_per_tanggal_like_the_lampiran(versions, tmp_path, capsys):
    from sitecheck import read

    site = tmp_path / "site"
    assert main(["build", "--root", str(versions), "--per-tanggal", "2023-06-30", "--output", str(site)]) == 0
    assert "Situs selesai dibangun" in capsys.readouterr().out
    page = read(site, "kompetensi/T.A/")
    assert "Penganggaran" in page.article and "Penganggaran Daerah" not in page.article
    assert git(versions, "status", "--porcelain").strip() == "?? kamus.yaml"


def test_validate_and_render_of_a_version(versions, tmp_path, capsys):
    (versions / "positions/UNIT_B/A.STAF.yaml").rename(versions / "A.STAF.yaml")  # the working tree loses a file …
    try:
        assert main(["validate", "--root", str(versions), "--versi", "kamus-2023"]) == 0  # … the version has it
        assert capsys.readouterr().out.startswith("LULUS")
        markdown = tmp_path / "md"
        assert main(["render", "--root", str(versions), "--per-tanggal", "2023-01-02", "--output", str(markdown)]) == 0
        competency = (markdown / "docs/kompetensi/T.A.md").read_text("utf-8")
        assert "Penganggaran" in competency and "Penganggaran Daerah" not in competency
        assert (markdown / "docs/jabatan/A.STAF.md").is_file()
    finally:
        (versions / "A.STAF.yaml").rename(versions / "positions/UNIT_B/A.STAF.yaml")


def test_a_fixed_version_has_no_live_preview(versions, capsys):
    for option in (["--versi", "kamus-2024"], ["--per-tanggal", "2024-05-01"]):
        assert main(["serve", "--root", str(versions), *option]) == 2
        err = capsys.readouterr().err
        assert "pratinjau langsung memantau folder kerja" in err and "kamus build" in err
    from generator.docgen import commands

    assert "--versi" not in commands()["serve"].format_help()  # accepted only to be refused, never offered


def test_talenta_of_a_version_reads_that_versions_snapshots(tmp_path):
    root = build_case_root(TESTS / "fixtures" / "talenta", tmp_path / "kamus")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Kamus dan snapshot 2025")
    git(root, "tag", "kamus-2025")
    (root / "snapshots/2025.csv").unlink()  # the working tree has only 2024 now
    assert api.talenta(root).period.snapshot.periode == "2024"
    result = api.talenta(root, version="kamus-2025")
    assert result.period.snapshot.periode == "2025"
    with pytest.raises(OutputError, match="folder kamus"):  # a version's restricted report stays out of its repository
        result.write_restricted(root / "laporan")
    assert not (root / "laporan").exists()
