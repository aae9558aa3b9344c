"""The mkdocs.yml of a generated Markdown project: the base file plus what kamus.yaml says."""

from __future__ import annotations

import yaml

from ..errors import ConfigError
from ..render.pages import SiteContent
from ..resources import resource

TOOL_BASE = resource("mkdocs.yml")


def base_config(source) -> dict:
    """The kamus's own mkdocs.yml when it has one, else the tool's."""
    own = source.is_file("mkdocs.yml")
    text = source.read("mkdocs.yml").decode("utf-8", "replace") if own else TOOL_BASE.read_text("utf-8")
    try:
        config = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"mkdocs.yml tidak dapat dibaca: {exc}") from exc
    if not isinstance(config, dict):
        raise ConfigError("mkdocs.yml harus berisi pemetaan pengaturan (kolom: nilai).")
    return config


def nav(content: SiteContent) -> list:
    kinds = [{f"Kompetensi {label}": f"daftar-kompetensi/{jenis}.md"} for jenis, label, _ in content.views.kinds()]
    return [
        {"Beranda": "index.md"},
        {"Kamus Kompetensi": ["daftar-kompetensi/index.md", *kinds]},
        {"Standar Kompetensi Jabatan": ["daftar-jabatan/index.md",
                                        {"Menurut jenis jabatan": "daftar-jabatan/jenjang/index.md"}]},
        {"Matriks": ["matriks/index.md",
                     {"Manajerial dan sosial kultural": "matriks/manajerial-sosial-kultural.md"},
                     {"Sebaran level": "matriks/distribusi-level.md"}]},
        *([{"Manajemen Talenta": "talenta/index.md"}] if content.talent else []),
        *([{"Riwayat Versi": "riwayat/index.md"}] if content.history else []),
        {"Referensi Data": ["referensi/index.md", {"Aturan pemeriksaan": "referensi/aturan.md"}]},
    ]


def mkdocs_config(content: SiteContent, source, extra: dict | None = None) -> bytes:
    """The YAML text of the project's mkdocs.yml (plain YAML, no tags)."""
    kamus = content.kamus
    config = base_config(source)
    config["site_name"] = f"Kamus Kompetensi {kamus.config.instansi.nama}"
    if kamus.config.situs.url:
        config["site_url"] = kamus.config.situs.url
    config["docs_dir"] = "docs"
    config["nav"] = nav(content)
    if content.logo:
        theme = config.setdefault("theme", {})
        theme["logo"] = content.logo
        theme["favicon"] = content.logo
    config.update(extra or {})
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True).encode("utf-8")
