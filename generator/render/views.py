"""View models: what the page templates receive, derived once per build from the model.

Templates loop over these; they compute nothing about the kamus themselves.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Activity, Competency, Kamus, Position
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


# SKJ part III: (section key, heading, label of each row's first column).
PERSYARATAN = (("pendidikan", "A. Pendidikan", "Jenjang"), ("pelatihan", "B. Pelatihan", None),
               ("pengalaman", "C. Pengalaman Kerja", "Pengalaman"), ("pangkat", "D. Pangkat", "Pangkat/golongan"),
               ("indikator_kinerja", "E. Indikator Kinerja Jabatan", None))


@dataclass
class SyaratRow:
    label: str
    uraian: str
    tingkat: str | None  # None: the row has no tingkat column (indikator kinerja)


def persyaratan(position: Position) -> list[tuple[str, list[SyaratRow]]]:
    """SKJ part III as (heading, rows), one entry per section in the official order."""
    sections = []
    for key, heading, label in PERSYARATAN:
        rows = []
        for number, row in enumerate(position.persyaratan.get(key, ()), start=1):
            if isinstance(row, str):
                rows.append(SyaratRow(str(number), row, None))
                continue
            if key == "pendidikan":
                uraian = str(row.get("jenjang"))
                if row.get("bidang_ilmu"):
                    uraian += "; bidang ilmu: " + ", ".join(map(str, row.get("bidang_ilmu")))
            else:
                uraian = str(row.get("nama") if key == "pelatihan" else row.get("uraian"))
            rows.append(SyaratRow(label or str(row.get("jenis")).capitalize(), uraian, row.tingkat))
        sections.append((heading, rows))
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
