"""The komite talenta's decisions on one period (``keputusan/<periode>.yaml``) as plain
dataclasses, named as in the YAML.

By PermenPANRB 3/2020 (as amended by 20/2025) the 9-box a computer draws is a proposal: the
komite talenta sets each person's kotak, proposes the kelompok rencana suksesi per target post
with each person's readiness, and the PPK sets the result (PP 11/2017 jo. PP 17/2020 Pasal 199
ayat (1)). These files are personal data (RAHASIA): they are read, checked and applied, never
published; the site and the change summaries count them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..bahasa import tanggal
from ..load import Document
from .config import Penandatangan

STATUS = ("draf", "ditinjau_komite", "ditetapkan")
STATUS_LABEL = {"draf": "draf", "ditinjau_komite": "ditinjau komite", "ditetapkan": "ditetapkan PPK"}
DITETAPKAN = "ditetapkan"
# The source of the kotak that stands for a person (`sumber_kotak`).
HITUNG, KOMITE = "hitung", "komite"


@dataclass(frozen=True)
class Rapat:
    """The meeting of the komite talenta that discussed the period (the Berita Acara's head)."""

    tanggal: str = ""  # YYYY-MM-DD
    nomor: str = ""  # of the Berita Acara
    tempat: str = ""
    pimpinan: Penandatangan | None = None
    peserta: tuple[Penandatangan, ...] = ()


@dataclass(frozen=True)
class Penetapan:
    """The PPK's decision that sets the kelompok rencana suksesi."""

    nomor: str = ""
    tanggal: str = ""  # YYYY-MM-DD
    penandatangan: Penandatangan | None = None


@dataclass(frozen=True)
class Nomination:
    """One row of a person's `rencana_suksesi`: a target post, the readiness, the rank among its candidates."""

    jabatan: str  # the `kode` of the target position
    kesiapan: str | None = None  # a key of `talenta.kesiapan`; None while not decided
    peringkat: int | None = None
    at: tuple = field(default=(), compare=False)  # its data path in the file (messages point at it)


@dataclass(frozen=True)
class PersonDecision:
    """One row of `pegawai`: the komite's decision about one person of the period's snapshot."""

    nip: str
    kotak: int | None = None  # None: the computed kotak stands
    alasan: str = ""
    rencana_suksesi: tuple[Nomination, ...] = ()
    catatan_pengembangan: str = ""
    at: tuple = field(default=(), compare=False)  # ("pegawai", index)

    @property
    def number(self) -> int:
        """1-based place in `pegawai` (messages say "pegawai ke-3", never the NIP)."""
        return self.at[1] + 1 if len(self.at) > 1 else 0


@dataclass(frozen=True)
class Decisions:
    """The komite's decisions on one period: one file ``keputusan/<periode>.yaml``."""

    periode: str
    status: str
    rapat: Rapat = Rapat()
    penetapan: Penetapan | None = None
    catatan: str = ""
    pegawai: tuple[PersonDecision, ...] = ()
    source: Document | None = field(default=None, compare=False, repr=False)

    @property
    def path(self) -> str:
        return self.source.path if self.source is not None else f"keputusan/{self.periode}.yaml"

    @property
    def ditetapkan(self) -> bool:
        return self.status == DITETAPKAN

    def label(self) -> str:
        """How results name the decision: "keputusan komite talenta 2025 (ditetapkan PPK, Nomor …
        tanggal …)"."""
        what = STATUS_LABEL.get(self.status, self.status)
        if self.penetapan is not None and self.penetapan.nomor:
            what += f", Nomor {self.penetapan.nomor} tanggal {tanggal(self.penetapan.tanggal)}"
        elif self.rapat.tanggal:
            what += f", rapat {tanggal(self.rapat.tanggal)}"
        return f"keputusan komite talenta {self.periode} ({what})"


def kesiapan_label(value: str | None) -> str:
    """A readiness as documents print it: `siap_1_2_tahun` → "Siap 1–2 tahun" (None: "belum diputuskan")."""
    if not value:
        return "belum diputuskan"
    words = value.split("_")
    out: list[str] = []
    for word in words:
        if word.isdigit() and out and out[-1].isdigit():
            out[-1] += "–" + word
        else:
            out.append(word)
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _official(raw) -> Penandatangan | None:
    if not isinstance(raw, dict):
        return None
    return Penandatangan(_text(raw.get("jabatan")), _text(raw.get("nama")))


def _mapping(raw) -> dict:
    return raw if isinstance(raw, dict) else {}


def _list(raw) -> list:
    return raw if isinstance(raw, list) else []


def decisions_from(doc: Document) -> Decisions:
    """The decisions of one document: of a file that passed its schema, or (for comparing
    versions) of any file that parses, whatever is malformed in it skipped."""
    d = _mapping(doc.data)
    rapat = _mapping(d.get("rapat"))
    penetapan = d.get("penetapan")
    people = []
    for i, row in enumerate(_list(d.get("pegawai"))):
        if not isinstance(row, dict) or not isinstance(row.get("nip"), str):
            continue
        nominations = tuple(
            Nomination(_text(n.get("jabatan")), n.get("kesiapan") if isinstance(n.get("kesiapan"), str) else None,
                       _int(n.get("peringkat")), ("pegawai", i, "rencana_suksesi", j))
            for j, n in enumerate(_list(row.get("rencana_suksesi"))) if isinstance(n, dict) and _text(n.get("jabatan")))
        people.append(PersonDecision(row["nip"].strip(), _int(row.get("kotak")), _text(row.get("alasan")), nominations,
                                     _text(row.get("catatan_pengembangan")), ("pegawai", i)))
    return Decisions(
        periode=_text(d.get("periode")) or doc.stem, status=_text(d.get("status")),
        rapat=Rapat(_text(rapat.get("tanggal")), _text(rapat.get("nomor")), _text(rapat.get("tempat")),
                    _official(rapat.get("pimpinan")),
                    tuple(filter(None, map(_official, _list(rapat.get("peserta")))))),
        penetapan=Penetapan(_text(penetapan.get("nomor")), _text(penetapan.get("tanggal")),
                            _official(penetapan.get("penandatangan"))) if isinstance(penetapan, dict) else None,
        catatan=_text(d.get("catatan")), pegawai=tuple(people), source=doc)
