"""Read every snapshot of a kamus and compute the talent results per period."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..bulk import bulk
from ..errors import UsageError
from ..findings import Report
from ..kinds import SNAPSHOTS
from ..model import Kamus
from ..model.decisions import Decisions
from ..rules import finding
from .compute import Result, evaluate
from .decisions import decision_statement, kotak_komite, nominees
from .development import Planner
from .statement import for_pengelola, for_readers, marked_statement
from ..model.policy import TalentPolicy
from .snapshot import Snapshot, read_snapshot, snapshot_files
from .succession import Movement, Slate, movement, slates


@dataclass
class Period:
    """One period's results; the JSON key of each field (`kamus talenta --format json`) is in its comment."""

    snapshot: Snapshot
    people: list[Result]  # `orang`
    slates: list[Slate] = field(default_factory=list)  # `suksesi`
    movement: Movement | None = None  # `pergerakan`: from the period before, when there is one
    statement: list[str] = field(default_factory=list)  # `kebijakan`: the policy in words, as applied here
    reader_statement: list[str] = field(default_factory=list)  # … as the site prints it (no keys, no exact counts)
    decisions: Decisions | None = None  # `keputusan`: the komite talenta's decisions applied (keputusan/<periode>.yaml)


@dataclass
class Analysis:
    policy: TalentPolicy
    periods: dict[str, Period]  # sorted by period id
    planner: Planner  # development plans against the catalog, computed per person on demand
    unmapped: dict[str, str] = field(default_factory=dict)  # periode → why it cannot be mapped yet (SNAPSHOT-UNMAPPED)

    def latest(self) -> Period | None:
        return self.periods[list(self.periods)[-1]] if self.periods else None


def read_snapshots(source, kamus: Kamus, paths: list[str] | None = None) -> tuple[list[Snapshot], Report]:
    """Read and check the snapshots ``paths`` (default: every one) of a file source; the
    report lists every finding of every file."""
    report = Report()
    snapshots, seen = [], {}
    if paths is None:
        for path in source.links(SNAPSHOTS) if source.is_dir(SNAPSHOTS) else []:
            report.add(finding("SNAPSHOT-FILE", path, 1, 1, f"`{path}` adalah tautan simbolik ke luar folder kamus "
                                                            "(atau ke folder); tidak dibaca",
                               "Salin berkas snapshot ke folder snapshots/ sebagai berkas biasa."))
    for path in snapshot_files(source) if paths is None else paths:
        with bulk():
            snapshot = read_snapshot(source, path, kamus)
        report.files_checked += 1
        if snapshot.periode in seen:
            snapshot.findings.append(finding("SNAPSHOT-FILE", snapshot.path, 1, 1,
                                             f"periode {snapshot.periode} sudah ada di {seen[snapshot.periode]}",
                                             "Simpan satu berkas per periode."))
        seen.setdefault(snapshot.periode, snapshot.path)
        report.extend(snapshot.findings)
        snapshots.append(snapshot)
    return snapshots, report


def analyse(snapshots: list[Snapshot], kamus: Kamus, policy: TalentPolicy | None = None,
            decisions: dict[str, Decisions] | None = None) -> Analysis:
    """Results for every (error-free) snapshot, slates for each, movement between consecutive ones;
    where the komite talenta decided a period (``decisions``: periode → its decisions, checked),
    its kotak stand and its nominations make the slates of the posts it named."""
    policy = policy or kamus.config.talenta
    decisions = decisions or {}
    periods: dict[str, Period] = {}
    unmapped: dict[str, str] = {}
    previous = None
    for snapshot in sorted(snapshots, key=lambda s: s.periode):
        if snapshot.failed() or snapshot.periode in periods:
            continue
        if snapshot.unmapped:
            unmapped[snapshot.periode] = snapshot.unmapped
            continue
        decided = decisions.get(snapshot.periode)
        with bulk():
            results = evaluate(snapshot, kamus, policy, kotak_komite(decided))
            nominated = nominees(decided, results)
            found = slates(results, snapshot, kamus, policy, nominated)
            lines = marked_statement(policy, kamus, snapshot) + decision_statement(decided, snapshot, results, found, policy)
            period = Period(snapshot, results, found, statement=for_pengelola(lines),
                            reader_statement=for_readers(lines), decisions=decided)
        if previous is not None:
            period.movement = movement(previous.snapshot.periode, previous.people, snapshot.periode, results)
        periods[snapshot.periode] = previous = period
    return Analysis(policy, periods, Planner(kamus, policy), unmapped)


def select(analysis: Analysis, periode: str | None) -> Period:
    """The period ``periode`` (default: the newest); a period that cannot be mapped yet (only its
    employee export) is a UsageError that says why and which periods can."""
    newest = max([*analysis.periods, *analysis.unmapped], default=None)
    if newest is None:
        raise no_period(None, [])
    wanted = newest if periode is None else periode
    if wanted in analysis.unmapped:
        mapped = (f"periode yang dapat dipetakan: {', '.join(analysis.periods)} (pakai --periode)" if analysis.periods
                  else "belum ada periode yang dapat dipetakan")
        raise UsageError(f"periode {wanted} belum dapat dipetakan: {analysis.unmapped[wanted]}. Letakkan hasil SKP dan "
                         f"hasil asesmen periode itu di folder snapshots/{wanted}/; {mapped}. Cakupan SKJ periode ini: "
                         "kamus cakupan.")
    if periode is None:
        return analysis.latest()
    if periode not in analysis.periods:
        raise no_period(periode, sorted([*analysis.periods, *analysis.unmapped]))
    return analysis.periods[periode]


def no_period(periode: str | None, known: list[str]) -> UsageError:
    """The error for a period asked for that is not there (``periode``), or for no snapshot at all."""
    if periode and known:
        return UsageError(f"periode {periode} tidak ada; periode yang ada: {', '.join(known)}.")
    return UsageError("tidak ada snapshot di folder snapshots/ (berkas <periode>.csv atau .xlsx, atau folder "
                      "<periode>/ berisi ekspor data pegawai).")
