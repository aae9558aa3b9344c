"""Stage 1 result: every data file of one kamus version, strictly loaded."""

from __future__ import annotations

from dataclasses import dataclass, field

from .discover import Sources, SourceFile
from .document import Document
from .yaml_strict import load_source


@dataclass
class Loaded:
    """One file: its document (None when nothing usable was read) and the problems found."""

    file: SourceFile
    doc: Document | None
    findings: list = field(default_factory=list)


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

    def all(self) -> list[Loaded]:
        return ([self.config] if self.config else []) + self.competencies + self.units + self.positions \
            + self.development

    @property
    def unreadable(self) -> list[str]:
        """Data files that gave no usable document (syntax, encoding, size, or no mapping at all)."""
        return [loaded.file.path for loaded in self.all() if loaded.doc is None or not isinstance(loaded.doc.data, dict)]


def load_documents(sources: Sources, cache: dict | None = None) -> Documents:
    """Strictly load every file that discovery found.

    ``cache`` (path → (stamp, Loaded)) lets a long-running process (the live preview) load
    again only the files whose stamp (size, modification time) changed since last time.
    """
    source = sources.source
    prefetch = getattr(source, "prefetch", None)
    if prefetch:
        prefetch([f.path for f in sources.all()])
    stamp = getattr(source, "stamp", None) if cache is not None else None

    def load(file: SourceFile) -> Loaded:
        key = stamp(file.path) if stamp else None
        if key is not None and cache.get(file.path, (None,))[0] == key:
            return cache[file.path][1]
        doc, problems = load_source(source, file.path)
        loaded = Loaded(file, doc, problems)
        if key is not None:
            cache[file.path] = (key, loaded)
        return loaded

    return Documents(sources=sources,
                     config=load(sources.config) if sources.config else None,
                     competencies=[load(f) for f in sources.competencies],
                     units=[load(f) for f in sources.units],
                     positions=[load(f) for f in sources.positions],
                     development=[load(f) for f in sources.development])
