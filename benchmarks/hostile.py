"""Hostile workbooks and tables, built the way an attacker builds them: with zipfile and
openpyxl, on real files. Used by tests/test_spreadsheet.py (small sizes) and by
benchmarks/bench_tables.py (the sizes of issue 18, measured in fresh processes).

Every builder writes one file and returns its path. Nothing here is valid input: each is
what a pull request or an e-mail attachment may carry.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

MANAJERIAL = ["Integritas", "Kerja Sama", "Komunikasi", "Orientasi pada Hasil", "Pelayanan Publik",
              "Pengembangan Diri dan Orang Lain", "Mengelola Perubahan", "Pengambilan Keputusan"]
SNAPSHOT_HEADER = ["nip", "nama", "jabatan", "predikat_kinerja", "nilai_potensi"]  # the required columns
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def skj_form(path: Path, nama: str = "Kepala Dinas Komunikasi dan Informatika", rows: int = 0,
             values: dict | None = None) -> Path:
    """A small SKJ form (openpyxl) as Pemda keep them: identity rows, the competency table.
    ``rows`` more rows of "Ikhtisar Jabatan" labels follow (the shape that made the old
    reader cubic); ``values`` sets cells by reference afterwards (e.g. formulas)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "SKJ"
    sheet["A1"] = "STANDAR KOMPETENSI JABATAN"
    for row, (label, value) in enumerate((("Nama Jabatan", nama), ("Kelompok Jabatan", "JPT Pratama"),
                                          ("Urusan Pemerintahan", "Komunikasi dan Informatika")), start=2):
        sheet.cell(row, 1, label)
        sheet.cell(row, 2, ":")
        sheet.cell(row, 3, value)
    sheet["A6"] = "II. STANDAR KOMPETENSI"
    for column, head in enumerate(("No", "Kompetensi", "Level", "Deskripsi", "Indikator Kompetensi"), start=1):
        sheet.cell(7, column, head)
    for number, name in enumerate(MANAJERIAL + ["Perekat Bangsa"], start=1):
        sheet.cell(7 + number, 1, number)
        sheet.cell(7 + number, 2, name)
        sheet.cell(7 + number, 3, 4)
    for extra in range(rows):
        sheet.cell(20 + extra, 1, "Ikhtisar Jabatan")
    for ref, value in (values or {}).items():
        sheet[ref] = value
    book.save(path)
    return Path(path)


def rewrite_part(path: Path, part: str, change) -> Path:
    """Rewrite one part of a zip archive in place: ``change(bytes) -> bytes``."""
    source = Path(path).read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            new.writestr(info.filename, change(data) if info.filename == part else data)
    Path(path).write_bytes(out.getvalue())
    return Path(path)


def merge_bomb(path: Path) -> Path:
    """A 5 KB SKJ form whose sheet names one merged range of 17 billion cells."""
    skj_form(path)
    return rewrite_part(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A5:XFD1048576"/></mergeCells>', 1))


def _workbook_parts(sheet_xml: bytes, shared: bool) -> dict[str, bytes]:
    overrides = ('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="'
                 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
    rels = f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    if shared:
        rels += f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    return {
        "[Content_Types].xml": ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                                'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                                'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                                f'{overrides}</Types>').encode(),
        "_rels/.rels": ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                        f'relationships"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
                        'Target="xl/workbook.xml"/></Relationships>').encode(),
        "xl/workbook.xml": (f'<?xml version="1.0"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
                            '<sheet name="Kebutuhan" sheetId="1" r:id="rId1"/></sheets></workbook>').encode(),
        "xl/_rels/workbook.xml.rels": ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                                       f'package/2006/relationships">{rels}</Relationships>').encode(),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }


def _stream(archive: zipfile.ZipFile, name: str, head: bytes, unit: bytes, count: int, tail: bytes) -> None:
    info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info._compresslevel = archive.compresslevel  # the archive's level (ZipFile.open does not apply it)
    with archive.open(info, "w", force_zip64=True) as handle:
        handle.write(head)
        repeat = max(1, 1_000_000 // len(unit))
        block = unit * repeat
        for _ in range(count // repeat):
            handle.write(block)
        handle.write(unit * (count % repeat))
        handle.write(tail)


def shared_strings_bomb(path: Path, megabytes: int = 790) -> Path:
    """A workbook of about 1 MB whose shared-strings table unpacks to ``megabytes`` MB of
    empty strings (the file that ended in "galat internal: MemoryError" after 168 s)."""
    sheet = (f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
             '</row></sheetData></worksheet>').encode()
    unit = b"<si><t/></si>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in _workbook_parts(sheet, shared=True).items():
            archive.writestr(name, data)
        _stream(archive, "xl/sharedStrings.xml", f'<?xml version="1.0"?><sst xmlns="{_MAIN}">'.encode(), unit,
                megabytes * 1_000_000 // len(unit), b"</sst>")
    return Path(path)


def many_strings(path: Path, count: int) -> Path:
    """A workbook whose shared-strings table has ``count`` different short strings (no zip
    bomb: it compresses like real text)."""
    sheet = (f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
             '</row></sheetData></worksheet>').encode()
    strings = "".join(f"<si><t>{n:x}</t></si>" for n in range(count)).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _workbook_parts(sheet, shared=True).items():
            archive.writestr(name, data)
        archive.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst xmlns="{_MAIN}">'.encode() + strings
                         + b"</sst>")
    return Path(path)


def cell_flood(path: Path, megabytes: int = 395) -> Path:
    """A workbook of a few MB whose one sheet unpacks to ``megabytes`` MB of small cells at
    a compression ratio just inside the guard (about 110:1): the most XML a small file can
    make the reader parse."""
    import random

    chance = random.Random(18)
    rows = []
    for _ in range(2_000):  # a block longer than deflate's 32 KB window, repeated
        cells = "".join(f"<c><v>{chance.randrange(10) if chance.random() < 0.05 else 7}</v></c>" for _ in range(50))
        rows.append(f"<row>{cells}</row>")
    block = "".join(rows).encode()
    head = f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}"><sheetData>'.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in _workbook_parts(b"", shared=False).items():
            if name != "xl/worksheets/sheet1.xml":
                archive.writestr(name, data)
        _stream(archive, "xl/worksheets/sheet1.xml", head, block, megabytes * 1_000_000 // len(block),
                b"</sheetData></worksheet>")
    return Path(path)


def _header_row() -> str:
    return "<row r=\"1\">" + "".join(f'<c t="inlineStr"><is><t>{name}</t></is></c>' for name in SNAPSHOT_HEADER) \
        + "</row>"


def far_cells(path: Path, rows: int) -> Path:
    """A snapshot workbook whose every row also has a cell in the last column (XFD)."""
    head = f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}"><sheetData>{_header_row()}'.encode()
    body = b"".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c><c r="XFD{r}"><v>1</v></c></row>'.encode()
                    for r in range(2, rows + 2))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _workbook_parts(head + body + b"</sheetData></worksheet>", shared=False).items():
            archive.writestr(name, data)
    return Path(path)


def lying_sizes(path: Path, source: Path) -> Path:
    """``source`` with every part's declared (unpacked) size shrunk to 100 bytes in both zip
    headers: the compression ratio guard sees nothing, reading must stop there."""
    data = bytearray(Path(source).read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        infos = archive.infolist()
    end = data.rfind(b"PK\x05\x06")
    directory = int.from_bytes(data[end + 16:end + 20], "little")
    position = directory
    for info in infos:
        assert data[position:position + 4] == b"PK\x01\x02"
        data[position + 24:position + 28] = min(info.file_size, 100).to_bytes(4, "little")
        local = info.header_offset
        data[local + 22:local + 26] = min(info.file_size, 100).to_bytes(4, "little")
        position += 46 + int.from_bytes(data[position + 28:position + 30], "little") \
            + int.from_bytes(data[position + 30:position + 32], "little") \
            + int.from_bytes(data[position + 32:position + 34], "little")
    Path(path).write_bytes(bytes(data))
    return Path(path)


def damaged(path: Path, source: Path, how: str, part: str = "xl/worksheets/sheet1.xml") -> Path:
    """``source`` with ``part`` damaged: ``truncated`` (the XML cut in half, a valid zip),
    ``crc`` (stored, one byte changed: the checksum no longer matches), ``deflate`` (the
    compressed stream overwritten in its middle)."""
    with zipfile.ZipFile(source) as old:
        parts = {info.filename: old.read(info.filename) for info in old.infolist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as new:
        for name, data in parts.items():
            if name == part and how == "truncated":
                new.writestr(name, data[:len(data) // 2], zipfile.ZIP_DEFLATED)
            elif name == part and how == "crc":
                new.writestr(name, data, zipfile.ZIP_STORED)
            else:
                new.writestr(name, data, zipfile.ZIP_DEFLATED)
    raw = bytearray(out.getvalue())
    if how in ("crc", "deflate"):
        with zipfile.ZipFile(io.BytesIO(bytes(raw))) as archive:
            info = archive.getinfo(part)
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        middle = start + info.compress_size // 2
        if how == "crc":
            raw[middle] = ord("x") if raw[middle] != ord("x") else ord("y")
        else:
            raw[middle:middle + 16] = b"\xff" * 16
    Path(path).write_bytes(bytes(raw))
    return Path(path)


def html_table(path: Path, rows: list[list[str]], title_rows: list[str] = (), spans: str = "",
               encoding: str = "utf-8") -> Path:
    """An HTML table saved as .xls, as web applications "export to Excel": a <style> block,
    title rows in a first table, the data table with <th> headers."""
    head = "".join(f"<tr><td colspan='{len(rows[0])}'><b>{t}</b></td></tr>" for t in title_rows)
    body = "".join("<tr>" + "".join(f"<{'th' if i == 0 else 'td'} style=\"mso-number-format:'\\@'\">{c}</"
                                     f"{'th' if i == 0 else 'td'}>" for c in row) + "</tr>"
                   for i, row in enumerate(rows))
    html = (f"<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><head><meta http-equiv=\"Content-Type\" "
            f"content=\"text/html; charset={encoding}\"><style>td {{ border: 1px solid }}</style></head><body>"
            f"<table>{head}</table><table border='1'>{spans}{body}</table></body></html>")
    Path(path).write_bytes(html.encode(encoding))
    return Path(path)


def span_bomb(path: Path, rows: int) -> Path:
    """An HTML table whose first row spans the widest and tallest a browser allows, followed
    by ``rows`` rows of one cell each (every one must be placed around the span)."""
    cells = "".join("<td rowspan='65534' colspan='1000'>x</td>" for _ in range(16))
    body = "<tr><td>1</td></tr>" * rows
    Path(path).write_text(f"<table><tr>{cells}</tr>{body}</table>", "utf-8")
    return Path(path)


def error_rows(path: Path, rows: int) -> Path:
    """A snapshot workbook with a sound header and ``rows`` rows that are each several
    errors (a NIP of one letter, every required value empty): the findings, not the cells,
    would fill the memory."""
    head = f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}"><sheetData>{_header_row()}'.encode()
    body = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c></row>' for r in range(2, rows + 2))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in _workbook_parts(head + body.encode() + b"</sheetData></worksheet>", shared=False).items():
            archive.writestr(name, data)
    return Path(path)


def one_sheet(path: Path, rows_xml: str, after: str = "") -> Path:
    """A workbook of one sheet whose ``<sheetData>`` holds ``rows_xml`` as given (``after``:
    what follows it, e.g. merged ranges): any cell a file can say."""
    sheet = (f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}"><sheetData>{rows_xml}</sheetData>{after}'
             '</worksheet>').encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _workbook_parts(sheet, shared=False).items():
            archive.writestr(name, data)
    return Path(path)
