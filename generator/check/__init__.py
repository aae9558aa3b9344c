"""Stage 2: check a kamus root — strict loading, schemas, then cross-file rules.

:func:`check_root` is the one entry point: it returns the model built from every valid
file together with the report of every finding, all at once.
"""

from __future__ import annotations

from ..config import Config
from ..findings import Report
from ..rules import finding
from ..load import discover, load_file
from ..model import Kamus, competency_from, position_from, unit_from
from ..talent.analysis import check_snapshots
from . import identity, policy, references
from .schema import SchemaSet, default_schemas


class _Loaded:
    """The documents of one kind: those that passed their schema, and every kode seen."""

    def __init__(self):
        self.valid: list = []  # (doc, source)
        self.parsed: list = []  # (doc, source) of every document that parsed, valid or not
        self.known: set[str] = set()  # kode of every file, valid or not (no cascades)


def _load_kind(sources, kind: str, schemas: SchemaSet, report: Report) -> _Loaded:
    loaded = _Loaded()
    for source in sources:
        doc, problems = load_file(source.abspath, source.path)
        report.extend(problems)
        # A unit is known by its folder, anything else by its file name and its kode.
        loaded.known.add(source.folder if kind == "unit" else source.abspath.stem)
        if doc is None:
            continue
        loaded.parsed.append((doc, source))
        if kind != "unit" and isinstance(doc.get("kode"), str):
            loaded.known.add(doc.get("kode"))
        schema_problems = schemas.check(kind, doc)
        report.extend(schema_problems)
        if not problems and not schema_problems:
            loaded.valid.append((doc, source))
    return loaded


def _load_config(sources, schemas: SchemaSet, report: Report) -> Config:
    if sources.config is None:
        return Config()
    doc, problems = load_file(sources.config.abspath, sources.config.path)
    report.extend(problems)
    if doc is None:
        return Config()
    problems = schemas.check("config", doc)
    report.extend(problems)
    if problems:
        return Config()
    config = Config.from_data(doc.data)
    if config.instansi_logo and not (sources.root / config.instansi_logo).is_file():
        report.add(finding("CONFIG-LOGO-MISSING", doc.path, *doc.where(("instansi", "logo")),
                           f"berkas logo `{config.instansi_logo}` tidak ditemukan"))
    return config


def check_root(root, schemas: SchemaSet | None = None, snapshots: bool = True) -> tuple[Kamus, Report]:
    """Load and check the kamus at ``root`` (and its talent snapshots unless ``snapshots`` is
    false). Raises UsageError when it is no kamus root."""
    schemas = schemas or default_schemas()
    sources = discover(root)
    report = Report(findings=list(sources.findings), files_checked=sources.count)
    config = _load_config(sources, schemas, report)
    competencies = _load_kind(sources.competencies, "competency", schemas, report)
    units = _load_kind(sources.units, "unit", schemas, report)
    positions = _load_kind(sources.positions, "position", schemas, report)

    report.extend(identity.check_unique(competencies.parsed, "competency"))
    report.extend(identity.check_unique(positions.parsed, "position"))
    report.extend(identity.check_file_names(competencies.parsed + positions.parsed))
    report.extend(identity.check_file_names(units.parsed, unit=True))
    report.extend(identity.check_competency_kinds(competencies.parsed, config.kinds))
    report.extend(identity.check_unit_files(sources))

    kamus = Kamus(config=config)
    for doc, _ in competencies.valid:
        kamus.competencies.setdefault(doc.data["kode"], competency_from(doc))
    for doc, source in units.valid:
        kamus.units.setdefault(source.folder, unit_from(doc))
    for doc, source in positions.valid:
        kamus.positions.setdefault(doc.data["kode"], position_from(doc, source.folder))

    known_units = units.known | set(sources.unit_folders)
    for rule in (lambda k: references.check_units(k, known_units),
                 lambda k: references.check_atasan(k, positions.known),
                 lambda k: references.check_requirements(k, competencies.known),
                 lambda k: references.check_replacements(k, competencies.known),
                 policy.check_level_sequence, policy.check_mandatory, policy.check_standard,
                 policy.check_teknis, policy.check_unused):
        report.extend(rule(kamus))
    if snapshots and not report.failed():  # snapshots are checked against a sound kamus only
        found, snapshot_report = check_snapshots(sources.root, kamus)
        kamus.snapshots = found
        report.extend(snapshot_report.findings)
        report.files_checked += snapshot_report.files_checked
    return kamus, report


__all__ = ["SchemaSet", "check_root", "default_schemas"]
