"""Stage 3: the kamus as plain dataclasses, built from schema-valid documents.

Field names are the YAML names (one name per concept across YAML, code and site).
Every object keeps its source :class:`~generator.load.Document` so that later checks and
pages can point at the file and line it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Config
from ..load import Document


@dataclass(frozen=True)
class Level:
    level: int
    deskripsi: str
    indikator: tuple[str, ...]


@dataclass(frozen=True)
class Competency:
    kode: str
    nama: str
    jenis: str
    definisi: str
    level: tuple[Level, ...]
    bidang: str = ""
    dasar_hukum: str = ""
    status: str = "berlaku"
    diganti_oleh: tuple[str, ...] = ()
    catatan: str = ""
    source: Document | None = field(default=None, compare=False, repr=False)

    @property
    def berlaku(self) -> bool:
        return self.status == "berlaku"

    def get_level(self, number: int) -> Level | None:
        return next((lv for lv in self.level if lv.level == number), None)


@dataclass(frozen=True)
class Requirement:
    """One row of a position's kompetensi: competency ``kode`` at ``level``."""

    kode: str
    level: int


@dataclass(frozen=True)
class Syarat:
    """One row of persyaratan jabatan; ``fields`` are the row's columns besides tingkat."""

    tingkat: str
    fields: tuple[tuple[str, object], ...]

    def get(self, name: str, default=None):
        return dict(self.fields).get(name, default)


@dataclass(frozen=True)
class Position:
    kode: str
    nama: str
    jenis_jabatan: str
    ikhtisar: str
    unit: str
    kompetensi: tuple[Requirement, ...]
    urusan: str = ""
    atasan: str = ""
    strategis: bool = False
    catatan: str = ""
    persyaratan: dict[str, tuple] = field(default_factory=dict, compare=False)
    source: Document | None = field(default=None, compare=False, repr=False)

    def required_level(self, kode: str) -> int | None:
        return next((r.level for r in self.kompetensi if r.kode == kode), None)


@dataclass(frozen=True)
class Unit:
    kode: str
    nama: str
    singkatan: str = ""
    induk: str = ""
    catatan: str = ""
    source: Document | None = field(default=None, compare=False, repr=False)


@dataclass
class Kamus:
    """A whole kamus. Dicts are keyed by kode and keep file order (sorted paths)."""

    config: Config
    competencies: dict[str, Competency] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    snapshots: list = field(default_factory=list)  # talent snapshots (generator.talent.snapshot.Snapshot)

    def positions_in(self, unit: str) -> list[Position]:
        return [p for p in self.positions.values() if p.unit == unit]

    def competencies_of(self, jenis: str) -> list[Competency]:
        return [c for c in self.competencies.values() if c.jenis == jenis]


def competency_from(doc: Document) -> Competency:
    d = doc.data
    return Competency(
        kode=d["kode"], nama=d["nama"], jenis=d["jenis"], definisi=d["definisi"],
        level=tuple(Level(lv["level"], lv["deskripsi"], tuple(lv["indikator"])) for lv in d["level"]),
        bidang=d.get("bidang", ""), dasar_hukum=d.get("dasar_hukum", ""),
        status=d.get("status", "berlaku"), diganti_oleh=tuple(d.get("diganti_oleh", ())),
        catatan=d.get("catatan", ""), source=doc)


def _syarat(rows) -> tuple:
    if rows and isinstance(rows[0], str):  # indikator_kinerja: a plain list of text
        return tuple(rows)
    return tuple(Syarat(row["tingkat"], tuple((k, v) for k, v in row.items() if k != "tingkat"))
                 for row in rows)


def position_from(doc: Document, unit: str) -> Position:
    d = doc.data
    return Position(
        kode=d["kode"], nama=d["nama"], jenis_jabatan=d["jenis_jabatan"], ikhtisar=d["ikhtisar"],
        unit=unit, kompetensi=tuple(Requirement(r["kode"], r["level"]) for r in d["kompetensi"]),
        urusan=d.get("urusan", ""), atasan=d.get("atasan", ""), strategis=d.get("strategis", False),
        catatan=d.get("catatan", ""),
        persyaratan={k: _syarat(v) for k, v in d.get("persyaratan", {}).items()}, source=doc)


def unit_from(doc: Document) -> Unit:
    d = doc.data
    return Unit(kode=d["kode"], nama=d["nama"], singkatan=d.get("singkatan", ""),
                induk=d.get("induk", ""), catatan=d.get("catatan", ""), source=doc)
