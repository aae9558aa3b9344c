"""Benchmark: the kamus as an Excel workbook and back on the large corpus (issue #13).

`kamus export --format xlsx` and `kamus import` of the unchanged workbook (which must
change no file), then an import of a workbook with 20 edited requirement levels.
Targets on this machine: export ≤ 30 s, import ≤ 30 s. Fresh process per measurement.
"""

from __future__ import annotations

import json
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
TARGET = 30.0


def timed(*args) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", *args], check=True, capture_output=True, cwd=REPO)
    return time.perf_counter() - start


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def edit_levels(source: Path, target: Path, count: int) -> None:
    import openpyxl

    book = openpyxl.load_workbook(source)
    sheet = book["Kebutuhan"]
    for row in range(3, 3 + count * 37, 37):
        cell = sheet.cell(row, 3)
        cell.value = 1 if cell.value != 1 else 2
    book.save(target)


def main(argv=None) -> int:
    parser = bench_parser(__doc__, runs=3, positions=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kamus-bench-workbook-") as tmp:
        root = generate(Path(tmp) / "kamus", positions=args.positions)
        book, edited = Path(tmp, "kamus.xlsx"), Path(tmp, "diubah.xlsx")
        before = tree(root)
        export = statistics.median(timed("export", "--root", str(root), "--format", "xlsx", "--output", str(book))
                                   for _ in range(args.runs))
        size = book.stat().st_size
        same = statistics.median(timed("import", str(book), "--root", str(root)) for _ in range(args.runs))
        unchanged = tree(root) == before
        edit_levels(book, edited, 20)
        changed = statistics.median(timed("import", str(edited), "--root", str(root), "--coba")
                                    for _ in range(args.runs))
    mark = lambda seconds: "yes" if seconds <= TARGET else "NO"  # noqa: E731
    lines = [
        "## Excel workbook export and import (issue #13)",
        "",
        f"Machine: {machine()}.  ",
        f"Corpus: `benchmarks/corpus.py` ({args.positions:,} positions, 500 competencies); workbook "
        f"{size / 1_000_000:.1f} MB. Median of {args.runs} runs, each a fresh `python -m generator …` process.",
        "",
        "| measure | result | target | met |",
        "|---|---:|---:|:---:|",
        f"| `kamus export --format xlsx` | {export:.2f} s | ≤ {TARGET:.0f} s | {mark(export)} |",
        f"| `kamus import` of the unchanged workbook (no file changed: {'yes' if unchanged else 'NO'}) | {same:.2f} s "
        f"| ≤ {TARGET:.0f} s | {mark(same) if unchanged else 'NO'} |",
        f"| `kamus import --coba` with 20 levels edited | {changed:.2f} s | ≤ {TARGET:.0f} s | {mark(changed)} |",
    ]
    emit("\n".join(lines) + "\n", args.write)
    print(json.dumps({"export": export, "import_unchanged": same, "import_edited": changed, "unchanged": unchanged,
                      "bytes": size}))
    return 0 if unchanged else 1


if __name__ == "__main__":
    sys.exit(main())
