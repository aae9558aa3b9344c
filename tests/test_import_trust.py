"""Imports never damage work they were not about (issue 18, items 5 and 6): an old workbook
never removes what came after it, an SKJ form never rewrites another OPD's position, and two
forms for one position are a conflict. Real workbooks and forms, a real git repository."""

from __future__ import annotations

import openpyxl
import pytest

import skj_forms
from conftest import git
from generator import api
from test_skj_form import kadis
from test_workbook import add_row, demo_repo, edited, find_row, remove_position, status

PRAKOM = "positions/DISKOMINFO/DISKOMINFO.PRAKOM_MUDA.yaml"


@pytest.fixture
def demo(tmp_path):
    return demo_repo(tmp_path / "kamus")


def prakom(**changes) -> dict:
    """The form of a Pranata Komputer Ahli Muda, for the unit named in ``unit``."""
    spec = dict(nama="Pranata Komputer Ahli Muda", kelompok="Jabatan Fungsional Ahli Muda", urusan="Kepegawaian",
                unit="Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
                ikhtisar="Mengelola sistem informasi kepegawaian.",
                kompetensi={"Kompetensi Manajerial": [(kode, name, 2) for kode, name in skj_forms.MANAJERIAL],
                            "Kompetensi Sosial Kultural": [("SK.1", "Perekat Bangsa", 2)],
                            "Kompetensi Teknis": [("T.KOM.05", "Pengembangan Aplikasi", 3)]},
                jenjang="S1", bidang="Teknik Informatika", pelatihan=[("Teknis", "-", ("-", "-", "-"))],
                pengalaman="-", pangkat="Penata (III/c)", indikator="Persentase layanan kepegawaian daring")
    spec.update(changes)
    return spec


# --- item 6: SKJ forms --------------------------------------------------------------------

def test_a_form_for_one_unit_never_rewrites_another_units_position(demo, tmp_path):
    before = (demo / PRAKOM).read_bytes()
    form = tmp_path / "prakom-bkpsdm.xlsx"
    skj_forms.aplikasi(form, prakom())
    result = api.import_files(demo, [form], format="skj-form")
    assert not result.failed, result.text()
    assert (demo / PRAKOM).read_bytes() == before
    assert status(demo) == "?? positions/BKPSDM/BKPSDM.PRANATA_KOMPUTER_AHLI_MUDA.yaml\n"
    warned = [f for f in result.findings if f.rule == "SKJ-UNIT"]
    assert len(warned) == 1 and "DISKOMINFO.PRAKOM_MUDA" in warned[0].message and "tidak diubah" in warned[0].message
    # the Lampiran layout names no unit: --unit does, with the same effect
    git(demo, "clean", "-fdq")
    other = tmp_path / "lampiran.xlsx"
    skj_forms.lampiran(other, [kadis(nama="Pranata Komputer Ahli Muda", kelompok="Jabatan Fungsional Ahli Muda",
                                     kompetensi={"Manajerial": [(n, 2) for _, n in skj_forms.MANAJERIAL],
                                                 "Sosial Kultural": [("Perekat Bangsa", 2)],
                                                 "Teknis": [("Pengembangan Aplikasi", 3)]})])
    result = api.import_files(demo, [other], format="skj-form", unit="BKPSDM")
    assert not result.failed, result.text()
    assert (demo / PRAKOM).read_bytes() == before and "SKJ-UNIT" in {f.rule for f in result.findings}


def test_a_kode_jabatan_in_another_unit_is_no_target_either(demo, tmp_path):
    path = demo / PRAKOM
    path.write_text(path.read_text("utf-8").replace("urusan:", "kode_jabatan: \"2.03.1.4\"\nurusan:", 1), "utf-8")
    git(demo, "commit", "-qam", "KemenPANRB code")
    before = path.read_bytes()
    form = tmp_path / "kode.xlsx"
    skj_forms.aplikasi(form, prakom(nama="Pranata Komputer (Ahli Muda)"))
    book = openpyxl.load_workbook(form)
    book.active["A6"] = "KODE JABATAN : 2.03.1.4"
    book.save(form)
    result = api.import_files(demo, [form], format="skj-form")
    assert path.read_bytes() == before
    assert "DISKOMINFO.PRAKOM_MUDA" in " ".join(f.message for f in result.findings if f.rule == "SKJ-UNIT")
    assert status(demo) == "?? positions/BKPSDM/BKPSDM.PRANATA_KOMPUTER_AHLI_MUDA.yaml\n"  # BKPSDM's own, new
    git(demo, "clean", "-fdq")
    # named for DISKOMINFO, the same form updates that position (matched by its code)
    skj_forms.aplikasi(form, prakom(nama="Pranata Komputer (Ahli Muda)", unit="DISKOMINFO"))
    book = openpyxl.load_workbook(form)
    book.active["A6"] = "KODE JABATAN : 2.03.1.4"
    book.save(form)
    result = api.import_files(demo, [form], format="skj-form")
    assert not result.failed, result.text()
    assert git(demo, "status", "--porcelain") == f" M {PRAKOM}\n"


def test_a_unit_the_kamus_does_not_know_matches_nothing(demo, tmp_path):
    form = tmp_path / "asing.xlsx"
    skj_forms.aplikasi(form, prakom(unit="Dinas Yang Tidak Ada"))
    result = api.import_files(demo, [form], format="skj-form")
    assert result.failed and status(demo) == ""
    assert any(f.rule == "SKJ-FORM" and "Dinas Yang Tidak Ada" in f.message for f in result.findings)
    result = api.import_files(demo, [form], format="skj-form", unit="BKPSDM")  # a sub-unit's form, placed by hand
    assert not result.failed and status(demo) == "?? positions/BKPSDM/BKPSDM.PRANATA_KOMPUTER_AHLI_MUDA.yaml\n"


def test_two_forms_for_one_new_position_are_a_conflict(demo, tmp_path):
    first, second = tmp_path / "dari-bidang.xlsx", tmp_path / "dari-sekretariat.xlsx"
    skj_forms.aplikasi(first, prakom())
    skj_forms.aplikasi(second, prakom(ikhtisar="Mengembangkan aplikasi kepegawaian."))
    result = api.import_files(demo, [first, second], format="skj-form")
    assert result.failed and status(demo) == ""
    conflicts = [f for f in result.findings if f.rule == "SKJ-CONFLICT"]
    assert sorted(f.path for f in conflicts) == ["[dari-bidang.xlsx]SKJ", "[dari-sekretariat.xlsx]SKJ"]
    assert all("BKPSDM.PRANATA_KOMPUTER_AHLI_MUDA" in f.message for f in conflicts)
    assert "[dari-sekretariat.xlsx]SKJ" in next(f for f in conflicts if f.path == "[dari-bidang.xlsx]SKJ").message


# --- item 5: old workbooks and --hapus ------------------------------------------------------

def test_an_old_workbook_never_removes_newer_work(demo, tmp_path):
    book = tmp_path / "lama.xlsx"
    api.export(demo, "xlsx", book)  # downloaded …
    newer = demo / "positions/DISKOMINFO/DISKOMINFO.PRAKOM_MUDA_2.yaml"  # … then a position is committed
    newer.write_text((demo / PRAKOM).read_text("utf-8").replace("DISKOMINFO.PRAKOM_MUDA", "DISKOMINFO.PRAKOM_MUDA_2")
                     .replace("nama: Pranata Komputer Ahli Muda", "nama: Pranata Komputer Ahli Muda Data"), "utf-8")
    git(demo, "add", "-A")
    git(demo, "commit", "-qm", "a newer position")
    result = api.import_files(demo, [book], remove=True)  # the old workbook comes back with --hapus
    assert not result.failed, result.text()
    assert status(demo) == "" and newer.is_file()
    kept = [f for f in result.findings if f.rule == "XLSX-NOT-REMOVED"]
    assert [f.path for f in kept] == ["positions/DISKOMINFO/DISKOMINFO.PRAKOM_MUDA_2.yaml"]
    assert "belum ada di kamus saat buku kerja ini diunduh" in kept[0].message
    assert api.import_files(demo, [book]).findings == []  # without --hapus: nothing to say about it


def test_a_row_removed_from_a_workbook_after_the_entry_changed_is_a_conflict(demo, tmp_path):
    book = tmp_path / "lama.xlsx"
    api.export(demo, "xlsx", book)
    path = demo / PRAKOM
    path.write_text(path.read_text("utf-8").replace("Merancang, membangun", "Merancang dan membangun"), "utf-8")
    git(demo, "commit", "-qam", "changed meanwhile")

    gone = edited(book, tmp_path, lambda workbook: remove_position(workbook, "DISKOMINFO.PRAKOM_MUDA"))
    result = api.import_files(demo, [gone], remove=True)
    assert result.failed and status(demo) == "" and path.is_file()
    conflict = [f for f in result.findings if f.rule == "XLSX-CONFLICT"]
    assert [f.path for f in conflict] == [PRAKOM] and "sudah berubah sejak buku kerja diunduh" in conflict[0].message


def test_a_workbook_without_its_contents_sheet_removes_nothing(demo, tmp_path):
    book = tmp_path / "kamus.xlsx"
    api.export(demo, "xlsx", book)

    def strip(workbook):  # as a workbook made before the contents sheet existed
        del workbook["Isi"]
        workbook["Jabatan"].delete_rows(find_row(workbook["Jabatan"], kode="DISKOMINFO.PRAKOM_MUDA"))

    result = api.import_files(demo, [edited(book, tmp_path, strip)], remove=True)
    assert status(demo) == "" and (demo / PRAKOM).is_file()
    assert any(f.rule == "XLSX-NOT-REMOVED" and f.path == PRAKOM and "daftar isinya" in f.message
               for f in result.findings)


def test_the_contents_sheet_is_hidden_and_lists_every_entry(demo, tmp_path):
    book = tmp_path / "kamus.xlsx"
    api.export(demo, "xlsx", book)
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["Isi"]
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.sheet_state == "hidden" and rows[0] == ("objek", "kode", "sidik")
    listed = {(objek, kode) for objek, kode, _ in rows[1:]}
    assert ("jabatan", "DISKOMINFO.PRAKOM_MUDA") in listed and ("unit", "BKPSDM") in listed
    assert ("kompetensi", "M.1") in listed and len(listed) == len(rows) - 1


def test_a_workbook_cannot_make_a_file_windows_cannot_hold(demo, tmp_path):
    """A unit `CON` would make a kamus that no Windows laptop can check out."""
    book = tmp_path / "kamus.xlsx"
    api.export(demo, "xlsx", book)

    def change(workbook):
        add_row(workbook["Unit"], kode="CON", nama="Unit Baru")

    result = api.import_files(demo, [edited(book, tmp_path, change)])
    assert result.failed and status(demo) == ""
    reserved = [f for f in result.findings if f.rule == "KODE-RESERVED"]
    assert reserved and result.place(reserved[0]).startswith("Unit!A") and "Windows" in reserved[0].message


def test_an_invisible_control_character_in_a_cell_is_a_finding_at_that_cell(demo, tmp_path):
    book = tmp_path / "kamus.xlsx"
    api.export(demo, "xlsx", book)

    def change(workbook):
        sheet = workbook["Jabatan"]
        header = [c.value for c in sheet[1]]
        sheet.cell(find_row(sheet, kode="DISKOMINFO.KADIS"), header.index("ikhtisar") + 1).value = "Memimpin \u202edinas."

    result = api.import_files(demo, [edited(book, tmp_path, change)])
    assert result.failed and status(demo) == ""
    found = [f for f in result.findings if f.rule == "YAML-CONTROL"]
    assert found and result.place(found[0]).startswith("Jabatan!") and "U+202E" in found[0].message
