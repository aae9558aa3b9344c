"""Benchmark: manajemen talenta on synthetic snapshots of 10,000, 100,000 and 1,000,000 rows (issues #4, #10).

The kamus is the large synthetic corpus with 200 strategic posts and a development catalog
(about two activities per competency); each snapshot has 12 competency columns and the
optional columns pangkat_golongan, pendidikan and tmt_jabatan. Each measurement runs in a
fresh process. Targets: 100,000 rows through ingest, validation, boxes, JPM, pool,
succession (with the requirements of PP 11/2017) and aggregates ≤ 10 s; with the
development plans (every person's plan against their own post, every candidate's against
the target post, and the instansi's AKPK) ≤ 1.5× that pipeline, measured in the same
process; time linear in rows; peak memory at 1,000,000 rows ≤ 2 GB. Baseline: a
straightforward pandas implementation of the same box + JPM computation, measured in the
same run (ours: ingest + validation + boxes + JPM + pool for the comparison).
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.common import bench_parser, emit, machine  # noqa: E402
from benchmarks.corpus import generate  # noqa: E402
from benchmarks.snapshots import generate as generate_snapshot  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

OURS = """
import json, resource, sys, time
from pathlib import Path
from generator.project import Project
root = Path(sys.argv[1])
start = time.perf_counter()
from generator.talent.analysis import analyse, read_snapshots
from generator.talent.aggregate import summaries
from generator.talent.akpk import akpk
from generator.talent.compute import evaluate
from generator.model.policy import TalentPolicy
project = Project.open(root)
assert not project.kamus_report.failed()  # the kamus alone
kamus = project.kamus
loaded = time.perf_counter()
found, report = read_snapshots(project.source, kamus)
assert not report.failed(), report.findings[:3]
checked = time.perf_counter()
results = evaluate(found[0], kamus, kamus.config.talenta)
boxed = time.perf_counter()
analysis = analyse(found, kamus)
summaries(analysis, kamus)
done = time.perf_counter()
period, plan = analysis.latest(), analysis.planner.plan
akpk(period, kamus, analysis.planner, analysis.policy)
gaps = 0
for r in period.people:  # what the JSON and the RAHASIA sheet "Rencana Pengembangan" compute per person
    gaps += len(plan(r.person.asesmen, r.required).rencana_pengembangan)
for slate in period.slates:
    for c in slate.kandidat:
        gaps += len(plan(c.result.person.asesmen, slate.required).rencana_pengembangan)
planned = time.perf_counter()
print(json.dumps({"kamus": loaded - start, "ingest": checked - loaded, "box_jpm": boxed - checked,
                  "pipeline": done - loaded, "plans": planned - done, "rows": len(found[0].people),
                  "activities": len(kamus.development), "gaps": gaps,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

PANDAS = """
import json, sys, time
import numpy as np
import pandas as pd
from generator import load_kamus
root, csv_path = sys.argv[1], sys.argv[2]
kamus = load_kamus(root)
codes = [c.kode for c in kamus.competencies.values() if c.berlaku and c.jenis in kamus.config.jenis_wajib]
required = pd.DataFrame([{**{"jabatan": p.kode}, **{r.kode: r.level for r in p.kompetensi if r.kode in codes}}
                         for p in kamus.positions.values()]).set_index("jabatan")
start = time.perf_counter()
df = pd.read_csv(csv_path, sep=";", decimal=",", dtype={"nip": str}, encoding="utf-8-sig")
kinerja = df["predikat_kinerja"].map({"Sangat Baik": 2, "Baik": 1}).fillna(0).astype(int)
potensial = np.select([df["nilai_potensi"] >= 80, df["nilai_potensi"] >= 68], [2, 1], 0)
boxes = np.array([[1, 2, 4], [3, 5, 7], [6, 8, 9]])[potensial, kinerja]
need = required.reindex(df["jabatan"]).reset_index(drop=True)[codes]
assessed = df[codes].where(need.notna())
complete = ~(assessed.isna() & need.notna()).any(axis=1)
jpm = (assessed.sum(axis=1) / need.sum(axis=1) * 100).where(complete)
result = pd.DataFrame({"nip": df["nip"], "box": boxes, "jpm": jpm})
print(json.dumps({"box_jpm": time.perf_counter() - start, "rows": len(result)}))
"""


def run(code: str, *args) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                          cwd=REPO, check=False)
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def render(rows: list[dict], runs: int) -> str:
    lines = [
        "## Manajemen talenta on large snapshots (issues #4, #10)",
        "",
        f"Machine: {machine()}.  ",
        "Kamus: the large synthetic corpus (2,000 positions, 500 competencies, 200 strategic posts) with a "
        f"development catalog of {rows[0]['activities']:,} activities. Snapshots: `benchmarks/snapshots.py`, "
        "`;`-separated UTF-8 with BOM and decimal commas, 12 competency columns plus pangkat_golongan, "
        "pendidikan and tmt_jabatan.  ",
        f"Each measurement in a fresh process; median of {runs} runs (one run at 1,000,000 rows). "
        "*Pipeline* = ingest + validation + boxes + JPM + pool + succession (with the requirements of "
        "PP 11/2017) + aggregates (the kamus itself is loaded before the clock starts). *With plans* = the "
        "pipeline, then every person's development plan, every candidate's plan against the target post, and "
        "the instansi's AKPK, in the same process. *Ingest + box + JPM* is the part the pandas baseline also "
        "does: `read_csv` plus vectorised box and JPM.",
        "",
        "| rows | pipeline (s) | µs/row | with plans (s) | with plans ÷ pipeline | gaps planned | "
        "ingest + box + JPM (s) | pandas, same (s) | ours ÷ pandas | peak memory (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        with_plans = r["pipeline"] + r["plans"]
        lines.append(f"| {r['rows']:,} | {r['pipeline']:.2f} | {r['pipeline'] / r['rows'] * 1e6:.1f} | "
                     f"{with_plans:.2f} | {with_plans / r['pipeline']:.2f}× | {r['gaps']:,} | "
                     f"{r['ingest'] + r['box_jpm']:.2f} | {r['pandas']:.2f} | "
                     f"{(r['ingest'] + r['box_jpm']) / r['pandas']:.1f}× | {r['peak_mb']:,.0f} |")
    hundred = next((r for r in rows if r["rows"] == 100_000), None)
    million = next((r for r in rows if r["rows"] == 1_000_000), None)
    lines.append("")
    if hundred:
        ratio = (hundred["pipeline"] + hundred["plans"]) / hundred["pipeline"]
        lines.append(f"Target 100,000 rows ≤ 10 s: {hundred['pipeline']:.1f} s "
                     f"({'met' if hundred['pipeline'] <= 10 else 'NOT met'}).  ")
        lines.append(f"Target 100,000 rows with plans ≤ 1.5× the pipeline: {ratio:.2f}× "
                     f"({'met' if ratio <= 1.5 else 'NOT met'}).  ")
    if million:
        lines.append(f"Target peak memory at 1,000,000 rows ≤ 2 GB: {million['peak_mb']:,.0f} MB "
                     f"({'met' if million['peak_mb'] <= 2048 else 'NOT met'}).  ")
    lines.append("Linearity: see µs/row across sizes. The pandas baseline is faster on this narrow task (C "
                 "parsing, vectorised arithmetic, no per-cell validation); ours also validates every cell with "
                 "file:row:column findings, which is where most of the time goes.")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = bench_parser(__doc__, runs=3, positions=None)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="kamus-bench-talent-") as tmp:
        root = generate(Path(tmp) / "corpus", strategic=200, catalog=True)
        for size in args.sizes:
            shutil.rmtree(root / "snapshots", ignore_errors=True)
            csv_path = generate_snapshot(root, root / "snapshots" / "2025.csv", size, seed=size, extra=True)
            measures = [run(OURS, root) for _ in range(1 if size >= 1_000_000 else args.runs)]
            pandas = [run(PANDAS, root, csv_path)["box_jpm"] for _ in range(1 if size >= 1_000_000 else args.runs)]
            row = {key: statistics.median(m[key] for m in measures) for key in measures[0]}
            row["rows"], row["pandas"] = int(row["rows"]), statistics.median(pandas)
            row["peak_mb"] = max(m["peak_mb"] for m in measures)
            print(f"{size:>9,} rows: pipeline {row['pipeline']:.2f} s, with plans {row['pipeline'] + row['plans']:.2f} s "
                  f"({(row['pipeline'] + row['plans']) / row['pipeline']:.2f}×), peak {row['peak_mb']:.0f} MB, "
                  f"pandas {row['pandas']:.2f} s", flush=True)
            rows.append(row)
    emit(render(rows, args.runs), args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
