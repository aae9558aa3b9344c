"""Where the tool's own files are: schemas/, site_templates/ and the base mkdocs.yml.

In a checkout (or `pip install -e .`) they sit next to the package; a regular install
(for example through the pre-commit hook) puts them under ``<prefix>/share/kamus``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[1]
_INSTALLED = Path(sys.prefix) / "share" / "kamus"


def resource(name: str) -> Path:
    checkout = _CHECKOUT / name
    return checkout if checkout.exists() or not (_INSTALLED / name).exists() else _INSTALLED / name
