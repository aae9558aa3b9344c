"""Benchmark: `kamus validate` and `kamus build` of this tree against an earlier revision.

Issue #9 (one spine for every command) asks that validate and build stay as fast as
before it. The baseline is the last commit before the spine (``--baseline``, default
13d7d71). Both trees run as fresh processes on the same large corpus, written by the
baseline's own corpus generator (so that the older code accepts it), alternating between
the trees; the median of ``--runs`` runs is reported with the ratio this tree / baseline.
Every run must succeed (warnings are fine: the
newer rules warn about the synthetic national texts). A ratio ≤ 1.0 means unchanged or better; later issues added pages and checks, so the
build ratio also shows what they cost.
"""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from benchmarks.common import bench_parser, emit, machine  # noqa: E402

BASELINE = "13d7d71"


def checkout(revision: str, target: Path) -> Path:
    """The files of ``revision`` in ``target`` (git archive; no worktree bookkeeping)."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", revision],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def python_in(tree: Path, *args: str, quiet: bool = True) -> float:
    """Seconds for ``python args`` with ``tree``'s own package first on the path."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=tree, env=env, capture_output=quiet, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:  # errors in the corpus or a crash: the time would mean nothing
        raise SystemExit(f"{' '.join(args)} in {tree} failed (exit {done.returncode}):\n{done.stdout[-2000:]}"
                         f"{done.stderr[-2000:]}")
    return seconds


def main(argv=None) -> int:
    parser = bench_parser(__doc__, runs=5, positions=2000)
    parser.add_argument("--baseline", default=BASELINE, help="the earlier revision (git ref)")
    parser.add_argument("--candidate", help="a later revision to measure instead of this tree (e.g. the spine "
                                            "commit itself, 0070ded)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kamus-bench-baseline-") as tmp:
        tmp = Path(tmp)
        old = checkout(args.baseline, tmp / "baseline")
        corpus = tmp / "corpus"
        python_in(old, "-c", f"from pathlib import Path; from benchmarks.corpus import generate; "
                             f"generate(Path({str(corpus)!r}), positions={args.positions})")
        new = checkout(args.candidate, tmp / "candidate") if args.candidate else REPO
        trees = {"baseline": old, "this tree": new}
        times = {(name, step): [] for name in trees for step in ("validate", "build")}
        for run in range(args.runs):
            for name, tree in (trees.items() if run % 2 == 0 else reversed(trees.items())):
                times[name, "validate"].append(python_in(tree, "-m", "generator", "validate", "--root", str(corpus)))
                times[name, "build"].append(python_in(tree, "-m", "generator", "build", "--root", str(corpus),
                                                      "--output", str(tmp / f"site-{name.replace(' ', '-')}")))
            print(f"run {run + 1}: " + ", ".join(f"{n} {s} {times[n, s][-1]:.1f} s" for n, s in times), flush=True)
    median = {key: statistics.median(values) for key, values in times.items()}
    head = args.candidate or subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                                            capture_output=True, text=True).stdout.strip()
    label = f"`{head}`" if args.candidate else "this tree"
    rows = [f"| `kamus {step}` | {median['baseline', step]:.2f} s | {median['this tree', step]:.2f} s | "
            f"{median['this tree', step] / median['baseline', step]:.2f}× |" for step in ("validate", "build")]
    section = "\n".join([
        f"## Against the revision before the spine (issue #9): {label}", "",
        f"Machine: {machine()}.", "",
        f"{args.positions:,} positions (the baseline's own corpus generator), each command a fresh process, "
        f"{args.runs} alternating runs, median. Baseline `{args.baseline}`; measured `{head}`"
        + ("." if args.candidate else " (with every later issue: more pages, more checks, more downloads)."),
        "", f"| step | baseline | {label} | ratio |", "|---|---:|---:|---:|", *rows, ""])
    emit(section, args.write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
