"""Benchmark: `kamus validate`, `build`, `talenta` and `import` of this tree against an earlier revision.

Issue #9 (one spine for every command) asked that validate and build stay as fast as before
it (baseline 13d7d71, the last commit before the spine); issue 17 (one meaning per word) asks
that validate, build, talent and import stay within 5 % of e3169ea, the last commit before
it (``--baseline e3169ea --candidate 4b53ef5 --steps validate,build,talenta,import``: 4b53ef5
is the last commit of issue 17's work, before issue 18 landed). Both trees run as fresh
processes on the same large corpus and snapshot, written by the baseline's own generators
(so that the older code accepts them: the newer one reads the old names with a notice), and
import the unchanged workbook each exported itself (``--coba``), alternating between the
trees; the median of ``--runs`` runs is reported with the ratio this tree / baseline. Every
run must succeed (warnings are fine: the newer rules warn about the synthetic national
texts). A ratio ≤ 1.0 means unchanged or better; measured on this tree, later issues added
pages and checks, so the ratio also shows what they cost.
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
        # links are left out: test fixtures of later trees hold links that point outside on purpose
        tar.extractall(target, filter=lambda member, path: None if member.issym() or member.islnk()
                       else tarfile.data_filter(member, path))
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


STEPS = ("validate", "build", "talenta", "import")
TITLES = {"13d7d71": "Against the revision before the spine (issue #9)",
          "e3169ea": "Against the revision before issue 17 (one meaning per word)"}


def prepare(tree: Path, corpus: Path, steps: set[str], rows: int, work: Path) -> dict[str, list[str]]:
    """The command line of each step for ``tree`` (the snapshot and the workbook written once,
    outside the timing: the snapshot by the baseline's generator into the shared corpus, the
    workbook by each tree's own export, so each imports what it wrote)."""
    commands = {"validate": ["-m", "generator", "validate", "--root", str(corpus)],
                "build": ["-m", "generator", "build", "--root", str(corpus), "--output", str(work / "site")],
                "talenta": ["-m", "generator", "talenta", "--root", str(corpus), "--format", "json"]}
    if "import" in steps:
        book = work / "kamus.xlsx"
        python_in(tree, "-m", "generator", "export", "--root", str(corpus), "--format", "xlsx", "--output", str(book))
        commands["import"] = ["-m", "generator", "import", str(book), "--root", str(corpus), "--coba"]
    return {step: commands[step] for step in STEPS if step in steps}


def main(argv=None) -> int:
    parser = bench_parser(__doc__, runs=5, positions=2000)
    parser.add_argument("--baseline", default=BASELINE, help="the earlier revision (git ref)")
    parser.add_argument("--candidate", help="a later revision to measure instead of this tree (e.g. the spine "
                                            "commit itself, 0070ded)")
    parser.add_argument("--steps", default="validate,build", help=f"comma-separated, of {', '.join(STEPS)}")
    parser.add_argument("--rows", type=int, default=20000, help="rows of the snapshot the talenta step reads")
    args = parser.parse_args(argv)
    steps = set(args.steps.split(","))
    if not steps <= set(STEPS):
        parser.error(f"--steps: unknown {', '.join(sorted(steps - set(STEPS)))}")
    with tempfile.TemporaryDirectory(prefix="kamus-bench-baseline-") as tmp:
        tmp = Path(tmp)
        old = checkout(args.baseline, tmp / "baseline")
        corpus = tmp / "corpus"
        python_in(old, "-c", f"from pathlib import Path; from benchmarks.corpus import generate; "
                             f"generate(Path({str(corpus)!r}), positions={args.positions})")
        if "talenta" in steps:
            python_in(old, "-c", f"from pathlib import Path; from benchmarks.snapshots import generate; "
                                 f"generate(Path({str(corpus)!r}), Path({str(corpus / 'snapshots' / '2025.csv')!r}), "
                                 f"{args.rows}, extra=True)")
        new = checkout(args.candidate, tmp / "candidate") if args.candidate else REPO
        trees = {"baseline": old, "this tree": new}
        commands = {}
        for name, tree in trees.items():
            (tmp / f"work-{name.replace(' ', '-')}").mkdir()
            commands[name] = prepare(tree, corpus, steps, args.rows, tmp / f"work-{name.replace(' ', '-')}")
        order = list(commands["baseline"])
        times = {(name, step): [] for name in trees for step in order}
        for run in range(args.runs):
            for name, tree in (trees.items() if run % 2 == 0 else reversed(trees.items())):
                for step in order:
                    times[name, step].append(python_in(tree, *commands[name][step]))
            print(f"run {run + 1}: " + ", ".join(f"{n} {s} {times[n, s][-1]:.1f} s" for n, s in times), flush=True)
    median = {key: statistics.median(values) for key, values in times.items()}
    head = args.candidate or subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                                            capture_output=True, text=True).stdout.strip()
    label = f"`{head}`" if args.candidate else "this tree"
    shown = {"talenta": f"`kamus talenta --format json` ({args.rows:,} rows)", "import": "`kamus import --coba` "
             "(the unchanged workbook each tree exported)"}
    rows = [f"| {shown.get(step, f'`kamus {step}`')} | {median['baseline', step]:.2f} s | "
            f"{median['this tree', step]:.2f} s | {median['this tree', step] / median['baseline', step]:.2f}× |"
            for step in order]
    title = TITLES.get(args.baseline, f"Against `{args.baseline}`")
    section = "\n".join([
        f"## {title}: {label}", "",
        f"Machine: {machine()}.", "",
        f"{args.positions:,} positions (the baseline's own corpus and snapshot generators), each command a fresh "
        f"process, {args.runs} alternating runs, median. Baseline `{args.baseline}`; measured `{head}`"
        + ("." if args.candidate else " (with every later issue: more pages, more checks, more downloads)."),
        "", f"| step | baseline | {label} | ratio |", "|---|---:|---:|---:|", *rows, ""])
    emit(section, args.write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
