"""The kamus configuration (``kamus.yaml``) as plain dataclasses, named as in the YAML.

A root without ``kamus.yaml`` is valid: every setting has a documented default.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..jenjang import DEFAULT_STANDARD


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


@dataclass(frozen=True)
class Versi:
    """A version of the kamus: the one in force (`versi`) or an enacted one (`riwayat`, with its git tag)."""

    label: str = ""
    tanggal: str = ""
    tag: str = ""


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
    talenta: dict = field(default_factory=dict)  # raw; see generator.talent.policy

    @property
    def jenis_wajib(self) -> tuple[str, ...]:
        """Kinds whose every berlaku competency each position must list."""
        return tuple(kode for kode, jenis in self.jenis_kompetensi.items() if jenis.wajib)

    def nama_jenis(self, kode: str) -> str:
        jenis = self.jenis_kompetensi.get(kode)
        return jenis.nama if jenis else kode

    @classmethod
    def from_data(cls, data: dict | None) -> "Config":
        """Build from schema-valid ``kamus.yaml`` data (``None`` = all defaults)."""
        data = data or {}
        jenis = {j.kode: j for j in BUILTIN_JENIS}
        for extra in data.get("jenis_kompetensi", []):
            known = jenis.get(extra["kode"])
            jenis[extra["kode"]] = JenisKompetensi(extra["kode"], extra["nama"],
                                                   extra.get("wajib", False) or bool(known and known.wajib))
        instansi, versi, situs = data.get("instansi", {}), data.get("versi", {}), data.get("situs", {})
        return cls(
            instansi=Instansi(instansi.get("nama", Instansi.nama), instansi.get("singkatan", ""),
                              instansi.get("logo", "")),
            jenis_kompetensi=jenis,
            standar_level_manajerial={**DEFAULT_STANDARD, **data.get("standar_level_manajerial", {})},
            versi=Versi(versi.get("label", ""), versi.get("tanggal", "")),
            riwayat=tuple(Versi(v.get("label", ""), v.get("tanggal", ""), v["tag"]) for v in data.get("riwayat", ())),
            situs=Situs(situs.get("url", ""), situs.get("repo_url", ""), situs.get("edit_uri", Situs.edit_uri)),
            talenta=data.get("talenta", {}),
        )
