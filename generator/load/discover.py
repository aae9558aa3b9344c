"""Find the data files of a kamus version and say which kind each one is (the one discovery)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..errors import UsageError
from ..kinds import CONFIG, CONFIG_FILE, FOLDERS, KINDS, REQUIRED_FOLDERS, UNIT_FILE, kind_of
from ..rules import finding
from .source import FileSource


@dataclass(frozen=True)
class SourceFile:
    path: str  # relative to the root, forward slashes
    folder: str  # competencies: the jenis folder; positions and units: the unit folder; development, decisions: ""

    @property
    def stem(self) -> str:
        return PurePosixPath(self.path).stem


@dataclass
class Sources:
    """The data files of one kamus version, one list per kind (:mod:`generator.kinds`)."""

    source: FileSource
    config: SourceFile | None = None
    competencies: list[SourceFile] = field(default_factory=list)
    units: list[SourceFile] = field(default_factory=list)
    positions: list[SourceFile] = field(default_factory=list)
    development: list[SourceFile] = field(default_factory=list)
    decisions: list[SourceFile] = field(default_factory=list)
    unit_folders: list[str] = field(default_factory=list)  # folders that hold positions
    findings: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.all())

    def of(self, kind) -> list[SourceFile]:
        found = getattr(self, kind.group)
        return ([found] if found else []) if kind is CONFIG else found

    def all(self) -> list[SourceFile]:
        return [file for kind in KINDS for file in self.of(kind)]


def _is_yaml_like(name: str) -> bool:
    lower = name.lower().removesuffix(".txt")  # Notepad adds .txt: "T.A.yaml.txt"
    return lower.endswith(".yaml") or lower.endswith(".yml")


def is_kamus_root(source: FileSource) -> bool:
    return all(source.is_dir(d) for d in REQUIRED_FOLDERS)


def require_kamus_root(source: FileSource) -> None:
    """Raise UsageError when ``source`` is no kamus root (it lacks competencies/ or positions/)."""
    missing = [d for d in REQUIRED_FOLDERS if not source.is_dir(d)]
    if missing:
        raise UsageError(
            f"'{source.label}' bukan folder kamus: folder {' dan '.join(missing)} tidak ada. "
            "Jalankan perintah dari folder kamus atau pakai --root FOLDER.")


def discover(source: FileSource, historic: bool = False) -> Sources:
    """List the kamus files of ``source``.

    Raises UsageError when it is no kamus root, unless ``historic`` (a historic version
    without the folders is simply empty).
    """
    if not historic:
        require_kamus_root(source)
    sources = Sources(source=source)
    if source.is_file(CONFIG_FILE):
        sources.config = SourceFile(CONFIG_FILE, "")
    for folder in FOLDERS:
        for path in source.links(folder) if source.is_dir(folder) else []:
            sources.findings.append(finding(
                "FILE-SYMLINK", path, 1, 1, f"`{path}` adalah tautan simbolik (ke luar folder kamus, ke folder "
                                            "tersembunyi seperti .git, atau ke folder); tidak dibaca"))
    for folder in FOLDERS:
        for path in source.files(folder) if source.is_dir(folder) else []:
            parts = path.split("/")[1:]
            name = parts[-1]
            if not _is_yaml_like(name):
                continue  # README.md, images and the like are not data
            if not name.endswith(".yaml"):
                stem = name[:-4] if name.lower().endswith(".txt") else name
                sources.findings.append(finding(
                    "FILE-EXTENSION", path, 1, 1, f"berkas `{name}` tidak dibaca karena akhirannya bukan `.yaml`"
                    + (" (akhiran `.txt` biasanya ditambahkan Notepad)" if stem != name else ""),
                    f"Ganti nama menjadi `{stem.rsplit('.', 1)[0]}.yaml`" + (
                        "; di Notepad pilih Save as type: All files" if stem != name else "") + "."))
                continue
            kind = kind_of(path)
            if kind is None:
                layout = next(k.layout for k in KINDS if k.folder == folder and not k.layout.endswith(UNIT_FILE))
                sources.findings.append(finding(
                    "FILE-LOCATION", path, 1, 1, f"berkas di `{path}` tidak sesuai susunan `{layout}`"))
                continue
            sources.of(kind).append(SourceFile(path, parts[0] if len(parts) == 2 else ""))
    sources.unit_folders = sorted({s.folder for s in sources.positions})
    return sources
