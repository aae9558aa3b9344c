"""Cell values as personnel systems export them, read one way everywhere.

- Text: a leading apostrophe (Excel's "keep as text" mark, before every SIASN NIP, NIK and
  NPWP), no-break spaces and the literal `null` of database dumps are not part of a value;
  `-`, `–` and `—` mean "no value".
- Numbers: ASCII digits with at most one decimal comma or point (:func:`parse_number`).
- Dates: `DD-MM-YYYY`, `DD/MM/YYYY`, `YYYY-MM-DD` (with or without a time), Excel serial
  numbers, and month-first `MM-DD-YYYY` in a file whose dates say so (:class:`Dates`).
- Codes of SIASN: golongan ids (`31` = III/a), PPPK golongan I–XVII (a scale of its own),
  tingkat pendidikan ids and names, JENIS JABATAN ids and names, hukuman disiplin tingkat
  (`R`/`S`/`B` or the name of the penalty), predikat kinerja in any case.
"""

from __future__ import annotations

import datetime as dt
import re

from ...model.policy import PREDIKAT
from ...rules import finding
from ..eligibility import GOLONGAN_PPPK, PENDIDIKAN, pangkat_rank, pendidikan_rank

NO_VALUE = frozenset({"", "-", "–", "—", "null"})


_PLAIN_START = frozenset("'-–—nN\u00a0")


def clean(text: str) -> str:
    """A cell as a value: no-break spaces, surrounding space, one leading apostrophe and the
    no-value marks (`null`, `-`, `–`, `—`) removed."""
    if text and text[0] not in _PLAIN_START and not text[0].isspace() and not text[-1].isspace() \
            and "\u00a0" not in text:
        return text  # the usual cell, as fast as it can be
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    text = text.strip()
    if text.startswith("'"):
        text = text[1:].strip()
    return "" if text.lower() in NO_VALUE else text


def normalise(header: str) -> str:
    """A column header as it is compared: case, spaces, `_` and `-` ignored (`NIP BARU` =
    `nip_baru` = `nipBaru`)."""
    return re.sub(r"[\s_\-\u00a0]+", "", header.strip().lstrip("\ufeff")).lower()


_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?", re.ASCII)


def parse_number(text: str) -> float | None:
    """A number as Indonesian-locale Excel writes it: ASCII digits with at most one decimal
    comma or point (``3,5``, ``82.50``), nothing else (no exponent, no ``_``, no other
    digit systems, no thousands separators: scores and levels never need them)."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    return float(text.replace(",", "."))


# --- dates ----------------------------------------------------------------------------------

_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$", re.ASCII)
_YMD = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$", re.ASCII)
_SERIAL = re.compile(r"^[1-9][0-9]{4}(?:[.,][0-9]+)?$", re.ASCII)  # 10000 = 1927-05-18 … 99999 = 2173
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str, month_first: bool = False) -> dt.date | None:
    """A date as exports write it; `a-b-YYYY` is day first unless ``month_first``."""
    text = text.strip().split("T")[0].split(" ")[0]
    match = _DMY.match(text)
    if match:
        a, b, year = int(match[1]), int(match[2]), int(match[3])
        return _date(year, a, b) if month_first else _date(year, b, a)
    match = _YMD.match(text)
    if match:
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if _SERIAL.match(text):
        return _EXCEL_EPOCH + dt.timedelta(days=int(float(text.replace(",", "."))))
    return None


class Dates:
    """The dates of one file. Day and month may come in either order (a talent application
    writes `m-d-Y`); a file is read month first only when some date can only be month first
    (`03-25-2024`) and none can only be day first (`25-03-2024`). Dates whose order the file
    has not decided yet are kept as their text and read by :meth:`finish`."""

    def __init__(self):
        self.cache: dict[str, object] = {}  # text → date, None (no date), or the text (order open)
        self.day_first: tuple[int, int] | None = None  # (line, column) of the first day-first-only date
        self.month_first: list[tuple[int, int, str]] = []  # (line, column, text) of month-first-only dates
        self.open = False  # some date reads differently in the two orders

    def read(self, text: str, line: int, column: int):
        """The date in ``text``: a date, None when it is none, or ``text`` while the order is open."""
        value = self.cache.get(text, self)
        if value is self:
            value = self.cache[text] = self._first(text)
        if value is not None and value.__class__ is str:
            self.open = True
        elif value is None:
            match = _DMY.match(text.strip().split("T")[0].split(" ")[0])
            if match and int(match[1]) <= 12 < int(match[2]):
                self.month_first.append((line, column, text))
                return text
        elif self.day_first is None and self._day_only(text):
            self.day_first = (line, column)
        return value

    @staticmethod
    def _day_only(text: str) -> bool:
        match = _DMY.match(text.strip().split("T")[0].split(" ")[0])
        return bool(match) and int(match[1]) > 12 >= int(match[2])

    @staticmethod
    def _first(text: str):
        match = _DMY.match(text.strip().split("T")[0].split(" ")[0])
        if match and int(match[1]) <= 12 and int(match[2]) <= 12 and match[1].lstrip("0") != match[2].lstrip("0"):
            return text  # 03-04-2024: the 3rd of April or the 4th of March, as the file decides
        return parse_date(text)

    @property
    def month_first_file(self) -> bool:
        return bool(self.month_first) and self.day_first is None

    def resolve(self, value):
        """A value :meth:`read` gave, once the file is read: a date or None."""
        if value is None or value.__class__ is not str:
            return value
        return parse_date(value, self.month_first_file)

    @property
    def pending(self) -> bool:
        """True when some value :meth:`read` gave is still text (:meth:`resolve` it)."""
        return self.open or bool(self.month_first)

    def report(self, path: str, header_line: int, exported: bool, error) -> list:
        """The findings on the order of the file's dates: ``error(rule, line, column, message,
        hint)`` for every month-first date in a day-first file; notices returned."""
        if self.month_first and self.day_first is not None:
            for line, column, text in self.month_first:
                error("SNAPSHOT-DATE", line, column, f"tanggal `{text}` bukan tanggal hari-bulan-tahun, padahal berkas "
                      f"ini menulis hari lebih dulu (baris {self.day_first[0]})",
                      "Tulis semua tanggal berkas ini dengan urutan yang sama, sebaiknya DD-MM-YYYY.")
        elif self.month_first_file:
            line, column, _ = self.month_first[0]
            return [finding("SNAPSHOT-DATE-ORDER", path, line, column + 1, "tanggal di berkas ini ditulis bulan lebih "
                            f"dulu (MM-DD-YYYY), terlihat dari baris {line}; semua tanggalnya dibaca begitu")]
        elif self.open and exported:  # our own layout is documented as DD-MM-YYYY
            return [finding("SNAPSHOT-DATE-ORDER", path, header_line, 1, "tidak ada tanggal di berkas ini yang "
                            "memastikan urutan hari dan bulan; dibaca DD-MM-YYYY (hari lebih dulu)")]
        return []


# --- codes -----------------------------------------------------------------------------------

def _key(text: str) -> str:
    return re.sub(r"[\s_./\-]+", "", text).casefold()


PREDIKAT_ALIAS = {_key(p): p for p in PREDIKAT}
# SIASN writes KURANG for "Kurang/Misconduct"; Pemkot Banjarmasin labels Butuh Perbaikan
# "Sedang/Butuh Perbaikan".
PREDIKAT_ALIAS.update({_key("Sedang/Butuh Perbaikan"): "Butuh Perbaikan", _key("Misconduct"): "Kurang/Misconduct"})
NO_SKP = frozenset({_key("Tidak membuat SKP"), _key("Belum dinilai"), _key("Tidak ada SKP")})


def predikat(text: str) -> str | None:
    """The predikat kinerja of PermenPANRB 6/2022 in ``text`` (any case), or None."""
    return PREDIKAT_ALIAS.get(_key(text))


def no_skp(text: str) -> bool:
    """True for the words an e-Kinerja export writes where a person has no SKP that year."""
    return _key(text) in NO_SKP


# Golongan ruang by SIASN id: 11 = I/a … 14 = I/d, 21 = II/a …, 31 = III/a …, 41 = IV/a … 45 = IV/e.
GOLONGAN_ID = {f"{tier}{letter}": f"{roman}/{'abcde'[letter - 1]}"
               for tier, roman in ((1, "I"), (2, "II"), (3, "III"), (4, "IV"))
               for letter in range(1, 6 if tier == 4 else 5)}
_PPPK = re.compile(r"^(?:gol(?:ongan)?\.?\s*)?([IVX]{1,5})$", re.I)


def golongan(text: str) -> tuple[int | None, int | None]:
    """(rank of the golongan ruang of a PNS, golongan of a PPPK 1–17) of ``text``: `III/c`,
    `Penata (III/c)`, a SIASN id `33`; `IX` or `Golongan IX` is the PPPK scale, never
    compared with the PNS one. (None, None) when it is neither."""
    text = text.strip()
    if text.isdigit():
        name = GOLONGAN_ID.get(text.lstrip("0") if len(text) > 2 else text)
        return (pangkat_rank(name) if name else None), None
    rank = pangkat_rank(text)
    if rank is not None:
        return rank, None
    match = _PPPK.match(text)
    if match and match[1].upper() in GOLONGAN_PPPK:
        return None, GOLONGAN_PPPK.index(match[1].upper()) + 1
    return None, None


# SIASN tingkat pendidikan, id → (name, place in eligibility.PENDIDIKAN). Profesi counts as S1,
# Spesialis as S2 and Subspesialis as S3: each is entered after that degree (the documented rule).
TINGKAT_PENDIDIKAN = {
    "05": ("Sekolah Dasar", 0), "10": ("SLTP", 1), "12": ("SLTP Kejuruan", 1), "15": ("SLTA", 2),
    "17": ("SLTA Kejuruan", 2), "18": ("SLTA Keguruan", 2), "20": ("Diploma I", 3), "25": ("Diploma II", 4),
    "30": ("Diploma III/Sarjana Muda", 5), "35": ("Diploma IV", 6), "40": ("S-1/Sarjana", 6), "42": ("Profesi", 6),
    "45": ("S-2", 7), "47": ("Spesialis", 7), "49": ("Subspesialis", 8), "50": ("S-3/Doktor", 8),
}
_TINGKAT_NAME = {_key(name): rank for name, rank in TINGKAT_PENDIDIKAN.values()}
_TINGKAT_NAME.update({_key("SD"): 0, _key("S1"): 6, _key("S2"): 7, _key("S3"): 8, _key("Sarjana"): 6,
                      _key("Doktor"): 8, _key("Magister"): 7, _key("Diploma III"): 5})
PENDIDIKAN_SIASN = ", ".join(f"{kode} {name}" for kode, (name, _) in TINGKAT_PENDIDIKAN.items())


def pendidikan(text: str) -> int | None:
    """The place in :data:`~..eligibility.PENDIDIKAN` of an education level: ours (`S1`, `D-III`),
    a SIASN id (`40`) or a SIASN name (`S-1/Sarjana`, `Diploma III/Sarjana Muda`)."""
    text = text.strip()
    if text.isdigit():
        found = TINGKAT_PENDIDIKAN.get(text.zfill(2))
        return found[1] if found else None
    rank = pendidikan_rank(text)
    return rank if rank is not None else _TINGKAT_NAME.get(_key(text))


PENDIDIKAN_OURS = f"{', '.join(PENDIDIKAN)} (D-IV setara S1)"

# JENIS JABATAN: the kind of post. SIASN ids (1 struktural, 2 fungsional tertentu, 3 rangkap,
# 4 fungsional umum = pelaksana) are read only in a SIASN export: other systems number differently.
STRUKTURAL, FUNGSIONAL, PELAKSANA = "struktural", "fungsional", "pelaksana"
JENIS_JABATAN_ID = {"1": STRUKTURAL, "2": FUNGSIONAL, "4": PELAKSANA}
_JENIS_WORDS = ((("struktural", "pimpinan tinggi", "administrator", "pengawas"), STRUKTURAL),
                (("fungsional umum", "pelaksana", "jfu"), PELAKSANA),
                (("fungsional", "jft"), FUNGSIONAL))


def jenis_jabatan(text: str) -> str | None:
    """struktural / fungsional / pelaksana from a JENIS JABATAN name, None when it says none."""
    lowered = " ".join(text.lower().split())
    for words, kind in _JENIS_WORDS:
        if any(word in lowered for word in words):
            return kind
    return None


def jenis_of_jenjang(jenjang: str) -> str:
    if jenjang.startswith("fungsional_"):
        return FUNGSIONAL
    return PELAKSANA if jenjang == "pelaksana" else STRUKTURAL


# Hukuman disiplin: the tingkat (PP 94/2021 Pasal 8), from SIASN's jenisTingkatHukumanId
# (R/S/B), our words, or the name of the penalty (SIASN's jenis hukuman, PP 53/2010 and PP 94/2021).
HUKUMAN = ("tidak", "ringan", "sedang", "berat")
HUKUMAN_CHOICES = ", ".join(HUKUMAN)
TINGKAT_HUKUMAN = {"tidak": "tidak", "ringan": "ringan", "sedang": "sedang", "berat": "berat",
                   "r": "ringan", "s": "sedang", "b": "berat"}
_PENALTY_WORDS = (("ringan", ("teguran", "pernyataan tidak puas", "sanksi moral")),
                  ("sedang", ("penundaan", "penurunan gaji", "pemotongan tunjangan", "pemotongan tukin")),
                  ("berat", ("penurunan pangkat", "penurunan jabatan", "pembebasan dari jabatan", "pemindahan",
                             "pemberhentian", "pengaktifan hukuman")))


def tingkat_hukuman(text: str) -> str | None:
    """ringan / sedang / berat (or tidak) from a tingkat or the name of a penalty, None when unknown."""
    lowered = " ".join(text.lower().split())
    if lowered in TINGKAT_HUKUMAN:
        return TINGKAT_HUKUMAN[lowered]
    if lowered.startswith("hukuman disiplin "):
        return TINGKAT_HUKUMAN.get(lowered.removeprefix("hukuman disiplin "))
    # "penurunan pangkat 1 tingkat 1 thn" is sedang (PP 53/2010 Pasal 7 ayat (3)); for 3 years it is berat
    if "penurunan pangkat" in lowered and ("1 thn" in lowered or "1 tahun" in lowered) and "3" not in lowered:
        return "sedang"
    for tingkat, words in _PENALTY_WORDS:
        if any(word in lowered for word in words):
            return tingkat
    return None


SEX = {"m": "1", "l": "1", "pria": "1", "laki-laki": "1", "laki laki": "1",
       "f": "2", "p": "2", "wanita": "2", "perempuan": "2"}


def sex_digit(text: str) -> str | None:
    """The NIP's sex digit (1 male, 2 female) of a JENIS KELAMIN value: M/F, L/P, words."""
    return SEX.get(" ".join(text.lower().split()))
