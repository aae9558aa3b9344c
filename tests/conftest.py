"""Shared fixtures: the repo's demo kamus and a small valid kamus to break in tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

# The Lampiran cache of the tests (subprocesses inherit it): never the user's own.
os.environ["KAMUS_CACHE_DIR"] = tempfile.mkdtemp(prefix="kamus-test-cache-")

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
MINIMAL = TESTS / "fixtures" / "minimal"
CASES = TESTS / "cases"


def build_case_root(case_dir: Path, target: Path) -> Path:
    """The minimal kamus with a case's ``files/`` laid over it and ``remove.txt`` deleted."""
    shutil.copytree(MINIMAL, target)
    overlay = case_dir / "files"
    if overlay.is_dir():
        shutil.copytree(overlay, target, dirs_exist_ok=True, symlinks=True)  # a case may hold symbolic links
    removals = case_dir / "remove.txt"
    if removals.is_file():
        for line in removals.read_text("utf-8").split():
            path = target / line
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    return target


KAMUS_PARTS = ("kamus.yaml", "competencies", "positions", "development", "snapshots")


def copy_kamus(source: Path, target: Path, parts=KAMUS_PARTS) -> Path:
    """A copy of the kamus data of ``source`` (the parts it has) in the new folder ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in parts:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
        elif (source / name).is_file():
            shutil.copy2(source / name, target / name)
    return target


@pytest.fixture
def minimal_root(tmp_path) -> Path:
    """A fresh copy of the minimal valid kamus, free to modify."""
    return build_case_root(TESTS / "no-such-case", tmp_path / "kamus")


VERSIONS = TESTS / "fixtures" / "versions"
GIT_ENV = {"GIT_AUTHOR_NAME": "BKPSDM", "GIT_AUTHOR_EMAIL": "bkpsdm@contoh.invalid", "GIT_COMMITTER_NAME": "BKPSDM",
           "GIT_COMMITTER_EMAIL": "bkpsdm@contoh.invalid", "GIT_AUTHOR_DATE": "2025-01-01T00:00:00+07:00",
           "GIT_COMMITTER_DATE": "2025-01-01T00:00:00+07:00"}


def git(root, *args):
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}).stdout


def build_versions_repo(root: Path) -> Path:
    """A real git repository: the minimal kamus, then each tests/fixtures/versions/<year> laid
    over it (files/, remove.txt), committed and tagged kamus-<year>."""
    shutil.copytree(MINIMAL, root)
    git(root, "init", "-q", "-b", "main")
    for version in sorted(p.name for p in VERSIONS.iterdir()):
        folder = VERSIONS / version
        if (folder / "files").is_dir():
            shutil.copytree(folder / "files", root, dirs_exist_ok=True)
        if (folder / "remove.txt").is_file():
            for line in (folder / "remove.txt").read_text("utf-8").split():
                target = root / line
                shutil.rmtree(target) if target.is_dir() else target.unlink()
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"Kamus {version}")
        git(root, "tag", f"kamus-{version}")
    return root


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """The tagged test repository with its enacted versions listed (and dated) in kamus.yaml
    (not committed: `git status` shows it alone)."""
    repo = build_versions_repo(tmp_path_factory.mktemp("repo") / "kamus")
    (repo / "kamus.yaml").write_text(
        "versi: {jenis_peraturan: Peraturan Wali Kota Uji, nomor: \"9\", tahun: 2025, tanggal: \"2025-03-03\"}\n"
        "riwayat:\n"
        "  - {tag: kamus-2023, label: Perwali 1/2023, tanggal: \"2023-01-02\"}\n"
        "  - {tag: kamus-2024, label: Perwali 5/2024, tanggal: \"2024-02-01\"}\n"
        "  - {tag: kamus-2025, label: Perwali 9/2025, tanggal: \"2025-03-03\"}\n", "utf-8")
    return repo


# --- the browser tests -----------------------------------------------------------------------
# Every test that needs Chromium asks for the `chromium` fixture, and that alone makes it a
# browser test: it carries the `browser` marker (so `pytest -m "not browser"` runs the rest)
# and, where Chromium is missing, it is skipped as a whole, with the reason in pytest's summary,
# never an assertion silently left out.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu",
                 "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium():
    """Headless Chromium (Debian's, installed by `make test`) through Playwright, once per run."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium tidak terpasang: jalankan `sudo apt-get install chromium` (atau `make test` sebagai root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker
def pytest_collection_modifyitems(items):
    for item in items:
        if "chromium" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
