"""What a kamus's mkdocs.yml may bring into the site (issue 18, item 2): Markdown extensions
and plugins that read files or run code need the operator's opt-in, and no snapshot NIP
reaches a published site even with it. Real builds on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import TESTS, build_case_root
from generator.api import build as build_site
from generator.errors import BuildError
from generator.project import Project
from generator.publish.preview import Preview
from generator.publish.privacy import check_site
from generator.publish.site import render_project
from test_trust import kamus

NIP = "199001012015011001"  # Ani Lestari in tests/fixtures/talenta/files/snapshots/2025.csv
SNIPPETS = """markdown_extensions:
  - toc:
      permalink: true
  - admonition
  - pymdownx.snippets:
      auto_append: [snapshots/2025.csv, /etc/hostname]
      base_path: [".", "/"]
      check_paths: false
"""


def talent_root(tmp_path: Path, mkdocs: str | None = None, files: dict | None = None) -> Path:
    root = build_case_root(TESTS / "fixtures" / "talenta", tmp_path / "kamus")
    if mkdocs is not None:
        (root / "mkdocs.yml").write_text(mkdocs, "utf-8")
    for name, text in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return root


def test_the_snippets_attack_of_issue_18_publishes_nothing(tmp_path):
    root = talent_root(tmp_path, SNIPPETS)
    result = kamus("validate", "--root", str(root), "--strict")
    assert result.returncode == 1 and "mkdocs.yml:5:5: MKDOCS-CODE" in result.stdout
    assert "pymdownx.snippets" in result.stdout
    site = tmp_path / "site"
    result = kamus("build", "--root", str(root), "--output", str(site))
    assert result.returncode == 2 and "--izinkan-kode" in result.stderr and not site.exists()
    # with the operator's opt-in, a path out of the kamus or into snapshots/ is still refused
    result = kamus("build", "--root", str(root), "--output", str(site), "--izinkan-kode")
    assert result.returncode == 2 and "snapshots/" in result.stderr and "galat internal" not in result.stderr
    assert not site.exists() and NIP not in result.stdout + result.stderr


@pytest.mark.parametrize("setting, where", [
    ("plugins:\n  - search\n  - material/info\n", "plugin `material/info`"),
    ("plugins:\n  - search:\n      jieba_dict: /etc/hostname\n", "opsi `jieba_dict` plugin `search`"),
    ("markdown_extensions:\n  - markdown_include.include\n", "ekstensi Markdown `markdown_include.include`"),
    ("markdown_extensions:\n  - pymdownx.b64\n", "ekstensi Markdown `pymdownx.b64`"),
    ("markdown_extensions:\n  - pymdownx.emoji:\n      options:\n        custom_icons: [/etc]\n",
     "`options.custom_icons` ekstensi `pymdownx.emoji`"),
    ("markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n        - name: x\n          class: x\n"
     "          format: !!python/name:os.system\n", "tag `!!python/name:os.system`"),
    ("extra:\n  analytics: {provider: google, property: G-XXXX}\n", "extra.analytics"),
])
def test_readers_and_code_are_mkdocs_code(tmp_path, setting, where):
    root = talent_root(tmp_path, setting)
    result = kamus("validate", "--root", str(root), "--strict")
    assert result.returncode == 1 and "MKDOCS-CODE" in result.stdout and where in result.stdout, result.stdout
    result = kamus("build", "--root", str(root), "--output", str(tmp_path / "site"))
    assert result.returncode == 2 and "--izinkan-kode" in result.stderr and "Traceback" not in result.stderr


def test_safe_extensions_and_plugins_pass(tmp_path):
    root = talent_root(tmp_path, """markdown_extensions:
  - toc: {permalink: true}
  - admonition
  - attr_list
  - md_in_html
  - pymdownx.details
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
  - pymdownx.tabbed: {alternate_style: true}
plugins:
  - search: {lang: en}
extra:
  homepage: "javascript:alert(document.cookie)"
  social:
    - {icon: fontawesome/brands/github, link: "java\\tscript:alert(1)"}
""")
    result = kamus("validate", "--root", str(root))
    assert result.returncode == 0 and "MKDOCS-CODE" not in result.stdout
    assert result.stdout.count("MKDOCS-KEY") == 2  # the script addresses are ignored
    config = yaml.safe_load(render_project(Project.open(root))["mkdocs.yml"].replace(b"!!python/name:", b""))
    assert "homepage" not in config["extra"] and config["extra"]["social"] == [{"icon": "fontawesome/brands/github"}]
    assert build_site(root, tmp_path / "site").output.is_dir()


def test_no_snapshot_nip_reaches_a_site_even_with_the_opt_in(tmp_path):
    """A hook the operator allowed copies a snapshot row into every page: the built site is
    checked before it is swapped in, the build fails without naming the NIP, the old site stays."""
    hook = (f"from pathlib import Path\nROW = Path({str(tmp_path / 'kamus' / 'snapshots' / '2025.csv')!r})"
            ".read_text('latin-1').splitlines()[1]\n"
            "def on_page_markdown(markdown, **kwargs):\n    return markdown + '\\n\\n' + ROW\n")
    root = talent_root(tmp_path, "hooks:\n  - curi.py\n", {"curi.py": hook})
    site = tmp_path / "site"
    site.mkdir()
    (site / ".kamus-site").write_text("", "utf-8")
    (site / "lama.html").write_text("situs lama", "utf-8")
    result = kamus("build", "--root", str(root), "--output", str(site), "--izinkan-kode")
    assert result.returncode == 2, result.stderr
    assert "memuat NIP/NIK pegawai dari snapshots/" in result.stderr and "berkas lain" in result.stderr
    assert NIP not in result.stderr + result.stdout and "galat internal" not in result.stderr
    assert sorted(p.name for p in site.iterdir()) == [".kamus-site", "lama.html"]
    assert not list(site.parent.glob(".kamus-build-*"))


def test_the_site_check_sees_spaced_nips_zip_members_and_links(tmp_path):
    import zipfile

    numbers = {NIP.encode()}
    site = tmp_path / "site"
    (site / "data").mkdir(parents=True)
    (site / "index.html").write_text("<p>NIP 19900101 201501 1 001</p>", "utf-8")
    with pytest.raises(BuildError, match="index.html"):
        check_site(site, numbers)
    (site / "index.html").write_text("<p>199001012015011001000 bukan NIP</p>", "utf-8")
    with zipfile.ZipFile(site / "data" / "kamus.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", f"<t>{NIP}</t>")
    with pytest.raises(BuildError, match="data/kamus.xlsx"):
        check_site(site, numbers)
    (site / "data" / "kamus.xlsx").unlink()
    check_site(site, numbers)
    (site / "rahasia").symlink_to("/etc/hostname")
    with pytest.raises(BuildError, match="tautan simbolik"):
        check_site(site, set())


def test_a_missing_snippet_is_a_clear_message_in_build_and_serve(tmp_path):
    root = talent_root(tmp_path, "markdown_extensions:\n  - pymdownx.snippets:\n      auto_append: [catatan.md]\n"
                                 "      check_paths: true\n")
    result = kamus("build", "--root", str(root), "--output", str(tmp_path / "site"), "--izinkan-kode")
    assert result.returncode == 2 and "galat internal" not in result.stderr and "Traceback" not in result.stderr
    assert "pymdownx.snippets tidak ada" in result.stderr and "catatan.md" in result.stderr
    preview = Preview(Project.open(root), tmp_path / "pratinjau", allow_code=True)
    preview.rebuild()
    assert "pymdownx.snippets tidak ada" in preview.problem and "Traceback" not in preview.problem
    assert "pymdownx.snippets tidak ada" in (tmp_path / "pratinjau" / "site" / "kamus-pratinjau.json").read_text("utf-8")
    (root / "catatan.md").write_text("Catatan kaki kamus.\n", "utf-8")  # the file appears: the preview recovers
    preview.rebuild()
    assert preview.problem == ""


def test_a_broken_extension_option_is_a_message_without_a_traceback(tmp_path):
    root = talent_root(tmp_path, "markdown_extensions:\n  - toc:\n      baselevel: x\n")
    result = kamus("build", "--root", str(root), "--output", str(tmp_path / "site"))
    assert result.returncode == 2 and "mkdocs build gagal" in result.stderr and "toc" in result.stderr
    assert 'File "' not in result.stderr and "galat internal" not in result.stderr


def test_the_privacy_floor_cannot_be_configured_away(tmp_path):
    """`ukuran_kelompok_minimal: 1` would show one person's kotak: the schema refuses it, and a
    group of fewer than three people is never broken down on a page."""
    root = talent_root(tmp_path, files={"kamus.yaml": "talenta:\n  ukuran_kelompok_minimal: 1\n"})
    result = kamus("validate", "--root", str(root))
    assert result.returncode == 1 and "kamus.yaml:2:28: SCHEMA-RANGE" in result.stdout
    assert kamus("build", "--root", str(root), "--output", str(tmp_path / "site")).returncode == 1
    (root / "kamus.yaml").write_text("talenta:\n  ukuran_kelompok_minimal: 3\n", "utf-8")
    site = build_site(root, tmp_path / "site").output
    import re

    shown = [int(n) for page in (site / "talenta").rglob("*.html")
             for n in re.findall(r"<caption>[^<]*\((\d+) orang\)</caption>", page.read_text("utf-8"))]
    withheld = [page for page in (site / "talenta").rglob("*.html") if "kurang dari 3; tidak dirinci" in
                page.read_text("utf-8")]
    assert shown and min(shown) >= 3 and withheld
    assert "batas bawah alat Kamus: 3 orang" in (site / "talenta" / "2025" / "index.html").read_text("utf-8")
