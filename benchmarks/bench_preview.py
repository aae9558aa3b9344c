"""Benchmark: the live preview and the build against bare MkDocs, on the large corpus (issue #12).

In one run: `kamus build` (fresh process, as a user runs it), a bare `mkdocs build` of the
same Markdown project (also a fresh process; the overhead of Kamus must stay ≤ 1.1×), and the preview's
save-to-page time: a position or competency file is saved and the preview rebuilds until
that file's own page shows the change (target ≤ 3 s, or ≤ 10 % of a full build on a slower
machine); the second pass (indexes, matrices, related pages) is reported too.

    python benchmarks/bench_preview.py [--edits 3] [--write BENCHMARKS.md]
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.common import bench_parser, emit, machine  # noqa: E402
from benchmarks.corpus import generate  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

PROJECT = """
import sys
from pathlib import Path
from generator.output_guard import write_tree
from generator.project import Project
from generator.publish.site import render_project
write_tree(Path(sys.argv[2]), render_project(Project.open(Path(sys.argv[1]))))
"""


def timed(*command) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=REPO,
                   env={**os.environ, "SOURCE_DATE_EPOCH": "0"})  # what `kamus build` uses outside git
    return time.perf_counter() - start


def markdown_project(root: Path, work: Path) -> Path:
    """The Markdown project `kamus build` hands to MkDocs (`kamus render`'s output)."""
    subprocess.run([sys.executable, "-c", PROJECT, str(root), str(work / "project")], check=True, cwd=REPO)
    return work / "project"


def bare_mkdocs(project: Path, site: Path) -> float:
    """A user's `mkdocs build --strict` of that project: a fresh process, as `kamus build` is."""
    return timed(sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(project / "mkdocs.yml"),
                 "-d", str(site))


def edits(root: Path, count: int):
    """(file, page below the site, text before, text after): names and definitions reworded."""
    positions = [p for p in sorted((root / "positions").glob("*/*.yaml")) if p.name != "_unit.yaml"]
    competencies = sorted((root / "competencies").glob("*/*.yaml"))
    for i in range(count):
        path = positions[i * 37 % len(positions)] if i % 2 == 0 else competencies[i * 11 % len(competencies)]
        text = path.read_text("utf-8")
        kode = re.search(r"^kode: (.*)$", text, re.M).group(1).strip('"')
        name = re.search(r"^nama: (.*)$", text, re.M).group(1)
        page = f"{'jabatan' if path.parent.parent.name == 'positions' else 'kompetensi'}/{kode}/index.html"
        yield path, page, text, text.replace(f"nama: {name}", f"nama: {name} Revisi {i}")


def preview_times(root: Path, count: int) -> list[dict]:
    from generator.project import Project
    from generator.publish.preview import Preview

    with tempfile.TemporaryDirectory(prefix="kamus-bench-preview-") as tmp:
        preview = Preview(Project.open(root), tmp)
        asked = []
        preview.request_rebuild = lambda: asked.append(1)
        preview.rebuild()
        results = []
        for path, page, before, after in edits(root, count):
            asked.clear()
            path.write_text(after, "utf-8")
            try:
                start = time.perf_counter()
                preview.rebuild()
                first = time.perf_counter() - start
                shown = after.split("nama: ", 1)[1].split("\n", 1)[0] in (Path(tmp) / "site" / page).read_text("utf-8")
                start = time.perf_counter()
                if asked:
                    preview.rebuild()
                second = time.perf_counter() - start
            finally:
                path.write_text(before, "utf-8")
                preview.rebuild()
                if asked:
                    preview.rebuild()
            assert shown and not preview.problem, preview.problem
            results.append({"file": path.relative_to(root).as_posix(), "first": first, "second": second})
            print(f"  {results[-1]['file']}: page {first:.2f} s, rest {second:.2f} s", flush=True)
    return results


def render(builds: list[float], bares: list[float], runs: list[dict], pages: int, positions: int) -> str:
    build, bare = statistics.median(builds), statistics.median(bares)
    paired = statistics.median(b / m for b, m in zip(builds, bares))  # each pair ran back to back
    first = statistics.median(r["first"] for r in runs)
    second = statistics.median(r["second"] for r in runs)
    share = first / build
    rows = [
        ("`kamus build` (fresh process, validation + render + strict MkDocs)", f"{build:.1f} s", "", None),
        ("bare `mkdocs build` of the same Markdown project", f"{bare:.1f} s", "", None),
        ("ratio of the medians, kamus build ÷ bare MkDocs", f"{build / bare:.2f}×", "≤ 1.1×", build / bare <= 1.1),
        ("median of the ratios of back-to-back pairs", f"{paired:.2f}×", "≤ 1.1×", paired <= 1.1),
        ("preview: save → the edited file's page rebuilt (median)", f"{first:.2f} s ({100 * share:.1f} % of the build)",
         "≤ 3 s, or ≤ 10 % of a full build", first <= 3 or share <= 0.10),
        ("preview: the rest of the pages the edit touches (median)", f"{second:.1f} s", "", None),
    ]
    lines = [
        "## Live preview and build overhead (issue #12)",
        "",
        f"Machine: {machine()}.  ",
        f"Corpus: `benchmarks/corpus.py`, {positions:,} positions, 500 competencies ({pages:,} pages). Builds: the "
        "median of alternating runs, each a fresh process (`python -m generator build` against `python -m mkdocs "
        f"build --strict` of the Markdown project `kamus render` writes); {len(runs)} saved edits (names of positions and competencies) in the preview, which re-validates "
        "the whole kamus after every save and rebuilds first the edited file's page, then the indexes, matrices "
        "and related pages.",
        "",
        "| measure | result | target | met |",
        "|---|---:|---:|:---:|",
    ]
    lines += [f"| {name} | {value} | {target} | {'' if ok is None else 'yes' if ok else 'NO'} |"
              for name, value, target, ok in rows]
    lines += ["", "Pairs (kamus build / bare MkDocs, s): " + "; ".join(f"{b:.1f} / {m:.1f}" for b, m in zip(builds, bares)),
              "", "Edits (file: page / rest, s): " + "; ".join(
        f"{r['file']}: {r['first']:.2f} / {r['second']:.1f}" for r in runs)]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = bench_parser(__doc__, runs=3, positions=2000)
    parser.add_argument("--edits", type=int, default=4)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kamus-bench-") as tmp:
        tmp = Path(tmp)
        root = generate(tmp / "corpus", positions=args.positions)
        project = markdown_project(root, tmp)
        builds, bares = [], []
        for run in range(args.runs):  # back-to-back pairs, which one goes first alternating; fresh processes
            steps = [lambda: builds.append(timed(sys.executable, "-m", "generator", "build", "--root", str(root),
                                                 "--output", str(tmp / "site"))),
                     lambda: bares.append(bare_mkdocs(project, tmp / f"bare-{run}"))]
            for step in steps if run % 2 == 0 else reversed(steps):
                step()
            print(f"kamus build {builds[-1]:.1f} s, bare mkdocs {bares[-1]:.1f} s", flush=True)
        pages = sum(1 for _ in (tmp / "site").rglob("index.html"))
        runs = preview_times(root, args.edits)
    emit(render(builds, bares, runs, pages, args.positions), args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
