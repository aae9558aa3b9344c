"""The history of the listed enacted versions, for the site (read straight from git tags)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from ..model import Kamus, Versi
from .compare import Change, compare, subjects_of

if TYPE_CHECKING:
    from .impact import Impact


@dataclass
class Pair:
    old: Versi
    new: Versi
    changes: list[Change]
    impact: Impact | None = None  # when counted

    @property
    def slug(self) -> str:
        return f"{self.old.tag}--{self.new.tag}"


@dataclass
class History:
    versions: list[Versi]
    pairs: list[Pair] = field(default_factory=list)  # every pair, older first
    by_subject: dict[tuple[str, str], list[tuple[Pair, list[Change]]]] = field(default_factory=dict)
    names: dict = field(default_factory=dict)  # (objek, kode) → nama across the versions

    def pair(self, old_tag: str, new_tag: str) -> Pair | None:
        return next((p for p in self.pairs if p.old.tag == old_tag and p.new.tag == new_tag), None)

    def consecutive(self) -> list[Pair]:
        tags = [v.tag for v in self.versions]
        return [p for p in self.pairs if tags.index(p.new.tag) == tags.index(p.old.tag) + 1]

    def changes_of(self, objek: str, kode: str) -> list[tuple[Pair, list[Change]]]:
        """[(pair of consecutive versions, [changes])] touching one competency, position or unit."""
        return self.by_subject.get((objek, kode), [])


def history(versions, models: dict[str, Kamus], unreadable: dict[str, list[str]] | None = None) -> History:
    """Comparisons between every two listed versions (``models``: tag → model as written;
    ``unreadable``: tag → data files that do not parse there, never shown as removed), and
    per competency/position/unit the changes between consecutive versions."""
    versions = list(versions)
    unreadable = unreadable or {}
    result = History(versions)
    for old, new in combinations(versions, 2):
        skip = subjects_of(unreadable.get(old.tag, []) + unreadable.get(new.tag, []))
        result.pairs.append(Pair(old, new, compare(models[old.tag], models[new.tag], skip)))
    for pair in result.consecutive():
        touched: dict[tuple[str, str], list[Change]] = {}
        for change in pair.changes:
            touched.setdefault((change.objek, change.kode), []).append(change)
        for key, changes in touched.items():
            result.by_subject.setdefault(key, []).append((pair, changes))
    return result
