"""A loaded YAML document: its plain data plus where every value stands in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

Path_ = tuple  # a path into the data: ("level", 2, "indikator", 0)
Data = dict | list | str | int | float | bool | None  # what a YAML document holds (plain data only)


class _Any:
    def __repr__(self) -> str:
        return "ANY"


ANY = _Any()  # in a path pattern of :meth:`Document.intact`: any position of a list


@dataclass
class Document:
    """Plain data (dict/list/str/int/float/bool/None) of one file, with positions.

    ``path`` is relative to the kamus root with forward slashes. ``values`` maps a data
    path to the 1-based (line, column) of its value; ``keys`` maps the path of a mapping
    entry to the position of its key; ``texts`` keeps how a value read as a number or
    true/false was written (``1.10`` is the float 1.1, but the user wrote ``1.10``).

    ``rejected`` is empty for a document as loaded. The copy that the cross-file rules read
    of a document with schema errors (:func:`generator.check.accepted.accepted`) leaves out
    every value its schema rejected and keeps here the path of each with the value as written
    (None for a required value that is missing): a rule asks :meth:`intact` before it reads a
    value, so that no value is reported twice and nothing is concluded from what is not there.
    """

    path: str
    data: Data
    values: dict = field(default_factory=dict, repr=False)
    keys: dict = field(default_factory=dict, repr=False)
    texts: dict = field(default_factory=dict, repr=False)  # path → text as written, for numbers and booleans
    # path → the file's text of a value with non-ASCII characters, from its start to its end
    # (quotes, line breaks and indentation as written): where one of its characters stands
    written: dict = field(default_factory=dict, repr=False)
    rejected: dict = field(default_factory=dict, repr=False)  # path → value the schema rejected (None: missing)

    @property
    def stem(self) -> str:
        return PurePosixPath(self.path).stem

    def where(self, path: Path_ = (), key: bool = False) -> tuple[int, int]:
        """Position of ``path`` (its key when ``key``), else of its nearest parent."""
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def where_char(self, path: Path_, char: str) -> tuple[int, int]:
        """Position of the first ``char`` written in the text value at ``path`` (else of the value)."""
        line, column = self.where(path)
        source = self.written.get(tuple(path), "")
        at = source.find(char)
        if at < 0:
            return line, column
        before = source[:at]
        breaks = before.count("\n")
        return (line, column + at) if not breaks else (line + breaks, at - before.rfind("\n"))

    def intact(self, pattern: Path_) -> bool:
        """True when nothing at ``pattern`` (a path; :data:`ANY` stands for every list position)
        or above it was rejected: ``intact(("level", ANY, "level"))`` is False when a level
        number, a level item or the whole level list was rejected."""
        for path in self.rejected:
            if len(path) <= len(pattern) and all(want is ANY or want == step for step, want in zip(path, pattern)):
                return False
        return True

    def text(self, path: Path_, default=None) -> str:
        """The value at ``path`` as the user wrote it."""
        return self.texts.get(tuple(path), default)

    def get(self, *path, default=None):
        """The value at ``path``, or ``default`` when any step is missing."""
        node = self.data
        for step in path:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return default
        return node
