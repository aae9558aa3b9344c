"""Names a module offers but imports only when first used: each command then loads only the
stages it runs (the pre-commit hook's `kamus validate` starts without the site, diff,
workbook and Lampiran code)."""

from __future__ import annotations

import importlib


def lazy_attributes(package: str, names: dict[str, str]):
    """A module ``__getattr__``: attribute ``name`` comes from module ``names[name]`` (relative
    to ``package``), imported on first use."""

    def __getattr__(name: str):
        if name in names:
            return getattr(importlib.import_module(names[name], package), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
