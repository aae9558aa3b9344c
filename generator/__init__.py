"""Kamus: competency dictionary and job competency standards as validated YAML.

Pipeline: ``load`` (YAML as plain data) → ``check`` (schema, then cross-file rules) →
``model`` (dataclasses) → ``render`` (pages) → ``publish`` (MkDocs), driven by a
:class:`~generator.project.Project`; ``talent`` and ``diff`` reuse the same model.
``api`` is the library surface; ``cli`` is a thin layer over it.
"""

from .errors import KamusError, UsageError, ValidationFailed
from .lazy import lazy_attributes
from .version import __version__

__all__ = ["KamusError", "UsageError", "ValidationFailed", "__version__", "load_kamus", "validate"]


__getattr__ = lazy_attributes(__package__, {"load_kamus": ".api", "validate": ".api"})
