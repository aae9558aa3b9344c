"""The Lampiran as PDF, laid out with ReportLab's platypus.

ReportLab is pure Python (no system libraries), so it renders the same on every Debian
CI runner. In invariant mode it writes fixed creation dates and a fixed document ID:
the same Lampiran gives the same bytes. The text is set in DejaVu Serif, embedded as
subsets (:mod:`generator.font`): every character prints as written, and one the font
lacks prints as its code (the validator warns about it: LAMPIRAN-KARAKTER).

Tables repeat their header row on every page, a row never splits across pages, and a
group heading (e.g. "Kompetensi Manajerial") never stays alone at the bottom of a page.
The same texts recur thousands of times in a large kamus (the national competencies),
so line breaking is cached per text, style and width.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate, Paragraph, Spacer
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from ..font import BOLD as BOLD_FILE
from ..font import REGULAR as REGULAR_FILE
from ..font import font_path, printable
from . import content as c
from .pdf_keep import KeepWithLast, NeedSpace, stacked_height
from .pdf_table import Cell, GridTable, clear_caches

FONT, BOLD = "KamusSerif", "KamusSerif-Bold"


def register_fonts() -> None:
    """Register the embedded faces with ReportLab (once per process)."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_path(REGULAR_FILE))))
        pdfmetrics.registerFont(TTFont(BOLD, str(font_path(BOLD_FILE))))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


register_fonts()
MARGINS = (25 * mm, 20 * mm, 20 * mm, 20 * mm)  # left, right, top, bottom
KOP_INDENT = (A4[0] - MARGINS[0] - MARGINS[1]) / 2  # the kop and the signature stand in the right half


def _style(name, size=10.5, bold=False, align=TA_JUSTIFY, **extra) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=BOLD if bold else FONT, bulletFontName=FONT, fontSize=size,
                          leading=size * 1.25, alignment=align, **extra)


STYLES = {
    "text": _style("text", spaceAfter=4),
    "text-left": _style("text-left", align=TA_LEFT, spaceAfter=4),
    "text-center": _style("text-center", align=TA_CENTER, spaceAfter=4),
    "kop": _style("kop", size=11, align=TA_LEFT, leftIndent=KOP_INDENT),
    "nama": _style("nama", size=12, bold=True, align=TA_CENTER, spaceBefore=12, spaceAfter=12),
    "h1": _style("h1", size=12, bold=True, align=TA_LEFT, spaceBefore=6, spaceAfter=8),
    "h2": _style("h2", size=11, bold=True, align=TA_LEFT, spaceBefore=8, spaceAfter=6),
    "h3": _style("h3", size=10.5, bold=True, align=TA_LEFT, spaceBefore=8, spaceAfter=4),
    "field": _style("field", size=10, align=TA_LEFT),
    "sign": _style("sign", size=11, align=TA_LEFT),
}

_LINES: dict = {}  # (text, style, widths) → ReportLab's broken lines; see CachedParagraph


class CachedParagraph(Paragraph):
    """A Paragraph whose line breaking is computed once per (text, style, widths)."""

    def __init__(self, text: str, style: ParagraphStyle, **kwargs):
        self._cache_key = (text, style.name, kwargs.get("bulletText"))
        super().__init__(text, style, **kwargs)

    def breakLines(self, width):
        key = (*self._cache_key, tuple(width) if isinstance(width, (list, tuple)) else width)
        lines = _LINES.get(key)
        if lines is None:
            lines = _LINES[key] = super().breakLines(width)
        return lines


def _p(text: str, style: str, **kwargs) -> Paragraph:
    return CachedParagraph(escape(printable(str(text))).replace("\n", "<br/>"), STYLES[style], **kwargs)


def _cell(value, centered: bool) -> Cell:
    if isinstance(value, tuple):
        return Cell(tuple((f"{number}.", printable(line)) for number, line in enumerate(value, start=1)), FONT)
    return Cell(((None, printable(value)),), FONT, "center" if centered else "left")


def _table(block: c.Table, width: float, height: float) -> GridTable:
    header = [[(None if title is None else Cell(((None, title),), BOLD, "center"), span) for title, span in row]
              for row in block.header_rows()]
    rows = [Cell(((None, printable(row.cells[0])),), BOLD) if row.group else
            [_cell(value, column in block.centered) for column, value in enumerate(row.cells)]
            for row in block.rows]
    return GridTable(header, rows, [width * share for share in block.widths], max_height=height,
                     row_height=block.row_height * mm)


def _fields(block: c.Fields, width: float) -> GridTable:
    rows = [[Cell(((None, label),), FONT), Cell(((None, ":"),), FONT), Cell(((None, printable(value)),), FONT)]
            for label, value in block.rows]
    return GridTable(None, rows, [width * 0.25, width * 0.03, width * 0.72], size=10, ruled=False)


def _right_lines(lines: list[str], width: float, style: str) -> list:
    """Lines set left-aligned in the right half of the page (the kop, the signature)."""
    return [_p(line, style) for line in lines]


def _page_head(catatan: str):
    """What stands at the top of every page: "- n -" at the centre from the second page, as
    regulations are numbered, and the ``catatan`` of a review copy below it (on every page)."""

    def draw(canvas, doc) -> None:
        number = canvas.getPageNumber()
        width, height = canvas._pagesize
        canvas.saveState()
        if number > 1:
            canvas.setFont(FONT, 10.5)
            canvas.drawCentredString(width / 2, height - 12 * mm, f"- {number} -")
        if catatan:
            canvas.setFont(BOLD, 8)
            canvas.drawCentredString(width / 2, height - 16 * mm, printable(catatan))
        canvas.restoreState()

    return draw


def _signature(lampiran: c.Lampiran, width: float) -> list:
    """The signing official's title and name in the right half of the (last) page."""
    style = f"sign-{width:.0f}"
    if style not in STYLES:
        STYLES[style] = ParagraphStyle(style, parent=STYLES["sign"], leftIndent=width / 2)
    jabatan, nama = lampiran.penandatangan
    return [Spacer(1, 10 * mm), _p(jabatan, style), Spacer(1, 20 * mm), _p(nama, style)]


def story(lampiran: c.Lampiran, size_portrait: tuple, size_landscape: tuple) -> list:
    """The flowables of ``lampiran``; sizes are (width, height) of the text frame.

    Headings, fields and paragraphs open what follows them: they are collected and set
    after a :class:`NeedSpace` that keeps them on the page of the first row of the next
    table. Only a part starts a new page; the signature is kept with the last row."""
    width, height = size_portrait
    flow = [*_right_lines(lampiran.kop, width, "kop"), _p(lampiran.nama, "nama")]
    opening: list = []

    def open_onto(following: float) -> None:
        if opening:
            flow.append(NeedSpace(stacked_height(opening, width) + following))
            flow.extend(opening)
            opening.clear()

    for block in lampiran.blocks:
        if isinstance(block, c.Orientation):
            open_onto(0)
            width, height = size_landscape if block.landscape else size_portrait
            flow += [NextPageTemplate("landscape" if block.landscape else "portrait"), PageBreakIfNotEmpty()]
        elif isinstance(block, c.Heading):
            if block.new_page:
                open_onto(0)
                flow.append(PageBreakIfNotEmpty())
            opening.append(_p(block.text, f"h{block.level}"))
        elif isinstance(block, c.Text):
            style = "text" if block.align == "justify" else f"text-{block.align}"
            opening.append(_p(block.text, "h3" if block.bold else style))
        elif isinstance(block, c.Fields):
            opening += [_fields(block, width), Spacer(1, 4)]
        elif isinstance(block, c.Table):
            table = _table(block, width, height)
            open_onto(table.opening_height())
            flow += [table, Spacer(1, 6)]
    open_onto(0)
    last = next((i for i in range(len(flow) - 1, -1, -1) if not isinstance(flow[i], Spacer)), None)
    if not lampiran.penandatangan:
        return flow
    if last is not None and not isinstance(flow[last], NeedSpace):
        flow[last:] = [KeepWithLast(flow[last], _signature(lampiran, width))]
    else:
        flow += _signature(lampiran, width)
    return flow


def write_pdf(lampiran: c.Lampiran) -> bytes:
    """The PDF bytes of ``lampiran`` (identical for identical input)."""
    _LINES.clear(), clear_caches()
    out = io.BytesIO()
    left, right, top, bottom = MARGINS
    portrait_size, landscape_size = A4, landscape(A4)
    doc = BaseDocTemplate(out, pagesize=portrait_size, leftMargin=left, rightMargin=right, topMargin=top,
                          bottomMargin=bottom, title=lampiran.title, author=lampiran.author,
                          subject=lampiran.nama.title(), creator="Kamus", invariant=1, initialFontName=FONT,
                          initialFontSize=10.5)

    def frame(size, name):
        return Frame(left, bottom, size[0] - left - right, size[1] - top - bottom, id=name,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    head = _page_head(lampiran.catatan)
    doc.addPageTemplates([
        PageTemplate("portrait", [frame(portrait_size, "p")], onPage=head, pagesize=portrait_size),
        PageTemplate("landscape", [frame(landscape_size, "l")], onPage=head, pagesize=landscape_size)])
    frame_of = lambda size: (size[0] - left - right, size[1] - top - bottom)  # noqa: E731
    doc.build(story(lampiran, frame_of(portrait_size), frame_of(landscape_size)))
    _LINES.clear(), clear_caches()
    return out.getvalue()
