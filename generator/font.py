"""The typeface of the Lampiran PDF, and which characters it can print.

The PDF embeds DejaVu Serif (regular and bold, ``fonts/`` in the tool's own files, from
Debian's fonts-dejavu-core 2.37; Bitstream Vera licence, free to redistribute): Latin with
every diacritic Indonesian names and loanwords use, Greek, Cyrillic, typographic quotes and
dashes, and the mathematical signs a kamus writes (≥, ≤, √, ±). Shipping the files with the
tool means every machine (a CI runner, a BKPSDM laptop on Windows) prints the same
characters and the same PDF bytes, with nothing else to install.

A character outside both faces cannot be printed: the validator warns about it
(LAMPIRAN-KARAKTER) and the PDF prints its code, e.g. ``[U+4E2D]``, never a box or ``?``.
The coverage is read from the fonts' own character maps (a few milliseconds, once), so
validation does not load ReportLab.
"""

from __future__ import annotations

import struct
import unicodedata
from functools import lru_cache
from pathlib import Path

from .resources import resource

REGULAR, BOLD = "fonts/DejaVuSerif.ttf", "fonts/DejaVuSerif-Bold.ttf"
FAMILY = "DejaVu Serif"


def font_path(name: str) -> Path:
    return resource(name)


def _cmap(data: bytes) -> set[int]:
    """The code points a TrueType font maps to a glyph (cmap format 12, else format 4)."""
    tables = struct.unpack_from(">H", data, 4)[0]
    offset = next(struct.unpack_from(">4sIII", data, 12 + 16 * i)[2] for i in range(tables)
                  if struct.unpack_from(">4s", data, 12 + 16 * i)[0] == b"cmap")
    count = struct.unpack_from(">H", data, offset + 2)[0]
    subtables = {}
    for i in range(count):
        platform, encoding, sub = struct.unpack_from(">HHI", data, offset + 4 + 8 * i)
        subtables[(platform, encoding)] = offset + sub
    codes: set[int] = set()
    if (3, 10) in subtables:  # format 12: groups of (first, last, glyph)
        start = subtables[(3, 10)]
        groups = struct.unpack_from(">I", data, start + 12)[0]
        for g in range(groups):
            first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * g)
            codes.update(range(first, last + 1))
        return codes
    start = subtables[(3, 1)]  # format 4: segments of 16-bit codes
    segments = struct.unpack_from(">H", data, start + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, start + 14)
    starts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
    range_at = start + 16 + 6 * segments
    offsets = struct.unpack_from(f">{segments}H", data, range_at)
    for i, (first, last) in enumerate(zip(starts, ends)):
        for code in range(first, min(last, 0xFFFE) + 1):
            if offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                at = range_at + 2 * i + offsets[i] + 2 * (code - first)
                glyph = struct.unpack_from(">H", data, at)[0]
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                codes.add(code)
    return codes


@lru_cache(maxsize=1)
def coverage() -> frozenset[int]:
    """The code points both faces (regular and bold) can print."""
    regular, bold = (_cmap(font_path(name).read_bytes()) for name in (REGULAR, BOLD))
    return frozenset(regular & bold)


def missing(text: str) -> list[str]:
    """The characters of ``text`` the Lampiran's font cannot print, in order of first use
    (white space is laid out, not printed; upper case counts too: headings are capitals)."""
    if text.isascii() and text.isprintable():
        return []
    covered, found = coverage(), []
    for char in dict.fromkeys(text):
        if char.isspace() or char in found:
            continue
        if ord(char) not in covered or any(ord(c) not in covered for c in char.upper()):
            found.append(char)
    return found


def describe(char: str) -> str:
    """``char`` for a message: the character, its code and its Unicode name."""
    name = unicodedata.name(char, "")
    return f"`{char}` (U+{ord(char):04X}{' ' + name if name else ''})"


def placeholder(char: str) -> str:
    """What the PDF prints for a character the font lacks: its code, visibly."""
    return f"[U+{ord(char):04X}]"


def printable(text: str) -> str:
    """``text`` with every character the font lacks replaced by its code (white space kept)."""
    if text.isascii():
        return text
    covered = coverage()
    if all(ord(char) in covered or char.isspace() for char in text):
        return text
    return "".join(char if ord(char) in covered or char.isspace() else placeholder(char) for char in text)
