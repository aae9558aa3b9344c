"""Reading a workbook that someone hands back: safely, cell by cell, with where each cell is.

An XLSX file is a zip archive of XML: before openpyxl sees it, its size, its number of
parts and their unpacked size are checked, so that a hostile file cannot fill the memory.
Cells keep their place (``Kebutuhan!C14``) for every finding; a formula is never
evaluated (its text is reported, the editor is asked for the value).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from ..rules import finding
from ..tables import cell_text, column_letter, unguard

MAX_BYTES = 50_000_000  # the file itself
MAX_UNPACKED = 800_000_000  # all parts unpacked
MAX_PARTS = 10_000


class Unreadable(Exception):
    """The file is no workbook Kamus can read; ``finding`` says why."""

    def __init__(self, found):
        super().__init__(found.message)
        self.finding = found


@dataclass(frozen=True)
class Cell:
    sheet: str
    row: int
    column: int  # 1-based
    value: object  # as openpyxl gives it (str, int, float, bool, datetime, None)
    formula: bool = False

    @property
    def ref(self) -> str:
        return f"{self.sheet}!{column_letter(self.column - 1)}{self.row}"

    @property
    def text(self) -> str:
        """The value as text, stripped, with the export's formula guard taken off."""
        if isinstance(self.value, str):
            return unguard(self.value.replace("\r\n", "\n").strip())
        return cell_text(self.value).strip()

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


def cell_finding(rule: str, cell: Cell, message: str, hint: str | None = None):
    """A finding at ``cell``: path = sheet name, line = row, column = column."""
    return finding(rule, cell.sheet, cell.row, cell.column, message, hint)


def _check_archive(raw: bytes, name: str) -> None:
    if len(raw) > MAX_BYTES:
        raise Unreadable(finding("XLSX-FILE", name, 1, 1, f"berkas lebih dari {MAX_BYTES // 1_000_000} MB"))
    if not raw.startswith(b"PK"):
        hint = ("Simpan ulang di Excel sebagai Excel Workbook (.xlsx)."
                if raw.startswith(b"\xd0\xcf\x11\xe0") else None)
        raise Unreadable(finding("XLSX-FILE", name, 1, 1, "berkas bukan buku kerja XLSX"
                                 + (" (format .xls lama atau berkas terkunci kata sandi)" if hint else ""), hint))
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise Unreadable(finding("XLSX-FILE", name, 1, 1, f"berkas XLSX rusak: {exc}")) from None
    if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED:
        raise Unreadable(finding("XLSX-FILE", name, 1, 1, "isi berkas XLSX terlalu besar setelah dibuka"))


def open_workbook(raw: bytes, name: str, merged: bool = False):
    """The openpyxl workbook of ``raw`` (``merged``: keep merged ranges, slower)."""
    import openpyxl

    _check_archive(raw, name)
    try:
        return openpyxl.load_workbook(io.BytesIO(raw), read_only=not merged, data_only=False)
    except Exception as exc:  # a broken or foreign file: openpyxl raises many kinds
        raise Unreadable(finding("XLSX-FILE", name, 1, 1, f"XLSX tidak dapat dibaca: {exc}")) from None


def rows(sheet) -> list[list[Cell]]:
    """Every non-empty row of ``sheet`` as cells (empty trailing cells dropped)."""
    found = []
    for row in sheet.iter_rows():
        cells = []
        for cell in row:
            value = getattr(cell, "value", None)
            if value is None or getattr(cell, "row", None) is None:
                continue
            formula = getattr(cell, "data_type", "") == "f"
            cells.append(Cell(sheet.title, cell.row, cell.column, value, formula))
        if any(not c.empty for c in cells):
            found.append(cells)
    return found
