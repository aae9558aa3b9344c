"""The NIP (Nomor Induk Pegawai) of a PNS, or the NI of a PPPK: 18 ASCII digits.

Layout (Peraturan Kepala BKN 43/2007 for the PNS; the NI PPPK follows it): birth date
``YYYYMMDD`` · year of first appointment ``YYYY`` · two digits (the month of the CPNS
appointment for a PNS; the number of work agreements for a PPPK, so they are not
checked) · sex ``1`` or ``2`` · sequence ``001``–``999``. Spaces and dots are removed.

Excel keeps 15 significant digits: an 18-digit number loses its last three (they become
``000``), and a short number format shows it as ``1,99E+17``. Both are named with that cause.

A problem's message never quotes the NIP (not even a part of it): findings go to CI logs and
PR summaries, and the row and column of the finding are enough to find it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_DIGITS = re.compile(r"[0-9]{18}", re.ASCII)
_SCIENTIFIC = re.compile(r"(\d+)(?:[.,](\d+))?[eE]\+?(\d+)", re.ASCII)
_EXCEL_HINT = ("Di Excel, format kolom NIP sebagai Text sebelum mengisi/menempel NIP (atau awali NIP dengan "
               "tanda petik '), isi ulang NIP dari sumber aslinya, lalu ekspor ulang. Excel hanya menyimpan 15 angka "
               "penting, sehingga angka ke-16 sampai ke-18 hilang.")


@dataclass(frozen=True)
class NipProblem:
    rule: str  # SNAPSHOT-EMPTY, SNAPSHOT-NIP or SNAPSHOT-NIP-EXCEL
    message: str
    hint: str | None = None


def clean(text: str) -> str:
    return text.strip().lstrip("'").replace(" ", "").replace("\u00a0", "").replace(".", "")


def birth_date(nip: str) -> dt.date | None:
    """The birth date in the first 8 digits (PNS and PPPK alike), when they are a date."""
    try:
        return dt.date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return None


def check_nip(text: str, period_end: dt.date) -> tuple[str, NipProblem | None]:
    """(the NIP without spaces and dots, the problem or None)."""
    written = text.strip()
    scientific = _SCIENTIFIC.fullmatch(written.replace(" ", ""))
    if scientific:
        shown = len(scientific[1]) + len(scientific[2] or "")
        return "", NipProblem("SNAPSHOT-NIP-EXCEL", "NIP di sel ini sudah dirusak Excel menjadi bilangan berpangkat "
                                                    f"(E+); hanya {shown} angka yang tersisa, {18 - shown} angka hilang",
                              _EXCEL_HINT)
    nip = clean(text)
    if not nip:
        return "", NipProblem("SNAPSHOT-EMPTY", "`nip` kosong")
    if not _DIGITS.fullmatch(nip):
        if len(nip) == 18 and nip.isdigit():
            return nip, NipProblem("SNAPSHOT-NIP", "NIP di sel ini berisi angka selain 0–9 (misalnya angka lebar "
                                                   "penuh atau angka Arab)",
                                   "Ketik ulang NIP dengan angka biasa 0–9.")
        digits = sum(c.isdigit() for c in nip)
        other = len(nip) - digits
        return nip, NipProblem("SNAPSHOT-NIP", f"NIP di sel ini bukan 18 angka: {digits} angka"
                                               + (f" dan {other} karakter lain" if other else ""))
    if nip.endswith("000"):
        return nip, NipProblem("SNAPSHOT-NIP-EXCEL", "NIP di sel ini berakhir 000: nomor urut tidak pernah 000; "
                                                     "tanda NIP yang dibulatkan Excel ke 15 angka penting",
                               _EXCEL_HINT)
    birth = birth_date(nip)
    latest = max(period_end.year, dt.date.today().year) + 1
    if birth is None or not 1930 <= birth.year <= latest - 16:
        return nip, NipProblem("SNAPSHOT-NIP", "8 angka pertama NIP di sel ini bukan tanggal lahir yang sah "
                                               "(TTTTBBHH, tahun 1930 atau sesudahnya)")
    appointed = int(nip[8:12])
    if not birth.year + 15 <= appointed <= latest:
        return nip, NipProblem("SNAPSHOT-NIP", "angka ke-9 sampai ke-12 NIP di sel ini bukan tahun pengangkatan "
                                               "yang mungkin (paling cepat 15 tahun sesudah tahun lahir dalam NIP)")
    if nip[14] not in "12":
        return nip, NipProblem("SNAPSHOT-NIP", "angka ke-15 NIP di sel ini harus 1 (pria) atau 2 (wanita)")
    return nip, None
