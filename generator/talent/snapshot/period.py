"""A period as the downloads come: `snapshots/<periode>.csv|.xlsx|.xls` (one file with every
field of every person, as Kamus documents it) or a folder `snapshots/<periode>/` holding the
files as downloaded, under any names.

In a folder each file is recognised by its columns (:func:`.columns.kind_of`): the employee
export(s), SKP, assessment per competency, assessment summary, discipline. Each field of a
person is read from one kind of file (SKP before an employee export's own predikat column,
assessment files before its own scores) and all files are joined by NIP. A notice per file
says what it is and which fields it gave; a person in another file but not in the employee
export, or an employee without a required field, is a finding with counts and rows, never a
NIP or a name (those go to the RAHASIA report).
"""

from __future__ import annotations

from ...bahasa import angka
from ...rules import finding
from ..matching import Facts, PositionIndex
from ..table import read_table
from .columns import (ASESMEN, HUKDIS, KIND_LABEL, KOMPONEN_POTENSIAL, OPTIONAL, PEGAWAI, POSITION_KEYS, REQUIRED,
                      RINGKASAN, SCORES, SKP, STRUCTURE, WHY_UNUSED)
from .employees import EmployeeReader
from .header import Header, read_header
from .join import Joiner
from .model import MAX_FINDINGS, Snapshot
from .personal import PersonalValues
from .placing import Placed
from .records import RecordReader, Records

KINERJA = ("predikat_kinerja", "nilai_kinerja")
POTENSIAL = ("nilai_potensi", *KOMPONEN_POTENSIAL)
BASE = frozenset({"nip", "nama", "gelar_depan", "gelar_belakang", *POSITION_KEYS, "unor_id", "unit_kerja",
                  "satuan_kerja", "jenis_jabatan", "jenis_jabatan_id", "eselon", "eselon_id", "pangkat_golongan", "golongan_id",
                  "pendidikan", "tingkat_pendidikan_id", "tmt_jabatan", "tmt_jenjang", "tanggal_lahir", "jenis_kelamin"})
EVERYTHING = BASE | {*KINERJA, *POTENSIAL, "asesmen", "tanggal_asesmen", "hukuman_disiplin", "tanggal_hukuman"}
# Which kind of file each group of fields is read from, first choice first.
SOURCES = {"kinerja": (SKP, PEGAWAI), "potensial": (RINGKASAN, ASESMEN, PEGAWAI), "asesmen": (ASESMEN, RINGKASAN, PEGAWAI),
           "hukuman": (HUKDIS, PEGAWAI)}
OPTIONAL_FROM = {"pangkat_golongan": ("pangkat_golongan", "golongan_id"), "pendidikan": ("pendidikan", "tingkat_pendidikan_id"),
                 "tmt_jabatan": ("tmt_jabatan",), "tmt_jenjang": ("tmt_jenjang",)}
GROUP_FIELDS = {"kinerja": KINERJA, "potensial": POTENSIAL, "asesmen": ("asesmen",),
                "hukuman": ("hukuman_disiplin", "tanggal_hukuman")}


class Period:
    """Reads the files of one period into its snapshot."""

    def __init__(self, source, kamus, snapshot: Snapshot, keep_rows: bool = False, employees_only: bool = False):
        self.source, self.kamus, self.snapshot, self.keep_rows = source, kamus, snapshot, keep_rows
        self.employees_only = employees_only  # SKJ coverage: the employee rows are read without SKP or assessment
        self.kolom = kamus.config.talenta.kolom
        self.records = Records()
        self.missing: dict[tuple[str, str], list] = {}  # (employee file, why) → [first line, rows]
        self.personal = PersonalValues()  # taken out of the findings once the period is read (read_snapshot)

    def finding(self, rule, path, line, column, message, hint=None):
        self.snapshot.findings.append(finding(rule, path, line, column, message, hint))

    def read(self, paths: list[str], single: bool) -> None:
        opened = []
        for path in paths:
            table = read_table(self.source, path)
            header = read_header(table, self.kamus, self.kolom)
            self.snapshot.findings.extend(table.findings)
            if header is not None:
                self.snapshot.findings.extend(header.findings)
                header.findings = []
                opened.append((table, header))
            if not single:
                table.rows = iter(())  # read again when its turn comes (Period.reopened)
                table.text = ""
        if not opened:
            return
        if single:
            table, header = opened[0]
            header.kind = PEGAWAI
            if not self.required(header, single=True):
                return
            uses = {table.path: EVERYTHING}
            given = [name for name in header.index if name in EVERYTHING - BASE or name in OPTIONAL_FROM]
            self.snapshot.sumber = dict.fromkeys(["nip", "nama", "jabatan", *given] + (["asesmen"] if
                                                                                       header.competencies else []),
                                                 table.path)
            self.snapshot.potensial_from_components = "nilai_potensi" not in header.index
        else:
            uses = self.plan(opened)
            if uses is None:
                return
        self.uses = uses
        employees = [(t, h) for t, h in opened if h.kind == PEGAWAI]
        for table, header in opened:
            if header.kind != PEGAWAI and not self.employees_only:  # SKJ coverage needs the employee rows only
                self.read_records(self.reopened(table, single), header, uses.get(table.path, frozenset()))
        self.snapshot.competencies = self.competencies(employees)
        seen: dict[str, tuple[str, int]] = {}
        for table, header in employees:
            self.read_people(self.reopened(table, single), header, uses[table.path], single, seen)
        for table, header in opened:
            header.ignored_finding()
            self.snapshot.findings.extend(header.findings)
        self.joined(seen)
        self.snapshot.columns = frozenset(c for c in OPTIONAL for _, h in employees
                                          if any(name in h.index for name in OPTIONAL_FROM[c]))

    def reopened(self, table, single: bool):
        """``table`` again, at its first data row: the files of a folder are read one at a time
        (their headers were read first, to know what each gives), so that only one file's text
        is held at once."""
        if single:
            return table
        again = read_table(self.source, table.path)
        read_header(again, self.kamus, self.kolom)
        return again

    # --- which file gives what --------------------------------------------------------------

    def required(self, header: Header, single: bool) -> bool:
        """The header checks of an employee export; False when a required column is missing."""
        index = header.index
        missing = [c for c in REQUIRED if c != "jabatan" and c not in index]
        if not POSITION_KEYS & set(index):
            missing.append("jabatan")
        if single and not self.employees_only:
            if not set(KINERJA) & set(index):
                missing.append("predikat_kinerja atau nilai_kinerja")
            components = [c for c in KOMPONEN_POTENSIAL if c in index]
            if "nilai_potensi" in index:
                for name in components:
                    header.findings.append(finding("SNAPSHOT-COLUMN-IGNORED", header.path, header.line,
                                                   index.pop(name) + 1, f"kolom `{name}` tidak dipakai: nilai "
                                                   "potensial diambil dari kolom `nilai_potensi`"))
            elif components and len(components) < len(KOMPONEN_POTENSIAL):
                absent = ", ".join(f"`{c}`" for c in KOMPONEN_POTENSIAL if c not in index)
                header.findings.append(finding(
                    "SNAPSHOT-HEADER-MISSING", header.path, header.line, 1,
                    f"kolom `nilai_potensi` tidak ada dan komponennya belum lengkap: {absent} tidak ada",
                    "Tambahkan kolom `nilai_potensi`, atau lengkapi kolom penilaian_kompetensi, penilaian_potensi "
                    "dan rekam_jejak."))
            elif not components:
                missing.append("nilai_potensi")
        hint = ("Ekspor sistem kepegawaian tidak memuat SKP dan hasil asesmen: simpan ekspor ini bersama berkas SKP "
                f"dan hasil asesmen di folder `snapshots/{self.snapshot.periode}/`." if header.exported else None)
        for name in missing:
            header.findings.append(finding("SNAPSHOT-HEADER-MISSING", header.path, header.line, 1,
                                           f"kolom wajib `{name}` tidak ada",
                                           hint if hint and name not in REQUIRED
                                           else f"Tambahkan kolom `{name}` di baris judul."))
        self.snapshot.findings.extend(header.findings)
        header.findings = []
        failed = any(f.rule == "SNAPSHOT-HEADER-MISSING" for f in self.snapshot.findings)
        return not missing and not failed

    def plan(self, opened) -> dict[str, frozenset] | None:
        """The fields each file of a folder gives (by path), or None when the period cannot be read."""
        folder = self.snapshot.path
        employees = [h for _, h in opened if h.kind == PEGAWAI]
        pure = [h for h in employees if not (SCORES & set(h.index) or h.competencies)]
        if len(employees) > 1 and pure:
            for h in employees:
                if h not in pure:  # an assessment report that also prints the jabatan: read for its scores
                    h.kind = SKP if "tahun" in h.index else RINGKASAN
            employees = pure
        ok, absent = True, []
        for _, h in opened:
            if h.kind is None:
                ok = False
                self.finding("SNAPSHOT-SOURCE-UNKNOWN", h.path, h.line, 1,
                             "berkas ini tidak dikenali dari judul kolomnya: bukan ekspor data pegawai, SKP, hasil "
                             "asesmen, atau riwayat hukuman disiplin",
                             "Ekspor pegawai memuat kolom jabatan (`jabatan`, `JABATAN NAMA` atau `JABATAN ID`); SKP "
                             "memuat `tahun` dan predikat; hasil asesmen memuat kompetensi dan levelnya, atau "
                             "`nilai_potensi`. Judul lain dapat dipetakan di kamus.yaml `talenta.kolom`.")
        if not employees:
            self.finding("SNAPSHOT-FILE", folder, 1, 1, "folder periode ini tidak berisi ekspor data pegawai (berkas "
                         "dengan kolom NIP, nama dan jabatan)", "Letakkan ekspor data pegawai (SIASN data utama atau "
                                                                "SIMPEG) di folder ini.")
            return None
        for h in employees:
            ok = self.required(h, single=False) and ok
        uses: dict[str, set] = {h.path: set(BASE) for h in employees}
        sumber = self.snapshot.sumber
        for name in ("nip", "nama"):
            sumber[name] = ", ".join(h.path for h in employees)
        sumber["jabatan"] = sumber["nip"]
        for name, columns in OPTIONAL_FROM.items():
            from_files = [h.path for h in employees if any(c in h.index for c in columns)]
            if from_files:
                sumber[name] = ", ".join(from_files)
        for group, kinds in SOURCES.items():
            fields = GROUP_FIELDS[group]
            for kind in kinds:
                givers = [h for _, h in opened if h.kind == kind and (set(fields) & set(h.index)
                                                                       or group == "asesmen" and h.competencies)]
                if givers:
                    for h in givers:
                        given = {f for f in fields if f in h.index} | ({"asesmen"} if group == "asesmen" else set())
                        if "nilai_potensi" in given:
                            given -= set(KOMPONEN_POTENSIAL)  # said in the notice of the columns not used
                        if group in ("potensial", "asesmen") and "tanggal_asesmen" in h.index:
                            given.add("tanggal_asesmen")
                        uses.setdefault(h.path, set()).update(given)
                    for name in fields:
                        from_files = [h.path for h in givers if name in uses[h.path]]
                        if from_files:
                            sumber[name] = ", ".join(from_files)
                    break
            else:
                if group in ("kinerja", "potensial"):
                    absent.append("kinerja (SKP dengan `tahun` dan predikat, atau kolom `predikat_kinerja`/"
                                  "`nilai_kinerja`)" if group == "kinerja" else
                                  "nilai potensial (hasil asesmen dengan `nilai_potensi` atau komponennya)")
        if absent:  # what an OPD has before SKP and assessment: coverage counts it, mapping waits
            self.snapshot.unmapped = f"belum ada berkas yang memuat {' dan '.join(absent)}"
            self.finding("SNAPSHOT-UNMAPPED", folder, 1, 1,
                         f"periode {self.snapshot.periode} belum dapat dipetakan ke kotak manajemen talenta: "
                         f"{self.snapshot.unmapped}; cakupan SKJ (`kamus cakupan`) sudah dapat dihitung",
                         "Unduh hasil SKP dan hasil asesmen periode ini dan letakkan di folder ini; sampai itu "
                         "`kamus talenta` dan situs memetakan periode sebelumnya.")
        if "nilai_potensi" not in sumber and all(c in sumber for c in KOMPONEN_POTENSIAL):
            self.snapshot.potensial_from_components = True
        elif "nilai_potensi" not in sumber and any(c in sumber for c in KOMPONEN_POTENSIAL) \
                and not self.employees_only:
            ok = False
            absent = ", ".join(f"`{c}`" for c in KOMPONEN_POTENSIAL if c not in sumber)
            self.finding("SNAPSHOT-HEADER-MISSING", folder, 1, 1,
                         f"tidak ada berkas yang memuat kolom `nilai_potensi`, dan komponennya belum lengkap: {absent} "
                         "tidak ada", "Bila salah satu kolom hasil asesmen adalah nilai potensial untuk kotak "
                                      "manajemen talenta, petakan judulnya di kamus.yaml, misalnya `talenta.kolom: "
                                      "{PENILAIAN POTENSI: nilai_potensi}`; atau lengkapi komponennya.")
        for _, h in opened:
            if h.kind is None:
                continue
            given = uses.setdefault(h.path, set())
            given.update(name for name in STRUCTURE.get(h.kind, ()) if name in h.index)
            self.source_notice(h, given)
            for name, column in h.index.items():
                if name in given or name == "nip" or h.kind == PEGAWAI and name in BASE:
                    continue
                why = (f"diambil dari {sumber[name]}" if sumber.get(name, h.path) != h.path else
                       "nilai potensial diambil dari kolom `nilai_potensi`" if name in KOMPONEN_POTENSIAL else
                       WHY_UNUSED.get(name, ""))
                h.note_ignored(column, h.cells[column].strip(), why)
        return {path: frozenset(fields) for path, fields in uses.items()} if ok else None

    def source_notice(self, header: Header, given: set) -> None:
        fields = [f for f in header.index if f in given]
        shown = ", ".join(f"`{header.label(f)}` → `{f}`" if header.label(f) != f else f"`{f}`"
                          for f in dict.fromkeys(fields))
        if "asesmen" in given and header.competencies:
            codes = ", ".join(code for code, _ in header.competencies)
            shown += (", " if shown else "") + f"level kompetensi {codes} (`asesmen`)"
        self.finding("SNAPSHOT-SOURCE", header.path, header.line, 1,
                     f"dikenali sebagai {KIND_LABEL[header.kind]}; dipakai: {shown}")

    def competencies(self, employees) -> tuple[str, ...]:
        """The competencies with assessed levels in this period: the columns of the employee
        export(s) that give them in their order, or those of the other files in kamus order."""
        codes = [code for _, h in employees if "asesmen" in self.uses[h.path] for code, _ in h.competencies]
        found = set()
        for levels in self.records.levels.values():
            found.update(levels)
        return tuple(dict.fromkeys(codes + [k for k in self.kamus.competencies if k in found]))

    # --- reading ----------------------------------------------------------------------------

    def read_records(self, table, header: Header, uses: frozenset) -> None:
        reader = RecordReader(table, header, self.kamus, self.snapshot.end, self.records, uses, self.personal)
        stopped = reader.read_rows(table.rows, MAX_FINDINGS)
        if stopped is not None:
            _stopped(reader, stopped)
        reader.finish()
        self.snapshot.findings.extend(reader.findings + table.late_findings)

    def read_people(self, table, header: Header, uses: frozenset, single: bool, seen: dict) -> None:
        positions = self.positions
        reader = EmployeeReader(table, header, self.kamus, self.snapshot.end, positions, uses,
                                None if single or self.employees_only else Joiner(self, table.path),
                                self.snapshot.competencies,
                                self.keep_rows, self.personal)
        people, mine = self.snapshot.people, []
        here: dict[str, int] = {}
        for line, cells in table.rows:  # streamed: a million rows never sit in memory as text
            person = reader.person(line, cells, here)
            if person is not None:
                if person.nip in seen:
                    other = seen[person.nip]
                    reader.error("SNAPSHOT-NIP-DUPLICATE", line, header.index["nip"],
                                 f"NIP pegawai ini sudah ada di {other[0]} baris {other[1]}",
                                 "Satu pegawai satu baris di semua ekspor data pegawai periode ini.")
                    continue
                seen[person.nip] = (table.path, line)
                mine.append(person)
            elif len(reader.findings) >= MAX_FINDINGS:
                _stopped(reader, line)
                break
        reader.finish(mine)
        people.extend(mine)
        for nip, line in here.items():
            seen.setdefault(nip, (table.path, line))
        self.snapshot.findings.extend(reader.findings + table.late_findings)
        self.snapshot.placed.extend(reader.placed)

    @property
    def positions(self) -> PositionIndex:
        index = getattr(self, "_positions", None)
        if index is None:
            index = self._positions = PositionIndex(self.kamus)
        return index

    def joined(self, seen: dict) -> None:
        """Findings for people in the other files but not in the employee export, and for
        employees without a field that must come from another file."""
        for path, nips in self.records.files.items():
            missing = sorted((line, nip) for nip, line in nips.items() if nip not in seen)
            self.snapshot.placed.extend(Placed(path, line, nip, "", Facts(), "", "tidak ada di ekspor data pegawai")
                                        for line, nip in missing)  # named in the RAHASIA report only
            orphans = [line for line, _ in missing]
            if orphans:
                shown = ", ".join(map(str, orphans[:5])) + (" …" if len(orphans) > 5 else "")
                self.finding("SNAPSHOT-JOIN", path, orphans[0], 1,
                             f"{angka(len(orphans))} pegawai di berkas ini tidak ada di ekspor data pegawai (baris "
                             f"{shown}); datanya tidak dipakai",
                             "Pegawai yang pindah atau pensiun wajar tidak ada; selain itu periksa NIP-nya, atau "
                             "unduh ulang ekspor data pegawai periode ini.")
        if self.snapshot.unmapped:
            return  # no one is mapped: the one SNAPSHOT-UNMAPPED says why, not a finding per file
        for (path, why), (line, rows) in sorted(self.missing.items(), key=lambda item: (item[0][0], item[1][0])):
            self.finding("SNAPSHOT-JOIN", path, line, 1,
                         f"{angka(rows)} pegawai {why}: tidak dipetakan" + (f" (pertama baris {line})" if rows > 1
                                                                              else f" (baris {line})"),
                         "Lengkapi berkas itu, atau biarkan: pegawai ini tercantum di laporan RAHASIA (kamus talenta "
                         "--output) sebagai tidak dipetakan.")


def _stopped(reader, line: int) -> None:
    reader.error("SNAPSHOT-FILE", line, 0, f"pembacaan berkas dihentikan di baris {line}: sudah "
                 f"{len(reader.findings):,} temuan".replace(",", "."),
                 "Perbaiki dulu temuan di atas (biasanya judul kolom, pemisah, atau berkas yang salah), lalu periksa "
                 "ulang.")


