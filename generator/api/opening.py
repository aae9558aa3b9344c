"""What every command of the API shares: the one road from the user's version options to a
:class:`~generator.project.Project`, and the record of a file a command wrote."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..project import Project, open_version


def open_project(root=".", version: str | None = None, as_of: str | None = None) -> Project:
    """The kamus at ``root``: its working tree, ``version`` (a git tag, branch or commit) of its
    repository, or the enacted version (`riwayat`) in force on the day ``as_of`` (YYYY-MM-DD).
    Nothing is read until a stage asks for it."""
    return open_version(root, version, as_of)


@dataclass
class Written:
    """A file a command wrote: where, which kamus version it holds, how large it is."""

    path: Path
    version: str  # the version's name (`versi` in kamus.yaml) with its git version, or "folder kerja"
    size: int


def sound_project(root, version: str | None, as_of: str | None) -> Project:
    """The project of the version a command works on, whose kamus files pass validation (raises
    ValidationFailed); its snapshots are not what the command writes, and do not hold it up."""
    project = open_project(root, version, as_of)
    project.require_sound_kamus()
    return project


def version_label(project: Project) -> str:
    name = project.kamus.config.versi.nama
    version = f"versi {project.version}" if project.version else "folder kerja"
    return f"{name} ({version})" if name else version
