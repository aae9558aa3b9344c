"""Table writing for every export: CSV (UTF-8 with BOM, `;`-separated for Indonesian-locale
Excel) and XLSX, the formula guard and the RAHASIA marking.

The site's matrices and the talent reports both write through here. No exported cell
can start a formula: text that begins with = + - @, a tab or a carriage return gets a
leading apostrophe (OWASP "CSV injection"). The XLSX writer is a small, deterministic
one (fixed timestamps, inline strings), so two builds give identical bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache

def xml_escape(text: str, entities: dict | None = None) -> str:
    """``&``, ``<``, ``>`` (and ``entities``) as XML entities; the same as xml.sax.saxutils.escape,
    which would load urllib and the email package at every start of the command."""
    text = text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for character, entity in (entities or {}).items():
        text = text.replace(character, entity)
    return text


RAHASIA = "RAHASIA: data pribadi pegawai (UU 27/2022). Jangan diterbitkan atau dibagikan di luar Komite Talenta/BKPSDM."
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Table:
    """A table to export: header texts, rows of cells (str, int, float or None), and how many
    leading columns describe the row (they stay fixed when scrolling).

    The optional parts make a sheet pleasant to edit in Excel: ``labels`` (a second header
    row, e.g. Indonesian labels under field names), column ``widths`` in characters,
    ``text`` columns (formatted as Text, so that Excel keeps `1.10` and 18-digit numbers as
    typed), ``choices`` (column index → a list-validation formula: a defined name, a range
    such as ``Pilihan!$A$2:$A$9``, or ``"a,b"``), an ``autofilter`` on the header (widths,
    when not given, follow the header and the first rows held in memory), and
    ``hidden`` (a sheet of lists that the dropdowns read)."""

    name: str
    columns: list
    rows: list
    fixed: int = 1
    sheet: str = ""  # the sheet's name in a workbook of several tables (at most 31 characters)
    labels: list | None = None
    widths: list | None = None
    text: list | None = None
    choices: dict | None = None
    autofilter: bool = True
    hidden: bool = False
    hide: tuple = ()  # indexes of columns hidden from view (still read back)


_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def safe_cell(value):
    """A cell value that spreadsheet programs will never evaluate as a formula.

    Text that starts with a formula character gets a leading apostrophe; so does text that
    already starts with apostrophes before one, so that :func:`unguard` gives back exactly
    the original text (a workbook can be exported and imported again without a change)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.lstrip("'").startswith(_FORMULA_START):
        return "'" + value
    return value


def unguard(text: str) -> str:
    """The inverse of :func:`safe_cell` for text read back from an exported file."""
    if text.startswith("'") and text.lstrip("'").startswith(_FORMULA_START):
        return text[1:]
    return text


def cell_text(value) -> str:
    """A spreadsheet cell value as the text a person sees (numbers without a needless `.0`,
    dates as ISO dates)."""
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
def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    # XML 1.0 forbids most control characters; drop them rather than write a broken file.
    return xml_escape(_CONTROL.sub("", text))


# Cell styles (indexes into cellXfs below).
PLAIN, BOLD, TEXT, FIELD, LABEL = 0, 1, 2, 3, 4


def _cell(ref: str, value, style: int = 0) -> str:
    if value is None or value == "":
        return ""
    s = f' s="{style}"' if style else ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"{s}><is><t xml:space="preserve">{_xml_text(str(safe_cell(value)))}</t></is></c>'


def _head_rows(table, banner: str) -> list[tuple[list, int]]:
    """(cells, style) of the rows above the data."""
    head = [([banner], BOLD)] if banner else []
    if table.labels:
        return head + [(table.columns, FIELD), (table.labels, LABEL)]
    return head + [(table.columns, BOLD)]


def _columns_xml(table) -> str:
    widths = table.widths if table.widths is not None else _widths(table)
    count = max(len(widths), len(table.text or ()), max(table.hide, default=-1) + 1)
    cols = []
    for i in range(count):
        width = widths[i] if i < len(widths) else 0
        text = (table.text or [])[i] if i < len(table.text or ()) else False
        attrs = (f' width="{width}" customWidth="1"' if width else "") + (f' style="{TEXT}"' if text else "") \
            + (' hidden="1"' if i in table.hide else "")
        if attrs:
            cols.append(f'<col min="{i + 1}" max="{i + 1}"{attrs}/>')
    return f"<cols>{''.join(cols)}</cols>" if cols else ""


def _widths(table) -> list[float]:
    """Column widths (characters) from the header and, for a table held in memory, its rows."""
    sample = table.rows[:500] if isinstance(table.rows, list) else []
    widths = []
    for index, header in enumerate(table.columns):
        longest = max([len(str(header))] + [len(str(row[index])) for row in sample
                                            if index < len(row) and row[index] is not None])
        widths.append(min(60, max(6, longest + 2)))
    return widths


def _sheet(table, banner: str, number: int):
    """The worksheet XML in chunks, one row at a time (a million rows never sit in memory)."""
    head = _head_rows(table, banner)
    top_left = f"{column_letter(table.fixed)}{len(head) + 1}"
    x_split = f'xSplit="{table.fixed}" ' if table.fixed else ""
    selected = ' tabSelected="1"' if number == 0 else ""
    yield ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           f'<sheetViews><sheetView{selected} workbookViewId="0"><pane {x_split}ySplit="{len(head)}" '
           f'topLeftCell="{top_left}" activePane="bottomRight" state="frozen"/></sheetView></sheetViews>'
           f'{_columns_xml(table)}<sheetData>')
    last = 0
    text = table.text or ()
    styles = [TEXT if c < len(text) and text[c] else PLAIN for c in range(len(table.columns))]
    for r, (row, style) in enumerate(itertools.chain(head, ((row, 0) for row in table.rows)), start=1):
        cells = "".join(_cell(f"{column_letter(c)}{r}", v, style or (styles[c] if c < len(styles) else PLAIN))
                        for c, v in enumerate(row) if v is not None and v != "")
        yield f'<row r="{r}">{cells}</row>'
        last = r
    yield '</sheetData>'
    end = column_letter(max(len(table.columns), 1) - 1)
    if table.autofilter:
        yield f'<autoFilter ref="A{len(head)}:{end}{max(last, len(head))}"/>'
    if table.choices:
        first = len(head) + 1
        items = "".join(
            f'<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop" '
            f'errorTitle="Nilai tidak sah" error="Pilih salah satu nilai dari daftar." '
            f'sqref="{column_letter(c)}{first}:{column_letter(c)}1048576"><formula1>{xml_escape(formula)}</formula1>'
            '</dataValidation>' for c, formula in sorted(table.choices.items()))
        yield f'<dataValidations count="{len(table.choices)}">{items}</dataValidations>'
    yield '</worksheet>'


_HIDDEN = ' state="hidden"'
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font>'
    '<font><i/><sz val="9"/><color rgb="FF666666"/><name val="Calibri"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="49" fontId="2" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>'
    '<xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" '
    'applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>')


def _sheet_name(table, number: int) -> str:
    """A valid, unique-by-position sheet name: Excel forbids []:*?/\\ and allows 31 characters."""
    name = "".join(ch for ch in (getattr(table, "sheet", "") or "Matriks") if ch not in "[]:*?/\\").strip("'")[:31]
    return name or f"Lembar {number}"


def sheet_names(tables) -> list[str]:
    """The names of the sheets of ``tables``, made unique (Excel compares them case-insensitively)."""
    names = [_sheet_name(t, i) for i, t in enumerate(tables, start=1)]
    for i, name in enumerate(names):
        while name.lower() in (n.lower() for n in names[:i]):
            name = f"{name[:28]}_{i + 1}"
        names[i] = name
    return names


def _static_parts(tables, names: dict[str, str], banner: str = "") -> dict[str, str]:
    titles = sheet_names(tables)
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
                        for i in range(1, len(tables) + 1))
    sheets = "".join(f'<sheet name="{xml_escape(titles[i - 1], {chr(34): "&quot;"})}" sheetId="{i}"'
                     f'{_HIDDEN if t.hidden else ""} r:id="rId{i}"/>'
                     for i, t in enumerate(tables, start=1))
    defined = [f'<definedName name="{xml_escape(n)}">{xml_escape(ref)}</definedName>' for n, ref in sorted(names.items())]
    for i, t in enumerate(tables):
        if t.autofilter:
            quoted = "'" + titles[i].replace("'", "''") + "'"
            end = column_letter(max(len(t.columns), 1) - 1)
            row = len(_head_rows(t, banner))  # the header row the filter sits on
            defined.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                           f'{xml_escape(quoted)}!$A${row}:${end}$1048576</definedName>')
    defined_xml = f"<definedNames>{''.join(defined)}</definedNames>" if defined else ""
    rels = "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                   for i in range(1, len(tables) + 1))
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>{overrides}'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{_REL}">'
            f'<sheets>{sheets}</sheets>{defined_xml}</workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'{rels}<Relationship Id="rId{len(tables) + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
            '</Relationships>'),
        "xl/styles.xml": _STYLES,
    }


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)  # fixed time: two builds give the same bytes
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def write_xlsx(table, out, banner: str = "", names: dict[str, str] | None = None) -> None:
    """Write ``table`` as an XLSX workbook to the binary file ``out``, row by row: one sheet,
    or one sheet per table of a list (named by each table's ``sheet``); ``banner`` (e.g. a
    RAHASIA marking) heads every sheet, ``names`` are defined names (the ranges dropdowns
    read). Same input, same bytes."""
    tables = list(table) if isinstance(table, (list, tuple)) else [table]
    tables = [t if isinstance(t, Table) else Table(t.name, t.columns, t.rows, t.fixed, getattr(t, "sheet", ""))
              for t in tables]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _static_parts(tables, names or {}, banner).items():
            archive.writestr(_entry(name), text.encode("utf-8"))
        for number, one in enumerate(tables):
            with archive.open(_entry(f"xl/worksheets/sheet{number + 1}.xml"), "w", force_zip64=True) as handle:
                sink = _Encoder(handle)
                for chunk in _sheet(one, banner, number):
                    sink.write(chunk)
                sink.flush()


def to_xlsx(table, banner: str = "") -> bytes:
    """XLSX bytes of a small table or list of tables (see :func:`write_xlsx`)."""
    out = io.BytesIO()
    write_xlsx(table, out, banner)
    return out.getvalue()
