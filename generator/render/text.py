"""Text from YAML is data, never markup: escaping for Markdown and HTML, links, ordering."""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

from ..bahasa import angka, tanggal  # noqa: F401 (re-exported for the templates)

# The characters Python-Markdown honours a backslash escape for.
_MD_SPECIAL = re.compile(r"(?=[\\`*_{}\[\]()#+\-.!])")  # zero-width: a backslash goes before each
_NATURAL = re.compile(r"(\d+)")


def md(text) -> Markup:
    """``text`` safe for a Markdown context (a heading): no emphasis, link or HTML survives."""
    return Markup(escape(_MD_SPECIAL.sub(r"\\", str(text))))


@lru_cache(maxsize=100_000)
def natural_key(text: str) -> tuple:
    """Sort key so that M.2 comes before M.10 (codes are sorted again and again: remembered)."""
    return tuple(int(part) if part.isdigit() else part.lower() for part in _NATURAL.split(text))


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

