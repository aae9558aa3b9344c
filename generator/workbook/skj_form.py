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
error, never a guess. A form changes only a position of the unit it names (its Unit Kerja
row, or --unit), matched by Kode Jabatan and then by name; two forms for one position are
a conflict, never "the last file wins".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..check.identity import position_kode
from ..edit.apply import Applied, Plan, Wanted, check_and_write, current_entries, make_plan
from ..project import Project
from ..rules import finding
from ..spreadsheet import Cell, Unreadable, cell_finding, open_book
from ..spreadsheet.limits import MAX_FORM_CELLS
from ..suggest import Suggester
from .entities import Origin
from .skj_read import GROUPS, NUMBERING, Form, Grid, level_of, norm, read_form, squeeze
from .skj_words import FORM_HINTS, jenjang_of, level_problem

@dataclass
class _Match:
    competencies: dict  # kode → Competency
    findings: list

    def __post_init__(self):
        self.by_key: dict[str, list] = {}
        for c in self.competencies.values():
            self.by_key.setdefault(squeeze(c.nama), []).append(c)
        self.lower = {k.lower(): k for k in self.competencies}
        self.suggest = Suggester(c.nama for c in self.competencies.values())

    def find(self, written: str, kode: str, cell: Cell) -> str | None:
        name = NUMBERING.sub("", written).strip()
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
        hint = self.suggest(name)
        self.findings.append(cell_finding("SKJ-KOMPETENSI", cell, f"kompetensi `{written.strip()}` tidak ada di kamus",
                                          hint + "Tulis kode atau nama kompetensi seperti di kamus, atau tambahkan "
                                                 "kompetensinya ke kamus lebih dulu." if hint else None))
        return None


def import_forms(project: Project, files: list[tuple[str, bytes]], unit: str | None = None,
                 dry_run: bool = False) -> Applied:
    """Import SKJ forms (every sheet of every file that holds one) into positions/ of the working
    tree ``project``, whose kamus files must pass validation first."""
    kamus = project.require_sound_kamus()
    groups = GROUPS | {norm(words).removeprefix("kompetensi ").strip() for jenis in kamus.config.jenis_kompetensi.values()
                       for words in (jenis.nama, jenis.kode.replace("_", " "))}
    findings: list = []
    forms: list[Form] = []
    sheets: list[str] = []
    for name, raw in files:
        found: list[tuple[str, Form]] = []  # a damaged file gives no form at all
        try:
            with open_book(raw, name, held=MAX_FORM_CELLS) as book:
                for sheet in book.sheets:
                    label = f"[{name}]{sheet.name}"
                    if sheet.visible and (form := read_form(Grid(sheet, label), findings, groups)) is not None:
                        found.append((label, form))
        except Unreadable as exc:
            findings.append(exc.finding("XLSX-FILE", name))
            continue
        if not found:
            findings.append(finding("SKJ-FORM", name, 1, 1, f"`{name}` tidak berisi formulir SKJ (baris Nama Jabatan "
                                                             "atau tabel Kompetensi | Level tidak ditemukan)"))
        sheets.extend(label for label, _ in found)
        forms.extend(form for _, form in found)
    current = {kode: now for (objek, kode), now in current_entries(project).items() if objek == "jabatan"}
    matcher = _Match(kamus.competencies, findings)
    wanted = [w for form in forms if (w := _wanted(form, kamus, current, unit, matcher, project)) is not None]
    wanted = _without_conflicts(wanted, findings)
    plan, problems = make_plan(project, wanted, False, set()) if wanted else (Plan(), [])
    return check_and_write(project, plan, findings + problems, "formulir SKJ", dry_run, tuple(sheets))


def _without_conflicts(wanted: list[Wanted], findings: list) -> list[Wanted]:
    """Two forms for the same position (new or not): a conflict at each, naming the other;
    neither is taken (no "last file wins")."""
    by_kode: dict[str, list[Wanted]] = {}
    for entry in wanted:
        by_kode.setdefault(entry.kode, []).append(entry)
    for kode, group in by_kode.items():
        for entry in group if len(group) > 1 else ():
            others = ", ".join(other.where[0] for other in group if other is not entry)
            findings.append(finding("SKJ-CONFLICT", *entry.where, f"formulir ini dan formulir {others} sama-sama "
                                                                  f"untuk jabatan `{kode}`; tidak satu pun diimpor"))
    return [entry for entry in wanted if len(by_kode[entry.kode]) == 1]


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
    requirements, broken = [], _formulas(form, findings)
    for written, kode, name_cell, level_cell, kode_cell, described in form.kompetensi:
        code = matcher.find(written, kode, kode_cell or name_cell)
        level = level_of(level_cell)
        if level is None:
            findings.append(level_problem(written, level_cell, described))
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
    placed = _place(form, nama, current, unit, kamus, findings, origin.fields["nama"])
    if placed is None:
        return None
    match, folder = placed
    kelompok = form.fields.get("kelompok", ("", None))[0]
    jenjang, asked = jenjang_of(form, nama, match is None, findings)
    if match is not None:
        data = dict(match.data)
        folder, kode = match.folder, data["kode"]
    else:
        if not folder:
            findings.append(cell_finding("SKJ-FORM", origin.fields["nama"],
                                         f"jabatan `{nama}` belum ada di kamus dan unitnya tidak diketahui",
                                         "Sebutkan unitnya dengan --unit KODE_UNIT, atau tambahkan baris Unit Kerja "
                                         "di formulir."))
            return None
        if jenjang is None:
            said = f"dari Kelompok Jabatan `{kelompok}`" if kelompok else "karena Kelompok Jabatan di formulir kosong"
            if not asked:
                findings.append(cell_finding("SKJ-FORM", form.fields.get("kelompok", (None, origin.fields["nama"]))[1]
                                             or origin.fields["nama"], f"jenjang jabatan `{nama}` tidak dapat "
                                             f"ditentukan {said}", "Tulis kelompok beserta jenjangnya, misalnya "
                                                                   "`Jabatan Administrator` atau `Jabatan Fungsional "
                                                                   "Ahli Muda`."))
            return None
        ikhtisar, ikhtisar_cell = form.fields.get("ikhtisar", ("", None))
        if not ikhtisar:
            findings.append(cell_finding("SKJ-FORM", ikhtisar_cell or origin.fields["nama"],
                                         f"Ikhtisar Jabatan jabatan baru `{nama}` kosong di formulir",
                                         "Isi bagian I. Ikhtisar Jabatan di formulir (satu paragraf), lalu impor ulang."))
            return None
        kode = position_kode(folder, nama)
        if kode in current:  # a code taken by a position the form did not match: never changed by a form
            findings.append(cell_finding("SKJ-FORM", origin.fields["nama"], f"jabatan baru `{nama}` akan berkode "
                                         f"`{kode}`, tetapi kode itu sudah dipakai `{current[kode].path}` "
                                         f"(`{current[kode].data.get('nama')}`)", "Samakan Nama Jabatan di formulir "
                                         "dengan nama di berkas itu bila formulir ini untuknya, atau isi Kode Jabatan."))
            return None
        data = {"kode": kode, "nama": nama}
    where = origin.fields["nama"]
    if broken:  # its problems are reported; its file stays as it is
        return Wanted("jabatan", kode, "", {}, where=(where.sheet, where.row, where.column))
    data["nama"] = data.get("nama") if squeeze(data.get("nama")) == squeeze(nama) else nama
    if jenjang:
        data["jenjang"] = jenjang
    properties = project.schemas.schemas["position"]["properties"]
    for key in ("kode_jabatan", "urusan", "ikhtisar"):
        if form.fields.get(key, ("",))[0] and key in properties:  # "-" or empty: the form gives no value
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

    return Wanted("jabatan", kode, folder, data, locate, (where.sheet, where.row, where.column), hints=FORM_HINTS)


def _formulas(form: Form, findings: list) -> bool:
    """Every cell the form's values come from that holds a formula is an error (its value is
    never computed, and `HYPERLINK(…)` or `cmd|…` have no place in an SKJ); True if any."""
    used = [cell for _, cell in form.fields.values()]
    for row in form.kompetensi:
        used += [row.name_cell, row.level_cell, row.kode_cell]
    for rows in form.persyaratan.values():
        for _, cells in rows:
            used += cells.values()
    seen = set()
    for cell in used:
        if cell is not None and cell.formula and cell.ref not in seen:
            seen.add(cell.ref)
            findings.append(cell_finding("XLSX-VALUE", cell, f"sel berisi rumus `{cell.value}`; Kamus hanya membaca "
                                                             "nilai", "Ganti rumus itu dengan nilainya: salin sel, lalu "
                                                                     "Tempel Spesial > Nilai (Paste Values)."))
    return bool(seen)


def _ordered(item, schema: dict):
    """A persyaratan item with its keys in the schema's order (as the other files have them)."""
    if not isinstance(item, dict):
        return item
    order = list((schema.get("items") or {}).get("properties") or {})
    return {k: item[k] for k in sorted(item, key=lambda k: order.index(k) if k in order else len(order))}


def _place(form: Form, nama: str, current: dict, unit: str | None, kamus, findings: list, cell: Cell):
    """(the position the form is for, or None for a new one; the unit folder, or None when not
    known), or None when the form cannot be placed (a finding says why). The unit is the one
    the form names (its Unit Kerja row) or ``--unit``; within it the position is matched by
    Kode Jabatan, then by name. A match in another unit is never the target: it is reported."""
    written, unit_cell = form.fields.get("unit", ("", None))
    named = _unit_of(form, kamus)
    if written and named is None and not unit:  # --unit says which unit a sub-unit's form belongs to
        findings.append(cell_finding("SKJ-FORM", unit_cell or cell, f"unit `{written}` tidak ada di kamus",
                                     "Tulis di baris Unit Kerja nama, singkatan atau kode unit seperti di kamus "
                                     "(halaman Standar Kompetensi Jabatan di situs), atau sebutkan unitnya dengan "
                                     "--unit."))
        return None
    if unit and named and unit != named:
        findings.append(cell_finding("SKJ-FORM", unit_cell or cell, f"formulir menyebut unit `{written}` ({named}), "
                                     f"sedangkan --unit {unit}", "Samakan keduanya, atau impor formulir ini tanpa --unit."))
        return None
    named = unit or named
    kode_jabatan = form.fields.get("kode_jabatan", ("", None))[0]
    tests = ([("Kode Jabatan", lambda now: str(now.data.get("kode_jabatan", "")) == kode_jabatan)] if kode_jabatan
             else []) + [("nama", lambda now: squeeze(now.data.get("nama")) == squeeze(nama))]
    elsewhere = {}
    for what, same in tests:
        hits = [now for now in current.values() if same(now)]
        here = [now for now in hits if named is None or now.folder == named]
        elsewhere.update({now.path: now for now in hits if now not in here})
        if len(here) == 1:
            return here[0], here[0].folder
        if len(here) > 1 and what == "nama":
            places = ", ".join(f"`{now.data.get('kode')}`" for now in here)
            findings.append(cell_finding("SKJ-FORM", cell, f"jabatan bernama `{nama}` ada lebih dari satu"
                                         + (f" di unit {named}" if named else "") + f": {places}",
                                         "Isi Kode Jabatan di formulir" + ("." if named else ", atau sebutkan unitnya "
                                                                                                "dengan --unit.")))
            return None
    for now in elsewhere.values():
        findings.append(cell_finding("SKJ-UNIT", cell, f"jabatan `{nama}` ada juga di unit {now.folder} "
                                                       f"(`{now.data.get('kode')}`); formulir ini untuk unit {named}, "
                                                       "jadi jabatan itu tidak diubah"))
    return None, named


def _unit_of(form: Form, kamus) -> str | None:
    written = form.fields.get("unit", ("", None))[0]
    if not written:
        return None
    for unit in kamus.units.values():
        if squeeze(written) in (squeeze(unit.kode), squeeze(unit.nama), squeeze(unit.singkatan)):
            return unit.kode
    return None
