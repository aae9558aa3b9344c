"""HTML tables saved as `.xls` or `.xlsx`: what many Indonesian web applications call
"export to Excel". Read with the standard library's html.parser: every ``<table>`` is a
sheet (``Tabel 1``, ``Tabel 2``, … in the order they open; a table inside a cell is a
sheet of its own), every ``<tr>`` a row, every ``<td>``/``<th>`` a cell placed as a
browser (and Excel) places it, around the cells that a ``rowspan``/``colspan`` above
covers; those spans are the sheet's merged ranges. Cell text is whitespace-collapsed,
``<br>`` is a line break. Nothing of the page runs or is fetched.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from .cells import Book, Cell, Range, Sheet, Unreadable
from .limits import MAX_COLUMNS, MAX_HTML_SPAN, MAX_SPAN_STEPS, SPLIT_HINT, Budget, thousands

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BLOCK = {"p", "div", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6"}


def decode_html(raw: bytes) -> str:
    """The text of an HTML file: by its byte-order mark, else its ``<meta charset>``, else
    UTF-8, else Windows-1252."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return raw[len(bom):].decode(codec, errors="replace")
    declared = _CHARSET.search(raw[:4096])
    if declared:
        try:
            return raw.decode(declared.group(1).decode("ascii"), errors="replace")
        except (LookupError, UnicodeError, ValueError):  # no text encoding, or one that refuses "replace"
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


class HtmlSheet(Sheet):
    def __init__(self, book: "HtmlBook", name: str):
        super().__init__(book, name)
        self.found: list[list[Cell]] = []

    def rows(self, label: str | None = None) -> Iterator[list[Cell]]:
        for row in self.found:
            yield [cell._replace(sheet=label) for cell in row] if label else row

    def held_rows(self, label: str | None = None) -> Iterator[list[Cell]]:
        return self.rows(label)  # counted while the page was read


class _Table:
    """A table being read: its rows so far, and the columns covered by rowspans above."""

    def __init__(self, sheet: HtmlSheet):
        self.sheet = sheet
        self.row = 0
        self.cursor = 0  # the last column taken in the current row
        self.cells: list[Cell] | None = None  # the current row's cells (None outside a <tr>)
        self.covered: dict[int, int] = {}  # column → the last row a rowspan covers it
        self.cell: list | None = None  # [text parts, colspan, rowspan] of the open cell
        self.max_row = self.max_col = 0
        self.merges: list[Range] = []


class _Reader(HTMLParser):
    def __init__(self, book: "HtmlBook"):
        super().__init__(convert_charrefs=True)
        self.book = book
        self.stack: list[_Table] = []
        self.skip = 0  # inside <script>/<style>
        self.steps = 0

    # --- tags ------------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        self.book.budget.spend(1)
        table = self.stack[-1] if self.stack else None
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            sheet = HtmlSheet(self.book, f"Tabel {len(self.book.sheets) + 1}")
            self.book.sheets.append(sheet)
            self.stack.append(_Table(sheet))
        elif table is None:
            return
        elif tag == "tr":
            self._end_row(table)
            table.row += 1
            table.cursor, table.cells = 0, []
        elif tag in ("td", "th"):
            if table.cells is None:  # a cell without a <tr>
                table.row += 1
                table.cursor, table.cells = 0, []
            self._end_cell(table)
            values = dict(attrs)
            table.cell = [[], _span(values.get("colspan")), _span(values.get("rowspan"))]
        elif table.cell is not None and tag == "br":
            table.cell[0].append("\n")
        elif table.cell is not None and tag in _BLOCK:
            table.cell[0].append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "td", "th", "tr", "table"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
            return
        if not self.stack:
            return
        table = self.stack[-1]
        if tag in ("td", "th"):
            self._end_cell(table)
        elif tag == "tr":
            self._end_row(table)
        elif tag == "table":
            self._end_table()

    def handle_data(self, data):
        if self.skip or not self.stack:
            return
        table = self.stack[-1]
        if table.cell is not None:
            table.cell[0].append(data)

    # --- placing cells ------------------------------------------------------------------

    def _end_cell(self, table: _Table) -> None:
        if table.cell is None or table.cells is None:
            return
        parts, colspan, rowspan = table.cell
        table.cell = None
        column = table.cursor + 1
        row = table.row
        covered = table.covered
        while covered.get(column, 0) >= row:  # under a rowspan of a row above
            column += 1
            self._step()
        if column + colspan - 1 > MAX_COLUMNS:
            raise Unreadable(f"tabel HTML lebih lebar dari {thousands(MAX_COLUMNS)} kolom", SPLIT_HINT)
        table.cursor = column + colspan - 1
        if rowspan > 1:
            for spanned in range(column, column + colspan):
                covered[spanned] = max(covered.get(spanned, 0), row + rowspan - 1)
                self._step()
        if colspan > 1 or rowspan > 1:
            self.book.budget.hold(1)
            table.merges.append(Range(row, column, row + rowspan - 1, column + colspan - 1))
        text = "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n")).strip("\n")
        text = re.sub(r"\n{2,}", "\n", text)
        if text:
            table.cells.append(Cell(table.sheet.name, row, column, text))
            table.max_row, table.max_col = row, max(table.max_col, column)

    def _step(self) -> None:
        self.steps += 1
        if self.steps > MAX_SPAN_STEPS:
            raise Unreadable("tabel HTML berisi rowspan/colspan yang menutupi terlalu banyak sel", SPLIT_HINT)

    def _end_row(self, table: _Table) -> None:
        self._end_cell(table)
        if table.cells:
            self.book.budget.hold(len(table.cells))
            table.sheet.found.append(table.cells)
        table.cells = None

    def _end_table(self) -> None:
        table = self.stack.pop()
        self._end_row(table)
        table.sheet.merged = [m for m in (r.clipped(table.max_row, table.max_col) for r in table.merges)
                              if m is not None]

    def finish(self) -> None:
        self.close()
        while self.stack:
            self._end_table()


def _span(value) -> int:
    try:
        return min(max(int(str(value).strip()), 1), MAX_HTML_SPAN)
    except (TypeError, ValueError):
        return 1


class HtmlBook(Book):
    kind = "html"

    def __init__(self, raw: bytes, name: str, held: int | None = None):
        super().__init__(name, Budget(held))
        reader = _Reader(self)
        try:
            reader.feed(decode_html(raw))
            reader.finish()
        except (AssertionError, ValueError, RecursionError) as exc:  # html.parser on markup it cannot place
            raise Unreadable(f"tabel HTML tidak dapat dibaca: {exc}",
                             "Buka berkas di Excel, lalu Simpan Sebagai Excel Workbook (.xlsx).") from None
        self.sheets = [s for s in self.sheets if s.found] or self.sheets[:1]
        if not self.sheets:
            raise Unreadable("berkas ini halaman HTML tanpa tabel, bukan buku kerja Excel",
                             "Unduh ulang datanya dari aplikasi sebagai Excel atau CSV, atau buka halaman itu di "
                             "Excel lalu Simpan Sebagai Excel Workbook (.xlsx).")

    def table_sheet(self) -> Sheet | None:
        """The table with the most rows (a page may put title or layout tables before the data)."""
        return max(self.sheets, key=lambda s: len(s.found), default=None)
