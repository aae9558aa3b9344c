"""Stage 4: render the model to Markdown pages with the Jinja2 templates in site_templates/.

Every page is produced in memory as ``{path: bytes}``; :func:`write_tree` then brings a
folder in line with it (changed files only), which keeps live preview cheap.
Templates get text from YAML only through autoescaping (HTML blocks) or the ``md``
filter (Markdown headings), so no field can inject markup.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..check.schema import default_schemas
from ..jenjang import JENJANG, LABEL
from ..model import Kamus
from ..resources import resource
from ..rules import RULES
from . import export
from .matrix import distribution_matrix, national_matrix, unit_matrix
from .reference import fields
from .search_terms import kata_dasar
from .text import href, md, natural_key
from .views import build_views

TEMPLATES = resource("site_templates")
PARALLEL_FROM = 500  # pages; below this, forking costs more than it saves
TINGKAT = {"mutlak": "Mutlak", "penting": "Penting", "perlu": "Perlu"}


def _yaml_string(value) -> Markup:
    """A front-matter title: HTML-escaped (MkDocs themes print titles unescaped), as JSON,
    which is valid YAML."""
    return Markup(json.dumps(str(escape(value)), ensure_ascii=False))


def _ticks(value) -> Markup:
    """Escaped text where `code` spans (as written in rule descriptions) become <code>."""
    parts = str(value).split("`")
    return Markup("".join(f"<code>{escape(p)}</code>" if i % 2 else str(escape(p)) for i, p in enumerate(parts)))


def _level(n) -> Markup:
    return Markup(f'<span class="kamus-lv kamus-lv-{int(n)}" title="Level {int(n)}">{int(n)}</span>')


def _position_link(p, url) -> Markup:
    return Markup('<a href="{}">{}</a> <code>{}</code>').format(url(f"jabatan/{p.kode}.md"), p.nama, p.kode)


def _competency_link(c, url) -> Markup:
    link = Markup('<a href="{}">{}</a> <code>{}</code>').format(url(f"kompetensi/{c.kode}.md"), c.nama, c.kode)
    return link if c.berlaku else link + Markup(' <span class="kamus-dicabut">dicabut</span>')


def _matrix_row(row, link: str, url, fixed: int, distribution: bool) -> Markup:
    """The cells of one matrix row (a hot path: large kamus have 100,000s of cells)."""
    cells = [Markup('<td class="kamus-fixed"><a href="{}"><code>{}</code></a></td>').format(url(link), row[0])]
    cells += [Markup('<td class="kamus-fixed">{}</td>').format(cell) for cell in row[1:fixed]]
    for cell in row[fixed:]:
        if cell is None:
            cells.append("<td></td>")
        elif distribution or not isinstance(cell, int):
            cells.append(Markup('<td class="kamus-count">{}</td>').format(cell))
        else:
            cells.append(f'<td class="kamus-lv kamus-lv-{int(cell)}">{int(cell)}</td>')
    return Markup("".join(cells))


def _box_label(box: int) -> str:
    from ..talent.policy import AXES_OF_BOX, KINERJA_LABEL

    kinerja, potensial = AXES_OF_BOX[box]
    return f"kinerja {KINERJA_LABEL[kinerja]}, potensial {potensial}"


def _change_html(change) -> Markup:
    """One version change as safe HTML: label, place, and old → new (reworded text as a word diff)."""
    from ..diff.report import REWORDED, describe, word_parts

    where = f" ({change.where})" if change.where else ""
    if change.kind in REWORDED:
        tags = {"same": "{}", "del": "<del>{}</del>", "ins": "<ins>{}</ins>"}
        body = Markup(" ").join(Markup(tags[kind]).format(words) for kind, words in word_parts(change.old, change.new))
        return Markup("{}{}: {}").format(change.label, where, body)
    return Markup("{}").format(describe(change, markdown=False))


def environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters["md"] = md
    env.filters["json"] = _yaml_string
    env.filters["ticks"] = _ticks
    env.filters["level"] = _level
    env.globals["box_label"] = _box_label
    env.globals["change_html"] = _change_html
    env.globals.update(LABEL=LABEL, TINGKAT=TINGKAT, JENJANG=JENJANG, position_link=_position_link,
                       competency_link=_competency_link, matrix_row=_matrix_row,
                       kata_dasar=kata_dasar)
    return env


class Renderer:
    """Renders every page of one kamus into ``self.files``."""

    def __init__(self, kamus: Kamus, root: Path, templates: Path = TEMPLATES, parallel: bool = True):
        self.kamus = kamus
        self.parallel = parallel
        self.jobs: list[tuple[str, str, dict]] = []
        self.root = Path(root)
        self.templates = Path(templates)
        self.env = environment(self.templates)
        self.views = build_views(kamus)
        self.files: dict[str, bytes] = {}
        self.logo_path = ""
        self.history = None

    def page(self, path: str, template: str, **context) -> None:
        """Queue one page; :meth:`render` renders the queue (in parallel when large)."""
        self.jobs.append((path, template, context))

    def render_job(self, job) -> tuple[str, bytes]:
        path, template, context = job

        def url(to: str, anchor: str = "") -> str:
            return href(path, to, anchor)

        text = self.env.get_template(template).render(
            kamus=self.kamus, views=self.views, config=self.kamus.config, url=url, here=path,
            source=self.source_link, **context)
        return f"docs/{path}", text.encode("utf-8")

    def run_jobs(self) -> None:
        workers = min(os.cpu_count() or 1, 4)
        if (not self.parallel or workers < 2 or len(self.jobs) < PARALLEL_FROM
                or "fork" not in multiprocessing.get_all_start_methods()):
            self.files.update(self.render_job(job) for job in self.jobs)
            return
        global _ACTIVE
        _ACTIVE = self  # inherited by the forked workers; nothing is pickled on the way in
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for part in pool.map(_render_share, [(i, workers) for i in range(workers)]):
                    self.files.update(part)
        finally:
            _ACTIVE = None

    def source_link(self, source_path: str) -> dict:
        config = self.kamus.config
        if config.repo_url:
            return {"path": source_path,
                    "edit": f"{config.repo_url.rstrip('/')}/{config.edit_uri.strip('/')}/{source_path}"}
        return {"path": source_path, "edit": ""}

    def render(self) -> dict[str, bytes]:
        kamus, views = self.kamus, self.views
        if kamus.config.riwayat:
            from ..diff.history import history

            self.history = history(self.root, kamus.config.riwayat)
            for pair in self.history.pairs:
                self.page(f"riwayat/{pair.slug}.md", "riwayat.md.j2", pair=pair)
            self.page("riwayat/index.md", "riwayat_index.md.j2", history=self.history)
        self.logo_path = self.logo()
        self.page("index.md", "beranda.md.j2", logo=self.logo_path)
        self.page("daftar-kompetensi/index.md", "kompetensi_index.md.j2")
        for jenis, label, competencies in views.kinds():
            self.page(f"daftar-kompetensi/{jenis}.md", "kompetensi_jenis.md.j2",
                      jenis=jenis, label=label, competencies=competencies)
        for c in views.competencies:
            self.page(f"kompetensi/{c.kode}.md", "kompetensi.md.j2", c=c, riwayat=self.changes_of("kompetensi", c.kode))
        self.page("daftar-jabatan/index.md", "jabatan_index.md.j2")
        self.page("daftar-jabatan/jenjang/index.md", "jabatan_jenjang_index.md.j2")
        for unit in kamus.units.values():
            self.page(f"daftar-jabatan/unit/{unit.kode}.md", "jabatan_unit.md.j2", unit=unit)
        for jenjang, positions in views.by_jenjang.items():
            self.page(f"daftar-jabatan/jenjang/{jenjang}.md", "jabatan_jenjang.md.j2",
                      jenjang=jenjang, positions=positions)
        for p in sorted(kamus.positions.values(), key=lambda p: natural_key(p.kode)):
            unit = kamus.units.get(p.unit)
            self.page(f"jabatan/{p.kode}.md", "jabatan.md.j2", p=p, unit=unit,
                      groups=views.sorted_requirements(p), bawahan=views.bawahan.get(p.kode, []),
                      riwayat=self.changes_of("jabatan", p.kode))
        self.matrices()
        self.talent()
        self.page("referensi/index.md", "referensi_format.md.j2",
                  schemas=[(kind, schema, fields(schema)) for kind, schema in default_schemas().schemas.items()])
        self.page("referensi/aturan.md", "referensi_aturan.md.j2", rules=list(RULES.values()))
        self.run_jobs()
        self.assets()
        return dict(sorted(self.files.items()))

    def matrices(self) -> None:
        views = self.views
        unit_matrices = []
        for unit in self.kamus.units:
            matrix = unit_matrix(views, unit)
            unit_matrices.append((self.kamus.units[unit], matrix))
            self.matrix_page(f"matriks/unit/{unit}.md", matrix, unit=self.kamus.units[unit])
        self.matrix_page("matriks/manajerial-sosial-kultural.md", national_matrix(views))
        self.matrix_page("matriks/distribusi-level.md", distribution_matrix(views), distribution=True)
        self.page("matriks/index.md", "matriks_index.md.j2", unit_matrices=unit_matrices)

    def changes_of(self, subject: str, kode: str) -> list:
        """[(pair of consecutive versions, [changes])] touching one competency or position."""
        return self.history.by_subject.get((subject, kode), []) if self.history else []

    def talent(self) -> None:
        """Aggregate talent pages, one per snapshot period (never a name or a NIP)."""
        if not self.kamus.snapshots:
            return
        from ..talent.aggregate import summaries
        from ..talent.analysis import analyse

        analysis = analyse(self.kamus.snapshots, self.kamus)
        all_summaries = summaries(analysis, self.kamus)
        for summary in all_summaries:
            self.page(f"talenta/{summary.periode}.md", "talenta.md.j2", s=summary, policy=analysis.policy,
                      snapshot_path=analysis.periods[summary.periode].snapshot.path)
        self.page("talenta/index.md", "talenta_index.md.j2", summaries=all_summaries)

    def matrix_page(self, path: str, matrix, **context) -> None:
        csv_path, xlsx_path = f"matriks/unduh/{matrix.name}.csv", f"matriks/unduh/{matrix.name}.xlsx"
        self.files[f"docs/{csv_path}"] = export.to_csv(matrix)
        self.files[f"docs/{xlsx_path}"] = export.to_xlsx(matrix)
        context.setdefault("unit", None)
        context.setdefault("distribution", False)
        self.page(path, "matriks.md.j2", matrix=matrix, csv=csv_path, xlsx=xlsx_path, **context)

    def logo(self) -> str:
        """The docs path of the instansi logo (copied into assets), or ''."""
        logo = self.kamus.config.instansi_logo
        if not logo:
            return ""
        source = self.root / logo
        target = f"assets/logo{source.suffix.lower()}"
        self.files[f"docs/{target}"] = source.read_bytes()
        return target

    def assets(self) -> None:
        for path in sorted((self.templates / "assets").rglob("*")):
            if path.is_file():
                self.files[f"docs/assets/{path.relative_to(self.templates / 'assets').as_posix()}"] = path.read_bytes()


_ACTIVE: Renderer | None = None


def _render_share(share: tuple[int, int]) -> list[tuple[str, bytes]]:
    """In a forked worker: render every n-th queued page of the active renderer."""
    index, count = share
    return [_ACTIVE.render_job(job) for job in _ACTIVE.jobs[index::count]]


def write_tree(folder: Path, files: dict[str, bytes]) -> int:
    """Make ``folder`` hold exactly ``files``; write only what changed. Returns files written."""
    folder = Path(folder)
    written = 0
    for rel, data in files.items():
        target = folder / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    wanted = {folder / rel for rel in files}
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            shutil.rmtree(path)
    return written
