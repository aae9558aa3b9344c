"""Benchmark: the komite talenta's decisions (keputusan/<periode>.yaml) on large snapshots (issue #22).

The kamus is the large synthetic corpus with 200 strategic posts and a development catalog;
the snapshot comes from `benchmarks/snapshots.py`. The decision file is the worst case a komite
writes: the draft of `kamus talenta --tulis-keputusan` (every member of the kelompok talenta
with the computed kotak, every computed slate as rencana suksesi), every readiness filled in,
and 1 % of the entries given another kotak with its alasan. Measured in fresh processes, with
and without that file: `kamus validate` (which checks the decisions against the period's
results), `kamus talenta --format json` (which applies them), the draft itself, and the two
DOCX documents. Target: the decisions add at most the cost of computing the period's results
once more to `kamus validate`, and little to `kamus talenta`.
"""

from __future__ import annotations

import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.common import bench_parser, emit, machine, measured  # noqa: E402
from benchmarks.corpus import generate  # noqa: E402
from benchmarks.snapshots import generate as generate_snapshot  # noqa: E402

DECISIONS = Path("keputusan") / "2025.yaml"


def decide(root: Path) -> dict:
    """Turn the draft into a komite's decision: readiness filled, 1 % of the kotak changed."""
    path = root / DECISIONS
    text = path.read_text("utf-8").replace("kesiapan: null", "kesiapan: siap_1_2_tahun")
    text = re.sub(r"^status: draf$", 'status: ditinjau_komite\nrapat: {tanggal: "2025-11-20"}', text, count=1,
                  flags=re.M)
    entries = re.findall(r"    kotak: (\d)\n", text)
    changed = 0

    def change(match):
        nonlocal changed
        kotak = int(match[1])
        if hash(match.start()) % 100 or kotak == 9:
            return match[0]
        changed += 1
        return f"    kotak: {kotak + 1}\n    alasan: Dinilai ulang oleh komite.\n"

    text = re.sub(r"    kotak: (\d)\n", change, text)
    path.write_text(text, "utf-8")
    return {"entries": len(entries), "changed": changed, "nominations": text.count("- {jabatan:"),
            "kb": path.stat().st_size / 1024}


def timed(args, root, runs: int) -> dict:
    found = [measured(args, root) for _ in range(runs)]
    for one in found:
        if one["code"] not in (0, 1):
            raise SystemExit(one["output"][-3000:])
    return {"seconds": statistics.median(f["seconds"] for f in found), "peak_mb": max(f["peak_mb"] for f in found),
            "code": found[0]["code"], "output": found[0]["output"]}


def render(rows: list[dict], runs: int) -> str:
    lines = [
        "## The komite talenta's decisions on large snapshots (issue #22)",
        "",
        f"Machine: {machine()}.  ",
        "Kamus: the large synthetic corpus (2,000 positions, 200 strategic posts, development catalog); snapshot "
        "from `benchmarks/snapshots.py`. The decision file is the draft of `kamus talenta --tulis-keputusan` "
        "(every member of the kelompok talenta, every computed slate as rencana suksesi) with every readiness "
        "filled and 1 % of the kotak changed with an alasan: the largest file a komite would write.  ",
        f"Each command in a fresh process, from start to end; median of {runs} runs; peak = maximum resident "
        "memory.",
        "",
        "| rows | decided | nominations | file (KB) | validate (s) | with decisions (s) | talenta json (s) | "
        "with decisions (s) | peak with decisions (MB) | --tulis-keputusan (s) | both DOCX (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['rows']:,} | {r['entries']:,} | {r['nominations']:,} | {r['kb']:,.0f} | "
                     f"{r['validate']:.2f} | {r['validate_decided']:.2f} | {r['talenta']:.2f} | "
                     f"{r['talenta_decided']:.2f} | {r['peak']:,.0f} | {r['draft']:.2f} | {r['docx']:.2f} |")
    lines += ["", "`kamus validate` computes the period's results once to check the decisions (the NIP, the "
              "computed kotak, the pool and the succession requirements of every nominee); `kamus talenta` "
              "computes them once, with the komite's kotak, as before."]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = bench_parser(__doc__, runs=3, positions=None)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="kamus-bench-keputusan-") as tmp:
        root = generate(Path(tmp) / "corpus", strategic=200, catalog=True)
        docs = Path(tmp) / "dokumen"
        docs.mkdir()
        for size in args.sizes:
            shutil.rmtree(root / "snapshots", ignore_errors=True)
            shutil.rmtree(root / "keputusan", ignore_errors=True)
            generate_snapshot(root, root / "snapshots" / "2025.csv", size, seed=size, extra=True)
            row = {"rows": size}
            row["validate"] = timed(["validate", "--root", root], root, args.runs)["seconds"]
            row["talenta"] = timed(["talenta", "--root", root, "--format", "json"], root, args.runs)["seconds"]
            row["draft"] = timed(["talenta", "--root", root, "--tulis-keputusan", "--timpa"], root, 1)["seconds"]
            row.update(decide(root))
            checked = timed(["validate", "--root", root], root, args.runs)
            if checked["code"]:
                raise SystemExit(checked["output"][-3000:])
            row["validate_decided"] = checked["seconds"]
            applied = timed(["talenta", "--root", root, "--format", "json"], root, args.runs)
            row["talenta_decided"], row["peak"] = applied["seconds"], applied["peak_mb"]
            row["docx"] = timed(["talenta", "--root", root, "--format", "csv", "--berita-acara", docs / "ba.docx",
                                 "--lampiran-suksesi", docs / "ls.docx"], root, 1)["seconds"]
            print(f"{size:>9,} rows, {row['entries']:,} decided: validate {row['validate']:.2f} → "
                  f"{row['validate_decided']:.2f} s, talenta {row['talenta']:.2f} → {row['talenta_decided']:.2f} s",
                  flush=True)
            rows.append(row)
    emit(render(rows, args.runs), args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
