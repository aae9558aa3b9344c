"""The kamus as an Excel workbook and back (issue 13): real XLSX files, read and written
with openpyxl as Excel users' files are, imported into real git repositories."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest

from conftest import MINIMAL, REPO, git
from generator import api, journal, output_guard
from generator.cli import main
from generator.edit import apply as apply_module
from generator.errors import OutputError, ValidationFailed
from generator.tables import safe_cell, unguard

DEMO_PARTS = ("competencies", "positions", "snapshots", "development", "schemas", "kamus.yaml")


def demo_repo(path):
    path.mkdir()
    for part in DEMO_PARTS:
        source = REPO / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, path / part)
    git(path, "init", "-q", "-b", "main")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "demo")
    return path


def status(root) -> str:
    return git(root, "status", "--porcelain", "--untracked-files=all")


@pytest.fixture(scope="module")
def demo_book(tmp_path_factory):
    root = demo_repo(tmp_path_factory.mktemp("export") / "kamus")
    out = root.parent / "kamus.xlsx"
    api.export(root, "xlsx", out)
    return out


@pytest.fixture
def demo(tmp_path):
    return demo_repo(tmp_path / "kamus")


def edited(book, tmp_path, change, name="diubah.xlsx"):
    """The workbook as Excel would save it after ``change(workbook)``."""
    workbook = openpyxl.load_workbook(book)
    change(workbook)
    target = tmp_path / name
    workbook.save(target)
    return target


def add_row(sheet, **values) -> None:
    """Append a row, each value under the column of that name (row 1)."""
    header = [c.value for c in sheet[1]]
    sheet.append([values.get(name) for name in header])


def find_row(sheet, **wanted) -> int:
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=3):
        values = dict(zip(header, (c.value for c in row)))
        if all(values.get(k) == v for k, v in wanted.items()):
            return row[0].row
    raise AssertionError(f"no row {wanted}")


def remove_position(workbook, kode: str) -> None:
    """Delete a position's row on Jabatan and every row of it on Kebutuhan."""
    workbook["Jabatan"].delete_rows(find_row(workbook["Jabatan"], kode=kode))
    need = workbook["Kebutuhan"]
    while True:
        try:
            need.delete_rows(find_row(need, jabatan=kode))
        except AssertionError:
            return


# --- export ----------------------------------------------------------------------------

def test_workbook_is_pleasant_to_edit(demo_book):
    workbook = openpyxl.load_workbook(demo_book)
    assert workbook.sheetnames == ["Petunjuk", "Kompetensi", "Level", "Unit", "Jabatan", "Kebutuhan", "Persyaratan",
                                   "Pilihan", "Isi"]
    assert workbook["Pilihan"].sheet_state == workbook["Isi"].sheet_state == "hidden"
    need = workbook["Kebutuhan"]
    assert [c.value for c in need[1]][:3] == ["jabatan", "kode", "level"]  # the YAML names …
    assert [c.value for c in need[2]][:3] == ["Kode jabatan", "Kode kompetensi", "Level yang disyaratkan"]  # … labelled
    assert need.freeze_panes == "C3" and need.auto_filter.ref.startswith("A2:")
    assert need.column_dimensions["A"].width > 10
    formulas = {str(v.sqref).split(":")[0][:1]: v.formula1 for v in need.data_validations.dataValidation}
    assert formulas == {"A": "daftar_jabatan", "B": "daftar_kompetensi", "C": "pilihan_level"}
    names = workbook.defined_names
    assert names["pilihan_level"].attr_text == "'Pilihan'!$A$2:$A$6" or "Pilihan" in names["pilihan_level"].attr_text
    assert "'Kompetensi'!$A$3" in names["daftar_kompetensi"].attr_text
    jabatan = workbook["Jabatan"]
    header = [c.value for c in jabatan[1]]
    validated = {header[ord(str(v.sqref)[0]) - 65]: v.formula1 for v in jabatan.data_validations.dataValidation}
    assert validated["jenjang"] == "pilihan_jenjang" and validated["unit"] == "daftar_unit"
    assert validated["strategis"] == "pilihan_strategis" and validated["atasan"] == "daftar_jabatan"
    assert header[-1] == "sidik" and jabatan.column_dimensions[chr(64 + len(header))].hidden
    kompetensi = workbook["Kompetensi"]
    header = [c.value for c in kompetensi[1]]
    validated = {header[ord(str(v.sqref)[0]) - 65] for v in kompetensi.data_validations.dataValidation}
    assert {"jenis", "status", "diganti_oleh"} <= validated
    # codes are text, formatted as Text, so that Excel keeps `1.10` when someone types it
    assert need["B3"].data_type == "s" and need["B3"].number_format == "@"
    assert need["C3"].data_type == "n"


def test_export_is_deterministic_and_versioned(demo, tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    api.export(demo, "xlsx", first)
    api.export(demo, "xlsx", second)
    assert first.read_bytes() == second.read_bytes()
    (demo / "positions/DISKOMINFO/DISKOMINFO.KADIS.yaml").write_text(
        (demo / "positions/DISKOMINFO/DISKOMINFO.KADIS.yaml").read_text("utf-8").replace(
            "nama: Kepala Dinas Komunikasi dan Informatika", "nama: Kepala Dinas Kominfo"), "utf-8")
    git(demo, "commit", "-qam", "rename")
    old = api.export(demo, "xlsx", tmp_path / "lama.xlsx", version="HEAD~1")
    assert "versi HEAD~1" in old.version
    names = {row[0].value: row[2].value for row in openpyxl.load_workbook(old.path)["Jabatan"].iter_rows(min_row=3)}
    assert names["DISKOMINFO.KADIS"] == "Kepala Dinas Komunikasi dan Informatika"


def test_export_refuses_a_data_folder_and_a_broken_kamus(demo, tmp_path):
    with pytest.raises(OutputError):
        api.export(demo, "xlsx", demo / "positions" / "kamus.xlsx")
    (demo / "positions/DISKOMINFO/DISKOMINFO.KADIS.yaml").write_text("kode: [", "utf-8")
    with pytest.raises(ValidationFailed):
        api.export(demo, "xlsx", tmp_path / "kamus.xlsx")


def test_formula_guard_round_trips(minimal_root, tmp_path):
    path = minimal_root / "competencies/teknis/T.A.yaml"
    path.write_text(path.read_text("utf-8") + "catatan: \"=HYPERLINK(\\\"http://x\\\")\"\n", "utf-8")
    git(minimal_root, "init", "-q", "-b", "main")
    git(minimal_root, "add", "-A")
    git(minimal_root, "commit", "-qm", "x")
    out = tmp_path / "k.xlsx"
    api.export(minimal_root, "xlsx", out)
    sheet = openpyxl.load_workbook(out)["Kompetensi"]
    cells = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "'=HYPERLINK(\"http://x\")" in cells and not any(c.startswith("=") for c in cells)
    result = api.import_files(minimal_root, [out])
    assert not result.failed and status(minimal_root) == ""
    for text in ("=1", "'=1", "''+x", "plain", "'quoted"):
        assert unguard(safe_cell(text)) == text


# --- import: no change, one change, bad values ------------------------------------------

def test_unchanged_workbook_changes_no_byte(demo, demo_book):
    result = api.import_files(demo, [demo_book])
    assert not result.failed and not result.plan.writes and not result.plan.deletes
    assert status(demo) == ""
    assert "Tidak ada perubahan isi" in result.comparison.format("markdown")


def test_unchanged_workbook_saved_by_excel_changes_no_byte(demo, demo_book, tmp_path):
    resaved = edited(demo_book, tmp_path, lambda wb: None)  # shared strings, styles of openpyxl
    assert not api.import_files(demo, [resaved]).failed
    assert status(demo) == ""


def test_one_level_edit_is_a_one_line_diff(demo, demo_book, tmp_path):
    def change(workbook):
        sheet = workbook["Kebutuhan"]
        sheet.cell(find_row(sheet, jabatan="DISKOMINFO.KADIS", kode="T.KOM.02"), 3).value = 3

    result = api.import_files(demo, [edited(demo_book, tmp_path, change)])
    assert not result.failed and result.written
    numstat = git(demo, "diff", "--numstat").split()
    assert numstat == ["1", "1", "positions/DISKOMINFO/DISKOMINFO.KADIS.yaml"]
    diff = git(demo, "diff", "-U0")
    assert "-  - {kode: T.KOM.02, level: 4}  # Keamanan Informasi" in diff
    assert "+  - {kode: T.KOM.02, level: 3}  # Keamanan Informasi" in diff
    summary = result.comparison.format("markdown")
    assert "level yang disyaratkan turun (T.KOM.02 Keamanan Informasi): level 4 → level 3" in summary


def test_comments_and_key_order_survive_edits(demo, demo_book, tmp_path):
    path = demo / "positions/DISKOMINFO/DISKOMINFO.KADIS.yaml"
    before = path.read_text("utf-8")

    def change(workbook):
        jabatan = workbook["Jabatan"]
        row = find_row(jabatan, kode="DISKOMINFO.KADIS")
        header = [c.value for c in jabatan[1]]
        jabatan.cell(row, header.index("nama") + 1).value = "Kepala Dinas Kominfo"
        jabatan.cell(row, header.index("catatan") + 1).value = "Catatan baru: lihat Perbup."
        need = workbook["Kebutuhan"]
        need.append(["DISKOMINFO.KADIS", "T.KOM.05", 2])
        need.delete_rows(find_row(need, jabatan="DISKOMINFO.KADIS", kode="T.KOM.04"))

    result = api.import_files(demo, [edited(demo_book, tmp_path, change)])
    assert not result.failed, result.text()
    after = path.read_text("utf-8")
    for comment in ("# Manajerial", "# Sosial kultural", "# Teknis", "# Tata Kelola Sistem Pemerintahan Berbasis"):
        assert comment in after
    assert "# Komunikasi Publik" not in after  # its line went with the removed requirement
    assert "nama: Kepala Dinas Kominfo\n" in after
    assert "catatan: 'Catatan baru: lihat Perbup.'" in after or 'catatan: "Catatan baru: lihat Perbup."' in after
    assert "  - {kode: T.KOM.05, level: 2}\n" in after  # in the style of its neighbours
    keys = [line.split(":")[0] for line in after.splitlines() if line and line[0].isalpha()]
    assert keys == ["kode", "nama", "jenjang", "urusan", "ikhtisar", "atasan", "strategis", "catatan",
                    "kompetensi", "persyaratan"]
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert len(changed) == 3


def test_bad_values_give_every_finding_by_cell_and_write_nothing(demo, demo_book, tmp_path, capsys):
    def change(workbook):
        need = workbook["Kebutuhan"]
        need["C14"] = 7
        need["B15"] = "M.99"
        need.append(["DISKOMINFO.KADIS", "M.1", 3])  # a duplicate of an existing row
        workbook["Kompetensi"]["C5"] = "manajeril"
        workbook["Level"]["B10"] = "=1+1"
        jabatan = workbook["Jabatan"]
        header = [c.value for c in jabatan[1]]
        jabatan.cell(6, header.index("atasan") + 1).value = "TIDAK.ADA"

    book = edited(demo_book, tmp_path, change)
    code = main(["import", str(book), "--root", str(demo)])
    out = capsys.readouterr()
    assert code == 1 and status(demo) == ""
    lines = out.out.splitlines()
    expected = ["Kompetensi!C5: XLSX-VALUE", "Level!B10: XLSX-VALUE", "Jabatan!", "Kebutuhan!C14: XLSX-VALUE",
                "Kebutuhan!B15: XLSX-REFERENCE", "XLSX-DUPLICATE"]
    for start in expected:
        assert any(start in line for line in lines), start
    assert any(line.startswith("Jabatan!") and "ATASAN-UNKNOWN" in line and ".yaml:" in line for line in lines)
    assert "Kebutuhan!C14: XLSX-VALUE [galat] level `7` bukan bilangan bulat 1–5" in out.out
    # no follow-up errors from the rows that were refused (their entries stay as they are)
    assert "LEVEL-UNDEFINED" not in out.out and "LEVEL-SEQUENCE" not in out.out
    assert "Tidak ada berkas yang diubah" in out.err
    order = [line.split("!")[0] for line in lines if "!" in line.split(":")[0]]
    assert order == sorted(order, key=["Kompetensi", "Level", "Unit", "Jabatan", "Kebutuhan"].index)


def test_rules_of_the_kamus_apply_to_the_result(demo, demo_book, tmp_path):
    def change(workbook):
        need = workbook["Kebutuhan"]
        need.delete_rows(find_row(need, jabatan="DISKOMINFO.KADIS", kode="M.3"))

    result = api.import_files(demo, [edited(demo_book, tmp_path, change)])
    assert result.failed and status(demo) == ""
    found = [f for f in result.findings if f.rule == "KOMPETENSI-WAJIB-MISSING"]
    assert found and found[0].path == "Jabatan" and "positions/DISKOMINFO/DISKOMINFO.KADIS.yaml" in found[0].message


def test_text_cells_that_excel_turned_into_numbers_are_flagged(demo, demo_book, tmp_path):
    def change(workbook):
        jabatan = workbook["Jabatan"]
        header = [c.value for c in jabatan[1]]
        jabatan.cell(3, header.index("urusan") + 1).value = 1.1

    result = api.import_files(demo, [edited(demo_book, tmp_path, change)], dry_run=True)
    assert [f.rule for f in result.findings] == ["XLSX-NUMBER"] and not result.failed


def test_structure_problems(demo, demo_book, tmp_path):
    def change(workbook):
        del workbook["Unit"]
        workbook["Kebutuhan"]["B1"] = "kompetensi_kode"

    result = api.import_files(demo, [edited(demo_book, tmp_path, change)])
    rules = sorted({f.rule for f in result.findings})
    assert rules == ["XLSX-HEADER", "XLSX-SHEET"] and status(demo) == ""
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    result = api.import_files(demo, [junk])
    assert [f.rule for f in result.findings] == ["XLSX-FILE"] and "xls" in result.findings[0].message


# --- new rows, removed rows, moves ------------------------------------------------------

def test_new_rows_become_files_and_gone_rows_need_hapus(demo, demo_book, tmp_path):
    def change(workbook):
        kompetensi = workbook["Kompetensi"]
        add_row(kompetensi, kode="T.KOM.10", nama="Analitik Data", jenis="teknis",
                definisi="Mengolah data menjadi informasi.", bidang="Kominfo")
        workbook["Level"].append(["T.KOM.10", 1, "Mengolah data sederhana.", "Membersihkan data.", "Meringkas data."])
        add_row(workbook["Unit"], kode="DISKOMINFO_UPT", nama="UPT Data", induk="DISKOMINFO")
        need = workbook["Kebutuhan"]
        need.delete_rows(find_row(need, jabatan="SETDA.KABAG_ORG", kode="M.1"), 1)

    book = edited(demo_book, tmp_path, change)
    result = api.import_files(demo, [book])
    assert result.failed  # SETDA.KABAG_ORG lost a mandatory competency: nothing is written
    assert status(demo) == ""

    def change_ok(workbook):
        change(workbook)
        workbook["Kebutuhan"].append(["SETDA.KABAG_ORG", "M.1", 3])
        add_row(workbook["Jabatan"], kode="SETDA.BARU", unit="SETDA", nama="Analis Baru",
                jenjang="fungsional_ahli_muda", ikhtisar="Menganalisis kebijakan.", atasan="SETDA.ASISTEN_ADM")
        for kode in ("M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1", "T.ORG.01"):
            workbook["Kebutuhan"].append(["SETDA.BARU", kode, 2])

    result = api.import_files(demo, [edited(demo_book, tmp_path, change_ok, "ok.xlsx")])
    assert not result.failed, result.text()
    assert (demo / "competencies/teknis/T.KOM.10.yaml").read_text("utf-8").startswith(
        "# yaml-language-server: $schema=../../schemas/competency.schema.json\nkode: T.KOM.10\n")
    assert (demo / "positions/DISKOMINFO_UPT/_unit.yaml").is_file()
    assert (demo / "positions/SETDA/SETDA.BARU.yaml").is_file()
    markdown = result.comparison.format("markdown")
    assert "kompetensi ditambahkan" in markdown and "jabatan ditambahkan" in markdown
    git(demo, "add", "-A")
    git(demo, "commit", "-qm", "import")

    again = tmp_path / "lagi.xlsx"
    api.export(demo, "xlsx", again)

    gone = edited(again, tmp_path, lambda workbook: remove_position(workbook, "SETDA.BARU"), "tanpa.xlsx")
    result = api.import_files(demo, [gone])
    assert not result.failed and status(demo) == ""  # listed, kept
    assert [f.path for f in result.findings if f.rule == "XLSX-NOT-REMOVED"] == ["positions/SETDA/SETDA.BARU.yaml"]
    result = api.import_files(demo, [gone], remove=True)
    assert not result.failed, result.text()
    assert status(demo) == " D positions/SETDA/SETDA.BARU.yaml\n"
    assert "jabatan dihapus" in result.comparison.format("markdown")


def test_removing_a_position_that_people_hold_is_refused(demo, demo_book, tmp_path):
    def change(workbook):
        jabatan = workbook["Jabatan"]
        jabatan.delete_rows(find_row(jabatan, kode="SETDA.PENGADMINISTRASI_UMUM"))

    result = api.import_files(demo, [edited(demo_book, tmp_path, change)], remove=True)
    assert result.failed and status(demo) == ""
    assert "SNAPSHOT-JABATAN-UNKNOWN" in {f.rule for f in result.findings}


def test_moving_a_position_to_another_unit_moves_its_file(demo, demo_book, tmp_path):
    def change(workbook):
        jabatan = workbook["Jabatan"]
        header = [c.value for c in jabatan[1]]
        jabatan.cell(find_row(jabatan, unit="DISKOMINFO"), header.index("unit") + 1).value = "BKPSDM"

    result = api.import_files(demo, [edited(demo_book, tmp_path, change)])
    assert not result.failed, result.text()
    moved = [line for line in status(demo).splitlines()]
    assert any(line.startswith(" D positions/DISKOMINFO/") for line in moved)
    assert any(line.startswith("?? positions/BKPSDM/") for line in moved)
    assert "jabatan pindah unit" in result.comparison.format("markdown")


def test_coba_writes_nothing(demo, demo_book, tmp_path, capsys):
    def change(workbook):
        need = workbook["Kebutuhan"]
        need.cell(find_row(need, jabatan="DISKOMINFO.KADIS", kode="T.KOM.02"), 3).value = 3

    assert main(["import", str(edited(demo_book, tmp_path, change)), "--root", str(demo), "--coba"]) == 0
    out = capsys.readouterr()
    assert "## Perubahan kamus" in out.out and "Coba saja: 1 berkas akan ditulis" in out.err
    assert status(demo) == ""


def test_import_needs_a_sound_kamus_first(demo, demo_book):
    (demo / "positions/DISKOMINFO/DISKOMINFO.KADIS.yaml").write_text("kode: [", "utf-8")
    with pytest.raises(ValidationFailed):
        api.import_files(demo, [demo_book])


# --- safety: inside the root, no symbolic link, all or nothing ---------------------------

def test_names_that_would_leave_the_folder_are_refused(demo, demo_book, tmp_path):
    def change(workbook):
        add_row(workbook["Unit"], kode="../../etc", nama="Jahat")

    result = api.import_files(demo, [edited(demo_book, tmp_path, change)])
    assert result.failed and status(demo) == ""
    assert any(f.rule == "XLSX-VALUE" and "nama berkas" in f.message for f in result.findings)


def test_writes_never_pass_through_a_symbolic_link(tmp_path):
    root = tmp_path / "kamus"
    (root / "positions").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "positions" / "UNIT_X").symlink_to(outside, target_is_directory=True)
    plan = apply_module.Plan(writes={"positions/UNIT_X/X.yaml": b"kode: X\n"})
    with pytest.raises(OutputError):
        apply_module.write_plan(root, plan)
    assert list(outside.iterdir()) == []


def test_a_failed_write_changes_nothing(demo, monkeypatch):
    plan = apply_module.Plan(writes={"positions/BARU/_unit.yaml": b"kode: BARU\nnama: Baru\n",
                                     "positions/DISKOMINFO/DISKOMINFO.KADIS.yaml": b"rusak\n"})
    calls = []
    real = output_guard.Folder.write_new

    def failing(self, name, data, durable=False):
        calls.append(name)
        if len(calls) == 3:  # the journal, the first file, then the disk is full
            raise OSError(28, "No space left on device")
        return real(self, name, data, durable)

    monkeypatch.setattr(output_guard.Folder, "write_new", failing)
    with pytest.raises(OSError):
        apply_module.write_plan(demo, plan)
    monkeypatch.undo()
    assert status(demo) == "" and not (demo / "positions/BARU").exists()
    assert not list(demo.rglob("*.kamus-tmp*")) and journal.leftovers(demo) == []


# --- the large corpus --------------------------------------------------------------------

def test_corpus_round_trip_changes_nothing(tmp_path):
    from benchmarks.corpus import generate

    root = generate(tmp_path / "kamus", positions=300, units=12, competencies=120)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "corpus")
    out = tmp_path / "k.xlsx"
    api.export(root, "xlsx", out)
    result = api.import_files(root, [out])
    assert not result.failed and not result.plan.writes and status(root) == ""


def test_cli_export_and_import(demo, tmp_path, capsys):
    out = tmp_path / "kamus.xlsx"
    assert main(["export", "--root", str(demo), "--format", "xlsx", "--output", str(out)]) == 0
    assert "ditulis ke" in capsys.readouterr().out
    assert main(["import", str(out), "--root", str(demo)]) == 0
    captured = capsys.readouterr()
    assert "Tidak ada perubahan isi" in captured.out and "Selesai: 0 berkas ditulis" in captured.err
    assert main(["import", str(tmp_path / "tidak-ada.xlsx"), "--root", str(demo)]) == 2
    assert "tidak ada" in capsys.readouterr().err


def test_an_old_workbook_never_reverts_later_changes(demo, tmp_path):
    book = tmp_path / "lama.xlsx"
    api.export(demo, "xlsx", book)  # an OPD contact downloads the workbook …
    path = demo / "positions/DISKOMINFO/DISKOMINFO.KADIS.yaml"
    path.write_text(path.read_text("utf-8").replace("{kode: M.7, level: 5}", "{kode: M.7, level: 4}"), "utf-8")
    git(demo, "commit", "-qam", "another pull request, merged meanwhile")

    result = api.import_files(demo, [book])  # … and hands it back unchanged
    assert not result.failed and status(demo) == ""

    def change(workbook):  # an edit elsewhere is applied, the later change stays
        need = workbook["Kebutuhan"]
        need.cell(find_row(need, jabatan="SETDA.KABAG_ORG", kode="M.1"), 3).value = 4

    result = api.import_files(demo, [edited(book, tmp_path, change)])
    assert not result.failed, result.text()
    assert git(demo, "diff", "--name-only") == "positions/SETDA/SETDA.KABAG_ORG.yaml\n"
    assert "{kode: M.7, level: 4}" in path.read_text("utf-8")

    def conflict(workbook):  # an edit of the entry that changed since the download is refused
        need = workbook["Kebutuhan"]
        need.cell(find_row(need, jabatan="DISKOMINFO.KADIS", kode="T.KOM.02"), 3).value = 3

    git(demo, "checkout", "-q", ".")
    result = api.import_files(demo, [edited(book, tmp_path, conflict, "konflik.xlsx")])
    assert result.failed and status(demo) == ""
    found = [f for f in result.findings if f.rule == "XLSX-CONFLICT"]
    assert len(found) == 1 and result.place(found[0]).startswith("Jabatan!A")
    assert "positions/DISKOMINFO/DISKOMINFO.KADIS.yaml` juga sudah berubah" in found[0].message


def test_a_workbook_and_a_kamus_from_before_the_rename_of_jenis_jabatan_still_import(demo, tmp_path):
    """Until this version the YAML key and the workbook column were `jenis_jabatan` (now `jenjang`):
    both are still read for one version, and an edited position is written back with the new name."""
    for path in (demo / "positions").rglob("*.yaml"):
        path.write_text(path.read_text("utf-8").replace("\njenjang: ", "\njenis_jabatan: "), "utf-8")
    git(demo, "commit", "-qam", "a kamus of the previous version")
    book = tmp_path / "baru.xlsx"
    api.export(demo, "xlsx", book)
    sheet = openpyxl.load_workbook(book)["Jabatan"]
    header = [c.value for c in sheet[1]]
    assert "jenjang" in header and "jenis_jabatan" not in header
    assert sheet.cell(find_row(sheet, kode="DISKOMINFO.KADIS"), header.index("jenjang") + 1).value == "jpt_pratama"

    def old_header(workbook):  # the workbook as the previous version exported it
        jabatan = workbook["Jabatan"]
        jabatan.cell(1, [c.value for c in jabatan[1]].index("jenjang") + 1).value = "jenis_jabatan"

    old = edited(book, tmp_path, old_header, "lama.xlsx")
    result = api.import_files(demo, [old])
    assert not result.failed and not result.plan.writes and status(demo) == ""
    notices = [f for f in result.findings if f.rule == "XLSX-RENAMED"]
    assert len(notices) == 1 and notices[0].severity == "notice" and result.place(notices[0]).endswith("1")
    assert "`jenis_jabatan` sekarang bernama `jenjang`" in notices[0].message

    def change(workbook):
        old_header(workbook)
        jabatan = workbook["Jabatan"]
        header = [c.value for c in jabatan[1]]
        row = find_row(jabatan, kode="DISKOMINFO.KADIS")
        jabatan.cell(row, header.index("nama") + 1).value = "Kepala Dinas Kominfo"
        row = find_row(jabatan, kode="SETDA.KABAG_ORG")
        jabatan.cell(row, header.index("jenis_jabatan") + 1).value = "pengawas"

    result = api.import_files(demo, [edited(book, tmp_path, change, "lama-diubah.xlsx")])
    assert not result.failed, result.text()
    assert sorted(git(demo, "diff", "--name-only").split()) == ["positions/DISKOMINFO/DISKOMINFO.KADIS.yaml",
                                                               "positions/SETDA/SETDA.KABAG_ORG.yaml"]
    kadis = (demo / "positions/DISKOMINFO/DISKOMINFO.KADIS.yaml").read_text("utf-8")
    assert "\njenjang: jpt_pratama\n" in kadis and "jenis_jabatan" not in kadis
    keys = [line.split(":")[0] for line in kadis.splitlines() if line and line[0].isalpha()]
    assert keys[:3] == ["kode", "nama", "jenjang"]  # the key renamed in its place
    assert "\njenjang: pengawas\n" in (demo / "positions/SETDA/SETDA.KABAG_ORG.yaml").read_text("utf-8")
