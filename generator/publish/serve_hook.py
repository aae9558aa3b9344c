"""MkDocs hook used by `kamus serve` (named in the generated mkdocs.yml).

MkDocs loads this module afresh for every build of the preview, so ``_preview`` holds
the state of one build only: refreshed before the build, shown on each of its pages.
"""

from pathlib import Path

from generator.publish.preview import Preview

_preview: Preview | None = None


def on_pre_build(config, **kwargs):
    global _preview
    _preview = Preview.of_project(Path(config.config_file_path).parent)
    _preview.refresh()


def on_page_markdown(markdown, page, config, files, **kwargs):
    return (_preview.banner() if _preview else "") + markdown
