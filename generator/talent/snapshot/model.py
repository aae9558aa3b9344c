"""A period's people as the talent computation reads them, and the period itself."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", re.ASCII)
MAX_FINDINGS = 10_000  # a file with more stops being read: no one reads further, and memory stays bounded


@dataclass(slots=True)
class Person:
    """One person of a period; fields are named as the snapshot's columns."""

    row: int
    nip: str
    nama: str
    jabatan: str  # the `kode` of the person's position in the kamus
    predikat_kinerja: str
    nilai_kinerja: float | None
    nilai_potensi: float
    hukuman_disiplin: str
    tanggal_hukuman: dt.date | None
    tanggal_asesmen: dt.date | None
    asesmen: tuple  # assessed level per Snapshot.competencies, None = not assessed
    pangkat_golongan: int | None = None  # rank of the golongan ruang (eligibility.pangkat_rank), None = empty
    pendidikan: int | None = None  # index in eligibility.PENDIDIKAN, None = empty
    tmt_jabatan: dt.date | None = None  # since when the person holds their current jabatan
    golongan_pppk: int | None = None  # a PPPK's golongan I–XVII (1–17): a scale of its own, never a pangkat
    tmt_jenjang: dt.date | None = None  # since when the person holds their current jenjang (any post of it)
    # (year, predikat kinerja of that year), oldest first: the SKP years of a period folder up to the
    # period's year, or the period's year alone from a one-file snapshot; one shared tuple per distinct content
    predikat_tahun: tuple[tuple[int, str], ...] = ()


@dataclass
class Snapshot:
    periode: str
    path: str  # the file, or the folder of files, of the period
    end: dt.date  # last day of the period
    competencies: tuple[str, ...] = ()
    people: list[Person] = field(default_factory=list)
    findings: list = field(default_factory=list)
    columns: frozenset = frozenset()  # the OPTIONAL columns the export has
    potensial_from_components: bool = False  # nilai_potensi computed from KOMPONEN_POTENSIAL
    sumber: dict[str, str] = field(default_factory=dict)  # field → the file it was read from (a folder period)
    placed: list = field(default_factory=list)  # Placed: rows matched by name, and rows not placed (RAHASIA)
    kinerja_tahun: dict[int, int] = field(default_factory=dict)  # SKP year → people whose kinerja it gave
    # why a folder period cannot be mapped yet ("" when it can): it holds the employee export but
    # no kinerja or no potensial (SKJ coverage counts it; talent mapping leaves it out)
    unmapped: str = ""

    def failed(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


def period_end(stem: str) -> dt.date | None:
    match = PERIOD.match(stem)
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2] or 12), match[3]
    try:
        if day:
            return dt.date(year, month, int(day))
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    except ValueError:
        return None
