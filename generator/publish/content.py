"""What the pages are made from, prepared before rendering: version history from git,
talent aggregates from the snapshots, and the files copied as they are (logo, assets)."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..diff.versions import version_history
from ..project import Project
from ..render.pages import SiteContent, TalentPages
from ..render.templates import TEMPLATES
from ..rules import RULES
from ..talent.aggregate import summaries
from ..talent.analysis import analyse


def talent_pages(project: Project) -> TalentPages | None:
    """Aggregates of every error-free snapshot (never a name or a NIP), or None without snapshots."""
    if not project.snapshots:
        return None
    analysis = analyse(project.snapshots, project.kamus)
    return TalentPages(summaries(analysis, project.kamus), analysis.policy,
                       {periode: period.snapshot.path for periode, period in analysis.periods.items()})


def logo_target(project: Project) -> str:
    """The docs path the instansi logo is published at, or ''."""
    logo = project.kamus.config.instansi.logo
    return f"assets/logo{PurePosixPath(logo).suffix.lower()}" if logo else ""


def site_content(project: Project, reuse: SiteContent | None = None, talent: bool = True,
                 history: bool = True) -> SiteContent:
    """The content of the site of a sound project (call :meth:`Project.require_valid` first).

    The live preview passes the previous content as ``reuse`` and says which prepared parts
    an edit cannot have changed (``talent=False``, ``history=False``): those are taken over.
    """
    kamus = project.kamus
    if reuse is not None and not history:
        found_history = reuse.history
    elif kamus.config.riwayat:
        good = [s for s in project.snapshots if not s.failed()]
        latest = max(good, key=lambda s: s.periode) if good else None
        found_history = version_history(project.root, kamus.config.riwayat, latest)
    else:
        found_history = None
    found_talent = reuse.talent if reuse is not None and not talent else talent_pages(project)
    return SiteContent.of(kamus, project.schemas.schemas, list(RULES.values()), history=found_history,
                          talent=found_talent, logo=logo_target(project))


def static_files(project: Project, content: SiteContent, templates=TEMPLATES) -> dict[str, bytes]:
    """The files published as they are: the logo, the site's CSS/JS, and the theme overrides
    (the Indonesian 404 page) beside docs/."""
    files = {}
    if content.logo:
        files[f"docs/{content.logo}"] = project.source.read(project.kamus.config.instansi.logo)
    for folder, target in (("assets", "docs/assets"), ("overrides", "overrides")):
        base = templates / folder
        for path in sorted(base.rglob("*")):
            if path.is_file():
                files[f"{target}/{path.relative_to(base).as_posix()}"] = path.read_bytes()
    return files
