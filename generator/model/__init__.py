"""Stage 3: the kamus as plain dataclasses (built by :mod:`generator.model.builder`).

Field names are the YAML names (one name per concept across YAML, code and site).
Every object keeps its source :class:`~generator.load.Document` so that later checks and
pages can point at the file and line it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..load import Document
from .config import Config, Instansi, JenisKompetensi, Penandatangan, Situs, Versi


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

    @property
    def cited(self) -> str:
        """How a message names it: `` `M.1` Integritas `` (the kode alone when it has no name)."""
        return f"`{self.kode}` {self.nama}" if self.nama else f"`{self.kode}`"

    def get_level(self, number: int) -> Level | None:
        return next((lv for lv in self.level if lv.level == number), None)


@dataclass(frozen=True)
class CompetencyLevel:
    """A competency ``kode`` at ``level``: one row of a position's kompetensi (the required
    level) or of a development activity's kompetensi (the level it develops up to)."""

    kode: str
    level: int


# Part III of the SKJ form (Persyaratan Jabatan): its sections in the form's order, and the
# sections whose rows are ticked Mutlak / Penting / Perlu. Pendidikan, pangkat and indikator
# kinerja jabatan have no tick on the form: a `tingkat` written there is not part of the model
# (the validator warns: PERSYARATAN-TINGKAT).
PERSYARATAN = ("pendidikan", "pelatihan", "pengalaman", "pangkat", "indikator_kinerja")
TICKED = ("pelatihan", "pengalaman")
TINGKAT = {"mutlak": "Mutlak", "penting": "Penting", "perlu": "Perlu"}  # the form's tick columns, in order
JENIS_PELATIHAN = ("manajerial", "teknis", "fungsional")  # the form's rows of B. Pelatihan, in order


@dataclass(frozen=True)
class PersyaratanRow:
    """One row of persyaratan jabatan, with its columns in the order the file gives them.

    Two rows are equal when they hold the same columns and values, in any order.
    """

    items: tuple[tuple[str, str | list[str]], ...] = field(compare=False)  # bidang_ilmu is a list of texts
    key: tuple = field(init=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "key", tuple(sorted((k, repr(v)) for k, v in self.items)))

    @property
    def tingkat(self) -> str:
        return self.get("tingkat", "")

    def get(self, name: str, default=None):
        return dict(self.items).get(name, default)

    def __getitem__(self, name: str):
        return dict(self.items)[name]

    def as_dict(self) -> dict:
        return dict(self.items)


@dataclass(frozen=True)
class Position:
    kode: str
    nama: str
    jenjang: str  # a key of generator.jenjang.LABEL (YAML `jenjang`, until this version `jenis_jabatan`)
    ikhtisar: str
    unit: str  # the unit folder
    kompetensi: tuple[CompetencyLevel, ...]
    urusan: str = ""
    kode_jabatan: str = ""  # the official code set by KemenPANRB (not the file key)
    atasan: str = ""
    strategis: bool = False
    catatan: str = ""
    standar_level_manajerial: int | None = None  # a JF's own standard (set by its instansi pembina)
    jabatan_id: tuple[str, ...] = ()  # YAML `siasn.jabatan_id`: its JABATAN ID in SIASN (one or more)
    # section → rows: tuple[PersyaratanRow] (indikator_kinerja: tuple[str])
    persyaratan: dict[str, tuple] = field(default_factory=dict, compare=False)
    source: Document | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Unit:
    kode: str
    nama: str
    singkatan: str = ""
    induk: str = ""
    catatan: str = ""
    nama_lain: tuple[str, ...] = ()  # its names in personnel-system exports (UNOR NAMA and the like)
    unor_id: tuple[str, ...] = ()  # YAML `siasn.unor_id`: its UNOR ID(s) in SIASN
    source: Document | None = field(default=None, compare=False, repr=False)


# The forms of competency development (PP 11/2017 as amended by PP 17/2020, Peraturan LAN
# 10/2018) by jalur, with the words of the regulation. "Magang/praktik kerja" is listed as
# nonklasikal in PP 11/2017 Pasal 210 but beside the klasikal forms in BKN's SIASN, so
# both jalur accept it (see README).
BENTUK: dict[str, dict[str, str]] = {
    "klasikal": {
        "pelatihan_struktural_kepemimpinan": "Pelatihan struktural kepemimpinan",
        "pelatihan_manajerial": "Pelatihan manajerial", "pelatihan_teknis": "Pelatihan teknis",
        "pelatihan_fungsional": "Pelatihan fungsional", "pelatihan_sosial_kultural": "Pelatihan sosial kultural",
        "seminar": "Seminar/konferensi/sarasehan", "workshop": "Workshop atau lokakarya", "kursus": "Kursus",
        "penataran": "Penataran", "bimbingan_teknis": "Bimbingan teknis", "sosialisasi": "Sosialisasi",
        "magang": "Magang/praktik kerja", "klasikal_lainnya": "Pelatihan klasikal lainnya",
    },
    "nonklasikal": {
        "coaching": "Coaching", "mentoring": "Mentoring", "e_learning": "E-learning",
        "pelatihan_jarak_jauh": "Pelatihan jarak jauh", "detasering": "Detasering (secondment)",
        "pembelajaran_alam_terbuka": "Pembelajaran alam terbuka (outbond)",
        "patok_banding": "Patok banding (benchmarking)",
        "pertukaran_pegawai": "Pertukaran antara PNS dengan pegawai swasta/BUMN/BUMD",
        "belajar_mandiri": "Belajar mandiri (self development)",
        "komunitas_belajar": "Komunitas belajar (community of practices)",
        "bimbingan_di_tempat_kerja": "Bimbingan di tempat kerja", "magang": "Magang/praktik kerja",
        "nonklasikal_lainnya": "Pelatihan nonklasikal lainnya",
    },
}
BENTUK_LABEL: dict[str, str] = {kode: label for forms in BENTUK.values() for kode, label in forms.items()}


@dataclass(frozen=True)
class Activity:
    """One activity of the development catalog (``development/<kode>.yaml``)."""

    kode: str
    nama: str
    jalur: str  # klasikal | nonklasikal
    bentuk: str  # a key of BENTUK[jalur]
    jp: float  # jam pelajaran (1 JP = 45 minutes)
    kompetensi: tuple[CompetencyLevel, ...]  # what it develops, and up to which level
    penyelenggara: str = ""
    catatan: str = ""
    source: Document | None = field(default=None, compare=False, repr=False)


@dataclass
class Kamus:
    """A whole kamus. Dicts are keyed by kode and keep file order (sorted paths)."""

    config: Config = field(default_factory=Config)
    competencies: dict[str, Competency] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    development: dict[str, Activity] = field(default_factory=dict)  # the development catalog, by kode

    def positions_in(self, unit: str) -> list[Position]:
        return [p for p in self.positions.values() if p.unit == unit]


__all__ = ["BENTUK", "BENTUK_LABEL", "JENIS_PELATIHAN", "PERSYARATAN", "TICKED", "TINGKAT", "Activity", "Competency",
           "CompetencyLevel", "Config", "Instansi", "JenisKompetensi", "Kamus", "Level", "Penandatangan", "PersyaratanRow",
           "Position", "Situs", "Unit", "Versi"]
