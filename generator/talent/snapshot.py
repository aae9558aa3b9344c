"""A snapshot: one period's employee export, checked cell by cell against the kamus.

Every problem is reported with file:row:column and all of them at once; a snapshot with
errors produces no result. Headers match case-, space- and underscore-insensitively.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import sys
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..kinds import SNAPSHOT_SUFFIXES, SNAPSHOTS
from ..load.renamed import RENAMED
from ..rules import finding
from ..suggest import Suggester, closest
from .eligibility import PENDIDIKAN, pangkat_rank, pendidikan_rank
from .nip import check_nip
from ..model.policy import PREDIKAT
from .table import read_table

PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", re.ASCII)
COLUMNS = ("nip", "nama", "jabatan", "predikat_kinerja", "nilai_kinerja", "nilai_potensi",
           "hukuman_disiplin", "tanggal_hukuman", "tanggal_asesmen", "pangkat_golongan", "pendidikan", "tmt_jabatan",
           "tmt_jenjang", "penilaian_kompetensi", "penilaian_potensi", "rekam_jejak")
# Other headers of a column, read as it without a notice: SIASN's API calls the start of the current
# jenjang `tmtEselon` (`TMT ESELON` in exports that carry it).
ALIASES = {"tmt_eselon": "tmt_jenjang"}
REQUIRED = ("nip", "nama", "jabatan")
# The components of potensial (PermenPANRB 3/2020 as amended by 20/2025, Pasal 17): used when
# the export has no precomputed `nilai_potensi`.
KOMPONEN_POTENSIAL = ("penilaian_kompetensi", "penilaian_potensi", "rekam_jejak")
# Optional columns that enable succession checks (eligibility.py); absent = "tidak diperiksa".
OPTIONAL = ("pangkat_golongan", "pendidikan", "tmt_jabatan", "tmt_jenjang")
HUKUMAN = ("tidak", "ringan", "sedang", "berat")
MAX_FINDINGS = 10_000  # a file with more stops being read: no one reads further, and memory stays bounded
_DATE = [re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$", re.ASCII),
         re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)]


def normalise(header: str) -> str:
    return re.sub(r"[\s_\-]+", "", header.strip().lstrip("\ufeff")).lower()


_MISSING = object()
_PREDIKAT = {normalise(p).replace("/", ""): p for p in PREDIKAT}


@dataclass(slots=True)
class Person:
    """One row of a snapshot; fields are named as the export's columns."""

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
    tmt_jenjang: dt.date | None = None  # since when the person holds their current jenjang (any post of it)
    # (year, predikat kinerja of that year), oldest first: the predikat of the period's year today, the
    # SKP history later; one shared tuple per distinct content
    predikat_tahun: tuple[tuple[int, str], ...] = ()


@dataclass
class Snapshot:
    periode: str
    path: str
    end: dt.date  # last day of the period
    competencies: tuple[str, ...] = ()
    people: list[Person] = field(default_factory=list)
    findings: list = field(default_factory=list)
    columns: frozenset = frozenset()  # the OPTIONAL columns the export has
    potensial_from_components: bool = False  # nilai_potensi computed from KOMPONEN_POTENSIAL

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


_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?", re.ASCII)


def parse_number(text: str) -> float | None:
    """A number as Indonesian-locale Excel writes it: ASCII digits with at most one decimal
    comma or point (``3,5``, ``82.50``), nothing else (no exponent, no ``_``, no other
    digit systems, no thousands separators: scores and levels never need them)."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    return float(text.replace(",", "."))


def parse_date(text: str) -> dt.date | None:
    text = text.strip().split("T")[0].split(" ")[0]
    for index, pattern in enumerate(_DATE):
        match = pattern.match(text)
        if match:
            a, b, c = (int(g) for g in match.groups())
            try:
                return dt.date(c, b, a) if index == 0 else dt.date(a, b, c)
            except ValueError:
                return None
    return None


class _Reader:
    """Turns one table into people, collecting findings."""

    def __init__(self, table, kamus, period_end: dt.date):
        self.table, self.kamus, self.path, self.period_end = table, kamus, table.path, period_end
        self.csv = table.kind == "csv"
        self.findings = list(table.findings)
        self.index: dict[str, int] = {}  # canonical column → cell index
        self.competency_index: list[tuple[str, int]] = []
        self.level_cache: dict[str, float | None] = {}
        self.date_cache: dict[str, dt.date | None] = {}
        self.rank_cache: dict[tuple[str, str], int | None] = {}
        self.years: dict[str, tuple] = {}  # predikat → the shared predikat_tahun of it
        self.header_line = table.header_line
        bobot = kamus.config.talenta.bobot_potensial
        self.weights = tuple(getattr(bobot, name) for name in KOMPONEN_POTENSIAL)
        self.from_components = False
        self.suggest_position = Suggester(kamus.positions, cutoff=0.8)

    def error(self, rule, line, column, message, hint=None):
        self.findings.append(finding(rule, self.path, line, column + 1, message, hint))

    def map_header(self) -> bool:
        known = {normalise(c): c for c in COLUMNS}
        known.update({normalise(alias): name for alias, name in ALIASES.items()})
        codes = {normalise(k): k for k in self.kamus.competencies}
        renamed = {normalise(old): (old, new) for old, new in RENAMED["snapshot"].items()}  # read for one version
        old_names: list[tuple[int, str, str, str]] = []  # (cell, header, old name, new name)
        for position, raw in enumerate(self.table.header):
            key = normalise(raw)
            if not key:
                continue
            if key in renamed and key not in codes:
                old_names.append((position, raw, *renamed[key]))
                continue
            target = known.get(key) or codes.get(key)
            if target is None:
                close = closest(key, list(known) + list(codes), cutoff=0.8)
                if close:
                    name = known.get(close) or codes[close]
                    self.error("SNAPSHOT-HEADER-TYPO", self.header_line, position, f"judul kolom `{raw}` tidak dikenal",
                               f"Maksud Anda `{name}`? Perbaiki ejaan judul kolom.")
                else:
                    self.findings.append(finding("SNAPSHOT-COLUMN-IGNORED", self.path, self.header_line, position + 1,
                                                 f"kolom `{raw}` tidak dipakai"))
                continue
            if target in self.index or any(t == target for t, _ in self.competency_index):
                self.error("SNAPSHOT-HEADER-DUPLICATE", self.header_line, position, f"kolom `{raw}` muncul dua kali")
                continue
            if target in known.values():
                self.index[target] = position
            else:
                self.competency_index.append((target, position))
        self.map_old_names(old_names)
        missing = [c for c in REQUIRED if c not in self.index]
        if "predikat_kinerja" not in self.index and "nilai_kinerja" not in self.index:
            missing.append("predikat_kinerja atau nilai_kinerja")
        components = [c for c in KOMPONEN_POTENSIAL if c in self.index]
        if "nilai_potensi" in self.index:
            for name in components:
                self.findings.append(finding("SNAPSHOT-COLUMN-IGNORED", self.path, self.header_line,
                                             self.index.pop(name) + 1, f"kolom `{name}` tidak dipakai: nilai "
                                             "potensial diambil dari kolom `nilai_potensi`"))
        elif len(components) == len(KOMPONEN_POTENSIAL):
            self.from_components = True
        elif components:
            absent = ", ".join(f"`{c}`" for c in KOMPONEN_POTENSIAL if c not in self.index)
            self.error("SNAPSHOT-HEADER-MISSING", self.header_line, 0,
                       f"kolom `nilai_potensi` tidak ada dan komponennya belum lengkap: {absent} tidak ada",
                       "Tambahkan kolom `nilai_potensi`, atau lengkapi kolom penilaian_kompetensi, penilaian_potensi "
                       "dan rekam_jejak.")
        else:
            missing.append("nilai_potensi")
        for name in missing:
            self.error("SNAPSHOT-HEADER-MISSING", self.header_line, 0, f"kolom wajib `{name}` tidak ada",
                       f"Tambahkan kolom `{name}` di baris judul.")
        return not missing and (self.from_components or "nilai_potensi" in self.index)

    def map_old_names(self, old_names) -> None:
        """A column under its old name is read as the new one (a notice says to rename it);
        beside a column of the new name it is not used."""
        for position, raw, old, new in old_names:
            if new in self.index:
                self.findings.append(finding("SNAPSHOT-COLUMN-IGNORED", self.path, self.header_line, position + 1,
                                             f"kolom `{raw}` (nama lama `{new}`) tidak dipakai karena kolom `{new}` ada"))
                continue
            self.index[new] = position
            self.findings.append(finding("SNAPSHOT-HEADER-RENAMED", self.path, self.header_line, position + 1,
                                         f"judul kolom `{raw}` sekarang bernama `{new}`; kolom ini masih dibaca "
                                         f"sebagai `{new}`",
                                         f"Ganti judul kolom `{raw}` menjadi `{new}`. Nama lama `{old}` hanya dibaca "
                                         "sampai versi Kamus berikutnya."))

    def cell(self, cells, name) -> str:
        position = self.index.get(name)
        return cells[position].strip() if position is not None and position < len(cells) else ""

    def number(self, line, cells, name, low, high, required=False):
        text = self.cell(cells, name)
        if not text:
            if required:
                self.error("SNAPSHOT-EMPTY", line, self.index[name], f"`{name}` kosong")
            return None
        value = parse_number(text)
        if value is None or not low <= value <= high:
            self.error("SNAPSHOT-VALUE", line, self.index[name], f"`{name}` bernilai `{text}`, harus bilangan {low}–{high}")
            return None
        return value

    def date(self, line, cells, name, cache=None):
        text = self.cell(cells, name)
        if not text:
            return None
        value = cache.get(text, _MISSING) if cache is not None else _MISSING
        if value is _MISSING:
            value = parse_date(text)
            if cache is not None:
                cache[text] = value
        if value is None:
            self.error("SNAPSHOT-DATE", line, self.index[name], f"`{name}` bernilai `{text}`, bukan tanggal yang dikenal")
        return value

    def person(self, line, cells, seen) -> Person | None:
        before = len(self.findings)
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
        nip, problem = check_nip(self.cell(cells, "nip"), self.period_end)
        if problem is not None:
            self.error(problem.rule, line, nip_col, problem.message, problem.hint)
        elif nip in seen:
            self.error("SNAPSHOT-NIP-DUPLICATE", line, nip_col, f"NIP {nip} sudah ada di baris {seen[nip]}")
        else:
            seen[nip] = line
        nama = self.cell(cells, "nama")
        if not nama:
            self.error("SNAPSHOT-EMPTY", line, self.index["nama"], "`nama` kosong")
        jabatan = self.cell(cells, "jabatan")
        if not jabatan:
            self.error("SNAPSHOT-EMPTY", line, self.index["jabatan"], "`jabatan` kosong")
        elif jabatan not in self.kamus.positions:
            self.error("SNAPSHOT-JABATAN-UNKNOWN", line, self.index["jabatan"],
                       f"jabatan `{jabatan}` tidak ada di kamus",
                       self.suggest_position(jabatan)
                       + "Tulis `kode` jabatan yang ada di positions/ (nama berkasnya tanpa .yaml).")
        predikat_text = self.cell(cells, "predikat_kinerja")
        predikat = _PREDIKAT.get(normalise(predikat_text).replace("/", "")) if predikat_text else ""
        if predikat is None:
            self.error("SNAPSHOT-PREDIKAT", line, self.index["predikat_kinerja"],
                       f"predikat kinerja `{predikat_text}` tidak dikenal")
            predikat = ""
        nilai_kinerja = self.number(line, cells, "nilai_kinerja", 0, 100) if "nilai_kinerja" in self.index else None
        if not predikat_text and nilai_kinerja is None and not self.cell(cells, "nilai_kinerja"):
            column = self.index.get("predikat_kinerja", self.index.get("nilai_kinerja"))
            self.error("SNAPSHOT-EMPTY", line, column, "kinerja kosong: isi `predikat_kinerja` atau `nilai_kinerja`")
        potensi = self.potensial(line, cells)
        hukuman = self.cell(cells, "hukuman_disiplin").lower() or "tidak"
        if hukuman not in HUKUMAN:
            self.error("SNAPSHOT-VALUE", line, self.index["hukuman_disiplin"],
                       f"`hukuman_disiplin` bernilai `{hukuman}`, pilihan: {', '.join(HUKUMAN)}")
        tanggal_hukuman = self.date(line, cells, "tanggal_hukuman")
        tanggal_asesmen = self.date(line, cells, "tanggal_asesmen")
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
        pangkat = self.ranked(line, cells, "pangkat_golongan", pangkat_rank,
                              "harus golongan ruang I/a sampai IV/e, misalnya III/c")
        pendidikan = self.ranked(line, cells, "pendidikan", pendidikan_rank,
                                 f"pilihan: {', '.join(PENDIDIKAN)} (D-IV setara S1)")
        tmt_jabatan = self.date(line, cells, "tmt_jabatan", self.date_cache)
        tmt_jenjang = self.date(line, cells, "tmt_jenjang", self.date_cache)
        if len(self.findings) != before:
            return None
        years = self.years.get(predikat)
        if years is None:
            years = self.years[predikat] = ((self.period_end.year, predikat),) if predikat else ()
        return Person(line, nip, nama, sys.intern(jabatan), predikat, nilai_kinerja, potensi, sys.intern(hukuman),
                      tanggal_hukuman, tanggal_asesmen, tuple(levels), pangkat, pendidikan, tmt_jabatan, tmt_jenjang,
                      years)

    def potensial(self, line, cells) -> float | None:
        """`nilai_potensi`, or the weighted mean of its components when the export has those instead."""
        if not self.from_components:
            return self.number(line, cells, "nilai_potensi", 0, 100, required=True)
        values = [self.number(line, cells, name, 0, 100, required=True) for name in KOMPONEN_POTENSIAL]
        if any(v is None for v in values) or not sum(self.weights):
            return None
        return round(sum(w * v for w, v in zip(self.weights, values)) / sum(self.weights), 4)

    def ranked(self, line, cells, name, parse, expected):
        """An optional ranked value (pangkat, pendidikan): None when the column or the cell is empty."""
        text = self.cell(cells, name)
        if not text:
            return None
        value = self.rank_cache.get((name, text), _MISSING)
        if value is _MISSING:  # few distinct texts ("III/c", "S1"): parse each once
            value = self.rank_cache[(name, text)] = parse(text)
        if value is None:
            self.error("SNAPSHOT-VALUE", line, self.index[name], f"`{name}` bernilai `{text}`, {expected}")
        return value


def _skip_title_rows(table, reader) -> None:
    """Exports from personnel systems often start with title rows: the header is the
    first of the first ten rows that has a `nip` column."""
    if not table.header or "nip" in {normalise(h) for h in table.header}:
        return
    rows = iter(table.rows)
    for consumed, (line, cells) in enumerate(itertools.islice(rows, 10), start=1):
        if "nip" in {normalise(c) for c in cells}:
            table.header, reader.header_line, table.header_line = cells, line, line
            table.title_rows = consumed  # the title rows and the header itself are no data rows
            table.rows = rows
            return
    table.rows = []  # no header found: the first row's problems are reported, no row is read


def read_snapshot(source, path: str, kamus) -> Snapshot:
    """Read and check the snapshot ``path`` of a :class:`~generator.load.source.FileSource`."""
    stem = PurePosixPath(path).stem
    end = period_end(stem)
    snapshot = Snapshot(periode=stem, path=path, end=end or dt.date(1970, 1, 1))
    if end is None:
        snapshot.findings.append(finding("SNAPSHOT-FILE", path, 1, 1,
                                         f"nama berkas `{PurePosixPath(path).name}` bukan periode "
                                         "(YYYY, YYYY-MM atau YYYY-MM-DD)"))
        return snapshot
    table = read_table(source, path)
    reader = _Reader(table, kamus, end)
    _skip_title_rows(table, reader)
    if not table.header and not reader.findings:
        reader.error("SNAPSHOT-FILE", 1, 0, "berkas kosong")
    if table.header and reader.map_header():
        seen: dict[str, int] = {}
        for line, cells in table.rows:  # streamed: a million rows never sit in memory as text
            person = reader.person(line, cells, seen)
            if person is not None:
                snapshot.people.append(person)
            elif len(reader.findings) >= MAX_FINDINGS:
                reader.error("SNAPSHOT-FILE", line, 0, f"pembacaan berkas dihentikan di baris {line}: sudah "
                             f"{len(reader.findings):,} temuan".replace(",", "."),
                             "Perbaiki dulu temuan di atas (biasanya judul kolom, pemisah, atau berkas yang salah), "
                             "lalu periksa ulang.")
                break
        reader.findings.extend(table.late_findings)
    snapshot.competencies = tuple(code for code, _ in reader.competency_index)
    snapshot.columns = frozenset(c for c in OPTIONAL if c in reader.index)
    snapshot.potensial_from_components = reader.from_components
    snapshot.findings = reader.findings
    return snapshot


def snapshot_files(source) -> list[str]:
    """The snapshot files of a source (``snapshots/<periode>.csv|.xlsx|.xls``), by period."""
    if not source.is_dir(SNAPSHOTS):
        return []
    files = [p for p in source.files(SNAPSHOTS) if p.count("/") == 1
             and PurePosixPath(p).suffix.lower() in SNAPSHOT_SUFFIXES and not PurePosixPath(p).name.startswith("~$")]
    return sorted(files, key=lambda p: (PurePosixPath(p).stem, PurePosixPath(p).suffix))
