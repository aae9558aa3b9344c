"""A snapshot file as a table of text: the one table reader (:mod:`generator.spreadsheet`)
under the snapshot rules."""

from __future__ import annotations

from ..rules import finding
from ..spreadsheet import Table, TableRules, read_csv as _read_csv, read_table as _read_table

RULES = TableRules(file="SNAPSHOT-FILE", structure="SNAPSHOT-STRUCTURE", encoding="SNAPSHOT-ENCODING")


def read_csv(raw: bytes, path: str) -> Table:
    return _read_csv(raw, path, RULES)


def read_table(source, path: str) -> Table:
    """The table in file ``path`` of a :class:`~generator.load.source.FileSource`."""
    try:
        raw = source.read(path)
    except OSError as exc:
        problem = finding(RULES.file, path, 1, 1, f"berkas tidak dapat dibaca: {exc.strerror or exc}")
        return Table(path, [], [], [problem], rules=RULES)
    return _read_table(raw, path, RULES)
