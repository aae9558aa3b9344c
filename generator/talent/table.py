"""Read a spreadsheet export as rows of text, the way Indonesian-locale Excel writes them.

CSV: UTF-8 with or without BOM, else Windows-1252 (with a notice); `;`, `,` or tab, sniffed
from the header line. XLSX: the first sheet, through openpyxl in read-only mode. Every
row keeps its line number in the file so that findings can name it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..rules import finding

BOM = b"\xef\xbb\xbf"


@dataclass
class Table:
    path: str
    header: list[str]
    rows: Iterable[tuple[int, list[str]]]  # (line number, cells), streamed
    findings: list = field(default_factory=list)
    late_findings: list = field(default_factory=list)  # found while streaming the rows


def _decode(raw: bytes, path: str):
    if raw.startswith(BOM):
        return raw[len(BOM):].decode("utf-8", errors="strict"), []
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
        return Table(path, [], [], [finding("SNAPSHOT-FILE", path, 1, 1, "BOM UTF-8 ada tetapi isi berkas bukan UTF-8")])
    del raw
    first = text.split("\n", 1)[0].rstrip("\r")
    hinted = first.lower().startswith("sep=") and len(first) == 5  # Excel's "sep=;" first line
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=first[4] if hinted else _delimiter(first))
    try:
        if hinted:
            next(reader, None)
        header = next(reader, [])
    except csv.Error as exc:
        return Table(path, [], [], notes + [finding("SNAPSHOT-FILE", path, 1, 1, f"CSV tidak sah: {exc}")])
    table = Table(path, header, [], notes)

    def rows():
        try:
            for cells in reader:
                if any(c.strip() for c in cells):
                    yield reader.line_num, cells
        except csv.Error as exc:
            table.late_findings.append(finding("SNAPSHOT-FILE", path, reader.line_num, 1, f"CSV tidak sah: {exc}"))

    table.rows = rows()
    return table


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return repr(value) if abs(value) >= 1e15 else f"{value:g}" if value != int(value) else str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


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
            cells = [_cell_text(v) for v in values]
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
