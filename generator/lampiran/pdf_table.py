"""Fast tables for the PDF Lampiran: plain text cells, ruled grid, header repeated per page.

A large kamus puts 100,000s of table cells in its Lampiran. ReportLab's general Table
and Paragraph handle rich text and spans and cost accordingly; these cells are plain
text, so each is laid out with cached word widths (the same text at the same width is
laid out once: the national competencies recur in every SKJ) and a whole table is drawn
with one text object and one path of rules. Layout rules: the header row is repeated at
the top of every page a table continues on, a row never splits, and a group row (one
cell across the table, e.g. "Kompetensi Manajerial") never ends a page.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import escapePDF
from reportlab.platypus.flowables import Flowable

PAD_X, PAD_TOP, PAD_BOTTOM = 3.0, 2.0, 3.0
HEADER, GROUP = colors.Color(0.85, 0.85, 0.85), colors.Color(0.93, 0.93, 0.93)

_WIDTHS: dict = {}  # (word, font, size) → width
_LAYOUTS: dict = {}  # (items, font, size, width, align) → rows of (x, text)
_CODE: dict = {}  # (items, font, size, width, align, leading) → PDF text operators, relative to the cell


def clear_caches() -> None:
    _WIDTHS.clear()
    _LAYOUTS.clear()
    _CODE.clear()


def cell_code(cell, size: float, width: float, leading: float, doc) -> str:
    """The text operators of one cell, positioned relative to its first baseline (cached:
    the same text at the same width is encoded once). The fonts are embedded TrueType
    fonts: each run of text is set in the subset of the font that holds its characters
    (ReportLab's subsets of 256 characters), and the cell selects its own subset first."""
    key = (cell.items, cell.font, size, round(width, 2), cell.align, leading)
    code = _CODE.get(key)
    if code is None:
        font = getFont(cell.font)
        parts, line_x, line_y, current = [], 0.0, 0.0, None
        for row, fragments in enumerate(layout(cell.items, cell.font, size, width, cell.align)):
            y = -row * leading
            for x, fragment in fragments:
                parts.append(f"{x - line_x:.2f} {y - line_y:.2f} Td")
                for subset, data in font.splitString(fragment, doc):
                    if subset != current:
                        parts.append(f"{font.getSubsetInternalName(subset, doc)} {size} Tf")
                        current = subset
                    parts.append(f"({escapePDF(data)}) Tj")
                line_x, line_y = x, y
        code = _CODE[key] = " ".join(parts)
    return code


def _width(word: str, font: str, size: float) -> float:
    key = (word, font, size)
    found = _WIDTHS.get(key)
    if found is None:
        found = _WIDTHS[key] = stringWidth(word, font, size)
    return found


def _pieces(word: str, font: str, size: float, room: float) -> list[str]:
    """``word`` cut into pieces no wider than ``room`` (a long compound such as
    "mensupervisi/mengawasi/menyelia" in a narrow column): after a "/" or "-" where one
    fits, else after the last character that fits. No hyphen is added: the text stays as written."""
    pieces = []
    while word and _width(word, font, size) > room:
        fit = 1
        while fit < len(word) and _width(word[:fit + 1], font, size) <= room:
            fit += 1
        cut = max(word.rfind("/", 0, fit), word.rfind("-", 0, fit))
        cut = cut + 1 if cut > 0 else fit
        pieces.append(word[:cut])
        word = word[cut:]
    return pieces + [word] if word else pieces


def layout(items: tuple, font: str, size: float, width: float, align: str = "left", indent: float = 11.0) -> list:
    """Lines of ``items`` ((bullet or None, text), …) broken to ``width``: a list of rows,
    each a list of (x, text) fragments on one baseline. Cached per text and width."""
    key = (items, font, size, round(width, 2), align)
    rows = _LAYOUTS.get(key)
    if rows is not None:
        return rows
    rows, space = [], _width(" ", font, size)
    for bullet, text in items:
        left = indent if bullet else 0.0
        lines, line, used, room = [], [], 0.0, width - left
        for word in str(text).split():
            w = _width(word, font, size)
            if line and used + space + w > room:
                lines.append((" ".join(line), used))
                line, used = [], 0.0
            if w > room:  # wider than the column: whole lines of it, the rest starts the next line
                *full, word = _pieces(word, font, size, room)
                lines += [(piece, _width(piece, font, size)) for piece in full]
                w = _width(word, font, size)
            used += (space if line else 0.0) + w
            line.append(word)
        lines.append((" ".join(line), used))
        for number, (line, used) in enumerate(lines):
            x = max(0.0, (width - used) / 2) if align == "center" else left
            rows.append(([(0.0, bullet)] if bullet and number == 0 else []) + [(x, line)])
    _LAYOUTS[key] = rows
    return rows


class Cell:
    """One cell's text: (bullet, text) items, the font, and the alignment."""

    __slots__ = ("items", "font", "align")

    def __init__(self, items: tuple, font: str, align: str = "left"):
        self.items, self.font, self.align = items, font, align


def header_boxes(rows: list) -> list[tuple]:
    """(cell, first column, columns spanned, header row, header rows spanned) of every header
    cell; ``rows`` are lists of (Cell or None, span), None continuing the cell above it."""
    boxes, below = [], {}
    for r, row in enumerate(rows):
        column = 0
        for cell, span in row:
            if cell is None:
                below[column] = below.get(column, 0) + 1
            else:
                boxes.append([cell, column, span, r, 1])
            column += span
    for box in boxes:
        column, r = box[1], box[3]
        box[4] += sum(1 for rr in range(r + 1, len(rows)) if _continued(rows[rr], column))
    return [tuple(box) for box in boxes]


def _continued(row: list, column: int) -> bool:
    at = 0
    for cell, span in row:
        if at == column:
            return cell is None
        at += span
    return False


class GridTable(Flowable):
    """A ruled table of plain-text cells. ``rows`` are lists of :class:`Cell`, or a single
    Cell for a group row spanning the table. ``header`` is one row of Cells, or rows of
    (Cell or None, span) for a header with merged cells (None: the cell above goes on)."""

    def __init__(self, header: list | None, rows: list, widths: list, size: float = 8.5, max_height: float = 0.0,
                 ruled: bool = True, row_height: float = 0.0):
        super().__init__()
        if header and isinstance(header[0], Cell):
            header = [[(cell, 1) for cell in header]]
        self.header, self.rows, self.widths, self.size, self.ruled = header, rows, widths, size, ruled
        self.leading = size * 1.2
        self.max_height = max_height  # the frame's full height: a row taller than a page is set anyway
        self.row_height = row_height  # the least height of a body row (points)
        self._heights: list | None = None

    def _lines(self, cell: Cell, width: float) -> int:
        return len(layout(cell.items, cell.font, self.size, width - 2 * PAD_X, cell.align))

    def _row_height(self, row) -> float:
        if isinstance(row, Cell):
            lines = self._lines(row, sum(self.widths))
        else:
            lines = max(self._lines(cell, width) for cell, width in zip(row, self.widths))
        return max(lines * self.leading + PAD_TOP + PAD_BOTTOM, self.row_height)

    def _header_heights(self) -> list[float]:
        """The height of each header row: a cell over several rows may make the last one taller."""
        boxes = header_boxes(self.header)
        heights = [PAD_TOP + PAD_BOTTOM + self.leading] * len(self.header)
        for cell, column, span, r, down in sorted(boxes, key=lambda box: box[4]):
            need = self._lines(cell, sum(self.widths[column:column + span])) * self.leading + PAD_TOP + PAD_BOTTOM
            have = sum(heights[r:r + down])
            if need > have:
                heights[r + down - 1] += need - have
        return heights

    def _measure(self) -> tuple[float, list[float]]:
        if self._heights is None:
            self._heights = [self._row_height(row) for row in self.rows]
            self._header_rows = self._header_heights() if self.header else []
            self._header_height = sum(self._header_rows)
        return self._header_height, self._heights

    def opening_height(self) -> float:
        """The header and the rows down to the first row that is not a group row: what must
        stand on the page of the heading that introduces the table."""
        header, heights = self._measure()
        height = header
        for row, row_height in zip(self.rows, heights):
            height += row_height
            if not isinstance(row, Cell):
                break
        return height

    def wrap(self, available_width, available_height):
        header, heights = self._measure()
        self.width, self.height = sum(self.widths), header + sum(heights)
        return self.width, self.height

    def split(self, available_width, available_height):
        header, heights = self._measure()
        used, fit = header, 0
        for height in heights:
            if used + height > available_height:
                break
            used += height
            fit += 1
        while fit and isinstance(self.rows[fit - 1], Cell):  # a group row never ends a page
            fit -= 1
        if fit == 0:
            if not self.max_height or header + heights[0] <= self.max_height:
                return []
            fit = 1  # one row taller than a page: set it, it cannot go anywhere else
        if fit >= len(self.rows):
            return []
        return [self._part(0, fit), self._part(fit, len(self.rows))]

    def _part(self, start: int, end: int) -> "GridTable":
        """Rows ``start:end`` as a table of their own, measured already (a long table is split
        once per page: its rows are laid out once, not once per page)."""
        part = GridTable(self.header, self.rows[start:end], self.widths, self.size, self.max_height, self.ruled,
                         self.row_height)
        part._heights, part._header_rows = self._heights[start:end], self._header_rows
        part._header_height = self._header_height
        return part

    def draw(self):
        canvas = self.canv
        header, heights = self._measure()
        total = sum(self.widths)
        lefts = [sum(self.widths[:i]) for i in range(len(self.widths) + 1)]
        tops, y = [], self.height - header
        for height in heights:
            tops.append(y)
            y -= height
        head_tops = [self.height - sum(self._header_rows[:r]) for r in range(len(self._header_rows) + 1)]
        boxes = [(cell, lefts[column], sum(self.widths[column:column + span]), head_tops[r],
                  head_tops[r] - head_tops[r + down]) for cell, column, span, r, down in header_boxes(self.header or [])]
        canvas.saveState()
        if self.ruled:
            canvas.setFillColor(HEADER)
            canvas.rect(0, self.height - header, total, header, stroke=0, fill=1)
            canvas.setFillColor(GROUP)
            for row, top, height in zip(self.rows, tops, heights):
                if isinstance(row, Cell):
                    canvas.rect(0, top - height, total, height, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        code, doc = ["BT"], canvas._doc
        for cell, left, width, top, height in boxes:  # centred in its box, as a header is
            body = cell_code(cell, self.size, width - 2 * PAD_X, self.leading, doc)
            text = self._lines(cell, width) * self.leading
            top -= max(0.0, (height - PAD_TOP - PAD_BOTTOM - text) / 2)
            code.append(f"1 0 0 1 {left + PAD_X:.2f} {top - PAD_TOP - self.size:.2f} Tm {body}")
        for row, top in zip(self.rows, tops):
            cells = [(row, total)] if isinstance(row, Cell) else list(zip(row, self.widths))
            left = 0.0
            for cell, width in cells:
                body = cell_code(cell, self.size, width - 2 * PAD_X, self.leading, doc)
                if body:
                    code.append(f"1 0 0 1 {left + PAD_X:.2f} {top - PAD_TOP - self.size:.2f} Tm {body}")
                left += width
        code.append("ET")
        canvas._code.append(" ".join(code))
        if not self.ruled:
            canvas.restoreState()
            return
        path = canvas.beginPath()
        for _, left, width, top, height in boxes:
            path.rect(left, top - height, width, height)
        for top in [*tops, 0.0]:
            path.moveTo(0, top)
            path.lineTo(total, top)
        for row, top, height in zip(self.rows, tops, heights):
            for index, x in enumerate(lefts):
                if isinstance(row, Cell) and 0 < index < len(lefts) - 1:
                    continue  # a group row spans the table
                path.moveTo(x, top)
                path.lineTo(x, top - height)
        canvas.setLineWidth(0.5)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()
