"""The Lampiran as DOCX, for Bagian Hukum to finish in Word.

python-docx provides the package: styles, page setup, the page-number header and the
document properties. The body (thousands of table rows for a large kamus) is written as
WordprocessingML directly, which is many times faster than building it object by
object. Word's own features carry the layout: header rows repeat on every page
(``tblHeader``), rows never split (``cantSplit``), headings and group rows keep with
the next paragraph (``keepNext``), and the matrix part is a landscape section.

The bytes are deterministic: fixed document properties (from the version's date) and a
zip archive with fixed timestamps and order.
"""

from __future__ import annotations

import copy
import datetime
import io
import zipfile
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from . import content as c

FONT = "Bookman Old Style"  # the usual face of regulations; Word substitutes a serif when it is missing
PAGE_PORTRAIT = (11906, 16838)  # A4 in twentieths of a point
MARGINS = dict(left=1418, right=1134, top=1134, bottom=1134)  # 2.5 cm / 2 cm
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_JC = {"justify": "both", "center": "center", "left": "left"}
_BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def _run(text: str, bold: bool = False, size: float | None = None) -> str:
    props = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{int(size * 2)}"/>' if size else "")
    parts = str(text).split("\n")
    body = '<w:br/>'.join(f'<w:t xml:space="preserve">{escape(part)}</w:t>' for part in parts)
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{body}</w:r>"


def _p(text: str = "", align: str = "left", bold: bool = False, size: float | None = None, keep_next: bool = False,
       page_break: bool = False, before: int = 0, after: int = 80, indent: int = 0, hanging: int = 0,
       runs: str | None = None) -> str:
    props = ("<w:keepNext/>" if keep_next else "") + ("<w:pageBreakBefore/>" if page_break else "")
    if hanging:
        props += f'<w:tabs><w:tab w:val="left" w:pos="{indent}"/></w:tabs>'
    props += f'<w:spacing w:before="{before}" w:after="{after}"/>'
    if indent or hanging:
        props += f'<w:ind w:left="{indent}"' + (f' w:hanging="{hanging}"' if hanging else "") + "/>"
    props += f'<w:jc w:val="{_JC[align]}"/>'
    return f"<w:p><w:pPr>{props}</w:pPr>{runs if runs is not None else _run(text, bold, size)}</w:p>"


def _index(row: list, column: int) -> int:
    """The position in ``row`` ((title, span), …) of the cell that starts at ``column``."""
    at = 0
    for index, (_, span) in enumerate(row):
        if at == column:
            return index
        at += span
    return len(row) - 1


def _cell(value, width: int, centered: bool, span: int = 1, shade: str = "", bold: bool = False,
          keep_next: bool = False, merge: str = "") -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>' + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + merge
    if shade:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    size = 8.5
    if isinstance(value, tuple):
        body = "".join(_p(runs=_run(f"{n}.\t{line}", size=size), indent=284, hanging=284, after=20,
                          keep_next=keep_next) for n, line in enumerate(value, start=1)) or _p(after=0)
    else:
        body = _p(value, "center" if centered else "left", bold, size, keep_next=keep_next, after=20)
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def _signature(penandatangan: tuple[str, str], width: int) -> str:
    """The signing official's title and name in the right half of the page."""
    jabatan, nama = penandatangan
    return _p(jabatan, indent=width // 2, before=360, after=1200, keep_next=True) + _p(nama, indent=width // 2)


def _signature_row(penandatangan: tuple[str, str], widths: list[int]) -> str:
    """The signature as a last, borderless row of the last table, so that it never stands
    alone on a page: LibreOffice, unlike Word, does not keep a table's last row with the
    paragraph after it, but keeps rows of one table together."""
    borders = "".join(f'<w:{side} w:val="nil"/>' for side in ("left", "bottom", "right"))
    return (f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:gridSpan w:val="{len(widths)}"/><w:tcBorders>{borders}</w:tcBorders></w:tcPr>'
            f'{_signature(penandatangan, sum(widths))}</w:tc></w:tr>')


def _table(block: c.Table, width: int, signature: tuple[str, str] | None = None) -> str:
    """A ruled table: the header row repeats on every page and keeps with the first row, a row
    never splits, a group row keeps with the row below it, and a ``signature`` ends the table
    in a row of its own that the last row keeps with."""
    widths = [int(width * share) for share in block.widths]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    header = block.header_rows()
    rows = []
    for r, row in enumerate(header):
        cells, column = [], 0
        for title, span in row:
            # A title over both header rows: two cells without the rule between them. (LibreOffice
            # drops the rows after a page break in tables whose repeated header has a vMerge.)
            goes_on = r + 1 < len(header) and header[r + 1][_index(header[r + 1], column)][0] is None
            merge = (f'<w:tcBorders><w:bottom w:val="nil"/></w:tcBorders>' if goes_on else
                     f'<w:tcBorders><w:top w:val="nil"/></w:tcBorders>' if title is None else "")
            cells.append(_cell(title or "", sum(widths[column:column + span]), True, span=span, shade="D9D9D9",
                               bold=True, keep_next=True, merge=merge))
            column += span
        rows.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{''.join(cells)}</w:tr>")
    for number, row in enumerate(block.rows, start=1):
        if row.group:  # spans the table and keeps with the row below it
            cells = _cell(row.cells[0], sum(widths), False, span=len(widths), shade="EDEDED", bold=True, keep_next=True)
        else:
            keep = signature is not None and number == len(block.rows)
            cells = "".join(_cell(value, w, i in block.centered, keep_next=keep)
                            for i, (value, w) in enumerate(zip(row.cells, widths)))
        least = f'<w:trHeight w:val="{round(block.row_height * 56.7)}" w:hRule="atLeast"/>' if block.row_height else ""
        rows.append(f"<w:tr><w:trPr><w:cantSplit/>{least}</w:trPr>{cells}</w:tr>")
    if signature is not None:
        rows.append(_signature_row(signature, widths))
    return (f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{_BORDERS}'
            f'</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/>'
            f'<w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            f'{"".join(rows)}</w:tbl>')


def _fields(block: c.Fields, width: int) -> str:
    """Label : value rows, kept with each other and with what follows (they open it)."""
    widths = [int(width * 0.25), int(width * 0.03), width - int(width * 0.25) - int(width * 0.03)]
    rows = "".join("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{_p(text, after=20, keep_next=True)}</w:tc>'
        for text, w in zip((label, ":", value), widths)) + "</w:tr>" for label, value in block.rows)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>')


def _wrap(xml: str):
    return parse_xml(f'<w:body {nsdecls("w")}>{xml}</w:body>')


class _Body:
    """Appends WordprocessingML to the document body, before its final section properties."""

    def __init__(self, document):
        self.document = document
        self.sect = document.element.body.sectPr
        self.chunks: list[str] = []

    def add(self, xml: str) -> None:
        self.chunks.append(xml)

    def flush(self) -> None:
        if self.chunks:
            for element in list(_wrap("".join(self.chunks))):
                self.sect.addprevious(element)
            self.chunks = []

    def end_section(self, sect_pr) -> None:
        """Close the current section with ``sect_pr`` (a paragraph carrying it)."""
        self.flush()
        paragraph = parse_xml(f'<w:p {nsdecls("w")}><w:pPr/></w:p>')
        paragraph.find(qn("w:pPr")).append(sect_pr)
        self.sect.addprevious(paragraph)


def _section_props(template, landscape: bool, first: bool):
    """A copy of the body's section properties, in the given orientation; only the first
    section has an empty first-page header (no number on page 1)."""
    sect = copy.deepcopy(template)
    size = sect.find(qn("w:pgSz"))
    w, h = PAGE_PORTRAIT
    size.set(qn("w:w"), str(h if landscape else w))
    size.set(qn("w:h"), str(w if landscape else h))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    elif qn("w:orient") in size.attrib:
        del size.attrib[qn("w:orient")]
    if not first:
        for element in list(sect):
            if element.tag == qn("w:titlePg") or (element.tag == qn("w:headerReference")
                                                  and element.get(qn("w:type")) == "first"):
                sect.remove(element)
    return sect


def _setup(lampiran: c.Lampiran):
    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:ascii"), FONT)
    style.element.rPr.rFonts.set(qn("w:hAnsi"), FONT)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">- </w:t></w:r>'))
    header._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>'))
    header._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> -</w:t></w:r>'))
    section.first_page_header.is_linked_to_previous = False
    if lampiran.catatan:  # a review copy says so at the top of every page
        for part in (section.header, section.first_page_header):
            part._element.append(parse_xml(_p(lampiran.catatan, "center", bold=True, size=8, after=0)
                                           .replace("<w:p>", f'<w:p {nsdecls("w")}>', 1)))
    day = datetime.datetime.combine(datetime.date.fromisoformat(lampiran.date) if lampiran.date else
                                    datetime.date(2000, 1, 1), datetime.time())
    props = document.core_properties
    props.title, props.author, props.subject = lampiran.title, lampiran.author, lampiran.nama.title()
    props.last_modified_by, props.revision, props.created, props.modified = lampiran.author, 1, day, day
    props.comments, props.keywords, props.category = "", "", "Lampiran"
    return document


def _deterministic_zip(raw: bytes) -> bytes:
    """The same archive with fixed timestamps and entries in name order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for name in ["[Content_Types].xml"] + sorted(n for n in names if n != "[Content_Types].xml"):
            info = zipfile.ZipInfo(name, _ZIP_DATE)
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o600 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


def write_docx(lampiran: c.Lampiran) -> bytes:
    """The DOCX bytes of ``lampiran`` (identical for identical input)."""
    document = _setup(lampiran)
    body = _Body(document)
    template = copy.deepcopy(body.sect)
    width_portrait = PAGE_PORTRAIT[0] - MARGINS["left"] - MARGINS["right"]
    width_landscape = PAGE_PORTRAIT[1] - MARGINS["left"] - MARGINS["right"]
    width, landscape, sections = width_portrait, False, 0
    kop_indent = width // 2
    for line in lampiran.kop:
        body.add(_p(line, indent=kop_indent, after=0))
    body.add(_p(lampiran.nama, "center", bold=True, size=12, before=240, after=240))
    page_break = False
    last_table = max((i for i, block in enumerate(lampiran.blocks) if isinstance(block, c.Table)), default=-1)
    for index, block in enumerate(lampiran.blocks):
        if isinstance(block, c.Orientation):
            if block.landscape != landscape:
                body.end_section(_section_props(template, landscape, first=sections == 0))
                sections += 1
                landscape = block.landscape
                width = width_landscape if landscape else width_portrait
        elif isinstance(block, c.Heading):
            size = {1: 12, 2: 11, 3: 10.5}[block.level]
            body.add(_p(block.text, bold=True, size=size, keep_next=True, page_break=block.new_page or page_break,
                        before=120, after=80))
        elif isinstance(block, c.Text):  # every text opens what follows it
            body.add(_p(block.text, block.align, block.bold, keep_next=True))
        elif isinstance(block, c.Fields):
            body.add(_fields(block, width))
            body.add(_p(after=0, size=4, keep_next=True))
        elif isinstance(block, c.Table):
            signed = bool(lampiran.penandatangan) and index == last_table == len(lampiran.blocks) - 1
            body.add(_table(block, width, lampiran.penandatangan if signed else None))
            body.add(_p(after=60, size=4))
        page_break = False
    if lampiran.penandatangan and last_table != len(lampiran.blocks) - 1:
        body.add(_signature(lampiran.penandatangan, width))
    body.flush()
    final = _section_props(template, landscape, first=sections == 0)
    body.sect.getparent().replace(body.sect, final)
    raw = io.BytesIO()
    document.save(raw)
    return _deterministic_zip(raw.getvalue())
