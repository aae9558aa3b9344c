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

import readability
from conftest import REPO
from generator.api import build as build_site


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("www") / "kamus"  # hosted under a sub-path, as on an intranet server
    build_site(REPO, site)
    return site


@pytest.fixture(scope="module")
def served(built):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built.parent)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/kamus/"
    server.shutdown()


@pytest.fixture
def page(chromium, served):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
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
    for chrome in ("Cari", "Referensi Data", "Menurut jenjang jabatan", "Sunting berkas", "Sumber data"):
        assert chrome not in flat, f"{chrome!r} printed"
    # Traceable on paper: every page names the instansi, the regulation and its date, and its number.
    assert len(pdf.pages) >= 2
    for number, sheet in enumerate(pdf.pages, start=1):
        words = " ".join(sheet.extract_text().split())
        assert "Pemerintah Kabupaten Contoh" in words, number
        assert "Peraturan Bupati Contoh Nomor 12 Tahun 2024, ditetapkan 1 Maret 2024" in words, number
        assert f"Halaman {number} dari {len(pdf.pages)}" in words, number
    assert "Kelompok Jabatan Jabatan Pimpinan Tinggi (JPT Pratama)" in flat
    assert "Kode Jabatan belum ditetapkan" in flat  # the official code is not set in the demo: said so, never the file key
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


def contrast(page, selector: str) -> list[float]:
    """WCAG contrast ratios of text against background, as the browser computes the colours."""
    return page.eval_on_selector_all(selector, """cells => cells.map(cell => {
        const style = getComputedStyle(cell);
        const rgb = text => text.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
        const lum = ([r, g, b]) => [r, g, b].map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92
            : Math.pow((v + 0.055) / 1.055, 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
        const a = lum(rgb(style.color)), b = lum(rgb(style.backgroundColor));
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    })""")


def test_heat_and_level_colours_show_and_numbers_stay_readable(page, served):
    page.goto(served + "matriks/unit/DISKOMINFO/")
    fives = page.locator("table.kamus-matrix td.kamus-lv-5")
    assert fives.count() >= 1
    assert fives.first.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(31, 95, 153)"
    assert min(contrast(page, "table.kamus-matrix td[class*=kamus-lv-]")) >= 4.5
    assert page.locator(".kamus-legend .kamus-lv-5").count() == 1  # the colours are explained
    page.goto(served + "talenta/2025/")
    heat = page.locator("table.kamus-heat td[class*=kamus-heat-]:not(.kamus-heat-0)")
    assert heat.count() >= 5
    backgrounds = set(heat.evaluate_all("cells => cells.map(c => getComputedStyle(c).backgroundColor)"))
    assert "rgb(255, 255, 255)" not in backgrounds and len(backgrounds) >= 2
    assert min(contrast(page, "table.kamus-heat td[class*=kamus-heat-]:not(.kamus-heat-0)")) >= 4.5


def test_no_page_is_wider_than_a_phone(chromium, served):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    for path in ("", "jabatan/DISKOMINFO.KADIS/", "kompetensi/T.KOM.01/", "referensi/", "referensi/aturan/",
                 "daftar-jabatan/", "daftar-jabatan/unit/DINKES/", "matriks/unit/DISKOMINFO/", "talenta/2025/",
                 "daftar-kompetensi/teknis/"):
        phone.goto(served + path)
        phone.wait_for_load_state("networkidle")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, path
        broken = readability.measure(phone)["broken"]  # words, and codes anywhere but after . _ -
        assert broken == [], f"{path}: broken over lines: {broken[:3]}"
    context.close()


def test_a_misspelled_name_is_found_and_snippets_hide_the_helper_words(page, served):
    page.goto(served)
    assert "Integritas" in search(page, "intergritas")[:3]  # one letter too many
    assert "Mengelola Perubahan" in search(page, "mengelolla")[:3]
    search(page, "kelola")
    shown = page.locator(".md-search-result").inner_text()
    assert "elola gelola" not in shown and "rubah rubahan" not in shown  # the root words made for search
    search(page, "Kepala Dinas Kesehatan")
    teaser = page.locator(".md-search-result__item").first.inner_text()
    assert "Dinas Kesehatan · JPT Pratama" in teaser  # the unit tells same-named posts apart
    assert "Nama JabatanKepala" not in page.locator(".md-search-result").inner_text()


def test_the_404_page_speaks_indonesian(page, served):
    page.goto(served + "404.html")
    assert page.locator("article h1").inner_text().startswith("Halaman tidak ditemukan")
    assert page.locator("html").get_attribute("lang") == "id"
    assert "Not found" not in page.content()


def test_folders_of_detail_pages_lead_to_their_indexes(page, served):
    page.goto(served + "kompetensi/")
    page.wait_for_url("**/daftar-kompetensi/")
    page.goto(served + "jabatan/")
    page.wait_for_url("**/daftar-jabatan/")


def test_a_printed_matrix_is_landscape_and_keeps_every_column(page, served):
    page.goto(served + "matriks/unit/DISKOMINFO/")
    last = page.locator("table.kamus-matrix thead th a").last.inner_text()
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    first = pdf.pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)  # landscape
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert last in text and "DISKOMINFO.KASUBBAG_UMUM" in text


def test_the_site_opens_from_disk_with_a_double_click(chromium, built):
    """`kamus build` says the folder opens from disk: folder links must then reach index.html
    (not the browser's directory listing), through the menu and through page links alike."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto((built / "index.html").as_uri())
    assert "pencarian tidak tersedia" in tab.locator(".kamus-disk-note").inner_text()
    tab.locator("nav.md-nav a", has_text="Standar Kompetensi Jabatan").first.click()
    tab.wait_for_url("**/daftar-jabatan/index.html")
    tab.locator("article a[href*='unit/']").first.click()
    tab.wait_for_url("**/daftar-jabatan/unit/*/index.html")
    tab.locator("article table a[href*='jabatan/']").first.click()
    tab.wait_for_url("**/jabatan/**/index.html")
    assert tab.locator("article h1").count() == 1 and "Index of" not in tab.content()
    context.close()
