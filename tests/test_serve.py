"""`kamus serve`: a real server; saving YAML regenerates the page, a broken file shows its error."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import TESTS, build_case_root


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, predicate, seconds: float = 30.0) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if predicate(last):
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not change as expected within {seconds}s; last page:\n{last[:500]}")


@pytest.fixture
def server(tmp_path):
    root = build_case_root(TESTS / "fixtures" / "site", tmp_path / "kamus")
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(root),
                                "--dev-addr", f"127.0.0.1:{port}"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ})
    base = f"http://127.0.0.1:{port}/kamus/"  # mkdocs serve mounts the site at the path of site_url
    try:
        wait_for(base, lambda page: "Pemerintah Kota Uji" in page, seconds=60)
        yield root, base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_saving_yaml_regenerates_and_errors_do_not_stop_the_server(server):
    root, base, process = server
    page_url = base + "jabatan/A.STAF/"
    assert "Pengadministrasi Umum" in fetch(page_url)
    source = root / "positions/UNIT_A/A.STAF.yaml"
    original = source.read_text("utf-8")
    source.write_text(original.replace("Pengadministrasi Umum", "Pengadministrasi Perkantoran"), "utf-8")
    wait_for(page_url, lambda page: "Pengadministrasi Perkantoran" in page)

    source.write_text(original.replace("atasan: A.KEPALA", "atasan: A.TIDAK_ADA"), "utf-8")
    broken = wait_for(page_url, lambda page: "Data kamus berisi galat" in page)
    assert "ATASAN-UNKNOWN" in broken and "A.TIDAK_ADA" in broken
    assert process.poll() is None

    source.write_text(original, "utf-8")
    fixed = wait_for(page_url, lambda page: "Data kamus berisi galat" not in page)
    assert "Pengadministrasi Umum" in fixed
