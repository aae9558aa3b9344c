"""Which periods a kamus has, and the files each is read from: `snapshots/<periode>.csv|.xlsx|.xls`
(one file, every field of every person) or a folder `snapshots/<periode>/` of the files as
downloaded (read by :class:`.period.Period`)."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from ...kinds import SNAPSHOT_SUFFIXES, SNAPSHOTS
from ...rules import finding
from .model import Snapshot, period_end
from .period import Period


def snapshot_files(source) -> list[str]:
    """The periods of a source, by period: files `snapshots/<periode>.csv|.xlsx|.xls` and
    folders `snapshots/<periode>/` (a folder's path has no suffix)."""
    if not source.is_dir(SNAPSHOTS):
        return []
    files, folders = [], set()
    for path in source.files(SNAPSHOTS):
        parts = PurePosixPath(path).parts
        if len(parts) == 2 and PurePosixPath(path).suffix.lower() in SNAPSHOT_SUFFIXES \
                and not parts[1].startswith("~$"):
            files.append(path)
        elif len(parts) > 2:
            folders.add(f"{SNAPSHOTS}/{parts[1]}")
    return sorted(files + sorted(folders), key=lambda p: (PurePosixPath(p).stem if p not in folders else
                                                           PurePosixPath(p).name, PurePosixPath(p).suffix))


def period_name(path: str) -> str:
    """The period of a file (its name without suffix) or of a folder (its name)."""
    return PurePosixPath(path).name if not PurePosixPath(path).suffix else PurePosixPath(path).stem


def read_snapshot(source, path: str, kamus, keep_rows: bool = False, employees_only: bool = False) -> Snapshot:
    """Read and check the period ``path`` (a file or a folder) of a
    :class:`~generator.load.source.FileSource`. ``keep_rows``: keep every employee row's
    placement (:attr:`Snapshot.placed`), not only the rows matched by name or not placed;
    ``employees_only``: read the employee rows also when the period has no SKP or assessment
    yet (its people then lack fields; SKJ coverage needs only where each row goes)."""
    folder = source.is_dir(path)
    periode = period_name(path)
    end = period_end(periode)
    snapshot = Snapshot(periode=periode, path=path, end=end or dt.date(1970, 1, 1))
    if end is None:
        what = "folder" if folder else "berkas"
        snapshot.findings.append(finding("SNAPSHOT-FILE", path, 1, 1, f"nama {what} `{PurePosixPath(path).name}` "
                                                                      "bukan periode (YYYY, YYYY-MM atau YYYY-MM-DD)"))
        return snapshot
    period = Period(source, kamus, snapshot, keep_rows, employees_only)
    period.read(_folder_files(source, path, snapshot) if folder else [path], single=not folder)
    snapshot.findings = period.personal.scrub(snapshot.findings)  # no name or NIP quoted from a cell
    return snapshot


def newest_employees(source, kamus, periode: str | None = None) -> Snapshot | None:
    """The newest period with every row of its employee export(s) placed: one
    :class:`~.placing.Placed` per row in :attr:`Snapshot.placed`, in file order, with the
    position found (or, in its ``match``, why not and the unit the row names) — what SKJ
    coverage counts; after them, the rows of the period's other files whose NIP is in no
    employee export (``match`` None). None when there is no period. ``periode``: that period
    instead of the newest (None when there is no such period). The period needs only its
    employee export: SKP and assessment files may come later."""
    periods = snapshot_files(source)
    if periode is not None:
        periods = [p for p in periods if period_name(p) == periode]
    return read_snapshot(source, periods[-1], kamus, keep_rows=True, employees_only=True) if periods else None


def _folder_files(source, folder: str, snapshot: Snapshot) -> list[str]:
    files, other = [], []
    for path in source.files(folder):
        name = PurePosixPath(path)
        if name.name.startswith("~$"):
            continue  # Excel's lock file of an open workbook
        if len(name.parts) == 3 and name.suffix.lower() in SNAPSHOT_SUFFIXES:
            files.append(path)
        else:
            other.append(path.removeprefix(folder + "/"))
    if other:
        snapshot.findings.append(finding("SNAPSHOT-SOURCE", folder, 1, 1, f"{len(other)} berkas tidak dibaca: "
                                         f"{', '.join(f'`{o}`' for o in other[:10])}" + (" …" if len(other) > 10 else "")
                                         + " (bukan .csv, .xlsx atau .xls, atau di dalam subfolder)"))
    if not files:
        snapshot.findings.append(finding("SNAPSHOT-FILE", folder, 1, 1, "folder periode ini tidak berisi berkas .csv, "
                                         ".xlsx atau .xls", "Letakkan ekspor data pegawai (dan SKP, hasil asesmen) "
                                                            "di folder ini."))
    return files
