"""What a kamus's own mkdocs.yml may change, and what it may not.

A kamus repository is untrusted (anyone who can open a pull request writes it), so its
mkdocs.yml passes through an allow-list:

* **code** (MKDOCS-CODE): settings that make MkDocs run or load code or files named by the
  repository — ``hooks``, ``theme.custom_dir``, ``INHERIT``, ``extra_templates``, extra
  CSS/JavaScript, every YAML tag except the emoji/slug/fence functions Material documents,
  every Markdown extension and plugin outside :data:`SAFE_EXTENSIONS` and
  :data:`SAFE_PLUGINS` (``pymdownx.snippets`` reads any file into a page; plugins run code of
  their own), options of safe ones that read files (:data:`FILE_OPTIONS`), and
  ``extra.analytics`` (the site would report its visitors to a service outside).
  `kamus build` refuses them unless the operator opts in (``--izinkan-kode``).
* **ignored** (MKDOCS-KEY): settings Kamus makes itself (site name and address, nav, logo,
  repository, folders), unknown top-level settings, another theme, and any text that could
  carry markup (``<``, ``>``, quotes, backticks) or a ``javascript:``/``data:`` address —
  MkDocs prints configuration text into pages without escaping. ``copyright``,
  ``site_description`` and ``site_author`` are HTML-escaped instead.

:func:`review` finds both; :func:`sanitised` gives the configuration the build may use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import escape

from ..load.mkdocs_yaml import MKDOCS_FILE, Tagged
from ..rules import finding

PASSED = {"theme", "markdown_extensions", "plugins", "copyright", "extra", "validation", "site_description",
          "site_author", "strict"}
ESCAPED = {"copyright", "site_description", "site_author"}
CODE = {"hooks", "INHERIT", "extra_templates", "extra_css", "extra_javascript"}
OUR_ASSETS = {"extra_css": ["assets/kamus.css"], "extra_javascript": ["assets/kamus.js"]}
THEME_CODE = {"custom_dir"}
THEME_MANAGED = {"logo", "favicon"}
PYTHON_NAMES = ("material.extensions.emoji.", "pymdownx.emoji.", "pymdownx.slugs.")
FENCE_FUNCTIONS = {"pymdownx.superfences.fence_code_format", "pymdownx.superfences.fence_div_format",
                   "pymdownx.arithmatex.arithmatex_fenced_format", "pymdownx.arithmatex.arithmatex_inline_format"}
MARKUP = set("<>\"'`")
UNSAFE_URL = re.compile(r"(?:javascript|vbscript|data|file):", re.I)  # after removing spaces and controls
# Markdown extensions that only shape the page: they read no file, fetch nothing and import
# nothing the repository names (their options that take Python objects need a tag: checked).
SAFE_EXTENSIONS = frozenset({
    "abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code", "footnotes", "legacy_em",
    "md_in_html", "meta", "nl2br", "sane_lists", "smarty", "tables", "toc", "wikilinks",
    "pymdownx.arithmatex", "pymdownx.betterem", "pymdownx.blocks.admonition", "pymdownx.blocks.caption",
    "pymdownx.blocks.definition", "pymdownx.blocks.details", "pymdownx.blocks.tab", "pymdownx.caret",
    "pymdownx.critic", "pymdownx.details", "pymdownx.emoji", "pymdownx.escapeall", "pymdownx.extra",
    "pymdownx.fancylists", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.keys", "pymdownx.magiclink",
    "pymdownx.mark", "pymdownx.progressbar", "pymdownx.quotes", "pymdownx.saneheaders", "pymdownx.smartsymbols",
    "pymdownx.striphtml", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.tilde"})
FILE_OPTIONS = {"pymdownx.emoji": (("options", "custom_icons"),)}  # options of safe extensions that read files
# Plugins (installed code) and the options of theirs that touch nothing outside the site.
SEARCH_OPTIONS = frozenset({"enabled", "lang", "separator", "pipeline", "min_search_length", "indexing"})
SAFE_PLUGINS = {"search": SEARCH_OPTIONS, "material/search": SEARCH_OPTIONS, "offline": frozenset({"enabled"}),
                "material/offline": frozenset({"enabled"})}
EXTRA_CODE = {"analytics": "`extra.analytics` mengirim data pengunjung situs ke layanan di luar intranet"}


@dataclass(frozen=True)
class Item:
    rule: str  # MKDOCS-CODE or MKDOCS-KEY
    path: tuple
    message: str


def _allowed_tag(value: Tagged) -> bool:
    name = value.python_name
    return bool(name) and (name.startswith(PYTHON_NAMES) or name in FENCE_FUNCTIONS) \
        and all(p.isidentifier() for p in name.split("."))


def _scan(value, path: tuple, items: list, escaped: bool = False) -> None:
    """Tags and markup-capable text anywhere inside one passed setting."""
    if isinstance(value, Tagged):
        if not _allowed_tag(value):
            items.append(Item("MKDOCS-CODE", path, f"tag `{value.written}` di `{_dotted(path)}` dijalankan MkDocs "
                                                   "saat membaca pengaturan"))
    elif isinstance(value, dict):
        for key, sub in value.items():
            _scan(sub, path + (key,), items, escaped)
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            _scan(sub, path + (index,), items, escaped)
    elif isinstance(value, str) and not escaped and MARKUP & set(value):
        items.append(Item("MKDOCS-KEY", path, f"teks `{_dotted(path)}` berisi karakter markup "
                                              "(<, >, tanda kutip atau backtick); diabaikan"))
    elif isinstance(value, str) and UNSAFE_URL.match(re.sub(r"[\x00-\x20]", "", value)):
        items.append(Item("MKDOCS-KEY", path, f"`{_dotted(path)}` berisi alamat `javascript:`, `data:` atau "
                                              "sejenisnya yang menjalankan skrip saat diklik; diabaikan"))


def _entries(value, path: tuple):
    """(name, options, path of the entry) of a list of Markdown extensions or plugins, written
    as a list of names and one-key mappings, or as one mapping."""
    if isinstance(value, dict):
        return [(name, options, path + (name,)) for name, options in value.items()]
    found = []
    for index, item in enumerate(value if isinstance(value, list) else []):
        if isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
            found.append((name, options, path + (index, name)))
        else:
            found.append((item, None, path + (index,)))
    return found


def _extensions(value, path: tuple, items: list) -> None:
    for name, options, where in _entries(value, path):
        plain = str(name).removeprefix("markdown.extensions.")
        if plain not in SAFE_EXTENSIONS:
            items.append(Item("MKDOCS-CODE", where, f"ekstensi Markdown `{name}` tidak ada dalam daftar ekstensi yang "
                                                    "aman: ekstensi dapat membaca berkas (misalnya snapshot pegawai) "
                                                    "ke halaman atau menjalankan kode"))
            continue
        for option in FILE_OPTIONS.get(plain, ()):
            holder = options
            for step in option:
                holder = holder.get(step) if isinstance(holder, dict) else None
            if holder is not None:
                items.append(Item("MKDOCS-CODE", where + option, f"`{_dotted(option)}` ekstensi `{name}` membaca "
                                                                 "berkas dari repositori atau mesin build"))
        _scan(options, where, items)


def _plugins(value, path: tuple, items: list) -> None:
    for name, options, where in _entries(value, path):
        allowed = SAFE_PLUGINS.get(str(name))
        if allowed is None:
            items.append(Item("MKDOCS-CODE", where, f"plugin `{name}` tidak ada dalam daftar plugin yang aman: "
                                                    "plugin menjalankan kode saat build"))
            continue
        for option in (options if isinstance(options, dict) else {}):
            if option not in allowed:
                items.append(Item("MKDOCS-CODE", where + (option,), f"opsi `{option}` plugin `{name}` tidak ada "
                                                                    "dalam daftar opsi yang aman"))
        _scan(options, where, items)


def _dotted(path: tuple) -> str:
    return ".".join(str(p) for p in path)


def review(data: dict) -> list[Item]:
    """Everything in a kamus's mkdocs.yml that is code, or that the build ignores."""
    items: list[Item] = []
    for key, value in data.items():
        path = (key,)
        if key in OUR_ASSETS and value == OUR_ASSETS[key]:
            continue  # the site's own CSS/JS, as in the tool's base configuration
        if key in CODE:
            items.append(Item("MKDOCS-CODE", path, f"`{key}` memuat kode atau berkas dari repositori saat build"))
        elif key not in PASSED:
            items.append(Item("MKDOCS-KEY", path, f"`{key}` diatur oleh Kamus sendiri atau tidak didukung; diabaikan"))
        elif key == "theme" and isinstance(value, dict):
            for sub, subvalue in value.items():
                if sub in THEME_CODE:
                    items.append(Item("MKDOCS-CODE", path + (sub,), f"`theme.{sub}` memuat templat dari repositori"))
                elif sub in THEME_MANAGED:
                    items.append(Item("MKDOCS-KEY", path + (sub,),
                                      f"`theme.{sub}` diatur lewat `instansi.logo` di kamus.yaml; diabaikan"))
                elif sub == "name" and subvalue != "material":
                    items.append(Item("MKDOCS-KEY", path + (sub,), "hanya tema `material` yang didukung; diabaikan"))
                else:
                    _scan(subvalue, path + (sub,), items)
        elif key == "markdown_extensions":
            _extensions(value, path, items)
        elif key == "plugins":
            _plugins(value, path, items)
        elif key == "extra" and isinstance(value, dict):
            for sub, subvalue in value.items():
                if sub in EXTRA_CODE:
                    items.append(Item("MKDOCS-CODE", path + (sub,), EXTRA_CODE[sub]))
                else:
                    _scan(subvalue, path + (sub,), items)
        else:
            _scan(value, path, items, escaped=key in ESCAPED)
    return items


def findings(doc) -> list:
    """MKDOCS-CODE and MKDOCS-KEY findings for the kamus's mkdocs.yml (a loaded Document)."""
    out = []
    for item in review(doc.data):
        key = len(item.path) == 1 or item.rule == "MKDOCS-CODE" and not isinstance(item.path[-1], int)
        out.append(finding(item.rule, MKDOCS_FILE, *doc.where(item.path, key=key), item.message))
    return out


def _drop(value, path: tuple, dropped: set):
    """``value`` without the parts at ``dropped`` paths."""
    if isinstance(value, dict):
        return {k: _drop(v, path + (k,), dropped) for k, v in value.items() if path + (k,) not in dropped}
    if isinstance(value, list):
        return [_drop(v, path + (i,), dropped) for i, v in enumerate(value) if path + (i,) not in dropped]
    return value


def sanitised(data: dict, allow_code: bool) -> tuple[dict, list[Item]]:
    """(the settings the build may take from the kamus's mkdocs.yml, the code items).

    Ignored items are dropped; code items are kept only when ``allow_code`` (the caller
    refuses to build when there are code items and no opt-in).
    """
    items = review(data)
    code = [item for item in items if item.rule == "MKDOCS-CODE"]
    dropped = {item.path for item in items if item.rule == "MKDOCS-KEY" or not allow_code}
    clean = _drop(data, (), dropped)
    for key in ESCAPED & set(clean):
        clean[key] = str(escape(str(clean[key])))
    return clean, code
