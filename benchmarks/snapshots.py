"""Deterministic synthetic talent snapshots (fictional people), written as Excel writes CSV.

Used for the demo's `snapshots/` and for the talent benchmark:
``python benchmarks/snapshots.py ROOT OUT.csv --rows 100000 --periode 2025 [--previous OLD.csv]``.
With ``--previous``, most people are carried over (so movement has something to show).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from generator import load_kamus  # noqa: E402

FIRST = ["Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hendra", "Indah", "Joko", "Kartika", "Lestari",
         "Made", "Nur", "Oki", "Putri", "Rahmat", "Sari", "Taufik", "Umi", "Vina", "Wahyu", "Yusuf", "Zahra"]
LAST = ["Pratama", "Wibowo", "Santoso", "Lestari", "Hidayat", "Saputra", "Kusuma", "Nugroho", "Rahayu", "Siregar",
        "Harahap", "Wijaya", "Setiawan", "Purnama", "Utami", "Gunawan", "Permana", "Sembiring", "Putra", "Anggraini"]
PREDIKAT = ["Sangat Baik", "Baik", "Baik", "Baik", "Butuh Perbaikan", "Kurang"]


def nip(rng: random.Random, serial: int) -> str:
    year = rng.randint(1965, 1998)
    birth = f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    cpns = f"{rng.randint(year + 21, min(year + 35, 2024))}{rng.randint(1, 12):02d}"
    return f"{birth}{cpns}{rng.randint(1, 2)}{serial % 999 + 1:03d}"  # a sequence is never 000


def comma(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def person(rng, kamus, positions, codes, serial):
    p = rng.choice(positions)
    return {"nip": nip(rng, serial), "nama": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "kode_jabatan": p.kode}


def scores(rng, row, codes, kamus):
    p = kamus.positions[row["kode_jabatan"]]
    required = {r.kode: r.level for r in p.kompetensi}
    row["predikat_kinerja"] = rng.choice(PREDIKAT)
    row["nilai_potensi"] = comma(rng.uniform(55, 95))
    row["hukuman_disiplin"] = rng.choices(["tidak", "ringan", "sedang", "berat"], [90, 5, 3, 2])[0]
    row["tanggal_hukuman"] = f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(2021, 2025)}" \
        if row["hukuman_disiplin"] != "tidak" else ""
    row["tanggal_asesmen"] = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2020, 2025)}"
    for code in codes:
        base = required.get(code, 2)
        row[code] = comma(max(1.0, min(5.0, base + rng.choice([-1, -0.5, 0, 0, 0.5, 1])))) \
            if rng.random() > 0.03 else ""


def write(path: Path, rows: list[dict], codes: list[str]) -> None:
    header = ["nip", "nama", "kode_jabatan", "predikat_kinerja", "nilai_potensi", "hukuman_disiplin",
              "tanggal_hukuman", "tanggal_asesmen", *codes]
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(h, "") for h in header])


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def generate(root, out, rows: int, seed: int = 7, previous=None, teknis: int = 3) -> Path:
    kamus = load_kamus(root)
    rng = random.Random(seed)
    positions = sorted(kamus.positions.values(), key=lambda p: p.kode)
    mandatory = [c.kode for c in kamus.competencies.values() if c.berlaku and c.jenis in kamus.config.jenis_wajib]
    used = sorted({r.kode for p in positions for r in p.kompetensi} - set(mandatory))
    codes = sorted(mandatory) + used[:teknis]
    people = []
    if previous:
        kept = [r for r in read(Path(previous)) if rng.random() < 0.9]
        people = [{"nip": r["nip"], "nama": r["nama"], "kode_jabatan": r["kode_jabatan"]} for r in kept]
    serial = len(people)
    # every position gets at least one incumbent before the rest are spread at random
    taken = {r["kode_jabatan"] for r in people}
    for p in positions:
        if len(people) >= rows:
            break
        if p.kode not in taken:
            serial += 1
            people.append({"nip": nip(rng, serial), "nama": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                           "kode_jabatan": p.kode})
    while len(people) < rows:
        serial += 1
        people.append(person(rng, kamus, positions, codes, serial))
    seen = set()
    unique = []
    for row in people[:rows]:
        if row["nip"] in seen:
            continue
        seen.add(row["nip"])
        scores(rng, row, codes, kamus)
        unique.append(row)
    write(Path(out), unique, codes)
    return Path(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--previous")
    args = parser.parse_args(argv)
    generate(args.root, args.out, args.rows, args.seed, args.previous)
    return 0


if __name__ == "__main__":
    sys.exit(main())
