"""Benchmark: what the trust checks of issue #18 cost on the large corpus.

The check of a built site for snapshot NIPs before it is swapped in (one pass over the bytes
of every file, zip members included), the leftover scan that `kamus validate` runs over the
working tree (journal, temporary files), and an import written through the journal (the
safe-write helper: temporary files created exclusively, renamed into place) against the
same plan written with plain writes.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.common import bench_parser, emit, machine  # noqa: E402
from benchmarks.corpus import generate  # noqa: E402
from benchmarks.snapshots import generate as generate_snapshot  # noqa: E402
from generator.api import build as build_site  # noqa: E402
from generator.journal import apply_changes, leftovers  # noqa: E402
from generator.project import Project  # noqa: E402
from generator.publish.privacy import check_site, personal_numbers  # noqa: E402


def timed(work, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def plain_writes(root: Path, writes: dict[str, bytes]) -> None:
    for path, data in writes.items():
        (root / path).write_bytes(data)


def main(argv=None) -> int:
    parser = bench_parser(__doc__, runs=5, positions=2000)
    parser.add_argument("--people", type=int, default=20000, help="people in the snapshot")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0  # the machine may be shared
    with tempfile.TemporaryDirectory(prefix="kamus-bench-trust-") as tmp:
        tmp = Path(tmp)
        root = generate(tmp / "corpus", positions=args.positions)
        (root / "snapshots").mkdir()
        generate_snapshot(root, root / "snapshots" / "2025.csv", args.people)
        subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
        started = time.perf_counter()
        site = build_site(root, tmp / "site").output
        build = time.perf_counter() - started
        files = [p for p in site.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        project = Project.open(root)
        project.snapshots  # read and checked once, as the build has them
        numbers = personal_numbers(project)
        collect = timed(lambda: personal_numbers(project), args.runs)
        scan = timed(lambda: check_site(site, numbers), args.runs)
        scan_leftovers = timed(lambda: leftovers(root), args.runs)
        positions = sorted(p for p in (root / "positions").rglob("*.yaml") if p.name != "_unit.yaml")[:200]
        writes = {p.relative_to(root).as_posix(): p.read_bytes() + b"# diubah\n" for p in positions}
        copies = [tmp / f"copy-{i}" for i in range(2)]
        for copy in copies:
            shutil.copytree(root / "positions", copy / "positions")
        journal = timed(lambda: apply_changes(copies[0], writes, (), "bench"), args.runs)
        plain = timed(lambda: plain_writes(copies[1], writes), args.runs)
    rows = [
        ("snapshot NIPs collected (the snapshot already read)", f"{len(numbers):,} numbers, {collect:.2f} s"),
        (f"site checked for them ({len(files):,} files, {size / 1024 / 1024:.0f} MB)",
         f"{scan:.2f} s ({100 * (collect + scan) / build:.1f} % of that build's {build:.0f} s)"),
        ("leftover scan of `kamus validate` (journal, temporary files)", f"{1000 * scan_leftovers:.1f} ms"),
        (f"import of {len(writes)} files through the journal vs. plain writes",
         f"{1000 * journal:.0f} ms vs. {1000 * plain:.0f} ms"),
    ]
    lines = ["## Trust checks (issue #18)", "", f"Machine: {machine()}; load average {load:.1f} at the start.  ",
             f"Corpus: {args.positions:,} positions (`benchmarks/corpus.py`), one snapshot of {args.people:,} people "
             f"(`benchmarks/snapshots.py`). Median of {args.runs} runs.", "",
             "| measure | result |", "|---|---:|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    emit("\n".join(lines) + "\n", args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
