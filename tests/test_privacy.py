"""Personal data never leaves the RAHASIA outputs: `kamus validate` (text, json, github) and
`kamus diff` (text, markdown as the PR summary, json) on periods full of errors — duplicate and
malformed NIPs, bad dates, unknown units and jabatan, NIPs, NIKs and names in the wrong
columns — carry no NIP, NIK or name from the input. Findings point at file, row and column.

The inputs are the SIASN layouts of tests/fixtures/siasn (fictional people), damaged the way
hand-edited exports are."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import build_case_root, git
from generator.cli import main
from generator.findings import without_personal_numbers
from test_exports import PERIOD, SIASN, siasn_rows, write_siasn


def run(*argv) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue() + err.getvalue()


def _people(folder: Path) -> tuple[set[str], set[str]]:
    """(the NIPs and NIKs, the names) of the employee export as given."""
    _, rows = siasn_rows(folder / "data_utama_siasn.csv")
    numbers = {row[h].lstrip("'") for row in rows for h in ("NIP BARU", "NIK") if row[h].lstrip("'")}
    names = {row["NAMA"] for row in rows}
    names |= {f"{row['GELAR DEPAN']} {row['NAMA']}, {row['GELAR BELAKANG']}" for row in rows if row["GELAR DEPAN"]}
    return numbers, names


def damaged(tmp_path) -> tuple[Path, set[str], set[str]]:
    """The SIASN period with every kind of error a hand-edited export has."""
    root = build_case_root(SIASN, tmp_path / "kamus")
    folder = root / PERIOD
    numbers, names = _people(folder)
    header, rows = siasn_rows(folder / "data_utama_siasn.csv")
    agus, siti, bagus, dewi, rudi, nur, hendra, maya = rows
    extra = dict(agus)
    rows.append(extra)  # a duplicate NIP (the same person twice)
    siti["NIP BARU"] = "'19780921200301201"  # 17 digits
    bagus["NIP BARU"] = "1,98506E+17"  # rounded by Excel
    dewi["NIP BARU"] = "'199013122015032021"  # no birth date in it
    rudi["NIP BARU"] = "'１９８３０４３０２００９０２１００３"  # full-width digits
    numbers |= {"19780921200301201", "199013122015032021", "１９８３０４３０２００９０２１００３"}
    nur["UNOR NAMA"] = hendra["NAMA"]  # a name where the unit goes
    nur["TMT JABATAN"] = "31-02-2020"  # no such day
    nur["TANGGAL LAHIR"] = "kemarin"
    hendra["JABATAN NAMA"] = maya["NAMA"]  # a name where the jabatan goes
    hendra["GOL AKHIR NAMA"] = siti["NAMA"]
    hendra["TINGKAT PENDIDIKAN NAMA"] = nur["NIK"].lstrip("'")  # an NIK where the education goes
    maya["JABATAN NAMA"], maya["JABATAN ID"] = "Pranata Fiktif Sekali", ""  # unknown jabatan
    maya["UNOR NAMA"], maya["UNOR ID"] = "Dinas Yang Tidak Ada", ""  # unknown unit
    maya["TMT JABATAN"] = "19720314 199803 1 004"  # a NIP, written with spaces, where a date goes
    agus["JENIS JABATAN NAMA"] = bagus["NAMA"]
    write_siasn(folder / "data_utama_siasn.csv", header, rows)

    with open(folder / "laporan_skp_ekinerja.csv", encoding="utf-8", newline="") as handle:
        skp = list(csv.reader(handle, delimiter=";"))
    column = {h: i for i, h in enumerate(skp[0])}
    skp[1][column["hasil_akhir"]] = agus["NAMA"]  # a name where the predikat goes
    skp[2][column["tahun_skp"]] = agus["NIP BARU"].lstrip("'")  # a NIP where the year goes
    skp[3][column["nip"]] = "19720314199803100"  # a NIP one digit short
    skp.append(list(skp[1]))
    skp[-1][column["nip"]], skp[-1][column["nama"]] = "196612121990031011", "PEGAWAI SAMPEL PINDAHAN"
    skp.append(list(skp[1]))  # this person's name where the predikat goes; not in the employee export
    skp[-1][column["nip"]], skp[-1][column["nama"]] = "196612121990031029", "TOTOK CONTOH PINDAHAN"
    skp[-1][column["hasil_akhir"]] = "TOTOK CONTOH PINDAHAN"
    numbers |= {"19720314199803100", "196612121990031011", "196612121990031029"}
    names |= {"PEGAWAI SAMPEL PINDAHAN", "TOTOK CONTOH PINDAHAN"}
    with open(folder / "laporan_skp_ekinerja.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(skp)

    header, rows = siasn_rows(folder / "asesmen_per_kompetensi.csv")
    rows[0]["nm_skj"], rows[0]["kd_skj"] = dewi["NAMA"], ""  # a name where the competency goes
    rows[1]["nilai_skj"] = rudi["NIK"].lstrip("'")  # an NIK where the level goes
    rows[2]["nip"] = "'1972031419980310044"  # 19 digits
    numbers.add("1972031419980310044")
    write_siasn(folder / "asesmen_per_kompetensi.csv", header, rows)

    header, rows = siasn_rows(folder / "rw_hukdis.csv")
    rows[0]["jenisTingkatHukumanId"] = rudi["NAMA"]  # a name where the level of the penalty goes
    rows[0]["hukumanTanggal"] = maya["NIK"].lstrip("'")  # an NIK where a date goes
    write_siasn(folder / "rw_hukdis.csv", header, rows)
    return root, numbers, names


def leaked(text: str, numbers: set[str], names: set[str]) -> list[str]:
    """The NIPs, NIKs (also their first 15 digits, or with separators) and names in ``text``."""
    digits = re.sub(r"(?<=\d)[ .\-](?=\d)", "", text)
    found = [n for n in numbers if n in digits or (len(n) >= 15 and n[:15] in digits)]
    folded = text.casefold()
    return found + [name for name in names if name.casefold() in folded]


def test_the_damaged_period_is_all_found(tmp_path):
    """The errors are there (the test below could not pass by reading nothing)."""
    root, _, _ = damaged(tmp_path)
    _, out = run("validate", "--root", root, "--format", "json")
    found = json.loads(out)["findings"]
    rules = {f["rule"] for f in found}
    assert {"SNAPSHOT-NIP", "SNAPSHOT-NIP-EXCEL", "SNAPSHOT-NIP-DUPLICATE", "SNAPSHOT-DATE", "SNAPSHOT-UNIT-UNKNOWN",
            "SNAPSHOT-JABATAN-UNMATCHED", "SNAPSHOT-PREDIKAT", "SNAPSHOT-VALUE", "SNAPSHOT-KOMPETENSI",
            "SNAPSHOT-JOIN"} <= rules, rules
    duplicate = next(f for f in found if f["rule"] == "SNAPSHOT-NIP-DUPLICATE")
    assert (duplicate["path"], duplicate["line"], duplicate["column"]) == (f"{PERIOD}/data_utama_siasn.csv", 10, 2)
    assert "baris 2" in duplicate["message"]
    hidden = [f for f in found if "[data pribadi, tidak ditampilkan]" in f["message"]]
    assert {f["rule"] for f in hidden} >= {"SNAPSHOT-PREDIKAT", "SNAPSHOT-JABATAN-UNMATCHED", "SNAPSHOT-UNIT-UNKNOWN"}
    # what is not personal stays quoted: the unknown unit and jabatan, the impossible date
    text = json.dumps(found, ensure_ascii=False)
    assert "`Dinas Yang Tidak Ada`" in text and "`31-02-2020`" in text


@pytest.mark.parametrize("form", ["text", "json", "github"])
def test_validate_names_no_person(tmp_path, form):
    root, numbers, names = damaged(tmp_path)
    code, out = run("validate", "--root", root, "--format", form)
    assert code == 1 and "SNAPSHOT-NIP" in out
    assert not leaked(out, numbers, names)


def test_a_one_file_snapshot_names_no_person(tmp_path):
    """Our own layout: a name in the jabatan column, NIPs where numbers and dates go."""
    root, numbers, names = damaged(tmp_path)
    shutil.rmtree(root / PERIOD)
    (root / "snapshots" / "2025.csv").write_text(
        "nip;nama;jabatan;predikat_kinerja;nilai_potensi;tmt_jabatan\r\n"
        "197203141998031004;AGUS SAMPEL WIBOWO;DINKES.KADIS;Baik;70;01-01-2020\r\n"
        "197203141998031004;SITI CONTOH RAHAYU;DINKES.KADIS;Baik;70;01-01-2020\r\n"
        "198506072010031007;BAGUS ILUSTRASI PRATAMA;DEWI FIKTIF LESTARI;Baik;70;01-01-2020\r\n"
        "199001122015032021;DEWI FIKTIF LESTARI;DINKES.KADIS;NUR CONTOHWATI;199508182019032045;9999950818000005\r\n"
        "1983043020090210;RUDI SAMPLING HARTONO;DINKES.NONE;Baik;70;01-01-2020\r\n"
        "199508182019032045;NUR CONTOHWATI;DINKES.KADIS;Baik;70;01-01-2020\r\n", "utf-8")
    for form in ("text", "json", "github"):
        code, out = run("validate", "--root", root, "--format", form)
        assert code == 1 and "SNAPSHOT-NIP-DUPLICATE" in out
        assert not leaked(out, numbers | {"1983043020090210"}, names), out


def test_diff_and_the_pr_summary_name_no_person(tmp_path):
    """`kamus diff` counts the incumbents a change touches: from a sound period (counts), and
    from the damaged one (it says the period has errors) — never a NIP or a name."""
    root = build_case_root(SIASN, tmp_path / "kamus")
    numbers, names = _people(root / PERIOD)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "kamus")
    git(root, "tag", "lama")
    kadis = root / "positions" / "DINKES" / "DINKES.KADIS.yaml"
    kadis.write_text(kadis.read_text("utf-8").replace("{kode: M.4, level: 4}", "{kode: M.4, level: 5}"), "utf-8")
    git(root, "commit", "-q", "-am", "ubah")
    outputs = {}
    for form in ("text", "markdown", "json"):
        code, out = run("diff", "--root", root, "lama", "HEAD", "--format", form)
        assert code == 0, out
        outputs[form] = out
        assert not leaked(out, numbers, names), out
    assert "pemangku" in outputs["markdown"].casefold()

    broken, more_numbers, more_names = damaged(tmp_path / "rusak")
    shutil.rmtree(root / PERIOD)
    shutil.copytree(broken / PERIOD, root / PERIOD)
    for form in ("text", "markdown", "json"):
        code, out = run("diff", "--root", root, "lama", "HEAD", "--format", form)
        assert code == 0, out
        assert "galat" in out and not leaked(out, numbers | more_numbers, names | more_names), out


@pytest.mark.parametrize("text, shown", [
    ("NIP 199001012015011001 ganda", "NIP [data pribadi, tidak ditampilkan] ganda"),
    ("`19900101 201501 1 001`", "`[data pribadi, tidak ditampilkan]`"),
    ("NIK 3201234567890001.", "NIK [data pribadi, tidak ditampilkan]."),
    ("`１９９００１０１２０１５０１１００１`", "`[data pribadi, tidak ditampilkan]`"),
    ("baris 1.000.000 dan 2025-01-01", "baris 1.000.000 dan 2025-01-01"),
    ("UNOR ID `136CB94838DA83A906263EC23D03DCE9`", "UNOR ID `136CB94838DA83A906263EC23D03DCE9`"),
    ("JABATAN ID `12345678901234567890123456789012`", "JABATAN ID `12345678901234567890123456789012`"),
])
def test_personal_numbers_are_hidden_in_every_finding(text, shown):
    assert without_personal_numbers(text) == shown
