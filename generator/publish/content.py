"""What the pages are made from, prepared before rendering: version history from git,
talent aggregates from the snapshots, and the files copied as they are (logo, assets)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from ..diff.versions import version_history
from ..export import EXPORTERS
from ..lampiran import WRITERS, build_lampiran
from ..lampiran.cache import write_documents
from ..load.discover import is_kamus_root
from ..project import Project
from ..render.pages import SiteContent, TalentPages, VersionDownload
from ..render.templates import TEMPLATES, instansi_css
from ..rules import RULES
from ..talent.aggregate import summaries
from ..talent.akpk import akpk
from ..talent.analysis import analyse


def talent_pages(project: Project) -> TalentPages | None:
    """Aggregates of every error-free snapshot (never a name or a NIP), or None without snapshots."""
    if not project.snapshots:
        return None
    analysis, kamus = analyse(project.snapshots, project.kamus, decisions=project.decisions), project.kamus
    periods = analysis.periods
    return TalentPages(summaries(analysis, kamus), analysis.policy,
                       {periode: period.snapshot.path for periode, period in periods.items()},
                       statement={periode: period.statement for periode, period in periods.items()},
                       akpk={periode: akpk(period, kamus, analysis.planner, analysis.policy)
                             for periode, period in periods.items()})


def logo_target(project: Project) -> str:
    """The docs path the instansi logo is published at, or ''."""
    logo = project.kamus.config.instansi.logo
    return f"assets/logo{PurePosixPath(logo).suffix.lower()}" if logo else ""


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


def data_downloads(project: Project) -> dict[str, bytes]:
    """The open data of the version being built (`kamus export`), published under docs/data/."""
    return {f"docs/{path}": EXPORTERS[name].write(project) for name, (path, *_) in DATA_FILES.items()}


def lampiran_downloads(project: Project, opened: dict[str, Project], write: bool = True,
                       workers: int | None = None) -> tuple[list[VersionDownload], dict[str, bytes]]:
    """The Lampiran (PDF and DOCX) of the version being built and of every `riwayat` version
    (``opened``: :meth:`Project.open_enacted`); a version that does not pass today's rules gets a
    note instead of files. The documents come from the Lampiran cache when written before,
    the others are written side by side (:mod:`generator.lampiran.cache`). Without ``write``
    the files are empty placeholders (`kamus build` writes them beside the MkDocs run, with
    ``workers=1``: MkDocs keeps the other core)."""
    config = project.kamus.config
    versions = [(VersionDownload(config.versi.nama or "Versi ini", ""), "versi-ini", project, None)]
    for versi in config.riwayat:
        version = opened[versi.tag]
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


def site_content(project: Project, lampiran: bool = True, reuse: SiteContent | None = None, talent: bool = True,
                 history: bool = True, data: bool = True, data_later: bool = False) -> SiteContent:
    """The content of the site of a sound project (call :meth:`Project.require_valid` first).

    With ``lampiran`` the Unduh page (and the Riwayat pages) offer the Lampiran of this and
    every enacted version (the live preview leaves them out: they take seconds to write).
    The live preview also passes the previous content as ``reuse`` and says which prepared
    parts an edit cannot have changed (``talent=False``, ``history=False``, ``data=False``):
    those are taken over. With ``data_later`` the open data files and the Lampiran are empty
    placeholders, and ``deferred`` writes them: `kamus build` runs it beside MkDocs and puts
    the files into the built site.
    """
    kamus = project.kamus
    # the enacted versions, opened once for the history and the Lampiran alike
    opened = project.open_enacted() if kamus.config.riwayat and (lampiran or reuse is None or history) else {}
    if reuse is not None and not history:
        found_history = reuse.history
    elif kamus.config.riwayat:
        good = [s for s in project.snapshots if not s.failed()]
        latest = max(good, key=lambda s: s.periode) if good else None
        found_history = version_history(kamus.config.riwayat, opened, latest)
    else:
        found_history = None
    downloads, files = lampiran_downloads(project, opened, write=not data_later) if lampiran else ([], {})
    found_talent = reuse.talent if reuse is not None and not talent else talent_pages(project)
    if data_later:
        files.update({f"docs/{path}": b"" for path, *_ in DATA_FILES.values()})
    elif reuse is None or data:
        files.update(data_downloads(project))

    def deferred() -> dict[str, bytes]:
        written = data_downloads(project)
        if lampiran:
            written.update(lampiran_downloads(project, opened, workers=1)[1])
        return written

    return SiteContent.of(kamus, project.schemas.schemas, list(RULES.values()), history=found_history,
                          talent=found_talent, logo=logo_target(project), lampiran=downloads,
                          data_files={path: (label, purpose) for path, label, purpose in DATA_FILES.values()},
                          files=files, deferred=deferred if data_later else None)


def static_files(project: Project, content: SiteContent, templates=TEMPLATES) -> dict[str, bytes]:
    """The files published as they are: the logo, the site's CSS/JS, and the theme overrides
    (the Indonesian 404 page) beside docs/; and the instansi's names for print and the phone header."""
    files = {"docs/assets/kamus-instansi.css": instansi_css(content.kamus.config)}
    if content.logo:
        files[f"docs/{content.logo}"] = project.logo.data  # checked: a whole image within the size limit
    for folder, target in (("assets", "docs/assets"), ("overrides", "overrides")):
        base = templates / folder
        for path in sorted(base.rglob("*")):
            if path.is_file():
                files[f"{target}/{path.relative_to(base).as_posix()}"] = path.read_bytes()
    return files
