"""Benchmark: version comparison and site history on the large corpus (issue #5).

Five yearly tags (kamus-2021 … kamus-2025) where about 5% of the files change each year.
Targets on this machine: `kamus diff` between two tags ≤ 10 s; the site build with five
versions of history ≤ 1.5× the build without history. Fresh process per measurement. Since
issue #11 the Riwayat pages offer the Lampiran of every version; those documents are
written once into the Lampiran cache (a fresh one here), so the first build with history
is reported on its own and the median is of the builds after it.
"""

from __future__ import annotations

import json
import os
import random
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
YEARS = (2021, 2022, 2023, 2024, 2025)
ENV = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@contoh.invalid",
       "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@contoh.invalid",
       "GIT_AUTHOR_DATE": "2025-01-01T00:00:00", "GIT_COMMITTER_DATE": "2025-01-01T00:00:00"}


def git(root: Path, *args) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=ENV)


def change_some(root: Path, rng: random.Random, year: int, share: float = 0.05) -> int:
    """Reword ~share of the competency and position files (still valid)."""
    files = sorted(root.glob("competencies/*/*.yaml")) + sorted(root.glob("positions/*/[!_]*.yaml"))
    chosen = rng.sample(files, int(len(files) * share))
    for path in chosen:
        text = path.read_text("utf-8")
        if path.parts[-3] == "competencies":
            text = re.sub(r"^definisi: (.*)$", lambda m: f"definisi: {m.group(1)} (revisi {year})", text, count=1, flags=re.M)
            text = re.sub(r"^  - (\w)", lambda m: f"  - Revisi {year} — {m.group(1)}", text, count=1, flags=re.M)
        else:
            text = re.sub(r"^nama: (.*)$", lambda m: f"nama: {m.group(1)} {year}", text, count=1, flags=re.M)
        path.write_text(text, "utf-8")
    return len(chosen)


def timed(*args) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", *args], check=True, capture_output=True, cwd=REPO)
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = bench_parser(__doc__, runs=3, positions=None)
    args = parser.parse_args(argv)
    rng = random.Random(5)
    with tempfile.TemporaryDirectory(prefix="kamus-bench-history-") as tmp:
        root = generate(Path(tmp) / "kamus")
        git(root, "init", "-q", "-b", "main")
        changed = []
        for year in YEARS:
            if year != YEARS[0]:
                changed.append(change_some(root, rng, year))
            git(root, "add", "-A")
            git(root, "commit", "-q", "-m", f"kamus {year}")
            git(root, "tag", f"kamus-{year}")
        diff_last = statistics.median(timed("diff", "kamus-2024", "kamus-2025", "--root", str(root), "--format", "json")
                                      for _ in range(args.runs))
        diff_span = statistics.median(timed("diff", "kamus-2021", "kamus-2025", "--root", str(root), "--format", "json")
                                      for _ in range(args.runs))
        without = statistics.median(timed("build", "--root", str(root), "--output", f"{tmp}/plain") for _ in range(args.runs))
        (root / "kamus.yaml").write_text("riwayat:\n" + "".join(
            f"  - {{tag: kamus-{y}, label: Perbup {y}, tanggal: \"{y}-01-02\"}}\n" for y in YEARS), "utf-8")
        os.environ["KAMUS_CACHE_DIR"] = f"{tmp}/cache"  # empty: the first build writes every Lampiran
        cold = timed("build", "--root", str(root), "--output", f"{tmp}/history")
        with_history = statistics.median(timed("build", "--root", str(root), "--output", f"{tmp}/history")
                                         for _ in range(args.runs))
        pages = len(list(Path(tmp, "history", "riwayat").glob("*/index.html")))
    lines = [
        "## Version comparison and site history (issue #5)",
        "",
        f"Machine: {machine()}.  ",
        f"Corpus: `benchmarks/corpus.py` (2,000 positions, 500 competencies) in a git repository with five yearly "
        f"tags; each year {', '.join(map(str, changed))} files reworded (≈5%). Median of {args.runs} runs, each a "
        "fresh `python -m generator …` process (start-up and imports included).",
        "",
        "| measure | result | target | met |",
        "|---|---:|---:|:---:|",
        f"| `kamus diff kamus-2024 kamus-2025` | {diff_last:.2f} s | ≤ 10 s | {'yes' if diff_last <= 10 else 'NO'} |",
        f"| `kamus diff kamus-2021 kamus-2025` | {diff_span:.2f} s | ≤ 10 s | {'yes' if diff_span <= 10 else 'NO'} |",
        f"| build with five versions of history ({pages} comparison pages) vs without | {with_history:.1f} s vs "
        f"{without:.1f} s = {with_history / without:.2f}× | ≤ 1.5× | {'yes' if with_history / without <= 1.5 else 'NO'} |",
        f"| the first such build, which also writes the Lampiran (PDF, DOCX) of six versions into the empty cache | "
        f"{cold:.1f} s = {cold / without:.2f}× | once per version | |",
    ]
    emit("\n".join(lines) + "\n", args.write)
    print(json.dumps({"diff_last": diff_last, "diff_span": diff_span, "without": without, "with": with_history,
                      "first": cold}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
