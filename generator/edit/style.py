"""How the files of a kamus are written, learnt from the files themselves, so that a file an
import adds or rewrites looks like its neighbours.

An import writes only what its source carries, in the manner of the kamus: a new position
gets the schema comment line when the other files of its unit have one, their key order,
their indentation of lists, rows of a list written `{kode: M.1, level: 3}` when they write
them so, their quoting, their line width, their line endings and byte order mark; a key the
other files leave out when it holds its schema default (`strategis: false`) is left out too.
An edited file keeps its own byte order mark and line endings.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import yaml

from .yaml_text import _reads_as, scalar

BOM = "\ufeff"
_Loader = yaml.SafeLoader
ANY = "*"  # a list position in a key pattern


@dataclass
class Style:
    header: bool | None = None  # the schema comment line first (None: no file to learn from)
    newline: str = "\n"
    bom: bool = False
    indent: int = 2  # of a nested mapping
    item: int = 2  # columns from a dash to the first key of the mapping it holds
    offsets: dict = field(default_factory=dict)  # key pattern → columns from a key to the dashes of its list
    flow: set = field(default_factory=set)  # key patterns of lists whose items are written `{…}` / `[…]`
    order: dict = field(default_factory=dict)  # key pattern → the keys in the order the files write them
    present: Counter = field(default_factory=Counter)  # top-level key → in how many files
    files: int = 0
    quote: str = ""  # "" plain where possible, '"' or "'" for every text
    width: int = 0  # plain text is folded onto further lines beyond this width (0: never)

    def keeps(self, key: str) -> bool:
        """Whether the files write ``key`` even when it holds its default (most of them have it)."""
        return self.files > 0 and self.present[key] * 2 > self.files


def text_form(raw: bytes) -> tuple[str, bool, str]:
    """(text with `\\n` line breaks, whether it had a byte order mark, its line ending)."""
    text = raw.decode("utf-8")
    bom = text.startswith(BOM)
    text = text[len(BOM):] if bom else text
    newline = "\r\n" if text.count("\r\n") * 2 > text.count("\n") else "\n"
    return text.replace("\r\n", "\n"), bom, newline


def as_bytes(text: str, bom: bool, newline: str) -> bytes:
    """``text`` (with `\\n` line breaks) in the given line ending, with a byte order mark when asked."""
    return ((BOM if bom else "") + text.replace("\n", newline)).encode("utf-8")


def learn(texts: list[bytes]) -> Style:
    """The style of some files of one kind (raw bytes)."""
    style, quotes, widths, newlines, boms = Style(), Counter(), [], Counter(), 0
    indents = {"indent": Counter(), "item": Counter()}
    for raw in texts:
        try:
            text, bom, newline = text_form(raw)
            root = yaml.compose(text, Loader=_Loader)
        except (UnicodeDecodeError, yaml.YAMLError):
            continue
        if not isinstance(root, yaml.MappingNode):
            continue
        style.files += 1
        boms += bom
        newlines[newline] += 1
        first = next((line for line in text.split("\n") if line.strip()), "")
        style.header = bool(style.header) or first.startswith("# yaml-language-server:")
        for key, _ in root.value:
            style.present[key.value] += 1
        _walk(root, (), style, quotes, widths, indents, text.split("\n"))
    if style.files:
        style.newline = newlines.most_common(1)[0][0]
        style.bom = boms * 2 > style.files
        style.indent = indents["indent"].most_common(1)[0][0] if indents["indent"] else 2
        style.item = indents["item"].most_common(1)[0][0] if indents["item"] else 2
        style.quote = max(("", '"', "'"), key=lambda q: quotes[q]) if quotes else ""
        style.width = max(widths) if widths else 0
    return style


def _pattern(path: tuple) -> tuple:
    return tuple(ANY if isinstance(step, int) else step for step in path)


def _merge(order: list, keys: list) -> None:
    """Add the keys of one file to the order learnt so far, each after the key it follows there."""
    for index, key in enumerate(keys):
        if key not in order:
            before = next((k for k in reversed(keys[:index]) if k in order), None)
            order.insert(order.index(before) + 1 if before is not None else 0, key)


def _walk(node, path, style: Style, quotes: Counter, widths: list, indents: dict, lines: list[str]) -> None:
    if isinstance(node, yaml.MappingNode):
        _merge(style.order.setdefault(_pattern(path), []), [key.value for key, _ in node.value])
        for key, value in node.value:
            if isinstance(value, yaml.MappingNode) and value.value and not value.flow_style:
                indents["indent"][value.value[0][0].start_mark.column - key.start_mark.column] += 1
            if isinstance(value, yaml.SequenceNode) and value.value and not value.flow_style:
                style.offsets[_pattern(path + (key.value,))] = max(value.start_mark.column - key.start_mark.column, 0)
                if all(isinstance(v, (yaml.MappingNode, yaml.SequenceNode)) and v.flow_style for v in value.value):
                    style.flow.add(_pattern(path + (key.value,)))
            _walk(value, path + (key.value,), style, quotes, widths, indents, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            if isinstance(value, yaml.MappingNode) and value.value and not value.flow_style and not node.flow_style:
                dash = lines[value.start_mark.line].rfind("-", 0, value.start_mark.column + 1)
                if dash >= 0:
                    indents["item"][value.value[0][0].start_mark.column - dash] += 1
            _walk(value, path + (index,), style, quotes, widths, indents, lines)
    elif node.tag.endswith(":str") and path:
        if node.style in (None, '"', "'") and scalar(node.value) == node.value:  # could be written plain
            quotes[node.style or ""] += 1
        if node.style is None and node.end_mark.line > node.start_mark.line:  # folded onto further lines
            widths.append(max(len(lines[n]) for n in range(node.start_mark.line, node.end_mark.line)))


# --- writing a new file ----------------------------------------------------------------------

def ordered(data: dict, style: Style, pattern: tuple) -> list:
    """The keys of ``data`` in the order the files write them; a key they never write stays
    after the key it follows in ``data``."""
    known = [k for k in style.order.get(pattern, []) if k in data]
    out = list(known)
    for index, key in enumerate(data):
        if key in known:
            continue
        before = next((k for k in reversed(list(data)[:index]) if k in out), None)
        out.insert(out.index(before) + 1 if before is not None else 0, key)
    return out


def _scalar(value, style: Style, flow: bool, column: int = 0, continuation: int = 0) -> str:
    """``value`` as the files write a scalar: quoted as they quote text; plain text folded onto
    further lines (at ``continuation``) beyond their width, when it starts at ``column``."""
    if not isinstance(value, str) or not style.quote:
        text = scalar(value, flow)
        return text if flow or text != value else _folded(text, style, column, continuation)
    if style.quote == "'" and "\n" not in value and _reads_as(f"'{value.replace(chr(39), chr(39) * 2)}'", value, flow):
        return "'" + value.replace("'", "''") + "'"
    return scalar(value, flow) if scalar(value, flow) != value else json.dumps(value, ensure_ascii=False)


def _folded(text: str, style: Style, column: int, continuation: int) -> str:
    if not style.width or column + len(text) <= style.width or "  " in text:
        return text
    lines, line, start = [], "", column
    for word in text.split(" "):
        if line and start + len(line) + 1 + len(word) > style.width:
            lines.append(line)
            line, start = word, continuation
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return ("\n" + " " * continuation).join(lines)


def render(data: dict, style: Style, header: str = "") -> str:
    """A whole new file in ``style`` (the caller checks that it reads back as ``data``)."""
    return header + _mapping(data, style, 0, ())


def _mapping(data: dict, style: Style, indent: int, path: tuple) -> str:
    return "".join(_entry(key, data[key], style, indent, path + (key,)) for key in ordered(data, style, _pattern(path)))


def _entry(key, value, style: Style, indent: int, path: tuple) -> str:
    pad = " " * indent
    if not isinstance(value, (dict, list)):
        prefix = f"{pad}{key}: "
        return prefix + _scalar(value, style, False, len(prefix), indent + 2) + "\n"
    if not value:
        return f"{pad}{key}: {'[]' if isinstance(value, list) else '{}'}\n"
    if isinstance(value, dict):
        return f"{pad}{key}:\n" + _mapping(value, style, indent + style.indent, path)
    dash = indent + style.offsets.get(_pattern(path), 0)
    return f"{pad}{key}:\n" + "".join(_item(v, style, dash, path + (i,)) for i, v in enumerate(value))


def _item(value, style: Style, dash: int, path: tuple) -> str:
    pad = " " * dash
    if not isinstance(value, (dict, list)):
        return f"{pad}- {_scalar(value, style, False, dash + 2, dash + 2)}\n"
    if _pattern(path[:-1]) in style.flow or not value:
        return f"{pad}- {_flow(value, style)}\n"
    if isinstance(value, list):
        return f"{pad}-\n" + "".join(_item(v, style, dash + 2, path + (i,)) for i, v in enumerate(value))
    body = _mapping(value, style, dash + style.item, path)
    return pad + "-" + " " * (style.item - 1) + body[dash + style.item:]


def _flow(value, style: Style) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k, True)}: {_flow(value[k], style)}" for k in value) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v, style) for v in value) + "]"
    return _scalar(value, style, True, 0)
