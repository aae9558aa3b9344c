"""`kamus build` and `kamus render`: validate, render Markdown, run a real `mkdocs build`, swap
the output in.

The output folder is replaced only when everything succeeded: the site is built in a
temporary folder next to it and then renamed into place, so a failed build leaves the
previous site untouched. Builds are reproducible: dates come from SOURCE_DATE_EPOCH,
taken from the last git commit of the kamus (or 0 outside git).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import BuildError
from ..outputs import PROJECT_MARKER, SITE_MARKER, check_output, write_tree
from ..project import Project
from ..render.pages import render_pages
from .content import site_content, static_files
from .mkdocs_config import mkdocs_config


@dataclass
class BuildResult:
    output: Path
    pages: int
    render_seconds: float
    mkdocs_seconds: float


def render_project(project: Project, strict: bool = False, extra_config: dict | None = None,
                   workers: int | None = None) -> dict[str, bytes]:
    """The Markdown project of a sound kamus: ``{path: bytes}`` (raises ValidationFailed).

    ``workers`` is passed to the renderer; the live preview uses 1 because it runs inside
    MkDocs' threaded server.
    """
    project.require_valid(strict)
    content = site_content(project)
    files = render_pages(content, workers=workers)
    files.update(static_files(project, content))
    files = dict(sorted(files.items()))
    files["mkdocs.yml"] = mkdocs_config(content, project.source, extra_config)
    files[PROJECT_MARKER] = "Folder ini dibuat oleh `kamus render` dan ditulis ulang utuh pada render berikutnya.\n".encode()
    return files


def write_project(project: Project, output) -> Path:
    """`kamus render`: the Markdown project written to ``output`` (a folder it made, or new)."""
    output = Path(output).resolve()
    check_output(project.root, output, PROJECT_MARKER)
    write_tree(output, render_project(project))
    return output


def source_date_epoch(root: Path) -> str:
    """The commit time of the kamus when it is in git, so rebuilds give identical bytes."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True,
                             text=True, timeout=20, check=False)
        return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else "0"
    except (OSError, subprocess.SubprocessError):
        return "0"


@contextlib.contextmanager
def _environment(name: str, value: str):
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def run_mkdocs(config_file: Path, site_dir: Path, root: Path) -> None:
    """A real, strict `mkdocs build`; any MkDocs warning fails the build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        with _environment("SOURCE_DATE_EPOCH", source_date_epoch(root)):
            config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
            build(config)
    except MkDocsException as exc:
        detail = "; ".join(collector.messages) or str(exc)
        raise BuildError(f"mkdocs build gagal: {detail}") from exc
    finally:
        logger.removeHandler(collector)


def prune_unused_search_languages(config_text: bytes, site: Path) -> None:
    """Drop Material's lunr language packs when search runs in English mode only.

    The search worker imports them only for languages other than ``en``; leaving ~1 MB
    of unused scripts (full of URLs in comments) on an intranet server helps nobody.
    """
    config = yaml.safe_load(config_text) or {}
    languages = ["en"]
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and isinstance(plugin.get("search"), dict):
            lang = plugin["search"].get("lang") or ["en"]
            languages = [lang] if isinstance(lang, str) else list(lang)
    if languages == ["en"]:
        shutil.rmtree(site / "assets" / "javascripts" / "lunr", ignore_errors=True)


def build_site(root=".", output=None) -> BuildResult:
    """Build the site of the kamus at ``root`` into ``output`` (default ``root/site``)."""
    root = Path(root).resolve()
    output = Path(output).resolve() if output else root / "site"  # MkDocs reads relative paths from its config
    check_output(root, output)
    started = time.perf_counter()
    files = render_project(Project.open(root))
    rendered = time.perf_counter()
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".kamus-build-", dir=output.parent) as tmp:
        work = Path(tmp)
        write_tree(work / "project", files)
        site = work / "site"
        run_mkdocs(work / "project" / "mkdocs.yml", site, root)
        prune_unused_search_languages(files["mkdocs.yml"], site)
        (site / SITE_MARKER).write_text("Folder ini dibuat oleh `kamus build` dan diganti utuh pada build berikutnya.\n",
                                        "utf-8")
        built = time.perf_counter()
        previous = work / "previous"
        if output.exists():
            os.replace(output, previous)
        try:
            os.replace(site, output)
        except OSError:
            if previous.exists():
                os.replace(previous, output)
            raise
    pages = sum(1 for name in files if name.startswith("docs/") and name.endswith(".md"))
    return BuildResult(output, pages, rendered - started, built - rendered)
