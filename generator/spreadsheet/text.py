"""A one-table export as rows of text (a snapshot): from CSV, or from the table sheet of an
XLSX workbook or an HTML table. Every row keeps its line (CSV) or row number (workbook)
so that findings can name it.

CSV as Indonesian-locale Excel writes it: UTF-8 with or without BOM, UTF-16 with BOM
(Excel's "Unicode Text"), else Windows-1252 (with a notice); `;`, `,`, tab or `|` (some
personnel-system downloads), sniffed from the header line. A CSV file never silently gives fewer rows than it has: a line
break inside a cell (the mark of a quote that was never closed, which swallows the lines
after it) is a finding where it starts, and the data lines are also counted without the
CSV parser, so that any other damage that makes rows disappear is a finding too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from ..findings import Finding
from ..rules import finding
from ..tables import cell_text
from .cells import Book, Cell, Unreadable
from .limits import MAX_COLUMNS

BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
TITLE_ROWS = 12  # rows read at full width before the header is known (title rows come first)


class TableRules(NamedTuple):
    """The rule ids a reader of text tables reports under."""

    file: str  # the file cannot be read
    structure: str  # rows damaged or lost
    encoding: str  # not UTF-8: read as Windows-1252


@dataclass
class Table:
    path: str
    header: list[str]
    rows: Iterable[tuple[int, list[str]]]  # (line number, cells), streamed
    findings: list[Finding] = field(default_factory=list)
    late_findings: list[Finding] = field(default_factory=list)  # found while streaming the rows
    header_line: int = 1  # the line of the header (later when title rows or `sep=` come first)
    text: str = ""  # the decoded CSV, for the independent count of its data lines
    delimiter: str = ";"
    rows_read: int = 0  # non-blank rows the parser gave, title rows included
    title_rows: int = 0  # rows before the header line (skipped as titles)
    damaged: bool = False  # a structural finding was already made
    rules: TableRules | None = None
    kind: str = "csv"  # csv | xlsx | html

    def check_count(self) -> None:
        """Compare the data lines counted without the CSV parser with the rows it gave."""
        if not self.text or self.damaged:
            return
        ignore = " \t\r\"\ufeff" + self.delimiter
        physical = 0
        for number, line in enumerate(io.StringIO(self.text, newline=None), start=1):
            if number > self.header_line and line.strip(ignore + "\n"):
                physical += 1
        read = self.rows_read - self.title_rows
        if physical != read:
            self.late_findings.append(finding(
                self.rules.structure, self.path, 1, 1,
                f"berkas berisi {physical} baris data, tetapi hanya {read} baris yang terbaca sebagai baris CSV"))


def _decode(raw: bytes, path: str, rules: TableRules):
    if raw.startswith(BOM):
        return raw[len(BOM):].decode("utf-8", errors="strict"), []
    if raw.startswith(UTF16_BOMS):  # Excel's "Unicode Text" export (tab-separated UTF-16)
        return raw.decode("utf-16", errors="strict"), []
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), [finding(
            rules.encoding, path, 1, 1, "berkas bukan UTF-8; dibaca sebagai Windows-1252 (ANSI)")]


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t", "|")}
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ";"


def read_csv(raw: bytes, path: str, rules: TableRules) -> Table:
    try:
        text, notes = _decode(raw, path, rules)
    except UnicodeDecodeError:
        return Table(path, [], [], [finding(rules.file, path, 1, 1, "penanda BOM ada tetapi isi berkas tidak "
                                                                   "sesuai penyandiannya (UTF-8 atau UTF-16)")],
                     rules=rules)
    del raw
    first = text.split("\n", 1)[0].rstrip("\r")
    hinted = first.lower().startswith("sep=") and len(first) == 5  # Excel's "sep=;" first line
    delimiter = first[4] if hinted else _delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter)
    try:
        if hinted:
            next(reader, None)
        header = next(reader, [])
    except csv.Error as exc:
        return Table(path, [], [], notes + [finding(rules.structure, path, reader.line_num or 1, 1,
                                                    f"CSV tidak sah: {exc}")], rules=rules)
    table = Table(path, header, [], notes, header_line=reader.line_num, text=text, delimiter=delimiter, rules=rules)

    def rows():
        start = reader.line_num + 1
        try:
            for cells in reader:
                end = reader.line_num
                if cells and cells[0].strip() or any(c.strip() for c in cells):
                    table.rows_read += 1
                    if end > start:
                        _broken_row(table, cells, start, end)
                    yield start, cells
                start = end + 1
        except csv.Error as exc:
            table.damaged = True
            table.late_findings.append(finding(rules.structure, path, start, 1, f"CSV tidak sah: {exc}"))
        table.check_count()
        table.text = ""  # the count is done; do not keep the file twice

    table.rows = rows()
    return table


def _broken_row(table: Table, cells: list[str], start: int, end: int) -> None:
    """A row that spans lines: a line break inside a cell, or a quote that was never closed."""
    table.damaged = True
    column = next((i for i, c in enumerate(cells) if "\n" in c or "\r" in c), 0)
    table.late_findings.append(finding(
        table.rules.structure, table.path, start, column + 1,
        f"sel ini berisi pemisah baris atau tanda kutip yang tidak ditutup: baris {start}–{end} terbaca sebagai "
        "satu baris data",
        "Tutup tanda kutip yang terbuka, atau hapus pemisah baris di dalam sel (Alt+Enter di Excel), lalu simpan "
        "ulang sebagai CSV. Satu pegawai harus tepat satu baris."))


def _texts(cells: list[Cell], width: int) -> list[str]:
    """The cells of a row as a list of texts, one per column, at most ``width`` columns."""
    size = min(cells[-1].column, width)
    out = [""] * size
    for cell in cells:
        if cell.column <= size:
            value = cell.cached if cell.formula else cell.value
            out[cell.column - 1] = value if value.__class__ is str else cell_text(value)
    return out


def read_book_table(book: Book, path: str, rules: TableRules) -> Table:
    """The table sheet of ``book`` as a text table: its first row is the header."""
    sheet = book.table_sheet()
    table = Table(path, [], [], rules=rules, kind=book.kind)
    if sheet is None:
        return table
    rows = sheet.rows()
    try:
        first = next(rows, None)
    except Unreadable as exc:
        table.findings.append(exc.finding(rules.file, path))
        return table
    if first is None:
        return table
    header = _texts(first, MAX_COLUMNS)
    while header and not header[-1].strip():
        header.pop()
    table.header, table.header_line = header, first[0].row

    def stream() -> Iterator[tuple[int, list[str]]]:
        try:
            for number, cells in enumerate(rows, start=1):
                # Title rows come first: the header may be a later row, read at full width.
                width = MAX_COLUMNS if number <= TITLE_ROWS else max(len(table.header), 1)
                yield cells[0].row, _texts(cells, width)
        except Unreadable as exc:
            table.late_findings.append(exc.finding(rules.file, path))
        finally:
            book.close()

    table.rows = stream()
    return table
