"""Benchmark: `kamus lampiran` on the large synthetic corpus (issue #11).

Target: the Lampiran of 2,000 positions + 500 competencies ≤ 60 s each as DOCX and as PDF
on the 2-core machine (a fresh process per run, as a user runs the command, imports
included), with the embedded font (DejaVu Serif). Reports the median time, the file size,
the page count of the PDF and its page rules read off the pages (tests/lampiran_pages.py:
pages other than a part's last with fewer than 15 lines, openings apart from their table,
split rows, tables continued without their header, a signature alone).

``python benchmarks/bench_lampiran.py [--positions 2000] [--runs 3] [--write BENCHMARKS.md]``
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.common import bench_parser, emit, machine  # noqa: E402
from benchmarks.corpus import generate  # noqa: E402

TARGET_SECONDS = 60

_RUNNER = """
import json, sys, time
started = time.perf_counter()
from generator import api
written = api.lampiran(sys.argv[1], sys.argv[2])
print(json.dumps({"seconds": time.perf_counter() - started, "size": written.size}))
"""


def run_once(root: Path, output: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _RUNNER, str(root), str(output)], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parents[1])
    return json.loads(done.stdout.strip().splitlines()[-1])


def pdf_pages(path: Path) -> int | None:
    try:
        from pypdf import PdfReader
    except ImportError:  # pypdf comes with the test extras
        return None
    return len(PdfReader(str(path)).pages)


def page_problems(root: Path, pdf: Path) -> list[str] | None:
    """The page rules the PDF breaks (None without pypdf, a test extra)."""
    try:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from lampiran_pages import layout_problems
    except ImportError:
        return None
    from generator import load_kamus
    from generator.lampiran import build_lampiran

    return layout_problems(build_lampiran(load_kamus(root)), pdf)


def measure(positions: int, units: int, competencies: int, runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "kamus", positions, units, competencies)
        results = {}
        for suffix in (".docx", ".pdf"):
            output = Path(tmp) / f"lampiran{suffix}"
            times = [run_once(root, output)["seconds"] for _ in range(runs)]
            results[suffix] = {"seconds": statistics.median(times), "size": output.stat().st_size,
                               "pages": pdf_pages(output) if suffix == ".pdf" else None,
                               "problems": page_problems(root, output) if suffix == ".pdf" else None}
        return results


def render(results: dict, positions: int, competencies: int, runs: int) -> str:
    lines = ["## Lampiran (`kamus lampiran`, issue #11)", "",
             f"Corpus: {positions} positions, {competencies} competencies (`benchmarks/corpus.py`); median of "
             f"{runs} runs, each in a fresh process. Target: ≤ {TARGET_SECONDS} s per format.", "",
             f"Machine: {machine()}", "", "| format | time | target met | file size | pages | page rules broken |",
             "|---|---|---|---|---|---|"]
    for suffix, result in results.items():
        problems = result["problems"]
        lines.append(f"| {suffix[1:].upper()} | {result['seconds']:.1f} s | "
                     f"{'yes' if result['seconds'] <= TARGET_SECONDS else 'NO'} | "
                     f"{result['size'] / 1_000_000:.1f} MB | {result['pages'] or '–'} | "
                     f"{'–' if problems is None else len(problems)} |")
    problems = results[".pdf"]["problems"] or []
    lines += ["", "Page rules (PDF, read off its pages by `tests/lampiran_pages.py`): no page except a part's last "
              "with fewer than 15 lines, openings on the page of their table's first row, no split row, headers "
              "repeated, the signature with the last row." + "".join(f"\n- {p}" for p in problems[:10])]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = bench_parser(__doc__, runs=3, positions=2000)
    parser.add_argument("--units", type=int, default=60)
    parser.add_argument("--competencies", type=int, default=500)
    args = parser.parse_args(argv)
    results = measure(args.positions, args.units, args.competencies, args.runs)
    emit(render(results, args.positions, args.competencies, args.runs), args.write)
    return 0 if all(r["seconds"] <= TARGET_SECONDS for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
