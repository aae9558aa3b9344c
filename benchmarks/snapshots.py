"""Deterministic synthetic talent snapshots (fictional people), written as Excel writes CSV.

Used for the demo's `snapshots/` and for the talent benchmark:
``python benchmarks/snapshots.py ROOT OUT.csv --rows 100000 --seed 2025 [--previous OLD.csv] [--optional]``.
With ``--previous``, most people are carried over (so movement has something to show). With
``--optional``, the optional columns pangkat_golongan, pendidikan and tmt_jabatan are added
(from their own random stream, so the other columns stay the same).

The demo's snapshots: ``--rows 120 --seed 2024`` (snapshots/2024.csv), then ``--rows 130
--seed 2025 --previous snapshots/2024.csv --optional --teknis
T.KES.01,T.KES.02,T.KES.03,T.KEU.01,T.KEU.03,T.KOM.01,T.KOM.02,T.KOM.05`` (snapshots/2025.csv).
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
    return {"nip": nip(rng, serial), "nama": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "jabatan": p.kode}


def scores(rng, row, codes, kamus):
    p = kamus.positions[row["jabatan"]]
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


# Usual pangkat (golongan ruang) and education per jenjang: (lowest, highest pangkat), educations.
_PANGKAT = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"]
_USUAL = {"jpt_utama": ("IV/d", "IV/e", ["S2", "S3"]), "jpt_madya": ("IV/d", "IV/e", ["S2", "S3"]),
          "jpt_pratama": ("IV/b", "IV/d", ["S2", "S2", "S1"]), "administrator": ("III/d", "IV/b", ["S1", "S2", "S1", "D-III"]),
          "pengawas": ("III/b", "III/d", ["S1", "D-III", "S1"]), "pelaksana": ("II/a", "III/c", ["SMA", "D-III", "S1"]),
          "fungsional_ahli_utama": ("IV/d", "IV/e", ["S2", "S3"]), "fungsional_ahli_madya": ("IV/a", "IV/c", ["S1", "S2"]),
          "fungsional_ahli_muda": ("III/c", "III/d", ["S1", "S2"]), "fungsional_ahli_pertama": ("III/a", "III/b", ["S1"]),
          "fungsional_penyelia": ("III/c", "III/d", ["D-III", "S1"]), "fungsional_mahir": ("III/a", "III/b", ["D-III"]),
          "fungsional_terampil": ("II/b", "II/d", ["D-III", "SMA"]), "fungsional_pemula": ("II/a", "II/a", ["SMA"])}


def optional(rng, row, kamus, end_year: int) -> None:
    """pangkat_golongan, pendidikan and tmt_jabatan as a personnel export has them (a few empty)."""
    low, high, schooling = _USUAL[kamus.positions[row["jabatan"]].jenjang]
    first = max(0, _PANGKAT.index(low) - (rng.random() < 0.15))  # some are a step below the usual pangkat
    row["pangkat_golongan"] = _PANGKAT[rng.randint(first, _PANGKAT.index(high))] if rng.random() > 0.02 else ""
    row["pendidikan"] = rng.choice(schooling) if rng.random() > 0.02 else ""
    year = rng.randint(end_year - 8, end_year)
    row["tmt_jabatan"] = f"{rng.randint(1, 28):02d}-{rng.randint(1, 12 if year < end_year else 9):02d}-{year}"


def write(path: Path, rows: list[dict], codes: list[str], extra: bool = False) -> None:
    header = ["nip", "nama", "jabatan", "predikat_kinerja", "nilai_potensi", "hukuman_disiplin",
              "tanggal_hukuman", "tanggal_asesmen", *(["pangkat_golongan", "pendidikan", "tmt_jabatan"] if extra else []),
              *codes]
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(h, "") for h in header])


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def generate(root, out, rows: int, seed: int = 7, previous=None, teknis=3, extra: bool = False,
             end_year: int = 2025) -> Path:
    """``teknis``: how many teknis columns (the first ones by kode), or the list of their kodes."""
    kamus = load_kamus(root)
    rng = random.Random(seed)
    positions = sorted(kamus.positions.values(), key=lambda p: p.kode)
    mandatory = [c.kode for c in kamus.competencies.values() if c.berlaku and c.jenis in kamus.config.jenis_wajib]
    used = sorted({r.kode for p in positions for r in p.kompetensi} - set(mandatory))
    codes = sorted(mandatory) + (used[:teknis] if isinstance(teknis, int) else list(teknis))
    people = []
    if previous:
        kept = [r for r in read(Path(previous)) if rng.random() < 0.9]
        people = [{"nip": r["nip"], "nama": r["nama"], "jabatan": r["jabatan"]} for r in kept]
    serial = len(people)
    # every position gets at least one incumbent before the rest are spread at random
    taken = {r["jabatan"] for r in people}
    for p in positions:
        if len(people) >= rows:
            break
        if p.kode not in taken:
            serial += 1
            people.append({"nip": nip(rng, serial), "nama": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                           "jabatan": p.kode})
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
    if extra:
        extra_rng = random.Random(seed + 1)
        for row in unique:
            optional(extra_rng, row, kamus, end_year)
    write(Path(out), unique, codes, extra)
    return Path(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--previous")
    parser.add_argument("--optional", action="store_true", help="add pangkat_golongan, pendidikan, tmt_jabatan")
    parser.add_argument("--teknis", help="comma-separated teknis kodes to assess (default: the first three)")
    args = parser.parse_args(argv)
    generate(args.root, args.out, args.rows, args.seed, args.previous,
             teknis=args.teknis.split(",") if args.teknis else 3, extra=args.optional)
    return 0


if __name__ == "__main__":
    sys.exit(main())
