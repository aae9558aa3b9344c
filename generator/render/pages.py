"""Stage 4: render prepared content to Markdown pages with the templates in site_templates/.

Rendering is pure: :class:`SiteContent` (the model, its views, and whatever was prepared
before: version history, talent aggregates, the logo's place) goes in, ``{path: bytes}``
comes out. Nothing here reads git, files of the kamus or snapshots; the publish stage
prepares the content and writes, copies and builds afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from .. import tables
from ..bahasa import ukuran
from ..kinds import COMPETENCY, POSITION, UNIT
from ..model import Kamus
from ..parallel import MAX_WORKERS, fork_map, workers_for
from .matrix import akpk_tables, distribution_matrix, national_matrix, unit_matrix
from .reference import fields
from .templates import TEMPLATES, environment
from .text import href, natural_key
from .views import Views, build_views, persyaratan

if TYPE_CHECKING:  # types only: the stages that make them are not loaded to render
    from ..diff.history import History
    from ..model.policy import TalentPolicy
    from ..rules import Rule
    from ..talent.aggregate import Summary
    from ..talent.akpk import Akpk
    from ..talent.coverage import Coverage

PARALLEL_FROM = 500  # pages; below this, forking costs more than it saves
_CELL_BOUNDARY = re.compile(r"(?<=</t[dhr]>)(?=<t[dhr][ >])")  # zero-width: replaced without group copying
SIZE_MARK = Markup('<span class="kamus-ukuran" data-ukuran="{}">–</span>')  # a size not known while rendering
_SIZE_MARK = re.compile(r'<span class="kamus-ukuran" data-ukuran="([^"<>]+)">–</span>')


@dataclass
class TalentPages:
    """Aggregates prepared for the Manajemen Talenta pages (counts only, never a name)."""

    summaries: list[Summary]  # one per period
    policy: TalentPolicy
    snapshot_paths: dict[str, str]  # periode → snapshot file
    statement: dict[str, list[str]] = field(default_factory=dict)  # periode → the policy in words (`kebijakan`)
    akpk: dict[str, Akpk] = field(default_factory=dict)  # periode → its AKPK


@dataclass
class VersionDownload:
    """The Lampiran of one version, offered on the Riwayat pages (or why it is missing)."""

    label: str
    tag: str  # "" for the version being built
    files: dict = field(default_factory=dict)  # format label ("PDF", "DOCX") → docs path
    problem: str = ""  # why no file was made (the version has errors)


@dataclass
class SiteContent:
    """Everything the pages are made from."""

    kamus: Kamus
    views: Views
    schemas: dict[str, dict]  # kind → JSON Schema, for the data reference
    rules: list[Rule]  # for the rule reference
    history: History | None = None  # when versions are listed
    talent: TalentPages | None = None
    coverage: Coverage | None = None  # SKJ coverage of the newest period's employee export (counts only)
    logo: str = ""  # docs path of the logo, when there is one
    lampiran: list[VersionDownload] = field(default_factory=list)  # the current version, then every riwayat version
    data_files: dict = field(default_factory=dict)  # docs path → (label, what it is for) of the open-data downloads
    files: dict = field(default_factory=dict)  # downloads prepared before rendering: docs path → bytes
    # () → {docs path: bytes}: the downloads that ``files`` holds as empty placeholders, written
    # later (`kamus build` runs it beside MkDocs); None when every file is in ``files``
    deferred: Callable[[], dict[str, bytes]] | None = None
    shown: dict[str, frozenset] | None = field(default=None, repr=False)  # the page registry, once made

    @classmethod
    def of(cls, kamus: Kamus, schemas: dict, rules: list, **prepared) -> "SiteContent":
        return cls(kamus, build_views(kamus), schemas, rules, **prepared)


# What a page shows, by the entries whose edit changes it: (objek, kode) pairs, where the kode
# ANY stands for every entry of that objek. The live preview re-renders the pages that show an
# edited entry (generator.publish.incremental); a change to anything else renders them all.
ANY = "*"
EVERYTHING = frozenset((kind.objek, ANY) for kind in (COMPETENCY, POSITION, UNIT))  # counts, lists, talent
NOTHING = frozenset()  # history, downloads, reference: no edit of an entry changes them


def _competency(kode: str) -> tuple[str, str]:
    return COMPETENCY.objek, kode


def _position(kode: str) -> tuple[str, str]:
    return POSITION.objek, kode


def _unit(kode: str) -> tuple[str, str]:
    return UNIT.objek, kode


def _positions(positions) -> set[tuple[str, str]]:
    """The positions listed on a page with their units' names."""
    return {_position(p.kode) for p in positions} | {_unit(p.unit) for p in positions}


@dataclass
class Plan:
    """The page registry: every page with what it shows (``shows``), the pages to render (path,
    template, context) and the files already made (downloads).

    ``wanted`` limits the rendering to some pages (the live preview re-renders only what an edit
    touches); the work for a page that is not wanted (its context, a matrix and its downloads)
    is skipped, but the page is registered all the same.
    """

    jobs: list[tuple[str, str, dict]] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    wanted: set[str] | None = None
    shows: dict[str, frozenset] = field(default_factory=dict)

    def wants(self, path: str) -> bool:
        return self.wanted is None or path in self.wanted

    def page(self, path: str, template: str, shows, make: Callable[[], dict] | None = None, **context) -> None:
        """Register the page at ``path`` with what it ``shows`` and queue it when wanted; a context
        that costs work is passed as ``make`` and made only then."""
        self.shows[path] = frozenset(subject for subject in shows if subject[1])  # no atasan, no induk: none
        if self.wants(path):
            self.jobs.append((path, template, {**make(), **context} if make else context))


def _history_of(content: SiteContent, objek: str, kode: str) -> list:
    return content.history.changes_of(objek, kode) if content.history else []


def _matrices(plan: Plan, content: SiteContent) -> None:
    views, kamus = content.views, content.kamus

    def matrix_page(path: str, make, shows, **context):
        def made() -> dict:
            matrix = make()
            csv_path, xlsx_path = f"matriks/unduh/{matrix.name}.csv", f"matriks/unduh/{matrix.name}.xlsx"
            plan.files[f"docs/{csv_path}"] = tables.to_csv(matrix.download())
            plan.files[f"docs/{xlsx_path}"] = tables.to_xlsx(matrix.download())
            return {"matrix": matrix, "csv": csv_path, "xlsx": xlsx_path}

        context.setdefault("unit", None)
        context.setdefault("distribution", False)
        plan.page(path, "matriks.md.j2", shows, make=made, **context)

    for unit in kamus.units:
        positions = [p for _, p in views.unit_tree[unit]]
        matrix_page(f"matriks/unit/{unit}.md", lambda unit=unit: unit_matrix(views, unit),
                    {_unit(unit)} | _positions(positions) | {_competency(r.kode) for p in positions for r in p.kompetensi},
                    unit=kamus.units[unit])
    matrix_page("matriks/manajerial-sosial-kultural.md", lambda: national_matrix(views), EVERYTHING)
    matrix_page("matriks/distribusi-level.md", lambda: distribution_matrix(views), EVERYTHING, distribution=True)
    plan.page("matriks/index.md", "matriks_index.md.j2", EVERYTHING, make=lambda: {
        "unit_matrices": [(kamus.units[unit], unit_matrix(views, unit)) for unit in kamus.units]})


def _catalog(plan: Plan, content: SiteContent) -> None:
    """Katalog Pengembangan: an index, and a page per competency that the catalog develops."""
    for kode, rows in content.views.development.items():
        if kode in content.kamus.competencies:
            shows = {_competency(kode)} | {_competency(r.kode) for _, activity in rows for r in activity.kompetensi}
            plan.page(f"pengembangan/{kode}.md", "pengembangan.md.j2", shows, c=content.kamus.competencies[kode],
                      rows=rows)
    plan.page("pengembangan/index.md", "pengembangan_index.md.j2", {(COMPETENCY.objek, ANY)})


def _talent(plan: Plan, talent: TalentPages) -> None:
    """Manajemen Talenta: a page per period, its Kebutuhan Pengembangan Kompetensi, downloads.
    They count people by unit, position and competency: any edit of an entry may change them."""
    for summary in talent.summaries:
        periode = summary.periode
        akpk = talent.akpk.get(periode)
        if akpk is not None:
            def made(akpk=akpk) -> dict:
                downloads, tables_ = {}, akpk_tables(akpk)
                for table in tables_:
                    downloads[table.sheet] = f"talenta/unduh/{table.name}.csv"
                    plan.files[f"docs/talenta/unduh/{table.name}.csv"] = tables.to_csv(table)
                xlsx = f"talenta/unduh/akpk-{akpk.periode}.xlsx"
                plan.files[f"docs/{xlsx}"] = tables.to_xlsx(tables_)
                return {"downloads": downloads, "xlsx": xlsx}

            plan.page(f"talenta/pengembangan-{periode}.md", "talenta_pengembangan.md.j2", EVERYTHING, make=made,
                      a=akpk, policy=talent.policy, kebijakan=talent.statement[periode])
        plan.page(f"talenta/{periode}.md", "talenta.md.j2", EVERYTHING, s=summary, policy=talent.policy,
                  kebijakan=talent.statement[periode], snapshot_path=talent.snapshot_paths[periode],
                  akpk=akpk is not None)
    plan.page("talenta/index.md", "talenta_index.md.j2", EVERYTHING, summaries=talent.summaries)


def _coverage(plan: Plan, found: Coverage, kamus: Kamus) -> None:
    """Cakupan SKJ: per unit, the employees, those whose position has an SKJ, the share; the
    rows of unknown units together. Counts only: no jabatan with its people, no NIP, no name.
    Any position or unit edit may change the counts (a new position covers its rows)."""
    rows = [(kamus.units[u.unit], u) for u in found.units if u.unit in kamus.units]
    plan.page("cakupan/index.md", "cakupan.md.j2", {(POSITION.objek, ANY), (UNIT.objek, ANY)}, c=found, rows=rows,
              total=found.total, unknown=found.unknown, unknown_names=sum(1 for u in found.units if not u.unit))


def plan(content: SiteContent, wanted: set[str] | None = None) -> Plan:
    """Every page of the site with what it shows, in a fixed order (rendered: only the ``wanted`` ones)."""
    kamus, views, out = content.kamus, content.views, Plan(wanted=wanted)
    if content.history:
        for pair in content.history.pairs:
            out.page(f"riwayat/{pair.slug}.md", "riwayat.md.j2", NOTHING, pair=pair)
        out.page("riwayat/index.md", "riwayat_index.md.j2", NOTHING, history=content.history,
                 lampiran=content.lampiran,
                 in_force={v.tag: (start, until) for v, start, until in kamus.config.in_force()})
    out.page("index.md", "beranda.md.j2", EVERYTHING, logo=content.logo)
    out.page("unduh/index.md", "unduh.md.j2", NOTHING, lampiran=content.lampiran, data_files=content.data_files)
    out.page("daftar-kompetensi/index.md", "kompetensi_index.md.j2", EVERYTHING)
    for jenis, label, competencies in views.kinds():
        out.page(f"daftar-kompetensi/{jenis}.md", "kompetensi_jenis.md.j2", {_competency(c.kode) for c in competencies},
                 jenis=jenis, label=label, competencies=competencies)
    for c in views.competencies:
        users = [p for positions in views.used_by.get(c.kode, {}).values() for p in positions]
        out.page(f"kompetensi/{c.kode}.md", "kompetensi.md.j2",
                 {_competency(c.kode)} | {_competency(kode) for kode in c.diganti_oleh} | _positions(users),
                 c=c, riwayat=_history_of(content, "kompetensi", c.kode))
    out.page("daftar-jabatan/index.md", "jabatan_index.md.j2", EVERYTHING)
    out.page("daftar-jabatan/jenjang/index.md", "jabatan_jenjang_index.md.j2", EVERYTHING)
    for unit in kamus.units.values():
        out.page(f"daftar-jabatan/unit/{unit.kode}.md", "jabatan_unit.md.j2",
                 {_unit(unit.kode), _unit(unit.induk)} | _positions(p for _, p in views.unit_tree[unit.kode]), unit=unit)
    for jenjang, positions in views.by_jenjang.items():
        out.page(f"daftar-jabatan/jenjang/{jenjang}.md", "jabatan_jenjang.md.j2", _positions(positions),
                 jenjang=jenjang, positions=positions)
    for p in sorted(kamus.positions.values(), key=lambda p: natural_key(p.kode)):
        bawahan = views.bawahan.get(p.kode, [])
        out.page(f"jabatan/{p.kode}.md", "jabatan.md.j2",
                 {_position(p.kode), _position(p.atasan), _unit(p.unit)} | {_position(b.kode) for b in bawahan}
                 | {_competency(r.kode) for r in p.kompetensi},
                 make=lambda p=p, bawahan=bawahan: {
                     "groups": views.sorted_requirements(p), "persyaratan": persyaratan(p), "bawahan": bawahan,
                     "riwayat": _history_of(content, "jabatan", p.kode)},
                 p=p, unit=kamus.units.get(p.unit))
    _matrices(out, content)
    if kamus.development:
        _catalog(out, content)
    if content.coverage:
        _coverage(out, content.coverage, kamus)
    if content.talent:
        _talent(out, content.talent)
    # /kompetensi/ and /jabatan/ (the folders of the detail pages) lead to their indexes
    out.page("kompetensi/index.md", "pindah.md.j2", NOTHING, title="Kamus Kompetensi",
             target="daftar-kompetensi/index.md")
    out.page("jabatan/index.md", "pindah.md.j2", NOTHING, title="Standar Kompetensi Jabatan",
             target="daftar-jabatan/index.md")
    out.page("referensi/index.md", "referensi_format.md.j2", NOTHING, data_files=content.data_files,
             make=lambda: {"schemas": [(kind, schema, fields(schema)) for kind, schema in content.schemas.items()]})
    out.page("referensi/aturan.md", "referensi_aturan.md.j2", NOTHING, rules=list(content.rules))
    return out


def registry(content: SiteContent) -> dict[str, frozenset]:
    """Every page of ``content`` (its path below docs/) with what it shows; nothing is rendered."""
    if content.shown is None:
        content.shown = plan(content, wanted=set()).shows
    return content.shown


class Renderer:
    """Renders queued pages of one :class:`SiteContent` with one template environment."""

    def __init__(self, content: SiteContent, templates: Path = TEMPLATES):
        self.content = content
        self.env = environment(Path(templates))

    def size_of(self, path: str) -> Markup:
        """The size of a download (its docs path), or a mark that `kamus build` fills in once the
        file is written beside the MkDocs run (:func:`generator.publish.site.fill_sizes`)."""
        data = self.content.files.get(f"docs/{path}")
        return Markup("{}").format(ukuran(len(data))) if data else SIZE_MARK.format(path)

    def source_link(self, source_path: str) -> dict:
        return {"path": source_path, "edit": self.content.kamus.config.situs.edit_link(source_path)}

    def render_job(self, job) -> tuple[str, bytes]:
        path, template, context = job

        def url(to: str, anchor: str = "") -> str:
            return href(path, to, anchor)

        content = self.content
        text = self.env.get_template(template).render(
            kamus=content.kamus, views=content.views, config=content.kamus.config, url=url, here=path,
            source=self.source_link, size_of=self.size_of, has_talent=content.talent is not None,
            has_history=content.history is not None, has_coverage=content.coverage is not None,
            names=content.history.names if content.history else {}, **context)
        # A space between table cells, so that search snippets read "Nama Jabatan Kepala Dinas",
        # not "Nama JabatanKepala Dinas" (Material's index keeps no cell boundaries).
        text = _CELL_BOUNDARY.sub(" ", text)
        return f"docs/{path}", text.encode("utf-8")


def fill_sizes(html: str, size_of) -> str:
    """``html`` (a built page) with the size of every download the page marked as unknown
    (:data:`SIZE_MARK`); ``size_of(path)`` gives the size of a file by its path below the site."""
    return _SIZE_MARK.sub(lambda match: str(escape(ukuran(size_of(match[1])))), html)


def _render_share(work: tuple[SiteContent, Path, list], share: tuple[int, int]) -> list[tuple[str, bytes]]:
    """In a worker: render every n-th page of the jobs (one template environment per share)."""
    content, templates, jobs = work
    renderer = Renderer(content, templates)
    index, count = share
    return [renderer.render_job(job) for job in jobs[index::count]]


def render_pages(content: SiteContent, templates: Path = TEMPLATES, workers: int | None = None,
                 parallel_from: int = PARALLEL_FROM, wanted: set[str] | None = None) -> dict[str, bytes]:
    """Every page (``docs/…`` Markdown) and download of the site, sorted by path (or only the
    ``wanted`` pages, by their path below docs/, and their downloads).

    Large kamus render in ``workers`` forked processes (default: up to 4, one per CPU;
    :mod:`generator.parallel`); each renders its share of the pages.
    """
    pages = plan(content, wanted)
    files = {**content.files, **pages.files}
    workers = workers_for(MAX_WORKERS, workers) if len(pages.jobs) >= parallel_from else 1
    for part in fork_map(_render_share, (content, templates, pages.jobs), [(i, workers) for i in range(workers)],
                         workers):
        files.update(part)
    return dict(sorted(files.items()))
