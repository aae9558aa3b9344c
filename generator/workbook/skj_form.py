"""`kamus import --format skj-form FILE…`: SKJ forms as Pemda keep them in Excel.

The form (PermenPANRB 38/2017; see README, "Formulir SKJ") is one position per sheet:
identity rows (Nama Jabatan, Kelompok Jabatan, Urusan Pemerintahan, Kode Jabatan, often
Unit Kerja), I. Ikhtisar Jabatan, II. Standar Kompetensi (a table No | Kompetensi | Level |
Deskripsi | Indikator, grouped Manajerial / Sosial Kultural / Teknis), III. Persyaratan
Jabatan (Jenis Persyaratan | Uraian | Tingkat Pentingnya: Mutlak / Penting / Perlu, ticked).
Real copies differ: labels and values in one cell or several, merged cells, numbered
rows, blank spacer rows, a Kode column or none, levels as `3` or `Level 3`, indicators
in one cell or one row each. The reader finds the parts by their words, not by fixed
cells. Competencies are matched to the kamus by code, then by name (case, spaces and
numbering ignored, and every such match reported); a level that is not plainly 1–5 is an
error, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..edit.apply import Applied, Plan, Wanted, check_and_write, current_entries, make_plan, open_current
from ..jenjang import JENJANG
from ..rules import finding
from ..suggest import suggest
from .entities import Origin
from .read import Cell, Unreadable, cell_finding, open_workbook

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_TICK = re.compile(r"^(?:[√✓✔☑vVxX✗✘]|ya|1|true)$", re.I)
_NUMBERING = re.compile(r"^\s*(?:[ivx]+|[a-z]|\d+)\s*[.)]\s+", re.I)
_SECTIONS = (("pendidikan", "pendidikan"), ("pelatihan", "pelatihan"), ("pengalaman", "pengalaman"),
             ("pangkat", "pangkat"), ("golongan", "pangkat"), ("indikator kinerja", "indikator_kinerja"))
_JENJANG_WORDS = (("pimpinan tinggi utama", "jpt_utama"), ("jpt utama", "jpt_utama"),
                  ("pimpinan tinggi madya", "jpt_madya"), ("jpt madya", "jpt_madya"),
                  ("pimpinan tinggi pratama", "jpt_pratama"), ("jpt pratama", "jpt_pratama"),
                  ("administrator", "administrator"), ("pengawas", "pengawas"), ("pelaksana", "pelaksana"),
                  ("ahli utama", "fungsional_ahli_utama"), ("ahli madya", "fungsional_ahli_madya"),
                  ("ahli muda", "fungsional_ahli_muda"), ("ahli pertama", "fungsional_ahli_pertama"),
                  ("penyelia", "fungsional_penyelia"), ("mahir", "fungsional_mahir"),
                  ("terampil", "fungsional_terampil"), ("pemula", "fungsional_pemula"))
_LABELS = {"nama jabatan": "nama", "kelompok jabatan": "kelompok", "jenis jabatan": "kelompok",
           "urusan pemerintahan": "urusan", "urusan pemerintah": "urusan", "kode jabatan": "kode_jabatan",
           "unit kerja": "unit", "unit organisasi": "unit", "perangkat daerah": "unit", "opd": "unit",
           "ikhtisar jabatan": "ikhtisar", "ikhtisiar jabatan": "ikhtisar"}


def norm(text) -> str:
    """Lower case, one space, no numbering in front, no colon or full stop at the end."""
    text = re.sub(r"\s+", " ", str(text or "")).strip()
    text = _NUMBERING.sub("", text)
    return text.rstrip(" :.").lower()


def squeeze(text) -> str:
    """The key names are compared by: lower case, no spaces at all."""
    return re.sub(r"\s+", "", str(text or "")).lower()


class Grid:
    """One sheet as cells by (row, column); the cells hidden under a merged range point at
    the range's top-left cell."""

    def __init__(self, sheet, label: str):
        self.label = label
        self.cells: dict[tuple[int, int], Cell] = {}
        self.under: dict[tuple[int, int], tuple[int, int]] = {}
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None and not (isinstance(cell.value, str) and not cell.value.strip()):
                    self.cells[(cell.row, cell.column)] = Cell(label, cell.row, cell.column, cell.value,
                                                              getattr(cell, "data_type", "") == "f")
        for merged in sheet.merged_cells.ranges:
            top = (merged.min_row, merged.min_col)
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    if (r, c) != top:
                        self.under[(r, c)] = top
        self.rows = sorted({r for r, _ in self.cells})

    def row(self, r: int) -> list[Cell]:
        return sorted((c for (row, _), c in self.cells.items() if row == r), key=lambda c: c.column)

    def get(self, r: int, c: int) -> Cell | None:
        return self.cells.get((r, c))

    def continued(self, r: int, c: int) -> bool:
        """True when (r, c) lies under a merged range that starts on an earlier row."""
        top = self.under.get((r, c))
        return top is not None and top[0] < r


@dataclass
class Form:
    """What one sheet says."""

    grid: Grid
    fields: dict[str, tuple[str, Cell]] = field(default_factory=dict)  # nama/kelompok/... → (text, cell)
    kompetensi: list[tuple[str, str, Cell, Cell, Cell | None]] = field(default_factory=list)
    persyaratan: dict[str, list[tuple[object, dict[str, Cell]]]] = field(default_factory=dict)
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
                later = [c for c in cells[i + 1:] if c.text not in (":", "")]
                if later:
                    value, holder = later[0].text.lstrip(": ").strip(), later[0]
                elif key == "ikhtisar":  # the paragraph is on the next row(s)
                    below = [c for rr in grid.rows if rr > r for c in grid.row(rr)][:1]
                    if below and not norm(below[0].text).startswith(("ii", "standar kompetensi")):
                        value, holder = below[0].text, below[0]
            if value and norm(value) not in _LABELS:  # "I. IKHTISAR JABATAN" above "Ikhtisar Jabatan | …"
                form.fields[key] = (value, holder)
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


def _kompetensi(grid: Grid, form: Form, findings: list) -> int:
    header = _header_row(grid, ("kompetensi", "level", "kode", "no", "deskripsi", "indikator"))
    if header is None:
        return 0
    r0, columns = header
    name_col, level_col, kode_col = columns["kompetensi"], columns["level"], columns.get("kode")
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
        cells = grid.row(r)
        if len(cells) == 1 or (grid.get(r, level_col) is None and not grid.continued(r, level_col)
                               and re.search(r"manajerial|sosial|kultural|teknis|pemerintahan", norm(name_cell.text))):
            continue  # a group row: "A. Manajerial"
        level_cell = grid.get(r, level_col)
        kode_cell = grid.get(r, kode_col) if kode_col else None
        form.kompetensi.append((name_cell.text, kode_cell.text if kode_cell else "", name_cell,
                                level_cell or Cell(grid.label, r, level_col, None), kode_cell))
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
    parts = [re.sub(r"^\s*(?:\d+[.)]|[-•])\s*", "", p).strip() for p in re.split(pattern, text)]
    return [p for p in parts if p and p != "-"]


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
        ticked = [name for name, c in ticks.items() if (cell := grid.get(r, c)) is not None and _TICK.match(cell.text)]
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
                if ticked and "tingkat" not in item:
                    item["tingkat"] = ticked[0]
                continue
            if not _split(text):
                continue
            item = {"jenjang": text.strip()}
            if ticked:
                item["tingkat"] = ticked[0]
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


def read_form(grid: Grid, findings: list) -> Form | None:
    form = Form(grid)
    _identity(grid, form)
    end = _kompetensi(grid, form, findings)
    if "nama" not in form.fields and not form.kompetensi:
        return None
    _persyaratan(grid, form, end, findings)
    return form


def _level(cell: Cell) -> int | None:
    value = cell.value
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer() and 1 <= value <= 5:
        return int(value)
    match = re.fullmatch(r"\s*(?:level\s*)?([1-5]|i{1,3}|iv|v)\s*", str(value or ""), re.I)
    if not match:
        return None
    token = match.group(1).lower()
    return int(token) if token.isdigit() else _ROMAN[token]


@dataclass
class _Match:
    competencies: dict  # kode → Competency
    findings: list

    def __post_init__(self):
        self.by_key: dict[str, list] = {}
        for c in self.competencies.values():
            self.by_key.setdefault(squeeze(c.nama), []).append(c)
        self.lower = {k.lower(): k for k in self.competencies}

    def find(self, written: str, kode: str, cell: Cell) -> str | None:
        name = _NUMBERING.sub("", written).strip()
        candidates = [kode.strip()] if kode else []
        inside = re.search(r"\(([A-Za-z0-9][A-Za-z0-9._-]*)\)\s*$", name)
        if inside:
            candidates.append(inside.group(1))
            name = name[:inside.start()].strip()
        lead = re.match(r"^([A-Za-z]{1,4}\.[A-Za-z0-9._-]+?)\.?\s+(\S.*)$", name)
        if lead:
            candidates.append(lead.group(1))
        for candidate in candidates:
            if candidate in self.competencies:
                return candidate
            if candidate.lower() in self.lower:
                return self.lower[candidate.lower()]
        names = [name, lead.group(2) if lead else None]
        for option in filter(None, names):
            found = self.by_key.get(squeeze(option), [])
            found = [c for c in found if c.berlaku] or found
            if len(found) == 1:
                competency = found[0]
                if option.strip() != competency.nama:
                    self.findings.append(cell_finding("SKJ-NAMA", cell, f"`{written.strip()}` dicocokkan dengan "
                                                                        f"`{competency.kode}` {competency.nama}"))
                return competency.kode
            if len(found) > 1:
                self.findings.append(cell_finding("SKJ-KOMPETENSI", cell, f"`{written.strip()}` cocok dengan lebih "
                                                  f"dari satu kompetensi: {', '.join(c.kode for c in found)}"))
                return None
        hint = suggest(name, [c.nama for c in self.competencies.values()])
        self.findings.append(cell_finding("SKJ-KOMPETENSI", cell, f"kompetensi `{written.strip()}` tidak ada di kamus",
                                          hint + "Tulis kode atau nama kompetensi seperti di kamus, atau tambahkan "
                                                 "kompetensinya ke kamus lebih dulu." if hint else None))
        return None


def _jenjang(kelompok: str, nama: str) -> str | None:
    text = norm(kelompok)
    for word, jenjang in _JENJANG_WORDS:
        if word in text:
            return jenjang
    if not text or "fungsional" in text:
        for word, jenjang in _JENJANG_WORDS[10:]:
            if word in norm(nama):
                return jenjang
    return None


def _slug(text: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", text.upper())
    return "_".join(words)[:48] or "JABATAN"


def import_forms(root, files: list[tuple[str, bytes]], unit: str | None = None, write: bool = True) -> Applied:
    """Import SKJ forms (every sheet of every file that holds one) into positions/."""
    project = open_current(root)
    kamus = project.kamus
    findings: list = []
    forms: list[Form] = []
    sheets: list[str] = []
    for name, raw in files:
        try:
            book = open_workbook(raw, name, merged=True)
        except Unreadable as exc:
            findings.append(exc.finding)
            continue
        found = 0
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                continue
            label = f"[{name}]{sheet.title}"
            form = read_form(Grid(sheet, label), findings)
            if form is not None:
                forms.append(form)
                sheets.append(label)
                found += 1
        if not found:
            findings.append(finding("SKJ-FORM", name, 1, 1, f"`{name}` tidak berisi formulir SKJ (baris Nama Jabatan "
                                                             "atau tabel Kompetensi | Level tidak ditemukan)"))
    current = {kode: now for (objek, kode), now in current_entries(project).items() if objek == "jabatan"}
    matcher = _Match(kamus.competencies, findings)
    wanted = [w for form in forms if (w := _wanted(form, kamus, current, unit, matcher, project)) is not None]
    plan, problems = make_plan(project, wanted, False, set()) if wanted else (Plan(), [])
    return check_and_write(root, project, plan, findings + problems, "formulir SKJ", write, tuple(sheets))


def _wanted(form: Form, kamus, current: dict, unit: str | None, matcher: _Match, project) -> Wanted | None:
    findings = matcher.findings
    grid = form.grid
    first = Cell(grid.label, grid.rows[0] if grid.rows else 1, 1, None)
    nama = form.fields.get("nama", ("", first))[0]
    if not nama:
        findings.append(cell_finding("SKJ-FORM", first, "baris `Nama Jabatan` tidak ditemukan"))
        return None
    origin = Origin({key: cell for key, (_, cell) in form.fields.items()})
    origin.fields.setdefault("kode", origin.fields["nama"])
    requirements, broken = [], False
    for written, kode, name_cell, level_cell, kode_cell in form.kompetensi:
        code = matcher.find(written, kode, kode_cell or name_cell)
        level = _level(level_cell)
        if level is None:
            findings.append(cell_finding("SKJ-LEVEL", level_cell, f"level `{level_cell.text}` untuk `{written.strip()}` "
                                                                   "bukan 1–5"))
        if code is None or level is None:
            broken = True
            continue
        if any(r["kode"] == code for r in requirements):
            findings.append(cell_finding("SKJ-KOMPETENSI", name_cell, f"`{code}` disebut dua kali di formulir ini"))
            broken = True
            continue
        requirements.append({"kode": code, "level": level})
        origin.parts[("kompetensi", code)] = {"kode": kode_cell or name_cell, "level": level_cell}
    if not form.kompetensi:
        findings.append(cell_finding("SKJ-FORM", first, "tabel standar kompetensi (Kompetensi | Level) tidak ditemukan"))
        return None
    match = _existing(form, nama, current, unit)
    kelompok = form.fields.get("kelompok", ("", None))[0]
    jenjang = _jenjang(kelompok, nama)
    if match is not None:
        data = dict(match.data)
        folder, kode = match.folder, data["kode"]
    else:
        folder = unit or _unit_of(form, kamus)
        if not folder:
            findings.append(cell_finding("SKJ-FORM", origin.fields["nama"],
                                         f"jabatan `{nama}` belum ada di kamus dan unitnya tidak diketahui",
                                         "Sebutkan unitnya dengan --unit KODE_UNIT, atau tambahkan baris Unit Kerja "
                                         "di formulir."))
            return None
        if jenjang is None:
            findings.append(cell_finding("SKJ-FORM", form.fields.get("kelompok", (None, origin.fields["nama"]))[1],
                                         f"jenis jabatan `{nama}` tidak dapat ditentukan dari Kelompok Jabatan "
                                         f"`{kelompok}`", "Tulis kelompok beserta jenjangnya, misalnya `Jabatan "
                                                          "Administrator` atau `Jabatan Fungsional Ahli Muda`."))
            return None
        kode = f"{folder}.{_slug(nama)}"
        data = {"kode": kode, "nama": nama}
    if broken:
        return Wanted("jabatan", kode, "", {})  # its problems are reported; its file stays as it is
    data["nama"] = data.get("nama") if squeeze(data.get("nama")) == squeeze(nama) else nama
    if jenjang:
        data["jenis_jabatan"] = jenjang
    properties = project.schemas.schemas["position"]["properties"]
    for key in ("kode_jabatan", "urusan", "ikhtisar"):
        if key in form.fields and key in properties:
            data[key] = form.fields[key][0]
    data["kompetensi"] = requirements
    if form.has_persyaratan:
        sections = properties["persyaratan"]["properties"]
        data["persyaratan"] = {s: [_ordered(item, sections[s]) for item, _ in form.persyaratan[s]]
                               for s in sections if form.persyaratan.get(s)}
        for section, rows in form.persyaratan.items():
            for i, (_, cells) in enumerate(rows):
                origin.parts[("persyaratan", section, i)] = {k: v for k, v in cells.items() if v is not None}
        if not data["persyaratan"]:
            del data["persyaratan"]
    order = list(properties)
    data = {k: data[k] for k in sorted(data, key=lambda k: order.index(k) if k in order else len(order))}

    def locate(path, result):
        cell = origin.cell(path, result)
        return None if cell is None else (cell.sheet, cell.row, cell.column)

    where = origin.fields["nama"]
    return Wanted("jabatan", kode, folder, data, locate, (where.sheet, where.row, where.column))


def _ordered(item, schema: dict):
    """A persyaratan item with its keys in the schema's order (as the other files have them)."""
    if not isinstance(item, dict):
        return item
    order = list((schema.get("items") or {}).get("properties") or {})
    return {k: item[k] for k in sorted(item, key=lambda k: order.index(k) if k in order else len(order))}


def _existing(form: Form, nama: str, current: dict, unit: str | None):
    kode_jabatan = form.fields.get("kode_jabatan", ("", None))[0]
    if kode_jabatan:
        hits = [now for now in current.values() if str(now.data.get("kode_jabatan", "")) == kode_jabatan]
        if len(hits) == 1:
            return hits[0]
    hits = [now for now in current.values() if squeeze(now.data.get("nama")) == squeeze(nama)
            and (unit is None or now.folder == unit)]
    return hits[0] if len(hits) == 1 else None


def _unit_of(form: Form, kamus) -> str | None:
    written = form.fields.get("unit", ("", None))[0]
    if not written:
        return None
    for unit in kamus.units.values():
        if squeeze(written) in (squeeze(unit.kode), squeeze(unit.nama), squeeze(unit.singkatan)):
            return unit.kode
    return None
