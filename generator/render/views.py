"""View models: what the page templates receive, derived once per build from the model.

Templates loop over these; they compute nothing about the kamus themselves.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..model import JENIS_PELATIHAN, TICKED, Activity, Competency, Kamus, Position
from .text import natural_key


@dataclass
class Views:
    kamus: Kamus
    competencies: list[Competency] = field(default_factory=list)  # natural order of kode
    used_by: dict[str, dict[int, list[Position]]] = field(default_factory=dict)
    bawahan: dict[str, list[Position]] = field(default_factory=dict)
    unit_tree: dict[str, list[tuple[int, Position]]] = field(default_factory=dict)
    by_jenjang: dict[str, list[Position]] = field(default_factory=dict)
    mandatory: list[Competency] = field(default_factory=list)
    # competency kode → (level, activity) of every activity of the development catalog that
    # develops it, by level, then JP, then kode (the order plans choose in)
    development: dict[str, list[tuple[int, Activity]]] = field(default_factory=dict)

    def unit_name(self, kode: str, short: bool = True) -> str:
        """How a position's unit is named beside it: the abbreviation, else the name."""
        unit = self.kamus.units.get(kode)
        if unit is None:
            return kode
        return (unit.singkatan or unit.nama) if short else unit.nama

    def kinds(self) -> list[tuple[str, str, list[Competency]]]:
        """(jenis, label, competencies) for every configured kind that has competencies."""
        config = self.kamus.config
        return [(jenis.kode, jenis.nama, [c for c in self.competencies if c.jenis == jenis.kode])
                for jenis in config.jenis_kompetensi.values()
                if any(c.jenis == jenis.kode for c in self.competencies)]

    def sorted_requirements(self, position: Position):
        """(kind label, [(competency, level)]) groups in SKJ order: mandatory kinds first."""
        order = {jenis: i for i, jenis in enumerate(self.kamus.config.jenis_kompetensi)}
        groups: dict[str, list] = defaultdict(list)
        for req in position.kompetensi:
            competency = self.kamus.competencies[req.kode]
            groups[competency.jenis].append((competency, req.level))
        return [(self.kamus.config.nama_jenis(jenis), sorted(rows, key=lambda r: natural_key(r[0].kode)))
                for jenis, rows in sorted(groups.items(), key=lambda kv: order.get(kv[0], 99))]


# SKJ part III as the form: (section key, heading) in the form's order.
FORM_SECTIONS = (("pendidikan", "A. Pendidikan"), ("pelatihan", "B. Pelatihan"), ("pengalaman", "C. Pengalaman Kerja"),
                 ("pangkat", "D. Pangkat"), ("indikator_kinerja", "E. Indikator Kinerja Jabatan"))
EMPTY = "-"  # the form's empty value


@dataclass(frozen=True)
class FormRow:
    """One row of Part III: the label in the Jenis Persyaratan column ("1. Jenjang", "2. Teknis",
    "" under the first row of a kind), the Uraian, and the tick: a key of TINGKAT, "" for a
    ticked section's row without a tick, None where the form ticks nothing."""

    label: str
    uraian: str
    tingkat: str | None


def _pendidikan(rows) -> list[FormRow]:
    """1. Jenjang and 2. Bidang Ilmu; with several jenjang, each bidang ilmu says its jenjang
    unless all are the same."""
    jenjang = [str(row.get("jenjang")) for row in rows]
    bidang = [", ".join(map(str, row.get("bidang_ilmu") or ())) for row in rows]
    if len(set(bidang)) > 1:
        text = "; ".join(f"{j}: {b}" for j, b in zip(jenjang, bidang) if b)
    else:
        text = bidang[0] if bidang else ""
    return [FormRow("1. Jenjang", "; ".join(jenjang) or EMPTY, None), FormRow("2. Bidang Ilmu", text or EMPTY, None)]


def _pelatihan(rows) -> list[FormRow]:
    """1. Manajerial, 2. Teknis, 3. Fungsional, each with its trainings (one row and tick each)."""
    out = []
    for number, jenis in enumerate(JENIS_PELATIHAN, start=1):
        mine = [row for row in rows if row.get("jenis") == jenis]
        label = f"{number}. {jenis.capitalize()}"
        out += [FormRow(label if i == 0 else "", str(row.get("nama")), row.tingkat) for i, row in enumerate(mine)]
        if not mine:
            out.append(FormRow(label, EMPTY, ""))
    return out


def persyaratan(position: Position) -> list[tuple[str, bool, list[FormRow]]]:
    """Part III of ``position``'s SKJ as the form has it: (heading, ticked, rows) per section."""
    sections = []
    for key, heading in FORM_SECTIONS:
        rows = position.persyaratan.get(key, ())
        ticked = key in TICKED
        if key == "pendidikan":
            form = _pendidikan(rows)
        elif key == "pelatihan":
            form = _pelatihan(rows)
        else:
            texts = [row if isinstance(row, str) else str(row.get("uraian")) for row in rows]
            tingkat = [row.tingkat if ticked and not isinstance(row, str) else None for row in rows]
            numbered = len(texts) > 1 or key == "indikator_kinerja"
            form = [FormRow(f"{n}." if numbered else "", text, tick)
                    for n, (text, tick) in enumerate(zip(texts, tingkat), start=1)]
            form = form or [FormRow("", EMPTY, "" if ticked else None)]
        sections.append((heading, ticked, form))
    return sections


def _tree(positions: list[Position]) -> list[tuple[int, Position]]:
    """Positions of one unit in reporting order: each head, then its subordinates, indented."""
    inside = {p.kode for p in positions}
    children: dict[str, list[Position]] = defaultdict(list)
    tops = []
    for p in sorted(positions, key=lambda p: natural_key(p.kode)):
        (children[p.atasan] if p.atasan in inside else tops).append(p)
    ordered: list[tuple[int, Position]] = []
    seen: set[str] = set()

    def visit(p: Position, depth: int):
        if p.kode in seen:
            return
        seen.add(p.kode)
        ordered.append((depth, p))
        for child in children[p.kode]:
            visit(child, depth + 1)

    for top in tops:
        visit(top, 0)
    return ordered


def build_views(kamus: Kamus) -> Views:
    views = Views(kamus=kamus)
    views.competencies = sorted(kamus.competencies.values(), key=lambda c: natural_key(c.kode))
    views.mandatory = [c for c in views.competencies
                       if c.berlaku and c.jenis in kamus.config.jenis_wajib]
    used = defaultdict(lambda: defaultdict(list))
    bawahan = defaultdict(list)
    by_unit = defaultdict(list)
    by_jenjang = defaultdict(list)
    for position in sorted(kamus.positions.values(), key=lambda p: natural_key(p.kode)):
        for req in position.kompetensi:
            used[req.kode][req.level].append(position)
        if position.atasan:
            bawahan[position.atasan].append(position)
        by_unit[position.unit].append(position)
        by_jenjang[position.jenjang].append(position)
    views.used_by = {k: dict(sorted(v.items())) for k, v in used.items()}
    views.bawahan = dict(bawahan)
    views.unit_tree = {unit: _tree(by_unit.get(unit, [])) for unit in kamus.units}
    views.by_jenjang = dict(by_jenjang)
    development = defaultdict(list)
    for activity in kamus.development.values():
        for req in activity.kompetensi:
            development[req.kode].append((req.level, activity))
    views.development = {kode: sorted(rows, key=lambda row: (row[0], row[1].jp, row[1].kode))
                         for kode, rows in sorted(development.items(), key=lambda kv: natural_key(kv[0]))}
    return views
