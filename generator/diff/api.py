"""`kamus diff` as a library call."""

from __future__ import annotations

from pathlib import Path

from . import lenient
from .compare import Change, compare
from .impact import Impact, impact
from .source import read_version


def latest_snapshot(root: Path):
    """The latest snapshot of the working tree's kamus, when both are sound (else None)."""
    from ..check import check_root
    from ..errors import KamusError

    try:
        kamus, report = check_root(root)
    except KamusError:
        return None
    good = [s for s in kamus.snapshots if not s.failed()] if not report.failed() else []
    return max(good, key=lambda s: s.periode) if good else None


def diff(root, old: str, new: str, with_impact: bool = True) -> tuple[list[Change], Impact]:
    root = Path(root)
    before = lenient.read(read_version(root, old))
    after = lenient.read(read_version(root, new))
    changes = compare(before, after)
    return changes, impact(changes, after, latest_snapshot(root) if with_impact else None)
