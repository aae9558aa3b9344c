"""Text from YAML is data, never markup: escaping for Markdown and HTML, links, ordering."""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

# The characters Python-Markdown honours a backslash escape for.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
_NATURAL = re.compile(r"(\d+)")


def md(text) -> Markup:
    """``text`` safe for a Markdown context (a heading): no emphasis, link or HTML survives."""
    return Markup(escape(_MD_SPECIAL.sub(r"\\\1", str(text))))


def natural_key(text: str):
    """Sort key so that M.2 comes before M.10."""
    return [int(part) if part.isdigit() else part.lower() for part in _NATURAL.split(text)]


@lru_cache(maxsize=None)
def page_url(md_path: str) -> str:
    """The URL (relative to the site root) of a Markdown page, with directory URLs."""
    stem = md_path[:-3] if md_path.endswith(".md") else md_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@lru_cache(maxsize=4096)
def _parts(url: str) -> tuple[str, ...]:
    return tuple(part for part in url.split("/") if part)


def href(from_page: str, to: str, anchor: str = "") -> str:
    """Relative link from page ``from_page`` (a .md path) to a page (.md) or a static file.

    Both are relative to the site root, so this is plain path arithmetic (a hot path:
    pages of a large kamus hold thousands of links).
    """
    base = _parts(page_url(from_page))
    is_page = to.endswith(".md")
    target = _parts(page_url(to) if is_page else to)
    common = 0
    for a, b in zip(base, target):
        if a != b:
            break
        common += 1
    rel = "/".join(("..",) * (len(base) - common) + target[common:])
    if is_page:
        rel = rel + "/" if rel else "./"
    return rel + (f"#{anchor}" if anchor else "")


BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")


def tanggal(value) -> str:
    """An ISO date ("2024-03-01", or a date) in Indonesian: "1 Maret 2024"; other text as it is."""
    text = str(value or "")
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match or not 1 <= int(match[2]) <= 12:
        return text
    return f"{int(match[3])} {BULAN[int(match[2]) - 1]} {match[1]}"
