"""Where commands may write: the guards that keep every output away from someone's files.

No command rewrites a source file or a folder it did not make. `kamus build` and
`kamus render` mark the folders they make and replace only those; the restricted talent
report is never written inside a published site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import OutputError

SITE_MARKER = ".kamus-site"  # marks a folder that `kamus build` made and may replace
PROJECT_MARKER = ".kamus-markdown"  # likewise for `kamus render`
DATA_FOLDERS = ("competencies", "positions", "schemas", "site_templates", ".git")


def check_output(root: Path, output: Path, marker: str = SITE_MARKER) -> None:
    """Refuse an output folder whose replacement could lose someone's files."""
    root, output = Path(root).resolve(), Path(output).resolve()
    if output == root or root.is_relative_to(output):
        raise OutputError(f"folder keluaran '{output}' berisi folder kamus itu sendiri; pilih folder lain.")
    for protected in DATA_FOLDERS:
        if output.is_relative_to(root / protected):
            raise OutputError(f"folder keluaran '{output}' berada di dalam {protected}/; pilih folder lain.")
    if output.exists() and (not output.is_dir() or (any(output.iterdir()) and not (output / marker).exists())):
        raise OutputError(f"folder keluaran '{output}' sudah ada dan bukan hasil Kamus; "
                          "Kamus tidak menimpanya. Hapus sendiri atau pilih folder lain.")


def inside_site(folder: Path) -> bool:
    """True when ``folder`` is (inside) a site that `kamus build` made."""
    folder = Path(folder).resolve()
    return any((parent / SITE_MARKER).exists() for parent in [folder, *folder.parents])


def write_tree(folder: Path, files: dict[str, bytes]) -> int:
    """Make ``folder`` hold exactly ``files``; write only what changed. Returns files written."""
    folder = Path(folder)
    written = 0
    for rel, data in files.items():
        target = folder / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    wanted = {folder / rel for rel in files}
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            shutil.rmtree(path)
    return written
