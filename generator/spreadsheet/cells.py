"""What the table reader gives: cells with their place, merged ranges, sheets and books, and
the refusal of a file it cannot read."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple, Union

from ..rules import finding
from ..tables import cell_text, column_letter, unguard

Value = Union[str, int, float, bool, dt.datetime, None]  # what one cell holds (a formula: its text, "=…")


class Unreadable(Exception):
    """The file cannot be read as a table: ``message`` says what it is or what is wrong,
    ``hint`` how to save it properly. The caller names the rule (:meth:`finding`)."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message, self.hint = message, hint

    def finding(self, rule: str, path: str):
        return finding(rule, path, 1, 1, self.message, self.hint)


class Cell(NamedTuple):
    sheet: str
    row: int
    column: int  # 1-based
    value: Value
    formula: bool = False
    cached: Value = None  # a formula cell: the value Excel last showed (never computed here)

    @property
    def ref(self) -> str:
        return f"{self.sheet}!{column_letter(self.column - 1)}{self.row}"

    @property
    def text(self) -> str:
        """The value as text, stripped, with the export's formula guard taken off."""
        if isinstance(self.value, str):
            return unguard(self.value.replace("\r\n", "\n").strip())
        return cell_text(self.value).strip()

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


def cell_finding(rule: str, cell: Cell, message: str, hint: str | None = None):
    """A finding at ``cell``: path = sheet name, line = row, column = column."""
    return finding(rule, cell.sheet, cell.row, cell.column, message, hint)


class Range(NamedTuple):
    """A merged range (1-based, inclusive)."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int

    @property
    def ref(self) -> str:
        return f"{column_letter(self.min_col - 1)}{self.min_row}:{column_letter(self.max_col - 1)}{self.max_row}"

    def clipped(self, rows: int, columns: int) -> "Range | None":
        """This range within the used area (``rows`` × ``columns``); None when nothing of it
        is left, or only one cell."""
        clipped = Range(self.min_row, self.min_col, min(self.max_row, rows), min(self.max_col, columns))
        if clipped.min_row > clipped.max_row or clipped.min_col > clipped.max_col \
                or (clipped.min_row == clipped.max_row and clipped.min_col == clipped.max_col):
            return None
        return clipped


class Merged:
    """The merged ranges of a sheet, asked cell by cell (a binary search per column, built
    when a column is first asked about: linear however many ranges a file names)."""

    def __init__(self, ranges: list[Range]):
        self.ranges = ranges
        self._columns: dict[int, tuple[list[int], list[int]]] = {}  # column → (first rows, furthest last rows)

    def _spans(self, column: int) -> tuple[list[int], list[int]]:
        spans = self._columns.get(column)
        if spans is None:
            starts, reach, furthest = [], [], 0
            for first, last in sorted((r.min_row, r.max_row) for r in self.ranges if r.min_col <= column <= r.max_col):
                furthest = max(furthest, last)
                starts.append(first)
                reach.append(furthest)
            spans = self._columns[column] = (starts, reach)
        return spans

    def below_top(self, row: int, column: int) -> bool:
        """True when (row, column) lies under a range that starts on an earlier row."""
        starts, reach = self._spans(column)
        index = bisect.bisect_left(starts, row) - 1
        return index >= 0 and reach[index] >= row


class Sheet:
    """One sheet (or HTML table) of a book: its rows are read when asked for, once."""

    def __init__(self, book: "Book", name: str, visible: bool = True):
        self.book, self.name, self.visible = book, name, visible
        self.merged: list[Range] = []  # complete once rows() was read to the end

    def rows(self, label: str | None = None) -> Iterator[list[Cell]]:
        """Every row with at least one non-empty cell, its cells in column order (streamed);
        each cell names ``label`` as its sheet (default: the sheet's name)."""
        raise NotImplementedError

    def held_rows(self, label: str | None = None) -> Iterator[list[Cell]]:
        """:meth:`rows` for a reader that keeps them all: the cells kept are counted against
        the book's limit."""
        budget = self.book.budget
        for row in self.rows(label):
            budget.hold(len(row))
            yield row

    def all_rows(self) -> list[list[Cell]]:
        """Every row (see :meth:`rows`), held in memory: the number of cells is limited."""
        return list(self.held_rows())


class Book:
    """A file of tables: an XLSX workbook, or an HTML page of tables."""

    kind = ""  # "xlsx" | "html"

    def __init__(self, name: str, budget):
        self.name, self.budget = name, budget
        self.sheets: list[Sheet] = []

    @property
    def sheetnames(self) -> list[str]:
        return [sheet.name for sheet in self.sheets]

    def sheet(self, name: str) -> Sheet:
        return next(sheet for sheet in self.sheets if sheet.name == name)

    def rows(self, name: str) -> list[list[Cell]]:
        """Every non-empty row of sheet ``name`` (held in memory)."""
        return self.sheet(name).all_rows()

    def table_sheet(self) -> Sheet | None:
        """The sheet a one-table export keeps its data in: the first sheet of a workbook."""
        return self.sheets[0] if self.sheets else None

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
