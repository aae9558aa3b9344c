"""The kamus workbook: its sheets and columns, for export and import alike (one layout).

Every sheet has two header rows: the YAML field name (row 1, what the import reads) and
its Indonesian label (row 2, the schema's ``title``). Data starts on row 3. The columns
of Kompetensi, Unit and Jabatan come from the JSON Schemas, so a field added to a schema
appears in the workbook without a change here.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from ..check.schema import required_fields
from ..jenjang import JENJANG
from ..kinds import ENTRIES
from ..load.renamed import RENAMED, in_old_names

HEAD_ROWS = 2  # field names, labels
LONG = {"definisi", "ikhtisar", "deskripsi", "catatan", "uraian", "indikator"}
NESTED = {"level", "kompetensi", "persyaratan"}  # kept on sheets of their own
BOOLEAN = {True: "ya", False: "tidak"}
LIST_SEPARATOR = "; "
MAX_LEVEL = 5


@dataclass(frozen=True)
class Column:
    field: str  # header row 1: the YAML name (or `indikator.2`)
    label: str  # header row 2
    kind: str = "text"  # text | long | code | level | bool | list | codes | choice | info | sidik
    choices: str = ""  # the defined name of its dropdown list
    required: bool = False

    @property
    def width(self) -> float:
        return {"long": 60, "code": 18, "level": 8, "bool": 11, "choice": 20, "list": 36, "codes": 22,
                "info": 34, "sidik": 18}.get(self.kind, 32)


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # the fields that name one row (a duplicate key is an error)
    fixed: int = 1  # columns that stay in view when scrolling right
    renamed: tuple[tuple[str, str], ...] = ()  # (old header, new field): still read for one version

    def column(self, field: str) -> Column | None:
        found = next((c for c in self.columns if c.field == field), None)
        if found is None and field.startswith("indikator.") and field[10:].isdigit() and int(field[10:]) > 0 \
                and any(c.field.startswith("indikator.") for c in self.columns):
            return Column(field, f"Indikator perilaku {field[10:]}", "long")  # a column the editor added
        return found


KOMPETENSI, LEVEL, UNIT, JABATAN, KEBUTUHAN, PERSYARATAN = (
    "Kompetensi", "Level", "Unit", "Jabatan", "Kebutuhan", "Persyaratan")
PETUNJUK, PILIHAN = "Petunjuk", "Pilihan"
ISI = "Isi"  # hidden: every entry the workbook was made with (objek, kode, sidik), so that a gone row is known
ISI_COLUMNS = ("objek", "kode", "sidik")
CODE_LISTS = {"daftar_kompetensi": (KOMPETENSI, "A"), "daftar_unit": (UNIT, "A"), "daftar_jabatan": (JABATAN, "A")}
REFERS = {"induk": "daftar_unit", "unit": "daftar_unit", "atasan": "daftar_jabatan", "diganti_oleh": "daftar_kompetensi"}


def _label(schema: dict, fallback: str) -> str:
    return schema.get("title") or fallback


def _column(field: str, schema: dict, required: bool, kind: str | None = None) -> Column:
    if kind is None:
        if schema.get("type") == "boolean":
            kind = "bool"
        elif "enum" in schema or field == "jenis":
            kind = "choice"
        elif schema.get("type") == "array":
            kind = "codes" if field in REFERS else "list"
        elif schema.get("type") == "integer":
            kind = "level"
        elif field == "kode" or field in REFERS:
            kind = "code"
        else:
            kind = "long" if field in LONG else "text"
    choices = REFERS.get(field, "") if kind in ("code", "codes") else ""
    if kind in ("choice", "bool"):
        choices = f"pilihan_{field}"
    elif kind == "level":
        choices = "pilihan_level"
    return Column(field, _label(schema, field), kind, choices, required)


SIDIK = Column("sidik", "Sidik versi (jangan diubah)", "sidik")


def _normal(value):
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_normal(v) for v in value]
        if items and all(isinstance(v, dict) and "kode" in v for v in items):
            items.sort(key=lambda v: str(v["kode"]))
        return items
    return value


def sidik(objek: str, folder: str, data: dict) -> str:
    """The fingerprint of an entry as the workbook shows it: the same data (up to spaces around
    text and the order of requirements) gives the same fingerprint. The workbook keeps the
    fingerprint of every entry as exported, so that an import can tell which entries the
    editor changed, and which changed in the kamus since the download. A renamed key counts
    under its old name, so that a workbook exported before the rename still matches."""
    data = in_old_names(data, ENTRIES[objek].schema)
    text = json.dumps([objek, folder, _normal(data)], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _entity_columns(schema: dict, extra: tuple[Column, ...] = ()) -> tuple[Column, ...]:
    required = required_fields(schema)
    columns = []
    for field, prop in schema["properties"].items():
        if prop.get("deprecated"):
            continue  # an old name: read from an old workbook (Sheet.renamed), never written
        if field not in NESTED and _grouped(prop):  # `siasn: {unor_id: …}` → a column `siasn.unor_id`
            columns.extend(_column(f"{field}.{name}", sub, False, "list" if _types(sub) & {"array"} else None)
                           for name, sub in prop["properties"].items())
            continue
        if field in NESTED or not _flat(prop):
            continue  # a structure of its own: kept as it is by an import (see `covered`)
        columns.append(_column(field, prop, field in required))
        if field == "kode":
            columns.extend(extra)
    return tuple(columns) + (SIDIK,)


def _types(prop: dict) -> set[str]:
    kind = prop.get("type", "string")
    return set(kind) if isinstance(kind, list) else {kind}


def _flat(prop: dict) -> bool:
    """True for a field one cell can hold: text, a number, true/false, or a list of texts."""
    kinds = _types(prop)
    if "array" in kinds and (prop.get("items") or {}).get("type", "string") not in ("string", "integer"):
        return False
    return kinds <= {"string", "integer", "boolean", "number", "array"}


def _grouped(prop: dict) -> bool:
    """A mapping of a few flat fields (`siasn`): each gets a column `<field>.<name>`."""
    return _types(prop) == {"object"} and bool(prop.get("properties")) \
        and all(_flat(sub) for sub in prop["properties"].values())


def value_of(data: dict, field: str):
    """The value of a column's ``field`` in an entry's YAML ``data`` (`siasn.unor_id` is nested)."""
    head, _, name = field.partition(".")
    value = data.get(head)
    if name and not head.startswith("indikator"):
        return value.get(name) if isinstance(value, dict) else None
    return value


def covered(sheet: "Sheet") -> frozenset:
    """The YAML keys of an entry that its sheets carry (the rest is kept as it is)."""
    return frozenset(c.field.partition(".")[0] for c in sheet.columns) | NESTED


def persyaratan_sections(position_schema: dict) -> dict[str, dict]:
    """Section → its item schema (``indikator_kinerja`` items are text)."""
    sections = position_schema["properties"]["persyaratan"]["properties"]
    return {name: prop["items"] for name, prop in sections.items()}


@dataclass(frozen=True)
class Layout:
    sheets: tuple[Sheet, ...]
    lists: dict[str, tuple]  # dropdown name → values (the hidden Pilihan sheet; levels as numbers)
    indikator: int  # number of indikator.N columns on the Level sheet

    def sheet(self, name: str) -> Sheet:
        return next(s for s in self.sheets if s.name == name)


def build_layout(schemas: dict, jenis: tuple[str, ...], indikator: int = 6) -> Layout:
    """The layout for the kamus ``schemas`` (competency, unit, position), the kinds of
    competency ``jenis`` and at least ``indikator`` indicator columns."""
    competency, unit, position = schemas["competency"], schemas["unit"], schemas["position"]
    level_item = competency["properties"]["level"]["items"]["properties"]
    requirement = position["properties"]["kompetensi"]["items"]["properties"]
    sections = persyaratan_sections(position)
    indikator = max(indikator, 4)

    unit_column = Column("unit", "Unit kerja (kode folder)", "code", "daftar_unit", True)
    sheets = [
        Sheet(KOMPETENSI, _entity_columns(competency), ("kode",)),
        Sheet(LEVEL, (Column("kompetensi", _label(requirement["kode"], "Kode kompetensi"), "code",
                             "daftar_kompetensi", True),
                      _column("level", level_item["level"], True, "level"),
                      _column("deskripsi", level_item["deskripsi"], True, "long"),
                      *(Column(f"indikator.{n}", f"Indikator perilaku {n}", "long") for n in range(1, indikator + 1))),
              ("kompetensi", "level"), 2),
        Sheet(UNIT, _entity_columns(unit), ("kode",)),
        Sheet(JABATAN, _entity_columns(position, (unit_column,)), ("kode",),
              renamed=tuple(RENAMED.get("position", {}).items())),
        Sheet(KEBUTUHAN, (Column("jabatan", "Kode jabatan", "code", "daftar_jabatan", True),
                          Column("kode", _label(requirement["kode"], "Kode kompetensi"), "code", "daftar_kompetensi",
                                 True),
                          _column("level", requirement["level"], True, "level"),
                          Column("nama_kompetensi", "Nama kompetensi (keterangan, tidak dibaca)", "info")),
              ("jabatan", "kode"), 2),
    ]
    fields: dict[str, Column] = {}
    lists_persyaratan: dict[str, tuple[str, ...]] = {}
    # Columns in the form's order and words: a field no section uses any more (`deprecated`:
    # tingkat on pendidikan and pangkat) takes its label from a section that does use it.
    props = [(field, prop) for item in sections.values() for field, prop in (item.get("properties") or {}).items()]
    for field, prop in sorted(props, key=lambda fp: bool(fp[1].get("deprecated"))):
        if field not in fields:
            column = _column(field, prop, False)
            if column.kind in ("choice", "bool"):
                column = Column(field, column.label, column.kind, f"pilihan_persyaratan_{field}")
                lists_persyaratan[column.choices] = tuple(prop.get("enum") or BOOLEAN.values())
            fields[field] = column
    fields.setdefault("uraian", Column("uraian", "Uraian", "long"))
    sheets.append(Sheet(PERSYARATAN, (Column("jabatan", "Kode jabatan", "code", "daftar_jabatan", True),
                                      Column("bagian", "Bagian persyaratan", "choice", "pilihan_bagian", True),
                                      *fields.values()), ("jabatan", "bagian"), 2))

    lists = {"pilihan_jenis": tuple(jenis), "pilihan_level": tuple(range(1, MAX_LEVEL + 1)),
             "pilihan_strategis": tuple(BOOLEAN.values()), "pilihan_bagian": tuple(sections)}
    lists.update(lists_persyaratan)
    for schema in (competency, unit, position):
        for field, prop in (schema.get("properties") or {}).items():
            if "enum" in prop:
                lists.setdefault(f"pilihan_{field}", tuple(prop["enum"]))
            elif prop.get("type") == "boolean":
                lists.setdefault(f"pilihan_{field}", tuple(BOOLEAN.values()))
    lists.setdefault("pilihan_jenjang", JENJANG)
    return Layout(tuple(sheets), lists, indikator)
