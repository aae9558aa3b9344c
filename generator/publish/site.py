"""`kamus build` and `kamus render`: validate, render Markdown, run a real `mkdocs build`, swap
the output in.

The output folder is replaced only when everything succeeded: the site is built in a
temporary folder next to it and then renamed into place, so a failed build leaves the
previous site untouched. Builds are reproducible: dates come from SOURCE_DATE_EPOCH,
taken from the last git commit of the kamus (or 0 outside git).
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildError
from ..load.mkdocs_yaml import load_mkdocs
from ..output_guard import (PROJECT_MARKER, SITE_MARKER, STAGING_PREFIX, check_output, clean_stale_staging,
                           replace_file, write_tree)
from ..project import Project
from ..render.pages import fill_sizes, render_pages
from ..render.templates import static_files
from .content import site_content
from .mkdocs_config import mkdocs_config
from .mkdocs_run import MkDocsProcess
from .prepare import prepare
from .privacy import check_site, personal_numbers


@dataclass
class BuildResult:
    output: Path
    pages: int
    render_seconds: float
    mkdocs_seconds: float


def render_project(project: Project, strict: bool = False, extra_config: dict | None = None,
                   workers: int | None = None, allow_code: bool = False, lampiran: bool = True) -> dict[str, bytes]:
    """The Markdown project of a sound kamus: ``{path: bytes}`` (raises ValidationFailed).

    ``workers`` is passed to the renderer; the live preview uses 1 because it runs inside
    MkDocs' threaded server, and leaves out the Lampiran downloads (``lampiran``).
    ``allow_code`` is the operator's opt-in for code that the kamus's own mkdocs.yml names
    (hooks and the like); without it such a file stops the build.
    """
    return _render(project, strict, extra_config, workers, allow_code, lampiran)[1]


def _render(project: Project, strict: bool = False, extra_config: dict | None = None, workers: int | None = None,
            allow_code: bool = False, lampiran: bool = True, later: bool = False) -> tuple[object, dict[str, bytes]]:
    """The content and the Markdown project; with ``later``, the open data and the Lampiran are
    empty placeholders that ``content.deferred`` writes (see :func:`build_site`)."""
    kamus = project.require_valid(strict)
    prepared = prepare(project, lampiran, data_later=later)
    content = site_content(kamus, project.schemas.schemas, prepared)
    files = render_pages(content, workers=workers)
    files.update(static_files(kamus.config))
    files = dict(sorted(files.items()))
    files["mkdocs.yml"] = mkdocs_config(content, project, extra_config, allow_code)
    files[PROJECT_MARKER] = "Folder ini dibuat oleh `kamus render` dan ditulis ulang utuh pada render berikutnya.\n".encode()
    return content, files


def write_project(project: Project, output) -> Path:
    """`kamus render`: the Markdown project written to ``output`` (a folder it made, or new)."""
    check_output(project.repository, output, PROJECT_MARKER)
    output = Path(os.path.abspath(output))
    write_tree(output, render_project(project))
    return output


def prune_unused_search_languages(config_text: bytes, site: Path) -> None:
    """Drop Material's lunr language packs when search runs in English mode only.

    The search worker imports them only for languages other than ``en``; leaving ~1 MB
    of unused scripts (full of URLs in comments) on an intranet server helps nobody.
    """
    doc, _ = load_mkdocs(config_text)  # the generated file may hold tags the operator allowed
    config = doc.data if doc is not None else {}
    languages = ["en"]
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and isinstance(plugin.get("search"), dict):
            lang = plugin["search"].get("lang") or ["en"]
            languages = [lang] if isinstance(lang, str) else list(lang)
    if languages == ["en"]:
        shutil.rmtree(site / "assets" / "javascripts" / "lunr", ignore_errors=True)


def build_site(project: Project, output=None, allow_code: bool = False) -> BuildResult:
    """Build the site of ``project`` (the working tree, or a version of its git repository)
    into ``output`` (default: ``site/`` in the kamus folder).

    The site is built in the system's temporary folder, staged next to the output (a
    hidden ``.kamus-build-<pid>-…`` folder, gone a moment later and cleaned up by the next
    build if the process was killed) and renamed into place only when everything worked.
    """
    root = project.repository.resolve()
    output = Path(os.path.abspath(output)) if output else root / "site"  # MkDocs reads relative paths from its config
    check_output(root, output)
    started = time.perf_counter()
    mkdocs = MkDocsProcess(root)  # MkDocs imports while the kamus is checked and rendered
    try:
        content, files = _render(project, allow_code=allow_code, later=True)
        rendered = time.perf_counter()
        output.parent.mkdir(parents=True, exist_ok=True)
        clean_stale_staging(output.parent)
        with tempfile.TemporaryDirectory(prefix="kamus-build-") as tmp:
            work = Path(tmp)
            write_tree(work / "project", files)
            site = work / "site"
            mkdocs.send(work / "project" / "mkdocs.yml", site, root, project.timestamp)
            # The open data (JSON, CASE, the workbook) and the Lampiran take seconds at 2,000
            # positions (tens of seconds for a Lampiran not yet in the cache): written here while
            # MkDocs builds on the other core.
            data = content.deferred()
            mkdocs.wait()
            for path, body in data.items():  # in place of the placeholders MkDocs copied
                replace_file(site / path.removeprefix("docs/"), body, within=site)
            _fill_sizes(site)
            prune_unused_search_languages(files["mkdocs.yml"], site)
            replace_file(site / SITE_MARKER, "Folder ini dibuat oleh `kamus build` dan diganti utuh pada build "
                                             "berikutnya.\n".encode("utf-8"))
            check_site(site, personal_numbers(project))  # nothing personal, no link: else the old site stays
            built = time.perf_counter()
            _swap_in(site, output)
    finally:
        mkdocs.close()
    pages = sum(1 for name in files if name.startswith("docs/") and name.endswith(".md"))
    return BuildResult(output, pages, rendered - started, built - rendered)


def _fill_sizes(site: Path) -> None:
    """The Unduh page names the size of every download: written now that the files are."""
    page = site / "unduh" / "index.html"
    if not page.is_file():
        return
    base = site.resolve()

    def size_of(path: str) -> int:
        target = (site / path).resolve()
        if base not in target.parents or not target.is_file():
            raise BuildError(f"berkas unduhan {path} tidak ada di situs yang dibangun")
        return target.stat().st_size

    replace_file(page, fill_sizes(page.read_text("utf-8"), size_of).encode("utf-8"), within=site)


def _swap_in(site: Path, output: Path) -> None:
    """Put the built ``site`` in place of ``output``; on any failure the old output stays."""
    staged = output.parent / f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(8)}"
    old = staged.with_name(staged.name + "-lama")
    try:
        try:
            os.rename(site, staged)  # fails on a link or a folder with files at that name
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            shutil.copytree(site, staged, symlinks=True)  # another disk: makes the folder, never into one
        if output.exists():
            os.replace(output, old)
        try:
            os.replace(staged, output)
        except OSError:
            if old.exists():
                os.replace(old, output)
            raise
    finally:
        shutil.rmtree(staged, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
