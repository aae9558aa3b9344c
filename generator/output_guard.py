"""Where commands may write: the guards that keep every output away from someone's files.

No command rewrites a source file or a folder it did not make. `kamus build` and
`kamus render` mark the folders they make and replace only those; the restricted talent
report is never written inside a published site.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import re
import secrets
import shutil
import stat
from pathlib import Path

from .errors import OutputError
from .kinds import DATA_FOLDERS

SITE_MARKER = ".kamus-site"  # marks a folder that `kamus build` made and may replace
PROJECT_MARKER = ".kamus-markdown"  # likewise for `kamus render`
STAGING_PREFIX = ".kamus-build-"  # a built site waiting to be swapped in (next to the output)
PROTECTED = DATA_FOLDERS + ("schemas", "site_templates", ".git")  # never an output, never inside one


def check_output(root: Path, output: Path, marker: str = SITE_MARKER) -> None:
    """Refuse an output folder whose replacement could lose someone's files, and one reached
    through a symbolic link (the link itself, or a folder of the kamus on the way to it)."""
    given, top = Path(os.path.abspath(output)), Path(os.path.abspath(root))
    below = given.relative_to(top).parts if given.is_relative_to(top) else ()
    for step in [given] + [top.joinpath(*below[:i]) for i in range(1, len(below))]:
        if step.is_symlink():
            raise link_refused(step)
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
    never inside a built site, never an existing file, never a symbolic link."""
    if Path(os.path.abspath(folder)).is_symlink():
        raise link_refused(os.path.abspath(folder))
    folder = Path(folder).resolve()
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"'{folder}' adalah berkas, bukan folder; pilih folder untuk laporan terbatas.")
    if inside_site(folder):
        raise OutputError(f"'{folder}' berada di dalam folder situs; laporan bernama tidak boleh ikut diterbitkan.")
    if root is not None and Path(root).resolve().is_relative_to(folder):
        raise OutputError(f"'{folder}' berisi folder kamus '{Path(root).resolve()}'; pilih folder lain di luar "
                          "repositori, misalnya folder kerja BKPSDM yang tidak dibagikan.")
    _refuse_inside_kamus(root, folder)


def _refuse_inside_kamus(root: Path | None, path: Path) -> None:
    """Named results (personal data) never go into the kamus repository: later runs would read
    them, git would show them and a commit would publish them."""
    if root is not None and path.is_relative_to(Path(root).resolve()):
        raise OutputError(f"'{path}' berada di dalam folder kamus '{Path(root).resolve()}'; laporan bernama (data "
                          "pribadi) tidak boleh masuk repositori kamus. Tulis ke folder lain di luar repositori, "
                          "misalnya folder kerja BKPSDM yang tidak dibagikan.")


def clean_stale_staging(parent: Path) -> None:
    """Remove staged sites that a killed `kamus build` left next to its output (a folder of that
    name without the site marker is someone else's and stays)."""
    for path in Path(parent).glob(f"{STAGING_PREFIX}*"):
        pid = path.name[len(STAGING_PREFIX):].split("-", 1)[0]
        if path.is_dir() and not path.is_symlink() and (path / SITE_MARKER).is_file() and not _running(pid):
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


# --- writing: never through a symbolic link -----------------------------------------------
#
# Every file a command writes goes through the functions below. The bytes go to a new file
# with an unpredictable name, created exclusively (O_EXCL, which also refuses a link at that
# name) in the target's own folder, and are then renamed over the target: a reader never
# sees half a file, and a hard link at the target is replaced, never written through. A
# symbolic link at the target, or at a folder between the base (the kamus root, an output
# folder) and the target, is refused with a message; where the platform allows it, the
# folders are opened one by one with O_NOFOLLOW and every operation is done relative to
# the opened folder, so a link swapped in while Kamus runs is not followed either.

TEMP_SUFFIX = ".kamus-tmp"
TEMP_NAME = re.compile(r"\..+\.[0-9a-f]{16}\.kamus-tmp\Z")  # what temp_name() makes
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_FLAGS = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_AT = {os.open, os.stat, os.mkdir, os.unlink, os.rename} <= os.supports_dir_fd and hasattr(os, "O_DIRECTORY")


def temp_name(name: str) -> str:
    """An unpredictable hidden name for a file on its way to ``name`` in the same folder."""
    return f".{name}.{secrets.token_hex(8)}{TEMP_SUFFIX}"


def link_refused(path) -> OutputError:
    return OutputError(f"'{path}' adalah tautan simbolik; Kamus tidak menulis melalui tautan simbolik (yang "
                       "ditunjuknya bisa berada di luar folder kamus). Hapus tautannya atau pilih tempat lain.")


class Folder:
    """A folder reached without following links (see :func:`open_folder`); every operation
    names an entry of the folder and never follows a link at that name."""

    def __init__(self, path: Path, fd: int | None):
        self.path, self.fd = path, fd

    def _name(self, name: str) -> str:
        return name if self.fd is not None else str(self.path / name)

    def kind(self, name: str) -> str | None:
        """"file", "link", "dir", "other", or None when nothing has that name."""
        try:
            mode = os.stat(self._name(name), dir_fd=self.fd, follow_symlinks=False).st_mode
        except FileNotFoundError:
            return None
        return ("link" if stat.S_ISLNK(mode) else "file" if stat.S_ISREG(mode) else "dir" if stat.S_ISDIR(mode)
                else "other")

    def require_file(self, name: str) -> bool:
        """True when ``name`` is a regular file, False when it does not exist; refused otherwise."""
        kind = self.kind(name)
        if kind == "link":
            raise link_refused(self.path / name)
        if kind not in (None, "file"):
            raise OutputError(f"'{self.path / name}' bukan berkas biasa (folder, perangkat atau pipa); "
                              "pilih nama berkas lain.")
        return kind == "file"

    def read(self, name: str) -> bytes | None:
        """The bytes of the regular file ``name`` (None when it does not exist, or is a link, a
        pipe or a device: opened without waiting for a writer)."""
        try:
            fd = os.open(self._name(name), os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _FLAGS, dir_fd=self.fd)
        except OSError:
            return None
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            return handle.read()

    def create(self, name: str):
        """A new file ``name`` open for writing (binary); fails when anything has that name."""
        fd = os.open(self._name(name), os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _FLAGS, 0o666,
                     dir_fd=self.fd)
        return os.fdopen(fd, "wb")

    def write_new(self, name: str, data: bytes, durable: bool = False) -> None:
        with self.create(name) as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())

    def replace(self, source: str, target: str) -> None:
        os.replace(self._name(source), self._name(target), src_dir_fd=self.fd, dst_dir_fd=self.fd)

    def rmdir(self, name: str) -> None:
        os.rmdir(self._name(name), dir_fd=self.fd)

    def open_raw(self, name: str, flags: int, mode: int = 0o666) -> int:
        """``os.open`` of ``name`` in this folder, never through a link."""
        return os.open(self._name(name), flags | _NOFOLLOW | _FLAGS, mode, dir_fd=self.fd)

    def unlink(self, name: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._name(name), dir_fd=self.fd)

    def put(self, name: str, data: bytes, durable: bool = False) -> None:
        """``name`` holds ``data``: written new, or through a temporary file renamed over it."""
        if not self.require_file(name) and not durable:
            with contextlib.suppress(FileExistsError):  # made meanwhile: go the safe way below
                self.write_new(name, data)
                return
        temporary = temp_name(name)
        self.write_new(temporary, data, durable)
        try:
            self.replace(temporary, name)
        except BaseException:
            self.unlink(temporary)
            raise

    def sync(self) -> None:
        """Make renames in this folder durable (where the platform can)."""
        if self.fd is not None:
            os.fsync(self.fd)


@contextlib.contextmanager
def open_folder(base, parts=(), create: bool = False, made: list | None = None):
    """The folder ``base``/``parts`` as a :class:`Folder`: ``base`` is trusted (the operator
    named it); no part below it may be a symbolic link. With ``create``, missing folders are
    made (and appended to ``made``)."""
    path = Path(base)
    if not _AT:
        for part in parts:
            path = path / part
            if path.is_symlink():
                raise link_refused(path)
            if create and not path.exists():
                path.mkdir()
                if made is not None:
                    made.append(path)
        yield Folder(path, None)
        return
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | _FLAGS)
    try:
        for part in parts:
            path = path / part
            if create:
                try:
                    os.mkdir(part, dir_fd=fd)
                    if made is not None:
                        made.append(path)
                except FileExistsError:
                    pass
            try:
                child = os.open(part, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW | _FLAGS, dir_fd=fd)
            except OSError as exc:
                if os.path.islink(path):
                    raise link_refused(path) from None
                if exc.errno == errno.ENOTDIR:
                    raise OutputError(f"'{path}' adalah berkas, bukan folder; pindahkan atau pilih tempat lain.") \
                        from None
                raise
            os.close(fd)
            fd = child
        yield Folder(path, fd)
    finally:
        os.close(fd)


def _place(path, within) -> tuple[Path, tuple[str, ...], str]:
    """(base, folders below it, name) of ``path``: below ``within`` when it lies inside it."""
    path = Path(os.path.abspath(path))
    if within is not None:
        within = Path(os.path.abspath(within))
        if path.parent == within or path.parent.is_relative_to(within):
            return within, path.parent.relative_to(within).parts, path.name
    return path.parent, (), path.name


def replace_file(path, data: bytes, within=None) -> Path:
    """Write ``data`` to ``path`` atomically, never through a link. Folders below ``within``
    (the kamus root, an output folder) must not be links and are made when missing; the
    folders above are the operator's and must exist."""
    base, parts, name = _place(path, within)
    with open_folder(base, parts, create=bool(parts)) as folder:
        folder.require_file(name)
        temporary = temp_name(name)
        folder.write_new(temporary, data)
        try:
            folder.replace(temporary, name)
        except BaseException:
            folder.unlink(temporary)
            raise
    return base.joinpath(*parts, name)


@contextlib.contextmanager
def atomic_writer(path, within=None):
    """A binary file to write ``path`` in pieces: in place (renamed) only when the block ends
    without an exception, never through a link."""
    base, parts, name = _place(path, within)
    with open_folder(base, parts, create=bool(parts)) as folder:
        folder.require_file(name)
        temporary = temp_name(name)
        try:
            with folder.create(temporary) as handle:
                yield handle
            folder.replace(temporary, name)
        except BaseException:
            folder.unlink(temporary)
            raise


def write_tree(folder: Path, files: dict[str, bytes], clean: bool = True) -> set[str]:
    """Make ``folder`` hold ``files`` (and, when ``clean``, nothing else); write only what
    changed, never through a link. Returns the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    changed = set()
    def parent_of(rel: str) -> str:
        return rel.rpartition("/")[0]

    for parent, names in itertools.groupby(sorted(files, key=parent_of), key=parent_of):
        with open_folder(folder, tuple(parent.split("/")) if parent else (), create=True) as at:
            for rel in names:
                name = rel.rpartition("/")[2]
                if at.read(name) != files[rel]:
                    at.put(name, files[rel])
                    changed.add(rel)
    if clean:
        wanted = set(files)
        for dirpath, dirnames, filenames in os.walk(folder, topdown=False):  # links are never followed
            here = Path(dirpath)
            for name in filenames + [d for d in dirnames if (here / d).is_symlink()]:
                if (here / name).relative_to(folder).as_posix() not in wanted:
                    (here / name).unlink()
            if here != folder and not any(here.iterdir()):
                here.rmdir()
    return changed


def write_file(root: Path, output: Path, data: bytes, suffixes: tuple[str, ...]) -> Path:
    """Write one output file (`kamus export`, `kamus lampiran`) atomically, never into a data
    folder of the kamus, never through a link, and only with one of ``suffixes``."""
    root, output = Path(os.path.abspath(root)), Path(os.path.abspath(output))
    if output.suffix.lower() not in suffixes:
        raise OutputError(f"berkas keluaran '{output.name}' harus berakhiran {' atau '.join(suffixes)}.")
    for protected in PROTECTED:
        if output.resolve().is_relative_to(root.resolve() / protected) or output.is_relative_to(root / protected):
            raise OutputError(f"berkas keluaran '{output}' berada di dalam {protected}/; pilih folder lain.")
    if output.is_dir() and not output.is_symlink():
        raise OutputError(f"'{output}' adalah folder; sebutkan nama berkas, misalnya {output / ('hasil' + suffixes[0])}.")
    if not output.parent.is_dir():
        raise OutputError(f"folder '{output.parent}' tidak ada; buat dulu atau pilih folder lain.")
    return replace_file(output, data, within=root)


def write_private_file(root: Path | None, output: Path, data: bytes, suffixes: tuple[str, ...]) -> Path:
    """Write one RAHASIA document (the komite's Berita Acara, the Lampiran of its penetapan)
    atomically: only with one of ``suffixes``, never inside the kamus repository ``root`` or a
    built site (see :func:`check_private_output`), never through a link."""
    output = Path(os.path.abspath(output))
    if output.suffix.lower() not in suffixes:
        raise OutputError(f"berkas keluaran '{output.name}' harus berakhiran {' atau '.join(suffixes)}.")
    if output.is_dir() and not output.is_symlink():
        raise OutputError(f"'{output}' adalah folder; sebutkan nama berkas, misalnya {output / ('dokumen' + suffixes[0])}.")
    if not output.parent.is_dir():
        raise OutputError(f"folder '{output.parent}' tidak ada; buat dulu atau pilih folder lain.")
    if inside_site(output.parent):
        raise OutputError(f"'{output}' berada di dalam folder situs; dokumen bernama tidak boleh ikut diterbitkan.")
    _refuse_inside_kamus(root, output.resolve())
    return replace_file(output, data)
