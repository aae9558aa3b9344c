"""The text of a Lampiran three ways: its content model, its PDF and its DOCX, as word lists.

A reader reads words: white space and line breaks differ between the formats, the words
may not. The PDF adds what a printed page has and the model does not: the page number
("- n -") at the top of every page after the first, and a table's header row repeated at
the top of a page it continues on; both are taken out before comparing.
"""

from __future__ import annotations

import zipfile

from generator.lampiran import content as c

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def words(text: str) -> list[str]:
    return text.split()


def _cell_words(value) -> list[str]:
    if isinstance(value, tuple):
        return [w for number, line in enumerate(value, start=1) for w in [f"{number}.", *words(line)]]
    return words(str(value))


def model_words(lampiran: c.Lampiran, spans: dict | None = None) -> list[str]:
    """The words of ``lampiran`` in reading order (the content model both writers lay out).
    ``spans`` receives where things stand in the list: block index → (start, end), (block
    index, row index) → (start, end) of each table row, and "signature" → (start, end)."""
    spans = {} if spans is None else spans
    out = [w for line in lampiran.kop for w in words(line)] + words(lampiran.nama)
    for index, block in enumerate(lampiran.blocks):
        start = len(out)
        if isinstance(block, (c.Heading, c.Text)):
            out += words(block.text)
        elif isinstance(block, c.Fields):
            for label, value in block.rows:
                out += [*words(label), ":", *words(value)]
        elif isinstance(block, c.Table):
            out += header_words(block)
            for number, row in enumerate(block.rows):
                row_start = len(out)
                for value in row.cells:
                    out += _cell_words(value)
                spans[(index, number)] = (row_start, len(out))
        spans[index] = (start, len(out))
    start = len(out)
    out += [w for line in lampiran.penandatangan for w in words(line)]
    spans["signature"] = (start, len(out))
    return out


def header_words(block: c.Table) -> list[str]:
    """The words of a table's header row(s), row by row."""
    return [w for row in block.header_rows() for title, _ in row for w in words(title or "")]


def headers(lampiran: c.Lampiran) -> list[list[str]]:
    """The word lists of every table header, longest first."""
    found = {tuple(header_words(block)) for block in lampiran.blocks if isinstance(block, c.Table)}
    return [list(h) for h in sorted(found, key=len, reverse=True)]


def pdf_pages(path) -> list[list[str]]:
    from pypdf import PdfReader

    return [words(page.extract_text()) for page in PdfReader(str(path)).pages]


def _joined(page: list[str], expected: list[str], start: int) -> list[str]:
    """``page`` with a word that a narrow column broke over lines ("mensupervisi/mengawasi/"
    "menyelia") joined again where the expected text has it whole."""
    out, i = [], 0
    while i < len(page):
        word, want = page[i], expected[start + len(out)] if start + len(out) < len(expected) else None
        while want and word != want and want.startswith(word) and i + 1 < len(page):
            i += 1
            word += page[i]
        out.append(word)
        i += 1
    return out


def printed_words(pages: list[list[str]], expected: list[str], repeated: list[list[str]],
                  spans: list | None = None, running: str = "") -> list[str]:
    """The words of printed pages without page numbers, the ``running`` head of every page (a
    review copy's note) and repeated header rows: a header row at the top of a page counts as
    repeated when the expected text does not go on with it. ``spans`` receives (start, end,
    repeated header or None) of each page in the result."""
    out, head = [], running.split()
    for number, page in enumerate(pages, start=1):
        if number > 1 and page[:3] == ["-", str(number), "-"]:
            page = page[3:]
        if head and page[:len(head)] == head:
            page = page[len(head):]
        dropped = None
        for header in repeated:
            if page[:len(header)] == header and expected[len(out):len(out) + len(header)] != header:
                page, dropped = page[len(header):], header
                break
        start = len(out)
        out += _joined(page, expected, start)
        if spans is not None:
            spans.append((start, len(out), dropped))
    return out


def docx_words(path) -> list[str]:
    """The words of a DOCX body in document order: paragraphs, and tables row by row, cell by
    cell (a merged cell once), with tabs and line breaks as spaces."""
    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    out = []
    for paragraph in root.iter(f"{W}p"):
        text = []
        for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br"):
            text.append(node.text or "" if node.tag == f"{W}t" else " ")
        out += words("".join(text))
    return out


def first_difference(actual: list[str], expected: list[str], context: int = 8) -> str:
    """Where two word lists part, for an assertion message."""
    for i, (a, e) in enumerate(zip(actual, expected)):
        if a != e:
            return (f"word {i}: printed {' '.join(actual[max(0, i - context):i + context])!r}\n"
                    f"        expected {' '.join(expected[max(0, i - context):i + context])!r}")
    return f"lengths differ: printed {len(actual)} words, expected {len(expected)}"


