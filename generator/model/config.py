"""The kamus configuration (``kamus.yaml``) as plain dataclasses, named as in the YAML.

A root without ``kamus.yaml`` is valid: every setting has a documented default.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace

from ..jenjang import DEFAULT_STANDARD
from .policy import TalentPolicy


@dataclass(frozen=True)
class JenisKompetensi:
    kode: str
    nama: str
    wajib: bool = False  # every position lists every berlaku competency of this kind


# The three kinds of the regulation; kamus.yaml's `jenis_kompetensi` adds further ones.
BUILTIN_JENIS = (JenisKompetensi("manajerial", "Manajerial", True),
                 JenisKompetensi("sosial_kultural", "Sosial Kultural", True),
                 JenisKompetensi("teknis", "Teknis", False))


@dataclass(frozen=True)
class Instansi:
    nama: str = "Instansi"
    singkatan: str = ""
    logo: str = ""  # path relative to the kamus root
    tempat: str = ""  # the place a document is signed in ("Sleman, 20 November 2025")


def parse_date(text: str) -> datetime.date | None:
    """``YYYY-MM-DD`` as a date, or None when it is no calendar date."""
    try:
        return datetime.date.fromisoformat(text) if len(str(text)) == 10 else None
    except ValueError:
        return None


# "Nomor 2 Tahun 2026" or "2/2026" in a version's label (not the last part of "800.1.2/15/2024").
_NOMOR_TAHUN = re.compile(r"\bnomor\s+(?P<nomor>[0-9][0-9A-Za-z.-]*)\s+tahun\s+(?P<tahun>\d{4})\b"
                          r"|(?<![\w./])(?P<nomor2>[0-9][0-9A-Za-z.-]*)\s*/\s*(?P<tahun2>\d{4})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Penandatangan:
    """Who signs the regulation: the jabatan (e.g. "Bupati Contoh") and the name."""

    jabatan: str = ""
    nama: str = ""


@dataclass(frozen=True)
class Versi:
    """A version of the kamus: the one in force (`versi`) or an enacted one (`riwayat`, with its git tag).

    The regulation fields name the Peraturan Bupati/Wali Kota whose Lampiran the kamus is:
    ``jenis_peraturan`` with the region ("Peraturan Bupati Contoh"), ``nomor``, ``tahun``,
    ``tentang``, and who signs it.
    """

    label: str = ""
    tanggal: str = ""
    tag: str = ""
    jenis_peraturan: str = ""
    nomor: str = ""
    tahun: str = ""
    tentang: str = ""
    penandatangan: Penandatangan = Penandatangan()

    @property
    def nama(self) -> str:
        """The label, or one made of the regulation fields ("Peraturan Bupati Contoh Nomor 12 Tahun 2024")."""
        if self.label:
            return self.label
        parts = [self.jenis_peraturan] + [f"{word} {value}" for word, value in (("Nomor", self.nomor),
                                                                                 ("Tahun", self.tahun)) if value]
        return " ".join(p for p in parts if p)

    @property
    def date(self) -> datetime.date | None:
        return parse_date(self.tanggal)

    def numbered(self) -> tuple[str, str]:
        """(nomor, tahun): as written, else read from the label ("Perbup 2/2026",
        "Peraturan Bupati Contoh Nomor 2 Tahun 2026"); '' where neither says."""
        nomor, tahun = self.nomor, self.tahun
        match = _NOMOR_TAHUN.search(self.label) if self.label else None
        if match:
            nomor = nomor or match["nomor"] or match["nomor2"]
            tahun = tahun or match["tahun"] or match["tahun2"]
        return nomor, tahun

    def enacted_as(self, record: "Versi") -> "Versi":
        """This `versi` (of a tagged kamus.yaml) as the `riwayat` ``record`` of its tag says it
        was enacted: label, nomor, tahun and tanggal from the record where it gives them."""
        nomor, tahun = record.numbered()
        own_nomor, own_tahun = self.numbered()
        return replace(self, label=record.label or self.label, tag=record.tag, tanggal=record.tanggal or self.tanggal,
                       nomor=nomor or own_nomor, tahun=tahun or own_tahun)

    @classmethod
    def from_data(cls, data: dict, tag: str = "") -> "Versi":
        signer = data.get("penandatangan", {})
        return cls(label=data.get("label", ""), tanggal=data.get("tanggal", ""), tag=tag or data.get("tag", ""),
                   jenis_peraturan=data.get("jenis_peraturan", ""), nomor=str(data.get("nomor", "")),
                   tahun=str(data.get("tahun", "")), tentang=data.get("tentang", ""),
                   penandatangan=Penandatangan(signer.get("jabatan", ""), signer.get("nama", "")))


@dataclass(frozen=True)
class Situs:
    url: str = ""
    repo_url: str = ""
    edit_uri: str = "edit/main/"

    def edit_link(self, path: str) -> str:
        """The address that edits ``path`` on the git host, or '' without `repo_url`."""
        if not self.repo_url:
            return ""
        return f"{self.repo_url.rstrip('/')}/{self.edit_uri.strip('/')}/{path}"


@dataclass(frozen=True)
class Config:
    instansi: Instansi = Instansi()
    # Every kind of competency by kode: the built-in ones first, then those of kamus.yaml.
    jenis_kompetensi: dict[str, JenisKompetensi] = field(default_factory=lambda: {j.kode: j for j in BUILTIN_JENIS})
    standar_level_manajerial: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_STANDARD))
    versi: Versi = Versi()
    riwayat: tuple[Versi, ...] = ()  # enacted versions, oldest first
    situs: Situs = Situs()
    talenta: TalentPolicy = field(default_factory=TalentPolicy)  # typed, every default filled in

    @property
    def jenis_wajib(self) -> tuple[str, ...]:
        """Kinds whose every berlaku competency each position must list."""
        return tuple(kode for kode, jenis in self.jenis_kompetensi.items() if jenis.wajib)

    def version_on(self, day: datetime.date) -> Versi | None:
        """The enacted version (`riwayat`) in force on ``day``: the last one enacted on or before it."""
        dated = [(v.date, index, v) for index, v in enumerate(self.riwayat) if v.date is not None and v.date <= day]
        return max(dated, key=lambda item: item[:2])[2] if dated else None

    def in_force(self) -> list[tuple[Versi, datetime.date | None, datetime.date | None]]:
        """(version, from, until) for every dated `riwayat` version, oldest first: each is in force
        from its tanggal until the day before the next one (``until`` None for the last)."""
        dated = sorted(((v.date, index, v) for index, v in enumerate(self.riwayat) if v.date is not None),
                       key=lambda item: item[:2])
        return [(v, start, dated[i + 1][0] - datetime.timedelta(days=1) if i + 1 < len(dated) else None)
                for i, (start, _, v) in enumerate(dated)]

    def nama_jenis(self, kode: str) -> str:
        jenis = self.jenis_kompetensi.get(kode)
        return jenis.nama if jenis else kode

    @classmethod
    def from_data(cls, data: dict | None) -> "Config":
        """Build from ``kamus.yaml`` data that its schema accepted (``None`` = all defaults): a
        value left out keeps its default; a kind without its kode and a version without its tag
        are left out."""
        data = data or {}
        jenis = {j.kode: j for j in BUILTIN_JENIS}
        for extra in data.get("jenis_kompetensi", []):
            if "kode" not in extra:
                continue
            known = jenis.get(extra["kode"])
            jenis[extra["kode"]] = JenisKompetensi(extra["kode"], extra.get("nama", extra["kode"]),
                                                   extra.get("wajib", False) or bool(known and known.wajib))
        instansi, versi, situs = data.get("instansi", {}), data.get("versi", {}), data.get("situs", {})
        return cls(
            instansi=Instansi(instansi.get("nama", Instansi.nama), instansi.get("singkatan", ""),
                              instansi.get("logo", ""), instansi.get("tempat", "")),
            jenis_kompetensi=jenis,
            standar_level_manajerial={**DEFAULT_STANDARD, **data.get("standar_level_manajerial", {})},
            versi=Versi.from_data(versi),
            riwayat=tuple(Versi.from_data(v) for v in data.get("riwayat", ()) if v.get("tag")),
            situs=Situs(situs.get("url", ""), situs.get("repo_url", ""), situs.get("edit_uri", Situs.edit_uri)),
            talenta=TalentPolicy.from_data(data.get("talenta")),
        )
