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


def site_content(project: Project) -> SiteContent:
    """The content of the site of a sound project (call :meth:`Project.require_valid` first)."""
    kamus = project.kamus
    history = version_history(project.repository, kamus.config.riwayat) if kamus.config.riwayat else None
    return SiteContent.of(kamus, project.schemas.schemas, list(RULES.values()), history=history,
                          talent=talent_pages(project), logo=logo_target(project))


def static_files(project: Project, content: SiteContent, templates=TEMPLATES) -> dict[str, bytes]:
    """The files published as they are: the logo and the site's CSS/JS."""
    files = {}
    if content.logo:
        files[f"docs/{content.logo}"] = project.source.read(project.kamus.config.instansi.logo)
    assets = templates / "assets"
    for path in sorted(assets.rglob("*")):
        if path.is_file():
            files[f"docs/assets/{path.relative_to(assets).as_posix()}"] = path.read_bytes()
    return files
