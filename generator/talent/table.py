"""Read a spreadsheet export as rows of text, the way Indonesian-locale Excel writes them.

CSV: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode Text"), else
Windows-1252 (with a notice); `;`, `,` or tab, sniffed from the header line. XLSX: the
first sheet, through openpyxl in read-only mode. Every row keeps its line number in the
file so that findings can name it.

A CSV file never silently gives fewer rows than it has: a line break inside a cell (the
mark of a quote that was never closed, which swallows the lines after it) is a finding
where it starts, and the data lines are also counted without the CSV parser, so that any
other damage that makes rows disappear is a finding too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..rules import finding
from ..tables import cell_text

BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass
class Table:
    path: str
    header: list[str]
    rows: Iterable[tuple[int, list[str]]]  # (line number, cells), streamed
    findings: list = field(default_factory=list)
    late_findings: list = field(default_factory=list)  # found while streaming the rows
    header_line: int = 1  # the line of the header (later when title rows or `sep=` come first)
    text: str = ""  # the decoded CSV, for the independent count of its data lines
    delimiter: str = ";"
    rows_read: int = 0  # non-blank rows the parser gave, title rows included
    title_rows: int = 0  # rows before the header line (skipped as titles)
    damaged: bool = False  # a structural finding was already made

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
                "SNAPSHOT-STRUCTURE", self.path, 1, 1,
                f"berkas berisi {physical} baris data, tetapi hanya {read} baris yang terbaca sebagai baris CSV"))


def _decode(raw: bytes, path: str):
    if raw.startswith(BOM):
        return raw[len(BOM):].decode("utf-8", errors="strict"), []
    if raw.startswith(UTF16_BOMS):  # Excel's "Unicode Text" export (tab-separated UTF-16)
        return raw.decode("utf-16", errors="strict"), []
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), [finding(
            "SNAPSHOT-ENCODING", path, 1, 1, "berkas bukan UTF-8; dibaca sebagai Windows-1252 (ANSI)")]


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ";"


def read_csv(raw: bytes, path: str) -> Table:
    try:
        text, notes = _decode(raw, path)
    except UnicodeDecodeError:
        return Table(path, [], [], [finding("SNAPSHOT-FILE", path, 1, 1, "penanda BOM ada tetapi isi berkas tidak "
                                                                         "sesuai penyandiannya (UTF-8 atau UTF-16)")])
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
        return Table(path, [], [], notes + [finding("SNAPSHOT-STRUCTURE", path, reader.line_num or 1, 1,
                                                    f"CSV tidak sah: {exc}")])
    table = Table(path, header, [], notes, header_line=reader.line_num, text=text, delimiter=delimiter)

    def rows():
        start = reader.line_num + 1
        try:
            for cells in reader:
                end = reader.line_num
                if any(c.strip() for c in cells):
                    table.rows_read += 1
                    if end > start:
                        _broken_row(table, cells, start, end)
                    yield start, cells
                start = end + 1
        except csv.Error as exc:
            table.damaged = True
            table.late_findings.append(finding("SNAPSHOT-STRUCTURE", path, start, 1, f"CSV tidak sah: {exc}"))
        table.check_count()
        table.text = ""  # the count is done; do not keep the file twice

    table.rows = rows()
    return table


def _broken_row(table: Table, cells: list[str], start: int, end: int) -> None:
    """A row that spans lines: a line break inside a cell, or a quote that was never closed."""
    table.damaged = True
    column = next((i for i, c in enumerate(cells) if "\n" in c or "\r" in c), 0)
    table.late_findings.append(finding(
        "SNAPSHOT-STRUCTURE", table.path, start, column + 1,
        f"sel ini berisi pemisah baris atau tanda kutip yang tidak ditutup: baris {start}–{end} terbaca sebagai "
        "satu baris data",
        "Tutup tanda kutip yang terbuka, atau hapus pemisah baris di dalam sel (Alt+Enter di Excel), lalu simpan "
        "ulang sebagai CSV. Satu pegawai harus tepat satu baris."))


def read_xlsx(raw: bytes, path: str) -> Table:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # a broken or foreign file: openpyxl raises many kinds
        return Table(path, [], [], [finding("SNAPSHOT-FILE", path, 1, 1, f"XLSX tidak dapat dibaca: {exc}")])
    try:
        sheet = book.worksheets[0]
        header, rows = None, []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(v) for v in values]
            if header is None:
                header = cells
            elif any(c.strip() for c in cells):
                rows.append((number, cells))
    finally:
        book.close()
    while header and not header[-1].strip():
        header.pop()
    return Table(path, header or [], rows, [])


def read_table(source, path: str) -> Table:
    """The table in file ``path`` of a :class:`~generator.load.source.FileSource`."""
    try:
        raw = source.read(path)
    except OSError as exc:
        return Table(path, [], [], [finding("SNAPSHOT-FILE", path, 1, 1,
                                            f"berkas tidak dapat dibaca: {exc.strerror or exc}")])
    if path.lower().endswith(".xlsx"):
        return read_xlsx(raw, path)
    return read_csv(raw, path)
