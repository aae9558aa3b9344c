"""Whom a change touches: counts only, never names."""

from __future__ import annotations

from dataclasses import dataclass, field

from .compare import Change
from .lenient import Version


@dataclass
class Impact:
    positions_requiring: dict[str, int] = field(default_factory=dict)  # changed competency → positions (new version)
    newly_below: dict[tuple[str, str], int] = field(default_factory=dict)  # (jabatan, kompetensi) → incumbents
    snapshot: str = ""  # the snapshot the incumbent counts come from ('' when none)


def impact(changes: list[Change], new: Version, snapshot=None) -> Impact:
    """Positions that require each changed competency; incumbents (latest snapshot) who fall
    below a raised requirement: assessed ≥ old level before, < new level now."""
    result = Impact(snapshot=snapshot.path if snapshot else "")
    requiring: dict[str, int] = {}
    for p in new.positions.values():
        for code in p["kompetensi"]:
            requiring[code] = requiring.get(code, 0) + 1
    for change in changes:
        if change.subject == "kompetensi":
            result.positions_requiring[change.kode] = requiring.get(change.kode, 0)
    if snapshot is None:
        return result
    index = {code: i for i, code in enumerate(snapshot.competencies)}
    raised = [c for c in changes if c.kind == "syarat-naik"]
    holders: dict[str, list] = {}
    for person in snapshot.people:
        holders.setdefault(person.kode_jabatan, []).append(person)
    for change in raised:
        i = index.get(change.where)
        count = 0
        if i is not None:
            for person in holders.get(change.kode, ()):
                level = person.levels[i]
                count += level is not None and change.old <= level < change.new
        result.newly_below[(change.kode, change.where)] = count
    return result
