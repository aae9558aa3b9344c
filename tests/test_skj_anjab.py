"""SKJ forms as a Pemkab's anjab application prints them (issue 19): a NULL level, "-" for no
value, STRUKTURAL with an eselon. Inputs: the research samples in that layout
(tests/fixtures/skj/, fictional data) and more built by tests/skj_forms.anjab."""

from __future__ import annotations

import pytest

import skj_forms
from conftest import TESTS, git
from generator import api
from generator.eselon import find_eselon, read_eselon
from test_workbook import demo_repo, status

SAMPLES = TESTS / "fixtures" / "skj"
TEKNIS = {"T.KES.06": "Advokasi Kebijakan Kesehatan", "T.KES.07": "Manajemen Fasilitas Pelayanan Kesehatan"}


@pytest.fixture
def kamus(tmp_path):
    """The demo kamus with the teknis competencies the anjab samples name."""
    root = demo_repo(tmp_path / "kamus")
    for kode, nama in TEKNIS.items():
        levels = "".join(f"  - level: {n}\n    deskripsi: Deskripsi level {n}.\n    indikator: [Indikator {n}.]\n"
                         for n in range(1, 6))
        (root / "competencies" / "teknis" / f"{kode}.yaml").write_text(
            f"kode: {kode}\nnama: {nama}\njenis: teknis\nbidang: Kesehatan\ndefinisi: Kemampuan {nama.lower()}.\n"
            f"level:\n{levels}", "utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "teknis kesehatan")
    return root


MANAJERIAL = [name for _, name in skj_forms.MANAJERIAL]


def kadinkes(**changes) -> dict:
    spec = dict(nama="Kepala Dinas Kesehatan", kelompok="STRUKTURAL", urusan="Kesehatan", kode_jabatan="-",
                ikhtisar="Memimpin, merumuskan kebijakan teknis dan mengendalikan urusan kesehatan.",
                kompetensi={"KOMPETENSI MANAJERIAL": [(name, 4) for name in MANAJERIAL],
                            "KOMPETENSI SOSIAL KULTURAL": [("Perekat Bangsa", 4)],
                            "KOMPETENSI TEKNIS": [("Advokasi Kebijakan Kesehatan", 4),
                                                  ("Manajemen Fasilitas Pelayanan Kesehatan", 3)]},
                pendidikan=("S.2", "Kesehatan Masyarakat, Kedokteran"),
                pelatihan=[("manajerial", "Pelatihan Kepemimpinan Nasional Tingkat II", "mutlak"),
                           ("teknis", "Manajemen Pelayanan Kesehatan", "penting"), ("fungsional", "-", None)],
                pengalaman=[("Pernah menduduki jabatan administrator paling singkat 2 (dua) tahun", "mutlak")],
                pangkat="IV/b - Pembina Tk.I", indikator="Meningkatnya derajat kesehatan masyarakat")
    spec.update(changes)
    return spec


def test_a_null_level_is_a_finding_at_its_cell_and_nothing_is_dropped(kamus):
    """The research sample: teknis competency 2 has no level, description or indicators (how the
    dump prints a NULL level). It is an error at the Level cell; the position keeps its file, so
    no summary says the competency is no longer required."""
    result = api.import_files(kamus, [SAMPLES / "skj_anjab_struktural_null_level.xlsx"], format="skj-form",
                              unit="DINKES")
    assert result.failed and not result.written and status(kamus) == ""
    levels = [f for f in result.findings if f.rule == "SKJ-LEVEL"]
    assert len(levels) == 1 and result.place(levels[0]) == "[skj_anjab_struktural_null_level.xlsx]SKJ!C26"
    assert "`2. Manajemen Fasilitas Pelayanan Kesehatan` tidak berisi level, deskripsi maupun indikator" in \
        levels[0].message
    assert "kolom Level baris 26" in levels[0].hint
    assert "tidak lagi disyaratkan" not in result.comparison.format("markdown")
    # every other part of the form was read: the manajerial names as the dump spells them, no other error
    assert [f.rule for f in result.findings if f.severity == "error"] == ["SKJ-LEVEL"]


def test_the_eselon_sample_imports_with_dashes_as_no_value(kamus):
    before = (kamus / "positions/DINKES/DINKES.KADIS.yaml").read_text("utf-8")
    spec = kadinkes(eselon="II b", kode_jabatan="")
    form = kamus.parent / "kadinkes.xlsx"
    skj_forms.anjab(form, spec)
    result = api.import_files(kamus, [form], format="skj-form", unit="DINKES")
    assert not result.failed, result.text()
    after = (kamus / "positions/DINKES/DINKES.KADIS.yaml").read_text("utf-8")
    assert "kode_jabatan" not in after and "jenjang: jpt_pratama" in after
    assert "  - {kode: T.KES.07, level: 3}" in after and "- Manajemen Pelayanan Kesehatan" not in before
    assert "fungsional" not in after.split("pelatihan:")[1].split("pengalaman:")[0]  # "3. Fungsional | -": none
    assert "IV/b - Pembina Tk.I" in after
    # the research sample with its ESELON row, as a new position of another unit: the eselon gives its
    # jenjang (no SKJ-ESELON); its one error is its own NULL level row
    sample = api.import_files(kamus, [SAMPLES / "skj_anjab_struktural_eselon_variant.xlsx"], format="skj-form",
                              unit="RUJUKAN", dry_run=True)
    errors = [f for f in sample.findings if f.severity == "error"]
    assert [(f.rule, sample.place(f)) for f in errors] == [
        ("SKJ-LEVEL", "[skj_anjab_struktural_eselon_variant.xlsx]SKJ!C27")], sample.text()


@pytest.mark.parametrize("field, value", [("kode_jabatan", "-"), ("kode_jabatan", "–"), ("kode_jabatan", "—"),
                                          ("kode_jabatan", "<p>-<br></p>"), ("urusan", "-"), ("urusan", "")])
def test_a_dash_means_no_value_in_every_field(kamus, field, value):
    form = kamus.parent / "baru.xlsx"
    skj_forms.anjab(form, kadinkes(nama="Kepala Bidang Sumber Daya Kesehatan", eselon="III.a", **{field: value}))
    result = api.import_files(kamus, [form], format="skj-form", unit="DINKES")
    assert not result.failed, result.text()
    text = (kamus / "positions/DINKES/DINKES.KEPALA_BIDANG_SUMBER_DAYA_KESEHATAN.yaml").read_text("utf-8")
    assert f"\n{field}:" not in text and "jenjang: administrator" in text


def test_the_kode_jabatan_of_the_form_is_written_when_it_has_one(kamus):
    form = kamus.parent / "baru.xlsx"
    skj_forms.anjab(form, kadinkes(nama="Kepala Bidang Sumber Daya Kesehatan", eselon="III.a", kode_jabatan="1.02.03"))
    assert not api.import_files(kamus, [form], format="skj-form", unit="DINKES").failed
    text = (kamus / "positions/DINKES/DINKES.KEPALA_BIDANG_SUMBER_DAYA_KESEHATAN.yaml").read_text("utf-8")
    assert 'kode_jabatan: "1.02.03"' in text or "kode_jabatan: 1.02.03" in text


@pytest.mark.parametrize("kelompok, eselon, jenjang", [
    ("STRUKTURAL", "II.a", "jpt_pratama"), ("STRUKTURAL", "II a", "jpt_pratama"), ("STRUKTURAL", "II.A", "jpt_pratama"),
    ("STRUKTURAL", "IIA", "jpt_pratama"), ("STRUKTURAL", "2A", "jpt_pratama"), ("STRUKTURAL", "Eselon II.b", "jpt_pratama"),
    ("STRUKTURAL", "21", "jpt_pratama"), ("STRUKTURAL", "III b", "administrator"), ("STRUKTURAL", "31", "administrator"),
    ("Jabatan Struktural", "IV.a", "pengawas"), ("STRUKTURAL", "IV b", "pengawas"), ("STRUKTURAL", "I.b", "jpt_madya"),
    ("STRUKTURAL (Eselon III.a)", None, "administrator"), ("Jabatan Struktural Eselon IV.b", None, "pengawas"),
    ("STRUKTURAL (II.b)", None, "jpt_pratama"),
])
def test_struktural_with_an_eselon_gives_the_jenjang(kamus, kelompok, eselon, jenjang):
    spec = kadinkes(nama="Kepala Bidang Sumber Daya Kesehatan", kelompok=kelompok)
    if eselon is not None:
        spec["eselon"] = eselon
    form = kamus.parent / "baru.xlsx"
    skj_forms.anjab(form, spec)
    result = api.import_files(kamus, [form], format="skj-form", unit="DINKES", dry_run=True)
    assert [f for f in result.findings if f.severity == "error"] == [], result.text()
    written = result.plan.writes["positions/DINKES/DINKES.KEPALA_BIDANG_SUMBER_DAYA_KESEHATAN.yaml"].decode("utf-8")
    assert f"jenjang: {jenjang}\n" in written


@pytest.mark.parametrize("kelompok, eselon, cell, words", [
    ("STRUKTURAL", None, "D4", "tidak menyebut jenjang"), ("Jabatan Struktural", None, "D4", "tidak menyebut jenjang"),
    ("STRUKTURAL", "I.a", "D5", "JPT utama maupun JPT madya"), ("STRUKTURAL", "V a", "D5", "eselon V tidak punya"),
    ("STRUKTURAL", "Eselon X", "D5", "eselon `Eselon X` tidak dikenal"),
])
def test_a_new_position_without_a_jenjang_asks_for_it_in_the_words_of_the_form(kamus, kelompok, eselon, cell, words):
    spec = kadinkes(nama="Kepala Bidang Sumber Daya Kesehatan", kelompok=kelompok)
    if eselon is not None:
        spec["eselon"] = eselon
    form = kamus.parent / "baru.xlsx"
    skj_forms.anjab(form, spec)
    result = api.import_files(kamus, [form], format="skj-form", unit="DINKES")
    assert result.failed and status(kamus) == ""
    found = [f for f in result.findings if f.rule == "SKJ-ESELON"]
    assert len(found) == 1 and result.place(found[0]) == f"[baru.xlsx]SKJ!{cell}" and words in found[0].message
    assert "Kelompok Jabatan" in found[0].hint and "jenjang:" not in found[0].hint and ".yaml" not in found[0].hint
    assert [f.rule for f in result.findings if f.severity == "error"] == ["SKJ-ESELON"]


def test_an_existing_position_keeps_its_jenjang_when_the_form_says_only_struktural(kamus):
    form = kamus.parent / "kadinkes.xlsx"
    skj_forms.anjab(form, kadinkes())
    result = api.import_files(kamus, [form], format="skj-form", unit="DINKES")
    assert not result.failed, result.text()
    assert "jenjang: jpt_pratama" in (kamus / "positions/DINKES/DINKES.KADIS.yaml").read_text("utf-8")
    assert not [f for f in result.findings if f.rule == "SKJ-ESELON"]


def test_findings_of_the_kamus_rules_on_a_new_position_speak_of_the_form(kamus):
    """A rule of the kamus (a level below the standard, a missing mandatory competency) on a new
    position is placed on the form's cell, with a hint about the form and no file that does not exist."""
    spec = kadinkes(nama="Kepala Bidang Sumber Daya Kesehatan", eselon="III.a")
    spec["kompetensi"]["KOMPETENSI MANAJERIAL"] = [(name, 2 if name == "Integritas" else 3) for name in MANAJERIAL[:7]]
    form = kamus.parent / "baru.xlsx"
    skj_forms.anjab(form, spec)
    result = api.import_files(kamus, [form], format="skj-form", unit="DINKES")
    rules = {f.rule: f for f in result.findings}
    assert {"LEVEL-BELOW-STANDARD", "KOMPETENSI-WAJIB-MISSING"} <= set(rules), result.text()
    below = rules["LEVEL-BELOW-STANDARD"]
    assert result.place(below) == "[baru.xlsx]SKJ!C15" and "kolom Level formulir" in below.hint
    assert "positions/" not in below.message and "kamus.yaml" not in below.hint
    missing = rules["KOMPETENSI-WAJIB-MISSING"]
    assert "tabel II. Standar Kompetensi" in missing.hint and "{kode:" not in missing.hint


def test_a_new_position_needs_an_ikhtisar_in_the_form(kamus):
    form = kamus.parent / "baru.xlsx"
    skj_forms.anjab(form, kadinkes(nama="Kepala Bidang Sumber Daya Kesehatan", eselon="III.a", ikhtisar="-"))
    result = api.import_files(kamus, [form], format="skj-form", unit="DINKES")
    assert result.failed
    found = [f for f in result.findings if f.severity == "error"]
    assert [f.rule for f in found] == ["SKJ-FORM"] and "Ikhtisar Jabatan" in found[0].message
    assert result.place(found[0]) == "[baru.xlsx]SKJ!C11"


def test_the_eselon_table():
    assert read_eselon("II b").jenjang == "jpt_pratama" and read_eselon("II b").name == "II.b"
    assert read_eselon("10").jenjang == "jpt_utama" and read_eselon("11").jenjang == "jpt_madya"
    assert read_eselon("I.a").jenjang is None and read_eselon("52").jenjang is None
    assert read_eselon("99") is None and read_eselon("Pratama") is None and read_eselon("") is None
    assert find_eselon("STRUKTURAL") is None and find_eselon("Struktural eselon 3B").name == "III.b"


def test_group_rows_are_known_by_their_words_and_a_lone_name_is_a_null_row(kamus, tmp_path):
    """Without merged cells: a row naming a kind of competency (also one of kamus.yaml, or with its
    abbreviation) is a group row; any other row with a name alone is a competency without a level."""
    import openpyxl

    config = kamus / "kamus.yaml"
    config.write_text(config.read_text("utf-8") + "jenis_kompetensi:\n  - {kode: literasi_digital, nama: "
                      "Kompetensi Literasi Digital}\n", "utf-8")
    git(kamus, "commit", "-qam", "literasi digital")
    book = openpyxl.Workbook()
    ws = book.active
    rows = [["Nama Jabatan", ":", "Kepala Dinas Kesehatan"], ["Kelompok Jabatan", ":", "Jabatan Pimpinan Tinggi Pratama"],
            [], ["Kompetensi", "Level", "Deskripsi", "Indikator"], ["A. Kompetensi Manajerial (M)"]]
    rows += [[name, 4, "D.", "I."] for name in MANAJERIAL]
    rows += [["Kompetensi Sosio Kultural"], ["Perekat Bangsa", 4, "D.", "I."], ["C. Teknis:"],
             ["Advokasi Kebijakan Kesehatan", 4, "D.", "I."], ["Manajemen Fasilitas Pelayanan Kesehatan"],
             ["D. Literasi Digital"]]
    for row in rows:
        ws.append(row)
    form = tmp_path / "tanpa-gabungan.xlsx"
    book.save(form)
    result = api.import_files(kamus, [form], format="skj-form", unit="DINKES", dry_run=True)
    errors = [(f.rule, result.place(f)) for f in result.findings if f.severity == "error"]
    assert errors == [("SKJ-LEVEL", "[tanpa-gabungan.xlsx]Sheet!B18")], result.text()
