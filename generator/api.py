"""The library API: what the CLI (and other Python code) calls."""

from __future__ import annotations

from .check import check_root
from .errors import ValidationFailed
from .findings import Report
from .model import Kamus


def validate(root=".") -> Report:
    """Every finding for the kamus at ``root`` (raises UsageError when it is no kamus root)."""
    return check_root(root)[1]


def load_kamus(root=".", strict: bool = False) -> Kamus:
    """The model of a kamus that passes validation; raises ValidationFailed otherwise."""
    kamus, report = check_root(root)
    if report.failed(strict):
        raise ValidationFailed(report)
    return kamus
