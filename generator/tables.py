"""Table writing for every export: CSV (UTF-8 with BOM, `;`-separated for Indonesian-locale
Excel) and XLSX, the formula guard and the RAHASIA marking.

The site's matrices and the talent reports both write through here. No exported cell
can start a formula: text that begins with = + - @, a tab or a carriage return gets a
leading apostrophe (OWASP "CSV injection"). The XLSX writer is a small, deterministic
one (fixed timestamps, inline strings), so two builds give identical bytes.
"""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape as xml_escape

RAHASIA = "RAHASIA: data pribadi pegawai (UU 27/2022). Jangan diterbitkan atau dibagikan di luar Komite Talenta/BKPSDM."
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Table:
    """A table to export: header texts, rows of cells (str, int, float or None), and how many
    leading columns describe the row (they stay fixed when scrolling)."""

    name: str
    columns: list
    rows: list
    fixed: int = 1
    sheet: str = ""  # the sheet's name in a workbook of several tables (at most 31 characters)
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def safe_cell(value):
    """A cell value that spreadsheet programs will never evaluate as a formula."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class _Encoder:
    """A text sink that encodes to a binary file in chunks (rows are written one by one)."""

    def __init__(self, out):
        self.out, self.parts, self.size = out, [], 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size > 1 << 16:
            self.flush()

    def flush(self) -> None:
        self.out.write("".join(self.parts).encode("utf-8"))
        self.parts, self.size = [], 0


def csv_cell(value, plain: bool = False):
    """One CSV cell: text formula-guarded; a decimal number with a comma, as Indonesian-locale
    Excel writes and reads it (a point in ``plain`` CSV)."""
    if isinstance(value, float):
        text = f"{value:.15g}"
        return text if plain else text.replace(".", ",")
    return safe_cell(value)


def write_csv_text(table, out, banner: str = "", plain: bool = False) -> None:
    """Write ``table`` as CSV to the text stream ``out``, row by row (no BOM): `;` and decimal
    commas, or ``plain`` CSV (`,` and decimal points). ``banner`` (e.g. a RAHASIA marking)
    becomes a first line of its own."""
    writer = csv.writer(out, delimiter="," if plain else ";", lineterminator="\r\n")
    if banner:
        writer.writerow([safe_cell(banner)])
    writer.writerow([safe_cell(c) for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_cell(c, plain) for c in row])


def write_csv(table, out, banner: str = "", plain: bool = False) -> None:
    """Write ``table`` as CSV to the binary file ``out``: UTF-8 with BOM, `;`, decimal commas,
    as Indonesian-locale Excel expects; ``plain``: UTF-8 without BOM, `,`, decimal points."""
    sink = _Encoder(out)
    if not plain:
        sink.write("\ufeff")
    write_csv_text(table, sink, banner, plain)
    sink.flush()


def to_csv(table, banner: str = "") -> bytes:
    """CSV bytes of a small table (see :func:`write_csv`)."""
    out = io.BytesIO()
    write_csv(table, out, banner)
    return out.getvalue()


@lru_cache(maxsize=None)
def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xml_text(text: str) -> str:
    # XML 1.0 forbids most control characters; drop them rather than write a broken file.
    cleaned = "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
    return xml_escape(cleaned)


def _cell(ref: str, value, style: int = 0) -> str:
    value = safe_cell(value)
    s = f' s="{style}"' if style else ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    if value == "":
        return ""
    return f'<c r="{ref}" t="inlineStr"{s}><is><t xml:space="preserve">{_xml_text(str(value))}</t></is></c>'


def _widths(table) -> list[float]:
    """Column widths (characters) from the header and, for a table held in memory, its rows."""
    sample = table.rows[:500] if isinstance(table.rows, list) else []
    widths = []
    for index, header in enumerate(table.columns):
        longest = max([len(str(header))] + [len(str(row[index])) for row in sample
                                            if index < len(row) and row[index] is not None])
        widths.append(min(60, max(6, longest + 2)))
    return widths


def _sheet(table, banner: str):
    """The worksheet XML in chunks, one row at a time (a million rows never sit in memory):
    frozen header and describing columns, column widths, and an autofilter on the header."""
    head = [[banner], table.columns] if banner else [table.columns]
    top_left = f"{_column_letter(table.fixed)}{len(head) + 1}"
    x_split = f'xSplit="{table.fixed}" ' if table.fixed else ""
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                   for i, w in enumerate(_widths(table), start=1))
    yield ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           f'<sheetViews><sheetView workbookViewId="0"><pane {x_split}ySplit="{len(head)}" '
           f'topLeftCell="{top_left}" activePane="bottomRight" state="frozen"/></sheetView></sheetViews>'
           + (f"<cols>{cols}</cols>" if cols else "") + '<sheetData>')
    last = len(head)
    for r, row in enumerate(itertools.chain(head, table.rows), start=1):
        style = 1 if r <= len(head) else 0
        cells = "".join(_cell(f"{_column_letter(c)}{r}", v, style) for c, v in enumerate(row))
        yield f'<row r="{r}">{cells}</row>'
        last = r
    last_column = _column_letter(max(len(table.columns), 1) - 1)
    yield f'</sheetData><autoFilter ref="A{len(head)}:{last_column}{last}"/></worksheet>'


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_STYLES = (
    _XML + f'<styleSheet xmlns="{_MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>')


def _sheet_name(table, number: int) -> str:
    """A valid, unique-by-position sheet name: Excel forbids []:*?/\\ and allows 31 characters."""
    name = "".join(ch for ch in (getattr(table, "sheet", "") or "Matriks") if ch not in "[]:*?/\\").strip("'")[:31]
    return name or f"Lembar {number}"


def _parts(names: list[str]) -> dict[str, str]:
    """The fixed parts of a workbook with the sheets ``names``."""
    count = len(names)
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SHEET_TYPE}"/>'
                     for i in range(1, count + 1))
    return {
        "[Content_Types].xml": (
            _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f'{sheets}'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            _XML + f'<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            _XML + f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
            + "".join(f'<sheet name="{xml_escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, name in enumerate(names, start=1))
            + '</sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            _XML + f'<Relationships xmlns="{_PKG_REL}">'
            + "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                      for i in range(1, count + 1))
            + f'<Relationship Id="rId{count + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": _STYLES,
    }


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)  # fixed time: two builds give the same bytes
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def write_xlsx(table, out, banner: str = "") -> None:
    """Write ``table`` as an XLSX workbook to the binary file ``out``, row by row: one sheet,
    or one sheet per table of a list (named by each table's ``sheet``); ``banner`` heads
    every sheet."""
    tables = list(table) if isinstance(table, (list, tuple)) else [table]
    names = [_sheet_name(t, i) for i, t in enumerate(tables, start=1)]
    for i, name in enumerate(names):  # Excel refuses two sheets of one name (case-insensitive)
        while name.lower() in (n.lower() for n in names[:i]):
            name = f"{name[:28]}_{i + 1}"
        names[i] = name
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _parts(names).items():
            archive.writestr(_entry(name), text.encode("utf-8"))
        for number, one in enumerate(tables, start=1):
            with archive.open(_entry(f"xl/worksheets/sheet{number}.xml"), "w", force_zip64=True) as handle:
                sink = _Encoder(handle)
                for chunk in _sheet(one, banner):
                    sink.write(chunk)
                sink.flush()


def to_xlsx(table, banner: str = "") -> bytes:
    """XLSX bytes of a small table or list of tables (see :func:`write_xlsx`)."""
    out = io.BytesIO()
    write_xlsx(table, out, banner)
    return out.getvalue()
