"""Write Lampiran documents once: a cache of written files, and several written side by side.

A site with a `riwayat` offers the Lampiran of every enacted version (PDF and DOCX); at
2,000 positions one of them takes 15-20 s to write. The writers are deterministic, so a
document is fully named by its content model and the code that lays it out: the cache
key is a hash of both (plus the library versions), and a cached file is reused as is.
Enacted versions never change, so after the first build only new versions are written.

The cache lives outside every kamus: ``KAMUS_CACHE_DIR``, else ``$XDG_CACHE_HOME/kamus``,
else ``~/.cache/kamus`` (``KAMUS_CACHE_DIR=0`` turns it off). A cache that cannot be
written, or that could hold documents someone else put there (another user's folder, files
from a git repository), is skipped silently: it only saves time. Misses are written in forked processes,
one per CPU (at most four).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import stat
from functools import lru_cache
from pathlib import Path

from ..errors import GitError, OutputError
from ..font import BOLD, REGULAR, font_path
from ..load.source import git
from ..output_guard import open_folder, replace_file
from ..parallel import fork_map
from . import content

KEEP = 48  # cached documents kept (the most recently used)


def cache_dir() -> Path | None:
    configured = os.environ.get("KAMUS_CACHE_DIR")
    if configured == "0":
        return None
    if configured:
        return Path(configured) / "lampiran"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kamus" / "lampiran"


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """The code that lays a Lampiran out: this package's sources, the font, and the writing libraries."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in [*sorted(package.glob("*.py")), package.parent / "font.py",
                 *(font_path(name) for name in (REGULAR, BOLD))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for library in ("python-docx", "reportlab"):
        try:
            digest.update(f"{library}={importlib.metadata.version(library)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(library.encode())
    return digest.hexdigest()


def content_hash(lampiran: content.Lampiran) -> str:
    return hashlib.sha256(repr(lampiran).encode("utf-8")).hexdigest()


def key(lampiran: content.Lampiran, suffix: str, hashed: str | None = None) -> str:
    """The cache name of ``lampiran`` written as ``suffix`` (``hashed``: its content_hash, when known)."""
    digest = hashlib.sha256(_code_hash().encode() + suffix.encode() + (hashed or content_hash(lampiran)).encode())
    return digest.hexdigest() + suffix


def _usable(folder: Path | None) -> Path | None:
    """``folder`` when it can be trusted with documents that go on a site: a real folder
    (made private when new) that no other user can write into and that holds no file from a
    git repository (a kamus repository is untrusted: it could carry forged documents under
    the right names, e.g. when CI keeps the cache in the project folder)."""
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & 0o022 or (hasattr(os, "geteuid") and
                                                                 info.st_uid != os.geteuid()):
        return None
    try:
        if git(folder, "ls-files", "-z", "--", "."):
            return None
    except GitError:
        pass  # no git, or not inside a repository
    return folder


def _read(folder: Path | None, name: str) -> bytes | None:
    if folder is None:
        return None
    with open_folder(folder) as at:
        data = at.read(name)  # never through a link
    if data is not None:
        with contextlib.suppress(OSError):
            os.utime(folder / name, follow_symlinks=False)  # recently used: kept by the pruning
    return data


def _store(folder: Path | None, name: str, data: bytes) -> None:
    if folder is None:
        return
    try:
        replace_file(folder / name, data)
        kept = sorted((p for p in folder.iterdir() if not p.name.startswith(".")),
                      key=lambda p: p.lstat().st_mtime, reverse=True)
        for old in kept[KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, OutputError):
        pass


def _write_one(jobs: list[tuple[content.Lampiran, str]], index: int) -> bytes:
    from . import WRITERS

    lampiran, suffix = jobs[index]
    return WRITERS[suffix](lampiran)


def write_documents(jobs: list[tuple[content.Lampiran, str]], workers: int | None = None) -> list[bytes]:
    """The bytes of each (lampiran, suffix): from the cache, else written (side by side)."""
    folder = _usable(cache_dir())
    hashed = {}  # one Lampiran is written in several formats: its content is hashed once
    for lampiran, _ in jobs:
        if id(lampiran) not in hashed:
            hashed[id(lampiran)] = content_hash(lampiran)
    names = [key(lampiran, suffix, hashed[id(lampiran)]) for lampiran, suffix in jobs]
    found = [_read(folder, name) for name in names]
    first = {}  # two versions with the same content make one document
    for i, name in enumerate(names):
        first.setdefault(name, i)
    missing = [i for i, data in enumerate(found) if data is None and first[names[i]] == i]
    written = fork_map(_write_one, jobs, missing, workers)
    for i, data in zip(missing, written):
        found[i] = data
        _store(folder, names[i], data)
    return [data if data is not None else found[first[names[i]]] for i, data in enumerate(found)]
