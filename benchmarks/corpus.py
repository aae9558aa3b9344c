"""A deterministic large synthetic kamus for benchmarks (and later scale tests).

``python benchmarks/corpus.py DIR [--positions 2000] [--units 60] [--competencies 500]``
writes a valid kamus: the 9 national competencies (their official text), teknis competencies in 25 bidang,
units with a head, administrators, pengawas, fungsional and pelaksana, reporting lines,
persyaratan, and files of the size and shape of real ones. Same arguments, same bytes.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from generator.jenjang import DEFAULT_STANDARD, golongan_range  # noqa: E402
from generator.resources import resource  # noqa: E402

NATIONAL = [("M.1", "Integritas"), ("M.2", "Kerja Sama"), ("M.3", "Komunikasi"),
            ("M.4", "Orientasi pada Hasil"), ("M.5", "Pelayanan Publik"),
            ("M.6", "Pengembangan Diri dan Orang Lain"), ("M.7", "Mengelola Perubahan"),
            ("M.8", "Pengambilan Keputusan")]
BIDANG = ["Keuangan", "Kepegawaian", "Perencanaan", "Kesehatan", "Pendidikan", "Pekerjaan Umum",
          "Perhubungan", "Lingkungan Hidup", "Pertanian", "Perikanan", "Pariwisata", "Sosial",
          "Kependudukan", "Penanaman Modal", "Perdagangan", "Koperasi dan UKM", "Ketenagakerjaan",
          "Pertanahan", "Perumahan", "Kebudayaan", "Kepemudaan", "Komunikasi dan Informatika",
          "Statistik", "Persandian", "Kearsipan"]
VERBS = ["menyusun", "menelaah", "menganalisis", "mengoordinasikan", "memantau", "mengevaluasi",
         "merumuskan", "melaksanakan", "memverifikasi", "menyajikan", "mengendalikan", "membina"]
OBJECTS = ["rencana kerja", "dokumen anggaran", "laporan kinerja", "standar pelayanan", "data sektoral",
           "kebijakan teknis", "rekomendasi perbaikan", "prosedur operasional", "hasil pemeriksaan",
           "program prioritas", "kajian kebutuhan", "bahan pimpinan"]
TIERS = ["jpt_pratama", "administrator", "pengawas", "fungsional_ahli_madya", "fungsional_ahli_muda",
         "fungsional_ahli_pertama", "fungsional_penyelia", "fungsional_mahir", "fungsional_terampil",
         "pelaksana"]


class _NoAlias(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def _dump(data) -> str:
    return yaml.dump(data, Dumper=_NoAlias, sort_keys=False, allow_unicode=True, width=100)


def _sentence(rng: random.Random, words: int = 3) -> str:
    parts = [f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}" for _ in range(words)]
    text = ", ".join(parts[:-1]) + f" serta {parts[-1]}" if words > 1 else parts[0]
    return text[0].upper() + text[1:] + " sesuai ketentuan yang berlaku."


def _levels(rng: random.Random, count: int) -> list:
    return [{"level": n, "deskripsi": _sentence(rng, 2),
             "indikator": [_sentence(rng, 2) for _ in range(rng.choice((3, 4)))]}
            for n in range(1, count + 1)]


def _national() -> dict:
    """The national competencies word for word, from the reference text Kamus ships."""
    text = yaml.safe_load(resource("reference/permenpanrb-38-2017.yaml").read_text("utf-8"))
    return {c["kode"]: _dump({"kode": c["kode"], "nama": c["nama"], "jenis": c["jenis"], "definisi": c["definisi"],
                              "dasar_hukum": text["sumber"]["peraturan"], "level": c["level"]})
            for c in text["kompetensi"]}


def _pangkat(tier: str) -> str:
    """A pangkat requirement within the range of the tier (jabatan fungsional have a fixed range)."""
    allowed = golongan_range(tier)
    return f"Golongan ruang {allowed[0]}" if allowed else "Penata (III/c)"


def _competency(kode, nama, jenis, rng, levels, bidang=None) -> str:
    data = {"kode": kode, "nama": nama, "jenis": jenis}
    if bidang:
        data["bidang"] = bidang
    data.update({"definisi": _sentence(rng, 4), "dasar_hukum": "Peraturan Bupati Sintetis Nomor 1 Tahun 2026",
                 "level": _levels(rng, levels)})
    return _dump(data)


def generate(target, positions: int = 2000, units: int = 60, competencies: int = 500, seed: int = 2026,
             strategic: int = 0, catalog: bool = False) -> Path:
    """Write the corpus into ``target`` (replaced if it exists) and return it.

    Unit heads are strategic posts; ``strategic`` > 0 marks further administrator posts
    until that many are strategic (the talent benchmark uses 200). ``catalog`` adds a
    development catalog (development/, from its own random stream: the rest is unchanged).
    """
    rng = random.Random(seed)
    target = Path(target)
    shutil.rmtree(target, ignore_errors=True)
    national = _national()
    for kode, _ in NATIONAL:
        _write(target / "competencies/manajerial" / f"{kode}.yaml", national[kode])
    _write(target / "competencies/sosial_kultural/SK.1.yaml", national["SK.1"])
    teknis = []  # (kode, levels)
    for i in range(competencies - len(NATIONAL) - 1):
        bidang = BIDANG[i % len(BIDANG)]
        kode = f"T.{i % len(BIDANG):02d}.{i // len(BIDANG) + 1:03d}"
        levels = rng.choice((3, 4, 5, 5, 5))
        nama = f"{rng.choice(VERBS).capitalize()} {rng.choice(OBJECTS)} {bidang.lower()} {i + 1}"
        _write(target / "competencies/teknis" / f"{kode}.yaml", _competency(kode, nama, "teknis", rng, levels, bidang))
        teknis.append((kode, levels))
    per_unit = [positions // units + (1 if u < positions % units else 0) for u in range(units)]
    extra_strategic = max(0, strategic - units)
    for u, count in enumerate(per_unit):
        unit = f"OPD{u + 1:02d}"
        _write(target / "positions" / unit / "_unit.yaml",
               _dump({"kode": unit, "nama": f"Dinas Sintetis {u + 1}", "singkatan": f"DS{u + 1}"}))
        head = None
        for p in range(count):
            tier = TIERS[0] if p == 0 else TIERS[1 + (p - 1) % (len(TIERS) - 1)]
            kode = f"{unit}.J{p + 1:03d}"
            standard = DEFAULT_STANDARD[tier]
            chosen = rng.sample(teknis, rng.randint(3, 6))
            data = {"kode": kode, "nama": f"Jabatan {p + 1} {unit}", "jenjang": tier,
                    "urusan": BIDANG[u % len(BIDANG)], "ikhtisar": _sentence(rng, 5)}
            if head:
                data["atasan"] = head
            if p == 0 or (tier == "administrator" and extra_strategic > 0):
                extra_strategic -= p != 0
                data["strategis"] = True
            data["kompetensi"] = ([{"kode": k, "level": standard} for k, _ in NATIONAL]
                                  + [{"kode": "SK.1", "level": standard}]
                                  + [{"kode": k, "level": rng.randint(1, levels)} for k, levels in chosen])
            data["persyaratan"] = {
                "pendidikan": [{"jenjang": "S1", "bidang_ilmu": ["Administrasi Publik", "Ekonomi"]}],
                "pelatihan": [{"jenis": "teknis", "nama": f"Pelatihan {rng.choice(OBJECTS)}", "tingkat": "penting"}],
                "pengalaman": [{"uraian": _sentence(rng, 1), "tingkat": "penting"}],
                "pangkat": [{"uraian": _pangkat(tier)}],
                "indikator_kinerja": [_sentence(rng, 1), _sentence(rng, 1)]}
            _write(target / "positions" / unit / f"{kode}.yaml", _dump(data))
            head = head or kode
    used = set(_used(target))
    unused = "".join(f"- kode: {kode}\n  level: 1\n" for kode, _ in teknis if kode not in used)
    if unused:  # keep the corpus free of notices: every competency is used at least once
        path = target / "positions" / "OPD01" / "OPD01.J001.yaml"
        path.write_text(path.read_text("utf-8").replace("persyaratan:", unused + "persyaratan:", 1), "utf-8")
    if catalog:
        _catalog(target, [(k, 5) for k, _ in NATIONAL] + [("SK.1", 5)] + teknis, random.Random(seed + 1))
    return target


FORMS = [("klasikal", "pelatihan_teknis"), ("klasikal", "bimbingan_teknis"), ("klasikal", "workshop"),
         ("klasikal", "kursus"), ("nonklasikal", "coaching"), ("nonklasikal", "e_learning"),
         ("nonklasikal", "mentoring")]


def _catalog(target: Path, competencies: list, rng: random.Random) -> None:
    """About two activities per competency, at different levels (a tenth of the teknis
    competencies get none, so that plans also meet "belum ada di katalog"), and some that
    develop several competencies at once."""
    number = 0

    def activity(kompetensi: list) -> None:
        nonlocal number
        number += 1
        jalur, bentuk = rng.choice(FORMS)
        _write(target / "development" / f"PK.{number:05d}.yaml", _dump({
            "kode": f"PK.{number:05d}", "nama": f"Kegiatan {rng.choice(OBJECTS)} {number}", "jalur": jalur,
            "bentuk": bentuk, "jp": rng.choice((8, 12, 16, 20, 24, 32, 40)),
            "kompetensi": [{"kode": k, "level": lv} for k, lv in kompetensi]}))

    for kode, levels in competencies:
        if kode.startswith("T.") and rng.random() < 0.1:
            continue
        for level in sorted(rng.sample(range(2, levels + 1), min(2, levels - 1))):
            activity([(kode, level)])
    for _ in range(len(competencies) // 10):
        chosen = rng.sample(competencies, 3)
        activity([(kode, rng.randint(2, levels)) for kode, levels in chosen])


def _used(target: Path):
    for path in target.glob("positions/*/*.yaml"):
        for line in path.read_text("utf-8").splitlines():
            if line.startswith("- kode: "):
                yield line[len("- kode: "):]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Write the large synthetic kamus.")
    parser.add_argument("target")
    parser.add_argument("--positions", type=int, default=2000)
    parser.add_argument("--units", type=int, default=60)
    parser.add_argument("--competencies", type=int, default=500)
    args = parser.parse_args(argv)
    generate(args.target, args.positions, args.units, args.competencies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
