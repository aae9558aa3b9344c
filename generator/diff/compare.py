"""Compare two versions by meaning: every change with its old and new value.

Both sides are models as written (:mod:`generator.model.builder`), so a change of
formatting, key order or comments changes nothing here. Kinds are stable ids (see
KINDS), shown in Indonesian.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..kinds import UNIT, kind_of
from ..model import Competency, Kamus, Position, Unit

KINDS = {
    "kompetensi-ditambah": "kompetensi ditambahkan", "kompetensi-dihapus": "kompetensi dihapus",
    "kompetensi-dicabut": "kompetensi dicabut", "kompetensi-diberlakukan": "kompetensi diberlakukan kembali",
    "kompetensi-nama": "nama kompetensi diubah", "kompetensi-jenis": "kompetensi pindah jenis",
    "kompetensi-bidang": "kompetensi pindah bidang", "kompetensi-definisi": "definisi diubah",
    "kompetensi-dasar-hukum": "dasar hukum diubah", "kompetensi-pengganti": "pengganti diubah",
    "level-ditambah": "level ditambahkan", "level-dihapus": "level dihapus", "level-deskripsi": "deskripsi level diubah",
    "indikator-ditambah": "indikator ditambahkan", "indikator-dihapus": "indikator dihapus",
    "indikator-diubah": "indikator diubah kata-katanya",
    "jabatan-ditambah": "jabatan ditambahkan", "jabatan-dihapus": "jabatan dihapus",
    "jabatan-pindah-unit": "jabatan pindah unit", "jabatan-nama": "nama jabatan diubah",
    "jabatan-jenjang": "jenjang jabatan diubah", "jabatan-urusan": "urusan diubah", "jabatan-ikhtisar": "ikhtisar diubah",
    "jabatan-atasan": "atasan diubah", "jabatan-strategis": "status jabatan strategis diubah",
    "jabatan-kode-jabatan": "kode jabatan resmi diubah",
    "standar-ditambah": "kompetensi disyaratkan", "standar-dihapus": "kompetensi tidak lagi disyaratkan",
    "standar-naik": "level yang disyaratkan naik", "standar-turun": "level yang disyaratkan turun",
    "jabatan-persyaratan": "persyaratan jabatan diubah",
    "unit-ditambah": "unit ditambahkan", "unit-dihapus": "unit dihapus", "unit-nama": "nama unit diubah",
    "unit-singkatan": "singkatan unit diubah", "unit-induk": "unit induk diubah",
}
PERSYARATAN = {"pendidikan": "pendidikan", "pelatihan": "pelatihan", "pengalaman": "pengalaman kerja",
               "pangkat": "pangkat", "indikator_kinerja": "indikator kinerja"}


Shown = str | int | float | bool | list | dict | None


@dataclass
class Change:
    """One change, named as in `kamus diff --format json`."""

    objek: str  # kompetensi | jabatan | unit
    kode: str
    jenis: str  # a key of KINDS
    letak: str = ""  # e.g. "level 3, indikator 2"
    lama: Shown = None  # the value before, as `kamus diff --format json` shows it
    baru: Shown = None

    @property
    def keterangan(self) -> str:
        return KINDS[self.jenis]


def _fields(out, objek, kode, old, new, names):
    for name, jenis in names:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            out.append(Change(objek, kode, jenis, lama=list(a) if isinstance(a, tuple) else a,
                              baru=list(b) if isinstance(b, tuple) else b))


def _indikator(out, kode, level, old: list, new: list):
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            out.append(Change("kompetensi", kode, "indikator-diubah", f"level {level}, indikator {j1 + k + 1}",
                              old[i1 + k], new[j1 + k]))
        for k in range(i1 + pairs, i2):
            out.append(Change("kompetensi", kode, "indikator-dihapus", f"level {level}, indikator {k + 1}", old[k], None))
        for k in range(j1 + pairs, j2):
            out.append(Change("kompetensi", kode, "indikator-ditambah", f"level {level}, indikator {k + 1}", None, new[k]))


def _competency(out, kode, old: Competency, new: Competency):
    if old.status != new.status:
        jenis = "kompetensi-dicabut" if new.status == "dicabut" else "kompetensi-diberlakukan"
        out.append(Change("kompetensi", kode, jenis, lama=old.status, baru=new.status))
    _fields(out, "kompetensi", kode, old, new, [("nama", "kompetensi-nama"), ("jenis", "kompetensi-jenis"),
                                                ("bidang", "kompetensi-bidang"), ("definisi", "kompetensi-definisi"),
                                                ("dasar_hukum", "kompetensi-dasar-hukum"),
                                                ("diganti_oleh", "kompetensi-pengganti")])
    before, after = {lv.level: lv for lv in old.level}, {lv.level: lv for lv in new.level}
    for level in sorted(set(before) | set(after)):
        a, b = before.get(level), after.get(level)
        if a is None:
            out.append(Change("kompetensi", kode, "level-ditambah", f"level {level}", None, b.deskripsi))
        elif b is None:
            out.append(Change("kompetensi", kode, "level-dihapus", f"level {level}", a.deskripsi, None))
        else:
            if a.deskripsi != b.deskripsi:
                out.append(Change("kompetensi", kode, "level-deskripsi", f"level {level}", a.deskripsi, b.deskripsi))
            _indikator(out, kode, level, list(a.indikator), list(b.indikator))


def _rows(rows):
    """A persyaratan section as plain data (JSON and text reports show it as written)."""
    return None if rows is None else [row.as_dict() if hasattr(row, "as_dict") else row for row in rows]


def _position(out, kode, old: Position, new: Position):
    _fields(out, "jabatan", kode, old, new, [("unit", "jabatan-pindah-unit"), ("nama", "jabatan-nama"),
                                             ("jenjang", "jabatan-jenjang"), ("urusan", "jabatan-urusan"),
                                             ("ikhtisar", "jabatan-ikhtisar"), ("atasan", "jabatan-atasan"),
                                             ("strategis", "jabatan-strategis"),
                                             ("kode_jabatan", "jabatan-kode-jabatan")])
    a, b = {r.kode: r.level for r in old.kompetensi}, {r.kode: r.level for r in new.kompetensi}
    for code in sorted(set(a) | set(b)):
        if code not in a:
            out.append(Change("jabatan", kode, "standar-ditambah", code, None, b[code]))
        elif code not in b:
            out.append(Change("jabatan", kode, "standar-dihapus", code, a[code], None))
        elif a[code] != b[code]:
            raised = isinstance(a[code], int) and isinstance(b[code], int) and b[code] > a[code]
            out.append(Change("jabatan", kode, "standar-naik" if raised else "standar-turun", code, a[code], b[code]))
    for section, label in PERSYARATAN.items():
        if old.persyaratan.get(section) != new.persyaratan.get(section):
            out.append(Change("jabatan", kode, "jabatan-persyaratan", label,
                              _rows(old.persyaratan.get(section)), _rows(new.persyaratan.get(section))))


def _unit(out, kode, old: Unit, new: Unit):
    _fields(out, "unit", kode, old, new, [("nama", "unit-nama"), ("singkatan", "unit-singkatan"), ("induk", "unit-induk")])


def _each(out, objek: str, before: dict, after: dict, compare_one, skip: set) -> None:
    """Added, removed, or compared in detail: one pass over the kode of both versions.
    A subject in ``skip`` (its file does not parse on one side) is neither added nor removed."""
    for kode in sorted(set(before) | set(after)):
        a, b = before.get(kode), after.get(kode)
        if (a is None or b is None) and (objek, kode) in skip:
            continue
        if a is None:
            out.append(Change(objek, kode, f"{objek}-ditambah", baru=b.nama))
        elif b is None:
            out.append(Change(objek, kode, f"{objek}-dihapus", lama=a.nama))
        else:
            compare_one(out, kode, a, b)


def compare(old: Kamus, new: Kamus, skip: set | None = None) -> list[Change]:
    """Every change between two models (as written); ``skip`` holds (objek, kode) whose file
    does not parse in one of them (reported as unreadable, never as removed)."""
    out: list[Change] = []
    skip = skip or set()
    _each(out, "kompetensi", old.competencies, new.competencies, _competency, skip)
    _each(out, "jabatan", old.positions, new.positions, _position, skip)
    _each(out, "unit", old.units, new.units, _unit, skip)
    return out


def subjects_of(paths: list[str]) -> set[tuple[str, str]]:
    """(objek, kode) of data files, known from their place alone (for files that do not parse)."""
    subjects = set()
    for path in paths:
        kind = kind_of(path)
        if kind is not None and kind.objek:
            parts = path.split("/")
            subjects.add((kind.objek, parts[1] if kind is UNIT else parts[-1].rsplit(".", 1)[0]))
    return subjects
