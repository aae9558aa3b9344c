"""The content of the site, assembled from the model and the parts prepared before
(:mod:`generator.publish.prepare`: history, talent aggregates, downloads, the logo), all
plain data: nothing here runs a stage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from ..model import Config, Kamus
from ..render.pages import SiteContent
from ..rules import RULES

if TYPE_CHECKING:  # types only
    from ..diff.history import History
    from ..render.pages import TalentPages, VersionDownload
    from ..talent.coverage import Coverage


@dataclass
class Prepared:
    """The parts of the site's content that come from more than the model (plain data)."""

    history: History | None = None  # when kamus.yaml lists enacted versions
    talent: TalentPages | None = None  # when there are snapshots
    coverage: Coverage | None = None  # SKJ coverage of the newest period, when there are snapshots
    lampiran: list[VersionDownload] = field(default_factory=list)  # the current version, then every riwayat version
    data_files: dict = field(default_factory=dict)  # docs path → (label, what it is for) of the open-data downloads
    files: dict[str, bytes] = field(default_factory=dict)  # the downloads and the logo: docs path → bytes
    # () → {docs path: bytes}: the downloads that ``files`` holds as empty placeholders, written later
    deferred: Callable[[], dict[str, bytes]] | None = None


def logo_target(config: Config) -> str:
    """The docs path the instansi logo is published at, or ''."""
    logo = config.instansi.logo
    return f"assets/logo{PurePosixPath(logo).suffix.lower()}" if logo else ""


def site_content(kamus: Kamus, schemas: dict[str, dict], prepared: Prepared) -> SiteContent:
    """The content of the site of the sound ``kamus`` (``schemas``: kind → JSON Schema, for the
    data reference) with the ``prepared`` parts."""
    return SiteContent.of(kamus, schemas, list(RULES.values()), history=prepared.history, talent=prepared.talent,
                          coverage=prepared.coverage,
                          logo=logo_target(kamus.config), lampiran=prepared.lampiran, data_files=prepared.data_files,
                          files=prepared.files, deferred=prepared.deferred)
