"""Strict YAML loading: bytes in, a :class:`Document` or findings out.

PyYAML's C parser composes the node tree (fast, and composing never runs code); this
module then turns nodes into plain data itself, rejecting what a plain YAML load would
silently accept: duplicate keys, anchors/aliases/merge keys, tags, and plain scalars
whose YAML 1.1 reading differs from the text (``010`` is octal 8, ``no`` is false,
``1:20`` is 80, ``2024-01-01`` is a date). Positions of every key and value are kept
so that later checks can name the line and column.
"""

from __future__ import annotations

import re

import yaml

from ..rules import finding
from .document import Document

MAX_BYTES = 1_000_000
MAX_DEPTH = 64
BOM = b"\xef\xbb\xbf"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_T = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = _T + "str", _T + "int", _T + "float", _T + "bool", _T + "null"
_MAP, _SEQ, _MERGE, _TIMESTAMP, _VALUE = _T + "map", _T + "seq", _T + "merge", _T + "timestamp", _T + "value"
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_PLAIN_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_TRUE, _FALSE = {"true", "True", "TRUE"}, {"false", "False", "FALSE"}


class _Reject(Exception):
    """Stops the conversion of one document at its first structural problem."""

    def __init__(self, found):
        self.finding = found


def _position(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class _Converter:
    """Node tree → plain data with positions. One instance per document."""

    def __init__(self, path: str):
        self.path = path
        self.values: dict = {}
        self.keys: dict = {}
        self.seen: set[int] = set()
        self.problems: list = []

    def reject(self, rule: str, mark, message: str, hint: str | None = None):
        line, col = _position(mark)
        raise _Reject(finding(rule, self.path, line, col, message, hint))

    def convert(self, node, path: tuple, depth: int = 0):
        if id(node) in self.seen:  # the same node object twice: an alias
            self.reject("YAML-ANCHOR", node.start_mark, "alias (`*`) dipakai untuk mengulang isi lain")
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.reject("YAML-TOO-LARGE", node.start_mark,
                        f"struktur bersarang lebih dari {MAX_DEPTH} tingkat")
        self.values[path] = _position(node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self.bad_tag(node)
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if node.tag != _MAP:
            self.bad_tag(node)
        return self.mapping(node, path, depth)

    def mapping(self, node, path: tuple, depth: int) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.reject("YAML-SYNTAX", key_node.start_mark,
                            "nama kolom harus berupa teks biasa, bukan daftar atau pemetaan")
            if key_node.tag == _MERGE:
                self.reject("YAML-ANCHOR", key_node.start_mark, "merge key (`<<`) dipakai")
            key = key_node.value
            if key in result:
                line, _ = self.keys[path + (key,)]
                self.problems.append(finding(
                    "YAML-DUPLICATE-KEY", self.path, *_position(key_node.start_mark),
                    f"kolom `{key}` sudah ditulis di baris {line}"))
                continue
            self.keys[path + (key,)] = _position(key_node.start_mark)
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result

    def scalar(self, node):
        tag, text = node.tag, node.value
        if tag == _STR or tag == _VALUE:
            return text
        if tag == _NULL:
            return None
        if tag == _BOOL:
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            self.ambiguous(node, "dibaca YAML 1.1 sebagai nilai ya/tidak (boolean)")
        if tag == _INT:
            if _PLAIN_INT.match(text):
                return int(text)
            self.ambiguous(node, "dibaca YAML 1.1 sebagai bilangan "
                                 f"{yaml.safe_load(text)} (oktal, heksadesimal atau sexagesimal)")
        if tag == _FLOAT:
            if _PLAIN_FLOAT.match(text):
                return float(text)
            self.ambiguous(node, "dibaca YAML 1.1 sebagai bilangan pecahan khusus")
        if tag == _TIMESTAMP:
            self.ambiguous(node, "dibaca YAML 1.1 sebagai tanggal/waktu, bukan teks")
        if tag == _MERGE:
            self.reject("YAML-ANCHOR", node.start_mark, "merge key (`<<`) dipakai")
        self.bad_tag(node)

    def ambiguous(self, node, how: str):
        self.reject("YAML-AMBIGUOUS", node.start_mark, f"nilai `{node.value}` {how}",
                    f"beri tanda kutip bila maksudnya teks: \"{node.value}\"; "
                    "bila bilangan, tulis angka desimal biasa tanpa nol di depan")

    def bad_tag(self, node):
        self.reject("YAML-TAG", node.start_mark, f"tag `{node.tag}` tidak didukung")


def _decode(raw: bytes, path: str):
    if raw.startswith(BOM):
        raw = raw[len(BOM):]
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None, finding("YAML-ENCODING", path, 1, 1, "berkas disimpan sebagai UTF-16")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, finding("YAML-ENCODING", path, line, column,
                             f"byte 0x{raw[exc.start]:02x} bukan bagian dari teks UTF-8 yang sah "
                             "(berkas mungkin disimpan sebagai Windows-1252/ANSI)")


def _anchor_position(text: str):
    """Where the first anchor or alias stands, if any (only run when `&`/`*` occur)."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return _position(event.start_mark)
    return None


def load_text(text: str, path: str) -> tuple[Document | None, list]:
    """Strictly load one YAML text; returns the document (or None) and findings."""
    try:
        if ("&" in text or "*" in text) and (where := _anchor_position(text)):
            return None, [finding("YAML-ANCHOR", path, *where, "anchor (`&`) atau alias (`*`) dipakai")]
        loader = _Loader(text)
        try:
            root = loader.get_node() if loader.check_node() else None
            if root is not None and loader.check_node():
                extra = loader.get_node()
                return None, [finding("YAML-MULTI-DOC", path, *_position(extra.start_mark),
                                      "dokumen YAML kedua dimulai di sini")]
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _position(mark) if mark else (1, 1)
        what = " ".join(filter(None, [exc.context, exc.problem]))
        return None, [finding("YAML-SYNTAX", path, line, col, f"YAML tidak sah: {what}")]
    except yaml.YAMLError as exc:
        return None, [finding("YAML-SYNTAX", path, 1, 1, f"YAML tidak sah: {exc}")]
    if root is None:
        return None, [finding("YAML-EMPTY", path, 1, 1, "berkas tidak berisi data")]
    converter = _Converter(path)
    try:
        data = converter.convert(root, ())
    except _Reject as stop:
        return None, converter.problems + [stop.finding]
    if converter.problems:
        return None, converter.problems
    return Document(path, data, converter.values, converter.keys), []


def load_bytes(raw: bytes, path: str) -> tuple[Document | None, list]:
    if len(raw) > MAX_BYTES:
        return None, [finding("YAML-TOO-LARGE", path, 1, 1,
                              f"berkas berukuran {len(raw):,} byte, batasnya {MAX_BYTES:,} byte")]
    text, problem = _decode(raw, path)
    if problem:
        return None, [problem]
    return load_text(text, path)


def load_file(abspath, path: str) -> tuple[Document | None, list]:
    """Strictly load the file at ``abspath``; ``path`` is how findings name it."""
    try:
        with open(abspath, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [finding("YAML-SYNTAX", path, 1, 1, f"berkas tidak dapat dibaca: {exc.strerror}",
                              "Periksa izin akses berkas.")]
    return load_bytes(raw, path)
