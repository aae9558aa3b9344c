"""The mkdocs.yml of a generated Markdown project: the tool's base, what the kamus's own
mkdocs.yml may change (:mod:`generator.check.mkdocs`), and what kamus.yaml says.

Text from kamus.yaml that MkDocs prints into every page without escaping (the site name,
navigation titles) is HTML-escaped here; URLs are checked by the schema.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from markupsafe import escape

from ..check.mkdocs import OUR_ASSETS, sanitised
from ..errors import BuildError
from ..kinds import SNAPSHOTS
from ..load.mkdocs_yaml import Tagged
from ..render.pages import SiteContent
from ..resources import resource

TOOL_BASE = resource("mkdocs.yml")
PATH_SETTINGS = (("hooks",), ("INHERIT",), ("theme", "custom_dir"))  # relative to the kamus's mkdocs.yml
READING = {"pymdownx.snippets": ("base_path", "auto_append", "auto_prepend"), "pymdownx.b64": ("base_path",)}


class _Dumper(yaml.SafeDumper):
    """Plain YAML; tags the operator allowed are written back as tags."""


_Dumper.add_representer(Tagged, lambda dumper, value: (
    dumper.represent_scalar(value.tag, "" if value.python_name else str(value.value))
    if not isinstance(value.value, (list, dict)) else
    dumper.represent_sequence(value.tag, value.value) if isinstance(value.value, list) else
    dumper.represent_mapping(value.tag, value.value)))


def _absolute(config: dict, root) -> None:
    """Paths of allowed code settings, made absolute (the generated project lives elsewhere)."""
    for path in PATH_SETTINGS:
        holder = config
        for step in path[:-1]:
            holder = holder.get(step) if isinstance(holder, dict) else None
        if not isinstance(holder, dict) or path[-1] not in holder:
            continue
        value = holder[path[-1]]
        holder[path[-1]] = [str(root / v) for v in value] if isinstance(value, list) else str(root / value)


def _reading_paths(config: dict, root: Path) -> None:
    """Paths of Markdown extensions that read files, allowed by the operator: made absolute, and
    refused (even so) when they lead out of the kamus or into snapshots/ (personal data)."""
    extensions = config.get("markdown_extensions")
    entries = extensions.items() if isinstance(extensions, dict) else (
        next(iter(item.items())) for item in extensions or () if isinstance(item, dict) and len(item) == 1)
    for name, options in entries:
        if name not in READING or not isinstance(options, dict):
            continue
        if name == "pymdownx.snippets":
            options.setdefault("base_path", ["."])
            options["restrict_base_path"] = True
        for key in READING[name]:
            value = options.get(key)
            if value is None:
                continue
            paths = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
            checked = []
            for path in map(str, paths):
                resolved = (root / path).resolve()
                if not resolved.is_relative_to(root) or resolved.is_relative_to(root / SNAPSHOTS):
                    raise BuildError(f"`{name}` `{key}` menunjuk `{path}`, di luar folder kamus atau di dalam "
                                     f"{SNAPSHOTS}/; tidak diizinkan, juga dengan --izinkan-kode: data pribadi dan "
                                     "berkas mesin build tidak boleh masuk situs.")
                checked.append(str(resolved))
            options[key] = checked[0] if isinstance(value, str) else checked


def base_config(project, allow_code: bool = False) -> dict:
    """The tool's base configuration with what the kamus's own mkdocs.yml may change."""
    config = yaml.safe_load(TOOL_BASE.read_text("utf-8")) or {}
    doc, _ = project.mkdocs
    if doc is None:
        return config
    own, code = sanitised(doc.data, allow_code)
    if code and not allow_code:
        named = "; ".join(item.message for item in code)
        raise BuildError(f"mkdocs.yml kamus ini menjalankan kode saat build ({named}). Build dihentikan. "
                         "Operator yang mempercayai isi repositori ini dapat mengizinkannya dengan "
                         "`kamus build --izinkan-kode` atau KAMUS_IZINKAN_KODE=1 (lihat README, Keamanan).")
    if allow_code and project.root is not None:
        _absolute(own, project.root)
        _reading_paths(own, Path(project.root).resolve())
    config.update(own)
    for key, assets in OUR_ASSETS.items():  # the site's own CSS and JavaScript are always there
        config[key] = assets + [a for a in config.get(key) or [] if a not in assets]
    return config


def nav(content: SiteContent) -> list:
    kinds = [{f"Kompetensi {escape(label)}": f"daftar-kompetensi/{jenis}.md"}
             for jenis, label, _ in content.views.kinds()]
    return [
        {"Beranda": "index.md"},
        {"Kamus Kompetensi": ["daftar-kompetensi/index.md", *kinds]},
        {"Standar Kompetensi Jabatan": ["daftar-jabatan/index.md",
                                        {"Menurut jenjang jabatan": "daftar-jabatan/jenjang/index.md"}]},
        {"Matriks": ["matriks/index.md",
                     {"Manajerial dan sosial kultural": "matriks/manajerial-sosial-kultural.md"},
                     {"Sebaran level": "matriks/distribusi-level.md"}]},
        *([{"Cakupan SKJ": "cakupan/index.md"}] if content.coverage else []),
        *([{"Katalog Pengembangan": "pengembangan/index.md"}] if content.kamus.development else []),
        *([{"Manajemen Talenta": "talenta/index.md"}] if content.talent else []),
        *([{"Riwayat Versi": "riwayat/index.md"}] if content.history else []),
        {"Unduh": "unduh/index.md"},
        {"Referensi Data": ["referensi/index.md", {"Aturan pemeriksaan": "referensi/aturan.md"}]},
    ]


def mkdocs_config(content: SiteContent, project, extra: dict | None = None, allow_code: bool = False,
                  scripts: tuple[str, ...] = ()) -> bytes:
    """The YAML text of the project's mkdocs.yml (plain YAML; tags only where the operator allowed
    them); ``scripts`` are added to the site's own JavaScript (the preview's banner)."""
    kamus = content.kamus
    config = base_config(project, allow_code)
    config["site_name"] = str(escape(f"Kamus Kompetensi {kamus.config.instansi.nama}"))
    if kamus.config.situs.url:
        config["site_url"] = kamus.config.situs.url
    config["docs_dir"] = "docs"
    config["use_directory_urls"] = True
    config["nav"] = nav(content)
    theme = config.setdefault("theme", {})
    if content.logo:
        theme["logo"] = content.logo
        theme["favicon"] = content.logo
    if not theme.get("custom_dir"):  # the tool's own overrides (the kamus's need the operator's opt-in)
        theme["custom_dir"] = "overrides"
    config.update(extra or {})
    config["extra_javascript"] = list(config.get("extra_javascript") or []) + list(scripts)
    return yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True).encode("utf-8")
