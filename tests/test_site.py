"""`kamus build`: a real mkdocs build of a fixture kamus, checked page type by page type."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import urljoin, urlsplit

import openpyxl
import pytest

from conftest import REPO, TESTS, build_case_root
from generator.output_guard import SITE_MARKER as MARKER
from generator.project import Project
from generator.api import build as build_site
from generator.publish.site import render_project
from generator.cli import main
from generator.errors import UsageError
from sitecheck import EXTERNAL, Page, read, resource_urls

SITE_FIXTURE = TESTS / "fixtures" / "site"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("site")
    root = build_case_root(SITE_FIXTURE, base / "kamus")
    result = build_site(root, base / "out")
    return root, result.output


def test_beranda(built):
    _, site = built
    page = read(site, "")
    assert "Kamus Kompetensi Pemerintah Kota Uji" in page.text
    assert "Peraturan Wali Kota Uji Nomor 3 Tahun 2025" in page.text and "1 Februari 2025" in page.text
    assert "4 jabatan di 2 unit kerja" in page.text
    assert any(tag == "img" and attrs.get("src", "").endswith("assets/logo.png") for tag, attrs in page.elements)
    assert (site / "assets/logo.png").is_file()


def test_competency_page(built):
    _, site = built
    page = read(site, "kompetensi/T.A/")
    assert "Penganggaran" in page.text and "Menyusun anggaran." in page.text
    for n in range(1, 5):
        assert f"Deskripsi level {n}." in page.text and f"Indikator kedua level {n}." in page.text
    assert "Level 2 — 1 jabatan" in page.text and "Level 3 — 2 jabatan" in page.text
    assert "../../jabatan/A.KEPALA/" in page.links()
    assert "https://git.kota-uji.go.id/bkpsdm/kamus/-/edit/main/competencies/teknis/T.A.yaml" in page.links()


def test_withdrawn_competency_stays_visible_with_successor(built):
    _, site = built
    page = read(site, "kompetensi/T.C/")
    assert "Kompetensi ini sudah dicabut" in page.text
    assert "../T.B/" in page.links()
    listing = read(site, "daftar-kompetensi/teknis/")
    assert "Pengetikan Surat" in listing.text and "dicabut" in listing.text


def test_competency_indexes_by_jenis_and_bidang(built):
    _, site = built
    teknis = read(site, "daftar-kompetensi/teknis/")
    assert [tag for tag, _ in teknis.elements].count("h2") >= 2  # Keuangan, Umum
    assert "Keuangan" in teknis.text and "Umum" in teknis.text
    assert "Integritas" in read(site, "daftar-kompetensi/manajerial/").text


def test_position_page_is_an_skj_document(built):
    _, site = built
    page = read(site, "jabatan/A.KEPALA/")
    text = page.article
    order = ["Standar Kompetensi Jabatan", "Nama Jabatan", "Kelompok Jabatan", "Urusan Pemerintahan",
             "Kode Jabatan", "I. Ikhtisar Jabatan", "II. Standar Kompetensi", "Manajerial", "Sosial Kultural",
             "Teknis", "III. Persyaratan Jabatan", "A. Pendidikan", "B. Pelatihan", "C. Pengalaman Kerja",
             "D. Pangkat", "E. Indikator Kinerja Jabatan", "Garis pelaporan"]
    positions = [text.index(word) for word in order]
    assert positions == sorted(positions)
    assert "Deskripsi level 3." in text  # the deskripsi of the required level
    # Part III as the form: jenjang and bidang ilmu apart without a tick, the three kinds of pelatihan, ticks
    # only for pelatihan and pengalaman, "-" for what is empty.
    assert ("Jenis Persyaratan Uraian Tingkat Pentingnya terhadap Jabatan Mutlak Penting Perlu A. Pendidikan "
            "1. Jenjang S1 2. Bidang Ilmu Akuntansi B. Pelatihan 1. Manajerial - 2. Teknis - 3. Fungsional - "
            "C. Pengalaman Kerja - D. Pangkat Pembina (IV/a) E. Indikator Kinerja Jabatan 1. Persentase") in text
    html = (site / "jabatan/A.KEPALA/index.html").read_text("utf-8")
    assert '<th colspan="3">Tingkat Pentingnya terhadap Jabatan</th>' in html and "√" not in html
    assert "../A.STAF/" in page.links() and "../B.KEPALA/" in page.links()  # bawahan
    assert "Kelompok Jabatan Jabatan Administrasi (Administrator)" in text
    assert "Kode Jabatan belum ditetapkan" in text and "Kode Jabatan A.KEPALA" not in text  # no official code yet
    analis = read(site, "jabatan/A.ANALIS/").article
    assert "Kode Jabatan <b>KJ.001</b>" in analis and "Jabatan Fungsional (Ahli Muda)" in analis
    # Every printed page names the instansi and the regulation (and the phone header the short name)
    # through CSS strings that no text can break out of, in a stylesheet kamus.css imports.
    assert '@import url("kamus-instansi.css")' in (site / "assets/kamus.css").read_text("utf-8")
    style = (site / "assets/kamus-instansi.css").read_text("utf-8")
    assert '--kamus-cetak-instansi: "Pemerintah Kota Uji"' in style
    assert '--kamus-cetak-versi: "Peraturan Wali Kota Uji Nomor 3 Tahun 2025, ditetapkan 1 Februari 2025"' in style
    assert re.search(r'--kamus-singkatan: "Kamus [^"]+";', style)


def test_position_indexes_by_unit_and_jenjang(built):
    _, site = built
    by_unit = read(site, "daftar-jabatan/unit/UNIT_A/")
    assert "Kepala Bidang A" in by_unit.text and "../../../jabatan/A.STAF/" in by_unit.links()
    by_jenjang = read(site, "daftar-jabatan/jenjang/pengawas/")
    assert "Kepala UPT B" in by_jenjang.text
    assert "Fungsional Ahli Muda" in read(site, "daftar-jabatan/jenjang/").text


def test_matrices_print_numbers_and_download(built):
    _, site = built
    page = read(site, "matriks/unit/UNIT_A/")
    assert "A.KEPALA Kepala Bidang A 3 3 3" in page.text
    national = read(site, "matriks/manajerial-sosial-kultural/")
    assert "Kepala UPT B UPT B 2 2" in national.text
    distribution = read(site, "matriks/distribusi-level/")
    assert "T.A Penganggaran Teknis 0 1 2 0 – 3" in distribution.text  # level 2 once, 3 twice; no level 5
    raw = (site / "matriks/unduh/unit-UNIT_A.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Kode jabatan", "Nama jabatan"]
    names = [row[1] for row in rows[1:]]
    assert any(name.startswith("'=HYPERLINK") for name in names)  # never a formula
    sheet = openpyxl.load_workbook(site / "matriks/unduh/unit-UNIT_A.xlsx").active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:2] == ["Kode jabatan", "Nama jabatan"]
    assert ["A.KEPALA", "Kepala Bidang A", 3, 3, 3] == values[1][:5]
    assert values[0][2] == "M.1 Integritas"  # header names, not only codes
    assert all(not (isinstance(v, str) and v[:1] in "=+-@") for row in values for v in row)
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["C"].width > 6  # widths set
    distribution = openpyxl.load_workbook(site / "matriks/unduh/distribusi-level.xlsx").active
    numbers = [row[3:9] for row in distribution.iter_rows(min_row=2, values_only=True)]
    assert numbers and all(v is None or isinstance(v, int) for row in numbers for v in row)  # never "–" text


def test_development_catalog_pages(built):
    _, site = built
    index = read(site, "pengembangan/")
    assert "Katalog Pengembangan" in index.text and "PK.TA.01" in index.text and "12.5" in index.text
    assert "Integritas M.1 1 kegiatan" in index.text and "belum ada di katalog" in index.text  # SK.1 has none
    page = read(site, "pengembangan/T.A/")
    text = page.article
    assert text.index("Sampai level 3") < text.index("PK.TA.01") < text.index("Sampai level 4") < text.index("PK.TA.02")
    assert "Bimtek Penganggaran <script>alert('kegiatan')</script>" in text  # shown as text, never markup
    assert "BPSDM <b>Provinsi</b>" in text and "Klasikal · Bimbingan teknis" in text
    assert "development/PK.TA.01.yaml" in text
    competency = read(site, "kompetensi/T.A/")
    assert "../../pengembangan/T.A/" in competency.links()
    assert "sampai level 3: Bimtek Penganggaran" in competency.text
    assert "Belum ada kegiatan di katalog pengembangan" in read(site, "kompetensi/SK.1/").text
    assert "Katalog Pengembangan" in read(site, "").text  # in the navigation


def test_site_offers_the_kamus_workbook(built, tmp_path):
    root, site = built
    page = read(site, "unduh/")
    links = [attrs.get("href") for tag, attrs in page.elements if tag == "a" and "download" in attrs]
    assert "../data/kamus.xlsx" in links
    reference = read(site, "referensi/")
    assert any(tag == "a" and attrs.get("href") == "../data/kamus.xlsx" for tag, attrs in reference.elements)
    exported = tmp_path / "kamus.xlsx"
    main(["export", "--root", str(root), "--format", "xlsx", "--output", str(exported)])
    assert (site / "data/kamus.xlsx").read_bytes() == exported.read_bytes()  # the same bytes as `kamus export`


def test_the_unduh_page_lists_every_download_of_the_version_in_force_with_its_size(built):
    _, site = built
    home = read(site, "")
    assert "unduh/" in home.links()  # from "Mulai dari sini" and the navigation
    assert sum(1 for tag, attrs in home.elements if tag == "a" and attrs.get("href") == "unduh/") >= 2
    page = read(site, "unduh/")
    text = page.article
    assert "Peraturan Wali Kota Uji Nomor 3 Tahun 2025" in text
    rows = re.findall(r'<tr><td><a href="([^"]+)" download>.*?</a></td>\s*<td>.*?</td>\s*<td>(.*?)</td></tr>',
                      (site / "unduh/index.html").read_text("utf-8"))
    found = dict(rows)
    assert list(found) == ["lampiran-versi-ini.pdf", "lampiran-versi-ini.docx", "../data/kamus.xlsx",
                           "../data/kamus.json", "../data/kamus-case.json"]
    for href, size in found.items():
        real = (site / "unduh" / href).resolve().stat().st_size
        assert re.fullmatch(r"\d+ KB|\d+(,\d)? MB|\d+ B", size), (href, size)  # filled in after the MkDocs run
        number = float(size.split()[0].replace(",", "."))
        scale = {"B": 1, "KB": 1024, "MB": 1024 * 1024}[size.split()[1]]
        assert abs(number * scale - real) <= max(scale * 0.06, 1024), (href, size, real)
    for words in ("Lampiran", "buku kerja Excel", "data terbuka", "CASE 1.1"):
        assert words in text, words
    assert "`" not in text  # no Markdown left raw in the words


def test_reference_pages_document_every_field_and_rule(built):
    from generator.check.schema import default_schemas
    from generator.render.reference import fields
    from generator.rules import RULES

    _, site = built
    text = read(site, "referensi/").text
    for schema in default_schemas().schemas.values():
        for field in fields(schema):
            assert field.path in text
    position = {f.path: f for f in fields(default_schemas().schemas["position"])}
    assert position["jenjang"].required and not position["jenis_jabatan"].required  # required unless the old name is given
    rules = read(site, "referensi/aturan/").text
    assert all(rule in rules for rule in RULES)


def test_text_from_yaml_is_never_markup(built):
    _, site = built
    for html in site.rglob("*.html"):
        page = Page(html.read_text("utf-8"))
        for tag, attrs in page.elements:
            assert tag not in ("iframe", "b") or "A.ANALIS" not in str(html), f"{html}: <{tag}> from YAML"
            assert not any(name.startswith("on") for name in attrs), f"{html}: event handler {tag} {attrs}"
            assert not attrs.get("href", "").lower().startswith("javascript:"), html
            if tag == "script":
                assert attrs.get("src") or "alert(" not in html.read_text("utf-8").split("<script>")[-1][:40]
    page = read(site, "jabatan/A.ANALIS/")
    assert "Analis <script>alert('nama')</script>" in page.text  # shown as text
    assert "<img src=x onerror=alert('ikhtisar')>" in page.text
    assert "[tautan](javascript:alert('md')) serta **tebal** <b>tebal</b> & {: onclick=alert(1)}" in page.text
    title = re.search(r"<title>(.*?)</title>", (site / "jabatan/A.ANALIS/index.html").read_text("utf-8"), re.S)
    assert "<script>" not in title.group(1) and "&lt;script&gt;" in title.group(1)


# URLs inside Material's JavaScript bundle that are dormant for a Kamus site; the Chromium
# test records every request while browsing and proves that none leaves the server.
DORMANT_IN_THEME = {
    "https://unpkg.com/resize-observer-polyfill",  # only for browsers without ResizeObserver
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",  # only for pages with Mermaid diagrams
    "https://api.github.com/repos/", "https://api.github.com/users/",  # only with repo_url in mkdocs.yml
    "https://${e}/api/v4/projects/",  # GitLab, likewise only with repo_url
    "https://clipboardjs.com/", "https://fontawesome.com",  # licence comments
    "https://bit.ly/2s3ChXG",  # text of a console warning in the search worker
    "http://lunrjs.com", "http://tartarus.org/~martin/PorterStemmer/js.txt",  # comments in lunr
}


def test_no_request_outside_the_site(built):
    _, site = built
    for path in site.rglob("*"):
        if path.suffix == ".html":
            page = Page(path.read_text("utf-8"))
            external = [u for u in resource_urls(page) if EXTERNAL.match(u)]
            assert not external, f"{path}: {external}"
            assert not any("mermaid" in attrs.get("class", "") for _, attrs in page.elements)
        if path.suffix in (".css", ".js"):
            text = path.read_text("utf-8", errors="replace")
            urls = set(re.findall(r"https?://[^\s\"'`)]+", text)) - {"http://www.w3.org/2000/svg"}
            unknown = {u for u in urls if not any(u.startswith(d) for d in DORMANT_IN_THEME)}
            assert not unknown, f"{path}: {unknown}"
            assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text), f"{path} loads a remote url()"


def test_theme_never_gets_a_repository_to_query(built):
    import yaml

    root, _ = built
    config = yaml.safe_load(render_project(Project.open(root))["mkdocs.yml"])
    assert "repo_url" not in config  # edit links are ours; Material would call the GitHub API


def test_internal_links_resolve(built):
    _, site = built
    checked = 0
    for html in site.rglob("*.html"):
        if html.name == "404.html":
            continue  # MkDocs gives the 404 page absolute links under site_url on purpose
        base = "/" + html.parent.relative_to(site).as_posix() + "/"
        for link in Page(html.read_text("utf-8")).links():
            if EXTERNAL.match(link) or link.startswith(("#", "mailto:")):
                continue
            target = urlsplit(urljoin(base.replace("//", "/"), link)).path
            path = site / target.lstrip("/")
            assert path.is_file() or (path / "index.html").is_file(), f"{html}: broken link {link}"
            checked += 1
    assert checked > 200


def test_builds_are_byte_identical(built, tmp_path):
    root, site = built
    again = build_site(root, tmp_path / "again").output
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []


def test_failed_build_leaves_previous_site_untouched(tmp_path, capsys):
    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    out = tmp_path / "out"
    assert main(["build", "--root", str(root), "--output", str(out)]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (root / "positions/UNIT_A/A.STAF.yaml").write_text("kode: A.STAF\nnama: [\n", "utf-8")
    capsys.readouterr()
    assert main(["build", "--root", str(root), "--output", str(out)]) == 1
    assert "A.STAF.yaml:3:1: YAML-SYNTAX" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kamus-build")] == []


def test_output_folder_guards(tmp_path):
    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    for bad in (root, root.parent, root / "positions" / "site"):
        with pytest.raises(UsageError):
            build_site(root, bad)
    foreign = tmp_path / "dokumen-penting"
    foreign.mkdir()
    (foreign / "laporan.docx").write_bytes(b"x")
    with pytest.raises(UsageError):
        build_site(root, foreign)
    assert (foreign / "laporan.docx").read_bytes() == b"x"
    assert (build_site(root, tmp_path / "fresh").output / MARKER).is_file()


def test_render_never_overwrites_a_foreign_folder(tmp_path, capsys):
    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    notes = tmp_path / "catatan"
    notes.mkdir()
    (notes / "penting.txt").write_text("jangan dihapus", "utf-8")
    assert main(["render", "--root", str(root), "--output", str(notes)]) == 2
    assert (notes / "penting.txt").read_text("utf-8") == "jangan dihapus"
    assert main(["render", "--root", str(root), "--output", str(root)]) == 2
    assert main(["render", "--root", str(root), "--output", str(tmp_path / "md")]) == 0
    assert main(["render", "--root", str(root), "--output", str(tmp_path / "md")]) == 0  # its own folder: fine
    assert "bukan hasil Kamus" in capsys.readouterr().err


def test_render_writes_a_plain_markdown_project(tmp_path):
    import yaml

    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    assert main(["render", "--root", str(root), "--output", str(tmp_path / "md")]) == 0
    config = yaml.safe_load((tmp_path / "md/mkdocs.yml").read_text("utf-8"))  # plain YAML, no tags
    assert config["docs_dir"] == "docs" and config["site_url"] == "https://intranet.kota-uji.go.id/kamus/"
    assert (tmp_path / "md/docs/jabatan/A.KEPALA.md").read_text("utf-8").startswith("---\ntitle:")


def test_demo_site_builds(tmp_path):
    result = build_site(REPO, tmp_path / "demo")
    assert result.pages > 100
    assert (result.output / "jabatan/DISKOMINFO.KADIS/index.html").is_file()


def test_parallel_rendering_gives_the_same_pages(tmp_path):
    from generator.publish.content import site_content
    from generator.publish.prepare import prepare
    from generator.render.pages import render_pages

    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    project = Project.open(root)
    content = site_content(project.require_valid(), project.schemas.schemas, prepare(project))
    serial = render_pages(content, workers=1)
    # two forked workers even on a one-CPU machine, however small the kamus
    assert render_pages(content, workers=2, parallel_from=0) == serial


def test_make_site_style_relative_paths(tmp_path):
    import subprocess
    import sys

    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--root", ".", "--output", "site"],
                            cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (root / "site/index.html").is_file() and (root / "site" / MARKER).is_file()
    assert not list(root.glob(".kamus-build*"))


def test_css_strings_cannot_break_out_of_the_print_style():
    from generator.render.templates import css_string

    hostile = "Kota \"Uji\" } </style><script>alert(1)</script> \\ \n é"
    quoted = str(css_string(hostile))
    assert quoted.startswith('"') and quoted.endswith('"')
    assert not set(quoted[1:-1]) & set("\"'<>{};\n")  # every risky character is a CSS escape
    assert "\\22 " in quoted and "\\3c " in quoted and "\\e9 " in quoted
