"""Find the data files of a kamus root and say which kind each one is."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..rules import finding

CONFIG_FILE = "kamus.yaml"
UNIT_FILE = "_unit.yaml"
COMPETENCIES = "competencies"
POSITIONS = "positions"


@dataclass(frozen=True)
class SourceFile:
    abspath: Path
    path: str  # relative to the root, forward slashes
    folder: str  # competencies: the jenis folder; positions and units: the unit folder


@dataclass
class Sources:
    root: Path
    config: SourceFile | None = None
    competencies: list[SourceFile] = field(default_factory=list)
    units: list[SourceFile] = field(default_factory=list)
    positions: list[SourceFile] = field(default_factory=list)
    unit_folders: list[str] = field(default_factory=list)  # folders that hold positions
    findings: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.competencies) + len(self.units) + len(self.positions) + (self.config is not None)


def _walk(base: Path, root: Path):
    """Every visible file below ``base`` as (relative parts below base, abspath), sorted."""
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            abspath = Path(dirpath) / name
            yield abspath.relative_to(base).parts, abspath, abspath.relative_to(root).as_posix()


def _is_yaml_like(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(".yaml") or lower.endswith(".yml")


def discover(root) -> Sources:
    """List the kamus files under ``root``; raises UsageError when it is no kamus root."""
    root = Path(root)
    missing = [d for d in (COMPETENCIES, POSITIONS) if not (root / d).is_dir()]
    if missing:
        raise UsageError(
            f"'{root}' bukan folder kamus: folder {' dan '.join(missing)} tidak ada. "
            "Jalankan perintah dari folder kamus atau pakai --root FOLDER.")
    sources = Sources(root=root)
    if (root / CONFIG_FILE).is_file():
        sources.config = SourceFile(root / CONFIG_FILE, CONFIG_FILE, "")
    for kind in (COMPETENCIES, POSITIONS):
        for parts, abspath, path in _walk(root / kind, root):
            name = parts[-1]
            if not _is_yaml_like(name):
                continue  # README.md, images and the like are not data
            if not name.endswith(".yaml"):
                sources.findings.append(finding(
                    "FILE-EXTENSION", path, 1, 1, f"berkas `{name}` tidak dibaca karena akhirannya bukan `.yaml`",
                    f"Ganti nama menjadi `{name.rsplit('.', 1)[0]}.yaml`."))
                continue
            if len(parts) != 2:
                sources.findings.append(finding(
                    "FILE-LOCATION", path, 1, 1, f"berkas di `{path}` tidak berada di `{kind}/<folder>/`"))
                continue
            source = SourceFile(abspath, path, parts[0])
            if kind == COMPETENCIES:
                sources.competencies.append(source)
            elif name == UNIT_FILE:
                sources.units.append(source)
            else:
                sources.positions.append(source)
    sources.unit_folders = sorted({s.folder for s in sources.positions})
    return sources
