"""Helpers to read a built site: parse HTML with the standard library, find links and URLs."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

RESOURCE_ATTRS = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"),
                  ("source", "srcset"), ("img", "srcset"), ("video", "src"), ("audio", "src"), ("embed", "src"),
                  ("object", "data"), ("form", "action")}
FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch", "preconnect",
                 "dns-prefetch", "modulepreload", "manifest", "prerender"}
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)


class Page(HTMLParser):
    """Elements, attributes and visible text of one HTML page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text_parts: list[str] = []
        self.article_parts: list[str] = []
        self._skip = 0
        self._article = 0
        self._glue = False  # after <wbr>: the next text continues the same word
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag == "wbr":
            self._glue = True
            return
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "article" or self._article:
            self._article += tag == "article" or 0

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag == "article" and self._article:
            self._article -= 1

    def handle_data(self, data):
        glue, self._glue = self._glue, False
        if not self._skip:
            self._add(self.text_parts, data, glue)
            if self._article:
                self._add(self.article_parts, data, glue)

    @staticmethod
    def _add(parts: list[str], data: str, glue: bool) -> None:
        if glue and parts:
            parts[-1] += data
        else:
            parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    @property
    def article(self) -> str:
        """The text of the page's content alone (no navigation, header or footer)."""
        return " ".join(" ".join(self.article_parts).split())

    def links(self) -> list[str]:
        return [attrs["href"] for tag, attrs in self.elements if tag == "a" and attrs.get("href")]


def read(site: Path, url_path: str) -> Page:
    path = site / url_path
    if path.is_dir() or url_path.endswith("/") or url_path == "":
        path = path / "index.html"
    return Page(path.read_text("utf-8"))


def resource_urls(page: Page) -> list[str]:
    """URLs the browser would fetch by itself when showing the page."""
    found = []
    for tag, attrs in page.elements:
        if tag == "link" and not set(attrs.get("rel", "").lower().split()) & FETCHING_RELS:
            continue  # rel=canonical, alternate, …: a name for the page, not a request
        for (t, attr) in RESOURCE_ATTRS:
            if tag == t and attrs.get(attr):
                found.append(attrs[attr])
    return found
