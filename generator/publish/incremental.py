"""Which pages an edit touches, for the live preview.

The preview re-validates the whole kamus after every save (as `kamus validate` would), but
re-renders only the pages that show something of the files that changed: a competency's
own page, the positions that require it, their units' matrices, the indexes with counts,
the talent pages, and so on, as the page registry says what each page shows
(:func:`generator.render.pages.plan`). Anything broader — kamus.yaml, the development
catalog, the templates, mkdocs.yml, the snapshots, the komite's decisions — makes the preview
render everything again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kinds import CONFIG, DECISION, DEVELOPMENT, UNIT, kind_of
from ..render.pages import ANY, SiteContent, registry


@dataclass
class Edit:
    """What changed between two loads of the same kamus."""

    everything: bool = False  # kamus.yaml or a file outside the data changed: render all pages
    subjects: set[tuple[str, str]] = field(default_factory=set)  # (objek, kode) whose file changed


def _subject(loaded) -> tuple[str, str] | None:
    """(objek, kode) of a loaded entry file (a competency, unit or position); None otherwise."""
    kind, doc = kind_of(loaded.file.path), loaded.doc
    if kind is None or not kind.objek:
        return None
    if kind is UNIT:
        return kind.objek, loaded.file.folder
    kode = doc.get("kode") if doc is not None and isinstance(doc.data, dict) else None
    return kind.objek, kode if isinstance(kode, str) else loaded.file.stem


def edit_between(old_documents, new_documents) -> Edit:
    """The subjects whose files changed, were added or were removed. Unchanged files come
    back from the document cache as the very same objects, so identity is the test."""
    old = {loaded.file.path: loaded for loaded in old_documents.all()}
    new = {loaded.file.path: loaded for loaded in new_documents.all()}
    edit = Edit()
    for path in set(old) | set(new):
        before, after = old.get(path), new.get(path)
        if before is after:
            continue
        if kind_of(path) in (CONFIG, DEVELOPMENT, DECISION):  # settings, the catalog, the komite's decisions:
            edit.everything = True  # they feed many pages, the plans and the talent results
        for loaded in (before, after):
            subject = _subject(loaded) if loaded is not None else None
            if subject:
                edit.subjects.add(subject)
    return edit


def affected_pages(old: SiteContent, new: SiteContent, edit: Edit) -> set[str] | None:
    """The pages (paths below docs/) that show something the edit changed; None = all of them.
    What each page shows comes from the page registry (:func:`generator.render.pages.plan`), of
    the content before and after the edit: a requirement removed touches the old pages too."""
    if edit.everything:
        return None
    edited = edit.subjects | {(objek, ANY) for objek, _ in edit.subjects}
    return {path for content in (old, new) for path, shows in registry(content).items() if shows & edited}


def own_pages(edit: Edit) -> set[str]:
    """The pages of the edited subjects themselves (what the editor is looking at)."""
    paths = {"kompetensi": "kompetensi/{}.md", "jabatan": "jabatan/{}.md", "unit": "daftar-jabatan/unit/{}.md"}
    return {paths[objek].format(kode) for objek, kode in edit.subjects}


def talent_touched(old: SiteContent, new: SiteContent, edit: Edit) -> bool:
    """True when the talent aggregates or the SKJ coverage may differ while the site shows them:
    an entry changed (required levels, units, positions, strategic posts, a competency's name or kind)."""
    shown = new.talent or old.talent or new.coverage or old.coverage
    return edit.everything or bool(shown) and bool(edit.subjects)
