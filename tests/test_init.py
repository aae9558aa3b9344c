"""`kamus init`: a new kamus validates and builds at once, and never touches a folder in use."""

from __future__ import annotations

import json
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from generator import skeleton
from generator.cli import build_parser, main
from generator.load import load_file
from generator.api import build as build_site


def init(capsys, *args) -> tuple[int, str, str]:
    code = main(["init", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_new_kamus_validates_strictly_and_builds(tmp_path, capsys):
    target = tmp_path / "kamus-sleman"
    code, out, err = init(capsys, target, "--instansi", "Pemerintah Kabupaten Sleman", "--singkatan", "Pemkab Sleman",
                          "--alat", "kamus @ git+https://git.sleman.go.id/bkpsdm/kamus-alat@v1.0")
    assert (code, err) == (0, "")
    assert "lolos `kamus validate --strict`" in out and f"cd {target}" in out and "kamus serve" in out
    assert "Perhatian" not in out and "Ganti nama instansi" not in out

    names = {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file() and ".git/" not in p.as_posix()}
    national = {f"competencies/manajerial/M.{i}.yaml" for i in range(1, 9)} | {"competencies/sosial_kultural/SK.1.yaml"}
    assert national <= names
    assert {"kamus.yaml", "README.md", ".gitignore", ".pre-commit-config.yaml", ".github/workflows/kamus.yml",
            ".gitlab-ci.yml", "requirements.txt", "schemas/position.schema.json", "positions/BKPSDM/_unit.yaml",
            "positions/BKPSDM/BKPSDM.KABAN.yaml", "competencies/teknis/T.SDM.01.yaml"} <= names
    assert (target / ".git").is_dir()
    assert "kamus @ git+https://git.sleman.go.id/bkpsdm/kamus-alat@v1.0" in (target / "requirements.txt").read_text()

    config = yaml.safe_load((target / "kamus.yaml").read_text("utf-8"))
    assert config["instansi"] == {"nama": "Pemerintah Kabupaten Sleman", "singkatan": "Pemkab Sleman"}
    assert "# standar_level_manajerial:" in (target / "kamus.yaml").read_text("utf-8")  # the comments stay

    assert main(["validate", "--strict", "--root", str(target)]) == 0
    result = build_site(target, tmp_path / "site")  # a real mkdocs build
    home = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "Pemerintah Kabupaten Sleman" in home and result.pages > 10
    assert (tmp_path / "site" / "kompetensi" / "M.1" / "index.html").exists()


def test_the_national_competencies_are_the_reference_text_as_the_demo_keeps_it():
    """The files are written from reference/; the demo's curated copies are byte for byte the same."""
    for path, data in skeleton.national_files().items():
        assert data == (REPO / path).read_bytes(), path
        doc, problems = load_file(REPO / path, path)  # the YAML loader reads them without a finding
        assert problems == []


def test_a_folder_that_is_not_empty_is_refused_and_left_as_it_was(tmp_path, capsys):
    target = tmp_path / "dipakai"
    target.mkdir()
    (target / "catatan.txt").write_text("punya orang")
    code, out, err = init(capsys, target)
    assert code == 2 and "tidak kosong (catatan.txt)" in err and "Pilih folder lain" in err
    assert [p.name for p in target.iterdir()] == ["catatan.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["dipakai"]  # no staging folder left behind

    (tmp_path / "berkas").write_text("x")
    code, _, err = init(capsys, tmp_path / "berkas")
    assert code == 2 and "adalah berkas" in err


def test_a_fresh_git_repository_counts_as_empty(tmp_path, capsys):
    target = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(target)], check=True)
    head = (target / ".git" / "HEAD").read_bytes()
    code, out, _ = init(capsys, target, "--alat", "kamus==1.0")
    assert code == 0 and "repositori git baru" not in out
    assert (target / ".git" / "HEAD").read_bytes() == head
    assert (target / "kamus.yaml").is_file()


def test_the_current_folder_is_the_default(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = init(capsys, "--tanpa-git", "--alat", "kamus==1.0")
    assert code == 0 and (tmp_path / "kamus.yaml").is_file() and not (tmp_path / ".git").exists()
    assert "Ganti nama instansi \"Pemerintah Daerah Contoh\" di kamus.yaml" in out


def test_a_name_with_yaml_characters_is_kept_as_typed(tmp_path, capsys):
    name = 'Pemerintah Kota "Contoh": #1 - Edisi {baru}'
    code, _, _ = init(capsys, tmp_path / "k", "--instansi", name, "--alat", "kamus==1.0", "--tanpa-git")
    assert code == 0
    assert yaml.safe_load((tmp_path / "k" / "kamus.yaml").read_text("utf-8"))["instansi"]["nama"] == name


def test_ci_and_pre_commit_of_a_new_kamus_run_commands_that_exist(tmp_path, capsys):
    """The CI installs the tool from requirements.txt and every `kamus …` line it runs parses."""
    target = tmp_path / "k"
    assert init(capsys, target, "--alat", "kamus==1.0", "--tanpa-git")[0] == 0
    parser = build_parser()
    lines = []
    for name in (".github/workflows/kamus.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml"):
        text = (target / name).read_text("utf-8")
        assert yaml.safe_load(text)
        lines += [line.strip().removeprefix("- ").removeprefix("run: ").removeprefix("entry: ")
                  for line in text.splitlines() if line.strip().lstrip("- ").startswith(("kamus ", "run: kamus",
                                                                                           "entry: kamus"))]
        if name != ".pre-commit-config.yaml":
            assert "pip install -r requirements.txt" in text
    assert len(lines) >= 10
    for line in lines:
        words = shlex.split(line.split("|")[0].split(">>")[0].replace("${{ github.base_ref }}", "main"))
        parser.parse_args(words[1:])  # SystemExit (a failed test) on an unknown command or option


def test_the_tool_names_where_it_came_from(tmp_path, monkeypatch):
    class Dist:
        version = "1.2.0"

        def __init__(self, direct):
            self.direct = direct

        def read_text(self, name):
            return json.dumps(self.direct) if self.direct is not None else None

    def installed(direct):
        monkeypatch.setattr(skeleton.importlib.metadata, "distribution", lambda name: Dist(direct))
        return skeleton.tool_requirement()

    assert installed(None) == ("kamus==1.2.0", True)  # from a package index
    assert installed({"url": "https://git.contoh.go.id/alat/kamus.git",
                      "vcs_info": {"vcs": "git", "commit_id": "abc123"}}) == \
        ("kamus @ git+https://git.contoh.go.id/alat/kamus.git@abc123", True)

    checkout = tmp_path / "checkout"
    subprocess.run(["git", "init", "-q", str(checkout)], check=True)
    subprocess.run(["git", "-C", str(checkout), "-c", "user.name=t", "-c", "user.email=t@x", "commit", "-q",
                    "--allow-empty", "-m", "x"], check=True)
    commit = subprocess.run(["git", "-C", str(checkout), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    editable = {"url": checkout.as_uri(), "dir_info": {"editable": True}}
    assert installed(editable) == ("kamus==1.2.0", False)  # no remote: a guess, and the operator is told
    subprocess.run(["git", "-C", str(checkout), "remote", "add", "origin", "git@git.contoh.go.id:alat/kamus.git"],
                   check=True)
    assert installed(editable) == (f"kamus @ git+ssh://git@git.contoh.go.id/alat/kamus.git@{commit}", True)


def test_an_unknown_source_is_said_plainly(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(skeleton, "tool_requirement", lambda: ("kamus==0.1.0", False))
    code, out, _ = init(capsys, tmp_path / "k", "--tanpa-git")
    assert code == 0 and "Perhatian: sumber alat Kamus ini tidak diketahui" in out and "--alat" in out


@pytest.mark.parametrize("alias", ["init", "mulai"])
def test_init_has_an_indonesian_alias(alias):
    assert build_parser().parse_args([alias, "x"]).run.__name__ == "_init"
