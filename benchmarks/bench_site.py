"""Benchmark: `kamus build` on the large synthetic corpus (issue #3).

Targets: the build of 2,000 positions + 500 competencies ≤ 90 s on the 2-core machine;
median position page ≤ 60 KB of HTML; search index ≤ 15 MB; our own generation step
(validation + rendering, before mkdocs) ≤ 10% of the total. Then, in one run at 1,000
positions, the ratio against the naive baseline: the same pages built with every page in
the navigation (must be ≥ 5×).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.common import bench_parser, emit, machine  # noqa: E402
from benchmarks.corpus import generate  # noqa: E402
from generator.output_guard import write_tree  # noqa: E402
from generator.project import Project  # noqa: E402
from generator.publish.mkdocs_run import run_mkdocs  # noqa: E402
from generator.publish.site import render_project  # noqa: E402


_RUNNER = """
import json, sys, time
started = time.perf_counter()
from generator.api import build as build_site
result = build_site(sys.argv[1], sys.argv[2])
print(json.dumps({"total": time.perf_counter() - started, "generation": result.render_seconds,
                  "mkdocs": result.mkdocs_seconds, "pages": result.pages}))
"""


def build_once(root: Path, out: Path) -> dict:
    """One `kamus build` in a fresh Python process, as a user runs it (imports included)."""
    done = subprocess.run([sys.executable, "-c", _RUNNER, str(root), str(out)], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parents[1])
    result = json.loads(done.stdout.strip().splitlines()[-1])
    pages = sorted(p.stat().st_size for p in (out / "jabatan").glob("*/index.html"))
    result.update(position_page_median=statistics.median(pages),
                  search_index=(out / "search" / "search_index.json").stat().st_size)
    return result


def naive_build(root: Path, work: Path) -> float:
    """The same Markdown project with every page in the navigation, built by mkdocs."""
    started = time.perf_counter()
    files = render_project(Project.open(root))
    config = yaml.safe_load(files["mkdocs.yml"])
    sections: dict[str, list] = {}
    for name in sorted(files):
        if name.startswith("docs/") and name.endswith(".md"):
            page = name[len("docs/"):]
            sections.setdefault(page.split("/")[0] if "/" in page else "", []).append(page)
    config["nav"] = [{section or "Beranda": pages} for section, pages in sections.items()]
    files["mkdocs.yml"] = yaml.safe_dump(config, sort_keys=False, allow_unicode=True).encode("utf-8")
    write_tree(work / "project", files)
    run_mkdocs(work / "project" / "mkdocs.yml", work / "site", root)
    return time.perf_counter() - started


def render(big: list[dict], positions: int, ratio: dict, runs: int) -> str:
    total = statistics.median(r["total"] for r in big)
    generation = statistics.median(r["generation"] for r in big)
    share = statistics.median(r["generation"] / r["total"] for r in big)
    first = big[0]
    rows = [
        ("`kamus build`, median total", f"{total:.1f} s", "≤ 90 s", total <= 90),
        ("generation (validate + render) share", f"{100 * share:.1f} % ({generation:.1f} s)", "≤ 10 %", share <= 0.10),
        ("median position page", f"{first['position_page_median'] / 1024:.1f} KB", "≤ 60 KB",
         first["position_page_median"] <= 60 * 1024),
        ("search index", f"{first['search_index'] / 1024 / 1024:.1f} MB", "≤ 15 MB",
         first["search_index"] <= 15 * 1024 * 1024),
        (f"naive (every page in nav) vs. ours at {ratio['positions']:,} positions",
         f"{ratio['naive']:.1f} s vs. {ratio['ours']:.1f} s = {ratio['naive'] / ratio['ours']:.1f}×", "≥ 5×",
         ratio["naive"] / ratio["ours"] >= 5),
    ]
    lines = [
        "## `kamus build` on the large corpus (issue #3)",
        "",
        f"Machine: {machine()}.  ",
        f"Corpus: `benchmarks/corpus.py`, {positions:,} positions in 60 units, 500 competencies "
        f"({first['pages']:,} Markdown pages). Median of {runs} builds, each in a fresh process as a user runs "
        "`kamus build`: it validates, renders and runs a real strict `mkdocs build` with Material.  ",
        "Navigation holds index pages only; competency and position pages are reached from the indexes "
        "and by search.",
        "",
        "| measure | result | target | met |",
        "|---|---:|---:|:---:|",
    ]
    lines += [f"| {name} | {value} | {target} | {'yes' if ok else 'NO'} |" for name, value, target, ok in rows]
    lines += ["", "Runs (total / generation / mkdocs, s): "
              + "; ".join(f"{r['total']:.1f} / {r['generation']:.1f} / {r['mkdocs']:.1f}" for r in big)]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = bench_parser(__doc__, runs=3, positions=2000)
    parser.add_argument("--ratio-positions", type=int, default=1000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kamus-bench-site-") as tmp:
        tmp = Path(tmp)
        root = generate(tmp / "corpus", positions=args.positions)
        big = []
        for run in range(args.runs):
            big.append(build_once(root, tmp / f"site-{run}"))
            print(f"build {run + 1}: {big[-1]['total']:.1f} s (generation {big[-1]['generation']:.1f} s)", flush=True)
        small = generate(tmp / "corpus-ratio", positions=args.ratio_positions)
        ours = build_once(small, tmp / "site-ratio")["total"]
        naive = naive_build(small, tmp / "naive")
        print(f"{args.ratio_positions} positions: ours {ours:.1f} s, naive {naive:.1f} s", flush=True)
    emit(render(big, args.positions, {"positions": args.ratio_positions, "ours": ours, "naive": naive},
                args.runs), args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
