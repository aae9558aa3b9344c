"""Kamus: competency dictionary and job competency standards as validated YAML.

Pipeline: ``load`` (strict YAML) → ``check`` (schema, then cross-file rules) →
``model`` (dataclasses) → render and build (the site). ``api`` is the library surface.
"""

from .api import load_kamus, validate
from .errors import KamusError, UsageError, ValidationFailed

__version__ = "0.1.0"
__all__ = ["KamusError", "UsageError", "ValidationFailed", "load_kamus", "validate"]
