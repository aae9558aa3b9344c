"""MkDocs hook used by `kamus serve` (named in the generated mkdocs.yml)."""

from pathlib import Path

from generator.build import preview


def on_pre_build(config, **kwargs):
    preview.refresh(Path(config.config_file_path).parent)


def on_page_markdown(markdown, page, config, files, **kwargs):
    return preview.banner() + markdown
