"""Read the data files of one kamus version: a git ref (via `git cat-file`) or a folder."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import UsageError

DATA = ("kamus.yaml", "competencies", "positions")


def _git(root: Path, *args, data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=data, capture_output=True, check=False,
                              timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        raise UsageError(f"git tidak dapat dijalankan: {exc}") from exc
    if done.returncode:
        raise UsageError(f"git {' '.join(args[:2])}: {done.stderr.decode('utf-8', 'replace').strip()}")
    return done.stdout


def read_ref(root: Path, ref: str) -> dict[str, bytes]:
    """Every data file at ``ref``, read from git objects (the working tree is not touched)."""
    listing = _git(root, "ls-tree", "-r", "-z", "--full-tree", ref, "--", *DATA)
    entries = []
    for item in listing.split(b"\0"):
        if not item:
            continue
        meta, path = item.split(b"\t", 1)
        _, kind, sha = meta.split()
        if kind == b"blob":
            entries.append((path.decode("utf-8"), sha.decode()))
    if not entries:
        _git(root, "rev-parse", "--verify", f"{ref}^{{commit}}")  # a clear error for an unknown ref
        return {}
    out = _git(root, "cat-file", "--batch", data="".join(f"{sha}\n" for _, sha in entries).encode())
    files, offset = {}, 0
    for path, _ in entries:
        header_end = out.index(b"\n", offset)
        size = int(out[offset:header_end].split()[2])
        start = header_end + 1
        files[path] = out[start:start + size]
        offset = start + size + 1
    return files


def read_folder(folder: Path) -> dict[str, bytes]:
    files = {}
    for name in DATA:
        base = folder / name
        if base.is_file():
            files[name] = base.read_bytes()
        elif base.is_dir():
            for path in sorted(base.rglob("*.yaml")):
                files[path.relative_to(folder).as_posix()] = path.read_bytes()
    return files


def read_version(root: Path, spec: str) -> dict[str, bytes]:
    """``spec`` is a folder (when one exists by that name) or a git ref of the repository at ``root``."""
    folder = Path(spec)
    if folder.is_dir() and (folder / "competencies").is_dir():
        return read_folder(folder)
    return read_ref(Path(root), spec)
