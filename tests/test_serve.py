"""`kamus serve`: a real server; saving YAML regenerates the page, a broken file shows its error."""

from __future__ import annotations

import json
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


def start(root):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(root),
                                "--dev-addr", f"127.0.0.1:{port}"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ}, text=True)
    return process, f"http://127.0.0.1:{port}/kamus/"  # served at the path of site_url, as on the intranet


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def status(base: str) -> str:
    return json.loads(fetch(base + "kamus-pratinjau.json"))["galat"]


@pytest.fixture
def server(tmp_path):
    root = build_case_root(TESTS / "fixtures" / "site", tmp_path / "kamus")
    process, base = start(root)
    try:
        wait_for(base, lambda page: "Pemerintah Kota Uji" in page, seconds=120)
        yield root, base, process
    finally:
        stop(process)


def test_saving_yaml_regenerates_and_errors_do_not_stop_the_server(server):
    root, base, process = server
    page_url = base + "jabatan/A.STAF/"
    assert "Pengadministrasi Umum" in fetch(page_url)
    source = root / "positions/UNIT_A/A.STAF.yaml"
    original = source.read_text("utf-8")
    source.write_text(original.replace("Pengadministrasi Umum", "Pengadministrasi Perkantoran"), "utf-8")
    wait_for(page_url, lambda page: "Pengadministrasi Perkantoran" in page)
    wait_for(base + "daftar-jabatan/unit/UNIT_A/", lambda page: "Pengadministrasi Perkantoran" in page)  # second pass
    assert "Pengadministrasi Perkantoran" in fetch(base + "search/search_index.json")

    source.write_text(original.replace("atasan: A.KEPALA", "atasan: A.TIDAK_ADA"), "utf-8")
    wait_for(base + "kamus-pratinjau.json", lambda text: "ATASAN-UNKNOWN" in text)
    assert "A.TIDAK_ADA" in status(base)
    assert "Pengadministrasi Perkantoran" in fetch(page_url)  # the last good page stays
    assert process.poll() is None

    source.write_text(original, "utf-8")
    wait_for(base + "kamus-pratinjau.json", lambda text: status(base) == "")
    assert "Pengadministrasi Umum" in wait_for(page_url, lambda page: "Pengadministrasi Umum" in page)


def test_broken_data_at_start_up_shows_the_findings_until_fixed(tmp_path):
    root = build_case_root(TESTS / "fixtures" / "site", tmp_path / "kamus")
    source = root / "positions/UNIT_A/A.STAF.yaml"
    original = source.read_text("utf-8")
    source.write_text(original.replace("atasan: A.KEPALA", "atasan: A.TIDAK_ADA"), "utf-8")
    process, base = start(root)
    try:
        placeholder = wait_for(base, lambda page: "Data kamus belum dapat ditampilkan" in page, seconds=120)
        assert "kamus-pratinjau.js" in placeholder and "ATASAN-UNKNOWN" in status(base)
        source.write_text(original, "utf-8")
        wait_for(base + "jabatan/A.STAF/", lambda page: "Pengadministrasi Umum" in page, seconds=120)
    finally:
        stop(process)
    output = process.stdout.read()
    assert f"Pratinjau berjalan di {base}" in output and "Ctrl+C" in output


def test_the_banner_shows_the_findings_in_the_browser(tmp_path, chromium):
    """What a reader sees on a page while the data has errors: the banner, drawn by the
    preview's script from kamus-pratinjau.json."""
    root = build_case_root(TESTS / "fixtures" / "site", tmp_path / "kamus")
    source = root / "positions/UNIT_A/A.STAF.yaml"
    source.write_text(source.read_text("utf-8").replace("atasan: A.KEPALA", "atasan: A.TIDAK_ADA"), "utf-8")
    process, base = start(root)
    context = chromium.new_context()
    try:
        wait_for(base, lambda page: "Data kamus belum dapat ditampilkan" in page, seconds=120)
        page = context.new_page()
        page.goto(base)
        page.wait_for_selector("#kamus-pratinjau-galat")
        banner = page.locator("#kamus-pratinjau-galat").inner_text()
    finally:
        context.close()
        stop(process)
    assert banner.startswith("Data kamus berisi galat") and "A.TIDAK_ADA" in banner
