"""A Project: one kamus version, opened once, that every command works on.

It is opened from a folder (the working tree) or from a git version, through one
:class:`~generator.load.source.FileSource`, and holds what the commands need, each
built once and only when first asked for:

    kamus.yaml → config (read alone: choosing a version by date needs nothing else)
    sources → documents → (schema findings) → kamus (the model of the valid files)
                                            → as_written (the model of every file that parses)
                                            → as_accepted (every file that parses, without the
                                              values its schema rejected: what the rules read)
            → findings of every rule (handed the logo file and the git tags) → snapshots → report

`kamus validate` reads :attr:`Project.report`; build, serve and talenta need a sound
:attr:`Project.kamus` (:meth:`Project.require_valid`); `kamus diff` compares the models
as written of two projects.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from .bulk import bulk
from .check import check_decisions, check_rules, check_schemas, default_schemas
from .check.accepted import solid
from .check import mkdocs as mkdocs_rules
from .check.config import LOGO_MAX_BYTES
from .check.quotable import personal_values, quotable
from .check.schema import schema_words
from .errors import KamusError, UsageError, ValidationFailed
from .findings import Report
from .journal import leftovers
from .kinds import CONFIG_FILE, DECISION, is_personal
from .load import Documents, FileSource, FolderSource, Sources, discover, load_documents, open_source, unchanged
from .load.discover import SourceFile, is_kamus_root, require_kamus_root
from .load.documents import Loaded, load_file
from .load.mkdocs_yaml import MKDOCS_FILE, load_mkdocs
from .load.named import NamedFile, read_named
from .load.source import OverlaySource, commit_time
from .model import Config, Kamus
from .model.config import Versi, parse_date
from .model.builder import build_model
from .model.decisions import Decisions, decisions_from
from .talent.analysis import read_snapshots
from .talent.decisions import check_results, snapshot_of
from .talent.snapshot import Snapshot, snapshot_files


class Project:
    """One version of a kamus: the working tree at ``root``, or ``version`` (a git tag, branch
    or commit) of the repository at ``root``. ``historic`` opens a version that need not be a
    kamus root (historic versions are compared, never rejected).

    Projects are opened here only: :func:`open_version` (the user's version options),
    :func:`open_compared` (a side of `kamus diff`), and from an open project
    (:attr:`enacted`, :meth:`reopened`, :meth:`overlaid`)."""

    def __init__(self, source: FileSource, schemas=None, historic: bool = False, reuse: "Project | None" = None):
        self.source = source
        self.schemas = schemas or default_schemas()
        self.historic = historic
        self._reuse = reuse  # a project whose loaded files are taken over unless ``source`` changed them

    @classmethod
    def open(cls, root=".", version: str | None = None, historic: bool = False, schemas=None) -> "Project":
        return cls(open_source(root, version), schemas=schemas, historic=historic)

    @cached_property
    def enacted(self) -> dict[str, "Project"]:
        """The enacted versions (`riwayat`: tag → Project) of this project's repository, opened
        once (for the history and the Lampiran alike) as historic, so that a version is compared
        whatever today's rules say. Nothing of them is read until a stage asks for it."""
        return {versi.tag: Project.open(self.repository, versi.tag, historic=True) for versi in self.config.riwayat}

    def enacted_versi(self, tags: frozenset[str] | None) -> dict[str, Versi]:
        """tag → the `versi` kamus.yaml wrote at each `riwayat` tag among ``tags`` (the ones it wrote
        one at): what RIWAYAT-VERSI compares with the record."""
        found = {}
        for record in self.config.riwayat:
            if tags is None or record.tag not in tags:
                continue
            try:
                versi = Project.open(self.repository, record.tag).config.versi
            except KamusError:
                continue
            if versi != Versi():
                found[record.tag] = versi
        return found

    def enacted_record(self) -> Versi | None:
        """The `riwayat` record of the working tree's kamus.yaml for this project's version, if
        it is an enacted one: how that version was enacted (label, nomor, tahun, tanggal)."""
        if not self.version:
            return None
        records = Project.open(self.repository).config.riwayat
        return next((record for record in records if record.tag == self.version), None)

    def reopened(self) -> "Project":
        """This working tree opened again (the live preview, after a save): the files that did
        not change since this project read them are taken over, not read again."""
        loaded = "documents" in vars(self)
        return Project(open_source(self.root), self.schemas, self.historic, reuse=self if loaded else self._reuse)

    def overlaid(self, writes: dict[str, bytes], deletes=()) -> "Project":
        """The would-be kamus with ``writes`` and ``deletes`` laid over this working tree (nothing
        touches the disk); the files the plan leaves alone are taken over."""
        return Project(OverlaySource(self.source, writes, deletes), self.schemas, reuse=self)

    @property
    def root(self) -> Path | None:
        """The folder of a working-tree project (None for a version read from git)."""
        return self.source.root

    @property
    def repository(self) -> Path:
        """The folder of the git repository (or kamus folder) this version comes from."""
        return self.source.repository

    @property
    def version(self) -> str | None:
        """The git version (tag, branch or commit) as named, or None for the working tree."""
        return self.source.version

    @property
    def commit(self) -> str | None:
        return self.source.commit

    @cached_property
    def timestamp(self) -> int:
        """Seconds since 1970 of this version's commit (of HEAD for the working tree; 0 outside git)."""
        return commit_time(self.repository, self.commit or "HEAD")

    @property
    def label(self) -> str:
        return self.source.label

    # --- the stages, each run once -------------------------------------------------

    @cached_property
    def sources(self) -> Sources:
        return discover(self.source, historic=self.historic)

    @cached_property
    def documents(self) -> Documents:
        earlier, self._reuse = self._reuse, None  # no chain of earlier projects kept alive
        reuse = unchanged(earlier.documents, self.source) if earlier else {}
        settings = vars(self).get("_settings")
        if settings is not None:  # kamus.yaml, read already for the settings
            reuse[settings.file.path] = settings
        with bulk():
            return load_documents(self.sources, reuse)

    @cached_property
    def _settings(self) -> Loaded | None:
        """kamus.yaml alone (None without one), read without discovering or loading anything else."""
        if "documents" in vars(self):
            return self.documents.config
        if not self.source.is_file(CONFIG_FILE):
            return None
        earlier = self._reuse.documents.config if self._reuse is not None and "documents" in vars(self._reuse) else None
        if earlier is not None and self.source.unchanged(CONFIG_FILE, earlier.stamp):
            return earlier
        return load_file(self.source, SourceFile(CONFIG_FILE, ""))

    @cached_property
    def _schema(self) -> tuple[list, set[str], dict]:
        documents = self.documents
        with bulk():
            return check_schemas(documents, self.schemas)

    @property
    def valid_paths(self) -> set[str]:
        """The data files that loaded cleanly and passed their schema."""
        return self._schema[1]

    @cached_property
    def config(self) -> Config:
        """kamus.yaml's settings, read without loading the competencies, positions or anything
        else: all defaults when it is missing or no mapping, and a value its schema rejected
        (reported by `kamus validate`) left at its default."""
        loaded = self._settings
        if loaded is None or loaded.doc is None or not isinstance(loaded.doc.data, dict):
            return Config()
        _, checked = self.schemas.review("config", loaded.doc)
        return Config.from_data(solid(checked.data)) if isinstance(checked.data, dict) else Config()

    @cached_property
    def kamus(self) -> Kamus:
        """The model of the valid files: the documents that passed loading and their schema."""
        documents, valid = self.documents, self._schema[1]
        with bulk():
            return build_model(documents, self.config, valid=valid)

    @cached_property
    def _accepted(self) -> tuple[Documents, Kamus]:
        documents, (_, valid, accepted) = self.documents, self._schema
        if not accepted and len(valid) == sum(1 for loaded in documents.all() if loaded.doc is not None):
            return documents, self.kamus  # every file that parses is valid: the same model
        with bulk():
            return documents.replaced(accepted), build_model(documents, self.config, accepted=accepted)

    @property
    def as_accepted(self) -> Kamus:
        """The model the cross-file rules check: every document that parses, a document with
        schema errors without the values its schema rejected (:mod:`generator.check.accepted`),
        so that one run finds every finding; the model of the valid files when all are valid."""
        return self._accepted[1]

    @cached_property
    def as_written(self) -> Kamus:
        """The model of every document that parses, as written, whatever today's rules say."""
        documents = self.documents
        with bulk():
            return build_model(documents, self.config, valid=None)

    @cached_property
    def mkdocs(self):
        """The kamus's own mkdocs.yml: (Document or None, findings); (None, []) without one."""
        if not self.source.is_file(MKDOCS_FILE):
            return None, []
        try:
            return load_mkdocs(self.source.read(MKDOCS_FILE, limit=1_000_000))
        except OSError as exc:
            return None, [mkdocs_rules.finding("MKDOCS-YAML", MKDOCS_FILE, 1, 1,
                                               f"mkdocs.yml tidak dapat dibaca: {exc.strerror or exc}")]

    @cached_property
    def logo(self) -> NamedFile | None:
        """The file `instansi.logo` names (read once: checked, then published), or None."""
        path = self.config.instansi.logo
        return read_named(self.source, path, LOGO_MAX_BYTES) if path else None

    @cached_property
    def kamus_report(self) -> Report:
        """Every finding about the kamus itself (files, schemas, rules), snapshots aside."""
        doc, mkdocs_findings = self.mkdocs
        personal = len(self.documents.decisions)
        report = Report(files_checked=self.sources.count - personal + (doc is not None or bool(mkdocs_findings)))
        report.extend(f for f in self.documents.findings + self._schema[0] if not is_personal(f.path))
        documents, kamus = self._accepted
        logo, tags = self.logo, (self.source.tags() if kamus.config.riwayat else None)
        enacted = self.enacted_versi(tags)
        with bulk():
            report.extend(check_rules(documents, kamus, logo, tags, enacted))
        report.extend(mkdocs_findings + (mkdocs_rules.findings(doc) if doc is not None else []))
        if isinstance(self.source, FolderSource) and not self.historic:  # the working tree
            report.extend(leftovers(self.source.root))  # of an import or a write that was killed
        return report

    @cached_property
    def _snapshots(self) -> tuple[list[Snapshot], Report]:
        """Every snapshot, checked against the kamus as accepted (one run finds everything); not
        while a kamus file cannot be read at all (a row naming its position would be reported
        as unknown)."""
        if any(not is_personal(path) for path in self.documents.unreadable):  # a decision file is not the kamus
            return [], Report()
        return read_snapshots(self.source, self.as_accepted)

    @property
    def snapshots(self) -> list[Snapshot]:
        """Every snapshot, checked (empty while the kamus itself has errors)."""
        return [] if self.kamus_report.failed() else self._snapshots[0]

    @property
    def snapshots_report(self) -> Report:
        """Every finding of every snapshot (empty while the kamus itself has errors)."""
        return self._snapshots[1]

    def _decided(self, read) -> dict[str, Decisions]:
        """File name → decisions of every decision file that parses, as ``read`` (loaded → Document
        or None) gives its document."""
        docs = {loaded.file.stem: read(loaded) for loaded in self.documents.decisions if loaded.doc is not None}
        return {stem: decisions_from(doc) for stem, doc in docs.items() if doc is not None and isinstance(doc.data, dict)}

    @cached_property
    def decisions(self) -> dict[str, Decisions]:
        """The komite's decisions (`keputusan/<periode>.yaml`, RAHASIA) that passed their schema, by file name."""
        return self._decided(lambda loaded: loaded.doc if loaded.file.path in self.valid_paths else None)

    @cached_property
    def decisions_as_written(self) -> dict[str, Decisions]:
        """Every decision file that parses, as written (for comparing versions)."""
        return self._decided(lambda loaded: loaded.doc)

    @cached_property
    def decisions_as_accepted(self) -> dict[str, Decisions]:
        """Every decision file that parses, without the values its schema rejected
        (:mod:`generator.check.accepted`): what the decision rules check, so that one run finds
        every finding of a file with schema errors too."""
        accepted = self._schema[2]
        return self._decided(lambda loaded: accepted.get(loaded.file.path, loaded.doc))

    @cached_property
    def decisions_report(self) -> Report:
        """Every finding about the decision files: reading and schema, then, when the kamus is sound,
        the rules over what the schema accepted (:meth:`decisions_as_accepted`; see
        :func:`generator.check.check_decisions`), all quoting no personal value of the file
        (:mod:`generator.check.quotable`)."""
        found = [f for f in self.documents.findings + self._schema[0] if is_personal(f.path)]
        checked = self.decisions_as_accepted
        if checked and not self.kamus_report.failed():
            found += check_decisions(checked, self.kamus, self.kamus.config.talenta.kesiapan)
            for stem, decided in checked.items():
                snapshot, missing = snapshot_of(decided, stem, self.snapshots)
                found += missing
                if snapshot is not None and not snapshot.failed():  # a broken snapshot has findings of its own
                    with bulk():
                        found += check_results(decided, snapshot, self.kamus, self.kamus.config.talenta)
        known = schema_words(self.schemas.schemas[DECISION.schema])
        personal = {loaded.file.path: personal_values(loaded.doc) for loaded in self.documents.decisions
                    if loaded.doc is not None}
        return Report([quotable(f, personal.get(f.path), known) for f in found], len(self.documents.decisions))

    @cached_property
    def report(self) -> Report:
        """Every finding: the kamus, then (when the kamus is sound) every snapshot and the komite's decisions."""
        report = Report(list(self.kamus_report.findings), self.kamus_report.files_checked)
        for stage in (self.snapshots_report, self.decisions_report):
            report.extend(stage.findings)
            report.files_checked += stage.files_checked
        return report

    # --- conveniences ----------------------------------------------------------------

    def require_valid(self, strict: bool = False) -> Kamus:
        """The model of the valid files, or ValidationFailed with every finding."""
        if self.report.failed(strict):
            raise ValidationFailed(self.report)
        return self.kamus

    def require_sound_kamus(self) -> Kamus:
        """The model when the kamus's own files pass (its snapshots and the komite's decisions
        aside), or ValidationFailed with the kamus's findings: what works on the kamus files alone
        (export, Lampiran, import, SKJ coverage) is not held up by a snapshot that is incomplete
        or damaged."""
        if self.kamus_report.failed():
            raise ValidationFailed(self.kamus_report)
        return self.kamus

    def latest_snapshot(self) -> Snapshot | None:
        """The latest snapshot that can be mapped, when it and the kamus are sound, reading only
        that file (and the newer periods that hold only their employee export)."""
        if self.kamus_report.failed():
            return None
        for path in reversed(snapshot_files(self.source)):
            found, _ = read_snapshots(self.source, self.kamus, [path])
            if found[0].failed():
                return None
            if not found[0].unmapped:
                return found[0]
        return None


def open_version(root=".", version: str | None = None, as_of: str | None = None) -> Project:
    """The one road from the user's version options to a Project: the working tree at
    ``root``; ``version`` (a git tag, branch or commit) of its repository; or the enacted
    version in force on the day ``as_of`` (YYYY-MM-DD), chosen from `riwayat` in the working
    tree's kamus.yaml (read alone: a broken competency or position does not stand in the way)."""
    if version and as_of:
        raise UsageError("pakai --versi atau --per-tanggal, tidak keduanya.")
    if as_of:
        version = _in_force(Project.open(root), as_of)
    return Project.open(root, version or None)


def _in_force(working: Project, as_of: str) -> str:
    """The tag of the enacted version in force on the day ``as_of``."""
    day = parse_date(as_of)
    if day is None:
        raise UsageError(f"--per-tanggal `{as_of}` bukan tanggal; tulis YYYY-MM-DD, misalnya 2025-03-01.")
    require_kamus_root(working.source)
    config = working.config
    dated = [v for v in config.riwayat if v.date is not None]
    if not dated:
        raise UsageError("kamus.yaml belum memuat `riwayat` dengan `tanggal`: versi yang berlaku pada suatu tanggal "
                         "dipilih dari daftar itu. Tambahkan setiap versi yang ditetapkan (tag, label, tanggal).")
    found = config.version_on(day)
    if found is None:
        first = min(dated, key=lambda v: v.date)
        raise UsageError(f"pada {as_of} belum ada versi yang berlaku; versi tertua di `riwayat` "
                         f"({first.label}, tag {first.tag}) ditetapkan {first.tanggal}.")
    return found.tag


def open_compared(root, version: str) -> Project:
    """One side of `kamus diff`: a kamus folder when one exists by that name, else a git
    version of the repository at ``root``; opened as historic (compared, never rejected)."""
    folder = Path(version)
    if folder.is_dir() and is_kamus_root(open_source(folder)):
        return Project.open(folder, historic=True)
    return Project.open(root, version, historic=True)
