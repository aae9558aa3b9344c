"""Shared fixtures: the repo's demo kamus and a small valid kamus to break in tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
MINIMAL = TESTS / "fixtures" / "minimal"
CASES = TESTS / "cases"


def build_case_root(case_dir: Path, target: Path) -> Path:
    """The minimal kamus with a case's ``files/`` laid over it and ``remove.txt`` deleted."""
    shutil.copytree(MINIMAL, target)
    overlay = case_dir / "files"
    if overlay.is_dir():
        shutil.copytree(overlay, target, dirs_exist_ok=True)
    removals = case_dir / "remove.txt"
    if removals.is_file():
        for line in removals.read_text("utf-8").split():
            path = target / line
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    return target


@pytest.fixture
def minimal_root(tmp_path) -> Path:
    """A fresh copy of the minimal valid kamus, free to modify."""
    return build_case_root(TESTS / "no-such-case", tmp_path / "kamus")
