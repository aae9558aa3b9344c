"""Golden files: each is the exact output of one command on a fixture.

The tests only compare (tests/test_cases.py, test_talent.py, test_diff.py); `make golden`
(``python tests/goldens.py``) rewrites every golden file from the current code, to be read
and committed like any other change. A golden test can therefore never pass by writing
its own expectation.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from conftest import CASES, TESTS, build_case_root, build_versions_repo  # noqa: E402
from generator.cli import main  # noqa: E402

TALENTA = TESTS / "fixtures" / "talenta"
TALENTA_GOLDEN = TALENTA / "expected.json"
DIFF_GOLDEN = TESTS / "fixtures" / "versions-expected.md"
CASE_DIRS = sorted(p for p in CASES.iterdir() if p.is_dir())


def run(*argv) -> tuple[int, str]:
    """``kamus ARGV`` in this process: (exit code, standard output)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(argv))
    return code, out.getvalue()


def case_report(case_dir: Path, work: Path) -> tuple[int, str]:
    """`kamus validate` of a golden case: the minimal kamus with the case's files laid over it."""
    root = build_case_root(case_dir, work / "kamus")
    args_file = case_dir / "args.txt"
    extra = args_file.read_text("utf-8").split() if args_file.is_file() else []
    return run("validate", "--root", str(root), *extra)


def talenta_json(root: Path) -> str:
    code, out = run("talenta", "--root", str(root), "--format", "json")
    assert code == 0, out
    return out


def diff_markdown(repo: Path) -> str:
    code, out = run("diff", "kamus-2023", "kamus-2024", "--root", str(repo), "--format", "markdown")
    assert code == 0, out
    return out


def write_all() -> list[Path]:
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for i, case_dir in enumerate(CASE_DIRS):
            _, out = case_report(case_dir, tmp / f"case{i}")
            (case_dir / "expected.txt").write_text(out, "utf-8")
            written.append(case_dir / "expected.txt")
        document = json.loads(talenta_json(build_case_root(TALENTA, tmp / "talenta")))
        TALENTA_GOLDEN.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
        DIFF_GOLDEN.write_text(diff_markdown(build_versions_repo(tmp / "repo")), "utf-8")
        written += [TALENTA_GOLDEN, DIFF_GOLDEN]
    return written


if __name__ == "__main__":
    files = write_all()
    print(f"{len(files)} berkas golden ditulis ulang; periksa perubahannya dengan `git diff tests/`.")
