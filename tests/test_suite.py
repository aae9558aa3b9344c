"""The test suite's own rules: what makes a browser test, and that it cannot be bypassed."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO, TESTS


def test_only_the_chromium_fixture_starts_a_browser():
    """A test that drives Chromium by itself would escape the `browser` marker and the visible
    skip: every browser test asks for the `chromium` fixture of conftest.py instead."""
    offenders = [path.name for path in sorted(TESTS.glob("*.py")) if path.name not in ("conftest.py", "test_suite.py")
                 and any(word in path.read_text("utf-8") for word in ("sync_playwright", "/usr/bin/chromium", ".launch("))]
    assert offenders == []


def test_the_browser_marker_selects_exactly_the_tests_that_need_chromium():
    files = ["tests/test_browser.py", "tests/test_serve.py", "tests/test_trust.py"]

    def collected(marker: str) -> set[str]:
        done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                               "-m", marker, *files], cwd=REPO, capture_output=True, text=True, check=True)
        return {line for line in done.stdout.splitlines() if "::" in line}

    browser, rest = collected("browser"), collected("not browser")
    assert not browser & rest
    assert {test.split("::")[0] for test in browser} == set(files)
    assert "tests/test_serve.py::test_the_banner_shows_the_findings_in_the_browser" in browser
    assert "tests/test_serve.py::test_broken_data_at_start_up_shows_the_findings_until_fixed" in rest
    assert {test.split("::")[0] for test in rest} == {"tests/test_serve.py", "tests/test_trust.py"}
