"""How the rows of one file found their positions: the findings (one per distinct unit or
jabatan, with its number of rows, never a NIP or a name) and, for the RAHASIA report, the
rows matched by name and the rows not placed (:class:`Placed`)."""

from __future__ import annotations

from dataclasses import dataclass

from ...bahasa import angka
from ...rules import finding
from ..matching import AMBIGU, JABATAN, UNIT, Facts, Match, PositionIndex

MAX_GROUPS = 200  # distinct unplaced units or jabatan named one by one in a file; the rest are counted


@dataclass(frozen=True, slots=True)
class Placed:
    """One row of an employee export and where it went (RAHASIA: it carries the NIP and name)."""

    path: str
    line: int
    nip: str
    nama: str
    facts: Facts
    kode: str  # the position found ('' when none)
    keterangan: str  # how it was found, or why not, and why the person was not mapped
    match: Match | None = None  # the resolution (its unit, problem and candidates)
    jenis_jabatan: str = ""  # as the export writes it (JENIS JABATAN NAMA, else its id)
    eselon: str = ""  # as the export writes it (ESELON NAMA, else its id)


_WHY = {UNIT: "unit tidak dikenal", JABATAN: "jabatan belum ada di kamus", AMBIGU: "lebih dari satu jabatan cocok"}


class Placing:
    """The position findings of one file, grouped."""

    def __init__(self, path: str, index: PositionIndex):
        self.path, self.index = path, index
        self.groups: dict[tuple, list] = {}  # (problem, unit text, name) → [line, column, rows, match, facts]
        self.differs: dict[tuple[str, str], list] = {}  # (kode, export name) → [line, column, rows]
        self.jenis: dict[tuple[str, str], list] = {}  # (kode, export kind) → [line, column, rows]
        self.by_name = 0

    def problem(self, line: int, column: int, facts: Facts, match: Match) -> None:
        unit = facts.unit_text if match.problem == UNIT or not match.unit else (
            f"{facts.unit_text} ({match.unit})" if facts.unit_text and facts.unit_text != match.unit else match.unit)
        key = (match.problem, unit, facts.name if match.problem != UNIT else "")
        group = self.groups.get(key)
        if group is None:
            self.groups[key] = [line, column, 1, match, facts]
        else:
            group[2] += 1

    def name_differs(self, line: int, column: int, kode: str, name: str) -> None:
        group = self.differs.setdefault((kode, name), [line, column, 0])
        group[2] += 1

    def wrong_jenis(self, line: int, column: int, kode: str, kind: str) -> None:
        group = self.jenis.setdefault((kode, kind), [line, column, 0])
        group[2] += 1

    def findings(self) -> list:
        positions, units = self.index.kamus.positions, self.index.kamus.units
        out = []
        named = sorted(self.groups.items(), key=lambda item: item[1][:2])
        for (problem, unit, name), (line, column, rows, match, facts) in named[:MAX_GROUPS]:
            count = f"{angka(rows)} baris, pertama baris {line}" if rows > 1 else f"baris {line}"
            if problem == UNIT:
                close = match.candidates or self.index.close_units(unit)
                what = "cocok dengan lebih dari satu unit" if len(match.candidates) > 1 and all(
                    c in units for c in match.candidates) else "tidak dikenal di kamus"
                maybe = _maybe(close, units, positions)
                out.append(finding("SNAPSHOT-UNIT-UNKNOWN", self.path, line, column,
                                   f"unit `{unit}` ({count}) {what}; pegawainya tidak dipetakan",
                                   f"{maybe}Tambahkan nama ini di `nama_lain` unitnya (positions/<unit>/_unit.yaml)"
                                   + (f", atau UNOR ID `{facts.unor_id}` di `siasn: {{unor_id: …}}`"
                                      if facts.unor_id else "") + "."))
            elif problem == AMBIGU:
                listed = ", ".join(f"`{k}`" for k in match.candidates[:5])
                out.append(finding("SNAPSHOT-JABATAN-AMBIGUOUS", self.path, line, column,
                                   f"jabatan `{name}`" + (f" di unit `{unit}`" if unit else "")
                                   + f" ({count}) cocok dengan lebih dari satu jabatan di kamus: {listed}; tidak "
                                   "dipilih salah satu",
                                   "Tulis JABATAN ID SIASN di `siasn: {jabatan_id: …}` jabatan yang benar, atau "
                                   "UNOR ID/nama unit di unitnya, agar baris ini hanya cocok dengan satu jabatan."))
            else:
                maybe = _maybe(match.candidates, units, positions)
                out.append(finding("SNAPSHOT-JABATAN-UNMATCHED", self.path, line, column,
                                   f"jabatan `{name}`" + (f" di unit `{unit}`" if unit else "")
                                   + f" ({count}) belum ada di kamus; pegawainya tidak dipetakan",
                                   f"{maybe}Bila jabatannya sama dengan jabatan di kamus yang namanya lain, tulis "
                                   "JABATAN ID SIASN-nya di `siasn: {jabatan_id: …}` jabatan itu; bila belum ada, "
                                   "susun SKJ-nya."))
        if len(named) > MAX_GROUPS:
            rest = sum(group[2] for _, group in named[MAX_GROUPS:])
            out.append(finding("SNAPSHOT-JABATAN-UNMATCHED", self.path, named[MAX_GROUPS][1][0], 1,
                               f"{angka(len(named) - MAX_GROUPS)} jabatan atau unit lain ({angka(rest)} baris) "
                               "juga tidak dipetakan",
                               "Perbaiki dulu temuan di atas; daftar lengkapnya ada di laporan RAHASIA "
                               "(kamus talenta --output)."))
        said = {  # rule → (the message of (kode, export text, rows), the hint), one finding per distinct pair
            "SNAPSHOT-JABATAN-NAMA": (self.differs, lambda kode, text, rows: (
                f"JABATAN ID cocok dengan `{kode}`, tetapi nama jabatannya di ekspor `{text}` ({angka(rows)} baris), "
                f"di kamus `{positions[kode].nama}`"), "Tidak wajib diperbaiki: pegawai tetap dipetakan ke jabatan "
                                                       "itu. Periksa bahwa JABATAN ID di kamus benar."),
            "SNAPSHOT-JENIS-JABATAN": (self.jenis, lambda kode, text, rows: (
                f"JENIS JABATAN di ekspor `{text}` ({angka(rows)} baris), tetapi jabatan `{kode}` di kamus "
                f"berjenjang `{positions[kode].jenjang}`"), "Periksa jenjang jabatan itu di kamus, atau jabatan "
                                                            "pegawai di sistem kepegawaian."),
        }
        for rule, (groups, message, hint) in said.items():
            for (kode, text), (line, column, rows) in sorted(groups.items(), key=lambda item: item[1][:2]):
                out.append(finding(rule, self.path, line, column, message(kode, text, rows), hint))
        return out

    @staticmethod
    def why(match: Match) -> str:
        return _WHY.get(match.problem, "jabatan tidak dikenal")


def _maybe(candidates, units, positions) -> str:
    """"Maksud Anda …? " naming units or positions (with their unit)."""
    if not candidates:
        return ""
    named = [f"unit `{k}` ({units[k].nama})" if k in units else
             f"`{k}` ({positions[k].nama}, unit {positions[k].unit})" for k in candidates[:3]
             if k in units or k in positions]
    return f"Maksud Anda {' atau '.join(named)}? " if named else ""
