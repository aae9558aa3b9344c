"""The talent commands of the API: `kamus talenta` (results, the RAHASIA report, the komite's
documents and the draft of its decisions) and `kamus cakupan` (SKJ coverage of an export)."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

from ..bahasa import angka
from ..errors import UsageError, ValidationFailed
from ..findings import Report
from ..kinds import DECISION
from ..lampiran import WRITERS
from ..model import Kamus
from ..output_guard import replace_file, write_file, write_private_file
from ..project import Project
from ..talent.analysis import Analysis, Period, analyse, no_period, select
from .opening import Written, open_project, sound_project, version_label

TALENT_FORMATS = ("text", "json", "csv")


@dataclass
class TalentResult:
    """`kamus talenta`: the results of one period, with the policy and snapshot they came from."""

    analysis: Analysis
    period: Period
    kamus: Kamus
    root: Path | None = None  # the kamus repository: the restricted report is never written inside it

    def write(self, name: str, out, plain_csv: bool = False) -> None:
        """The per-person results as ``text``, ``json`` or ``csv`` to the text stream ``out``,
        one person at a time (memory stays flat however many people there are). CSV follows
        Indonesian-locale Excel (`;`, decimal comma) unless ``plain_csv`` (`,`, decimal point)."""
        from ..talent import outputs as talent_outputs

        if name == "csv":
            talent_outputs.write_csv_stdout(self.analysis, self.period, self.kamus, out, plain_csv)
        else:
            {"text": talent_outputs.write_text, "json": talent_outputs.write_json}[name](
                self.analysis, self.period, self.kamus, out)

    def format(self, name: str) -> str:
        """The per-person results as one string (see :meth:`write`)."""
        out = io.StringIO()
        self.write(name, out)
        return out.getvalue()

    def summary(self) -> str:
        """The period in counts only (no NIP, no name): for a terminal that may be a CI log."""
        people = self.period.people
        pool = sum(1 for r in people if r.kelompok_talenta)
        changed = sum(1 for r in people if r.kotak != r.kotak_hitung)
        decided = (f"; keputusan komite: {angka(changed)} kotak berbeda dari hasil hitungan"
                   if self.period.decisions is not None else "")
        return (f"Periode {self.period.snapshot.periode}: {angka(len(people))} pegawai dipetakan, "
                f"{angka(pool)} anggota kelompok talenta{decided}.")

    def provenance(self) -> str:
        """Where the results came from, in one line (the snapshot and the policy)."""
        return f"Snapshot {self.period.snapshot.path}; kebijakan: " + " ".join(self.period.statement)

    def write_restricted(self, folder, plain_csv: bool = False) -> list[Path]:
        """The restricted (RAHASIA) report: XLSX and CSV files in ``folder``."""
        from ..talent import outputs as talent_outputs

        return talent_outputs.write_restricted(self.analysis, self.period, self.kamus, folder, self.root, plain_csv)

    def write_document(self, name: str, output) -> Written:
        """A document of the komite talenta (RAHASIA), as DOCX or PDF by the suffix of ``output``:
        ``berita-acara`` (the Berita Acara of its meeting) or ``lampiran-suksesi`` (the Lampiran of
        the PPK's decision that sets the kelompok rencana suksesi); never inside the kamus or a site."""
        from ..lampiran import komite

        build, title = KOMITE_DOCUMENTS[name]
        suffix = Path(output).suffix.lower()
        if suffix not in WRITERS:
            raise UsageError(f"berkas keluaran '{output}' harus berakhiran .docx (untuk disunting di Word) atau .pdf.")
        data = WRITERS[suffix](getattr(komite, build)(self.period, self.kamus))
        path = write_private_file(self.root, Path(output), data, tuple(WRITERS))
        return Written(path, f"{title} periode {self.period.snapshot.periode}", len(data))


# `kamus talenta --berita-acara / --lampiran-suksesi`: the builder in generator/lampiran/komite.py, the title
KOMITE_DOCUMENTS = {"berita-acara": ("berita_acara", "Berita Acara Rapat Komite Talenta"),
                    "lampiran-suksesi": ("lampiran_suksesi", "Lampiran Keputusan Penetapan Kelompok Rencana Suksesi")}


def talenta(root=".", period: str | None = None, version: str | None = None, as_of: str | None = None) -> TalentResult:
    """Talent results of ``period`` (default: the latest), from the kamus and the snapshots of
    the working tree (or of ``version``, or of the version in force on the day ``as_of``);
    raises ValidationFailed when the kamus or a snapshot has errors."""
    project = open_project(root, version, as_of)
    kamus = project.require_valid()
    analysis = analyse(project.snapshots, kamus, decisions=project.decisions)
    return TalentResult(analysis, select(analysis, period), kamus, project.repository)


def tulis_keputusan(root=".", period: str | None = None, overwrite: bool = False) -> Written:
    """`kamus talenta --tulis-keputusan`: the draft of ``keputusan/<periode>.yaml`` written from
    the computed results of ``period`` (default: the latest) into the working tree, for the komite
    talenta to start from; an existing file is replaced only when ``overwrite``. The kamus and the
    snapshots must be sound (decision files are not read: the draft is the computed proposal)."""
    from ..talent.decision_outputs import draft_yaml

    project = open_project(root)
    report = Report(project.kamus_report.findings + project.snapshots_report.findings)
    if report.failed():
        raise ValidationFailed(report)
    analysis = analyse(project.snapshots, project.kamus)
    chosen = select(analysis, period)
    path = project.root / DECISION.folder / f"{chosen.snapshot.periode}.yaml"
    if path.exists() and not overwrite:
        raise UsageError(f"{path.relative_to(project.root).as_posix()} sudah ada; Kamus tidak menimpa keputusan "
                         "komite. Sunting berkas itu, atau tulis ulang rancangannya dengan --timpa (isinya hilang).")
    data = draft_yaml(chosen, project.kamus, analysis.policy).encode("utf-8")
    return Written(replace_file(path, data, within=project.root), f"rancangan keputusan komite talenta periode "
                   f"{chosen.snapshot.periode}", len(data))


COVERAGE_FORMATS = ("text", "json")


@dataclass
class CoverageResult:
    """`kamus cakupan`: SKJ coverage of a period's employee export (see
    :mod:`generator.talent.coverage`); counts and jabatan names only, never a NIP or a name."""

    coverage: object  # generator.talent.coverage.Coverage
    project: Project
    root: Path  # the kamus folder: the workbook is never written into its data folders

    def format(self, name: str = "text") -> str:
        from ..talent import coverage as talent_coverage

        if name == "json":
            return json.dumps(self.coverage.as_dict(), ensure_ascii=False, indent=2) + "\n"
        return talent_coverage.text(self.coverage)

    def write_xlsx(self, output) -> Written:
        """The jabatan without SKJ as new rows of the `kamus export --format xlsx` workbook
        (:mod:`generator.workbook.needs`), for `kamus import`."""
        from ..workbook.needs import needs_xlsx

        data, count = needs_xlsx(self.project, self.coverage)
        label = f"{angka(count)} jabatan baru untuk diisi dari {version_label(self.project)}"
        return Written(write_file(self.root, Path(output), data, (".xlsx",)), label, len(data))


def cakupan(root=".", period: str | None = None, version: str | None = None, as_of: str | None = None) \
        -> CoverageResult:
    """`kamus cakupan`: which jabatan of the employee export of ``period`` (default: the newest)
    have no SKJ in the kamus, and per unit the share of employees whose position has one. The
    kamus must be sound; the period needs only its employee export (SKP and assessment may come
    later), and its own findings are `kamus validate`'s."""
    from ..talent.coverage import period_coverage
    from ..talent.snapshot import snapshot_files, period_name

    project = sound_project(root, version, as_of)
    found = period_coverage(project.source, project.kamus, period)
    if found is None:
        raise no_period(period, [period_name(p) for p in snapshot_files(project.source)])
    return CoverageResult(found, project, Path(root))
