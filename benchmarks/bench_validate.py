"""Benchmark: `kamus validate` against only parsing the same files with PyYAML's C loader.

Target (issue #2): validate ≤ 2× the parse-only baseline on the large corpus (2,000
positions, 60 units, 500 competencies), and linear growth (500 and 1,000 positions too).
Both are measured in one process, alternating, on a warm file cache; the median of
``--runs`` runs is reported. ``--write FILE`` writes the Markdown report.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.common import bench_parser, emit, machine  # noqa: E402
from benchmarks.corpus import generate  # noqa: E402
from generator.api import validate  # noqa: E402
from generator.check import SchemaSet  # noqa: E402
from generator.project import Project  # noqa: E402


class ReferenceOnly(SchemaSet):
    """Schema checks with the reference validator alone (what fastjsonschema saves)."""

    def is_valid_fast(self, kind, data):
        return not self.errors(kind, data)


def validate_reference_only(root: Path):
    return Project.open(root, schemas=REFERENCE_ONLY).report


REFERENCE_ONLY = ReferenceOnly()

SIZES = (500, 1000, 2000)


def parse_only(root: Path) -> int:
    """The baseline: read and parse every data file with the C loader, nothing else."""
    count = 0
    for pattern in ("kamus.yaml", "competencies/*/*.yaml", "positions/*/*.yaml"):
        for path in sorted(root.glob(pattern)):
            with open(path, "rb") as handle:
                yaml.load(handle, Loader=yaml.CSafeLoader)
            count += 1
    return count


def timed(func, *args) -> float:
    start = time.perf_counter()
    func(*args)
    return time.perf_counter() - start


def measure(root: Path, runs: int) -> dict:
    report = validate(root)  # warm-up: file cache, schema compilation, imports
    assert not report.failed(strict=True), "the synthetic corpus must be valid"
    files = parse_only(root)
    validate_reference_only(root)
    baseline, ours, reference = [], [], []
    for _ in range(runs):
        baseline.append(timed(parse_only, root))
        ours.append(timed(validate, root))
        reference.append(timed(validate_reference_only, root))
    return {"files": files, "baseline": statistics.median(baseline), "validate": statistics.median(ours),
            "reference": statistics.median(reference)}


def render(results: dict, runs: int) -> str:
    lines = [
        "## `kamus validate` vs. parse-only (issue #2)",
        "",
        f"Machine: {machine()}.  ",
        f"Median of {runs} runs each, alternating, in one process, warm file cache.  ",
        "Baseline: open and `yaml.load(..., Loader=yaml.CSafeLoader)` every data file, nothing else.  ",
        "`kamus validate`: discovery, strict loading with positions, JSON Schema, every cross-file rule.  ",
        "Target: ratio ≤ 2.0 at 2,000 positions; time per file roughly constant across sizes.",
        "",
        "| positions | files | parse-only (s) | validate (s) | ratio | validate ms/file "
        "| jsonschema-only validate (s) | its ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, r in results.items():
        lines.append(f"| {size:,} | {r['files']:,} | {r['baseline']:.3f} | {r['validate']:.3f} | "
                     f"{r['validate'] / r['baseline']:.2f} | {1000 * r['validate'] / r['files']:.3f} "
                     f"| {r['reference']:.3f} | {r['reference'] / r['baseline']:.2f} |")
    lines += ["", "The last two columns run every document through the reference `jsonschema` validator "
              "instead of the compiled fast path: the reason `fastjsonschema` is a dependency "
              "(tests require both to give the same verdict on every example file)."]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = bench_parser(__doc__, runs=5, positions=None)
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="kamus-bench-") as tmp:
        for size in args.sizes:
            root = generate(Path(tmp) / f"corpus-{size}", positions=size)
            results[size] = measure(root, args.runs)
            r = results[size]
            print(f"{size:5} positions, {r['files']} files: parse-only {r['baseline']:.3f}s, "
                  f"validate {r['validate']:.3f}s, ratio {r['validate'] / r['baseline']:.2f}", flush=True)
    emit(render(results, args.runs), args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
