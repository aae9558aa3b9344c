"""Stage 1 result: every data file of one kamus version, loaded by the YAML loader."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kinds import CONFIG, KINDS
from .discover import Sources, SourceFile
from .document import Document
from .source import FileSource
from .yaml_loader import load_source


@dataclass
class Loaded:
    """One file: its document (None when nothing usable was read) and the problems found."""

    file: SourceFile
    doc: Document | None
    findings: list = field(default_factory=list)
    stamp: tuple | None = None  # the file's stamp when it was read (see FileSource.stamp)


@dataclass
class Documents:
    sources: Sources
    config: Loaded | None = None
    competencies: list[Loaded] = field(default_factory=list)
    units: list[Loaded] = field(default_factory=list)
    positions: list[Loaded] = field(default_factory=list)
    development: list[Loaded] = field(default_factory=list)

    @property
    def findings(self) -> list:
        """Discovery findings and every loading finding, in file order."""
        found = list(self.sources.findings)
        for loaded in self.all():
            found.extend(loaded.findings)
        return found

    def of(self, kind) -> list[Loaded]:
        """The loaded files of one kind (:mod:`generator.kinds`)."""
        found = getattr(self, kind.group)
        return ([found] if found else []) if kind is CONFIG else found

    def all(self) -> list[Loaded]:
        return [loaded for kind in KINDS for loaded in self.of(kind)]

    def replaced(self, docs: dict[str, Document]) -> "Documents":
        """A copy in which the file at each path of ``docs`` holds that document instead."""
        def swap(loaded: Loaded | None) -> Loaded | None:
            if loaded is None or loaded.file.path not in docs:
                return loaded
            return Loaded(loaded.file, docs[loaded.file.path], loaded.findings, loaded.stamp)

        groups = {kind.group: [swap(loaded) for loaded in getattr(self, kind.group)] for kind in KINDS if kind is not CONFIG}
        return Documents(self.sources, swap(self.config), **groups)

    @property
    def unreadable(self) -> list[str]:
        """Data files that gave no usable document (syntax, encoding, size, or no mapping at all)."""
        return [loaded.file.path for loaded in self.all() if loaded.doc is None or not isinstance(loaded.doc.data, dict)]


def load_file(source: FileSource, file: SourceFile) -> Loaded:
    """One file, loaded by the YAML loader, with its stamp taken before reading (a later edit is never missed)."""
    stamp = source.stamp(file.path)
    doc, problems = load_source(source, file.path)
    return Loaded(file, doc, problems, stamp)


def load_documents(sources: Sources, reuse: dict[str, Loaded] | None = None) -> Documents:
    """Strictly load every file that discovery found; a file in ``reuse`` (path → the same
    file loaded before, unchanged since: see :func:`unchanged`) is not read again."""
    source = sources.source
    reuse = reuse or {}
    source.prefetch([f.path for f in sources.all() if f.path not in reuse])

    def load(file: SourceFile) -> Loaded:
        if file.path in reuse:  # the very same object when nothing changed (the preview tests identity)
            earlier = reuse[file.path]
            return earlier if earlier.file == file else Loaded(file, earlier.doc, earlier.findings, earlier.stamp)
        return load_file(source, file)

    loaded = {kind.group: [load(f) for f in sources.of(kind)] for kind in KINDS}
    return Documents(sources=sources, **{**loaded, CONFIG.group: (loaded[CONFIG.group] or [None])[0]})


def unchanged(earlier: Documents, source: FileSource) -> dict[str, Loaded]:
    """The files of ``earlier`` that ``source`` still holds as they were loaded (see
    :meth:`FileSource.unchanged`: an overlay knows the files it writes, a folder compares
    each file's stamp now with its stamp when it was read)."""
    return {loaded.file.path: loaded for loaded in earlier.all() if source.unchanged(loaded.file.path, loaded.stamp)}
