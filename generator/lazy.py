"""Names a module offers but imports only when first used: each command then loads only the
stages it runs (the pre-commit hook's `kamus validate` starts without the site, diff,
workbook and Lampiran code).

This is the only place the package imports by name at run time. Every lazy import is
declared with literal module names relative to the declaring module's ``__package__``, so
that ``tests/test_architecture.py`` reads it like any ``from . import`` and the import
direction holds for lazily imported modules too.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_attributes(package: str, names: dict[str, str]):
    """A module ``__getattr__``: attribute ``name`` comes from module ``names[name]`` (relative
    to ``package``: pass ``__package__``), imported on first use."""

    def __getattr__(name: str):
        if name in names:
            return getattr(importlib.import_module(names[name], package), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__


def lazy_function(package: str, module: str, name: str) -> Callable:
    """The function ``module.name`` (relative to ``package``: pass ``__package__``), imported
    when first called."""

    def call(*args, **kwargs):
        return getattr(importlib.import_module(module, package), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call
