"""The kinds of data a kamus holds, written down once: where each kind's files live, which
schema checks them, what a message calls it. Discovery, loading, the schema check, the
identity rules, the live preview, the output guards, `kamus init`, the import and the
change summaries all read this table; adding a kind of data starts here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

CONFIG_FILE = "kamus.yaml"
UNIT_FILE = "_unit.yaml"


@dataclass(frozen=True)
class Kind:
    name: str  # in code and in schemas/<schema>.schema.json: competency, unit, position, …
    group: str  # the attribute of Sources and Documents that lists its files (competencies, units, …)
    label: str  # what messages call one of them (Bahasa Indonesia)
    layout: str  # where its files are, relative to the kamus root
    folder: str = ""  # the top folder its files are in ("" for the settings file)
    objek: str = ""  # an entry the workbook and SKJ forms edit, by this word (kompetensi, unit, jabatan)
    required: bool = False  # its folder makes a kamus root

    @property
    def schema(self) -> str:
        return self.name

    def path(self, kode: str, folder: str) -> str:
        """The file of the entry ``kode`` (in ``folder``: a jenis or a unit; a unit's folder is its kode)."""
        unit = folder if "<kode>" in self.layout else kode
        return self.layout.replace("<jenis>", folder).replace("<unit>", unit).replace("<kode>", kode)


CONFIG = Kind("config", "config", "pengaturan", CONFIG_FILE)
COMPETENCY = Kind("competency", "competencies", "kompetensi", "competencies/<jenis>/<kode>.yaml", "competencies",
                  "kompetensi", True)
UNIT = Kind("unit", "units", "unit", f"positions/<unit>/{UNIT_FILE}", "positions", "unit")
POSITION = Kind("position", "positions", "jabatan", "positions/<unit>/<kode>.yaml", "positions", "jabatan", True)
DEVELOPMENT = Kind("development", "development", "kegiatan pengembangan", "development/<kode>.yaml", "development")

KINDS = (CONFIG, COMPETENCY, UNIT, POSITION, DEVELOPMENT)  # in the order they are read and reported
BY_NAME = {kind.name: kind for kind in KINDS}
ENTRIES = {kind.objek: kind for kind in KINDS if kind.objek}  # what an import edits, by its word
FOLDERS = tuple(dict.fromkeys(kind.folder for kind in KINDS if kind.folder))  # competencies, positions, development
REQUIRED_FOLDERS = tuple(dict.fromkeys(kind.folder for kind in KINDS if kind.required))

# Employee exports for talent mapping: snapshots/<periode>.csv|xlsx|xls, or a folder snapshots/<periode>/ of
# such files as downloaded; read as tables, never as YAML.
SNAPSHOTS = "snapshots"
SNAPSHOT_SUFFIXES = (".csv", ".xlsx", ".xls")  # .xls: web applications save HTML tables or text under that name
OPEN_DATA_SCHEMA = "kamus-data"  # the schema of `kamus export --format json`, not of a kamus file
SCHEMAS = tuple(kind.schema for kind in KINDS) + (OPEN_DATA_SCHEMA,)
DATA_FOLDERS = FOLDERS + (SNAPSHOTS,)  # what a kamus root holds as data (never an output)


def kind_of(path: str) -> Kind | None:
    """The kind of the data file at ``path`` (relative, forward slashes), by its place alone;
    None for a file in no data folder or in the wrong place."""
    if path == CONFIG_FILE:
        return CONFIG
    parts = PurePosixPath(path).parts
    for kind in KINDS:
        if kind.folder and parts[0] == kind.folder and len(parts) == kind.layout.count("/") + 1:
            if kind in (UNIT, POSITION) and (parts[-1] == UNIT_FILE) != (kind is UNIT):
                continue
            return kind
    return None
