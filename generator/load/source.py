"""Where the files of one kamus version come from: a folder, or a git ref.

Every command reads a kamus through one :class:`FileSource`, so that discovery (which
files are data) is written once and a historic version read from git is treated exactly
like the working tree. Paths are relative to the kamus root with forward slashes; hidden
files and folders (a name starting with ".") are never part of a kamus.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from ..errors import GitError


def _visible(path: str) -> bool:
    return not any(part.startswith(".") for part in path.split("/"))


class FileSource:
    """The files of one kamus version. Subclasses implement :meth:`files` and :meth:`_read`."""

    label: str = ""  # how messages name this version

    def files(self, top: str = "") -> list[str]:
        """Every visible file below ``top`` ("" = the whole root), sorted."""
        raise NotImplementedError

    def read(self, path: str, limit: int | None = None) -> bytes:
        """The bytes of ``path``; at most ``limit`` + 1 bytes when a limit is given (so the
        caller can tell that a file is too large without reading all of it)."""
        raise NotImplementedError

    def is_dir(self, path: str) -> bool:
        prefix = path.rstrip("/") + "/"
        return any(name.startswith(prefix) for name in self.files(path))

    def is_file(self, path: str) -> bool:
        return path in set(self.files(path.rsplit("/", 1)[0] if "/" in path else ""))


class FolderSource(FileSource):
    """A kamus folder on disk (the working tree)."""

    def __init__(self, root):
        self.root = Path(root)
        self.label = str(root)

    def files(self, top: str = "") -> list[str]:
        base = self.root / top if top else self.root
        found = []
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith("."):
                    found.append((Path(dirpath) / name).relative_to(self.root).as_posix())
        return found

    def read(self, path: str, limit: int | None = None) -> bytes:
        with open(self.root / path, "rb") as handle:
            return handle.read(-1 if limit is None else limit + 1)

    def is_dir(self, path: str) -> bool:
        return (self.root / path).is_dir()

    def is_file(self, path: str) -> bool:
        return (self.root / path).is_file()


def git(repo: Path, *args: str, data: bytes | None = None) -> bytes:
    """Run git in ``repo``; a failure becomes a :class:`GitError` in Bahasa Indonesia."""
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], input=data, capture_output=True, check=False,
                              timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"git tidak dapat dijalankan: {exc}") from exc
    if done.returncode:
        detail = done.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"git {' '.join(args[:2])} gagal: {detail}")
    return done.stdout


def resolve_commit(repo: Path, ref: str) -> str:
    """The commit id of ``ref``; an unknown ref is a GitError that names it."""
    try:
        return git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"versi `{ref}` tidak ditemukan di repositori git '{repo}': bukan tag, cabang atau "
                       "commit yang dikenal (untuk tag: jalankan `git fetch --tags`).") from None


class GitSource(FileSource):
    """The files of a git ref, read from git objects: the working tree is never touched."""

    def __init__(self, repo, ref: str):
        self.repo = Path(repo)
        self.ref = ref
        self.label = ref
        self.commit = resolve_commit(self.repo, ref)
        self._blobs: dict[str, str] = {}  # path → blob id
        listing = git(self.repo, "ls-tree", "-r", "-z", "--full-tree", self.commit)
        for item in listing.split(b"\0"):
            if not item:
                continue
            meta, name = item.split(b"\t", 1)
            _, kind, sha = meta.split()
            path = name.decode("utf-8", "replace")
            if kind == b"blob" and _visible(path):
                self._blobs[path] = sha.decode()
        self._cache: dict[str, bytes] = {}

    def files(self, top: str = "") -> list[str]:
        prefix = top.rstrip("/") + "/" if top else ""
        return sorted(p for p in self._blobs if p.startswith(prefix))

    def is_dir(self, path: str) -> bool:
        prefix = path.rstrip("/") + "/"
        return any(p.startswith(prefix) for p in self._blobs)

    def is_file(self, path: str) -> bool:
        return path in self._blobs

    def prefetch(self, paths) -> None:
        """Read many blobs in one `git cat-file --batch` call."""
        wanted = [p for p in paths if p in self._blobs and p not in self._cache]
        if not wanted:
            return
        out = git(self.repo, "cat-file", "--batch", data="".join(f"{self._blobs[p]}\n" for p in wanted).encode())
        offset = 0
        for path in wanted:
            header_end = out.index(b"\n", offset)
            size = int(out[offset:header_end].split()[2])
            start = header_end + 1
            self._cache[path] = out[start:start + size]
            offset = start + size + 1

    def read(self, path: str, limit: int | None = None) -> bytes:
        if path not in self._blobs:
            raise FileNotFoundError(path)
        if path not in self._cache:
            self.prefetch([path])
        data = self._cache[path]
        return data if limit is None else data[:limit + 1]


def open_source(root, ref: str | None = None) -> FileSource:
    """The working tree of ``root``, or the version ``ref`` of the git repository at ``root``."""
    return FolderSource(root) if ref is None else GitSource(root, ref)
