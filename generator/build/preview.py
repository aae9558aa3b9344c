"""`kamus serve`: live preview with MkDocs' dev server.

The generated project's mkdocs.yml names ``serve_hook.py`` as a hook. Before every
(re)build the hook re-validates and re-renders the kamus into the project folder,
writing only files that changed; MkDocs watches the YAML folders and the templates and
reloads the browser. When the data has errors the last good pages stay and every page
shows the findings at the top, so a broken file never stops the server.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from markupsafe import escape

from ..errors import KamusError, ValidationFailed
from ..render.pages import TEMPLATES, write_tree
from ..report import text as text_report
from .site import render_project

ROOT_VARIABLE = "KAMUS_SERVE_ROOT"
HOOK = Path(__file__).with_name("serve_hook.py")
_STATE = {"problem": ""}


def refresh(project: Path) -> None:
    """Re-render the kamus into ``project``; remember the problem when there is one."""
    root = Path(os.environ[ROOT_VARIABLE])
    try:
        _, files = render_project(root, extra_config={"hooks": [str(HOOK)]}, parallel=False)
    except ValidationFailed as failed:
        _STATE["problem"] = text_report(failed.report)
        return
    except (KamusError, OSError, ValueError) as exc:  # e.g. a template error while editing
        _STATE["problem"] = f"{type(exc).__name__}: {exc}"
        return
    _STATE["problem"] = ""
    write_tree(project, files)


def banner() -> str:
    """An HTML block naming the current problem, or '' when the data is fine."""
    if not _STATE["problem"]:
        return ""
    return ('<div class="admonition failure"><p class="admonition-title">Data kamus berisi galat: '
            'halaman ini menampilkan versi terakhir yang valid</p>'
            f'<pre>{escape(_STATE["problem"])}</pre></div>\n\n')


def serve(root=".", dev_addr: str = "127.0.0.1:8000", open_browser: bool = False) -> None:
    """Serve a live preview of the kamus at ``root`` until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    root = Path(root).resolve()
    os.environ[ROOT_VARIABLE] = str(root)
    with tempfile.TemporaryDirectory(prefix="kamus-serve-") as tmp:
        project = Path(tmp) / "project"
        _, files = render_project(root, extra_config={"hooks": [str(HOOK)]}, parallel=False)  # errors stop here
        write_tree(project, files)
        watch = [str(p) for p in (root / "competencies", root / "positions", root / "kamus.yaml", TEMPLATES)
                 if p.exists()]
        mkdocs_serve(config_file=str(project / "mkdocs.yml"), livereload=True, watch=watch,
                     dev_addr=dev_addr, open_in_browser=open_browser)
