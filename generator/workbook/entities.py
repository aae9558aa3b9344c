"""A kamus workbook read back: every competency, unit and position as the YAML data it
asks for, with the cell each value came from.

Only what a single cell can tell is checked here (a known column, a choice from the
list, a level 1–5, a key that appears once, a row that belongs to an entry of the
workbook); everything else is checked on the would-be kamus by the same rules as any
YAML edit (:mod:`generator.edit.apply`), and mapped back to the cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..spreadsheet import Book, Cell, Merged, cell_finding
from . import layout as L
from .layout import BOOLEAN, Layout

_TRUE = {"ya", "true", "benar", "1", "y"}
_FALSE = {"tidak", "false", "salah", "0", "t", "n"}
KINDS = {L.KOMPETENSI: "kompetensi", L.UNIT: "unit", L.JABATAN: "jabatan"}


@dataclass
class Origin:
    """Where an entry came from: its row on its own sheet, and the rows of its parts."""

    fields: dict[str, Cell] = field(default_factory=dict)  # field → cell of the entry's row
    parts: dict[tuple, dict[str, Cell]] = field(default_factory=dict)  # ("kompetensi", kode) → cells of that row

    def cell(self, path: tuple, data: dict) -> Cell | None:
        """The cell behind data ``path`` of the entry's (would-be) YAML ``data``."""
        head = path[0] if path else None
        try:
            if head == "kompetensi" and len(path) > 1:
                cells = self.parts.get(("kompetensi", data["kompetensi"][path[1]]["kode"]))
                return _pick(cells, path[2] if len(path) > 2 else "kode")
            if head == "level" and len(path) > 1:
                cells = self.parts.get(("level", data["level"][path[1]]["level"]))
                name = path[2] if len(path) > 2 else "level"
                if name == "indikator" and len(path) > 3:
                    name = f"indikator.{path[3] + 1}"
                return _pick(cells, name)
            if head == "persyaratan" and len(path) > 2:
                cells = self.parts.get(("persyaratan", path[1], path[2]))
                return _pick(cells, path[3] if len(path) > 3 else "uraian")
        except (KeyError, IndexError, TypeError):
            pass
        grouped = f"{head}.{path[1]}" if len(path) > 1 else None  # `siasn.unor_id`
        return self.fields.get(grouped) or self.fields.get(head) or _pick(self.fields, "kode")


def _pick(cells: dict[str, Cell] | None, name) -> Cell | None:
    if not cells:
        return None
    return cells.get(name) or next(iter(cells.values()))


@dataclass
class Entry:
    objek: str  # kompetensi | unit | jabatan
    kode: str
    folder: str  # competencies/<jenis>/ or positions/<unit>/
    data: dict
    origin: Origin
    rows: set = field(default_factory=set)  # (sheet, row) of every row that belongs to this entry
    sidik: str = ""  # the fingerprint the entry had when the workbook was exported ("" for a new row)


@dataclass
class Incoming:
    """What a workbook asks for, and every problem found in its cells."""

    entries: dict[tuple[str, str], Entry] = field(default_factory=dict)  # (objek, kode) → entry
    findings: list = field(default_factory=list)
    sheets: tuple[str, ...] = ()  # the data sheets, in order (findings are sorted by them)
    complete: set = field(default_factory=set)  # objek whose sheet was read whole (so gone rows are known)

    def of(self, objek: str) -> dict[str, Entry]:
        return {kode: e for (o, kode), e in self.entries.items() if o == objek}


class _Reader:
    def __init__(self, layout: Layout):
        self.layout = layout
        self.findings: list = []
        self.places: dict[str, dict[str, int]] = {}  # sheet → field → column number (the sheets read)
        self.merges: dict[str, Merged] = {}  # sheet → its merged ranges

    def error(self, rule, cell: Cell, message, hint=None):
        self.findings.append(cell_finding(rule, cell, message, hint))

    def table(self, book, sheet: L.Sheet) -> list[dict[str, Cell]]:
        """The data rows of ``sheet`` as field → cell (only columns the layout knows)."""
        if sheet.name not in book.sheetnames:
            self.findings.append(cell_finding("XLSX-SHEET", Cell(sheet.name, 1, 1, None),
                                              f"lembar `{sheet.name}` tidak ada"))
            return []
        found = book.rows(sheet.name)
        if not found:
            return []
        header, columns, problems = found[0], {}, False
        renamed = dict(sheet.renamed)
        for cell in header:
            name = cell.text
            if not name:
                continue
            if name in renamed and sheet.column(name) is None:  # a workbook exported before the rename
                self.findings.append(cell_finding("XLSX-RENAMED", cell, f"kolom `{name}` sekarang bernama "
                                                                        f"`{renamed[name]}`; dibaca sebagai `{renamed[name]}`"))
                name = renamed[name]
            if sheet.column(name) is None:
                known = ", ".join(c.field for c in sheet.columns if not c.field.startswith("indikator."))
                self.error("XLSX-HEADER", cell, f"kolom `{name}` tidak dikenal di lembar {sheet.name} "
                                                f"(yang dikenal: {known})")
                problems = True
            elif name in columns.values():
                self.error("XLSX-HEADER", cell, f"kolom `{name}` muncul dua kali")
                problems = True
            else:
                columns[cell.column] = name
        for column in sheet.columns:
            if column.required and column.field not in columns.values():
                self.error("XLSX-HEADER", Cell(sheet.name, header[0].row, 1, None),
                           f"kolom wajib `{column.field}` tidak ada di baris judul")
                problems = True
        if problems:
            return []
        self.places[sheet.name] = {name: number for number, name in columns.items()}
        self.merged(book, sheet, columns)
        labels = {c.field: c.label for c in sheet.columns}
        out = []
        for cells in found[1:]:
            row = {columns[c.column]: c for c in cells if c.column in columns and not c.empty}
            if cells[0].row == header[0].row + 1 and all(labels.get(f) == c.text for f, c in row.items()):
                continue  # the label row
            if row:
                out.append(row)
        return out

    def merged(self, book: Book, sheet: L.Sheet, columns: dict[int, str]) -> None:
        """A merged range over data cells is an error: only its first cell keeps a value, so the
        rows below it would be read without their key (a requirement silently gone)."""
        self.merges[sheet.name] = Merged(book.sheet(sheet.name).merged)
        for found in self.merges[sheet.name].ranges:
            if found.max_row <= L.HEAD_ROWS:
                continue  # the header rows: nothing is read from them but the field names
            hidden = [name for column, name in sorted(columns.items()) if found.min_col <= column <= found.max_col]
            if not hidden:
                continue
            rows = f"baris {found.min_row}" + (f"–{found.max_row}" if found.max_row > found.min_row else "")
            self.error("XLSX-VALUE", Cell(sheet.name, found.min_row, found.min_col, None),
                       f"sel {found.ref} digabung (Merge Cells) di {rows}, kolom {', '.join(hidden)}: hanya sel "
                       "pertamanya yang berisi nilai, sel lain di bawah atau di sampingnya terbaca kosong",
                       "Pisahkan gabungan sel (Beranda > Gabungkan & Tengahkan > Pisahkan Sel) lalu isi setiap sel; "
                       "Kamus membaca satu nilai per sel, satu baris per data.")

    def value(self, column: L.Column, cell: Cell | None, row_cell: Cell):
        """The YAML value of one cell, or None (empty or not valid; a finding says why)."""
        if cell is None:
            if column.required:
                number = self.places.get(row_cell.sheet, {}).get(column.field, 1)
                self.error("XLSX-VALUE", Cell(row_cell.sheet, row_cell.row, number, None),
                           f"`{column.field}` wajib diisi")
            return None
        if cell.formula:
            self.error("XLSX-VALUE", cell, f"sel berisi rumus `{cell.value}`; Kamus hanya membaca nilai")
            return None
        text = cell.text
        if column.kind == "level":
            number = _integer(cell.value)
            if number is None or not 1 <= number <= L.MAX_LEVEL:
                self.error("XLSX-VALUE", cell, f"level `{text}` bukan bilangan bulat 1–{L.MAX_LEVEL}")
                return None
            return number
        if column.kind == "bool":
            if isinstance(cell.value, bool):
                return cell.value
            if text.lower() in _TRUE | _FALSE:
                return text.lower() in _TRUE
            self.error("XLSX-VALUE", cell, f"`{text}` bukan {' atau '.join(BOOLEAN.values())}")
            return None
        if not isinstance(cell.value, str) and column.kind != "info":
            self.error("XLSX-NUMBER", cell, f"`{column.field}` berisi {_what(cell.value)} `{text}`, bukan teks; "
                                            "dibaca sebagai teks")
        if column.kind == "choice":
            allowed = self.layout.lists.get(column.choices, ())
            if allowed and text not in allowed:
                self.error("XLSX-VALUE", cell, f"`{text}` bukan pilihan yang sah untuk `{column.field}` "
                                               f"(pilih: {', '.join(allowed)})")
                return None
        if column.kind in ("list", "codes"):
            parts = re.split(r"[;\n]" if column.kind == "list" else r"[;,\n]", text)
            return [p.strip() for p in parts if p.strip()]
        return text

    def record(self, sheet: L.Sheet, row: dict[str, Cell], skip=()) -> dict:
        first = min(row.values(), key=lambda c: c.column)
        data = {}
        for column in sheet.columns:
            if column.kind in ("info", "sidik") or column.field in skip or column.field.startswith("indikator."):
                continue
            value = self.value(column, row.get(column.field), first)
            if value is not None:
                head, _, name = column.field.partition(".")
                if name:  # `siasn.unor_id`: one value of a mapping; a single id stays a single value
                    data.setdefault(head, {})[name] = value[0] if isinstance(value, list) and len(value) == 1 else value
                else:
                    data[column.field] = value
        return data


def _integer(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _what(value) -> str:
    return "tanggal" if hasattr(value, "year") else "bilangan"


def read_entries(book, layout: Layout, sections: dict[str, dict]) -> Incoming:
    """Every entry that the workbook ``book`` asks for (see :class:`Incoming`)."""
    reader = _Reader(layout)
    incoming = Incoming(sheets=tuple(s.name for s in layout.sheets))
    tables = {sheet.name: (sheet, reader.table(book, sheet)) for sheet in layout.sheets}

    def entries(name: str, objek: str, folder_field: str | None) -> dict[str, Entry]:
        sheet, found = tables[name]
        out = {}
        for row in found:
            kode_cell = row.get("kode")
            data = reader.record(sheet, row, skip=("unit",))
            if kode_cell is None or "kode" not in data:
                continue
            kode = data["kode"]
            if kode in out:
                reader.error("XLSX-DUPLICATE", kode_cell, f"{objek} `{kode}` sudah ada di baris "
                                                          f"{out[kode].origin.fields['kode'].row}")
                continue
            folder = ""
            if folder_field:
                folder_value = reader.value(sheet.column(folder_field), row.get(folder_field), kode_cell)
                folder = folder_value or ""
            else:
                folder = data.get("jenis", "") if objek == "kompetensi" else kode
            mark = row.get("sidik")
            out[kode] = Entry(objek, kode, folder, data, Origin(dict(row)), {(kode_cell.sheet, kode_cell.row)},
                              mark.text if mark is not None else "")
        return out

    competencies = entries(L.KOMPETENSI, "kompetensi", None)
    units = entries(L.UNIT, "unit", None)
    positions = entries(L.JABATAN, "jabatan", "unit")
    for position in positions.values():
        unit_cell = position.origin.fields.get("unit")
        if unit_cell is not None and position.folder and units and position.folder not in units:
            reader.error("XLSX-REFERENCE", unit_cell, f"unit `{position.folder}` tidak ada di lembar {L.UNIT}")

    _levels(reader, tables[L.LEVEL], competencies)
    _requirements(reader, tables[L.KEBUTUHAN], positions, competencies)
    _persyaratan(reader, tables[L.PERSYARATAN], positions, sections)
    for group in (competencies, units, positions):
        for entry in group.values():
            incoming.entries[(entry.objek, entry.kode)] = entry
    incoming.findings = reader.findings
    incoming.complete = {objek for name, objek in KINDS.items() if name in reader.places}
    return incoming


def _owner(reader, row, field_name, owners: dict[str, Entry], what: str, sheet: str, layout: L.Sheet):
    cell = row.get(field_name)
    if cell is None:
        first = min(row.values(), key=lambda c: c.column)
        merged = reader.merges.get(sheet_name := first.sheet)
        column = reader.places.get(sheet_name, {}).get(field_name, 1)
        under = merged is not None and merged.below_top(first.row, column)  # reported with its range
        if not under and any(layout.column(name).kind != "info" for name in row):  # data without its owner
            reader.value(layout.column(field_name), None, first)
        return None
    owner = owners.get(cell.text)
    if owner is None:
        reader.error("XLSX-REFERENCE", cell, f"{what} `{cell.text}` tidak ada di lembar {sheet}")
    else:
        owner.rows.add((cell.sheet, cell.row))
    return owner


def _children(reader, table, field_name: str, owners: dict[str, Entry], sheet: str, needed: tuple[str, ...]):
    """(owner, row, data) of every row of a part sheet that names a known owner and has ``needed``."""
    layout, found = table
    for row in found:
        owner = _owner(reader, row, field_name, owners, field_name, sheet, layout)
        data = reader.record(layout, row, skip=(field_name,))
        if owner is not None and all(n in data for n in needed):
            yield owner, row, data


def _levels(reader, table, competencies: dict[str, Entry]) -> None:
    sheet = table[0]
    levels: dict[str, dict[int, dict]] = {}
    for owner, row, data in _children(reader, table, "kompetensi", competencies, L.KOMPETENSI, ("level",)):
        number = data["level"]
        if number in levels.setdefault(owner.kode, {}):
            reader.error("XLSX-DUPLICATE", row["level"], f"level {number} kompetensi `{owner.kode}` sudah ada "
                                                         f"di baris {owner.origin.parts[('level', number)]['level'].row}")
            continue
        texts = []
        for name in sorted((f for f in row if f.startswith("indikator.")), key=lambda f: int(f.split(".")[1])):
            value = reader.value(sheet.column(name), row[name], row[name])
            if value:
                texts.append(value)
        item = {"level": number}
        if "deskripsi" in data:
            item["deskripsi"] = data["deskripsi"]
        item["indikator"] = texts
        levels[owner.kode][number] = item
        owner.origin.parts[("level", number)] = dict(row)
    for kode, entry in competencies.items():
        entry.data["level"] = [levels.get(kode, {})[n] for n in sorted(levels.get(kode, {}))]


def _requirements(reader, table, positions: dict[str, Entry], competencies: dict[str, Entry]) -> None:
    for entry in positions.values():
        entry.data["kompetensi"] = []
    for owner, row, data in _children(reader, table, "jabatan", positions, L.JABATAN, ("kode", "level")):
        if competencies and data["kode"] not in competencies:
            reader.error("XLSX-REFERENCE", row["kode"], f"kompetensi `{data['kode']}` tidak ada di lembar "
                                                        f"{L.KOMPETENSI}")
            continue
        key = ("kompetensi", data["kode"])
        if key in owner.origin.parts:
            reader.error("XLSX-DUPLICATE", row["kode"], f"jabatan `{owner.kode}` sudah mensyaratkan `{data['kode']}` "
                                                        f"di baris {owner.origin.parts[key]['kode'].row}")
            continue
        owner.data["kompetensi"].append({"kode": data["kode"], "level": data["level"]})
        owner.origin.parts[key] = dict(row)


def _persyaratan(reader, table, positions: dict[str, Entry], sections: dict[str, dict]) -> None:
    grouped: dict[str, dict[str, list]] = {}
    for owner, row, data in _children(reader, table, "jabatan", positions, L.JABATAN, ("bagian",)):
        section = data.pop("bagian")
        fields = list((sections[section].get("properties") or {}))
        stray = [f for f in data if f not in fields and not (f == "uraian" and not fields)]
        for name in stray:
            reader.error("XLSX-VALUE", row[name], f"kolom `{name}` tidak dipakai untuk bagian `{section}` "
                                                  f"(yang dipakai: {', '.join(fields) or 'uraian'}); kosongkan sel ini")
        if stray:
            continue
        items = grouped.setdefault(owner.kode, {}).setdefault(section, [])
        item = {f: data[f] for f in fields if f in data} if fields else data.get("uraian")
        if item in (None, {}):
            continue
        owner.origin.parts[("persyaratan", section, len(items))] = dict(row)
        items.append(item)
    for kode, entry in positions.items():
        found_sections = grouped.get(kode, {})
        if found_sections:
            entry.data["persyaratan"] = {s: found_sections[s] for s in sections if s in found_sections}
