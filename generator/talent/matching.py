"""Rows of a personnel-system export find their positions in the kamus, without hand work.

Exports carry no kamus keys. A row names its position by

1. our own `jabatan` column holding a kamus key (the one-file layout);
2. the personnel system's JABATAN ID, when positions carry it (`siasn.jabatan_id`): one
   position with that id is the match; several (a jabatan fungsional keeps one id in every
   unit) are narrowed by the row's unit;
3. the jabatan's name within the row's unit: the unit by UNOR ID (`siasn.unor_id`) or by
   name (UNOR NAMA, then SATUAN KERJA NAMA) against each unit's `nama`, `singkatan` and
   `nama_lain`; the position by name in that unit, else in the units above and below it.
   A file without unit columns matches names across the kamus.

Names are compared normalised (:func:`name_key`): Unicode compatibility forms, case, spaces,
punctuation, `&` = `dan`, and the abbreviations of :data:`ABBREVIATIONS` (`Kasubbag` = `Kepala
Sub Bagian`). Two candidates are never chosen between: the row is *ambigu*. Each distinct row
is resolved once (:class:`PositionIndex` remembers), so a province of 30,000 rows costs the
few thousand distinct positions it has.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from ..model import Kamus

# Abbreviations in jabatan and unit names, one word each → its words. Names of institutions
# (UPT, UPTD, SMAN, RSUD) are never expanded: they are names, not abbreviations of words.
ABBREVIATIONS = {
    "ka": "kepala", "kabid": "kepala bidang", "kabag": "kepala bagian", "kasi": "kepala seksi",
    "kasie": "kepala seksi", "kasubbag": "kepala sub bagian", "kasubag": "kepala sub bagian",
    "kasubbid": "kepala sub bidang", "kadis": "kepala dinas", "kaban": "kepala badan", "sekdis": "sekretaris dinas",
    "sekban": "sekretaris badan", "sekda": "sekretaris daerah", "subbag": "sub bagian", "subbagian": "sub bagian",
    "subbid": "sub bidang", "subbidang": "sub bidang", "bag": "bagian", "bid": "bidang", "tk": "tingkat",
    "otda": "otonomi daerah",
}
_WORD = re.compile(r"[^\W_]+")


def name_key(text: str) -> str:
    """A jabatan or unit name as it is compared: `Kasubbag Umum & Kepegawaian` and `KEPALA
    SUB BAGIAN UMUM DAN KEPEGAWAIAN` give the same key."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " dan ")
    return " ".join(ABBREVIATIONS.get(word, word) for word in _WORD.findall(text))


def _parts(text: str) -> list[str]:
    """The keys a unit name is looked up by: the whole name, then each part around ` - `
    (`Bagian Kerjasama - Biro Pemerintahan` names the Bagian and its Biro)."""
    keys = [name_key(text)]
    if " - " in text:
        keys += [name_key(part) for part in text.split(" - ") if part.strip()]
    return [k for k in dict.fromkeys(keys) if k]


@dataclass(frozen=True, slots=True)
class Facts:
    """What one row says about its position (texts as cleaned from the export)."""

    jabatan: str = ""  # our `jabatan` column: a kamus key or a jabatan's name
    nama_jabatan: str = ""
    jabatan_id: str = ""
    unor_id: str = ""
    unit_kerja: str = ""
    satuan_kerja: str = ""

    @property
    def name(self) -> str:
        return self.nama_jabatan or self.jabatan

    @property
    def unit_given(self) -> bool:
        return bool(self.unor_id or self.unit_kerja or self.satuan_kerja)

    @property
    def unit_text(self) -> str:
        return self.unit_kerja or self.satuan_kerja or self.unor_id


# Why a row found no position (Match.problem).
UNIT, JABATAN, AMBIGU, KODE = "unit", "jabatan", "ambigu", "kode"


@dataclass(frozen=True, slots=True)
class Match:
    """Where a row's position is: ``kode`` (None when not found) and how it was found."""

    kode: str | None
    how: str = ""  # kode | jabatan_id | nama
    unit: str | None = None  # the kamus unit the row's unit points at (None: not given or not found)
    problem: str = ""  # "" | unit | jabatan | ambigu | kode
    candidates: tuple[str, ...] = ()  # ambigu: the positions; otherwise: close names for "Maksud Anda"
    name_differs: bool = False  # found by id, and the export spells the jabatan differently


class PositionIndex:
    """The kamus's positions and units, looked up by key, id and name."""

    def __init__(self, kamus: Kamus):
        self.kamus = kamus
        self.by_id: dict[str, list[str]] = {}
        self.by_name: dict[str, list[str]] = {}  # name key → positions
        for position in kamus.positions.values():
            for ident in position.jabatan_id:
                self.by_id.setdefault(ident.casefold(), []).append(position.kode)
            self.by_name.setdefault(name_key(position.nama), []).append(position.kode)
        self.unit_by_id: dict[str, list[str]] = {}
        self.unit_by_name: dict[str, list[str]] = {}
        for unit in kamus.units.values():
            for ident in unit.unor_id:
                self.unit_by_id.setdefault(ident.casefold(), []).append(unit.kode)
            for name in (unit.nama, unit.singkatan, *unit.nama_lain):
                key = name_key(name) if name else ""
                if key and unit.kode not in self.unit_by_name.get(key, ()):
                    self.unit_by_name.setdefault(key, []).append(unit.kode)
        self.family = {kode: self._family(kode) for kode in kamus.units}
        self.cache: dict[Facts, Match] = {}

    def _family(self, kode: str) -> frozenset[str]:
        """The units above ``kode`` (by `induk`) and below it."""
        units, up, seen = self.kamus.units, [], {kode}
        parent = units[kode].induk if kode in units else ""
        while parent and parent not in seen:
            seen.add(parent)
            up.append(parent)
            parent = units[parent].induk if parent in units else ""
        down = [u.kode for u in units.values() if kode in self._ancestors(u.kode)]
        return frozenset(up + down)

    def _ancestors(self, kode: str) -> set[str]:
        out, parent, units = set(), self.kamus.units[kode].induk, self.kamus.units
        while parent and parent not in out:
            out.add(parent)
            parent = units[parent].induk if parent in units else ""
        return out

    def unit_of(self, facts: Facts) -> tuple[str | None, tuple[str, ...]]:
        """(the kamus unit of the row, the units it could be when it is ambiguous)."""
        tried: list[list[str]] = []
        if facts.unor_id:
            tried.append(self.unit_by_id.get(facts.unor_id.casefold(), []))
        for text in (facts.unit_kerja, facts.satuan_kerja):
            for key in _parts(text) if text else ():
                tried.append(self.unit_by_name.get(key, []))
        for found in tried:
            if len(found) == 1:
                return found[0], ()
        return None, next((tuple(found) for found in tried if len(found) > 1), ())

    def resolve(self, facts: Facts) -> Match:
        found = self.cache.get(facts)
        if found is None:
            found = self.cache[facts] = self._resolve(facts)
        return found

    def _resolve(self, facts: Facts) -> Match:
        positions = self.kamus.positions
        if facts.jabatan and facts.jabatan in positions:
            return Match(facts.jabatan, "kode", positions[facts.jabatan].unit)
        unit, units = self.unit_of(facts) if facts.unit_given else (None, ())
        if facts.jabatan_id:
            candidates = self.by_id.get(facts.jabatan_id.casefold(), [])
            if candidates:
                chosen = self._narrow(candidates, unit)
                if len(chosen) == 1:
                    differs = bool(facts.name) and name_key(facts.name) != name_key(positions[chosen[0]].nama)
                    return Match(chosen[0], "jabatan_id", unit, name_differs=differs)
                return Match(None, "", unit, AMBIGU, tuple(chosen or candidates))
        key = name_key(facts.name)
        named = self.by_name.get(key, []) if key else []
        if facts.unit_given and unit is None:
            return Match(None, "", None, UNIT, units or tuple(named))
        chosen = self._narrow(named, unit) if unit is not None else named
        if len(chosen) == 1:
            return Match(chosen[0], "nama", unit)
        if len(chosen) > 1:
            return Match(None, "", unit, AMBIGU, tuple(chosen))
        if facts.jabatan and not facts.nama_jabatan and not any(c.isspace() for c in facts.jabatan) and not unit:
            return Match(None, "", unit, KODE, ())  # our key column with a key the kamus does not have
        return Match(None, "", unit, JABATAN, self._close(key, unit))

    def _narrow(self, candidates: list[str], unit: str | None) -> list[str]:
        """The candidates in ``unit``, else in its family; all of them without a unit."""
        if unit is None:
            return list(candidates)
        positions = self.kamus.positions
        here = [k for k in candidates if positions[k].unit == unit]
        if here:
            return here
        family = self.family.get(unit, frozenset())
        return [k for k in candidates if positions[k].unit in family]

    def _close(self, key: str, unit: str | None, limit: int = 3) -> tuple[str, ...]:
        """Positions whose names are close to ``key`` (in the unit's family, when it is known)."""
        if not key:
            return ()
        positions = self.kamus.positions
        scope = {unit, *self.family.get(unit, ())} if unit else None
        names = {name_key(p.nama): p.kode for p in positions.values() if scope is None or p.unit in scope}
        return tuple(names[n] for n in difflib.get_close_matches(key, list(names), n=limit, cutoff=0.75))

    def close_units(self, text: str, limit: int = 3) -> tuple[str, ...]:
        """Units whose names are close to ``text`` (for "Maksud Anda")."""
        found = difflib.get_close_matches(name_key(text), list(self.unit_by_name), n=limit, cutoff=0.75)
        return tuple(dict.fromkeys(kode for name in found for kode in self.unit_by_name[name]))
