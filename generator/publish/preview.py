"""`kamus serve`: a live preview that keeps up with a large kamus.

After every save the whole kamus is validated again (files that did not change come from
the previous reading), and only the pages the edit touches are rendered again
(:mod:`generator.publish.incremental`); MkDocs then rebuilds only those pages ("dirty"
build) and their entries replace the old ones in the search index. A change to
kamus.yaml, mkdocs.yml, the templates or the snapshots renders everything again.

When the data has errors the last good pages stay, and every page shows the findings at
the top (a small script reads them from ``kamus-pratinjau.json`` beside the pages), so a
broken file never stops the server; data that is broken at start-up gets a page that
shows the findings until the first good save. State lives in the :class:`Preview` object
that the server's rebuild callback belongs to: nothing is process-wide.
"""

from __future__ import annotations

import errno
import json
import shutil
import tempfile
import time
from pathlib import Path

import jinja2
import yaml

from ..errors import KamusError, UsageError, ValidationFailed
from ..kinds import CONFIG_FILE, DATA_FOLDERS, SNAPSHOTS
from ..load.mkdocs_yaml import MKDOCS_FILE
from ..output_guard import PROJECT_MARKER, replace_file, write_tree
from ..project import Project
from ..render.pages import render_pages
from ..render.templates import TEMPLATES, static_files
from ..render.text import page_url
from ..finding_formats import text as text_report
from .content import site_content
from .incremental import Edit, affected_pages, edit_between, own_pages, talent_touched
from .mkdocs_config import TOOL_BASE, mkdocs_config
from .mkdocs_run import run_mkdocs
from .prepare import prepare

STATUS_FILE = "kamus-pratinjau.json"  # beside the pages: the current problem, read by the banner script
BANNER = "assets/kamus-pratinjau.js"
WATCHED = DATA_FOLDERS + (CONFIG_FILE, MKDOCS_FILE)


class Preview:
    """The preview of one kamus (``working``: its working tree, not read yet): its Markdown
    project and site folders, and what was built last."""

    def __init__(self, working: Project, workdir, allow_code: bool = False, templates: Path = TEMPLATES):
        self.root, self.allow_code, self.templates = working.root.resolve(), allow_code, Path(templates)
        self.project_dir, self.site_dir = Path(workdir) / "project", Path(workdir) / "site"
        self.upcoming = working  # what the next rebuild reads: the last reading, reopened
        self.project: Project | None = None  # the last good load
        self.content = None
        self.pages: set[str] = set()  # docs/… Markdown pages of the last good build
        self.search: dict | None = None  # the full search index of the last good build
        self.outside = None  # stamps of what forces a full render (settings, templates, snapshots)
        self.problem = ""
        self.seconds = 0.0  # how long the last rebuild took
        self.pending: set[str] = set()  # pages of the last edit still to rebuild (a second pass)
        self.request_rebuild = None  # set by the server: asks it for that second pass
        self.site_url = ""

    # --- the rebuild the server calls after every save --------------------------------

    def rebuild(self) -> None:
        started = time.perf_counter()
        project = self.upcoming
        try:
            self.site_url = project.config.situs.url  # readable even when other files are broken
            project.require_valid()
            self._update(project)
            self.problem = ""
        except ValidationFailed as failed:
            self.problem = text_report(failed.report)
        except (KamusError, OSError, ValueError, jinja2.TemplateError) as exc:  # e.g. a template being edited
            self.problem = f"{type(exc).__name__}: {exc}"
        self.upcoming = project.reopened()  # the files read completely are not read again
        if self.content is None:
            self._placeholder()
        self._status()
        self.seconds = time.perf_counter() - started

    def _outside(self) -> tuple:
        """Stamps of the files whose change means: render everything again."""
        stamps = []
        for path in [self.root / name for name in (CONFIG_FILE, MKDOCS_FILE)] + sorted(
                p for folder in (self.root / SNAPSHOTS, self.templates) if folder.is_dir()
                for p in folder.rglob("*") if p.is_file()):
            try:
                info = path.stat()
                stamps.append((str(path), info.st_size, info.st_mtime_ns))
            except OSError:
                stamps.append((str(path), None, None))
        return tuple(stamps)

    def _update(self, project: Project) -> None:
        outside = self._outside()
        full = self.content is None or outside != self.outside
        edit = Edit(everything=True) if full else edit_between(self.project.documents, project.documents)
        if not full and not edit.subjects and not edit.everything:
            self.project = project
            if self.pending:  # the second part of the last edit: the indexes, matrices and related pages
                pending, self.pending = self.pending, set()
                self._pages(project, self.content, pending)
            return
        previous = None if edit.everything else self.content
        prepared = prepare(project, lampiran=False, reuse=previous,
                           talent=previous is None or talent_touched(previous, previous, edit),
                           history=previous is None, data=previous is None)
        content = site_content(project.kamus, project.schemas.schemas, prepared)
        wanted = None if previous is None else affected_pages(previous, content, edit) | self.pending
        self.pending = set()
        if wanted is not None and self.request_rebuild is not None:
            first = wanted & own_pages(edit)  # the edited file's own page reaches the browser first
            if first and wanted - first:
                self.pending = wanted - first
                wanted = first
                self.request_rebuild()
        self._pages(project, content, wanted)
        self.project, self.content, self.outside = project, content, outside

    def _pages(self, project: Project, content, wanted: set[str] | None) -> None:
        """Render ``wanted`` pages (None: all, with the static files and mkdocs.yml) and let MkDocs
        rebuild the ones whose Markdown changed."""
        files = render_pages(content, self.templates, workers=1, wanted=wanted)
        if wanted is None:
            files.update(static_files(content.kamus.config, self.templates))
            files[f"docs/{BANNER}"] = (self.templates / "preview" / "kamus-pratinjau.js").read_bytes()
            files["mkdocs.yml"] = mkdocs_config(content, project, allow_code=self.allow_code, scripts=(BANNER,))
            files[PROJECT_MARKER] = b"Pratinjau `kamus serve`.\n"
        rendered = {path for path in files if path.startswith("docs/") and path.endswith(".md")}
        removed = set() if wanted is None else {p for p in self.pages if p[len("docs/"):] in wanted} - rendered
        changed = self._write(files, removed, clean=wanted is None)
        if wanted is None or "mkdocs.yml" in changed:
            run_mkdocs(self.project_dir / "mkdocs.yml", self.site_dir, self.root)
            self.search = self._read_search()
        elif changed:
            run_mkdocs(self.project_dir / "mkdocs.yml", self.site_dir, self.root, dirty=True)
            self._merge_search({p for p in changed | removed if p.endswith(".md")}, removed)
        self.pages = (self.pages - removed) | rendered if wanted is not None else rendered

    def _write(self, files: dict[str, bytes], removed: set[str], clean: bool) -> set[str]:
        """Write the files whose bytes changed (their new time makes MkDocs rebuild them)."""
        changed = write_tree(self.project_dir, files, clean=clean)
        for rel in removed:
            (self.project_dir / rel).unlink(missing_ok=True)
            shutil.rmtree(self.site_dir / page_url(rel[len("docs/"):]), ignore_errors=True)
        return changed

    def _read_search(self) -> dict | None:
        path = self.site_dir / "search" / "search_index.json"
        return json.loads(path.read_text("utf-8")) if path.is_file() else None

    def _merge_search(self, pages: set[str], removed: set[str]) -> None:
        """A dirty build indexes only the pages it rebuilt: put them into the full index."""
        fresh = self._read_search()
        if self.search is None or fresh is None:
            return
        urls = {page_url(p[len("docs/"):]) for p in pages}
        kept = [doc for doc in self.search["docs"] if doc["location"].split("#", 1)[0] not in urls]
        added = [doc for doc in fresh["docs"] if doc["location"].split("#", 1)[0] in urls]
        self.search["docs"] = kept + added
        replace_file(self.site_dir / "search" / "search_index.json",
                     json.dumps(self.search, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    def _placeholder(self) -> None:
        """No good build yet (the data was broken from the start): one page that shows the problem."""
        config = yaml.safe_load(TOOL_BASE.read_text("utf-8")) or {}
        config.update(site_name="Pratinjau kamus", docs_dir="docs", nav=[{"Pratinjau": "index.md"}],
                      extra_javascript=list(config.get("extra_javascript") or []) + [BANNER])
        files = {"mkdocs.yml": yaml.safe_dump(config, allow_unicode=True).encode("utf-8"),
                 "docs/index.md": "# Data kamus belum dapat ditampilkan\n\nPerbaiki galat yang tercantum di atas; "
                                  "halaman ini diperbarui sendiri setelah berkas disimpan.\n".encode("utf-8"),
                 f"docs/{BANNER}": (self.templates / "preview" / "kamus-pratinjau.js").read_bytes()}
        for rel, path in ((f"docs/assets/{p.name}", p) for p in (self.templates / "assets").glob("*.*")):
            files[rel] = path.read_bytes()
        self._write(files, set(), clean=True)
        run_mkdocs(self.project_dir / "mkdocs.yml", self.site_dir, self.root)

    def _status(self) -> None:
        self.site_dir.mkdir(parents=True, exist_ok=True)
        replace_file(self.site_dir / STATUS_FILE, json.dumps({"galat": self.problem}, ensure_ascii=False).encode("utf-8"))

    def mount_path(self) -> str:
        """The path the site is served under: that of `situs.url`, as on the intranet."""
        url = self.site_url
        path = "/" + url.split("://", 1)[-1].split("/", 1)[1] if url.count("/") > 2 else "/"
        return path if path.endswith("/") else path + "/"


def _request(server) -> None:
    """Ask MkDocs' live-reload server for one more build (its own file watcher does the same)."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


def serve(working: Project, dev_addr: str = "127.0.0.1:8000", allow_code: bool = False, announce=print) -> None:
    """Serve a live preview of the working tree ``working`` until interrupted; ``announce``
    receives the address once the first build is done."""
    from mkdocs.livereload import LiveReloadServer

    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise UsageError(f"--dev-addr `{dev_addr}` harus berbentuk HOST:PORT, misalnya 127.0.0.1:8000.")
    with tempfile.TemporaryDirectory(prefix="kamus-serve-") as tmp:
        preview = Preview(working, tmp, allow_code)
        root = preview.root
        preview.rebuild()
        server = LiveReloadServer(builder=preview.rebuild, host=host, port=int(port), root=str(preview.site_dir),
                                  mount_path=preview.mount_path())
        preview.request_rebuild = lambda: _request(server)
        not_found = preview.site_dir / "404.html"
        server.error_handler = lambda code: not_found.read_bytes() if code == 404 and not_found.is_file() else None
        for name in WATCHED:
            if (root / name).exists():
                server.watch(str(root / name))
        server.watch(str(TEMPLATES))
        try:
            server.server_bind()
        except OSError as exc:
            server.server_close()
            if exc.errno == errno.EADDRINUSE:
                raise UsageError(f"alamat {dev_addr} sedang dipakai program lain; pilih alamat lain dengan "
                                 "--dev-addr HOST:PORT, misalnya --dev-addr 127.0.0.1:8001.") from None
            raise
        announce(f"Pratinjau berjalan di {server.url} — halaman diperbarui sendiri setiap kali berkas kamus "
                 "disimpan. Tekan Ctrl+C untuk berhenti.")
        if preview.problem:
            announce("Data kamus berisi galat; lihat rinciannya di halaman pratinjau atau dengan `kamus validate`.")
        server.server_bind = lambda: None  # bound above, to name a busy port before anything starts
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
