"""The kamus repository is untrusted: no file outside it is read, no markup from it reaches a
page, no code named by it runs without the operator's opt-in; and outputs never land where
they do harm. Real files, real builds, real subprocesses."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, TESTS, build_case_root
from generator.cli import main
from generator.errors import BuildError, OutputError
from generator.output_guard import SITE_MARKER, STAGING_PREFIX
from generator.project import Project
from generator.api import build as build_site
from generator.publish.site import render_project
from sitecheck import Page

SITE_FIXTURE = TESTS / "fixtures" / "site"
HOSTILE_NAME = '"><img src=x onerror=alert(\'nama\')><script>alert("instansi")</script>'
EMOJI_CONFIG = """theme:
  name: material
  language: id
  font: false
markdown_extensions:
  - toc:
      permalink: true
  - admonition
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
extra_css:
  - assets/kamus.css
extra_javascript:
  - assets/kamus.js
copyright: Hak cipta <b>BKPSDM</b> & Pemkab
plugins:
  - search
"""


def kamus(*args, cwd=None, env=None, **kwargs):
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    environment.pop("KAMUS_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          cwd=cwd or REPO, env=environment, check=False, **kwargs)


def hostile_root(tmp_path) -> Path:
    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    config = yaml.safe_load((root / "kamus.yaml").read_text("utf-8"))
    config["instansi"]["nama"] = HOSTILE_NAME
    config["jenis_kompetensi"] = [{"kode": "pemerintahan", "nama": "<img src=x onerror=alert('jenis')>"}]
    (root / "kamus.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    (root / "competencies/pemerintahan").mkdir()
    (root / "competencies/pemerintahan/P.1.yaml").write_text(
        (TESTS / "cases/config-jenis-wajib/files/competencies/pemerintahan/P.1.yaml").read_text("utf-8"), "utf-8")
    return root


def test_kamus_yaml_text_reaches_no_page_as_markup(tmp_path):
    site = build_site(hostile_root(tmp_path), tmp_path / "site").output
    checked = 0
    for html in site.rglob("*.html"):
        text = html.read_text("utf-8")
        for tag, attrs in Page(text).elements:
            assert not any(name.startswith("on") for name in attrs), f"{html}: <{tag} {attrs}>"
            assert tag != "img" or attrs.get("src") != "x", html
        assert "<script>alert" not in text, html
        checked += 1
    assert checked > 10
    title = (site / "index.html").read_text("utf-8").split("<title>", 1)[1].split("</title>", 1)[0]
    assert "&lt;script&gt;" in title and "<script>" not in title


def test_hostile_kamus_yaml_runs_nothing_in_chromium(tmp_path, chromium):
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    www = tmp_path / "www"
    build_site(hostile_root(tmp_path), www / "kamus")
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(www)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/kamus/"
    dialogs, errors = [], []
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        for path in ("", "daftar-kompetensi/", "daftar-kompetensi/pemerintahan/", "jabatan/A.KEPALA/",
                     "matriks/", "referensi/"):
            assert page.goto(base + path).ok, path
            page.wait_for_load_state("networkidle")
        shown = page.locator(".md-header__topic").first.inner_text()
        nav = page.locator(".md-nav").first.inner_text()
    finally:
        context.close()
        server.shutdown()
    assert dialogs == [] and errors == []
    assert "onerror=alert('nama')" in shown  # the name is shown as text, not run
    assert "onerror=alert('jenis')" in nav


@pytest.mark.parametrize("field, value", [("url", "javascript:alert(1)//"), ("repo_url", "javascript:alert(1)"),
                                          ("url", 'https://contoh.go.id/"><script>'), ("edit_uri", "javascript:x")])
def test_urls_in_kamus_yaml_must_be_http(tmp_path, field, value):
    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    config = yaml.safe_load((root / "kamus.yaml").read_text("utf-8"))
    config["situs"][field] = value
    (root / "kamus.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    result = kamus("validate", "--root", str(root))
    assert result.returncode == 1 and f"SCHEMA-PATTERN" in result.stdout and f"situs.{field}" in result.stdout


def with_mkdocs(tmp_path, text: str, extra_files: dict | None = None) -> Path:
    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    (root / "mkdocs.yml").write_text(text, "utf-8")
    for name, content in (extra_files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, "utf-8")
    return root


def marker_code(marker: Path) -> str:
    return f"from pathlib import Path\nPath({str(marker)!r}).write_text('dijalankan')\n"


def test_a_hook_named_by_the_repository_does_not_run(tmp_path):
    marker = tmp_path / "hook-ran.txt"
    root = with_mkdocs(tmp_path, EMOJI_CONFIG + "hooks:\n  - hooks/curi.py\n",
                       {"hooks/curi.py": marker_code(marker)})
    validate = kamus("validate", "--root", str(root), "--strict")
    assert validate.returncode == 1 and "mkdocs.yml:19:1: MKDOCS-CODE" in validate.stdout
    build = kamus("build", "--root", str(root), "--output", str(tmp_path / "site"))
    assert build.returncode == 2 and "--izinkan-kode" in build.stderr and "Traceback" not in build.stderr
    assert not marker.exists() and not (tmp_path / "site").exists()
    # the operator's explicit opt-in (a flag or the environment, never the repository) lets it run
    allowed = kamus("build", "--root", str(root), "--output", str(tmp_path / "site"), env={"KAMUS_IZINKAN_KODE": "1"})
    assert allowed.returncode == 0, allowed.stderr
    assert marker.read_text() == "dijalankan"


def test_a_markdown_extension_from_the_repository_is_never_imported(tmp_path):
    marker = tmp_path / "extension-ran.txt"
    root = with_mkdocs(tmp_path, EMOJI_CONFIG.replace("  - admonition\n", "  - admonition\n  - curi_rahasia\n"),
                       {"curi_rahasia.py": marker_code(marker)})
    with pytest.raises(BuildError):
        build_site(root, tmp_path / "site")
    result = kamus("build", "--root", ".", "--output", str(tmp_path / "site"), cwd=root)  # cwd on sys.path
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not marker.exists()


def test_materials_emoji_configuration_keeps_working(tmp_path):
    root = with_mkdocs(tmp_path, EMOJI_CONFIG)
    assert kamus("validate", "--root", str(root), "--strict").returncode == 0
    config = render_project(Project.open(root))["mkdocs.yml"].decode("utf-8")
    assert "!!python/name:material.extensions.emoji.twemoji" in config
    assert "Hak cipta &lt;b&gt;BKPSDM&lt;/b&gt; &amp; Pemkab" in config  # printed unescaped by the theme
    site = build_site(root, tmp_path / "site").output
    footer = (site / "index.html").read_text("utf-8")
    assert "<b>BKPSDM</b>" not in footer and "&lt;b&gt;BKPSDM" in footer


def test_settings_kamus_makes_itself_are_ignored_with_a_warning(tmp_path):
    root = with_mkdocs(tmp_path, EMOJI_CONFIG + "repo_url: https://github.com/contoh/kamus\nsite_name: Lain\n")
    result = kamus("validate", "--root", str(root), "--strict")
    assert result.returncode == 1 and result.stdout.count("MKDOCS-KEY") == 2
    config = yaml.safe_load(render_project(Project.open(root))["mkdocs.yml"].replace(b"!!python/name:", b""))
    assert "repo_url" not in config and config["site_name"] == "Kamus Kompetensi Pemerintah Kota Uji"


def test_the_logo_never_publishes_a_file_outside_the_kamus(tmp_path):
    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    (root / "rahasia.png").symlink_to("/etc/hostname")
    for logo, rule in (("/etc/hostname", "CONFIG-LOGO-PATH"), ("../../../etc/hostname", "CONFIG-LOGO-PATH"),
                       ("rahasia.png", "CONFIG-LOGO-PATH"), ("kamus.yaml", "CONFIG-LOGO-TYPE")):
        text = (root / "kamus.yaml").read_text("utf-8")
        config = yaml.safe_load(text)
        config["instansi"]["logo"] = logo
        (root / "kamus.yaml").write_text(yaml.safe_dump(config), "utf-8")
        result = kamus("build", "--root", str(root), "--output", str(tmp_path / "site"))
        assert result.returncode == 1 and f"kamus.yaml:" in result.stdout and rule in result.stdout, logo
        assert not (tmp_path / "site").exists()


def test_data_files_linked_from_outside_are_not_read(tmp_path):
    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    secret = tmp_path / "rahasia.yaml"
    secret.write_text("kode: T.RAHASIA\nnama: Isi mesin build\n", "utf-8")
    (root / "competencies/teknis/T.RAHASIA.yaml").symlink_to(secret)
    (root / "snapshots").mkdir()
    (root / "snapshots/2025.csv").symlink_to(secret)
    result = kamus("validate", "--root", str(root))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "competencies/teknis/T.RAHASIA.yaml:1:1: FILE-SYMLINK" in result.stdout
    assert "Isi mesin build" not in result.stdout
    (root / "competencies/teknis/T.RAHASIA.yaml").unlink()
    result = kamus("validate", "--root", str(root))
    assert "snapshots/2025.csv:1:1: SNAPSHOT-FILE" in result.stdout and "tautan simbolik" in result.stdout


def test_a_build_leaves_nothing_in_the_kamus_and_cleans_what_a_killed_one_left(tmp_path):
    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    stale = root / f"{STAGING_PREFIX}999999999-abcd"
    (stale / "assets").mkdir(parents=True)
    (stale / SITE_MARKER).write_text("", "utf-8")  # a staged site: it carries the marker
    foreign = root / f"{STAGING_PREFIX}999999999-bukan-situs"  # same name, no marker: someone's folder
    (foreign / "catatan").mkdir(parents=True)
    result = kamus("build", "--root", ".", "--output", "site", cwd=root)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".")) == [foreign.name]
    assert (root / "site/index.html").is_file()


@pytest.mark.parametrize("target", ["snapshots", ".", "positions/UNIT_A", "kamus.yaml"])
def test_named_results_are_never_written_into_the_kamus(tmp_path, target):
    root = build_case_root(TESTS / "fixtures" / "talenta", tmp_path / "kamus")
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    result = kamus("talenta", "--root", str(root), "--output", str(root / target))
    assert result.returncode == 2 and "Traceback" not in result.stderr and "galat internal" not in result.stderr
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    assert kamus("validate", "--root", str(root)).returncode == 0


def test_unknown_ref_names_the_ref_in_indonesian(tmp_path):
    from conftest import build_versions_repo

    repo = build_versions_repo(tmp_path / "repo")
    result = kamus("diff", "kamus-1999", "kamus-2024", "--root", str(repo))
    assert result.returncode == 2 and "versi `kamus-1999` tidak ditemukan" in result.stderr
    assert "fatal:" not in result.stderr


def test_a_full_disk_is_named(tmp_path):
    root = build_case_root(TESTS / "fixtures" / "talenta", tmp_path / "kamus")
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "generator", "talenta", "--root", str(root), "--format", "json"],
                                stdout=full, stderr=subprocess.PIPE, text=True, cwd=REPO, check=False)
    assert result.returncode == 2 and "disk penuh" in result.stderr and "Traceback" not in result.stderr


def test_output_that_is_a_file_is_refused(tmp_path):
    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    target = tmp_path / "catatan.txt"
    target.write_text("jangan ditimpa", "utf-8")
    for command in (["build", "--output", str(target)], ["render", "--output", str(target)]):
        result = kamus(*command, "--root", str(root))
        assert result.returncode == 2 and "galat internal" not in result.stderr
    assert target.read_text("utf-8") == "jangan ditimpa"
    with pytest.raises(OutputError):
        build_site(root, target)


def test_a_busy_port_names_dev_addr(tmp_path):
    root = build_case_root(SITE_FIXTURE, tmp_path / "kamus")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = kamus("serve", "--root", str(root), "--dev-addr", f"127.0.0.1:{port}", timeout=120)
    assert result.returncode == 2 and "--dev-addr" in result.stderr and "galat internal" not in result.stderr


def test_a_closed_pipe_is_a_plain_message():
    process = subprocess.Popen([sys.executable, "-m", "generator", "rules", "--format", "markdown"], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process.stdout.close()  # the reader leaves before anything is written, like `| head -0`
    error = process.stderr.read()
    assert process.wait(timeout=60) == 2
    assert "keluaran terputus" in error and "Traceback" not in error


def test_main_returns_2_for_an_output_file(tmp_path, capsys):
    target = tmp_path / "x"
    target.write_text("", "utf-8")
    root = build_case_root(TESTS / "fixtures" / "talenta", tmp_path / "kamus")
    assert main(["talenta", "--root", str(root), "--output", str(target)]) == 2
    assert "bukan folder" in capsys.readouterr().err
