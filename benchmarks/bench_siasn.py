"""Benchmark: a province-size period folder as the downloads come (issue #19).

30,000 employees in the SIASN "data utama" layout (67 columns, `'` before the NIP, every row
matched to its position by name within its unit), 15 assessed competencies each in the long
form of a talent application (450,000 rows, the person's `nilai_potensi` repeated on each),
and e-Kinerja SKP for two years (60,000 rows), through `kamus talenta --format json`. Beside
it, the same people in today's single-file layout (`snapshots/2025.csv`, one row per person
with every field), through the same command. Each run is a fresh process; peak = its VmHWM.

    python benchmarks/bench_siasn.py [--people 30000] [--runs 3] [--write BENCHMARKS.md]
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.common import bench_parser, emit, machine, measured  # noqa: E402
from benchmarks.corpus import generate  # noqa: E402
from benchmarks.snapshots import generate as generate_snapshot, read  # noqa: E402
from generator import load_kamus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
TARGET_SECONDS, TARGET_MB = 15, 1024
# The header of SIASN's "Export Data ASN" (64 columns, then IS VALID NIK, NAMA SEKOLAH, FLAG IKD)
SIASN = ("PNS ID,NIP BARU,NIP LAMA,NAMA,GELAR DEPAN,GELAR BELAKANG,TEMPAT LAHIR ID,TEMPAT LAHIR NAMA,TANGGAL LAHIR,"
         "JENIS KELAMIN,AGAMA ID,AGAMA NAMA,JENIS KAWIN ID,JENIS KAWIN NAMA,NIK,NOMOR HP,EMAIL,EMAIL GOV,ALAMAT,"
         "NPWP NOMOR,BPJS,JENIS PEGAWAI ID,JENIS PEGAWAI NAMA,KEDUDUKAN HUKUM ID,KEDUDUKAN HUKUM NAMA,STATUS CPNS PNS,"
         "KARTU ASN VIRTUAL,NOMOR SK CPNS,TANGGAL SK CPNS,TMT CPNS,NOMOR SK PNS,TANGGAL SK PNS,TMT PNS,GOL AWAL ID,"
         "GOL AWAL NAMA,GOL AKHIR ID,GOL AKHIR NAMA,TMT GOLONGAN,MK TAHUN,MK BULAN,JENIS JABATAN ID,JENIS JABATAN NAMA,"
         "JABATAN ID,JABATAN NAMA,TMT JABATAN,TINGKAT PENDIDIKAN ID,TINGKAT PENDIDIKAN NAMA,PENDIDIKAN ID,"
         "PENDIDIKAN NAMA,TAHUN LULUS,KPKN ID,KPKN NAMA,LOKASI KERJA ID,LOKASI KERJA NAMA,UNOR ID,UNOR NAMA,"
         "INSTANSI INDUK ID,INSTANSI INDUK NAMA,INSTANSI KERJA ID,INSTANSI KERJA NAMA,SATUAN KERJA INDUK ID,"
         "SATUAN KERJA INDUK NAMA,SATUAN KERJA KERJA ID,SATUAN KERJA KERJA NAMA,IS VALID NIK,NAMA SEKOLAH,"
         "FLAG IKD").split(",")
EKINERJA = ("jenis;id;nip;nama;periode_awal_skp;periode_akhir_skp;skp_unor_id;skp_unor;skp_unor_induk;skp_jabatan;"
            "skp_jenis_jabatan;is_skp_plt_plh_pjb;hasil_kerja;perilaku_kerja;hasil_akhir;pegawai_atasan_id;"
            "pegawai_atasan_nip;pegawai_atasan_nama;pegawai_atasan_unor_id;pegawai_atasan_unor;pegawai_atasan_jabatan;"
            "pegawai_atasan_golru;waktu_dinilai;pegawai_penilai_id;tahun_skp;skp_id;periode_id;skp_penilaian_id;golru;"
            "jenis_pegawai;bulan_skp").split(";")
LONG = ["nip", "no_register", "kd_skj", "nm_skj", "nilai_skj", "skj", "gap_skj", "rekomendasi", "nilai_potensi"]
GOLONGAN_ID = {"II/a": "21", "II/b": "22", "II/c": "23", "II/d": "24", "III/a": "31", "III/b": "32", "III/c": "33",
               "III/d": "34", "IV/a": "41", "IV/b": "42", "IV/c": "43", "IV/d": "44", "IV/e": "45"}
TINGKAT = {"SMA": ("15", "SLTA"), "D-III": ("30", "Diploma III/Sarjana Muda"), "S1": ("40", "S-1/Sarjana"),
           "S2": ("45", "S-2"), "S3": ("50", "S-3/Doktor")}
JENIS = {"pelaksana": ("4", "Jabatan Fungsional Umum")}


def hexid(*parts) -> str:
    return hashlib.md5("|".join(map(str, parts)).encode()).hexdigest().upper()


def folder_period(root: Path, single: Path, folder: Path) -> dict:
    """The people of ``single`` as a SIASN export, e-Kinerja SKP for two years and the long
    assessment rows, in ``folder``; returns the row counts."""
    kamus = load_kamus(root)
    people = read(single)
    codes = [c for c in people[0] if c in kamus.competencies]
    rng = random.Random(19)
    folder.mkdir(parents=True)
    counts = {"pegawai": 0, "asesmen": 0, "skp": 0}
    with open(folder / "Data_Utama_PNS.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(SIASN)
        for row in people:
            position = kamus.positions[row["jabatan"]]
            unit = kamus.units[position.unit]
            nip = row["nip"]
            jenis_id, jenis = ("2", "Jabatan Fungsional Tertentu") if position.jenjang.startswith("fungsional") else \
                JENIS.get(position.jenjang, ("1", "Jabatan Struktural"))
            tingkat = TINGKAT.get(row.get("pendidikan", ""), ("", ""))
            gol = row.get("pangkat_golongan", "")
            values = {h: "" for h in SIASN} | {
                "PNS ID": hexid("pns", nip), "NIP BARU": "'" + nip, "NIP LAMA": "null", "NAMA": row["nama"].upper(),
                "GELAR BELAKANG": rng.choice(["", "S.E.", "S.Kom.", "M.M."]), "TEMPAT LAHIR NAMA": "KAB. CONTOH",
                "TANGGAL LAHIR": f"{nip[6:8]}-{nip[4:6]}-{nip[:4]}", "JENIS KELAMIN": "M" if nip[14] == "1" else "F",
                "AGAMA ID": "1", "AGAMA NAMA": "Islam", "NIK": "'9999" + nip[2:14], "ALAMAT": "Jl. Contoh No. 1, Kab. Contoh",
                "NPWP NOMOR": "'99.999.999.9-999.000", "JENIS PEGAWAI NAMA": "PNS Daerah Provinsi",
                "KEDUDUKAN HUKUM ID": "01", "KEDUDUKAN HUKUM NAMA": "Aktif", "STATUS CPNS PNS": "P",
                "TMT CPNS": f"01-{nip[12:14]}-{nip[8:12]}", "GOL AKHIR ID": GOLONGAN_ID.get(gol, ""), "GOL AKHIR NAMA": gol,
                "JENIS JABATAN ID": jenis_id, "JENIS JABATAN NAMA": jenis, "JABATAN ID": hexid("jabatan", position.kode),
                "JABATAN NAMA": position.nama, "TMT JABATAN": row.get("tmt_jabatan", ""),
                "TINGKAT PENDIDIKAN ID": tingkat[0], "TINGKAT PENDIDIKAN NAMA": tingkat[1],
                "UNOR ID": hexid("unor", unit.kode), "UNOR NAMA": unit.nama, "INSTANSI KERJA NAMA": "Pemerintah Provinsi Contoh",
                "SATUAN KERJA KERJA NAMA": "Pemerintah Provinsi Contoh", "IS VALID NIK": "1", "FLAG IKD": "0"}
            writer.writerow([values[h] for h in SIASN])
            counts["pegawai"] += 1
    with open(folder / "laporan-skp.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(EKINERJA)
        for year in (2023, 2024):
            for row in people:
                predikat = row["predikat_kinerja"] if year == 2024 else rng.choice(["Baik", "Sangat Baik", "Baik"])
                values = {h: "" for h in EKINERJA} | {
                    "jenis": "1", "id": hexid("skp", row["nip"], year), "nip": row["nip"], "nama": row["nama"].upper(),
                    "periode_awal_skp": f"{year}-01-01", "periode_akhir_skp": f"{year}-12-31",
                    "hasil_kerja": "Sesuai Ekspektasi", "perilaku_kerja": "Sesuai Ekspektasi",
                    "hasil_akhir": predikat.upper() if rng.random() < 0.5 else predikat, "tahun_skp": str(year),
                    "waktu_dinilai": f"{year + 1}-01-20 10:10:00", "golru": row.get("pangkat_golongan", "")}
                writer.writerow([values[h] for h in EKINERJA])
                counts["skp"] += 1
    names = {code: kamus.competencies[code].nama for code in codes}
    with open(folder / "hasil_asesmen_per_kompetensi.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(LONG)
        for row in people:
            required = {r.kode: r.level for r in kamus.positions[row["jabatan"]].kompetensi}
            potensi = row["nilai_potensi"].replace(",", ".")
            for number, code in enumerate(codes, start=1):
                if row[code]:
                    level = float(row[code].replace(",", "."))
                    standar = required.get(code, 2)
                    writer.writerow([row["nip"], f"AC-{row['nip'][-6:]}", f"{number:02d}", names[code], f"{level:.2f}",
                                     standar, f"{level - standar:.2f}", "", potensi])
                    counts["asesmen"] += 1
    return counts


# `kamus talenta --format json` in a fresh process, reporting its CPU seconds besides (a shared machine
# stretches the wall time by its load; the CPU time is what the command itself costs)
CPU = """
import atexit, resource, sys
def _cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    sys.stderr.write("\\nKAMUS-CPU-S %f\\n" % (usage.ru_utime + usage.ru_stime))
atexit.register(_cpu)
"""


def measure(root: Path, runs: int) -> dict:
    results = []
    for _ in range(runs):
        result = measured(["talenta", "--root", root, "--format", "json"], REPO, CPU)
        if result["code"]:
            raise SystemExit(result["output"][-3000:])
        result["cpu"] = float(result["output"].rsplit("KAMUS-CPU-S ", 1)[1].split()[0])
        results.append(result)
    people = len(json.loads(results[0]["output"].split("\nKAMUS-CPU-S", 1)[0])["orang"])
    return {"seconds": statistics.median(r["seconds"] for r in results),
            "cpu": statistics.median(r["cpu"] for r in results), "peak_mb": max(r["peak_mb"] for r in results),
            "people": people, "load": os.getloadavg()[0]}


def render(people: int, counts: dict, folder: dict, single: dict, sizes: dict) -> str:
    met = folder["seconds"] <= TARGET_SECONDS and folder["peak_mb"] <= TARGET_MB
    return "\n".join([
        "## A period as the downloads come (issue #19)",
        "",
        f"Machine: {machine()}. A shared machine: the wall time grows with the load of others (the load average "
        "is given), the CPU time (user + system of the command) does not.  ",
        "Kamus: the large synthetic corpus (2,000 positions in 60 units). The period folder "
        f"`snapshots/2025/`: {counts['pegawai']:,} employees in the SIASN *data utama* layout (67 columns, "
        f"{sizes['Data_Utama_PNS.csv']:.0f} MB; every row matched to its position by name within its unit), "
        f"{counts['asesmen']:,} assessment rows in the long form of a talent application (15 competencies a person, "
        f"{sizes['hasil_asesmen_per_kompetensi.csv']:.0f} MB) and {counts['skp']:,} e-Kinerja SKP rows for two years "
        f"({sizes['laporan-skp.csv']:.0f} MB). Beside it, the same people in the single-file layout "
        "(`snapshots/2025.csv`, 15 competency columns and the optional columns). Each measurement is "
        "`kamus talenta --format json` in a fresh process, the median of the runs, validation and computation "
        "included; peak = the process's VmHWM.",
        "",
        "| period | people in the results | wall time (s) | CPU time (s) | peak (MB) | load average |",
        "|---|---:|---:|---:|---:|---:|",
        f"| folder of SIASN, e-Kinerja and assessment files | {folder['people']:,} | {folder['seconds']:.1f} | "
        f"{folder['cpu']:.1f} | {folder['peak_mb']:,.0f} | {folder['load']:.1f} |",
        f"| single file, same people | {single['people']:,} | {single['seconds']:.1f} | {single['cpu']:.1f} | "
        f"{single['peak_mb']:,.0f} | {single['load']:.1f} |",
        "",
        f"Target: ≤ {TARGET_SECONDS} s and ≤ 1 GB for the folder ({'met' if met else 'NOT met'} in wall time; "
        f"the command's own CPU time is {folder['cpu']:.1f} s). The folder costs {folder['cpu'] / single['cpu']:.1f}× "
        f"the single file in CPU time (it reads {counts['asesmen'] + counts['skp']:,} more rows, recognises each file, "
        "places every row by name and joins by NIP).",
        "",
    ])


def main(argv=None) -> int:
    parser = bench_parser(__doc__, runs=3, positions=None)
    parser.add_argument("--people", type=int, default=30_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kamus-bench-siasn-") as tmp:
        root = generate(Path(tmp) / "corpus")
        single = generate_snapshot(root, Path(tmp) / "2025.csv", args.people, seed=19, teknis=6, extra=True)
        folder = root / "snapshots" / "2025"
        shutil.rmtree(root / "snapshots", ignore_errors=True)
        counts = folder_period(root, single, folder)
        sizes = {p.name: p.stat().st_size / 1_000_000 for p in folder.iterdir()}
        print(f"folder: {counts}", flush=True)
        folder_result = measure(root, args.runs)
        print(f"folder: {folder_result}", flush=True)
        shutil.rmtree(root / "snapshots")
        (root / "snapshots").mkdir()
        shutil.copy(single, root / "snapshots" / "2025.csv")
        single_result = measure(root, args.runs)
        print(f"single file: {single_result}", flush=True)
    emit(render(args.people, counts, folder_result, single_result, sizes), args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
