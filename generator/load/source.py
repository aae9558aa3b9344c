"""Where the files of one kamus version come from: a folder, or a git version (tag, branch, commit).

Every command reads a kamus through one :class:`FileSource`, so that discovery (which
files are data) is written once and a historic version read from git is treated exactly
like the working tree. Paths are relative to the kamus root with forward slashes; hidden
files and folders (a name starting with ".") are never part of a kamus.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
from pathlib import Path

from ..errors import GitError


def _visible(path: str) -> bool:
    return not any(part.startswith(".") for part in path.split("/"))


class OutsideRoot(OSError):
    """A path that leads out of the kamus root (``..``, an absolute path, or a symbolic link)."""

    def __init__(self, path: str):
        super().__init__(f"`{path}` menunjuk ke luar folder kamus")
        self.strerror = "menunjuk ke luar folder kamus (jalur absolut, `..`, atau tautan simbolik)"


def normalised(path: str) -> str | None:
    """``path`` relative to the root with forward slashes, or None when it leaves the root."""
    path = str(path).replace("\\", "/")
    if not path or path.startswith("/") or (len(path) > 1 and path[1] == ":"):
        return None
    clean = posixpath.normpath(path)
    return None if clean == ".." or clean.startswith("../") or clean == "." else clean


class FileSource:
    """The files of one kamus version. Subclasses implement :meth:`files`, :meth:`read` and
    :meth:`size`; everything else has a default that holds for any source."""

    label: str = ""  # how messages name this version
    root: Path | None = None  # the folder of a working tree; None for a version read from git
    repository: Path | None = None  # the folder of the git repository (or the kamus folder) it comes from
    version: str | None = None  # the git version (tag, branch or commit) as named; None = the working tree
    commit: str | None = None  # the commit id of that version

    def prefetch(self, paths) -> None:
        """Read many files ahead at once where that is cheaper (git); by default nothing."""

    def stamp(self, path: str):
        """What changes when the file's content may have changed (for caches), or None."""
        return None

    def unchanged(self, path: str, stamp) -> bool:
        """True when ``path`` still holds what was read when it had ``stamp`` (so a document
        loaded then can be taken over); by default nothing is known to be unchanged."""
        return False

    def tags(self) -> frozenset[str] | None:
        """The git tags of this source's repository (None: no repository, or no git to ask)."""
        return None

    def files(self, top: str = "") -> list[str]:
        """Every visible file below ``top`` ("" = the whole root), sorted. Symbolic links that
        lead out of the root, and linked folders, are never listed: see :meth:`links`."""
        raise NotImplementedError

    def links(self, top: str = "") -> list[str]:
        """Symbolic links below ``top`` that are not read: to outside the root, or to folders."""
        return []

    def inside(self, path: str) -> bool:
        """True when ``path`` stays inside the root (no ``..``, no absolute path, no link out)."""
        return normalised(path) is not None

    def read(self, path: str, limit: int | None = None) -> bytes:
        """The bytes of ``path``; at most ``limit`` + 1 bytes when a limit is given (so the
        caller can tell that a file is too large without reading all of it)."""
        raise NotImplementedError

    def size(self, path: str) -> int:
        """The size of ``path`` in bytes."""
        raise NotImplementedError

    def is_dir(self, path: str) -> bool:
        prefix = path.rstrip("/") + "/"
        return any(name.startswith(prefix) for name in self.files(path))

    def is_file(self, path: str) -> bool:
        return path in set(self.files(path.rsplit("/", 1)[0] if "/" in path else ""))


class FolderSource(FileSource):
    """A kamus folder on disk (the working tree)."""

    def __init__(self, root):
        self.root = self.repository = Path(root)
        self.label = str(root)
        self._real = os.path.realpath(self.root)
        self._links: dict[str, list[str]] = {}
        self._listed: set[str] = set()  # files listed by files(): already known to stay inside

    def inside(self, path: str) -> bool:
        """Also False for a link into a hidden folder of the root (``.git/config`` holds the
        credentials CI checked out with): hidden files are never part of a kamus."""
        clean = normalised(path)
        if clean is None:
            return False
        real = os.path.realpath(self.root / clean)
        if real == self._real:
            return True
        return real.startswith(self._real + os.sep) and _visible(os.path.relpath(real, self._real).replace(os.sep, "/"))

    def files(self, top: str = "") -> list[str]:
        base = self.root / top if top else self.root
        found, links = [], []
        for dirpath, dirnames, filenames in os.walk(base):
            for name in sorted(d for d in dirnames if not d.startswith(".")):
                if os.path.islink(os.path.join(dirpath, name)):  # never followed (os.walk does not)
                    links.append((Path(dirpath) / name).relative_to(self.root).as_posix())
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                rel = (Path(dirpath) / name).relative_to(self.root).as_posix()
                if os.path.islink(os.path.join(dirpath, name)) and not self.inside(rel):
                    links.append(rel)
                else:
                    found.append(rel)
        self._links[top] = links
        self._listed.update(found)
        return found

    def links(self, top: str = "") -> list[str]:
        if top not in self._links:
            self.files(top)
        return self._links[top]

    def read(self, path: str, limit: int | None = None) -> bytes:
        if path not in self._listed and not self.inside(path):
            raise OutsideRoot(path)
        with open(self.root / path, "rb") as handle:
            return handle.read(-1 if limit is None else limit + 1)

    def size(self, path: str) -> int:
        if not self.inside(path):
            raise OutsideRoot(path)
        return (self.root / path).stat().st_size

    def stamp(self, path: str):
        try:
            info = (self.root / path).stat()
        except OSError:
            return None
        return info.st_size, info.st_mtime_ns, info.st_ino

    def unchanged(self, path: str, stamp) -> bool:
        return stamp is not None and stamp == self.stamp(path)

    def is_dir(self, path: str) -> bool:
        return self.inside(path) and (self.root / path).is_dir()

    def is_file(self, path: str) -> bool:
        return self.inside(path) and (self.root / path).is_file()

    def tags(self) -> frozenset[str] | None:
        return _tags(self.root)


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


def _tags(repo: Path) -> frozenset[str] | None:
    try:
        done = subprocess.run(["git", "-C", str(repo), "tag", "--list"], capture_output=True, check=False, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode:
        return None
    return frozenset(done.stdout.decode("utf-8", "replace").split())


def resolve_commit(repo: Path, version: str) -> str:
    """The commit id of ``version``; an unknown version is a GitError that names it."""
    try:
        return git(repo, "rev-parse", "--verify", "--quiet", f"{version}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"versi `{version}` tidak ditemukan di repositori git '{repo}': bukan tag, cabang atau "
                       "commit yang dikenal (untuk tag: jalankan `git fetch --tags`).") from None


class GitSource(FileSource):
    """The files of a git version, read from git objects: the working tree is never touched."""

    def __init__(self, repository, version: str):
        self.repository = Path(repository)
        self.version = version
        self.label = version
        self.commit = resolve_commit(self.repository, version)
        self._blobs: dict[str, str] = {}  # path → blob id
        self._sizes: dict[str, int] = {}
        self._links: list[str] = []  # symbolic links (mode 120000) are never read
        listing = git(self.repository, "ls-tree", "-r", "-l", "-z", "--full-tree", self.commit)
        for item in listing.split(b"\0"):
            if not item:
                continue
            meta, name = item.split(b"\t", 1)
            mode, kind, sha, size = meta.split()
            path = name.decode("utf-8", "replace")
            if kind == b"blob" and mode == b"120000" and _visible(path):
                self._links.append(path)
            elif kind == b"blob" and _visible(path):
                self._blobs[path] = sha.decode()
                self._sizes[path] = int(size)
        self._cache: dict[str, bytes] = {}

    def files(self, top: str = "") -> list[str]:
        prefix = top.rstrip("/") + "/" if top else ""
        return sorted(p for p in self._blobs if p.startswith(prefix))

    def links(self, top: str = "") -> list[str]:
        prefix = top.rstrip("/") + "/" if top else ""
        return sorted(p for p in self._links if p.startswith(prefix))

    def tags(self) -> frozenset[str] | None:
        return _tags(self.repository)

    def is_dir(self, path: str) -> bool:
        prefix = path.rstrip("/") + "/"
        return any(p.startswith(prefix) for p in self._blobs)

    def is_file(self, path: str) -> bool:
        return path in self._blobs

    def size(self, path: str) -> int:
        return self._sizes[path]

    def prefetch(self, paths) -> None:
        """Read many blobs in one `git cat-file --batch` call."""
        wanted = [p for p in paths if p in self._blobs and p not in self._cache]
        if not wanted:
            return
        out = git(self.repository, "cat-file", "--batch", data="".join(f"{self._blobs[p]}\n" for p in wanted).encode())
        offset = 0
        for path in wanted:
            header_end = out.index(b"\n", offset)
            size = int(out[offset:header_end].split()[2])
            start = header_end + 1
            self._cache[path] = out[start:start + size]
            offset = start + size + 1

    def read(self, path: str, limit: int | None = None) -> bytes:
        if path in self._links:
            raise OutsideRoot(path)
        if path not in self._blobs:
            raise FileNotFoundError(path)
        if path not in self._cache:
            self.prefetch([path])
        data = self._cache[path]
        return data if limit is None else data[:limit + 1]


def commit_time(repo, ref: str = "HEAD") -> int:
    """Seconds since 1970 of the commit ``ref`` of the repository at ``repo`` (0 outside git):
    the one clock of every output, so that rebuilding a version gives identical bytes.
    ``SOURCE_DATE_EPOCH`` from the environment wins, as reproducible-build tools expect."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = git(Path(repo), "log", "-1", "--format=%ct", ref).decode().strip()
    except GitError:
        return 0
    return int(out) if out.isdigit() else 0


def open_source(root, version: str | None = None) -> FileSource:
    """The working tree of ``root``, or ``version`` of the git repository at ``root``."""
    return FolderSource(root) if version is None else GitSource(root, version)


class OverlaySource(FileSource):
    """A folder with planned changes laid over it, without touching the disk: the would-be
    kamus that an import checks before it writes anything. ``writes`` maps paths to their
    new bytes, ``deletes`` are paths that will be gone."""

    def __init__(self, base: FolderSource, writes: dict[str, bytes], deletes=()):
        self.base, self.writes, self.deletes = base, dict(writes), set(deletes) - set(writes)
        self.root, self.repository, self.label = base.root, base.repository, base.label

    def files(self, top: str = "") -> list[str]:
        prefix = top.rstrip("/") + "/" if top else ""
        listed = set(self.base.files(top))
        listed |= {p for p in self.writes if p.startswith(prefix)}
        return sorted(listed - self.deletes)

    def links(self, top: str = "") -> list[str]:
        return self.base.links(top)

    def inside(self, path: str) -> bool:
        return path in self.writes or self.base.inside(path)

    def read(self, path: str, limit: int | None = None) -> bytes:
        if path in self.deletes:
            raise FileNotFoundError(path)
        if path in self.writes:
            data = self.writes[path]
            return data if limit is None else data[:limit + 1]
        return self.base.read(path, limit)

    def size(self, path: str) -> int:
        return len(self.writes[path]) if path in self.writes else self.base.size(path)

    def is_dir(self, path: str) -> bool:
        prefix = path.rstrip("/") + "/"
        return any(p.startswith(prefix) for p in self.files(path.rstrip("/")))

    def is_file(self, path: str) -> bool:
        if path in self.deletes:
            return False
        return path in self.writes or self.base.is_file(path)

    def unchanged(self, path: str, stamp) -> bool:
        """Every file the plan does not write is the base's file as it was loaded."""
        return path not in self.writes and path not in self.deletes

    def tags(self) -> frozenset[str] | None:
        return self.base.tags()
