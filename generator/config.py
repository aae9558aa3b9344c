"""The kamus configuration (``kamus.yaml``): instansi, extra competency kinds, policy.

A root without ``kamus.yaml`` is valid: every setting has a documented default.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .jenjang import DEFAULT_STANDARD

BUILTIN_KINDS: dict[str, str] = {
    "manajerial": "Manajerial",
    "sosial_kultural": "Sosial Kultural",
    "teknis": "Teknis",
}
# Kinds whose every berlaku competency each position must list.
BUILTIN_MANDATORY = ("manajerial", "sosial_kultural")


@dataclass(frozen=True)
class Config:
    instansi_nama: str = "Instansi"
    instansi_singkatan: str = ""
    instansi_logo: str = ""
    kinds: dict[str, str] = field(default_factory=lambda: dict(BUILTIN_KINDS))
    mandatory_kinds: tuple[str, ...] = BUILTIN_MANDATORY
    standar_level_manajerial: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_STANDARD))
    versi_label: str = ""
    versi_tanggal: str = ""
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = "edit/main/"
    talenta: dict = field(default_factory=dict)  # raw; see generator.talent.policy
    riwayat: tuple = ()  # ({tag, label, tanggal}, …) from the oldest enacted version

    @classmethod
    def from_data(cls, data: dict | None) -> "Config":
        """Build from schema-valid ``kamus.yaml`` data (``None`` = all defaults)."""
        data = data or {}
        instansi = data.get("instansi", {})
        kinds = dict(BUILTIN_KINDS)
        mandatory = list(BUILTIN_MANDATORY)
        for extra in data.get("jenis_kompetensi", []):
            kinds[extra["kode"]] = extra["nama"]
            if extra.get("wajib", False) and extra["kode"] not in mandatory:
                mandatory.append(extra["kode"])
        return cls(
            instansi_nama=instansi.get("nama", cls.instansi_nama),
            instansi_singkatan=instansi.get("singkatan", ""),
            instansi_logo=instansi.get("logo", ""),
            kinds=kinds,
            mandatory_kinds=tuple(mandatory),
            standar_level_manajerial={**DEFAULT_STANDARD, **data.get("standar_level_manajerial", {})},
            versi_label=data.get("versi", {}).get("label", ""),
            versi_tanggal=data.get("versi", {}).get("tanggal", ""),
            site_url=data.get("situs", {}).get("url", ""),
            repo_url=data.get("situs", {}).get("repo_url", ""),
            edit_uri=data.get("situs", {}).get("edit_uri", cls.edit_uri),
            talenta=data.get("talenta", {}),
            riwayat=tuple(data.get("riwayat", ())),
        )
