"""Which pages an edit touches, for the live preview.

The preview re-validates the whole kamus after every save (as `kamus validate` would), but
re-renders only the pages that show something of the files that changed: a competency's
own page, the positions that require it, their units' matrices, the indexes with counts,
and so on. Anything broader — kamus.yaml, the templates, mkdocs.yml, the snapshots, the
komite's decisions — makes the preview render everything again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kinds import CONFIG, DECISION, DEVELOPMENT, UNIT, kind_of
from ..render.pages import SiteContent

# Pages that count or list everything: cheap, and touched by almost any edit.
ALWAYS = ("index.md", "daftar-kompetensi/index.md", "daftar-jabatan/index.md", "daftar-jabatan/jenjang/index.md",
          "matriks/index.md", "matriks/manajerial-sosial-kultural.md", "matriks/distribusi-level.md")


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


def _for_competency(content: SiteContent, kode: str, pages: set, units: set) -> None:
    competency = content.kamus.competencies.get(kode)
    pages.add(f"kompetensi/{kode}.md")
    if competency is not None:
        pages.add(f"daftar-kompetensi/{competency.jenis}.md")
    for positions in content.views.used_by.get(kode, {}).values():
        for position in positions:
            pages.add(f"jabatan/{position.kode}.md")
            units.add(position.unit)
    for other in content.kamus.competencies.values():  # pages that name it as a replacement
        if kode in other.diganti_oleh:
            pages.add(f"kompetensi/{other.kode}.md")


def _for_position(content: SiteContent, kode: str, pages: set, units: set) -> None:
    position = content.kamus.positions.get(kode)
    pages.add(f"jabatan/{kode}.md")
    for bawahan in content.views.bawahan.get(kode, []):
        pages.add(f"jabatan/{bawahan.kode}.md")
    if position is None:
        return
    units.add(position.unit)
    pages.add(f"daftar-jabatan/jenjang/{position.jenjang}.md")
    if position.atasan:
        pages.add(f"jabatan/{position.atasan}.md")
    pages.update(f"kompetensi/{r.kode}.md" for r in position.kompetensi)


def _for_unit(content: SiteContent, kode: str, pages: set, units: set) -> None:
    units.add(kode)
    for position in content.kamus.positions_in(kode):
        pages.add(f"jabatan/{position.kode}.md")
        pages.add(f"daftar-jabatan/jenjang/{position.jenjang}.md")
    for unit in content.kamus.units.values():  # units that name it as their parent
        if unit.induk == kode:
            pages.add(f"daftar-jabatan/unit/{unit.kode}.md")


def affected_pages(old: SiteContent, new: SiteContent, edit: Edit) -> set[str] | None:
    """The pages (paths below docs/) that show something the edit changed; None = all of them."""
    if edit.everything:
        return None
    pages, units = set(ALWAYS), set()
    rules = {"kompetensi": _for_competency, "jabatan": _for_position, "unit": _for_unit}
    for objek, kode in edit.subjects:
        for content in (old, new):  # before and after: a requirement removed touches the old pages too
            rules[objek](content, kode, pages, units)
    for unit in units:
        pages.update((f"daftar-jabatan/unit/{unit}.md", f"matriks/unit/{unit}.md"))
    return pages


def own_pages(edit: Edit) -> set[str]:
    """The pages of the edited subjects themselves (what the editor is looking at)."""
    paths = {"kompetensi": "kompetensi/{}.md", "jabatan": "jabatan/{}.md", "unit": "daftar-jabatan/unit/{}.md"}
    return {paths[objek].format(kode) for objek, kode in edit.subjects}


def talent_touched(old: SiteContent, new: SiteContent, edit: Edit) -> bool:
    """True when the talent aggregates may differ: a position or unit changed (required levels,
    units, strategic posts) while the site shows talent pages."""
    return edit.everything or bool(new.talent or old.talent) and any(objek != "kompetensi" for objek, _ in edit.subjects)
