"""The live preview keeps up: an edit re-reads only the edited file, renders the edited
file's page first and the pages it touches second, and MkDocs rebuilds only those.

Real parts: a copy of the demo kamus, the Preview object the server drives, real MkDocs
dirty builds, the real search index."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import REPO, copy_kamus
from generator.publish import preview as preview_module
from generator.project import Project
from generator.publish.preview import Preview


@pytest.fixture(scope="module")
def kamus(tmp_path_factory):
    return copy_kamus(REPO, tmp_path_factory.mktemp("kamus"), ("competencies", "positions", "development", "kamus.yaml"))


@pytest.fixture
def preview(kamus, tmp_path):
    started = Preview(Project.open(kamus), tmp_path)
    started.asked = []
    started.request_rebuild = lambda: started.asked.append(1)
    started.rebuild()
    assert started.problem == ""
    return started


def rendered_pages(monkeypatch) -> list:
    """Record which pages each rebuild renders."""
    calls = []
    original = preview_module.render_pages

    def recording(content, templates, workers=None, wanted=None):
        calls.append(None if wanted is None else set(wanted))
        return original(content, templates, workers=workers, wanted=wanted)

    monkeypatch.setattr(preview_module, "render_pages", recording)
    return calls


def edit(path, old: str, new: str) -> str:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return text


def test_a_saved_position_reaches_its_page_first_and_the_related_pages_second(kamus, preview, monkeypatch):
    calls = rendered_pages(monkeypatch)
    before = {loaded.file.path: loaded for loaded in preview.project.documents.all()}
    path = kamus / "positions" / "BKPSDM" / "BKPSDM.KABAN.yaml"
    original = edit(path, "nama: Kepala Badan", "nama: Kepala Badan Pratinjau")
    try:
        preview.rebuild()
        assert preview.problem == ""
        # every other file came from the previous reading, as the very same object
        after = {loaded.file.path: loaded for loaded in preview.project.documents.all()}
        reread = [p for p in after if after[p] is not before.get(p)]
        assert reread == ["positions/BKPSDM/BKPSDM.KABAN.yaml"]
        # first pass: only the edited position's page, and a second pass was asked for
        assert calls == [{"jabatan/BKPSDM.KABAN.md"}] and preview.asked == [1]
        page = preview.site_dir / "jabatan" / "BKPSDM.KABAN" / "index.html"
        assert "Kepala Badan Pratinjau" in page.read_text("utf-8")
        unit_page = preview.site_dir / "daftar-jabatan" / "unit" / "BKPSDM" / "index.html"
        assert "Kepala Badan Pratinjau" not in unit_page.read_text("utf-8")

        preview.rebuild()  # the second pass the server runs
        assert len(calls) == 2 and "daftar-jabatan/unit/BKPSDM.md" in calls[1]
        assert len(calls[1]) < 60  # related pages only, not the whole site (about 150 pages)
        assert "Kepala Badan Pratinjau" in unit_page.read_text("utf-8")
        index = json.loads((preview.site_dir / "search" / "search_index.json").read_text("utf-8"))
        titles = [doc["title"] for doc in index["docs"]]
        assert any("Kepala Badan Pratinjau" in title for title in titles)
        assert len(index["docs"]) == len(preview.search["docs"])  # merged, not replaced by the dirty build's few
    finally:
        path.write_text(original, "utf-8")
        preview.rebuild()
        preview.rebuild()


def test_a_broken_save_keeps_the_pages_and_reports_the_problem(kamus, preview):
    path = kamus / "competencies" / "teknis" / "T.SDM.01.yaml"
    page = preview.site_dir / "kompetensi" / "T.SDM.01" / "index.html"
    good = page.read_text("utf-8")
    original = edit(path, "level:\n", "level: [\n")
    try:
        preview.rebuild()
        status = json.loads((preview.site_dir / preview_module.STATUS_FILE).read_text("utf-8"))
        assert "T.SDM.01.yaml" in preview.problem and "T.SDM.01.yaml" in json.dumps(status)
        assert page.read_text("utf-8") == good
    finally:
        path.write_text(original, "utf-8")
        preview.rebuild()
    assert preview.problem == ""


def test_a_settings_change_renders_everything(kamus, preview, monkeypatch):
    calls = rendered_pages(monkeypatch)
    path = kamus / "kamus.yaml"
    original = edit(path, "singkatan: Pemkab Contoh", "singkatan: Pemkab Pratinjau")
    try:
        preview.rebuild()
        assert calls == [None]
    finally:
        path.write_text(original, "utf-8")
        preview.rebuild()


@pytest.fixture(scope="module")
def full_demo(tmp_path_factory):
    """The demo kamus with its snapshots (talent pages) and development catalog."""
    root = tmp_path_factory.mktemp("lengkap") / "kamus"
    shutil.copytree(REPO, root, ignore=lambda folder, names: [n for n in names if n not in KEPT] if folder == str(REPO)
                    else [])
    return root


KEPT = {"competencies", "positions", "development", "snapshots", "kamus.yaml"}

# (file, text, replacement, a page it changes): edits of every kind of entry a page can show
EDITS = [
    ("competencies/teknis/T.KEU.01.yaml", "nama: Penganggaran Daerah", "nama: Penganggaran Daerah Baru",
     "pengembangan/T.KEU.01.md"),
    ("competencies/manajerial/M.1.yaml", "nama: Integritas", "nama: Integritas Baru", "talenta/pengembangan-2025.md"),
    ("positions/BPKAD/BPKAD.KABID_ANGGARAN.yaml", "nama: Kepala Bidang Anggaran", "nama: Kepala Bidang APBD",
     "talenta/2025.md"),
    ("positions/BPKAD/BPKAD.KABID_ANGGARAN.yaml", "{kode: T.KEU.01, level: 4}", "{kode: T.KEU.01, level: 5}",
     "talenta/pengembangan-2025.md"),
    ("positions/BPKAD/_unit.yaml", "singkatan: BPKAD", "singkatan: BPKAD Baru", "kompetensi/M.1.md"),
    ("positions/BPKAD/_unit.yaml", "nama: Badan Pengelolaan Keuangan dan Aset Daerah", "nama: Badan Keuangan Daerah",
     "cakupan/index.md"),
]


@pytest.mark.parametrize("path, old, new, page", EDITS, ids=[f"{p.rsplit('/', 1)[1]}:{n}" for p, _, n, _ in EDITS])
def test_the_preview_renders_again_every_page_an_edit_changes(full_demo, path, old, new, page):
    """Whatever a page shows (talent and catalog pages, counts, matrices, a new kind of page),
    an edit that changes its rendering is among the pages the preview renders again: the page
    registry says what each page shows, and here the whole site is rendered before and after."""
    from generator.publish.content import site_content
    from generator.publish.incremental import affected_pages, edit_between
    from generator.publish.prepare import prepare
    from generator.render.pages import render_pages

    def content_of(project):
        return site_content(project.require_valid(), project.schemas.schemas, prepare(project, lampiran=False))

    before = Project.open(full_demo)
    old_content = content_of(before)
    old_pages = render_pages(old_content, workers=1)
    original = edit(full_demo / path, old, new)
    try:
        after = before.reopened()
        new_content = content_of(after)
        new_pages = render_pages(new_content, workers=1)
        changes = edit_between(before.documents, after.documents)
    finally:
        (full_demo / path).write_text(original, "utf-8")
    changed = {name[len("docs/"):] for name in old_pages.keys() | new_pages.keys()
               if name.endswith(".md") and old_pages.get(name) != new_pages.get(name)}
    affected = affected_pages(old_content, new_content, changes)
    assert page in changed and changed - affected == set()
    assert len(affected) < len(new_pages) / 2  # only what the edit touches
