"""Kamus: competency dictionary and job competency standards as validated YAML.

Pipeline: ``load`` (strict YAML) → ``check`` (schema, then cross-file rules) →
``model`` (dataclasses) → ``render`` (pages) → ``publish`` (MkDocs), driven by a
:class:`~generator.project.Project`; ``talent`` and ``diff`` reuse the same model.
``api`` is the library surface; ``cli`` is a thin layer over it.
"""

from .errors import KamusError, UsageError, ValidationFailed
from .version import __version__

__all__ = ["KamusError", "UsageError", "ValidationFailed", "__version__", "load_kamus", "validate"]


def __getattr__(name: str):
    """``generator.validate`` and ``generator.load_kamus`` from the API, imported when first
    used (a command imports only the stages it runs)."""
    if name in ("load_kamus", "validate"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'generator' has no attribute {name!r}")
