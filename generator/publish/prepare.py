"""What the site shows beyond the model, prepared from a sound Project as plain data: the
version history (from the enacted versions the Project opened), the talent aggregates of its
snapshots, the Lampiran of every version, the open data and the logo. `kamus build` and the live
preview prepare once, then :mod:`generator.publish.content` assembles the site's content
from the model and these parts alone.
"""

from __future__ import annotations

import re

from ..diff.history import History
from ..diff.versions import version_history
from ..export import EXPORTERS
from ..lampiran import WRITERS, build_lampiran
from ..lampiran.cache import write_documents
from ..load.discover import is_kamus_root
from ..project import Project
from ..render.pages import SiteContent, TalentPages, VersionDownload
from ..talent.aggregate import summaries
from ..talent.akpk import akpk
from ..talent.analysis import analyse
from ..talent.coverage import period_coverage
from .content import Prepared, logo_target

# The open data of the site (`kamus export`): exporter → (docs path, label, what it is for), as the Unduh page lists them.
DATA_FILES = {"xlsx": ("data/kamus.xlsx", "Buku kerja Excel (XLSX)",
                       "Seluruh kamus sebagai buku kerja Excel, untuk menyunting kompetensi dan standar kompetensi "
                       "jabatan di Excel; serahkan kembali ke BKPSDM, yang memeriksa dan mengajukannya sebagai "
                       "perubahan. Petunjuknya ada di lembar pertama."),
              "json": ("data/kamus.json", "Data kamus (JSON)",
                       "Seluruh kamus sebagai data terbuka, untuk dibaca aplikasi lain."),
              "case": ("data/kamus-case.json", "Kerangka kompetensi (CASE)",
                       "Kompetensi dan levelnya dalam format CASE 1.1 dari 1EdTech, untuk sistem pembelajaran dan "
                       "aplikasi lain yang membacanya; pengenal setiap butir tetap sama antarversi.")}


def history_of(project: Project) -> History | None:
    """Every pair of the enacted versions compared, with the impact counted against the latest
    error-free snapshot; None when kamus.yaml lists no enacted versions."""
    if not project.kamus.config.riwayat:
        return None
    good = [s for s in project.snapshots if not s.failed() and not s.unmapped]
    latest = max(good, key=lambda s: s.periode) if good else None
    return version_history(project.kamus.config.riwayat, project.enacted, latest)


def talent_pages(project: Project) -> TalentPages | None:
    """Aggregates of every error-free snapshot that can be mapped (never a name or a NIP), or
    None without one."""
    if not project.snapshots:
        return None
    analysis, kamus = analyse(project.snapshots, project.kamus, decisions=project.decisions), project.kamus
    periods = analysis.periods
    if not periods:
        return None  # periods with their employee export only: the Cakupan SKJ page shows them
    return TalentPages(summaries(analysis, kamus), analysis.policy,
                       {periode: period.snapshot.path for periode, period in periods.items()},
                       statement={periode: period.reader_statement for periode, period in periods.items()},
                       akpk={periode: akpk(period, kamus, analysis.planner, analysis.policy)
                             for periode, period in periods.items()})


def data_downloads(project: Project) -> dict[str, bytes]:
    """The open data of the version being built (`kamus export`), published under docs/data/."""
    return {f"docs/{path}": EXPORTERS[name].write(project) for name, (path, *_) in DATA_FILES.items()}


def lampiran_downloads(project: Project, write: bool = True,
                       workers: int | None = None) -> tuple[list[VersionDownload], dict[str, bytes]]:
    """The Lampiran (PDF and DOCX) of the version being built and of every `riwayat` version
    (:attr:`Project.enacted`); a version that does not pass today's rules gets a note instead
    of files. The documents come from the Lampiran cache when written before, the others are
    written side by side (:mod:`generator.lampiran.cache`). Without ``write`` the files are
    empty placeholders (`kamus build` writes them beside the MkDocs run, with ``workers=1``:
    MkDocs keeps the other core)."""
    config = project.kamus.config
    versions = [(VersionDownload(config.versi.nama or "Versi ini", ""), "versi-ini", project, None)]
    for versi in config.riwayat:
        version = project.enacted[versi.tag]
        if not is_kamus_root(version.source):
            versions.append((VersionDownload(versi.label, versi.tag, problem="tidak dibuat: versi ini belum memuat "
                                             "folder competencies dan positions"), "", None, None))
            continue
        report = version.report
        if report.failed():
            versions.append((VersionDownload(versi.label, versi.tag, problem=f"tidak dibuat: versi ini berisi "
                                             f"{report.count('error')} galat menurut aturan sekarang"), "", None, None))
            continue
        versions.append((VersionDownload(versi.label, versi.tag), re.sub(r"[^A-Za-z0-9._-]+", "-", versi.tag), version,
                         versi))
    jobs, places = [], []
    for download, slug, version, record in versions:
        if version is None:
            continue
        # headed as its `riwayat` record says it was enacted
        lampiran = build_lampiran(version.kamus, record) if write else None
        for suffix in WRITERS:
            path = f"unduh/lampiran-{slug}{suffix}"
            download.files[suffix[1:].upper()] = path
            jobs.append((lampiran, suffix))
            places.append(f"docs/{path}")
    written = write_documents(jobs, workers) if write else [b""] * len(places)
    return [download for download, *_ in versions], dict(zip(places, written))


def prepare(project: Project, lampiran: bool = True, reuse: SiteContent | None = None, talent: bool = True,
            history: bool = True, data: bool = True, data_later: bool = False) -> Prepared:
    """The prepared parts of the site of a sound project (call :meth:`Project.require_valid` first).

    With ``lampiran`` the Unduh page (and the Riwayat pages) offer the Lampiran of this and
    every enacted version (the live preview leaves them out: they take seconds to write).
    The live preview also passes the previous content as ``reuse`` and says which parts an
    edit cannot have changed (``talent=False``: the talent pages and the SKJ coverage, ``history=False``, ``data=False``): those are
    taken over. With ``data_later`` the open data files and the Lampiran are empty
    placeholders, and ``deferred`` writes them: `kamus build` runs it beside MkDocs and puts
    the files into the built site.
    """
    found = Prepared(data_files={path: (label, purpose) for path, label, purpose in DATA_FILES.values()})
    found.history = reuse.history if reuse is not None and not history else history_of(project)
    if lampiran:
        found.lampiran, found.files = lampiran_downloads(project, write=not data_later)
    found.talent = reuse.talent if reuse is not None and not talent else talent_pages(project)
    found.coverage = reuse.coverage if reuse is not None and not talent else period_coverage(project.source,
                                                                                             project.kamus)
    if data_later:
        found.files.update({f"docs/{path}": b"" for path, *_ in DATA_FILES.values()})
        found.deferred = lambda: {**data_downloads(project),
                                  **(lampiran_downloads(project, workers=1)[1] if lampiran else {})}
    elif reuse is None or data:
        found.files.update(data_downloads(project))
    if project.logo is not None:  # checked: a whole image within the size limit
        found.files[f"docs/{logo_target(project.kamus.config)}"] = project.logo.data
    return found
