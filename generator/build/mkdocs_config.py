"""The mkdocs.yml of a generated Markdown project: the base file plus what kamus.yaml says."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..render.views import Views
from ..resources import resource

TOOL_BASE = resource("mkdocs.yml")


def base_config(root: Path) -> dict:
    """The root's own mkdocs.yml when it has one, else the tool's."""
    path = Path(root) / "mkdocs.yml"
    return yaml.safe_load((path if path.is_file() else TOOL_BASE).read_text("utf-8")) or {}


def nav(views: Views) -> list:
    kamus = views.kamus
    kinds = [{f"Kompetensi {label}": f"daftar-kompetensi/{jenis}.md"} for jenis, label, _ in views.kinds()]
    return [
        {"Beranda": "index.md"},
        {"Kamus Kompetensi": ["daftar-kompetensi/index.md", *kinds]},
        {"Standar Kompetensi Jabatan": ["daftar-jabatan/index.md",
                                        {"Menurut jenis jabatan": "daftar-jabatan/jenjang/index.md"}]},
        {"Matriks": ["matriks/index.md",
                     {"Manajerial dan sosial kultural": "matriks/manajerial-sosial-kultural.md"},
                     {"Sebaran level": "matriks/distribusi-level.md"}]},
        *([{"Manajemen Talenta": "talenta/index.md"}] if kamus.snapshots else []),
        *([{"Riwayat Versi": "riwayat/index.md"}] if kamus.config.riwayat else []),
        {"Referensi Data": ["referensi/index.md", {"Aturan pemeriksaan": "referensi/aturan.md"}]},
    ]


def mkdocs_config(views: Views, root: Path, logo: str = "", extra: dict | None = None) -> bytes:
    """The YAML text of the project's mkdocs.yml (plain YAML, no tags), from the renderer's views."""
    kamus = views.kamus
    config = base_config(root)
    config["site_name"] = f"Kamus Kompetensi {kamus.config.instansi_nama}"
    if kamus.config.site_url:
        config["site_url"] = kamus.config.site_url
    config["docs_dir"] = "docs"
    config["nav"] = nav(views)
    if logo:
        theme = config.setdefault("theme", {})
        theme["logo"] = logo
        theme["favicon"] = logo
    config.update(extra or {})
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True).encode("utf-8")
