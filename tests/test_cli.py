"""The `kamus` command as a user runs it: real processes, exit codes, output formats."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

from conftest import CASES, REPO, build_case_root
from generator.cli import main


def kamus(*args, cwd=None):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("KAMUS_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True,
                          text=True, cwd=cwd or REPO, env=env, check=False)


def test_demo_kamus_is_clean_under_strict():
    result = kamus("validate", "--strict")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("LULUS: ")


def test_findings_exit_1_and_name_file_line_column(tmp_path):
    root = build_case_root(CASES / "atasan-unknown", tmp_path / "k")
    result = kamus("validate", "--root", str(root))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(
        "positions/UNIT_A/A.STAF.yaml:5:9: ATASAN-UNKNOWN [galat] jabatan atasan `A.KEPALAA` tidak ada")
    assert result.stderr == ""


def test_not_a_kamus_root_exits_2_without_traceback(tmp_path):
    result = kamus("validate", "--root", str(tmp_path))
    assert result.returncode == 2
    assert "bukan folder kamus" in result.stderr and "Traceback" not in result.stderr


def test_usage_error_exits_2_in_indonesian():
    result = kamus("validate", "--format", "xml")
    assert result.returncode == 2
    assert "pilihan tidak sah" in result.stderr


def test_garbage_files_never_cause_a_traceback(minimal_root):
    rng = random.Random(20261128)
    folder = minimal_root / "competencies" / "teknis"
    for i in range(30):
        size = rng.randrange(0, 400)
        (folder / f"X.{i}.yaml").write_bytes(bytes(rng.randrange(256) for _ in range(size)))
    for i, text in enumerate(["[", "{a: 1", "- - -", ": :", "a: |\n  x\n b", "!!", "&", "*x",
                              "a: !!int x", "a: !!float x", "a: !!bool maybe", "a: !!null x",
                              "level: [{level: 1}]", "kode: [1]", "kode: {a: 1}", "? a", "a: b: c"]):
        (folder / f"Y.{i}.yaml").write_text(text, "utf-8")
    result = kamus("validate", "--root", str(minimal_root))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stderr == ""
    assert result.stdout.splitlines()[-1].startswith("GAGAL")


def test_json_format_is_stable(tmp_path, capsys):
    root = build_case_root(CASES / "level-below-standard", tmp_path / "k")
    code = main(["validate", "--root", str(root), "--format", "json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {
        "version": 1,
        "ok": True,
        "strict": False,
        "files_checked": 9,
        "summary": {"error": 0, "warning": 1, "notice": 0},
        "findings": [{
            "path": "positions/UNIT_B/B.KEPALA.yaml",
            "line": 7,
            "column": 24,
            "rule": "LEVEL-BELOW-STANDARD",
            "severity": "warning",
            "message": "`M.1` Integritas level 1, di bawah standar level 2 untuk Pengawas",
            "hint": "Naikkan level, atau ubah standar di `kamus.yaml` bagian `standar_level_manajerial` "
                    "bila kebijakan instansi berbeda (jabatan fungsional: `standar_level_manajerial` di "
                    "SKJ-nya, sesuai ketetapan instansi pembina).",
        }],
    }
    assert main(["validate", "--root", str(root), "--format", "json", "--strict"]) == 1
    assert json.loads(capsys.readouterr().out)["ok"] is False


def test_github_format_annotates_lines(tmp_path, capsys):
    root = build_case_root(CASES / "level-below-standard", tmp_path / "k")
    main(["validate", "--root", str(root), "--format", "github", "--strict"])
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=positions/UNIT_B/B.KEPALA.yaml,line=7,col=24,"
                            "title=LEVEL-BELOW-STANDARD::`M.1` Integritas level 1")
    main(["validate", "--root", str(root), "--format", "github"])
    assert capsys.readouterr().out.startswith("::warning file=")


def test_github_format_escapes_newlines_and_percent():
    from generator.findings import Finding, Report
    from generator.finding_formats import github

    report = Report([Finding("a,b:c.yaml", 1, 2, "X", "error", "50% baris\nkedua", "")], 1)
    assert github(report).splitlines()[0] == "::error file=a%2Cb%3Ac.yaml,line=1,col=2,title=X::50%25 baris%0Akedua"


def test_rules_command_lists_every_rule():
    from generator.rules import RULES

    result = kamus("rules")
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == list(RULES)


def test_python_dash_m_and_console_script_agree():
    script = os.path.join(os.path.dirname(sys.executable), "kamus")
    via_script = subprocess.run([script, "validate"], capture_output=True, text=True, cwd=REPO, check=False)
    assert via_script.returncode == 0 and via_script.stdout == kamus("validate").stdout
