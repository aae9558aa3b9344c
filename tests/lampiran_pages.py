"""Pages of a Lampiran as a reader sees them: the lines of text on each page of a PDF.

A line is a baseline that carries text (cells side by side on one baseline make one line),
read with pypdf from any PDF: the Lampiran's own, or the one LibreOffice lays out from the
DOCX. The page number ("- n -") is not a line of content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PARTS = ("I. KAMUS KOMPETENSI", "II. STANDAR KOMPETENSI JABATAN", "III. MATRIKS LEVEL KOMPETENSI")
MIN_LINES = 15


@dataclass
class Page:
    number: int
    lines: list[str]  # top to bottom
    words: list[str]  # in the order of the content stream (as pypdf's extract_text reads them)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def pages(path, running: str = "") -> list[Page]:
    from pypdf import PdfReader

    out = []
    for number, page in enumerate(PdfReader(str(path)).pages, start=1):
        baselines: dict[float, list[tuple[float, str]]] = {}

        def visit(text, cm, tm, font, size, baselines=baselines):
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            baselines.setdefault(round(y / 2) * 2, []).append((x, text.strip()))

        text = page.extract_text(visitor_text=visit)
        lines = [" ".join(t for _, t in sorted(parts)) for _, parts in sorted(baselines.items(), reverse=True)]
        lines = [line for line in lines if not re.fullmatch(rf"-\s*{number}\s*-", line) and line != running]
        out.append(Page(number, lines, text.split()))
    return out


def part_ends(document: list[Page]) -> set[int]:
    """Numbers of the pages that end a part: the page before a part heading, and the last."""
    starts = {page.number for page in document if any(line.startswith(PARTS) for line in page.lines[:3])}
    return {number - 1 for number in starts if number > 1} | {document[-1].number}


def thin_pages(document: list[Page], minimum: int = MIN_LINES) -> list[tuple[int, int, str]]:
    """(page, lines, first line) of every page but a part's last holding fewer than ``minimum`` lines."""
    ends = part_ends(document)
    return [(p.number, len(p.lines), p.lines[0] if p.lines else "") for p in document
            if p.number not in ends and len(p.lines) < minimum]


def layout_problems(lampiran, pdf) -> list[str]:
    """What breaks the Lampiran's page rules in ``pdf`` (its own, or LibreOffice's from the DOCX),
    read from the words of each page: an opening (headings, fields, paragraphs) not on the
    page of the first row of the table it introduces, a row split over two pages, a table
    continued on a page without its header row, the signature apart from the last row, and a
    page other than a part's last with fewer than MIN_LINES lines."""
    from bisect import bisect_right

    from generator.lampiran import content as c
    from lampiran_text import first_difference, header_words, headers, model_words, printed_words

    spans, page_spans, document = {}, [], pages(pdf, lampiran.catatan)
    expected = model_words(lampiran, spans)
    printed = printed_words([page.words for page in document], expected, headers(lampiran), page_spans,
                            lampiran.catatan)
    if printed != expected:
        return ["text differs: " + first_difference(printed, expected)]
    starts = [start for start, _, _ in page_spans]

    def page(word: int) -> int:
        return bisect_right(starts, word)

    problems, opening = [], None
    for index, block in enumerate(lampiran.blocks):
        if isinstance(block, c.Orientation) or (isinstance(block, c.Heading) and block.new_page):
            opening = None
        if not isinstance(block, c.Table):
            opening = index if opening is None else opening
            continue
        rows = [n for n, row in enumerate(block.rows) if not row.group]
        if opening is not None and rows:
            first = spans[(index, rows[0])]
            if page(spans[opening][0]) != page(first[1] - 1):
                problems.append(f"page {page(spans[opening][0])}: `{expected[spans[opening][0]]} …` stands apart "
                                f"from the first row of its table (page {page(first[1] - 1)})")
        opening = None
        header = header_words(block)
        for number, _ in enumerate(block.rows):
            start, end = spans[(index, number)]
            if page(start) != page(end - 1):
                problems.append(f"page {page(start)}: a row of the table `{' '.join(header)}` is split")
            if number and page(start) != page(spans[(index, number - 1)][0]):
                dropped = page_spans[page(start) - 1][2]
                if dropped != header:
                    problems.append(f"page {page(start)}: table `{' '.join(header)}` goes on without its header row")
    signature, end = spans["signature"]
    if end > signature and page(signature) != page(signature - 1):
        problems.append(f"page {page(signature)}: the signature stands apart from the lines before it")
    problems += [f"page {number}: {count} lines (`{first}`)" for number, count, first in thin_pages(document)]
    return problems
