"""Edit a YAML file in place: the new data goes in, only the changed values change.

A round-trip dump (parse, change, emit the whole document again) re-indents sequences
and re-wraps long text: on the demo kamus it rewrites 88 of 95 files even without a
change. So Kamus edits the text itself. The parser gives the exact span of every node;
a changed value replaces its own span (the comment after it stays), a removed key or
item deletes its lines, a new key or item is inserted after its neighbour in the style
of that neighbour, and only a collection whose shape changed (a level added, a
persyaratan section rewritten) is written again as a whole. The result is read back
with the YAML loader and must give exactly the new data; otherwise the document is
written fresh (comments lost, never data) and the caller is told so.
"""

from __future__ import annotations

import json
import re

import yaml

from ..load import load_text

_Loader = yaml.SafeLoader  # pure Python: marks count characters, as Python strings do
_T = "tag:yaml.org,2002:"
# Characters a double-quoted scalar must escape: those YAML reads as line breaks (NEL, LS,
# PS: folded into a space when read back) and those a YAML reader refuses to read at all.
_ESCAPE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


# --- rendering -----------------------------------------------------------------------

def _reads_as(text: str, value, flow: bool) -> bool:
    probe = f"k: {{x: {text}}}\n" if flow else f"k: {text}\n"
    doc, problems = load_text(probe, "probe.yaml")
    if doc is None or problems:
        return False
    got = doc.data.get("k")
    got = got.get("x") if flow and isinstance(got, dict) else got
    return got == value and type(got) is type(value)


def scalar(value, flow: bool = False) -> str:
    """``value`` as a YAML scalar that the YAML loader reads back unchanged: plain when
    that is unambiguous, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if text and "\n" not in text and _reads_as(text, text, flow):
        return text
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def _is_scalar(value) -> bool:
    return not isinstance(value, (dict, list))


def flow(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k, True)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value, True)


def entry(key: str, value, indent: int, offset: int = 0) -> str:
    """``key: value`` at ``indent``; a sequence's dashes ``offset`` columns right of the key."""
    pad = " " * indent
    if _is_scalar(value):
        return f"{pad}{key}: {scalar(value)}\n"
    if not value:
        return f"{pad}{key}: {'[]' if isinstance(value, list) else '{}'}\n"
    if isinstance(value, list):
        return f"{pad}{key}:\n" + items(value, indent + offset)
    return f"{pad}{key}:\n" + mapping(value, indent + 2)


def mapping(value: dict, indent: int) -> str:
    return "".join(entry(k, v, indent) for k, v in value.items())


def item(value, dash: int, as_flow: bool = False) -> str:
    """One sequence item whose dash stands at column ``dash``."""
    pad = " " * dash
    if _is_scalar(value) or as_flow or not value:
        return f"{pad}- {flow(value) if not _is_scalar(value) else scalar(value)}\n"
    if isinstance(value, list):
        return f"{pad}-\n" + items(value, dash + 2)
    body = mapping(value, dash + 2)
    return pad + "- " + body[dash + 2:]


def items(values: list, dash: int) -> str:
    return "".join(item(v, dash) for v in values)


def document(data: dict, header: str = "") -> str:
    """A whole new file."""
    return header + mapping(data, 0)


# --- reading the node tree -------------------------------------------------------------

def _plain(node):
    if isinstance(node, yaml.MappingNode):
        return {_plain(k): _plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v) for v in node.value]
    constructor = yaml.SafeLoader.yaml_constructors.get(node.tag)
    if node.tag == _T + "str" or constructor is None:
        return node.value
    return constructor(_Loader(""), node)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    """The index after the line break that ends the line holding ``index - 1``."""
    found = text.find("\n", max(index - 1, 0))
    return len(text) if found < 0 else found + 1


def _content_end(node) -> int:
    """Where the last character of ``node``'s own content ends (comments after it excluded)."""
    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return _content_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return _content_end(node.value[-1])
    return node.end_mark.index


def _indent_of(text: str, index: int) -> int:
    start = _line_start(text, index)
    return len(text[start:]) - len(text[start:].lstrip(" "))


class _Edits:
    def __init__(self, text: str):
        self.text = text
        self.spans: list[tuple[int, int, str]] = []

    def add(self, start: int, end: int, new: str) -> None:
        self.spans.append((start, end, new))

    def apply(self) -> str:
        out, last = self.text, None
        for start, end, new in sorted(self.spans, key=lambda s: (s[0], s[1]), reverse=True):
            if last is not None and end > last:
                raise ValueError("overlapping edits")
            out = out[:start] + new + out[end:]
            last = start
        return out


def _scalar_span(edits: _Edits, node, value) -> None:
    start, end = node.start_mark.index, node.end_mark.index
    original = edits.text[start:end]
    kept = original[len(original.rstrip("\n")):] if node.style in ("|", ">") else ""
    edits.add(start, end, scalar(value, flow=_in_flow(node)) + kept)


def _in_flow(node) -> bool:
    return getattr(node, "_in_flow", False)


def _mark_flow(node, inside: bool = False) -> None:
    node._in_flow = inside
    inner = inside or bool(getattr(node, "flow_style", False))
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            _mark_flow(k, inner)
            _mark_flow(v, inner)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            _mark_flow(v, inner)


def _replace_inline(edits: _Edits, node, value) -> None:
    """Replace a node that stands inside a flow collection, or a whole flow collection."""
    edits.add(node.start_mark.index, node.end_mark.index, flow(value) if not _is_scalar(value) else scalar(value, True))


def _entry_span(text: str, key_node, value_node) -> tuple[int, int]:
    return _line_start(text, key_node.start_mark.index), _line_end(text, _content_end(value_node))


def _sequence_offset(text: str, key_node, value_node) -> int:
    if isinstance(value_node, yaml.SequenceNode) and not value_node.flow_style and value_node.value:
        return max(value_node.start_mark.column - key_node.start_mark.column, 0)
    return 0


def _edit_mapping(edits: _Edits, node, old: dict, new: dict) -> None:
    text = edits.text
    if node.flow_style or _in_flow(node):
        if list(old) != list(new) or any(not _is_scalar(new[k]) for k in new):
            _replace_inline(edits, node, new)
            return
    pairs = {_plain(k): (k, v) for k, v in node.value}
    indent = node.value[0][0].start_mark.column if node.value else 0
    previous_end = None
    order = list(old)
    for key in order:
        if key not in new:
            k, v = pairs[key]
            edits.add(*_entry_span(text, k, v), "")
    for key in new:
        if key in old:
            k, v = pairs[key]
            previous_end = _line_end(text, _content_end(v))
            if old[key] != new[key] or type(old[key]) is not type(new[key]):
                _edit(edits, v, old[key], new[key], k)
            continue
        if node.flow_style or _in_flow(node):
            continue
        where = previous_end
        if where is None:  # before the first key that stays: at the start of the mapping
            first = next((pairs[k] for k in old if k in new), None)
            where = _line_start(text, first[0].start_mark.index) if first else _line_end(text, _content_end(node))
        edits.add(where, where, entry(key, new[key], indent))


def _keyed(values) -> bool:
    return bool(values) and all(isinstance(v, dict) and isinstance(v.get("kode"), str) for v in values) \
        and len({v["kode"] for v in values}) == len(values)


def _edit_sequence(edits: _Edits, node, old: list, new: list, key_node) -> bool:
    """Edit a sequence item by item; False when it must be written again as a whole."""
    text = edits.text
    if node.flow_style or _in_flow(node) or not node.value:
        return False
    if not (_keyed(old) and _keyed(new)):  # items known by position
        if len(old) != len(new):
            return False
        for child, a, b in zip(node.value, old, new):
            if a != b or type(a) is not type(b):
                _edit(edits, child, a, b, None)
        return True
    children = {item_["kode"]: child for item_, child in zip(old, node.value)}
    wanted = {item_["kode"]: item_ for item_ in new}
    for item_, child in zip(old, node.value):
        if item_["kode"] not in wanted:
            edits.add(_line_start(text, child.start_mark.index), _line_end(text, _content_end(child)), "")
        elif wanted[item_["kode"]] != item_:
            _edit(edits, child, item_, wanted[item_["kode"]], None)
    last = node.value[-1]
    dash = _indent_of(text, last.start_mark.index)
    where = _line_end(text, _content_end(last))
    added = "".join(item(v, dash, as_flow=bool(getattr(last, "flow_style", False)))
                    for v in new if v["kode"] not in children)
    if added:
        edits.add(where, where, added)
    return True


def _edit(edits: _Edits, node, old, new, key_node) -> None:
    text = edits.text
    if _is_scalar(new) and isinstance(node, yaml.ScalarNode):
        _scalar_span(edits, node, new)
        return
    if isinstance(node, yaml.MappingNode) and isinstance(old, dict) and isinstance(new, dict):
        _edit_mapping(edits, node, old, new)
        return
    if isinstance(node, yaml.SequenceNode) and isinstance(old, list) and isinstance(new, list):
        if _edit_sequence(edits, node, old, new, key_node):
            return
    if _in_flow(node) or getattr(node, "flow_style", False) and key_node is None:
        _replace_inline(edits, node, new)
        return
    if key_node is not None:  # the whole `key: value` entry, in the style it had
        start, end = _entry_span(text, key_node, node)
        edits.add(start, end, entry(_plain(key_node), new, key_node.start_mark.column,
                                    _sequence_offset(text, key_node, node)))
        return
    start, end = _line_start(text, node.start_mark.index), _line_end(text, _content_end(node))
    edits.add(start, end, item(new, _indent_of(text, node.start_mark.index)))


def patch(text: str, new: dict, header: str = "") -> tuple[str, bool]:
    """The text of a YAML document changed to hold ``new``: (text, True), or, when the
    document cannot be edited in place, a freshly written one: (text, False)."""
    try:
        root = yaml.compose(text, Loader=_Loader)
        if not isinstance(root, yaml.MappingNode):
            raise ValueError("not a mapping")
        _mark_flow(root)
        old = _plain(root)
        if old == new:
            return text, True
        edits = _Edits(text)
        _edit_mapping(edits, root, old, new)
        result = edits.apply()
        doc, problems = load_text(result, "patched.yaml")
        if doc is not None and not problems and same(doc.data, new):
            return result, True
    except (yaml.YAMLError, ValueError, KeyError, IndexError):
        pass
    return document(new, header or leading_comments(text)), False


def leading_comments(text: str) -> str:
    match = re.match(r"(?:[ \t]*#[^\n]*\n|[ \t]*\n)*", text)
    return match.group(0) if match else ""


def same(a, b) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a) or \
            (set(a) == set(b) and all(same(a[k], b[k]) for k in a))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b and type(a) is type(b)
