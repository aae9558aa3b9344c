"""Readers on a phone (390 px), on a desktop (1366 px) and on paper, measured in headless
Chromium on the demo and on a site built from the synthetic corpus (tests/readability.py):
frozen matrix columns, level cells in view, words never broken mid-word, no page wider than
the screen, no text under 11 px; the SKJ as cards on a phone; the printed matrix; search and
the reverse lookup."""

from __future__ import annotations

import functools
import io
import re
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from pypdf import PdfReader

import readability
from sitecheck import Page, read
from test_browser import _Quiet, built, search, served  # noqa: F401 (fixtures of the demo site)

# One page of every kind: (path below the site, what it is).
DEMO_PAGES = ["", "daftar-kompetensi/", "daftar-kompetensi/teknis/", "kompetensi/M.1/", "kompetensi/T.KOM.06/",
              "daftar-jabatan/", "daftar-jabatan/unit/BPKAD/", "daftar-jabatan/jenjang/",
              "daftar-jabatan/jenjang/pengawas/", "jabatan/BPKAD.KABID_ANGGARAN/", "jabatan/BKPSDM.KABAN/",
              "matriks/", "matriks/unit/BPKAD/", "matriks/manajerial-sosial-kultural/", "matriks/distribusi-level/",
              "pengembangan/", "pengembangan/T.KEU.01/", "cakupan/", "talenta/", "talenta/2025/", "talenta/pengembangan-2025/",
              "unduh/", "referensi/", "referensi/aturan/"]
CORPUS_PAGES = ["", "daftar-jabatan/unit/OPD02/", "jabatan/OPD02.J002/", "kompetensi/M.1/", "kompetensi/T.00.001/",
                "matriks/unit/OPD02/", "matriks/manajerial-sosial-kultural/", "matriks/distribusi-level/",
                "pengembangan/", "cakupan/", "talenta/2025/", "talenta/pengembangan-2025/", "unduh/"]


def _measured(chromium, base: str, paths: list[str]) -> list[str]:
    """Every target missed on ``paths``, at 390 and at 1366 px, in words."""
    found = []
    for name, viewport in (("phone", readability.PHONE), ("desktop", readability.DESKTOP)):
        context = chromium.new_context(viewport=viewport)
        tab = context.new_page()
        for path in paths:
            assert tab.goto(base + path).status == 200, path
            found += [f"{name} /{path}: {problem}" for problem in readability.problems(readability.measure(tab), name)]
        context.close()
    return found


def test_every_kind_of_demo_page_reads_on_a_phone_and_a_desktop(chromium, served):
    assert _measured(chromium, served, DEMO_PAGES) == []


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    """A smaller run of the benchmark corpus (240 positions, 80 competencies, a development
    catalog, two talent periods), built as `kamus build` builds it and served over HTTP."""
    from benchmarks import snapshots
    from benchmarks.corpus import generate
    from generator.api import build as build_site

    base = tmp_path_factory.mktemp("korpus")
    root = generate(base / "kamus", positions=240, units=8, competencies=80, strategic=24, catalog=True)
    (root / "snapshots").mkdir()
    snapshots.generate(root, root / "snapshots/2024.csv", 600, seed=2024, teknis=6)
    snapshots.generate(root, root / "snapshots/2025.csv", 600, seed=2025, previous=root / "snapshots/2024.csv",
                       teknis=6, extra=True)
    site = build_site(root, base / "www" / "kamus").output
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site.parent)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/kamus/", site
    server.shutdown()


def test_the_large_corpus_reads_on_a_phone_and_a_desktop(chromium, corpus_site):
    url, site = corpus_site
    national = read(site, "matriks/manajerial-sosial-kultural/")
    assert sum(1 for tag, _ in national.elements if tag == "tr") > 240  # every position is a row
    assert _measured(chromium, url, CORPUS_PAGES) == []


def test_matrices_show_levels_beside_a_narrow_frozen_column(chromium, served):
    """The numbers the issue names, on their own: ≤ 40 % frozen and ≥ 3 level cells at 390 px;
    all 9 manajerial and sosial kultural columns at 1366 px."""
    phone = chromium.new_context(viewport=readability.PHONE).new_page()
    for path in ("matriks/unit/BPKAD/", "matriks/manajerial-sosial-kultural/", "matriks/distribusi-level/"):
        phone.goto(served + path)
        (matrix,) = readability.measure(phone)["matrices"]
        assert matrix["share"] <= 0.40 and matrix["visible"] >= 3, (path, matrix)
    phone.context.close()
    desktop = chromium.new_context(viewport=readability.DESKTOP).new_page()
    desktop.goto(served + "matriks/manajerial-sosial-kultural/")
    (matrix,) = readability.measure(desktop)["matrices"]
    assert matrix["columns"] == matrix["visible"] == 9
    head = desktop.locator("table.kamus-matrix thead th a").first
    assert head.get_attribute("title") == "M.1 Integritas"  # the full name one hover away, and listed below
    assert "M.1 Integritas" in " ".join(desktop.locator(".kamus-colnames").inner_text().split())
    desktop.context.close()


def test_a_matrix_reads_as_a_list_per_position_on_a_phone(chromium, served):
    phone = chromium.new_context(viewport=readability.PHONE).new_page()
    phone.goto(served + "matriks/unit/BPKAD/")
    rows = phone.locator("table.kamus-matrix tbody tr")
    first = [(cell.inner_text(), cell.get_attribute("class")) for cell in rows.first.locator("td").all()]
    first = [(int(text), classes) for text, classes in first if text.strip()]
    switch = phone.locator("button.kamus-view-switch")
    assert switch.inner_text() == "Tampilkan per jabatan"
    switch.click()
    assert not phone.locator(".kamus-matrix-wrap").is_visible()
    items = phone.locator(".kamus-per-row section")
    assert items.count() == rows.count()
    head = items.first
    assert head.locator(".kamus-per-row-name a").inner_text() == rows.first.locator("th a").inner_text()
    levels = head.locator("li")
    # every level the table shows for the position, in the table's order, as "3 M.1 Integritas"
    assert [(int(li.locator(".kamus-lv").inner_text()), li.locator(".kamus-lv").get_attribute("class"))
            for li in levels.all()] == first
    assert levels.first.locator("a").inner_text() == "M.1 Integritas"
    assert readability.problems(readability.measure(phone)) == []
    phone.locator(".kamus-filter input").fill("anggaran")  # the filter applies to the list too
    shown = [item.locator(".kamus-per-row-name").inner_text() for item in items.all() if item.is_visible()]
    assert shown and all("anggaran" in text.lower() for text in shown)
    assert switch.get_attribute("aria-pressed") == "true" and switch.inner_text() == "Tampilkan sebagai tabel"
    switch.click()
    assert phone.locator(".kamus-matrix-wrap").is_visible() and not phone.locator(".kamus-per-row").is_visible()
    phone.context.close()


def test_the_skj_is_a_stack_of_cards_on_a_phone_and_a_table_on_a_desktop(chromium, served):
    phone = chromium.new_context(viewport=readability.PHONE).new_page()
    phone.goto(served + "jabatan/BPKAD.KABID_ANGGARAN/")
    table = phone.locator("table.kamus-skj-kompetensi")
    assert table.evaluate("t => t.closest('.kamus-scroll').scrollWidth <= t.closest('.kamus-scroll').clientWidth")
    cards = phone.locator("table.kamus-skj-kompetensi tbody tr:not(.kamus-group)")
    assert cards.count() >= 10
    for card in cards.all()[:3]:
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        cells = card.locator("td")
        name, level, indicators = cells.nth(1).bounding_box(), cells.nth(2).bounding_box(), cells.nth(4).bounding_box()
        assert abs(name["y"] - level["y"]) < 30  # the competency and its level side by side
        assert indicators["y"] > name["y"] and indicators["width"] > 0.8 * box["width"]  # the indicators under them
        assert "Level" in cells.nth(2).evaluate("td => getComputedStyle(td, '::before').content")
        assert "Indikator" in cells.nth(4).evaluate("td => getComputedStyle(td, '::before').content")
    # Part III (Persyaratan Jabatan): a card per requirement, jenis over uraian over its tick in words
    syarat = phone.locator("table.kamus-skj-syarat")
    assert syarat.evaluate("t => t.closest('.kamus-scroll').scrollWidth <= t.closest('.kamus-scroll').clientWidth")
    ticked = phone.locator("table.kamus-skj-syarat td.kamus-centang:has(span)")
    assert ticked.count() == 5  # the three trainings and the two pengalaman
    for cell in ticked.all():
        tick, row = cell.bounding_box(), cell.locator("xpath=..")
        assert tick["x"] >= 0 and tick["x"] + tick["width"] <= 390
        said = cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert said == f'"Tingkat pentingnya: {cell.get_attribute("data-tingkat")}"'
        uraian = row.locator("td").nth(1).bounding_box()
        assert uraian["y"] < tick["y"] and uraian["width"] > 0.6 * row.bounding_box()["width"]
        assert row.locator("td.kamus-centang:visible").count() == 1  # the empty tick columns are gone
    assert phone.locator("table.kamus-skj-syarat thead").bounding_box()["height"] <= 1
    phone.context.close()
    desktop = chromium.new_context(viewport=readability.DESKTOP).new_page()
    desktop.goto(served + "jabatan/BPKAD.KABID_ANGGARAN/")
    row = desktop.locator("table.kamus-skj-kompetensi tbody tr:not(.kamus-group)").first
    assert row.evaluate("tr => getComputedStyle(tr).display") == "table-row"
    row = desktop.locator("table.kamus-skj-syarat tbody tr:not(.kamus-group)").first
    assert row.evaluate("tr => getComputedStyle(tr).display") == "table-row"
    perlu = desktop.locator("table.kamus-skj-syarat thead th", has_text="Perlu").bounding_box()
    assert perlu["x"] + perlu["width"] <= 1366
    desktop.context.close()


def test_the_phone_header_names_the_instansi_by_its_short_name(chromium, served):
    phone = chromium.new_context(viewport=readability.PHONE).new_page()
    phone.goto(served)
    topic = phone.locator(".md-header__topic").first
    assert topic.evaluate("el => getComputedStyle(el, '::before').content") == '"Kamus Pemkab Contoh"'
    assert topic.evaluate("el => el.scrollWidth <= el.clientWidth + 1")  # not cut off
    phone.context.close()


def _broken_in_pdf(pdf: PdfReader, words: set[str]) -> list[str]:
    """Words of the page that the PDF splits over two lines ("Pengangga" / "ran")."""
    broken = []
    for sheet in pdf.pages:
        lines = [line.split() for line in sheet.extract_text().splitlines() if line.split()]
        for before, after in zip(lines, lines[1:]):
            head, tail = before[-1], after[0]
            joined = head + tail
            if head.isalpha() and tail.isalpha() and joined in words and head not in words:
                broken.append(f"{head}|{tail}")
    return broken


def test_a_printed_matrix_names_the_instansi_and_the_regulation_and_keeps_words_whole(page, served):
    page.goto(served + "matriks/manajerial-sosial-kultural/")
    words = set(re.findall(r"[^\W\d_]+", page.locator("article").inner_text()))
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) >= 2
    for number, sheet in enumerate(pdf.pages, start=1):
        assert float(sheet.mediabox.width) > float(sheet.mediabox.height)  # landscape
        text = " ".join(sheet.extract_text().split())
        assert "Pemerintah Kabupaten Contoh" in text, number
        assert "Peraturan Bupati Contoh Nomor 12 Tahun 2024, ditetapkan 1 Maret 2024" in text, number
        assert f"Halaman {number} dari {len(pdf.pages)}" in text, number
    assert _broken_in_pdf(pdf, words) == []
    # Numbers that survive black and white: grey shades behind black figures, the legend in grey too.
    page.emulate_media(media="print")
    shades = page.eval_on_selector_all("table.kamus-matrix td[class*=kamus-lv-], .kamus-legend .kamus-lv", """cells =>
        cells.map(c => [getComputedStyle(c).color, getComputedStyle(c).backgroundColor])""")
    assert shades and all(color == "rgb(0, 0, 0)" for color, _ in shades)
    for _, background in shades:
        red, green, blue = map(int, re.findall(r"\d+", background)[:3])
        assert red == green == blue >= 140, background  # grey, light enough for a black figure


def _printed_widths(tab, content_px: float) -> list[float]:
    """The widths of the matrices as printed on a page ``content_px`` wide (what kamus.js makes
    just before printing, laid out with the print CSS), and the page back as it was."""
    tab.evaluate("dispatchEvent(new Event('beforeprint'))")
    tab.set_viewport_size({"width": round(content_px), "height": 700})
    tab.emulate_media(media="print")
    widths = tab.eval_on_selector_all("table.kamus-matrix", """tables => tables.filter(t => t.checkVisibility())
        .map(t => t.getBoundingClientRect().width)""")
    tab.emulate_media(media="screen")
    tab.evaluate("dispatchEvent(new Event('afterprint'))")
    assert tab.locator(".kamus-print-blocks").count() == 0
    return widths


@pytest.fixture(scope="module")
def wide_site(tmp_path_factory):
    """One unit of 30 positions that between them require 144 competencies (the width of a
    unit matrix in the large corpus), built by `kamus build`; its unit matrix page's URL."""
    from benchmarks.corpus import generate
    from generator.api import build as build_site

    base = tmp_path_factory.mktemp("lebar")
    site = build_site(generate(base / "kamus", positions=30, units=1, competencies=144), base / "site").output
    return (site / "matriks/unit/OPD01/index.html").as_uri()


def test_a_printed_matrix_wider_than_the_page_prints_in_blocks_of_columns(chromium, wide_site):
    """Nothing is cut off at the right edge of the paper: a unit matrix of 144 competencies prints
    in blocks of columns that each fit A4 landscape, with the frozen column repeated."""
    tab = chromium.new_context(viewport=readability.DESKTOP).new_page()
    tab.goto(wide_site)
    codes = tab.locator("table.kamus-matrix thead th:not(.kamus-fixed)").all_inner_texts()
    positions = tab.locator("table.kamus-matrix tbody th.kamus-fixed a").all_inner_texts()
    assert len(codes) == 144 and len(positions) == 30
    pdf = PdfReader(io.BytesIO(tab.pdf(prefer_css_page_size=True, print_background=True)))
    text = re.sub(r"\s+", "", " ".join(sheet.extract_text() for sheet in pdf.pages))
    # Text beyond the paper's edge is not in the PDF: every code is printed in the head of its
    # block and in the list of column names; every position once in each block.
    assert [code for code in codes if text.count(code) < 2] == []
    blocks = re.findall(r"Bagian(\d+)dari(\d+):kolom(\d+)–(\d+)dari144", text)
    assert len(blocks) >= 3 and [int(b[0]) for b in blocks] == list(range(1, len(blocks) + 1))
    assert int(blocks[0][2]) == 1 and int(blocks[-1][3]) == 144
    assert [kode for kode in positions if text.count(kode) < len(blocks)] == []
    assert all(float(sheet.mediabox.width) > float(sheet.mediabox.height) for sheet in pdf.pages)
    # Laid out for print, each block fits the width of the paper less its margins; on a portrait
    # page (the talent pages' matrices), in narrower blocks.
    landscape, portrait = (297 - 20) / 25.4 * 96, (210 - 24) / 25.4 * 96
    widths = _printed_widths(tab, landscape)
    assert len(widths) == len(blocks) and max(widths) <= landscape, widths
    tab.evaluate("document.querySelector('.kamus-matrix-page').classList.remove('kamus-matrix-page')")
    widths = _printed_widths(tab, portrait)
    assert len(widths) > len(blocks) and max(widths) <= portrait, widths
    tab.context.close()


def test_a_printed_skj_keeps_competency_names_whole(page, served):
    page.goto(served + "jabatan/BPKAD.KABID_ANGGARAN/")
    words = set(re.findall(r"[^\W\d_]+", page.locator("article").inner_text()))
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    assert "Penganggaran Daerah" in " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert _broken_in_pdf(pdf, words) == []


@pytest.fixture
def page(chromium, served):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def first_titles(page, query: str, count: int = 3) -> list[str]:
    return search(page, query)[:count]


def test_a_position_is_found_by_the_part_of_its_code_after_the_dot(page, served):
    page.goto(served)
    for query in ("kabid_anggaran", "KABID_ANGGARAN", "kabid-anggaran"):
        assert first_titles(page, query, 1) == ["Kepala Bidang Anggaran"], query
    assert "Kepala Badan Pengelolaan Keuangan dan Aset Daerah" in first_titles(page, "kaban")


def test_a_typo_that_matched_says_what_it_matched_and_snippets_show_the_match(page, served):
    page.goto(served)
    search(page, "intergritas")
    first = page.locator(".md-search-result__item").first.locator(".md-search-result__article").first
    assert first.locator("h1").inner_text() == "Integritas"
    assert first.locator(".md-search-result__terms").inner_text() == "Ejaan mirip: intergritas → Integritas"
    assert "Tidak ada" not in page.locator(".md-search-result").inner_text()
    assert "h=integritas" in page.locator(".md-search-result__item a").first.get_attribute("href")
    search(page, "penganggaran")
    snippets = page.locator(".md-search-result__article:has(h2)").all_inner_texts()
    table_hits = [text for text in snippets if "Persyaratan" in text.split("\n")[0]]
    assert table_hits  # positions whose requirements name the word
    for text in table_hits:
        body = text.split("\n", 1)[1]
        assert "Penganggaran" in body[:160], body[:200]  # the match, not the top of the table


def test_the_reverse_lookup_offers_level_at_least_n_with_totals(page, served, built):
    page.goto(served + "kompetensi/M.1/")
    sections = page.locator(".kamus-used[data-level]")
    counts = {int(s.get_attribute("data-level")): s.locator("a").count() for s in sections.all()}
    link = page.locator("a[data-kamus-min='3']")
    assert link.inner_text() == f"level ≥ 3: {sum(n for level, n in counts.items() if level >= 3)} jabatan"
    link.click()
    shown = [int(s.get_attribute("data-level")) for s in sections.all() if s.is_visible()]
    assert shown and min(shown) == 3
    page.locator(".kamus-used-note a").click()
    assert all(s.is_visible() for s in sections.all())
    # Sebaran level: every count is a link to the positions it counts.
    page.goto(served + "matriks/distribusi-level/")
    cell = page.locator("table.kamus-matrix tbody tr", has=page.locator("th a", has_text="M.1")).locator("td a").first
    number, href = int(cell.inner_text()), cell.get_attribute("href")
    level = int(href.rsplit("dipakai-level-", 1)[1])
    assert counts[level] == number


def test_every_page_has_a_breadcrumb_and_speaks_to_readers_in_indonesian(built):
    pages = sorted(p for p in built.rglob("index.html") if p.parent != built)
    english = re.compile(r"snapshot|job-person match|tag git|\b[\w-]+/[\w<>&;.-]*\.(?:yaml|csv|xlsx)\b", re.I)
    for path in pages:
        relative = path.parent.relative_to(built).as_posix() + "/"
        html = path.read_text("utf-8")
        if "data-kamus-redirect" in html:
            continue
        assert 'class="kamus-breadcrumb"' in html, relative
        if relative.startswith("referensi/"):
            continue  # the data reference is about the files themselves
        reader = re.sub(r'<details class="kamus-pengelola.*?</details>', "", html, flags=re.S)
        found = english.findall(Page(reader).article)
        allowed = {"job-person match"} if relative.startswith(("kompetensi/", "jabatan/")) else set()  # kamus text
        assert {f.lower() for f in found} <= allowed, (relative, found[:3])
    talent = (built / "talenta/2025/index.html").read_text("utf-8")
    for word in ("JPM", "MS", "MMS", "KMS", "AKPK", "JPT"):
        assert re.search(rf'<abbr title="[^"]+">{word}</abbr>', talent), word
