"""The employee export of a period: one row per person, checked cell by cell.

It is our one-file layout (every field of every person) or a personnel system's export
(SIASN "data utama", a SIMPEG list) whose other fields come from the period's other files.
Each row finds its position (:mod:`..matching`); a row whose position is not found is left
out with a finding per distinct unit or jabatan. Every value problem is reported with
file:row:column, all at once.
"""

from __future__ import annotations

import sys

from ...rules import finding
from ...suggest import Suggester
from ..matching import KODE, Facts, PositionIndex
from ..nip import birth_date, check_nip
from .columns import KOMPONEN_POTENSIAL
from .header import Header
from .model import Person
from .personal import PersonalValues
from .placing import Placed, Placing
from .reader import FileReader
from .values import (HUKUMAN_CHOICES, JENIS_JABATAN_ID, PENDIDIKAN_OURS, PENDIDIKAN_SIASN, clean, golongan,
                     jenis_jabatan, jenis_of_jenjang, parse_number, pendidikan, predikat, sex_digit, tingkat_hukuman)

_MISSING = object()
GOLONGAN_OURS = "harus golongan ruang I/a sampai IV/e, misalnya III/c"
GOLONGAN_EXPORT = "harus golongan ruang I/a sampai IV/e (misalnya III/c atau Penata (III/c)), kode golongan SIASN " \
                  "(31 = III/a … 45 = IV/e), atau golongan PPPK I sampai XVII"


class EmployeeReader(FileReader):
    """Turns one employee table into people. ``uses``: the fields of a person this file gives
    (the others come from the period's other files, through ``fill``)."""

    def __init__(self, table, header: Header, kamus, end, positions: PositionIndex, uses: frozenset, fill=None,
                 codes: tuple[str, ...] = (), keep_rows: bool = False, personal: PersonalValues | None = None):
        super().__init__(table, header, {name: column for name, column in header.index.items() if name in uses})
        self.kamus, self.end = kamus, end
        self.csv = table.kind == "csv"
        self.competency_index = header.competencies if "asesmen" in uses else []
        own = tuple(code for code, _ in self.competency_index)
        # where each column's level goes in Person.asesmen (None: the order is the same)
        self.slots = None if own == codes[:len(own)] and len(own) == len(codes) or not own else \
            [codes.index(code) for code in own]
        self.width, self.keep_rows = len(codes), keep_rows
        self.uses, self.fill = uses, fill
        self.level_cache: dict[str, float | None] = {}
        self.rank_cache: dict[tuple[str, str], object] = {}
        self.years: dict[str, tuple] = {}  # predikat → the shared Person.predikat_tahun of it
        self.places: dict[tuple, tuple[Facts, object]] = {}
        self.positions, self.placing = positions, Placing(table.path, positions)
        self.born: list[tuple[int, int, str, object]] = []  # (line, column, nip, TANGGAL LAHIR) checked at the end
        self.placed: list[Placed] = []
        bobot = kamus.config.talenta.bobot_potensial
        self.weights = tuple(getattr(bobot, name) for name in KOMPONEN_POTENSIAL)
        self.from_components = "nilai_potensi" not in self.index and all(c in self.index for c in KOMPONEN_POTENSIAL)
        self.suggest_position = Suggester(kamus.positions, cutoff=0.8)
        self.jenis_ids = header.siasn  # JENIS JABATAN ID is SIASN's numbering only in a SIASN export
        siasn = f"pilihan: {PENDIDIKAN_OURS}, atau tingkat pendidikan SIASN: {PENDIDIKAN_SIASN}"
        self.expected = {  # what an unknown value's message lists, by the column's header
            "pangkat_golongan": GOLONGAN_OURS if header.ours("pangkat_golongan") else GOLONGAN_EXPORT,
            "golongan_id": GOLONGAN_EXPORT, "tingkat_pendidikan_id": siasn,
            "pendidikan": f"pilihan: {PENDIDIKAN_OURS}" if header.ours("pendidikan") else siasn}
        self.position_columns = [self.index.get(name) for name in ("jabatan", "nama_jabatan", "jabatan_id", "unor_id",
                                                                   "unit_kerja", "satuan_kerja")]
        self.names_used = False  # our `jabatan` column held names
        self.personal = personal if personal is not None else PersonalValues()

    def person(self, line, cells, seen) -> Person | None:
        before = self.errors
        width = len(self.table.header)
        if self.csv and len(cells) > width and any(c.strip() for c in cells[width:]):
            extra = next(i for i in range(width, len(cells)) if cells[i].strip())
            self.error("SNAPSHOT-STRUCTURE", line, extra,
                       f"baris ini berisi sel di kolom ke-{extra + 1}, padahal judul kolom hanya {width}: isi "
                       "baris bergeser, nilainya tidak dibaca",
                       "Biasanya ada pemisah (titik koma atau koma) di dalam teks, misalnya di nama; beri tanda "
                       "kutip pada sel itu atau hapus pemisahnya, lalu simpan ulang sebagai CSV.")
            return None
        nip_col = self.index["nip"]
        nip, problem = check_nip(self.cell(cells, "nip"), self.end)
        if problem is not None:
            self.error(problem.rule, line, nip_col, problem.message, problem.hint)
        elif nip in seen:
            self.error("SNAPSHOT-NIP-DUPLICATE", line, nip_col, f"NIP pegawai ini sudah ada di baris {seen[nip]}")
        else:
            seen[nip] = line
        nama = self.name(cells)
        self.personal.add(self.cell(cells, "nip"), nama, self.cell(cells, "nama"), self.cell(cells, "tanggal_lahir"))
        if not nama:
            self.error("SNAPSHOT-EMPTY", line, self.index["nama"], "`nama` kosong")
        kode = self.position(line, cells, nip, nama)
        predikat_text = self.cell(cells, "predikat_kinerja")
        found = predikat(predikat_text) if predikat_text else ""
        if found is None:
            self.error("SNAPSHOT-PREDIKAT", line, self.index["predikat_kinerja"],
                       f"predikat kinerja `{predikat_text}` tidak dikenal")
            found = ""
        nilai_kinerja = self.number(line, cells, "nilai_kinerja", 0, 100) if "nilai_kinerja" in self.index else None
        if ("predikat_kinerja" in self.index or "nilai_kinerja" in self.index) and not predikat_text \
                and nilai_kinerja is None and not self.cell(cells, "nilai_kinerja"):
            column = self.index.get("predikat_kinerja", self.index.get("nilai_kinerja"))
            self.error("SNAPSHOT-EMPTY", line, column, "kinerja kosong: isi `predikat_kinerja` atau `nilai_kinerja`")
        potensi = self.potensial(line, cells)
        hukuman = self.hukuman(line, cells)
        tanggal_hukuman = self.date(line, cells, "tanggal_hukuman")
        tanggal_asesmen = self.date(line, cells, "tanggal_asesmen")
        levels = self.levels(line, cells)
        pangkat, pppk = self.golongan(line, cells)
        education = self.education(line, cells)
        tmt_jabatan = self.date(line, cells, "tmt_jabatan")
        tmt_jenjang = self.date(line, cells, "tmt_jenjang")
        self.checks(line, cells, nip, problem, kode)
        person = None
        if self.errors == before and kode is not None:
            years = self.years.get(found)
            if years is None:  # this file's predikat is the period's year's
                years = self.years[found] = ((self.end.year, found),) if found else ()
            person = Person(line, nip, nama, sys.intern(kode), found, nilai_kinerja, potensi, sys.intern(hukuman),
                            tanggal_hukuman, tanggal_asesmen, levels, pangkat, education, tmt_jabatan, pppk,
                            tmt_jenjang, years)
            missing = self.fill(person) if self.fill is not None else ""
            if missing:
                self.how = f"{self.how}; {missing}" if self.how else missing
                person = None
        if self.how or self.keep_rows:
            self.placed.append(Placed(self.path, line, nip, nama, self.facts, kode or "", self.how or "dicocokkan "
                                      f"menurut {'kode' if self.match.how == 'kode' else 'JABATAN ID'}", self.match,
                                      self.cell(cells, "jenis_jabatan") or self.cell(cells, "jenis_jabatan_id"),
                                      self.cell(cells, "eselon") or self.cell(cells, "eselon_id")))
        return person

    def name(self, cells) -> str:
        nama = self.cell(cells, "nama")
        front, back = self.cell(cells, "gelar_depan"), self.cell(cells, "gelar_belakang")
        if nama and (front or back):
            nama = f"{front + ' ' if front else ''}{nama}{', ' + back if back else ''}"
        return nama

    def position(self, line, cells, nip: str, nama: str) -> str | None:
        """The kamus key of the row's position, or None (with a finding) when it is not found."""
        size = len(cells)
        texts = tuple(cells[i] if i is not None and i < size else "" for i in self.position_columns)
        found = self.places.get(texts)
        if found is None:
            facts = Facts(*map(clean, texts))
            found = self.places[texts] = (facts, self.positions.resolve(facts))
        facts, match = found
        self.facts, self.match, self.how = facts, match, ""
        column = next((self.index[n] for n in ("jabatan", "nama_jabatan", "jabatan_id") if n in self.index), 0)
        if not (facts.jabatan or facts.nama_jabatan or facts.jabatan_id):
            self.error("SNAPSHOT-EMPTY", line, column, "`jabatan` kosong")
            self.how = "jabatan kosong"
            return None
        if match.kode is not None:
            if match.how == "nama":
                self.names_used = self.names_used or bool(facts.jabatan)
                self.how = "dicocokkan menurut nama"
            elif match.name_differs:
                self.placing.name_differs(line, column + 1, match.kode, facts.name)
            return match.kode
        if match.problem == KODE:
            self.how = "kode jabatan tidak ada di kamus"
            self.error("SNAPSHOT-JABATAN-UNKNOWN", line, self.index["jabatan"],
                       f"jabatan `{facts.jabatan}` tidak ada di kamus",
                       self.suggest_position(facts.jabatan)
                       + "Tulis `kode` jabatan yang ada di positions/ (nama berkasnya tanpa .yaml).")
            return None
        self.names_used = self.names_used or bool(facts.jabatan)
        self.placing.problem(line, column + 1, facts, match)
        self.how = Placing.why(match)
        return None

    def potensial(self, line, cells) -> float | None:
        """`nilai_potensi`, or the weighted mean of its components when the export has those instead."""
        if not self.from_components:
            if "nilai_potensi" not in self.index:
                return None
            return self.number(line, cells, "nilai_potensi", 0, 100, required=True)
        values = [self.number(line, cells, name, 0, 100, required=True) for name in KOMPONEN_POTENSIAL]
        if any(v is None for v in values) or not sum(self.weights):
            return None
        return round(sum(w * v for w, v in zip(self.weights, values)) / sum(self.weights), 4)

    def hukuman(self, line, cells) -> str:
        text = self.cell(cells, "hukuman_disiplin")
        if not text:
            return "tidak"
        value = tingkat_hukuman(text)
        if value is None:
            self.error("SNAPSHOT-VALUE", line, self.index["hukuman_disiplin"],
                       f"`{self.label('hukuman_disiplin')}` bernilai `{text.lower()}`, pilihan: {HUKUMAN_CHOICES}")
            return "tidak"
        return value

    def levels(self, line, cells) -> tuple:
        levels = []
        cache = self.level_cache
        for code, position in self.competency_index:
            text = cells[position].strip() if position < len(cells) else ""
            if not text:
                levels.append(None)
                continue
            value = cache.get(text, _MISSING)
            if value is _MISSING:  # few distinct texts ("3", "3,5"): parse once, share one float
                value = parse_number(text)
                value = cache[text] = value if value is not None and 0 <= value <= 5 else None
            if value is None:
                self.error("SNAPSHOT-VALUE", line, position, f"level `{code}` bernilai `{text}`, harus bilangan 0–5")
            levels.append(value)
        if self.slots is not None:
            placed = [None] * self.width
            for slot, value in zip(self.slots, levels):
                placed[slot] = value
            levels = placed
        return tuple(levels)

    def ranked(self, line, cells, name, parse, expected):
        """An optional coded value (golongan, pendidikan): None when the column or the cell is empty."""
        text = self.cell(cells, name)
        if not text:
            return None
        value = self.rank_cache.get((name, text), _MISSING)
        if value is _MISSING:  # few distinct texts ("III/c", "S1"): parse each once
            value = self.rank_cache[(name, text)] = parse(text)
        if value is None or value == (None, None):
            self.error("SNAPSHOT-VALUE", line, self.index[name], f"`{self.label(name)}` bernilai `{text}`, {expected}")
            return None
        return value

    def golongan(self, line, cells) -> tuple[int | None, int | None]:
        """(rank of the golongan ruang, PPPK golongan): from GOL AKHIR NAMA, else GOL AKHIR ID."""
        name = "pangkat_golongan" if self.cell(cells, "pangkat_golongan") else "golongan_id"
        return self.ranked(line, cells, name, golongan, self.expected[name]) or (None, None)

    def education(self, line, cells) -> int | None:
        name = "pendidikan" if self.cell(cells, "pendidikan") else "tingkat_pendidikan_id"
        return self.ranked(line, cells, name, pendidikan, self.expected[name])

    def checks(self, line, cells, nip: str, problem, kode: str | None) -> None:
        """What the export says against the NIP and the kamus: warnings, the person stays."""
        if problem is None:
            text = self.cell(cells, "jenis_kelamin")
            digit = sex_digit(text) if text else None
            if digit is not None and digit != nip[14]:
                self.warning("SNAPSHOT-NIP-DATA", line, self.index["jenis_kelamin"],
                             f"`{self.label('jenis_kelamin')}` tidak sama dengan kode jenis kelamin dalam NIP (angka "
                             "ke-15: 1 pria, 2 wanita)", "Periksa NIP dan jenis kelamin pegawai ini di sistem "
                                                         "kepegawaian.")
            born = self.date(line, cells, "tanggal_lahir", checked_only=True)
            if born is not None:
                self.born.append((line, self.index["tanggal_lahir"], nip, born))
        if kode is not None:
            text = self.cell(cells, "jenis_jabatan") or (self.cell(cells, "jenis_jabatan_id") if self.jenis_ids else "")
            kind = (JENIS_JABATAN_ID.get(text) if text.isdigit() else jenis_jabatan(text)) if text else None
            if kind is not None and kind != jenis_of_jenjang(self.kamus.positions[kode].jenjang):
                name = "jenis_jabatan" if self.cell(cells, "jenis_jabatan") else "jenis_jabatan_id"
                self.placing.wrong_jenis(line, self.index[name] + 1, kode, text)

    def finish(self, people: list[Person]) -> None:
        """Dates whose day/month order the whole file decides, then the checks that need them."""
        dates = self.dates
        self.date_findings()
        if dates.pending:
            for person in people:
                if person.tmt_jabatan.__class__ is str or person.tanggal_hukuman.__class__ is str \
                        or person.tanggal_asesmen.__class__ is str or person.tmt_jenjang.__class__ is str:
                    person.tmt_jabatan = dates.resolve(person.tmt_jabatan)
                    person.tmt_jenjang = dates.resolve(person.tmt_jenjang)
                    person.tanggal_hukuman = dates.resolve(person.tanggal_hukuman)
                    person.tanggal_asesmen = dates.resolve(person.tanggal_asesmen)
        for line, column, nip, born in self.born:
            born = dates.resolve(born)
            if born is not None and born != birth_date(nip):
                self.findings.append(finding("SNAPSHOT-NIP-DATA", self.path, line, column + 1,
                                             f"`{self.label('tanggal_lahir')}` tidak sama dengan tanggal lahir dalam "
                                             "NIP (angka ke-1 sampai ke-8)",
                                             "Periksa NIP dan tanggal lahir pegawai ini di sistem kepegawaian."))
        self.findings.extend(self.placing.findings())
        if self.names_used:
            self.findings.append(finding("SNAPSHOT-SOURCE", self.path, self.header.line, self.index["jabatan"] + 1,
                                         "kolom `jabatan` berisi nama jabatan, bukan kode jabatan kamus: dicocokkan "
                                         "menurut nama di unitnya"))
