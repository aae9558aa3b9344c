"""Reading one sheet of an SKJ form: its parts found by their words, not by fixed cells.

See :mod:`generator.workbook.skj_form` for the form and how it is imported. A :class:`Grid`
holds the sheet's cells (from the one table reader, :mod:`generator.spreadsheet`) and its
merged ranges; :func:`read_form` finds the identity
rows, the competency table and the persyaratan table.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import TICKED
from ..spreadsheet import Cell, Merged, Sheet, cell_finding

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_TICK = re.compile(r"^(?:[√✓✔☑vVxX✗✘]|ya|1|true)$", re.I)
NUMBERING = re.compile(r"^\s*(?:[ivx]+|[a-z]|\d+)\s*[.)]\s+", re.I)
_SECTIONS = (("pendidikan", "pendidikan"), ("pelatihan", "pelatihan"), ("pengalaman", "pengalaman"),
             ("pangkat", "pangkat"), ("golongan", "pangkat"), ("indikator kinerja", "indikator_kinerja"))
_LABELS = {"nama jabatan": "nama", "kelompok jabatan": "kelompok", "jenis jabatan": "kelompok",
           "urusan pemerintahan": "urusan", "urusan pemerintah": "urusan", "kode jabatan": "kode_jabatan",
           "unit kerja": "unit", "unit organisasi": "unit", "perangkat daerah": "unit", "opd": "unit",
           "ikhtisar jabatan": "ikhtisar", "ikhtisiar jabatan": "ikhtisar", "eselon": "eselon"}
# The kinds of competency a group row names ("A. Manajerial", "KOMPETENSI SOSIAL KULTURAL"), besides
# those of the kamus itself (its jenis_kompetensi).
GROUPS = frozenset({"manajerial", "sosial kultural", "sosial-kultural", "sosiokultural", "teknis", "pemerintahan"})
_TAG = re.compile(r"<\s*(/?)\s*([a-z][a-z0-9]*)\b[^>]*>", re.I)
_BREAKING = {"br", "p", "li", "div", "tr", "ol", "ul"}
_NOTHING = {"", "-", "–", "—", "--"}  # what a form writes for "no value" (also as <p>-<br></p>)


def plain(text) -> str:
    """A form's text without the HTML an application stored with it (`<ol><li>…</li></ol>`,
    `<p>…<br></p>`, `&amp;`): tags that break a line become line breaks, the others go."""
    text = str(text or "")
    if "<" in text and _TAG.search(text):
        text = _TAG.sub(lambda m: "\n" if m.group(2).lower() in _BREAKING else "", text)
        text = "\n".join(line.strip() for line in text.split("\n") if line.strip())
    return html.unescape(text).replace("\u00a0", " ").strip() if "&" in text or "\u00a0" in text else text.strip()


def blank(text) -> bool:
    """True when a form's cell says "no value": empty, `-`, `–`, `—`, or `<p>-<br></p>`."""
    return re.sub(r"\s+", "", plain(text)) in _NOTHING


class Row(NamedTuple):
    """One competency row of the standar kompetensi table."""

    written: str  # the competency as the form names it
    kode: str  # the Kode column ("" without one)
    name_cell: Cell
    level_cell: Cell
    kode_cell: Cell | None
    described: bool = True  # its Deskripsi or Indikator holds a value (a NULL level row holds neither)


MAX_TABLE_ROWS = 300  # rows of one table of one form (a real SKJ: a few dozen competencies, a dozen persyaratan)


def _too_long(findings: list, cell: Cell, what: str) -> None:
    findings.append(cell_finding("SKJ-FORM", cell, f"tabel {what} berisi lebih dari {MAX_TABLE_ROWS} baris: bukan "
                                                   "formulir satu jabatan; baris berikutnya tidak dibaca",
                                 "Satu lembar berisi satu formulir SKJ; pisahkan daftar panjang ke lembar lain."))


def norm(text) -> str:
    """Lower case, one space, no numbering in front, no colon or full stop at the end."""
    text = re.sub(r"\s+", " ", str(text or "")).strip()
    text = NUMBERING.sub("", text)
    return text.rstrip(" :.").lower()


def squeeze(text) -> str:
    """The key names are compared by: lower case, no spaces at all."""
    return re.sub(r"\s+", "", str(text or "")).lower()


class Grid:
    """One sheet as cells by (row, column), and its merged ranges (clipped to the used area
    by the reader). Every lookup is a dictionary or a binary search: reading a form is
    linear in its cells, whatever the form holds."""

    def __init__(self, sheet: Sheet, label: str):
        self.label = label
        self.cells: dict[tuple[int, int], Cell] = {}
        by_row: dict[int, list[Cell]] = {}
        for row in sheet.held_rows(label):
            for cell in row:
                if not cell.empty:
                    self.cells[(cell.row, cell.column)] = cell
                    by_row.setdefault(cell.row, []).append(cell)
        self.rows = sorted(by_row)
        self.by_row = {r: sorted(cells, key=lambda c: c.column) for r, cells in by_row.items()}
        self.merged = Merged(sheet.merged)

    def row(self, r: int) -> list[Cell]:
        return self.by_row.get(r, [])

    def get(self, r: int, c: int) -> Cell | None:
        return self.cells.get((r, c))

    def after(self, r: int) -> int | None:
        """The first row with cells below row ``r``."""
        index = bisect.bisect_right(self.rows, r)
        return self.rows[index] if index < len(self.rows) else None

    def continued(self, r: int, c: int) -> bool:
        """True when (r, c) lies under a merged range that starts on an earlier row."""
        return self.merged.below_top(r, c)

    def reaches(self, r: int, c: int, column: int) -> bool:
        """True when the cell at (r, c) is merged across ``column`` (a title or group row)."""
        return any(m.min_row <= r <= m.max_row and m.min_col <= c <= m.max_col and m.max_col >= column
                   for m in self.merged.ranges)


@dataclass
class Form:
    """What one sheet says."""

    grid: Grid
    fields: dict[str, tuple[str, Cell]] = field(default_factory=dict)  # nama/kelompok/... → (text, cell)
    kompetensi: list[Row] = field(default_factory=list)
    persyaratan: dict[str, list[tuple[dict | str, dict[str, Cell]]]] = field(default_factory=dict)  # item, its cells
    has_persyaratan: bool = False


def _identity(grid: Grid, form: Form) -> None:
    for r in grid.rows:
        cells = grid.row(r)
        for i, cell in enumerate(cells):
            if not isinstance(cell.value, str):
                continue
            text = cell.value.strip()
            label, _, rest = text.partition(":")
            key = _LABELS.get(norm(label))
            if key is None or key in form.fields:
                continue
            value = rest.strip() if rest.strip() else None
            holder = cell
            if value is None:
                later = next((cells[j] for j in range(i + 1, len(cells)) if cells[j].text not in (":", "")), None)
                below = grid.after(r)
                if later is not None:
                    value, holder = later.text.lstrip(": ").strip(), later
                elif key == "ikhtisar" and below is not None:  # the paragraph is on the next row(s)
                    first = grid.row(below)[0]
                    if not norm(first.text).startswith(("ii", "standar kompetensi")):
                        value, holder = first.text, first
            if value is not None and blank(value):  # "Kode Jabatan : -": the field is empty
                form.fields.setdefault(key, ("", holder))
                break
            if value and norm(value) not in _LABELS:  # "I. IKHTISAR JABATAN" above "Ikhtisar Jabatan | …"
                form.fields[key] = (plain(value), holder)
                break


def _header_row(grid: Grid, words: tuple[str, ...], start: int = 0) -> tuple[int, dict[str, int]] | None:
    for r in grid.rows:
        if r < start:
            continue
        found = {}
        for cell in grid.row(r):
            name = norm(cell.text)
            for word in words:
                if word not in found and (name == word or name.startswith(word + " ")):
                    found[word] = cell.column
        if all(w in found for w in words[:2]):
            return r, found
    return None


def _group(text: str, groups: frozenset) -> bool:
    """Whether a row's only text names a kind of competency: "A. Manajerial", "KOMPETENSI TEKNIS",
    "Kompetensi Sosial Kultural (SK)"."""
    name = re.sub(r"\([^)]*\)", "", norm(text)).strip(" :.")
    return name.removeprefix("kompetensi ").strip().replace("sosio ", "sosial ") in groups


def _kompetensi(grid: Grid, form: Form, findings: list, groups: frozenset) -> int:
    header = _header_row(grid, ("kompetensi", "level", "kode", "no", "deskripsi", "indikator"))
    if header is None:
        return 0
    r0, columns = header
    name_col, level_col, kode_col = columns["kompetensi"], columns["level"], columns.get("kode")
    described = [columns[c] for c in ("deskripsi", "indikator") if c in columns]
    last = r0
    for r in grid.rows:
        if r <= r0:
            continue
        first = grid.row(r)[0] if grid.row(r) else None
        if first is not None and (norm(first.text).startswith("persyaratan jabatan")
                                  or re.match(r"^\s*iii\b", first.text, re.I)):
            break
        last = r
        name_cell = grid.get(r, name_col)
        if name_cell is None or grid.continued(r, name_col):
            continue  # a spacer row, a group row or more indicators of the competency above
        level_cell = grid.get(r, level_col)
        if level_cell is None and not grid.continued(r, level_col) and (
                _group(name_cell.text, groups) or grid.reaches(r, name_col, level_col)):
            continue  # a group row: "A. Manajerial", or a title across the table
        if blank(name_cell.text):
            continue
        if len(form.kompetensi) == MAX_TABLE_ROWS:
            _too_long(findings, name_cell, "standar kompetensi")
            break
        kode_cell = grid.get(r, kode_col) if kode_col else None
        kode_cell = None if kode_cell is not None and blank(kode_cell.text) else kode_cell
        filled = any((cell := grid.get(r, c)) is not None and not blank(cell.text) or grid.continued(r, c)
                     for c in described)
        form.kompetensi.append(Row(plain(name_cell.text), kode_cell.text if kode_cell else "", name_cell,
                                   level_cell or Cell(grid.label, r, level_col, None), kode_cell, filled))
    return last


def _tick_columns(grid: Grid, start: int) -> dict[str, int]:
    found = {}
    for r in grid.rows:
        if r < start:
            continue
        for cell in grid.row(r):
            word = norm(cell.text)
            if word in ("mutlak", "penting", "perlu") and word not in found:
                found[word] = cell.column
        if len(found) == 3 or r > start + 3:
            break
    return found


def _split(text: str, pattern: str = r"[\n;]") -> list[str]:
    parts = [re.sub(r"^\s*(?:\d+[.)]|[-•])\s*", "", p).strip() for p in re.split(pattern, plain(text))]
    return [p for p in parts if not blank(p)]


def _persyaratan(grid: Grid, form: Form, start: int, findings: list) -> None:
    header = _header_row(grid, ("jenis persyaratan", "uraian"), start) or _header_row(grid, ("persyaratan", "uraian"),
                                                                                      start)
    if header is None:
        return
    r0, columns = header
    form.has_persyaratan = True
    uraian_col = columns["uraian"]
    ticks = _tick_columns(grid, r0)
    section, item, previous = None, None, r0
    for r in grid.rows:
        if r <= r0:
            continue
        if r - previous > 3:
            break  # the table has ended (a signature block may follow)
        if r - r0 > MAX_TABLE_ROWS:
            _too_long(findings, grid.row(r)[0], "persyaratan jabatan")
            break
        previous = r
        words = {norm(c.text) for c in grid.row(r)}
        if words <= {"mutlak", "penting", "perlu", "tingkat pentingnya terhadap jabatan", "tingkat pentingnya"}:
            continue
        label_cells = [c for c in grid.row(r) if c.column < uraian_col]
        labels = " ".join(norm(c.text) for c in label_cells)
        for word, name in _SECTIONS:
            if any(norm(c.text).startswith(word) for c in label_cells):
                section, item = name, None
                break
        if section is None:
            continue
        uraian_cell = grid.get(r, uraian_col)
        # The form ticks pelatihan and pengalaman only: a tick elsewhere (pendidikan, pangkat) is not read.
        ticked = [name for name, c in ticks.items() if section in TICKED and (cell := grid.get(r, c)) is not None
                  and _TICK.match(cell.text)]
        if len(ticked) > 1:
            findings.append(cell_finding("SKJ-TINGKAT", grid.get(r, ticks[ticked[0]]),
                                         f"dicentang pada {', '.join(ticked)}"))
            ticked = ticked[:1]
        cells = {"uraian": uraian_cell} if uraian_cell else {}
        items = form.persyaratan.setdefault(section, [])
        text = uraian_cell.text if uraian_cell else ""
        if section == "pendidikan":
            if "bidang" in labels and item is not None:
                item["bidang_ilmu"] = _split(text, r"[\n;,]")
                continue
            if not _split(text):
                continue
            item = {"jenjang": text.strip()}
            items.append((item, {"jenjang": uraian_cell, **cells}))
            continue
        for part in _split(text):
            if section == "indikator_kinerja":
                items.append((part, cells))
                continue
            entry = {"uraian": part}
            if section == "pelatihan":
                jenis = next((j for j in ("manajerial", "teknis", "fungsional") if j in labels), None)
                entry = {"jenis": jenis, "nama": part} if jenis else {"nama": part}
            if ticked:
                entry["tingkat"] = ticked[0]
            items.append((entry, {**cells, "nama": uraian_cell}))


def read_form(grid: Grid, findings: list, groups: frozenset = GROUPS) -> Form | None:
    """The form on one sheet, or None when the sheet holds none; ``groups``: the words of the
    group rows (the kinds of competency)."""
    form = Form(grid)
    _identity(grid, form)
    end = _kompetensi(grid, form, findings, groups)
    if "nama" not in form.fields and not form.kompetensi:
        return None
    _persyaratan(grid, form, end, findings)
    return form


def level_of(cell: Cell) -> int | None:
    value = cell.value
    if isinstance(value, str):
        value = plain(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer() and 1 <= value <= 5:
        return int(value)
    match = re.fullmatch(r"\s*(?:level\s*)?([1-5]|i{1,3}|iv|v)\s*", str(value or ""), re.I)
    if not match:
        return None
    token = match.group(1).lower()
    return int(token) if token.isdigit() else _ROMAN[token]
