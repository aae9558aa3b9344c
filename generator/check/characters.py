"""LAMPIRAN-KARAKTER: every character of the Lampiran can be printed in its PDF.

The Lampiran PDF embeds one typeface (:mod:`generator.font`). A character outside it
would print as its code (``[U+4E2D]``) instead of as written, so every text that reaches
the Lampiran is checked: competencies, positions and units (all but their `catatan`) and
the `instansi` and `versi` parts of kamus.yaml. One finding per text, at its value,
naming each character at the line and column where the first of them stands; pure ASCII
text (nearly all of a kamus) is passed over at once. Invisible control characters are not
named here: they are errors of their own (YAML-CONTROL).
"""

from __future__ import annotations

from ..font import FAMILY, describe, missing, placeholder
from ..load import Documents
from ..load.yaml_loader import CONTROL
from ..rules import finding

SHOWN = 5  # characters named per finding


def _printed(path: tuple, kind: str) -> bool:
    """Whether the value at ``path`` of a document of ``kind`` is printed in the Lampiran."""
    if kind == "config":
        return bool(path) and path[0] in ("instansi", "versi") and path[-1] != "logo"
    return "catatan" not in path


def _texts(doc, kind: str):
    """(data path, text) of every string value of ``doc`` the Lampiran prints."""
    for path in doc.values:
        if path and _printed(path, kind):
            value = doc.get(*path)
            if isinstance(value, str):
                yield path, value


def _label(path: tuple) -> str:
    return ".".join(str(step) if isinstance(step, str) else f"[{step}]" for step in path).replace(".[", "[")


def check_characters(documents: Documents) -> list:
    found = []
    groups = [("config", [documents.config] if documents.config else []), ("competency", documents.competencies),
              ("unit", documents.units), ("position", documents.positions)]
    for kind, group in groups:
        for loaded in group:
            doc = loaded.doc
            if doc is None or not isinstance(doc.data, dict):
                continue
            for path, text in _texts(doc, kind):
                chars = [char for char in missing(text) if not CONTROL.match(char)]  # those are YAML-CONTROL
                if not chars:
                    continue
                named = ", ".join(describe(c) for c in chars[:SHOWN])
                more = f" dan {len(chars) - SHOWN} karakter lain" if len(chars) > SHOWN else ""
                found.append(finding(
                    "LAMPIRAN-KARAKTER", doc.path, *doc.where_char(path, chars[0]),
                    f"`{_label(path)}` memuat karakter yang tidak ada pada huruf Lampiran PDF ({FAMILY}): "
                    f"{named}{more}; PDF mencetaknya sebagai kodenya, misalnya {placeholder(chars[0])}"))
    return found
