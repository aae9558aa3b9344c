"""End to end in headless Chromium (Debian's, installed by `make test`), over HTTP from a
sub-path: search, click through, filter a matrix, print an SKJ to PDF, and record every
request the browser makes."""

from __future__ import annotations

import functools
import io
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO
from generator.publish.site import build_site

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu",
        "--no-first-run", "--disable-sync"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    www = tmp_path_factory.mktemp("www")
    build_site(REPO, www / "kamus")  # hosted under a sub-path, as on an intranet server
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(www)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/kamus/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run `make test`, which installs Debian's chromium"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    outside = [url for url in tab.requests if not url.startswith(served.rsplit("/kamus/", 1)[0])]
    context.close()
    assert outside == [], f"the site made requests outside itself: {outside}"


def search(page, query: str) -> list[str]:
    """Type a query like a user and return the result titles once they stop changing."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length === 0")
    box.press_sequentially(query, delay=15)
    page.wait_for_selector(".md-search-result__item")
    titles, previous = None, []
    for _ in range(40):  # at most ~8 s on a slow machine
        page.wait_for_timeout(200)
        titles = page.locator(".md-search-result__item h1").all_inner_texts()
        if titles and titles == previous:
            break
        previous = titles
    return titles


def heading(page) -> str:
    return page.locator("article h1").inner_text().rstrip("¶").strip()  # without the permalink sign


def click_result(page, title: str) -> None:
    page.locator(".md-search-result__item > a", has=page.locator("h1", has_text=title)).first.click()
    page.wait_for_load_state()


def test_search_finds_a_competency_and_a_position_and_clicks_through(page, served):
    page.goto(served)
    assert "Mengelola Perubahan" in search(page, "Mengelola Perubahan")[:3]
    assert "Integritas" in search(page, "M.1")[:5]  # by code
    assert "Pengambilan Keputusan" in search(page, "wajib mempertanggungjawabkan keputusan strategis")[:10]
    assert "Mengelola Perubahan" in search(page, "kelola")[:10]  # Indonesian root word
    click_result(page, "Mengelola Perubahan")
    assert heading(page) == "Mengelola Perubahan"
    assert page.url.split("?")[0].endswith("/kamus/kompetensi/M.7/")

    assert "Kepala Dinas Kesehatan" in search(page, "Kepala Dinas Kesehatan")[:3]
    assert "Pranata Komputer Ahli Muda" in search(page, "DISKOMINFO.PRAKOM_MUDA")[:5]  # by code
    from generator import load_kamus

    kamus = load_kamus(REPO)
    in_unit = {p.nama for p in kamus.positions_in("DISKOMINFO")} | {kamus.units["DISKOMINFO"].nama}
    by_unit = search(page, "Diskominfo")  # by the unit's abbreviation
    assert len(by_unit) >= 10 and set(by_unit[:10]) <= in_unit
    assert "Kepala Dinas Komunikasi dan Informatika" in search(page, "kepala dinas diskominfo")[:3]
    click_result(page, "Kepala Dinas Komunikasi dan Informatika")
    assert heading(page) == "Kepala Dinas Komunikasi dan Informatika"
    assert page.url.split("?")[0].endswith("/kamus/jabatan/DISKOMINFO.KADIS/")


def test_matrix_filter(page, served):
    page.goto(served + "matriks/unit/DISKOMINFO/")
    rows = page.locator("table.kamus-matrix tbody tr")
    total = rows.count()
    assert total == 12
    page.locator(".kamus-filter input").press_sequentially("pranata komputer", delay=10)
    visible = [row for row in rows.all() if row.is_visible()]
    assert len(visible) == 5
    assert all("Pranata Komputer" in row.inner_text() for row in visible)
    assert page.locator(".kamus-filter output").inner_text() == "5 dari 12 baris"
    header = page.locator("table.kamus-matrix thead th").first
    assert header.evaluate("el => getComputedStyle(el).position") == "sticky"


def test_printing_a_position_gives_a_clean_skj_document(page, served):
    page.goto(served + "jabatan/DISKOMINFO.KADIS/")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points
    text = "\n".join(p.extract_text() for p in pdf.pages)
    flat = " ".join(text.split())
    for heading in ("STANDAR KOMPETENSI JABATAN", "I. Ikhtisar Jabatan", "II. Standar Kompetensi",
                    "III. Persyaratan Jabatan", "Kepala Dinas Komunikasi dan Informatika"):
        assert heading in flat, heading
    for chrome in ("Cari", "Referensi Data", "Menurut jenis jabatan", "Sunting berkas", "Sumber data"):
        assert chrome not in flat, f"{chrome!r} printed"
    # Traceable on paper: every page names the instansi, the regulation and its date, and its number.
    assert len(pdf.pages) >= 2
    for number, sheet in enumerate(pdf.pages, start=1):
        words = " ".join(sheet.extract_text().split())
        assert "Pemerintah Kabupaten Contoh" in words, number
        assert "Peraturan Bupati Contoh Nomor 12 Tahun 2024, ditetapkan 1 Maret 2024" in words, number
        assert f"Halaman {number} dari {len(pdf.pages)}" in words, number
    assert "Kelompok Jabatan Jabatan Pimpinan Tinggi (JPT Pratama)" in flat
    assert "Kode Jabatan –" in flat  # the official code is not set in the demo: a dash, never the file key
    assert "DISKOMINFO.KADIS" not in flat
    # Borders survive a laser printer: solid black table rules.
    page.emulate_media(media="print")
    border = page.locator("table.kamus-skj-kompetensi td").first.evaluate(
        "el => [getComputedStyle(el).borderTopStyle, getComputedStyle(el).borderTopColor]")
    assert border == ["solid", "rgb(0, 0, 0)"]


def test_every_page_type_loads_without_outside_requests(page, served):
    for path in ("", "daftar-kompetensi/", "daftar-kompetensi/teknis/", "kompetensi/T.KOM.06/",
                 "daftar-jabatan/", "daftar-jabatan/unit/DINKES/", "daftar-jabatan/jenjang/",
                 "daftar-jabatan/jenjang/pengawas/", "jabatan/PUSKESMAS_KOTA.KEPALA/", "matriks/",
                 "matriks/manajerial-sosial-kultural/", "matriks/distribusi-level/", "referensi/",
                 "referensi/aturan/"):
        response = page.goto(served + path)
        assert response.status == 200, path
        assert page.locator("article h1").count() == 1, path
