"""Manajemen talenta: boxes at every band boundary, JPM, pool, succession, movement, JSON,
the restricted report, and privacy of the published site."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
import zipfile

import pytest

from conftest import case_root_fixture, REPO, TESTS, build_case_root
from goldens import TALENTA_GOLDEN, talenta_json
from generator.project import Project
from generator.api import build as build_site
from generator.cli import main
from generator.talent.analysis import analyse
from generator.talent.compute import evaluate
from generator.model.policy import TalentPolicy
from generator.talent.snapshot import Person, Snapshot, parse_date, parse_number

TALENTA = TESTS / "fixtures" / "talenta"


root = case_root_fixture(TALENTA)


@pytest.fixture(scope="module")
def project(root):
    return Project.open(root)


@pytest.fixture(scope="module")
def kamus(project):
    return project.require_valid()


def person(kode="A.STAF", predikat="", nilai_kinerja=None, potensi=75.0, hukuman="tidak", tanggal=None,
           levels=(1, 1, None, 1), nip="199001012015011001", asesmen=None):
    return Person(2, nip, "Uji", kode, predikat, nilai_kinerja, potensi, hukuman, tanggal, asesmen, levels)


def run(kamus, *people, policy=None, end=dt.date(2025, 12, 31)):
    snapshot = Snapshot("2025", "snapshots/2025.csv", end, ("M.1", "SK.1", "T.A", "T.B"), list(people))
    return evaluate(snapshot, kamus, policy or TalentPolicy())


@pytest.mark.parametrize("potensi, expected", [(67.99, "rendah"), (68, "menengah"), (79.99, "menengah"),
                                               (80, "tinggi"), (0, "rendah"), (100, "tinggi")])
def test_potensial_bands_are_half_open(kamus, potensi, expected):
    assert run(kamus, person(predikat="Baik", potensi=potensi))[0].potensial == expected


@pytest.mark.parametrize("nilai, expected", [(69.99, "di_bawah"), (70, "sesuai"), (84.99, "sesuai"), (85, "di_atas")])
def test_kinerja_from_score_bands(kamus, nilai, expected):
    assert run(kamus, person(nilai_kinerja=nilai))[0].kinerja == expected


@pytest.mark.parametrize("predikat, potensi, box", [
    ("Sangat Baik", 80, 9), ("Baik", 80, 8), ("Sangat Baik", 68, 7), ("Butuh Perbaikan", 80, 6), ("Baik", 68, 5),
    ("Sangat Baik", 67.99, 4), ("Kurang", 79.99, 3), ("Baik", 50, 2), ("Sangat Kurang", 0, 1),
    ("Kurang/Misconduct", 90, 6),
])
def test_every_box(kamus, predikat, potensi, box):
    assert run(kamus, person(predikat=predikat, potensi=potensi))[0].kotak == box


def test_jpm_complete_incomplete_and_capped(kamus):
    # A.STAF requires M.1 1 and SK.1 1 (wajib kinds: always counted) and T.B 1 (teknis: counted where assessed).
    full = run(kamus, person(predikat="Baik", levels=(1.5, 1, None, 0.5)))[0]
    # by default each level counts at most at the standard: (1 + 1 + 0.5) / 3
    assert full.jpm == 83.33 and full.kategori_pemetaan == "Cukup Optimal" and full.kategori_seleksi == "MS"
    assert full.gap == {"M.1": 0.5, "SK.1": 0, "T.B": -0.5}
    assert full.jpm_cakupan == ("M.1", "SK.1", "T.B") and full.jpm_keterangan == "T.B dihitung"
    no_teknis = run(kamus, person(predikat="Baik", levels=(1, 1, None, None)))[0]
    assert no_teknis.jpm == 100.0 and no_teknis.jpm_cakupan == ("M.1", "SK.1")
    assert no_teknis.kompetensi_belum_diases == ("T.B",) and no_teknis.jpm_keterangan == "T.B belum diases, tidak dihitung"
    incomplete = run(kamus, person(predikat="Baik", levels=(1.5, None, None, 1)))[0]
    assert incomplete.jpm is None and incomplete.kompetensi_belum_diases == ("SK.1",) and incomplete.kategori_pemetaan == "tidak lengkap"
    assert incomplete.jpm_keterangan == "JPM tidak lengkap: 1 dari 3 belum diases (SK.1)"
    old = {"sertakan_teknis": False, "batasi_100": False}  # the scope and method before version 4, still settings
    uncapped = run(kamus, person(predikat="Baik", levels=(1.5, 1, None, 0.5)), policy=TalentPolicy.from_data({"jpm": old}))[0]
    assert uncapped.jpm == 125.0 and uncapped.jpm_keterangan == ""
    capped = run(kamus, person(predikat="Baik", levels=(1.5, 1, None, 0.5)),
                 policy=TalentPolicy.from_data({"jpm": {**old, "batasi_100": True}}))[0]
    assert capped.jpm == 100.0
    teknis = run(kamus, person(predikat="Baik", levels=(1, 1, None, 0.5)), policy=TalentPolicy.from_data({"jpm": {"sertakan_teknis": True}}))[0]
    assert teknis.jpm == round(2.5 / 3 * 100, 2) and (teknis.kategori_pemetaan, teknis.kategori_seleksi) == ("Cukup Optimal", "MS")
    every = run(kamus, person(predikat="Baik", levels=(1, 1, None, None)), policy=TalentPolicy.from_data({"jpm": {"sertakan_teknis": True}}))[0]
    assert every.jpm is None and every.jpm_keterangan == "JPM tidak lengkap: 1 dari 3 belum diases (T.B)"


@pytest.mark.parametrize("jpm_levels, pemetaan, seleksi", [
    ((0.9, 0.9), "Optimal", "MS"), ((0.78, 0.78), "Cukup Optimal", "MMS"), ((0.8, 0.8), "Cukup Optimal", "MS"),
    ((0.68, 0.68), "Kurang Optimal", "MMS"), ((0.67, 0.67), "Kurang Optimal", "KMS"),
])
def test_jpm_band_boundaries(kamus, jpm_levels, pemetaan, seleksi):
    result = run(kamus, person(predikat="Baik", levels=(*jpm_levels, None, None)))[0]  # T.B not assessed: not counted
    assert (result.kategori_pemetaan, result.kategori_seleksi) == (pemetaan, seleksi)


@pytest.mark.parametrize("hukuman, tanggal, in_pool", [
    ("tidak", None, True), ("ringan", dt.date(2025, 6, 1), True), ("sedang", dt.date(2025, 6, 1), False),
    ("berat", dt.date(2024, 1, 1), False), ("sedang", dt.date(2023, 6, 1), True), ("sedang", None, False),
    ("sedang", dt.date(2023, 12, 31), True),  # two years old at the end of the period: no longer "in the last 2 years"
])
def test_pool_exclusion_by_discipline(kamus, hukuman, tanggal, in_pool):
    result = run(kamus, person(predikat="Sangat Baik", potensi=90, hukuman=hukuman, tanggal=tanggal))[0]
    assert result.kotak == 9 and result.kelompok_talenta is in_pool
    assert bool(result.alasan_tidak_masuk) is not in_pool


def test_outdated_assessment_is_flagged(kamus):
    old, recent = run(kamus, person(predikat="Baik", asesmen=dt.date(2022, 12, 1)),
                      person(predikat="Baik", asesmen=dt.date(2023, 6, 1), nip="199202022016022002"))
    assert old.asesmen_kedaluwarsa and not recent.asesmen_kedaluwarsa
    # valid for 3 calendar years: exactly 3 years old at the end of the period is still valid, a day more is not
    exact, older = run(kamus, person(predikat="Baik", asesmen=dt.date(2022, 12, 31)),
                       person(predikat="Baik", asesmen=dt.date(2022, 12, 30), nip="199202022016022002"))
    assert not exact.asesmen_kedaluwarsa and older.asesmen_kedaluwarsa


def nip(i: int) -> str:
    return f"19900101201501100{i}"


def test_succession_ranks_by_jpm_against_the_target(kamus):
    people = [person(predikat="Sangat Baik", potensi=90, levels=(2, 2, None, 1), nip=nip(1)),
              person(predikat="Sangat Baik", potensi=90, levels=(3, 2, None, 1), nip=nip(2)),
              person(kode="B.KEPALA", predikat="Baik", potensi=90, levels=(2.5, 3, 2, 2), nip=nip(3)),
              person(kode="A.KEPALA", predikat="Sangat Baik", potensi=90, levels=(3, 3, 3, 3), nip=nip(4)),
              person(predikat="Baik", potensi=50, levels=(5, 5, None, 5), nip=nip(5)),  # not in the pool
              person(predikat="Sangat Baik", potensi=90, levels=(3, None, None, 1), nip=nip(6))]  # incomplete
    snapshot = Snapshot("2025", "s", dt.date(2025, 12, 31), ("M.1", "SK.1", "T.A", "T.B"), people)
    from generator.talent.succession import slates

    results = evaluate(snapshot, kamus, TalentPolicy())
    ladder = slates(results, snapshot, kamus, TalentPolicy())[0]
    assert ladder.jabatan.kode == "A.KEPALA"  # the only strategic post
    assert [c.result.person.nip for c in ladder.kandidat] == [nip(3)]  # the pelaksana do not feed administrator
    assert [e.result.person.nip for e in ladder.dikecualikan_teratas] == [nip(2), nip(1)]
    assert ladder.dikecualikan == 3 and ladder.dikecualikan_per_aturan["jenjang_pengisi"] == 3
    assert ladder.tidak_lengkap == 0  # the incomplete one is a pelaksana too: excluded first
    open_ladder = TalentPolicy.from_data({"suksesi": {"jenjang_pengisi": {"administrator": None}}})
    slate = slates(results, snapshot, kamus, open_ladder)[0]
    assert [a.keterangan for a in slate.aturan if a.aturan == "jenjang_pengisi"] == ["tidak diatur"]
    # Against M.1 3, SK.1 3, T.A 3, each level capped at the standard, T.A counted where assessed:
    # nip 3 (2.5 + 3 + 2) / 9 and nip 2 (3 + 2) / 6 tie at 83.33 (the higher kotak, 9, first); nip 1 4 / 6.
    assert [c.result.person.nip for c in slate.kandidat] == [nip(2), nip(3), nip(1)]
    assert [c.jpm for c in slate.kandidat] == [83.33, 83.33, 66.67]
    assert [c.kategori_seleksi for c in slate.kandidat] == ["MS", "MS", "KMS"]
    assert slate.kandidat[2].kompetensi_kurang == {"M.1": (2, 3), "SK.1": (2, 3)}
    assert [c.kompetensi_belum_diases for c in slate.kandidat] == [("T.A",), (), ("T.A",)]
    assert slate.tidak_lengkap == 1 and slate.pemangku == 1
    assert slate.jumlah_kandidat == 3 and slate.kategori_seleksi == {"MS": 2, "MMS": 0, "KMS": 1}
    below = slates(results, snapshot, kamus, TalentPolicy.from_data({"suksesi": {"hanya_jenjang_di_bawah": True,
                                                                                 "jenjang_pengisi": {"administrator": None}}}))[0]
    assert [c.result.person.nip for c in below.kandidat] == [nip(3)]  # pengawas is just below administrator


def test_golden_json_of_two_periods(root):
    assert json.loads(talenta_json(root)) == json.loads(TALENTA_GOLDEN.read_text("utf-8"))


def test_movement_between_periods(project, kamus):
    analysis = analyse(project.snapshots, kamus)
    moved = analysis.periods["2025"].movement
    assert (moved.dari, moved.ke) == ("2024", "2025")
    assert [r.person.nama for r in moved.masuk] == ["Eka Prátiwi"]  # read from a Windows-1252 file
    assert [r.person.nama for r in moved.keluar] == ["Citra Dewi"]
    names = (lambda pairs: sorted(n.person.nama for _, n in pairs))
    assert names(moved.kinerja_naik) == ["Budi Santoso"] and names(moved.kinerja_turun) == ["Ani Lestari", "Dodi Firmansyah"]
    assert names(moved.potensial_naik) == ["Budi Santoso"] and names(moved.potensial_turun) == ["Ani Lestari"]
    assert names(moved.masuk_kelompok_talenta) == ["Budi Santoso"]
    assert names(moved.keluar_kelompok_talenta) == ["Ani Lestari"]
    assert moved.transisi[8][4] == 1 and sum(map(sum, moved.transisi)) == 3 and moved.tetap == 0


def test_old_header_kode_jabatan_is_read_as_jabatan_with_a_notice(tmp_path, capsys):
    """For one version a snapshot may still head the column with its old name `kode_jabatan`:
    the results are the same as with `jabatan`, and a notice (which --strict lets pass) says to rename it."""
    root = build_case_root(TALENTA, tmp_path / "kamus")
    new = main(["talenta", "--root", str(root), "--format", "json"]), capsys.readouterr().out
    for path in (root / "snapshots").iterdir():
        raw = path.read_bytes()
        encoding = "utf-8" if raw[:3] == b"\xef\xbb\xbf" else "cp1252"
        header, rest = raw.decode(encoding).split("\n", 1)
        assert re.search("(?i)jabatan", header)
        path.write_bytes((re.sub("(?i)(^|[;,\t])jabatan", lambda m: m[1] + "kode_jabatan", header) + "\n"
                          + rest).encode(encoding))
    assert main(["talenta", "--root", str(root), "--format", "json"]) == new[0] == 0
    assert capsys.readouterr().out == new[1]
    assert main(["validate", "--root", str(root), "--strict"]) == 0
    notices = [line for line in capsys.readouterr().out.splitlines() if "SNAPSHOT-HEADER-RENAMED" in line]
    assert len(notices) == 2 and all("[catatan]" in line and ":1:3:" in line for line in notices)
    assert "sekarang bernama `jabatan`" in notices[0] and "Ganti judul kolom" in notices[0]


def test_excel_number_and_date_formats():
    assert parse_number("3,5") == 3.5 and parse_number("82,50") == 82.5 and parse_number(" 85 ") == 85
    assert parse_number("85") == 85 and parse_number("3.5") == 3.5 and parse_number("abc") is None
    # float() accepts all of these; a score or a level is ASCII digits with one decimal mark, nothing else
    for text in ("1e2", "8_5", "٨٥", "８５", "1.234,5", "3,5,1", "inf", "nan", "", "3.", ".5", "1 000"):
        assert parse_number(text) is None, text
    assert parse_date("15-06-2024") == parse_date("15/06/2024") == parse_date("2024-06-15") == dt.date(2024, 6, 15)
    assert parse_date("31-02-2024") is None


def formula(value) -> bool:
    """A cell a spreadsheet would evaluate: text starting with = + - @ that is not a plain number."""
    if not isinstance(value, str) or value[:1] not in "=+-@":
        return False
    try:
        float(value.replace(",", "."))  # Indonesian-locale CSV writes decimal commas: -0,5
    except ValueError:
        return True
    return False


def test_restricted_report_is_marked_and_formula_safe(root, tmp_path, capsys):
    import csv as csvmod

    import openpyxl

    out = tmp_path / "rahasia"
    assert main(["talenta", "--root", str(root), "--output", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["RAHASIA-2024-2025-pergerakan.csv", "RAHASIA-2024-2025-pergerakan.xlsx",
                     "RAHASIA-2025-akpk-rekap-kegiatan.csv", "RAHASIA-2025-akpk-rekap-unit.csv",
                     "RAHASIA-2025-akpk.csv", "RAHASIA-2025-akpk.xlsx",
                     "RAHASIA-2025-hasil.csv", "RAHASIA-2025-hasil.xlsx", "RAHASIA-2025-kotak9.csv",
                     "RAHASIA-2025-kotak9.xlsx", "RAHASIA-2025-rencana-pengembangan.csv",
                     "RAHASIA-2025-suksesi-dikecualikan.csv", "RAHASIA-2025-suksesi-persyaratan.csv",
                     "RAHASIA-2025-suksesi.csv", "RAHASIA-2025-suksesi.xlsx"]
    sheets = {}
    for name in names:
        if name.endswith(".xlsx"):
            book = openpyxl.load_workbook(out / name)
            sheets[name] = book.sheetnames
            tables = [[[c.value for c in row] for row in sheet.iter_rows()] for sheet in book.worksheets]
        else:
            tables = [list(csvmod.reader((out / name).read_text("utf-8-sig").splitlines(), delimiter=";"))]
        for rows in tables:
            assert rows[0][0].startswith("RAHASIA")  # every sheet of every file
            assert all(not formula(v) for row in rows for v in row if v)
        if "kotak9" in name:
            rows = tables[0]
            assert rows[1] == ["Kinerja ↓ / potensial →", "rendah", "menengah", "tinggi"]  # KemenPANRB's figure
            assert rows[2] == ["di atas ekspektasi", "Kotak 4: 0 orang", "Kotak 7: 0 orang", "Kotak 9: 2 orang"]
            assert any("snapshots/2025.csv" in str(row[0]) for row in rows if row)
    assert sheets["RAHASIA-2025-hasil.xlsx"] == ["Hasil", "Rencana Pengembangan"]
    assert sheets["RAHASIA-2025-suksesi.xlsx"] == ["Suksesi", "Dikecualikan", "Persyaratan"]
    assert sheets["RAHASIA-2025-akpk.xlsx"] == ["AKPK", "Rekap Unit", "Rekap Kegiatan"]
    site = build_site(root, tmp_path / "site").output
    from generator.errors import UsageError
    from generator.talent.outputs import write_restricted

    with pytest.raises(UsageError, match="folder situs"):
        write_restricted(None, None, None, site / "unduh")


def test_published_site_shows_no_name_and_no_nip(tmp_path):
    snapshots = Project.open(REPO).snapshots
    assert len(snapshots) == 2
    secrets = set()
    for snapshot in snapshots:
        for p in snapshot.people:
            secrets |= {p.nip, p.nama}
    decided, = Project.open(REPO).decisions.values()  # keputusan/2025.yaml: NIPs, the officials' names, the alasan
    secrets |= {person.nip for person in decided.pegawai} | {person.alasan for person in decided.pegawai if person.alasan}
    secrets |= {o.nama for o in (decided.rapat.pimpinan, *decided.rapat.peserta)}
    site = build_site(REPO, tmp_path / "site").output
    pattern = re.compile("|".join(re.escape(s) for s in sorted(secrets, key=len, reverse=True)))
    checked = 0
    for path in site.rglob("*"):
        if path.is_file():
            texts = [path.read_bytes().decode("utf-8", errors="ignore")]
            if path.suffix == ".xlsx":  # compressed: read every part of the workbook
                with zipfile.ZipFile(path) as book:
                    texts = [book.read(name).decode("utf-8", errors="ignore") for name in book.namelist()]
            for text in texts:
                found = pattern.search(text)
                assert found is None, f"{path} contains {found.group(0)!r}"
            checked += 1
    assert checked > 100
    page = (site / "talenta/2025/index.html").read_text("utf-8")
    assert "Kotak 9" in page and "Kelompok talenta" in page and "Kebijakan yang dipakai" in page
    assert "Dikecualikan persyaratan" in page and "Batas usia pensiun" in page
    assert "Keputusan komite talenta" in page and "ditetapkan di kotak yang berbeda dari hasil hitungan" in page
    akpk = (site / "talenta/pengembangan-2025/index.html").read_text("utf-8")
    assert "Kebutuhan pengembangan kompetensi 2025" in akpk and "Kegiatan yang perlu direncanakan" in akpk
    downloads = sorted(p.name for p in (site / "talenta/unduh").iterdir())
    assert "akpk-2025.xlsx" in downloads and "akpk-2025-kompetensi.csv" in downloads
    assert (site / "pengembangan/index.html").is_file()


def test_small_groups_are_not_broken_down(project, kamus):
    from generator.talent.aggregate import summarise

    analysis = analyse(project.snapshots, kamus)
    summary = summarise(analysis.periods["2025"], kamus, analysis.policy)
    assert summary.overall.counts[9] == 2 and summary.people == 4
    # 94.44, 100, 100 (each level counted at most at the standard); Eka incomplete
    assert summary.jpm_histogram == [("90–<100%", 1), ("100–<110%", 2)]
    assert summary.by_unit and all(g.counts is None for g in summary.by_unit + summary.by_jenjang)
    assert summary.gap and all(v is None for v in summary.gap.values())
    row = summary.suksesi[0]
    assert {k: row[k] for k in ("kode", "kandidat", "MS", "MMS", "KMS", "tidak_lengkap", "dikecualikan")} == {
        "kode": "A.KEPALA", "kandidat": 0, "MS": 0, "MMS": 0, "KMS": 0, "tidak_lengkap": 1, "dikecualikan": 1}
    assert row["per_aturan"] is None  # a pool of 4 is below the minimum group: no breakdown by rule
    assert [a.aturan for a in row["aturan"]][:2] == ["jenjang_pengisi", "batas_usia_pensiun"]
    assert summary.pergerakan["kinerja_naik"] == 1 and summary.pergerakan["keluar"] == 1


def test_excel_separator_hint_line(tmp_path):
    from generator.talent.table import read_csv

    table = read_csv(b"sep=,\r\nnip,nama\r\n199001012015011001,\"Lestari, Ani\"\r\n", "s.csv")
    assert table.header == ["nip", "nama"]
    assert list(table.rows) == [(3, ["199001012015011001", "Lestari, Ani"])]


def test_people_match_the_data_lines_of_every_snapshot(project):
    """Counted without the CSV parser: a swallowed row can never pass unnoticed."""
    for snapshot in project.snapshots + Project.open(REPO).snapshots:
        raw = (Path(project.root if snapshot in project.snapshots else REPO) / snapshot.path).read_bytes()
        text = raw.decode("utf-8-sig") if raw[:3] == b"\xef\xbb\xbf" else raw.decode("cp1252")
        lines = [line for line in text.splitlines()[1:] if line.strip(" ;,\t\"")]
        assert len(snapshot.people) == len(lines), snapshot.path


def test_rows_that_vanish_without_a_visible_cause_are_a_finding():
    from generator.talent.table import RULES, Table

    table = Table("snapshots/2025.csv", ["nip", "nama"], [], text="nip;nama\n1;a\n2;b\n3;c\n", rows_read=2,
                  rules=RULES)
    table.check_count()
    assert [(f.rule, f.message) for f in table.late_findings] == [
        ("SNAPSHOT-STRUCTURE", "berkas berisi 3 baris data, tetapi hanya 2 baris yang terbaca sebagai baris CSV")]


def test_unclosed_quote_in_an_ignored_column_never_loses_people(tmp_path):
    root = build_case_root(TALENTA, tmp_path / "kamus")
    path = root / "snapshots/2025.csv"
    lines = path.read_bytes().decode("cp1252" if b"\xe1" in path.read_bytes() else "utf-8-sig").splitlines()
    header, rows = lines[0], lines[1:]
    sep = "\t" if "\t" in header else ";"
    damaged = [header + f"{sep}keterangan"] + [row + (f'{sep}"pindahan' if i == 0 else sep) for i, row in enumerate(rows)]
    path.write_text("\r\n".join(damaged) + "\r\n", "utf-8")
    assert main(["talenta", "--root", str(root), "--format", "json"]) == 1
    report = Project.open(root).report
    assert [f.line for f in report.findings if f.rule == "SNAPSHOT-STRUCTURE"] == [2]


def test_csv_follows_indonesian_excel_unless_asked_for_standard_csv(root, capsys):
    import csv as csvmod

    assert main(["talenta", "--root", str(root), "--format", "csv"]) == 0
    rows = list(csvmod.reader(capsys.readouterr().out.splitlines(), delimiter=";"))
    jpm = rows[0].index("jpm_persen")
    decimals = [row[jpm] for row in rows[1:] if row[jpm] and not row[jpm].isdigit()]
    assert decimals and all("," in v and "." not in v for v in decimals)  # 91,67, as Excel in Indonesia reads it
    assert main(["talenta", "--root", str(root), "--format", "csv", "--csv-standar"]) == 0
    plain = list(csvmod.reader(capsys.readouterr().out.splitlines(), delimiter=","))
    assert plain[0] == rows[0] and all("." in row[jpm] for row in plain[1:] if row[jpm] in
                                       {v.replace(",", ".") for v in decimals})
