"""Eselon: the grade of a jabatan struktural before the jenjang, and the jenjang it stands for.

Older SKJ forms and personnel exports say "STRUKTURAL" with an eselon where the jenjang
belongs. The table (SIASN's reference table of eselon, the SIMASTER table of a Pemprov, and
PP 11/2017 as amended, which names the jenjang; see README, "Formulir SKJ"):

| eselon | SIASN id | jenjang |
|---|---|---|
| I.a | 10 / 11 | JPT utama (id 10) or JPT madya (id 11): the text alone does not say which |
| I.b | 12 | JPT madya |
| II.a, II.b | 21, 22 | JPT pratama |
| III.a, III.b | 31, 32 | administrator |
| IV.a, IV.b | 41, 42 | pengawas |
| V.a, V.b | 51, 52 | none of its own: since the penyetaraan jabatan an eselon V post became a pelaksana
  or a jabatan fungsional post, as the instansi decided |

Spellings read: `II.a`, `II a`, `II.A`, `IIA`, `2A`, `2.a`, `Eselon II.a`, `Eselon 2A`, `II`
(the letter does not change the jenjang) and the two-digit SIASN ids. An eselon that gives no
jenjang is never guessed: the caller asks for the jenjang.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
_NAME = {number: roman for roman, number in _ROMAN.items()}
_JENJANG = {2: "jpt_pratama", 3: "administrator", 4: "pengawas"}
_SIASN = {"10": ("I.a", "jpt_utama"), "11": ("I.a", "jpt_madya"), "12": ("I.b", "jpt_madya")}
_WRITTEN = re.compile(r"(IV|V|I{1,3}|[1-5])([AB])?", re.I)
_IN_TEXT = re.compile(r"eselon\s*[:.\-]?\s*((?:IV|V|I{1,3}|[1-5])(?:\s*[.\-]?\s*[ab])?|\d{2})(?![A-Za-z0-9])", re.I)


@dataclass(frozen=True)
class Eselon:
    name: str  # as the table writes it: "II.a", or "II" when the letter was not written
    jenjang: str | None  # None: I.a without its SIASN id, or eselon V
    reason: str = ""  # why there is no jenjang, in Bahasa Indonesia


def read_eselon(text) -> Eselon | None:
    """The eselon ``text`` writes (a whole cell: `II.a`, `Eselon 2A`, `21`), or None when it is none."""
    text = re.sub(r"^\s*eselon\b\s*[:.\-]?", "", str(text or ""), flags=re.I).strip()
    if re.fullmatch(r"\d{2}", text):
        if text in _SIASN:
            return Eselon(*_SIASN[text])
        number, letter = int(text[0]), text[1]
        if not 2 <= number <= 5 or letter not in "12":
            return None
        return _eselon(number, "a" if letter == "1" else "b")
    match = _WRITTEN.fullmatch(re.sub(r"[\s.\-/]", "", text))
    if not match:
        return None
    number = int(match.group(1)) if match.group(1).isdigit() else _ROMAN[match.group(1).upper()]
    return _eselon(number, (match.group(2) or "").lower())


def find_eselon(text) -> Eselon | None:
    """An eselon named inside a longer text: `STRUKTURAL (Eselon III.a)`, `Struktural eselon 2B`,
    `STRUKTURAL (III.a)`."""
    match = _IN_TEXT.search(str(text or ""))
    if match:
        return read_eselon(match.group(1))
    return next(filter(None, map(read_eselon, re.findall(r"\(([^()]*)\)", str(text or "")))), None)


def _eselon(number: int, letter: str) -> Eselon:
    name = f"{_NAME[number]}.{letter}" if letter else _NAME[number]
    if number == 1:
        if letter == "b":
            return Eselon(name, "jpt_madya")
        return Eselon(name, None, "eselon I.a dipakai untuk JPT utama maupun JPT madya")
    if number == 5:
        return Eselon(name, None, "eselon V tidak punya jenjang sendiri: sejak penyetaraan jabatan, jabatannya menjadi "
                                  "jabatan pelaksana atau jabatan fungsional sesuai keputusan instansi")
    return Eselon(name, _JENJANG[number])
