"""A file that kamus.yaml names (the instansi logo), read once through the source's guards.

The checks judge it and the site publishes it from the same bytes: :mod:`generator.check`
reads no file itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from .source import FileSource


@dataclass(frozen=True)
class NamedFile:
    """``path`` as the settings wrote it: whether it stays inside the kamus root, whether it
    is a file there, why it could not be read (``error``), its size and its first bytes
    (``data``: at most the limit + 1, so that a file over the limit is known to be one)."""

    path: str
    inside: bool = True
    found: bool = True
    error: str = ""
    size: int = 0
    data: bytes = b""


def read_named(source: FileSource, path: str, limit: int) -> NamedFile:
    if not source.inside(path):
        return NamedFile(path, inside=False, found=False)
    if not source.is_file(path):
        return NamedFile(path, found=False)
    try:
        return NamedFile(path, size=source.size(path), data=source.read(path, limit=limit))
    except OSError as exc:
        return NamedFile(path, error=str(exc.strerror or exc))
