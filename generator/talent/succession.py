"""Succession slates for strategic posts, and movement between two periods."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..jenjang import RANK
from ..model import Kamus, Position
from .compute import Result, jpm, scope
from .policy import TalentPolicy


@dataclass
class Candidate:
    result: Result
    jpm: float
    seleksi: str
    shortfalls: dict  # kode → (assessed, required) where assessed < required


@dataclass
class Slate:
    position: Position
    incumbents: int
    candidates: list[Candidate]  # ranked, best first (all of them; reports cut to the policy's number)
    incomplete: int  # pool members not ranked because a required competency was not assessed


def slates(results: list[Result], competencies: tuple[str, ...], kamus: Kamus, policy: TalentPolicy) -> list[Slate]:
    index = {code: i for i, code in enumerate(competencies)}
    pool = [r for r in results if r.pool]
    holders: dict[str, int] = {}
    for r in results:
        holders[r.person.kode_jabatan] = holders.get(r.person.kode_jabatan, 0) + 1
    out = []
    for position in sorted((p for p in kamus.positions.values() if p.strategis), key=lambda p: p.kode):
        required = scope(position, kamus, policy)
        rank_below = RANK[position.jenis_jabatan] + 1
        ranked, incomplete = [], 0
        for r in pool:
            if r.person.kode_jabatan == position.kode:
                continue
            if policy.suksesi_jenjang_di_bawah and RANK[r.jenis_jabatan] != rank_below:
                continue
            value, missing = jpm(r.person.levels, index, required, policy.jpm_cap)
            if value is None:
                incomplete += 1
                continue
            ranked.append((value, r))
        ranked.sort(key=lambda pair: (-pair[0], -pair[1].box, pair[1].person.nip))
        candidates = []
        for value, r in ranked:
            shortfalls = {kode: (r.person.levels[index[kode]], level) for kode, level in required
                          if r.person.levels[index[kode]] < level}
            candidates.append(Candidate(r, round(value, 2), policy.band_seleksi(value), shortfalls))
        out.append(Slate(position, holders.get(position.kode, 0), candidates, incomplete))
    return out


@dataclass
class Movement:
    old: str
    new: str
    transitions: list[list[int]] = field(default_factory=lambda: [[0] * 9 for _ in range(9)])  # [from-1][to-1]
    entered: list[Result] = field(default_factory=list)
    left: list[Result] = field(default_factory=list)
    up: list[tuple[Result, Result]] = field(default_factory=list)
    down: list[tuple[Result, Result]] = field(default_factory=list)
    same: int = 0


def movement(old_period: str, old: list[Result], new_period: str, new: list[Result]) -> Movement:
    """People matched by NIP between two periods: the 9×9 box transitions and who moved."""
    before = {r.person.nip: r for r in old}
    moved = Movement(old_period, new_period)
    seen = set()
    for r in new:
        previous = before.get(r.person.nip)
        if previous is None:
            moved.entered.append(r)
            continue
        seen.add(r.person.nip)
        moved.transitions[previous.box - 1][r.box - 1] += 1
        if r.box > previous.box:
            moved.up.append((previous, r))
        elif r.box < previous.box:
            moved.down.append((previous, r))
        else:
            moved.same += 1
    moved.left = [r for r in old if r.person.nip not in seen]
    return moved
