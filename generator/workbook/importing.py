"""`kamus import FILE.xlsx`: the edits in a kamus workbook become edits of the YAML files.

The workbook is read (:mod:`generator.workbook.entities`), every entry is planned, checked
and written by :mod:`generator.edit.apply` (all or nothing), and every finding names the
sheet, row and column it came from.
"""

from __future__ import annotations

from ..edit.apply import Applied, Current, Kept, Plan, Wanted, check_and_write, make_plan
from ..project import Project
from ..spreadsheet import Unreadable, open_book
from . import layout as L
from .entities import KINDS, Entry, read_entries
from .export import workbook_layout
from .layout import covered, persyaratan_sections, sidik


def _wanted(entry: Entry, layout) -> Wanted:
    first = entry.origin.fields.get("kode") or next(iter(entry.origin.fields.values()))

    def locate(path: tuple, data: dict):
        cell = entry.origin.cell(path, data)
        return None if cell is None else (cell.sheet, cell.row, cell.column, cell.ref)

    sheet = next(name for name, objek in KINDS.items() if objek == entry.objek)
    return Wanted(entry.objek, entry.kode, entry.folder, entry.data, locate, (first.sheet, first.row, first.column),
                  entry.sidik, sidik, covered(layout.sheet(sheet)))


def _unchanged(entry: Entry) -> Wanted:
    return Wanted(entry.objek, entry.kode, "", {})  # asked for, not planned


def _contents(book) -> dict[tuple[str, str], str] | None:
    """(objek, kode) → fingerprint of every entry the workbook was made with (hidden sheet
    Isi), or None when the workbook does not say (made by an older Kamus, or the sheet is gone)."""
    if L.ISI not in book.sheetnames:
        return None
    try:
        rows = book.rows(L.ISI)
    except Unreadable:
        return None
    if not rows or tuple(cell.text for cell in rows[0]) != L.ISI_COLUMNS:
        return None
    found = {}
    for cells in rows[1:]:
        values = {cell.column: cell.text for cell in cells}
        if values.get(1) and values.get(2):
            found[(values[1], values[2])] = values.get(3, "")
    return found


def _removal(contained: dict | None, layout):
    """Why an entry the workbook lacks may not be removed (:class:`Kept`), or None. Only an
    entry the workbook was made with, unchanged in the kamus since, is removed; an old
    workbook never removes newer work."""
    sheets = {objek: sheet for sheet, objek in KINDS.items()}

    def check(objek: str, kode: str, now: Current):
        if contained is None:
            return Kept("XLSX-NOT-REMOVED", "buku kerja ini tidak memuat daftar isinya (lembar tersembunyi "
                                            f"`{L.ISI}`: dibuat Kamus versi lama, atau lembarnya dihapus)")
        mark = contained.get((objek, kode))
        if mark is None:
            return Kept("XLSX-NOT-REMOVED", "belum ada di kamus saat buku kerja ini diunduh", newer=True)
        shown = {k: v for k, v in now.data.items() if k in covered(layout.sheet(sheets[objek]))}
        if sidik(objek, now.folder, shown) != mark:
            return Kept("XLSX-CONFLICT", f"`{now.path}` sudah berubah sejak buku kerja diunduh")
        return None

    return check


def import_workbook(project: Project, raw: bytes, name: str, remove: bool = False, dry_run: bool = False) -> Applied:
    """Import the workbook ``raw`` (file name ``name``) into the working tree ``project``, whose
    kamus files must pass validation first (so that every error after the import is the
    import's; a snapshot's own errors do not hold it up, see :func:`~generator.edit.apply.check_and_write`)."""
    project.require_sound_kamus()
    layout = workbook_layout(project)
    try:
        with open_book(raw, name, html=False) as book:
            incoming = read_entries(book, layout, persyaratan_sections(project.schemas.schemas["position"]))
            contained = _contents(book)
    except Unreadable as exc:
        return check_and_write(project, Plan(), [exc.finding("XLSX-FILE", name)], name)
    # An entry with a cell error keeps its file as it is: its error is reported, and the rest
    # of the workbook is checked against it unchanged (no cascade of follow-up errors).
    broken = {(f.path, f.line) for f in incoming.findings if f.severity == "error"}
    wanted = [_wanted(entry, layout) if not entry.rows & broken else _unchanged(entry)
              for entry in incoming.entries.values()]
    plan, problems = make_plan(project, wanted, remove, incoming.complete, _removal(contained, layout))
    return check_and_write(project, plan, incoming.findings + problems, name, dry_run, incoming.sheets)
