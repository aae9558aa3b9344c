"""Succession slates for strategic posts, and movement between two periods."""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Kamus, Position
from .compute import Jpm, Result, jpm_scope, required_of, unassessed
from .eligibility import Aturan, Requirements
from ..model.decisions import HITUNG, KOMITE
from ..model.policy import KATEGORI_SELEKSI, KINERJA, POTENSIAL, SUMBU_KOTAK, TIDAK_LENGKAP, TalentPolicy


@dataclass
class Candidate:
    result: Result
    jpm: float | None  # against the target post; None: "tidak lengkap" (only a nominee of the komite)
    kategori_seleksi: str
    kompetensi_kurang: dict  # kode → (asesmen, required level) where the assessed level is below the required one
    tidak_diperiksa: tuple = ()  # requirements that could not be checked for this person (data missing)
    kompetensi_belum_diases: tuple = ()  # competencies the post requires that the person was not assessed in
    kesiapan: str | None = None  # the komite's readiness (keputusan/), None: not decided
    peringkat: int | None = None  # the komite's rank among the post's candidates (None: by JPM)

    @property
    def asesmen_kedaluwarsa(self) -> bool:
        return self.result.asesmen_kedaluwarsa


@dataclass
class Excluded:
    """A pool member who would stand among the post's top candidates by JPM, but fails a requirement."""

    result: Result
    jpm: float
    alasan: tuple  # (rule, reason in the regulation's words) of every requirement failed


@dataclass
class Slate:
    """One strategic post's slate, named as `suksesi` in `kamus talenta --format json`."""

    jabatan: Position
    pemangku: int  # current holders of the post
    kandidat: list[Candidate]  # the best ranked eligible members, at most the policy's number, best first
    jumlah_kandidat: int  # every ranked eligible member
    kategori_seleksi: dict  # seleksi category → number of ranked candidates
    tidak_lengkap: int  # eligible pool members not ranked because a required competency was not assessed
    jumlah_asesmen_kedaluwarsa: int  # ranked eligible members whose assessment is older than its validity
    aturan: list[Aturan] = field(default_factory=list)  # every requirement, checked or why not
    dikecualikan: int = 0  # pool members (holders aside) that fail at least one requirement
    dikecualikan_per_aturan: dict = field(default_factory=dict)  # rule → members failing it
    dikecualikan_teratas: list[Excluded] = field(default_factory=list)  # excluded among the top by JPM
    required: tuple = ()  # compute.Required of every competency the post requires: for the JPM and the plans
    sumber: str = HITUNG  # KOMITE: `kandidat` are the komite's nominations (keputusan/), HITUNG: ranked by JPM


class _Ranking:
    """Pool members ordered by their JPM against one set of required competencies.

    The JPM depends only on the required competencies and levels, so one ordering per distinct
    set serves every post that requires that set: slates cost O(pool · sets + posts · log pool),
    not O(pool · posts). Entries are (JPM, pool index, result), best first; members whose JPM is
    incomplete are kept apart.
    """

    def __init__(self, complete: list, incomplete: list):
        self.complete, self.incomplete = complete, incomplete
        self.negative = [-value for value, _, _ in complete]
        self.holders: dict[str, list[float]] = defaultdict(list)  # jabatan (kode of a position) → JPM of its holders
        self.expired = 0
        self.expired_holders: Counter = Counter()
        for value, _, r in complete:
            self.holders[r.person.jabatan].append(value)
            if r.asesmen_kedaluwarsa:
                self.expired += 1
                self.expired_holders[r.person.jabatan] += 1
        self.incomplete_holders = Counter(r.person.jabatan for _, r in incomplete)

    @classmethod
    def of(cls, pool: list[Result], method: Jpm) -> "_Ranking":
        complete, incomplete = [], []
        of = method.of
        for i, r in enumerate(pool):
            value = of(r.person.asesmen)
            if value is None:
                incomplete.append((i, r))
            else:
                complete.append((value, i, r))
        complete.sort(key=lambda e: (-e[0], -e[2].kotak, e[2].person.nip))
        return cls(complete, incomplete)

    def where(self, keep) -> "_Ranking":
        """The members whose pool index passes ``keep``, in the same order."""
        return _Ranking([e for e in self.complete if keep(e[1])], [e for e in self.incomplete if keep(e[0])])

    def at_least(self, threshold: float) -> int:
        """How many JPM are ≥ ``threshold`` (already lowered by a small epsilon)."""
        return bisect.bisect_right(self.negative, -threshold)


class _Verdicts:
    """Which requirements each pool member fails, per target jenjang (rule names only, shared
    tuples: a million-row snapshot keeps no reason text; the listed ones are explained later)."""

    def __init__(self, pool: list[Result], posts: list, snapshot, policy: TalentPolicy):
        self.requirements: dict[str, Requirements] = {}
        self.failed: dict[str, list[tuple]] = {}
        self.counts: dict[str, Counter] = {}
        self.holder_counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
        shared: dict[tuple, tuple] = {}
        for target in sorted({p.jenjang for p in posts}):
            check = self.requirements[target] = Requirements(target, policy.suksesi, snapshot.end, snapshot.columns)
            posts_here = {p.kode for p in posts if p.jenjang == target}
            failed, counts = [], Counter()
            for r in pool:
                names = check.failures(r)
                names = shared.setdefault(names, names)
                failed.append(names)
                if names:
                    counts.update(names)
                    counts[""] += 1  # "" counts the members excluded by at least one rule
                    if r.person.jabatan in posts_here:
                        self.holder_counts[(target, r.person.jabatan)].update((*names, ""))
            self.failed[target], self.counts[target] = failed, counts

    def excluded(self, post) -> tuple[int, dict]:
        counts = self.counts[post.jenjang] - self.holder_counts[(post.jenjang, post.kode)]
        return counts.get("", 0), {a.aturan: counts.get(a.aturan, 0)
                                   for a in self.requirements[post.jenjang].aturan if a.diperiksa}


def _candidate(r: Result, value: float | None, required: tuple, check: Requirements, policy: TalentPolicy,
               nomination=None) -> Candidate:
    asesmen = r.person.asesmen
    shortfalls = {q.kode: (asesmen[q.column], q.level) for q in required if q.jpm
                  and q.column is not None and asesmen[q.column] is not None and asesmen[q.column] < q.level}
    return Candidate(r, None if value is None else round(value, 2),
                     TIDAK_LENGKAP if value is None else policy.seleksi_category(value), shortfalls,
                     check.explain(r)[1], unassessed(asesmen, required),
                     *((nomination.kesiapan, nomination.peringkat) if nomination is not None else ()))


def _nominated(nominees: list, method: Jpm, required: tuple, check: Requirements, policy: TalentPolicy) -> list:
    """The komite's candidates for one post: by its rank, then (unranked) by JPM, then NIP."""
    found = [_candidate(n.result, method.of(n.result.person.asesmen), required, check, policy, n.nomination)
             for n in nominees]
    return sorted(found, key=lambda c: (c.peringkat is None, c.peringkat or 0, c.jpm is None, -(c.jpm or 0),
                                        c.result.person.nip))


def slates(results: list[Result], snapshot, kamus: Kamus, policy: TalentPolicy,
           nominated: dict[str, list] | None = None) -> list[Slate]:
    """The slate of every strategic post (and of every post the komite named): ranked by JPM from
    the pool, or, for a post in ``nominated`` (post → the komite's nominees, see
    :func:`generator.talent.decisions.nominees`), the komite's candidates with their readiness."""
    nominated = nominated or {}
    index = {code: i for i, code in enumerate(snapshot.competencies)}
    scope = jpm_scope(kamus, policy)
    pool = [r for r in results if r.kelompok_talenta]
    holders = Counter(r.person.jabatan for r in results)
    posts = sorted((p for p in kamus.positions.values() if p.strategis or p.kode in nominated), key=lambda p: p.kode)
    verdicts = _Verdicts(pool, posts, snapshot, policy)
    everyone: dict[tuple, _Ranking] = {}
    eligible: dict[tuple, _Ranking] = {}
    ms_name, mms_name, kms_name = KATEGORI_SELEKSI
    limit = policy.suksesi.jumlah_kandidat
    out = []
    for position in posts:
        required = required_of(position, index, kamus, scope)
        method = Jpm(required, policy.jpm.batasi_100)
        key = method.key  # posts whose JPM is the same for everyone share one ranking
        if key not in everyone:
            everyone[key] = _Ranking.of(pool, method)
        target, failed = position.jenjang, verdicts.failed[position.jenjang]
        if (key, target) not in eligible:
            eligible[(key, target)] = everyone[key].where(lambda i: not failed[i])
        ranking = eligible[(key, target)]
        check = verdicts.requirements[target]
        candidates = []
        for value, _, r in ranking.complete if position.kode not in nominated else ():
            if len(candidates) == limit:
                break
            if r.person.jabatan == position.kode:
                continue  # a post's own holders are no candidates for it
            candidates.append(_candidate(r, value, required, check, policy))
        if position.kode in nominated:
            candidates = _nominated(nominated[position.kode], method, required, check, policy)
        top = itertools.islice((e for e in everyone[key].complete if e[2].person.jabatan != position.kode), limit)
        excluded = [Excluded(r, round(value, 2), check.explain(r)[0]) for value, i, r in top if failed[i]]
        ms_needed, mms_needed = policy.jpm.seleksi.ms - 1e-9, policy.jpm.seleksi.mms - 1e-9
        ms, mms, ranked = ranking.at_least(ms_needed), ranking.at_least(mms_needed), len(ranking.complete)
        for value in ranking.holders.get(position.kode, ()):  # take the post's own holders back out
            ranked -= 1
            ms -= value >= ms_needed
            mms -= value >= mms_needed
        incomplete = len(ranking.incomplete) - ranking.incomplete_holders.get(position.kode, 0)
        count, per_rule = verdicts.excluded(position)
        expired = ranking.expired - ranking.expired_holders.get(position.kode, 0)
        out.append(Slate(position, holders.get(position.kode, 0), candidates, ranked,
                         {ms_name: ms, mms_name: mms - ms, kms_name: ranked - mms}, incomplete, expired,
                         check.aturan, count, per_rule, excluded, required,
                         KOMITE if position.kode in nominated else HITUNG))
    return out


@dataclass
class Movement:
    """Named as `pergerakan` in `kamus talenta --format json`. Kinerja and potensial moves are
    counted on their own axes: a box number says nothing about direction (6 → 4 is a rise in
    kinerja and a fall in potensial)."""

    dari: str
    ke: str
    transisi: list[list[int]] = field(default_factory=lambda: [[0] * 9 for _ in range(9)])  # [from-1][to-1]
    masuk: list[Result] = field(default_factory=list)  # in the new period only
    keluar: list[Result] = field(default_factory=list)  # in the old period only
    kinerja_naik: list[tuple[Result, Result]] = field(default_factory=list)
    kinerja_turun: list[tuple[Result, Result]] = field(default_factory=list)
    potensial_naik: list[tuple[Result, Result]] = field(default_factory=list)
    potensial_turun: list[tuple[Result, Result]] = field(default_factory=list)
    masuk_kelompok_talenta: list[tuple[Result, Result]] = field(default_factory=list)
    keluar_kelompok_talenta: list[tuple[Result, Result]] = field(default_factory=list)
    tetap: int = 0  # matched people in the same box


def _step(levels: tuple, old: str, new: str) -> int:
    return (levels.index(new) > levels.index(old)) - (levels.index(new) < levels.index(old))


def movement(old_period: str, old: list[Result], new_period: str, new: list[Result]) -> Movement:
    """People matched by NIP between two periods: the 9×9 kotak transitions and who moved how."""
    before = {r.person.nip: r for r in old}
    moved = Movement(old_period, new_period)
    seen = set()
    for r in new:
        previous = before.get(r.person.nip)
        if previous is None:
            moved.masuk.append(r)
            continue
        seen.add(r.person.nip)
        pair = (previous, r)
        moved.transisi[previous.kotak - 1][r.kotak - 1] += 1
        moved.tetap += previous.kotak == r.kotak
        # the axes of the kotak that stands (the komite's, where it set one)
        (was_kinerja, was_potensial), (kinerja, potensial) = SUMBU_KOTAK[previous.kotak], SUMBU_KOTAK[r.kotak]
        for step, up, down in ((_step(KINERJA, was_kinerja, kinerja), moved.kinerja_naik, moved.kinerja_turun),
                               (_step(POTENSIAL, was_potensial, potensial), moved.potensial_naik,
                                moved.potensial_turun)):
            if step:
                (up if step > 0 else down).append(pair)
        if r.kelompok_talenta != previous.kelompok_talenta:
            (moved.masuk_kelompok_talenta if r.kelompok_talenta else moved.keluar_kelompok_talenta).append(pair)
    moved.keluar = [r for r in old if r.person.nip not in seen]
    return moved
