"""Who may succeed to a post: the requirements of PP 11/2017 as amended by PP 17/2020.

A pool member is a candidate for a strategic post only when their current jenjang feeds the
post's jenjang, they do not reach the post's retirement age (BUP) too soon, are not older
than a JPT allows, and (when the snapshot has the columns) have the education, the pangkat
and the time in their jabatan the post requires. Every requirement depends on the target's
jenjang only, so it is evaluated once per pool member and target jenjang. A check whose data
is missing is "tidak diperiksa" (never silently passed); a check the policy switches off is
"tidak diatur". Every exclusion is stated with the article it comes from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..bahasa import angka, atau
from ..jenjang import (DASAR_BUP, DASAR_PENDIDIKAN, DASAR_PENGISI, DASAR_USIA, GOLONGAN, LABEL,
                       PASAL_SYARAT, PP_11, TINGKAT, dasar_pangkat)
from .nip import birth_date
from .years import DAYS_PER_YEAR, years_after, years_before

# Golongan of a PPPK (Perpres 98/2020), a scale of its own: never compared with golongan ruang.
GOLONGAN_PPPK = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
                 "XVI", "XVII")
# Education, low to high; D-IV and S1 are one step (the regulation says "sarjana atau diploma IV").
PENDIDIKAN = ("SD", "SMP", "SMA", "D-I", "D-II", "D-III", "S1/D-IV", "S2", "S3")
_PENDIDIKAN_ALIAS = {"SD": 0, "SMP": 1, "SLTP": 1, "MTS": 1, "SMA": 2, "SMK": 2, "SLTA": 2, "MA": 2,
                     "DI": 3, "D1": 3, "DII": 4, "D2": 4, "DIII": 5, "D3": 5, "DIV": 6, "D4": 6, "S1": 6,
                     "S2": 7, "S3": 8}
_PANGKAT = re.compile(r"\b(IV|III|II|I)\s*[/\-]?\s*([A-Ea-e])\b")

# The requirements in the order they are checked and reported; each is a setting of
# `talenta.suksesi` of the same name.
ATURAN_LABEL = {"jenjang_pengisi": "Jenjang pengisi", "hanya_jenjang_di_bawah": "Hanya jenjang tepat di bawah",
                "batas_usia_pensiun": "Batas usia pensiun", "usia_maksimal": "Usia paling tinggi",
                "pendidikan_minimal": "Pendidikan", "pangkat_minimal": "Pangkat",
                "masa_jabatan_minimal": "Masa dalam jenjang"}
# The snapshot columns a requirement reads, the first one present first: time in the jenjang is
# measured from `tmt_jenjang` ("sedang atau pernah menduduki" the jenjang, Pasal 107), else from
# `tmt_jabatan` (the current post only: a lower bound, said in every result).
COLUMN = {"pendidikan_minimal": ("pendidikan",), "pangkat_minimal": ("pangkat_golongan",),
          "masa_jabatan_minimal": ("tmt_jenjang", "tmt_jabatan")}


def since(person) -> tuple[dt.date | None, str]:
    """(start of the person's time in their jenjang, the column it comes from): `tmt_jenjang`
    when given, else `tmt_jabatan`."""
    if person.tmt_jenjang is not None:
        return person.tmt_jenjang, "tmt_jenjang"
    return person.tmt_jabatan, "tmt_jabatan"


def tenure_note(columns) -> str:
    """Where the time in the jenjang is measured from, for a snapshot with ``columns``."""
    if "tmt_jenjang" in columns:
        return "diukur dari TMT jenjang (kolom TMT jenjang; bila kosong, dari TMT jabatan)"
    return "diukur dari TMT jabatan: kolom TMT jenjang tidak ada dalam data kepegawaian, jadi jabatan sebelumnya " \
           "dalam jenjang yang sama tidak terhitung"


def pendidikan_rank(text: str) -> int | None:
    return _PENDIDIKAN_ALIAS.get(re.sub(r"[\s.\-]", "", text).upper())


def pangkat_rank(text: str) -> int | None:
    """`III/c`, `iii/C`, `Penata (III/c)` → its place in GOLONGAN (I/a lowest); None when no
    golongan ruang is found."""
    match = _PANGKAT.search(text.upper())
    if not match:
        return None
    golongan = f"{match[1]}/{match[2].lower()}"
    return GOLONGAN.index(golongan) if golongan in GOLONGAN else None


def pangkat_label(rank: int) -> str:
    return GOLONGAN[rank]


@dataclass(frozen=True)
class Aturan:
    """One requirement as applied to a target jenjang, named as in `suksesi[].aturan` (JSON)."""

    aturan: str  # the setting's name
    keterangan: str  # what is required, or why it is not checked ("tidak diatur", "tidak diperiksa: …")
    dasar: str  # the rule in the regulation's words (or the policy it comes from)
    diperiksa: bool


class Requirements:
    """The requirements of one target jenjang for one snapshot (its end date and columns)."""

    def __init__(self, target: str, suksesi, end: dt.date, columns: frozenset):
        self.target, self.end, self.label = target, end, LABEL[target]
        self.pasal = f"{PP_11} {PASAL_SYARAT[target]}" if target in PASAL_SYARAT else PP_11
        feeders = suksesi.feeders(target)
        self.feeders = None if feeders is None else frozenset(feeders)
        self.suksesi = suksesi
        level = suksesi.tingkat(target)
        # "just below" on the ladder of tingkat (the setingkat table places the jabatan fungsional);
        # a target the table does not place cannot be checked
        self.below = level + 1 if suksesi.hanya_jenjang_di_bawah and level is not None else None
        self.below_unplaced = suksesi.hanya_jenjang_di_bawah and level is None
        self.bup = suksesi.batas_usia_pensiun.get(target)
        self.retire_before = years_after(end, suksesi.masa_kerja_tersisa_tahun)
        # Reaching the BUP on (year + BUP, month, day) is "too soon" up to this date; a 29 February
        # birth reaches it on 1 March of a common year, which compares the same way.
        self.retire_limit = (self.retire_before.year, self.retire_before.month, self.retire_before.day)
        self.max_age = suksesi.usia_maksimal.get(target)
        minimum = suksesi.pendidikan_minimal.get(target)
        self.education = None if minimum is None else pendidikan_rank(minimum)
        minimum = suksesi.pangkat_minimal.get(target)
        self.pangkat = None if minimum is None else pangkat_rank(minimum)
        self.years = suksesi.masa_jabatan_minimal_tahun.get(target)
        # the latest start of the current jabatan that still gives `years` by the end of the period
        self.since_latest = years_before(end, self.years) if self.years is not None else None
        self.columns = columns
        self.years_left = suksesi.masa_kerja_tersisa_tahun
        self.aturan = self._describe()

    def _checked(self, name: str, setting) -> tuple[bool, str]:
        if setting is None:
            return False, "tidak diatur"
        columns = COLUMN.get(name, ())
        if columns and not any(c in self.columns for c in columns):
            named = " dan ".join(c.replace("_", " ").replace("tmt", "TMT") for c in columns)  # reader words: the site shows it
            return False, f"tidak diperiksa: kolom {named} tidak ada dalam data kepegawaian"
        return True, ""

    def _describe(self) -> list[Aturan]:
        feeders = atau(LABEL[j] for j in sorted(self.feeders, key=list(LABEL).index)) if self.feeders else ""
        self.feeder_labels = feeders
        below = (", ".join(LABEL[j] for j in self.suksesi.members(TINGKAT[self.below]))
                 if self.below is not None and self.below < len(TINGKAT) else "tidak ada")
        pengisi = DASAR_PENGISI.get(self.target, f"{PP_11}")
        rows = [
            ("jenjang_pengisi", self.feeders, f"jenjang sekarang {feeders}", pengisi),
            ("hanya_jenjang_di_bawah", self.below, f"hanya jenjang tepat di bawah jenjang jabatan sasaran: {below}",
             "kebijakan instansi (talenta.suksesi.hanya_jenjang_di_bawah; tingkat menurut talenta.suksesi.setingkat)"),
            ("batas_usia_pensiun", self.bup, f"belum mencapai BUP {self.bup} tahun sebelum "
             f"{self.retire_before.isoformat()} ({angka(self.years_left)} tahun setelah akhir periode: kebijakan instansi, "
             "talenta.suksesi.masa_kerja_tersisa_tahun)", DASAR_BUP),
            ("usia_maksimal", self.max_age, f"usia paling tinggi {self.max_age} tahun pada akhir periode", DASAR_USIA),
            ("pendidikan_minimal", self.education, "pendidikan paling rendah "
             f"{PENDIDIKAN[self.education] if self.education is not None else ''}", DASAR_PENDIDIKAN),
            ("pangkat_minimal", self.pangkat, "pangkat paling rendah "
             f"{pangkat_label(self.pangkat) if self.pangkat is not None else ''}", dasar_pangkat(self.target)),
            ("masa_jabatan_minimal", self.years, f"menduduki jenjang jabatan sekarang paling singkat "
             f"{angka(self.years or 0)} tahun pada akhir periode, {tenure_note(self.columns)}", pengisi),
        ]
        out = []
        for name, setting, wanted, dasar in rows:
            if name == "hanya_jenjang_di_bawah" and setting is None:
                if self.below_unplaced:
                    out.append(Aturan(name, f"tidak diperiksa: {self.label} tidak setingkat dengan jabatan "
                                            "administrasi atau JPT mana pun (talenta.suksesi.setingkat)", dasar, False))
                continue  # an optional policy, not a regulation: listed only when it is on
            checked, why = self._checked(name, setting)
            out.append(Aturan(name, wanted if checked else why, dasar, checked))
        return out

    def not_feeder(self, jenjang: str) -> str:
        """Why a person of ``jenjang`` does not feed the target: their jenjang, then the ones that do."""
        return f"jenjang sekarang {LABEL[jenjang]}, bukan {self.feeder_labels or 'jenjang pengisi ' + self.label}"

    def failures(self, result) -> tuple[str, ...]:
        """The names of the requirements ``result`` fails (the fast form every pool member goes
        through: no dates built, no text)."""
        person, jenjang = result.person, result.jenjang
        failed = []
        if self.feeders is not None and jenjang not in self.feeders:
            failed.append("jenjang_pengisi")
        if self.below is not None and self.suksesi.tingkat(jenjang) != self.below:
            failed.append("hanya_jenjang_di_bawah")
        if self.bup is not None or self.max_age is not None:
            born = _birth(person.nip)
            if born is not None:
                if self.bup is not None and (born[0] + self.bup, born[1], born[2]) <= self.retire_limit:
                    failed.append("batas_usia_pensiun")
                if self.max_age is not None and _age(born, self.end) > self.max_age:
                    failed.append("usia_maksimal")
        if self.education is not None and person.pendidikan is not None and "pendidikan" in self.columns \
                and person.pendidikan < self.education:
            failed.append("pendidikan_minimal")
        if self.pangkat is not None and person.pangkat_golongan is not None and "pangkat_golongan" in self.columns \
                and person.pangkat_golongan < self.pangkat:
            failed.append("pangkat_minimal")
        if self.years is not None:
            start = since(person)[0]
            if start is not None and start > self.since_latest:
                failed.append("masa_jabatan_minimal")
        return tuple(failed)

    def explain(self, result) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
        """((rule, reason in the regulation's words) for every requirement ``result`` fails,
        the requirements that could not be checked for this person)."""
        person, target, jenjang = result.person, self.label, result.jenjang
        reasons = {
            "jenjang_pengisi": lambda: f"{self.not_feeder(jenjang)} ({DASAR_PENGISI.get(self.target, PP_11)})",
            "hanya_jenjang_di_bawah": lambda: f"jenjang {LABEL[jenjang]} bukan jenjang tepat di bawah {target} "
                                              "(kebijakan instansi: talenta.suksesi.hanya_jenjang_di_bawah)",
            "batas_usia_pensiun": lambda: f"mencapai Batas Usia Pensiun {self.bup} tahun ({target}) pada "
                                          f"{years_after(birth_date(person.nip), self.bup).isoformat()}, kurang dari "
                                          f"{angka(self.years_left)} tahun setelah akhir periode (BUP: {PP_11} Pasal 239 ayat "
                                          "(2); jangka waktunya: kebijakan instansi, "
                                          "talenta.suksesi.masa_kerja_tersisa_tahun)",
            "usia_maksimal": lambda: f"berusia {_age(_birth(person.nip), self.end)} tahun pada akhir periode; usia "
                                     f"paling tinggi {self.max_age} tahun untuk {target} ({self.pasal})",
            "pendidikan_minimal": lambda: f"pendidikan {PENDIDIKAN[person.pendidikan]}; kualifikasi pendidikan paling "
                                          f"rendah {PENDIDIKAN[self.education]} untuk {target} ({self.pasal})",
            "pangkat_minimal": lambda: f"pangkat {pangkat_label(person.pangkat_golongan)} di bawah pangkat paling "
                                       f"rendah {pangkat_label(self.pangkat)} untuk {target}: {dasar_pangkat(self.target)}",
            "masa_jabatan_minimal": lambda: self._tenure(result, target),
        }
        unchecked = []
        if (self.bup is not None or self.max_age is not None) and _birth(person.nip) is None:
            unchecked.append("usia: tanggal lahir tidak terbaca dari NIP")
        for name, minimum, have in (("pendidikan_minimal", self.education, person.pendidikan),
                                    ("pangkat_minimal", self.pangkat, person.pangkat_golongan),
                                    ("masa_jabatan_minimal", self.years, since(person)[0])):
            present = [c for c in COLUMN[name] if c in self.columns]
            if minimum is not None and present and have is None:
                pppk = name == "pangkat_minimal" and person.golongan_pppk is not None
                what = ATURAN_LABEL[name].lower()
                unchecked.append(f"{what}: golongan PPPK {GOLONGAN_PPPK[person.golongan_pppk - 1]} tidak dibandingkan "
                                 "dengan golongan ruang PNS" if pppk else f"{what}: kolom {' dan '.join(present)} kosong")
        return tuple((name, reasons[name]()) for name in self.failures(result)), tuple(unchecked)


    def _tenure(self, result, target: str) -> str:
        start, column = since(result.person)
        where = "TMT jenjang" if column == "tmt_jenjang" else "TMT jabatan; jabatan sebelumnya dalam jenjang yang " \
                                                              "sama tidak terhitung"
        return (f"menduduki jenjang {LABEL[result.jenjang]} sejak {start.isoformat()} ({where}), "
                f"{angka(max((self.end - start).days / DAYS_PER_YEAR, 0), 1)} tahun; paling singkat "
                f"{angka(self.years)} tahun untuk {target} ({self.pasal})")


def _birth(nip: str) -> tuple[int, int, int] | None:
    """(year, month, day) of the birth date in a NIP, when it is a date."""
    born = birth_date(nip)
    return (born.year, born.month, born.day) if born else None


def _age(born: tuple[int, int, int], on: dt.date) -> int:
    return on.year - born[0] - ((on.month, on.day) < born[1:])
