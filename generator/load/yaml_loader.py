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
# Plain text that YAML 1.2 tools (editors, other validators) read as a number.
_YAML12_NUMBER = re.compile(r"[-+]?(?:0o[0-7]+|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+|\.(?:inf|Inf|INF|nan|NaN|NAN))\Z")
_NUMBER_START = set("0123456789.+-")
_TRUE, _FALSE = {"true", "True", "TRUE"}, {"false", "False", "FALSE"}
# Invisible characters no kamus text needs: C0 controls but tab and line breaks, DEL, C1
# controls but NEL (a line break to YAML and Unicode, which an import writes as "\N"), lone
# surrogates, non-characters, and the bidirectional overrides and isolates that make a text
# show other than it reads ("Trojan Source"). Raw in a file most of them are refused by the
# YAML reader; escapes in double quotes ("\v", "\x0b") slip through.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e"
                     "\u2066-\u2069]")


# PyYAML's words for common mistakes → what they mean, in Bahasa Indonesia.
_SYNTAX_ID = [
    ("found character '\\t' that cannot start any token", "karakter tab dipakai; YAML hanya menerima spasi untuk indentasi"),
    ("while scanning a quoted scalar", "tanda kutip yang dibuka di sini tidak ditutup sampai akhir berkas"),
    ("found unexpected end of stream", "berkas berakhir sebelum tanda kutip ditutup"),
    ("tab character that violates indentation", "karakter tab dipakai; YAML hanya menerima spasi untuk indentasi"),
    ("mapping values are not allowed", "titik dua (`:`) tidak boleh di sini; beri tanda kutip pada teks yang mengandung `: `"),
    ("could not find expected ':'", "titik dua (`:`) setelah nama kolom tidak ditemukan"),
    ("did not find expected key", "indentasi tidak konsisten: baris ini tidak sejajar dengan kolom di atasnya"),
    ("did not find expected '-' indicator", "indentasi daftar tidak konsisten: butir daftar harus diawali `- ` yang sejajar"),
    ("expected <block end>", "indentasi tidak konsisten: baris ini tidak sejajar dengan kolom di atasnya"),
    ("found undefined alias", "alias (`*`) menunjuk anchor yang tidak ada"),
    ("found unknown escape character", "karakter `\\` yang tidak dikenal di dalam tanda kutip ganda; pakai tanda kutip tunggal"),
    ("special characters are not allowed", "berkas berisi karakter kontrol yang tidak boleh ada di teks"),
    ("control characters are not allowed", "berkas berisi karakter kontrol yang tidak boleh ada di teks"),
    ("that cannot start any token", "karakter ini tidak boleh mengawali nilai (misalnya `@`, `` ` `` atau `%`); beri tanda kutip"),
    ("exceeded maximum nesting depth", "struktur bersarang terlalu dalam"),
    ("expected ',' or ']'", "daftar dalam kurung siku `[ ]` belum ditutup atau pemisah koma hilang"),
    ("expected ',' or '}'", "pemetaan dalam kurung kurawal `{ }` belum ditutup atau pemisah koma hilang"),
]


_KEY_LINE = re.compile(r"(\s*)[^\s:#'\"][^:#]*:(\s|$)")


def _over_indented(text: str, mark) -> bool:
    """True when the line of ``mark`` is a `key: value` line indented deeper than the line
    above it, which holds a value (the usual cause of "mapping values are not allowed")."""
    if mark is None:
        return False
    lines = text.split("\n")
    here = lines[mark.line] if mark.line < len(lines) else ""
    above = next((line for line in reversed(lines[:mark.line]) if line.strip() and not line.lstrip().startswith("#")), "")
    match = _KEY_LINE.match(here)
    indent = lambda line: len(line) - len(line.lstrip(" "))  # noqa: E731
    return bool(match) and indent(here) > indent(above) and not above.rstrip().endswith(":")


def _indenting_tab(text: str, mark) -> int | None:
    """The 1-based column of a tab in the indentation of the line where the parser stopped
    (or right where it stopped), or None: YAML indents with spaces only."""
    if mark is None:
        return None
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    indentation = line[:len(line) - len(line.lstrip(" \t"))]
    if "\t" in indentation:
        return indentation.index("\t") + 1
    return mark.column + 1 if line[mark.column:mark.column + 1] == "\t" else None


def _tab_finding(path: str, line: int, column: int):
    return finding("YAML-SYNTAX", path, line, column,
                   f"karakter tab dipakai untuk indentasi di baris {line} kolom {column}; YAML hanya menerima spasi",
                   "Ganti tab di awal baris ini dengan spasi (biasanya 2 spasi per tingkat) sehingga baris ini sejajar "
                   "dengan baris lain di tingkat yang sama. Di VS Code: klik \"Tab Size\"/\"Spaces\" di bilah status "
                   "lalu pilih \"Convert Indentation to Spaces\".")


def _syntax_message(exc, text: str = "", mark=None) -> str:
    english = " ".join(filter(None, [exc.context, exc.problem]))
    if "mapping values are not allowed" in english and _over_indented(text, mark):
        return ("YAML tidak sah: baris ini menjorok lebih dalam dari kolom di atasnya, padahal kolom itu sudah "
                f"berisi nilai; samakan indentasinya (pesan YAML: {english})")
    for needle, meaning in _SYNTAX_ID:
        if needle in english:
            return f"YAML tidak sah: {meaning} (pesan YAML: {english})"
    return f"YAML tidak sah (pesan YAML: {english})"


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_T):] if tag.startswith(_T) else tag


class _Reject(Exception):
    """Stops the conversion of one document at a problem that leaves no usable data."""

    def __init__(self, found):
        self.finding = found


def _position(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset in ``text``."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


class _Converter:
    """Node tree → plain data with positions. One instance per document.

    Problems are collected, not raised, so that one run reports all of them; the value
    used in their place is the one the user most likely meant (the first of duplicate
    keys, the text of an ambiguous scalar), so that later checks still see the file.
    """

    def __init__(self, path: str, anchors_reported: bool = False, controls: bool = True, text: str = ""):
        self.path = path
        self.controls = controls  # False: the text has no escape and no such character (nothing to look for)
        self.values: dict = {}
        self.keys: dict = {}
        self.texts: dict = {}  # path → the written text of a value read as a number or true/false
        self.written: dict = {}  # path → the source of a text value with non-ASCII characters
        self.text, self._lines = text, None
        self.seen: set[int] = set()
        self.problems: list = []
        self.anchors_reported = anchors_reported

    def problem(self, rule: str, mark, message: str, hint: str | None = None) -> None:
        self.problems.append(finding(rule, self.path, *_position(mark), message, hint))

    def convert(self, node, path: tuple, depth: int = 0):
        self.values[path] = _position(node.start_mark)
        if id(node) in self.seen:  # the same node object twice: an alias
            if not self.anchors_reported:
                self.problem("YAML-ANCHOR", node.start_mark, "alias (`*`) dipakai untuk mengulang isi lain")
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _Reject(finding("YAML-TOO-LARGE", self.path, *_position(node.start_mark),
                                  f"struktur bersarang lebih dari {MAX_DEPTH} tingkat"))
        if isinstance(node, yaml.ScalarNode):
            value = self.scalar(node)
            if not isinstance(value, str) and value is not None:
                self.texts[path] = node.value
            elif value is not None:
                if self.controls:
                    self.control(node, value)
                if self.text and not value.isascii():
                    self.written[path] = self.source(node)
            return value
        if node.tag not in (_SEQ, _MAP):
            self.bad_tag(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self.mapping(node, path, depth)

    def source(self, node) -> str:
        """The text of the file from ``node``'s start to its end (quotes, breaks and indentation
        as written), so that a check can point at one character of a long value."""
        if self._lines is None:
            self._lines = self.text.splitlines(keepends=True)
        start, end = node.start_mark, node.end_mark
        if start.line == end.line:
            return self._lines[start.line][start.column:end.column] if start.line < len(self._lines) else ""
        return "".join([self._lines[start.line][start.column:], *self._lines[start.line + 1:end.line],
                        self._lines[end.line][:end.column] if end.line < len(self._lines) else ""])

    def mapping(self, node, path: tuple, depth: int) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Reject(finding("YAML-SYNTAX", self.path, *_position(key_node.start_mark),
                                      "nama kolom harus berupa teks biasa, bukan daftar atau pemetaan"))
            if key_node.tag == _MERGE:
                self.problem("YAML-ANCHOR", key_node.start_mark, "merge key (`<<`) dipakai")
                continue
            key = key_node.value
            if self.controls:
                self.control(key_node, key)
            if key in result:
                line, _ = self.keys[path + (key,)]
                self.problem("YAML-DUPLICATE-KEY", key_node.start_mark,
                             f"kolom `{key}` sudah ditulis di baris {line}; berkas ditolak sampai salah satunya dihapus")
                continue
            self.keys[path + (key,)] = _position(key_node.start_mark)
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result

    def scalar(self, node):
        tag, text = node.tag, node.value
        if tag == _STR or tag == _VALUE:
            if not node.style and text[:1] in _NUMBER_START and _YAML12_NUMBER.match(text):
                return self.ambiguous(node, "dibaca sebagai bilangan oleh YAML 1.2 (editor dan alat lain)",
                                      "bila maksudnya bilangan, tulis angka desimal biasa seperti 1000")
            return text
        if tag == _NULL:
            return None
        if tag == _BOOL:
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            return self.ambiguous(node, "dibaca YAML 1.1 sebagai nilai ya/tidak (boolean)",
                                  "bila maksudnya ya/tidak, tulis true atau false")
        if tag == _INT:
            if _PLAIN_INT.match(text):
                return int(text)
            return self.ambiguous(node, f"dibaca YAML 1.1 sebagai bilangan {yaml.safe_load(text)} "
                                        "(oktal, biner, heksadesimal atau sexagesimal)",
                                  "bila maksudnya bilangan, tulis angka desimal biasa tanpa nol di depan")
        if tag == _FLOAT:
            if _PLAIN_FLOAT.match(text):
                return float(text)
            return self.ambiguous(node, "dibaca YAML 1.1 sebagai bilangan pecahan khusus",
                                  "bila maksudnya bilangan, tulis angka desimal biasa seperti 3.5")
        if tag == _TIMESTAMP:
            return self.ambiguous(node, "dibaca YAML 1.1 sebagai tanggal/waktu, bukan teks", "")
        if tag == _MERGE:
            self.problem("YAML-ANCHOR", node.start_mark, "merge key (`<<`) dipakai")
            return text
        return self.bad_tag(node)

    def control(self, node, text: str) -> None:
        """YAML-CONTROL for an invisible character in ``text`` (the value or key of ``node``)."""
        found = CONTROL.search(text)
        if found:
            char = ord(found.group())
            what = "pengatur arah teks" if char >= 0x202A else "karakter kontrol"
            self.problem("YAML-CONTROL", node.start_mark, f"teks berisi {what} tak terlihat U+{char:04X} "
                                                          f"(karakter ke-{found.start() + 1})")

    def ambiguous(self, node, how: str, otherwise: str) -> str:
        hint = f"Beri tanda kutip bila maksudnya teks: \"{node.value}\""
        self.problem("YAML-AMBIGUOUS", node.start_mark, f"nilai `{node.value}` {how}",
                     f"{hint}; {otherwise}." if otherwise else f"{hint}.")
        return node.value

    def bad_tag(self, node):
        self.problem("YAML-TAG", node.start_mark, f"tag `{_tag_name(node.tag)}` tidak didukung")
        return node.value if isinstance(node, yaml.ScalarNode) else None


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


def _anchor_findings(text: str, path: str) -> list:
    """Every anchor and alias in ``text`` (only run when `&` or `*` occur at all)."""
    found = []
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            found.append(finding("YAML-ANCHOR", path, *_position(event.start_mark),
                                 f"alias `*{event.anchor}` dipakai untuk mengulang isi lain"))
        elif getattr(event, "anchor", None):
            found.append(finding("YAML-ANCHOR", path, *_position(event.start_mark),
                                 f"anchor `&{event.anchor}` dipakai"))
    return found


def load_text(text: str, path: str) -> tuple[Document | None, list]:
    """Strictly load one YAML text: the document (None when nothing usable) and findings.

    A document can come back *with* findings: it is still checked further so that one
    run reports everything, but any finding already fails the run.
    """
    try:
        anchors = _anchor_findings(text, path) if ("&" in text or "*" in text) else []
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
        if exc.context_mark and any(word in (exc.context or "") for word in ("quoted scalar", "simple key")):
            mark = exc.context_mark  # where the quote opens or the key starts, not where the parser gave up
        line, col = _position(mark) if mark else (1, 1)
        tab = _indenting_tab(text, exc.problem_mark or mark)
        if tab is not None:
            return None, [_tab_finding(path, (exc.problem_mark or mark).line + 1, tab)]
        return None, [finding("YAML-SYNTAX", path, line, col, _syntax_message(exc, text, mark))]
    except yaml.reader.ReaderError as exc:
        at = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
        line, col = _offset_position(text, at if at >= 0 else 0)
        return None, [finding("YAML-SYNTAX", path, line, col,
                              f"karakter kontrol #x{exc.character:04X} tidak boleh ada di teks",
                              "Hapus karakter tak terlihat itu (sering terbawa saat menyalin dari dokumen lain), "
                              "lalu simpan ulang berkas.")]
    except yaml.YAMLError as exc:
        return None, [finding("YAML-SYNTAX", path, 1, 1, f"YAML tidak sah: {exc}")]
    if root is None:
        return None, [finding("YAML-EMPTY", path, 1, 1, "berkas tidak berisi data")]
    # Raw control characters in ASCII text are refused by the YAML reader: only escapes and
    # non-ASCII text (C1, bidirectional controls) need the closer look.
    controls = "\\" in text or (not text.isascii() and bool(CONTROL.search(text)))
    converter = _Converter(path, anchors_reported=bool(anchors), controls=controls, text=text)
    try:
        data = converter.convert(root, ())
    except _Reject as stop:
        return None, anchors + converter.problems + [stop.finding]
    return (Document(path, data, converter.values, converter.keys, converter.texts, converter.written),
            anchors + converter.problems)


def _thousands(number: int) -> str:
    """1.000.000: thousands grouped with dots, as Indonesian text writes numbers."""
    return f"{number:,}".replace(",", ".")


def load_bytes(raw: bytes, path: str, size: int | None = None) -> tuple[Document | None, list]:
    """Strictly load ``raw``; ``size`` is the file's real size when only its start was read."""
    if len(raw) > MAX_BYTES:
        return None, [finding("YAML-TOO-LARGE", path, 1, 1,
                              f"berkas berukuran {_thousands(size or len(raw))} byte, "
                              f"batasnya {_thousands(MAX_BYTES)} byte")]
    text, problem = _decode(raw, path)
    if problem:
        return None, [problem]
    return load_text(text, path)


def load_source(source, path: str) -> tuple[Document | None, list]:
    """Strictly load the file ``path`` of a :class:`~generator.load.source.FileSource`."""
    try:
        raw = source.read(path, limit=MAX_BYTES)
        size = source.size(path) if len(raw) > MAX_BYTES else None
    except OSError as exc:
        return None, [finding("YAML-SYNTAX", path, 1, 1, f"berkas tidak dapat dibaca: {exc.strerror or exc}",
                              "Periksa izin akses berkas.")]
    return load_bytes(raw, path, size)


def load_file(abspath, path: str) -> tuple[Document | None, list]:
    """Strictly load the file at ``abspath``; ``path`` is how findings name it."""
    try:
        with open(abspath, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [finding("YAML-SYNTAX", path, 1, 1, f"berkas tidak dapat dibaca: {exc.strerror}",
                              "Periksa izin akses berkas.")]
    return load_bytes(raw, path)
