"""Where commands may write: the guards that keep every output away from someone's files.

No command rewrites a source file or a folder it did not make. `kamus build` and
`kamus render` mark the folders they make and replace only those; the restricted talent
report is never written inside a published site.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .errors import OutputError
from .kinds import DATA_FOLDERS

SITE_MARKER = ".kamus-site"  # marks a folder that `kamus build` made and may replace
PROJECT_MARKER = ".kamus-markdown"  # likewise for `kamus render`
STAGING_PREFIX = ".kamus-build-"  # a built site waiting to be swapped in (next to the output)
PROTECTED = DATA_FOLDERS + ("schemas", "site_templates", ".git")  # never an output, never inside one


def check_output(root: Path, output: Path, marker: str = SITE_MARKER) -> None:
    """Refuse an output folder whose replacement could lose someone's files."""
    root, output = Path(root).resolve(), Path(output).resolve()
    if output == root or root.is_relative_to(output):
        raise OutputError(f"folder keluaran '{output}' berisi folder kamus itu sendiri; pilih folder lain.")
    for protected in PROTECTED:
        if output.is_relative_to(root / protected):
            raise OutputError(f"folder keluaran '{output}' berada di dalam {protected}/; pilih folder lain.")
    if output.exists() and (not output.is_dir() or (any(output.iterdir()) and not (output / marker).exists())):
        raise OutputError(f"folder keluaran '{output}' sudah ada dan bukan hasil Kamus; "
                          "Kamus tidak menimpanya. Hapus sendiri atau pilih folder lain.")


def check_private_output(root: Path | None, folder: Path) -> None:
    """Refuse a folder for the restricted (RAHASIA) report: never inside the kamus root (later
    runs would read the files, git would show them and a commit would publish personal data),
    never inside a built site, never an existing file."""
    folder = Path(folder).resolve()
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"'{folder}' adalah berkas, bukan folder; pilih folder untuk laporan terbatas.")
    if inside_site(folder):
        raise OutputError(f"'{folder}' berada di dalam folder situs; laporan bernama tidak boleh ikut diterbitkan.")
    if root is None:
        return
    root = Path(root).resolve()
    if folder.is_relative_to(root) or root.is_relative_to(folder):
        raise OutputError(f"'{folder}' berada di dalam folder kamus '{root}'; laporan bernama (data pribadi) tidak "
                          "boleh masuk repositori kamus. Tulis ke folder lain di luar repositori, misalnya "
                          "folder kerja BKPSDM yang tidak dibagikan.")


def clean_stale_staging(parent: Path) -> None:
    """Remove staged sites that a killed `kamus build` left next to its output."""
    for path in Path(parent).glob(f"{STAGING_PREFIX}*"):
        pid = path.name[len(STAGING_PREFIX):].split("-", 1)[0]
        if path.is_dir() and not path.is_symlink() and not _running(pid):
            shutil.rmtree(path, ignore_errors=True)


def _running(pid: str) -> bool:
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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


def write_file(root: Path, output: Path, data: bytes, suffixes: tuple[str, ...]) -> Path:
    """Write one output file atomically (a temporary file renamed into place), never into
    a data folder of the kamus and only with one of ``suffixes``."""
    root, output = Path(root).resolve(), Path(output).resolve()
    if output.suffix.lower() not in suffixes:
        raise OutputError(f"berkas keluaran '{output.name}' harus berakhiran {' atau '.join(suffixes)}.")
    for protected in PROTECTED:
        if output.is_relative_to(root / protected):
            raise OutputError(f"berkas keluaran '{output}' berada di dalam {protected}/; pilih folder lain.")
    if output.is_dir():
        raise OutputError(f"'{output}' adalah folder; sebutkan nama berkas, misalnya {output / ('hasil' + suffixes[0])}.")
    if not output.parent.is_dir():
        raise OutputError(f"folder '{output.parent}' tidak ada; buat dulu atau pilih folder lain.")
    temporary = output.with_name(f".{output.name}.kamus-tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, output)
    finally:
        temporary.unlink(missing_ok=True)
    return output
