"""Succession slates for strategic posts, and movement between two periods."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..jenjang import RANK
from ..model import Kamus, Position
from .compute import Result, scope
from .policy import KATEGORI_SELEKSI, TalentPolicy


@dataclass
class Candidate:
    hasil: Result
    jpm: float
    kategori_seleksi: str
    kompetensi_kurang: dict  # kode → (asesmen, syarat) where the assessed level is below the required one


@dataclass
class Slate:
    """One strategic post's slate, named as `suksesi` in `kamus talenta --format json`."""

    jabatan: Position
    pemangku: int  # current holders of the post
    kandidat: list[Candidate]  # the best ranked, at most the policy's number, best first
    jumlah_kandidat: int  # every ranked candidate
    kategori_seleksi: dict  # seleksi category → number of ranked candidates
    tidak_lengkap: int  # pool members not ranked because a required competency was not assessed


class _Ranking:
    """Pool members ordered by the sum of their assessed levels over one set of competencies.

    JPM = sum ÷ Σ required × 100 and Σ required is fixed per post, so one ordering per
    set of competencies (and career rank) serves every post that requires that set:
    slates cost O(pool · sets + posts · log pool), not O(pool · posts).
    """

    def __init__(self, members, codes, index):
        self.complete, self.incomplete = [], []
        for r in members:
            values = [r.person.asesmen[index[k]] if k in index else None for k in codes]
            if any(v is None for v in values):
                self.incomplete.append(r)
            else:
                self.complete.append((sum(values), r))
        self.complete.sort(key=lambda pair: (-pair[0], -pair[1].kotak, pair[1].person.nip))
        self.negative_sums = [-total for total, _ in self.complete]
        self.holders: dict[str, list[float]] = {}  # kode_jabatan → sums of its holders in this ranking
        for total, r in self.complete:
            self.holders.setdefault(r.person.kode_jabatan, []).append(total)
        self.incomplete_holders: dict[str, int] = {}
        for r in self.incomplete:
            self.incomplete_holders[r.person.kode_jabatan] = self.incomplete_holders.get(r.person.kode_jabatan, 0) + 1

    def at_least(self, threshold: float) -> int:
        """How many sums are ≥ ``threshold`` (already lowered by a small epsilon)."""
        return bisect.bisect_right(self.negative_sums, -threshold)


def slates(results: list[Result], competencies: tuple[str, ...], kamus: Kamus, policy: TalentPolicy) -> list[Slate]:
    index = {code: i for i, code in enumerate(competencies)}
    pool = [r for r in results if r.kelompok_talenta]
    holders: dict[str, int] = {}
    for r in results:
        holders[r.person.kode_jabatan] = holders.get(r.person.kode_jabatan, 0) + 1
    rankings: dict[tuple, _Ranking] = {}
    ms_name, mms_name, kms_name = KATEGORI_SELEKSI
    out = []
    for position in sorted((p for p in kamus.positions.values() if p.strategis), key=lambda p: p.kode):
        required = scope(position, kamus, policy)
        codes = tuple(sorted(kode for kode, _ in required))
        rank = RANK[position.jenis_jabatan] + 1 if policy.suksesi.hanya_jenjang_di_bawah else None
        key = (codes, rank)
        if key not in rankings:
            members = pool if rank is None else [r for r in pool if RANK[r.jenis_jabatan] == rank]
            rankings[key] = _Ranking(members, codes, index)
        ranking = rankings[key]
        total_required = sum(level for _, level in required)
        limit = policy.suksesi.jumlah_kandidat
        candidates = []
        for total, r in ranking.complete:
            if len(candidates) == limit:
                break
            if r.person.kode_jabatan == position.kode:
                continue  # a post's own holders are no candidates for it
            value = total / total_required * 100
            value = min(value, 100.0) if policy.jpm.batasi_100 else value
            shortfalls = {kode: (r.person.asesmen[index[kode]], level) for kode, level in required
                          if r.person.asesmen[index[kode]] < level}
            candidates.append(Candidate(r, round(value, 2), policy.kategori_seleksi(value), shortfalls))
        ms_needed = policy.jpm.seleksi.ms / 100 * total_required - 1e-9
        mms_needed = policy.jpm.seleksi.mms / 100 * total_required - 1e-9
        ms, mms, ranked = ranking.at_least(ms_needed), ranking.at_least(mms_needed), len(ranking.complete)
        for total in ranking.holders.get(position.kode, ()):  # take the post's own holders back out
            ranked -= 1
            ms -= total >= ms_needed
            mms -= total >= mms_needed
        incomplete = len(ranking.incomplete) - ranking.incomplete_holders.get(position.kode, 0)
        out.append(Slate(position, holders.get(position.kode, 0), candidates, ranked,
                         {ms_name: ms, mms_name: mms - ms, kms_name: ranked - mms}, incomplete))
    return out


@dataclass
class Movement:
    """Named as `pergerakan` in `kamus talenta --format json`."""

    dari: str
    ke: str
    transisi: list[list[int]] = field(default_factory=lambda: [[0] * 9 for _ in range(9)])  # [from-1][to-1]
    masuk: list[Result] = field(default_factory=list)
    keluar: list[Result] = field(default_factory=list)
    naik: list[tuple[Result, Result]] = field(default_factory=list)
    turun: list[tuple[Result, Result]] = field(default_factory=list)
    tetap: int = 0


def movement(old_period: str, old: list[Result], new_period: str, new: list[Result]) -> Movement:
    """People matched by NIP between two periods: the 9×9 kotak transitions and who moved."""
    before = {r.person.nip: r for r in old}
    moved = Movement(old_period, new_period)
    seen = set()
    for r in new:
        previous = before.get(r.person.nip)
        if previous is None:
            moved.masuk.append(r)
            continue
        seen.add(r.person.nip)
        moved.transisi[previous.kotak - 1][r.kotak - 1] += 1
        if r.kotak > previous.kotak:
            moved.naik.append((previous, r))
        elif r.kotak < previous.kotak:
            moved.turun.append((previous, r))
        else:
            moved.tetap += 1
    moved.keluar = [r for r in old if r.person.nip not in seen]
    return moved
