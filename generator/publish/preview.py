"""`kamus serve`: live preview with MkDocs' dev server.

The generated project's mkdocs.yml names ``serve_hook.py`` as a hook. Before every
(re)build the hook re-validates and re-renders the kamus into the project folder,
writing only files that changed; MkDocs watches the YAML folders and the templates and
reloads the browser. When the data has errors the last good pages stay and every page
shows the findings at the top, so a broken file never stops the server.

The preview's state lives in its project folder (which kamus root it shows) and in the
:class:`Preview` object of the current build: nothing is process-wide.
"""

from __future__ import annotations

import errno
import json
import tempfile
from pathlib import Path

from markupsafe import escape

from ..errors import KamusError, UsageError, ValidationFailed
from ..outputs import write_tree
from ..project import Project
from ..render.templates import TEMPLATES
from ..report import text as text_report
from .site import render_project

HOOK = Path(__file__).with_name("serve_hook.py")
STATE_FILE = ".kamus-preview.json"  # in the project folder: the kamus root it previews


class Preview:
    """One preview project folder and the problem of its latest refresh."""

    def __init__(self, root: Path, project: Path, allow_code: bool = False):
        self.root, self.project, self.allow_code = Path(root), Path(project), allow_code
        self.problem = ""

    @classmethod
    def of_project(cls, project: Path) -> "Preview":
        state = json.loads((Path(project) / STATE_FILE).read_text("utf-8"))
        return cls(Path(state["root"]), Path(project), state.get("izinkan_kode", False))

    def render(self) -> dict[str, bytes]:
        files = render_project(Project.open(self.root), extra_config={"hooks": [str(HOOK)]}, workers=1,
                               allow_code=self.allow_code, lampiran=False)
        files[STATE_FILE] = json.dumps({"root": str(self.root), "izinkan_kode": self.allow_code}).encode("utf-8")
        return files

    def refresh(self) -> None:
        """Re-render the kamus into the project folder; remember the problem when there is one."""
        try:
            files = self.render()
        except ValidationFailed as failed:
            self.problem = text_report(failed.report)
            return
        except (KamusError, OSError, ValueError) as exc:  # e.g. a template error while editing
            self.problem = f"{type(exc).__name__}: {exc}"
            return
        self.problem = ""
        write_tree(self.project, files)

    def banner(self) -> str:
        """An HTML block naming the current problem, or '' when the data is fine."""
        if not self.problem:
            return ""
        return ('<div class="admonition failure"><p class="admonition-title">Data kamus berisi galat: '
                'halaman ini menampilkan versi terakhir yang valid</p>'
                f'<pre>{escape(self.problem)}</pre></div>\n\n')


def serve(root=".", dev_addr: str = "127.0.0.1:8000", open_browser: bool = False, allow_code: bool = False) -> None:
    """Serve a live preview of the kamus at ``root`` until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    root = Path(root).resolve()
    with tempfile.TemporaryDirectory(prefix="kamus-serve-") as tmp:
        preview = Preview(root, Path(tmp) / "project", allow_code)
        write_tree(preview.project, preview.render())  # errors at start-up stop here
        watch = [str(p) for p in (root / "competencies", root / "positions", root / "development", root / "kamus.yaml",
                                  TEMPLATES)
                 if p.exists()]
        try:
            mkdocs_serve(config_file=str(preview.project / "mkdocs.yml"), livereload=True, watch=watch,
                         dev_addr=dev_addr, open_in_browser=open_browser)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UsageError(f"alamat {dev_addr} sedang dipakai program lain; pilih alamat lain dengan "
                                 "--dev-addr HOST:PORT, misalnya --dev-addr 127.0.0.1:8001.") from None
            raise
