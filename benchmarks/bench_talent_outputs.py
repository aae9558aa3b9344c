"""Benchmark: the talent outputs as a user runs them, at up to 1,000,000 rows (issue #8).

`kamus talenta --format json` (to a pipe) and `kamus talenta --output DIR` (the RAHASIA
workbooks and CSV files) are written one person at a time; this measures their time and
the peak memory of the whole command against the pipeline's 2 GB budget.

    python benchmarks/bench_talent_outputs.py [--sizes 100000 1000000] [--write BENCHMARKS.md]
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.common import bench_parser, emit, machine  # noqa: E402
from benchmarks.corpus import generate  # noqa: E402
from benchmarks.snapshots import generate as generate_snapshot  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

COMMAND = """
import json, os, resource, sys, time
from generator.cli import main
root, kind, out = sys.argv[1], sys.argv[2], sys.argv[3]
real = sys.stdout
sys.stdout = open(os.devnull, "w")  # a pipe that is read and thrown away
start = time.perf_counter()
args = ["talenta", "--root", root, "--format", "json"] if kind == "json" else \\
       ["talenta", "--root", root, "--format", "text", "--output", out]
code = main(args)
seconds = time.perf_counter() - start
sys.stdout = real
print(json.dumps({"code": code, "seconds": seconds,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(root: Path, kind: str, out: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", COMMAND, str(root), kind, str(out)], capture_output=True,
                          text=True, cwd=REPO, check=False)
    if done.returncode:
        raise SystemExit(done.stderr)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["code"]:
        raise SystemExit(f"kamus talenta exited {result['code']}")
    return result


def render(rows: list[dict]) -> str:
    lines = [
        "## Talent outputs streamed at scale (issue #8)",
        "",
        f"Machine: {machine()}.  ",
        "Kamus: the large synthetic corpus (2,000 positions, 200 strategic posts); snapshots from "
        "`benchmarks/snapshots.py`. Each command is `kamus talenta` in a fresh process, timed from start to end "
        "(validation and computation included); peak = the process's maximum resident memory.",
        "",
        "| rows | `--format json` (s) | its peak (MB) | `--output` RAHASIA report (s) | its peak (MB) | report size (MB) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['rows']:,} | {r['json']['seconds']:.1f} | {r['json']['peak_mb']:,.0f} | "
                     f"{r['report']['seconds']:.1f} | {r['report']['peak_mb']:,.0f} | {r['report_mb']:,.0f} |")
    worst = max(max(r["json"]["peak_mb"], r["report"]["peak_mb"]) for r in rows)
    lines += ["", f"Target: peak ≤ 2 GB at 1,000,000 rows; largest peak measured {worst:,.0f} MB "
                  f"({'met' if worst <= 2048 else 'NOT met'}). Before streaming, `--format json` at "
                  "1,000,000 rows peaked at 7.3 GB (reported in issue #8)."]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = bench_parser(__doc__, runs=None, positions=None)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="kamus-bench-outputs-") as tmp:
        root = generate(Path(tmp) / "corpus", strategic=200, catalog=True)  # outputs carry the plans
        for size in args.sizes:
            shutil.rmtree(root / "snapshots", ignore_errors=True)
            generate_snapshot(root, root / "snapshots" / "2025.csv", size, seed=size, extra=True)
            report = Path(tmp) / f"rahasia-{size}"
            row = {"rows": size, "json": run(root, "json", report), "report": run(root, "report", report)}
            row["report_mb"] = sum(p.stat().st_size for p in report.iterdir()) / 1024 / 1024
            shutil.rmtree(report)
            print(f"{size:>9,} rows: json {row['json']['seconds']:.1f} s / {row['json']['peak_mb']:.0f} MB; "
                  f"report {row['report']['seconds']:.1f} s / {row['report']['peak_mb']:.0f} MB", flush=True)
            rows.append(row)
    emit(render(rows), args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
