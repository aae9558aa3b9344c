"""Stage 2: check — documents and model in, findings out.

:func:`check_schemas` validates each loaded document against its JSON Schema and says
which documents the model of the valid files may be built from; :func:`check_rules` runs every
cross-file rule over the documents and the model. Neither reads a file of the kamus,
runs git, nor builds anything: :class:`generator.project.Project` drives the stages and
hands over what lies outside the documents (the logo file, the git tags). The only files
this package opens are the tool's own schemas and national reference text.
"""

from __future__ import annotations

from ..kinds import KINDS, POSITION
from ..load import Documents
from ..load.named import NamedFile
from ..model import Kamus, Versi
from ..model.decisions import Decisions
from . import content, decisions as decision_rules, identity, national, references
from .characters import check_characters
from .config import check_logo, check_riwayat, check_riwayat_versi, check_talenta, check_tanggal
from .schema import SchemaSet, check_renamed, default_schemas


def check_schemas(documents: Documents, schemas: SchemaSet | None = None) -> tuple[list, set[str], dict]:
    """(every schema finding, the paths of documents that loaded cleanly and passed their schema,
    path → what the rules read of each document with schema errors: :func:`~.accepted.accepted`)."""
    schemas = schemas or default_schemas()
    found, valid, accepted = [], set(), {}
    for kind in KINDS:
        for loaded in documents.of(kind):
            if loaded.doc is None:
                continue
            problems, checked = schemas.review(kind.schema, loaded.doc)
            problems += check_renamed(kind.schema, loaded.doc)
            found.extend(problems)
            if checked is not loaded.doc:
                accepted[loaded.file.path] = checked
            if not any(p.severity == "error" for p in problems) and not loaded.findings:
                valid.add(loaded.file.path)
    return found, valid, accepted


def _parsed(group) -> list:
    return [(loaded.doc, loaded.file) for loaded in group if loaded.doc is not None]


def _known(group, unit: bool = False) -> set[str]:
    """The kode of every file of a kind, valid or not (so that one broken file causes no cascade):
    a unit is known by its folder, anything else by its file name and its kode."""
    known = set()
    for loaded in group:
        known.add(loaded.file.folder if unit else loaded.file.stem)
        if not unit and loaded.doc is not None and isinstance(loaded.doc.get("kode"), str):
            known.add(loaded.doc.get("kode"))
    return known


def check_rules(documents: Documents, kamus: Kamus, logo: NamedFile | None, tags: frozenset[str] | None,
                enacted: dict[str, Versi]) -> list:
    """Every cross-file rule: identity over the parsed documents, then references and content
    over their model, both as accepted (a document with schema errors without the values its
    schema rejected: :mod:`generator.check.accepted`), so that one run finds everything.
    ``logo`` is the file `instansi.logo` names, ``tags`` the git tags of the repository (None:
    no repository or no git) and ``enacted`` the `versi` that kamus.yaml wrote at each
    `riwayat` tag, all as the project read them."""
    competencies, units, positions = documents.competencies, documents.units, documents.positions
    development = documents.development
    found = check_logo(documents, kamus, logo) + check_riwayat(documents, kamus, tags)
    found += check_riwayat_versi(documents, kamus, enacted)
    found += check_tanggal(documents, kamus)
    found += check_talenta(documents, kamus) + check_characters(documents)
    found += identity.check_unique(_parsed(competencies), "competency")
    found += identity.check_unique(_parsed(positions), "position")
    found += identity.check_unique(_parsed(development), "development")
    found += identity.check_file_names(_parsed(competencies) + _parsed(positions) + _parsed(development))
    found += identity.check_file_names(_parsed(units), unit=True)
    found += identity.check_names(_parsed(competencies), "competency")
    found += identity.check_names(_parsed(positions), "position")
    found += identity.check_names(_parsed(units), "unit", unit=True)
    found += identity.check_names(_parsed(development), "development", reserved=False)  # no page per activity
    found += identity.check_jenis_names(documents.config.doc if documents.config else None)
    found += identity.check_competency_kinds(_parsed(competencies), kamus.config.jenis_kompetensi)
    found += identity.check_unit_files(documents.sources)
    known_units = _known(units, unit=True) | set(documents.sources.unit_folders)
    known_positions, known_competencies = _known(positions), _known(competencies)
    for rule in (lambda k: references.check_units(k, known_units),
                 lambda k: references.check_atasan(k, known_positions),
                 lambda k: references.check_requirements(k, known_competencies),
                 lambda k: references.check_replacements(k, known_competencies),
                 content.check_level_sequence, content.check_mandatory, content.check_standard,
                 content.check_teknis, content.check_pangkat, content.check_persyaratan_tingkat,
                 national.check_national_text,
                 content.check_bentuk, content.check_standard_override):
        found += rule(kamus)
    if not any(path.startswith(POSITION.folder + "/") for path in documents.unreadable):
        found += content.check_unused(kamus)  # a position that cannot be read may be the one that uses it
    return found


def check_decisions(decisions: dict[str, Decisions], kamus: Kamus, kesiapan: tuple[str, ...]) -> list:
    """Every rule about the komite's decision files (``decisions``: file name → decisions of a file
    that passed its schema) that needs no talent results: the period, dates, penetapan, repeated
    entries, target posts and readiness (``kesiapan``: the readiness values of `talenta.kesiapan`)."""
    found = []
    for stem, decided in decisions.items():
        found += decision_rules.check_periode(decided, stem) + decision_rules.check_dates(decided)
        found += decision_rules.check_order(decided) + decision_rules.check_penetapan(decided)
        found += decision_rules.check_duplicates(decided)
        found += decision_rules.check_targets(decided, kamus) + decision_rules.check_kesiapan(decided, kesiapan)
    return found


__all__ = ["SchemaSet", "check_decisions", "check_rules", "check_schemas", "default_schemas"]
