"""SKJ coverage (`kamus cakupan`): which jabatan of the employee export have no SKJ in the
kamus, and per unit the share of employees whose position has one.

The seed's first step, "identifikasi jabatan". Every employee row of a period (the newest, or
one named) was placed by the matcher (:mod:`.matching`, through
:func:`~.snapshot.newest_employees`): a row whose position was found counts as *with SKJ* in
that position's unit; a row whose jabatan was not found is a *missing jabatan* — one per
distinct (unit, normalised name, JABATAN ID), with its number of people; a row that matched
two positions is *perlu dipilih* (never counted as missing: its SKJ may exist); a row whose
unit is unknown counts under "unit tidak dikenal" with the unit as the export names it. Names
of jabatan and units are not personal data; no NIP or person's name is kept here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..bahasa import angka
from ..eselon import read_eselon
from ..jenjang import jenjang_in_words
from ..model import Kamus
from .matching import AMBIGU, UNIT, name_key
from .snapshot import Placed, newest_employees
from .snapshot.values import JENIS_JABATAN_ID, PELAKSANA, STRUKTURAL, jenis_jabatan

UNKNOWN_UNIT = "unit tidak dikenal"


@dataclass
class MissingJabatan:
    """A jabatan of the export with no SKJ in the kamus (JSON: one object of `tanpa_skj`)."""

    nama: str  # `nama`: as the export first writes it
    unit: str  # `unit`: the kamus unit's kode, "" when the unit is unknown
    unit_ekspor: str  # `unit_ekspor`: the unit as the export names it
    orang: int = 0  # `orang`: employees in this jabatan
    jabatan_id: str = ""  # `jabatan_id`: SIASN JABATAN ID, when the export has it
    unor_id: str = ""  # `unor_id`: SIASN UNOR ID, when the export has it
    jenis_jabatan: str = ""  # `jenis_jabatan`: as exported (JENIS JABATAN NAMA, else its id)
    eselon: str = ""  # `eselon`: as exported
    jenjang: str | None = None  # `jenjang`: from JENIS JABATAN, ESELON and the name; None: to be filled
    kandidat: tuple[str, ...] = ()  # `kandidat`: perlu dipilih: the positions it matched

    def as_dict(self) -> dict:
        return {"nama": self.nama, "unit": self.unit or None, "unit_ekspor": self.unit_ekspor, "orang": self.orang,
                "jabatan_id": self.jabatan_id or None, "unor_id": self.unor_id or None,
                "jenis_jabatan": self.jenis_jabatan or None, "eselon": self.eselon or None, "jenjang": self.jenjang,
                **({"kandidat": list(self.kandidat)} if self.kandidat else {})}


@dataclass
class UnitCoverage:
    """One unit's employees and how many of them hold a position with an SKJ (JSON: `unit`)."""

    unit: str  # `kode`: the kamus unit, "" for the units the kamus does not know
    nama: str  # `nama`
    pegawai: int = 0  # `pegawai`
    ber_skj: int = 0  # `ber_skj`: employees whose position has an SKJ in the kamus
    perlu_dipilih: int = 0  # `perlu_dipilih`: employees whose row matched two positions

    @property
    def share(self) -> float:
        """`persen`: ber_skj ÷ pegawai × 100 (0 without employees)."""
        return round(100 * self.ber_skj / self.pegawai, 1) if self.pegawai else 0.0

    def as_dict(self) -> dict:
        return {"kode": self.unit or None, "nama": self.nama, "pegawai": self.pegawai, "ber_skj": self.ber_skj,
                "perlu_dipilih": self.perlu_dipilih, "persen": self.share}


@dataclass
class Coverage:
    """The coverage of one period (JSON: :meth:`as_dict`)."""

    periode: str
    path: str
    missing: list[MissingJabatan] = field(default_factory=list)  # `tanpa_skj`, by unit then most people first
    ambiguous: list[MissingJabatan] = field(default_factory=list)  # `perlu_dipilih`
    units: list[UnitCoverage] = field(default_factory=list)  # `unit`, in kamus order; unknown units last

    @property
    def total(self) -> UnitCoverage:
        """`jumlah`: every unit together."""
        return UnitCoverage("", "Semua unit", sum(u.pegawai for u in self.units), sum(u.ber_skj for u in self.units),
                            sum(u.perlu_dipilih for u in self.units))

    @property
    def unknown(self) -> UnitCoverage:
        """The rows of every unit the kamus does not know, together (the site counts them only)."""
        rows = [u for u in self.units if not u.unit]
        return UnitCoverage("", UNKNOWN_UNIT, sum(u.pegawai for u in rows), sum(u.ber_skj for u in rows),
                            sum(u.perlu_dipilih for u in rows))

    def as_dict(self) -> dict:
        return {"periode": self.periode, "snapshot": self.path, "jumlah": self.total.as_dict(),
                "unit": [u.as_dict() for u in self.units], "tanpa_skj": [m.as_dict() for m in self.missing],
                "perlu_dipilih": [m.as_dict() for m in self.ambiguous]}


def jenjang_of(jenis_text: str, eselon_text: str, nama: str) -> str | None:
    """The jenjang a row's JENIS JABATAN (name or SIASN id), ESELON and jabatan name say: a
    jabatan struktural by its eselon (:mod:`generator.eselon`), a pelaksana as such, a jabatan
    fungsional by the jenjang its name ends with ("Ahli Muda", "Terampil"); None when they do
    not say (the cell is left to fill)."""
    kind = JENIS_JABATAN_ID.get(jenis_text) if jenis_text.isdigit() else jenis_jabatan(jenis_text) if jenis_text \
        else None
    eselon = read_eselon(eselon_text) if eselon_text else None
    if kind == PELAKSANA:
        return "pelaksana"
    if kind == STRUKTURAL or kind is None and eselon is not None:
        if eselon is not None and eselon.jenjang:
            return eselon.jenjang
        found = jenjang_in_words("", nama) if kind is None else None
        return found if found and not found.startswith("fungsional_") else None
    return jenjang_in_words("fungsional", nama)


def coverage(rows: list[Placed], kamus: Kamus, periode: str, path: str) -> Coverage:
    """The coverage of the employee rows ``rows`` (:attr:`Snapshot.placed` of
    :func:`~.snapshot.newest_employees`)."""
    units = {kode: UnitCoverage(kode, unit.nama) for kode, unit in kamus.units.items()}
    unknown: dict[str, UnitCoverage] = {}
    missing: dict[tuple, list[MissingJabatan]] = {}
    ambiguous: dict[tuple, list[MissingJabatan]] = {}
    for row in rows:
        match = row.match
        if match is None:
            continue  # a row of another file whose NIP is in no employee export
        facts = row.facts
        if row.kode:
            unit = kamus.positions[row.kode].unit
        else:
            unit = match.unit if match.problem != UNIT else None
        if unit is None or unit not in units:
            named = facts.unit_text or UNKNOWN_UNIT
            counted = unknown.setdefault(name_key(named), UnitCoverage("", named))
        else:
            counted = units[unit]
        counted.pegawai += 1
        if row.kode:
            counted.ber_skj += 1
            continue
        if not facts.name:
            continue  # "jabatan kosong": counted in the unit, a finding of `kamus validate`
        key = (unit or "", name_key(facts.unit_text) if unit is None else "", name_key(facts.name))
        target = ambiguous if match.problem == AMBIGU else missing
        if match.problem == AMBIGU:
            counted.perlu_dipilih += 1
        same = target.setdefault(key, [])  # one per JABATAN ID; a row without one joins any
        ident = facts.jabatan_id.casefold()
        entry = next((e for e in same if not ident or not e.jabatan_id or e.jabatan_id.casefold() == ident), None)
        if entry is None:
            entry = MissingJabatan(facts.name, unit or "", facts.unit_text, 0, facts.jabatan_id, facts.unor_id,
                                   row.jenis_jabatan, row.eselon, jenjang_of(row.jenis_jabatan, row.eselon, facts.name),
                                   match.candidates if match.problem == AMBIGU else ())
            same.append(entry)
        elif ident and not entry.jabatan_id:
            entry.jabatan_id = facts.jabatan_id
        entry.orang += 1
    order = {kode: i for i, kode in enumerate(units)}

    def listed(found: dict) -> list[MissingJabatan]:
        return sorted((e for same in found.values() for e in same), key=lambda m: (m.unit == "", order.get(m.unit, 0), name_key(m.unit_ekspor)
                                                     if not m.unit else "", -m.orang, name_key(m.nama)))

    shown = [u for u in units.values() if u.pegawai] + sorted(unknown.values(), key=lambda u: name_key(u.nama))
    return Coverage(periode, path, listed(missing), listed(ambiguous), shown)


def period_coverage(source, kamus: Kamus, periode: str | None = None) -> Coverage | None:
    """The coverage of the employee export of ``periode`` (default: the newest period) of a
    :class:`~generator.load.source.FileSource`, or None when there is no such period: what
    `kamus cakupan` writes and the site's Cakupan SKJ page shows, counted once, here."""
    snapshot = newest_employees(source, kamus, periode)
    return None if snapshot is None else coverage(snapshot.placed, kamus, snapshot.periode, snapshot.path)


def _persen(unit: UnitCoverage) -> str:
    return f"{angka(unit.share, 1)}%"


def text(found: Coverage) -> str:
    """The text output: one line per missing jabatan (unit, jabatan, people), the rows to choose
    between, then per unit employees, with SKJ and the share."""
    def where(entry: MissingJabatan) -> str:
        return entry.unit if entry.unit else f"{UNKNOWN_UNIT} `{entry.unit_ekspor or '-'}`"

    lines = [f"Cakupan SKJ periode {found.periode} ({found.path})", ""]
    if found.missing:
        lines.append(f"Jabatan tanpa SKJ di kamus ({angka(len(found.missing))}): unit · jabatan · pegawai")
        lines += [f"  {where(m)} · {m.nama} · {angka(m.orang)} orang" + (f" (jenjang {m.jenjang})" if m.jenjang else "")
                  for m in found.missing]
    else:
        lines.append("Semua jabatan di ekspor pegawai sudah punya SKJ di kamus.")
    if found.ambiguous:
        lines += ["", f"Perlu dipilih ({angka(len(found.ambiguous))}): nama jabatan cocok dengan lebih dari satu "
                      "jabatan kamus; tulis JABATAN ID SIASN di jabatan yang benar"]
        lines += [f"  {where(m)} · {m.nama} · {angka(m.orang)} orang: {', '.join(m.kandidat)}" for m in found.ambiguous]
    lines += ["", "Per unit: pegawai · dengan SKJ · persentase"]
    for unit in found.units:
        name = f"{unit.unit} {unit.nama}" if unit.unit else f"{UNKNOWN_UNIT} `{unit.nama}`"
        chosen = f" · {angka(unit.perlu_dipilih)} perlu dipilih" if unit.perlu_dipilih else ""
        lines.append(f"  {name}: {angka(unit.pegawai)} · {angka(unit.ber_skj)} · {_persen(unit)}{chosen}")
    total = found.total
    lines.append(f"Jumlah: {angka(total.pegawai)} pegawai, {angka(total.ber_skj)} dengan SKJ ({_persen(total)}).")
    return "\n".join(lines) + "\n"
