"""`kamus build` and `kamus render`: validate, render Markdown, run a real `mkdocs build`, swap
the output in.

The output folder is replaced only when everything succeeded: the site is built in a
temporary folder next to it and then renamed into place, so a failed build leaves the
previous site untouched. Builds are reproducible: dates come from SOURCE_DATE_EPOCH,
taken from the last git commit of the kamus (or 0 outside git).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import secrets
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildError
from ..load.mkdocs_yaml import load_mkdocs
from ..load.source import commit_time
from ..output_guard import (PROJECT_MARKER, SITE_MARKER, STAGING_PREFIX, check_output, clean_stale_staging,
                           replace_file, write_tree)
from ..project import Project
from ..render.pages import fill_sizes, render_pages
from .content import site_content, static_files
from .mkdocs_process import MkDocsProcess
from .mkdocs_config import mkdocs_config
from .privacy import check_site, snapshot_numbers


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
    project.require_valid(strict)
    content = site_content(project, lampiran, data_later=later)
    files = render_pages(content, workers=workers)
    files.update(static_files(project, content))
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


def source_date_epoch(root: Path, ref: str = "HEAD") -> str:
    """The commit time of the kamus when it is in git, so rebuilds give identical bytes."""
    return str(commit_time(root, ref))


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


@contextlib.contextmanager
def without_root_on_path(root: Path):
    """Keep the kamus folder off ``sys.path`` while MkDocs runs: a Markdown extension or a
    plugin named in the configuration must come from the installed packages, never from a
    Python file in the (untrusted) kamus repository."""
    real = os.path.realpath(root)
    installed = {os.path.realpath(prefix) for prefix in (sys.prefix, sys.base_prefix)}
    saved = list(sys.path)

    def under(path: str, folder: str) -> bool:
        return path == folder or path.startswith(folder + os.sep)

    def from_kamus(entry: str) -> bool:  # the running Python's own packages stay, even in a .venv there
        path = os.path.realpath(entry or os.getcwd())
        return under(path, real) and not any(under(path, prefix) for prefix in installed)

    sys.path[:] = [entry for entry in sys.path if not from_kamus(entry)]
    try:
        yield
    finally:
        sys.path[:] = saved


def run_mkdocs(config_file: Path, site_dir: Path, root: Path, epoch: int | None = None, dirty: bool = False) -> None:
    """A real, strict `mkdocs build`; any MkDocs warning fails the build. ``dirty`` (the live
    preview) rebuilds only pages whose Markdown is newer than their HTML, and is not strict
    (MkDocs warns about every dirty build)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        with _environment("SOURCE_DATE_EPOCH", source_date_epoch(root) if epoch is None else str(epoch)), \
                without_root_on_path(root):
            config = load_config(str(config_file), site_dir=str(site_dir), strict=not dirty)
            build(config, dirty=dirty)
    except MkDocsException as exc:
        detail = "; ".join(map(_untraced, collector.messages)) or _untraced(str(exc))
        raise BuildError(f"mkdocs build gagal: {detail}") from exc
    except Exception as exc:  # a Markdown extension or plugin failed while MkDocs ran it
        where = "; ".join(map(_untraced, collector.messages))
        raise BuildError(f"mkdocs build gagal: {_extension_problem(exc)}" + (f" ({where})" if where else "")) from exc
    finally:
        logger.removeHandler(collector)


def _untraced(message: str) -> str:
    """A message of MkDocs without the Python traceback it may carry: its first and last line."""
    lines = [line for line in message.strip().splitlines() if line.strip()]
    if any(line.lstrip().startswith('File "') for line in lines):
        return f"{lines[0]} {lines[-1]}"
    return message.strip()


def _extension_problem(exc: Exception) -> str:
    """What an exception from inside MkDocs (a Markdown extension, a plugin) means to the operator."""
    name = type(exc).__name__
    if name == "SnippetMissingError":
        return (f"berkas yang diminta pymdownx.snippets tidak ada ({exc}); periksa `auto_append`, `auto_prepend` dan "
                "`base_path` di mkdocs.yml kamus.")
    frames = traceback.extract_tb(exc.__traceback__)
    where = Path(frames[-1].filename) if frames else Path("?")
    packages = [part for part in where.parts if part in ("site-packages", "dist-packages")]
    culprit = (f"paket `{where.parts[where.parts.index(packages[-1]) + 1]}`" if packages else f"berkas `{where.name}`")
    return (f"{culprit} (ekstensi Markdown, plugin atau hook yang disebut mkdocs.yml) gagal: {name}: {exc}. "
            "Periksa pengaturannya di mkdocs.yml kamus, atau hapus pengaturan itu.")


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
            check_site(site, snapshot_numbers(project))  # nothing personal, no link: else the old site stays
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
