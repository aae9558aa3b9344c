"""Text from YAML is data, never markup: escaping for Markdown and HTML, links, ordering."""

from __future__ import annotations

import posixpath
import re

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


def page_url(md_path: str) -> str:
    """The URL (relative to the site root) of a Markdown page, with directory URLs."""
    stem = md_path[:-3] if md_path.endswith(".md") else md_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def href(from_page: str, to: str, anchor: str = "") -> str:
    """Relative link from page ``from_page`` (a .md path) to a page (.md) or a static file."""
    base = page_url(from_page) or "."
    target = page_url(to) if to.endswith(".md") else to
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if to.endswith(".md"):
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")
