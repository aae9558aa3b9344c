"""Imports write only what their source carries (issue 19): no key the file did not have, the
file's byte order mark and line endings kept, new files written like their neighbours."""

from __future__ import annotations

import shutil

import yaml

import skj_forms
from conftest import MINIMAL, git
from generator import api
from generator.edit.style import learn
from generator.load import load_text
from test_skj_form import statistik
from test_workbook import demo_repo, edited, find_row


def _set(workbook, sheet: str, kode_field: str, kode: str, **values) -> None:
    ws = workbook[sheet]
    header = [c.value for c in ws[1]]
    row = find_row(ws, **{kode_field: kode})
    for name, value in values.items():
        ws.cell(row, header.index(name) + 1, value)


def test_an_edit_adds_no_key_the_file_did_not_have(tmp_path):
    root = demo_repo(tmp_path / "kamus")
    book = tmp_path / "kamus.xlsx"
    api.export(root, "xlsx", book)
    position = root / "positions/BAPPEDA/BAPPEDA.KABID_PPEP.yaml"
    competency = root / "competencies/teknis/T.KES.01.yaml"
    competency.write_text(competency.read_text("utf-8").replace("status: berlaku\n", ""), "utf-8")
    git(root, "commit", "-qam", "no status")
    api.export(root, "xlsx", book)
    assert "strategis" not in position.read_text("utf-8")

    def change(workbook):
        # an edited row whose strategis cell says "tidak" (the default), a competency whose status cell
        # says "berlaku" (the default): neither key is written
        _set(workbook, "Jabatan", "kode", "BAPPEDA.KABID_PPEP", nama="Kepala Bidang Perencanaan", strategis="tidak")
        _set(workbook, "Kompetensi", "kode", "T.KES.01", nama="Surveilans Kesehatan", status="berlaku")

    result = api.import_files(root, [edited(book, tmp_path, change)])
    assert not result.failed, result.text()
    diff = git(root, "diff", "-U0")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert sorted(changed) == ["+nama: Kepala Bidang Perencanaan", "+nama: Surveilans Kesehatan",
                               "-nama: Kepala Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan",
                               "-nama: Surveilans Kesehatan Masyarakat"], diff

    def strategic(workbook):  # a real change still writes the key
        _set(workbook, "Jabatan", "kode", "BAPPEDA.KABID_PPEP", strategis="ya")

    git(root, "commit", "-qam", "renamed")
    api.export(root, "xlsx", book)
    assert not api.import_files(root, [edited(book, tmp_path, strategic, "ya.xlsx")]).failed
    assert "+strategis: true" in git(root, "diff", "-U0")


def test_an_edit_keeps_the_byte_order_mark_and_the_line_endings(tmp_path):
    root = demo_repo(tmp_path / "kamus")
    position = root / "positions/BAPPEDA/BAPPEDA.KABID_PPEP.yaml"
    original = position.read_bytes()
    windows = b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n")
    position.write_bytes(windows)
    git(root, "commit", "-qam", "saved on Windows")
    book = tmp_path / "kamus.xlsx"
    api.export(root, "xlsx", book)

    def change(workbook):
        _set(workbook, "Kebutuhan", "jabatan", "BAPPEDA.KABID_PPEP", level=4)  # the first row: M.1

    result = api.import_files(root, [edited(book, tmp_path, change)])
    assert not result.failed, result.text()
    written = position.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf") and written.count(b"\r\n") == written.count(b"\n")
    before, after = windows.split(b"\r\n"), written.split(b"\r\n")
    assert len(before) == len(after)
    assert [(a, b) for a, b in zip(before, after) if a != b] == [(b"  - {kode: M.1, level: 3}", b"  - {kode: M.1, level: 4}")]


def _restyle(path, data: dict) -> None:
    """A file as another Pemda's kamus writes it: every text double-quoted, lists not indented,
    block rows, four-space mappings, no schema comment, Windows line endings, a byte order mark."""
    text = yaml.dump(data, allow_unicode=True, sort_keys=False, default_style=None, indent=4, width=70,
                     default_flow_style=False)
    text = "\n".join(_quoted(line) for line in text.splitlines()) + "\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))


def _quoted(line: str) -> str:
    key, sep, value = line.partition(": ")
    if sep and value and not value.isdigit() and value not in ("true", "false") and not value.startswith(('"', "'")):
        return f'{key}: "{value}"'
    return line


def test_a_new_position_is_written_like_the_others_of_its_kamus(tmp_path):
    root = tmp_path / "kamus"
    shutil.copytree(MINIMAL, root)
    for path in root.glob("positions/*/*.yaml"):
        doc, _ = load_text(path.read_text("utf-8"), path.name)
        data = dict(doc.data)
        if path.name != "_unit.yaml":  # their own key order: urusan before nama, kompetensi last
            data = {"kode": data.pop("kode"), "urusan": "Umum", **data}
            data["kompetensi"] = data.pop("kompetensi")
        _restyle(path, data)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "kamus")
    assert api.validate(root).count("error") == 0
    style = learn([p.read_bytes() for p in root.glob("positions/UNIT_A/A.*.yaml")])
    assert (style.header, style.quote, style.newline, style.bom, style.indent) == (False, '"', "\r\n", True, 4)

    form = tmp_path / "baru.xlsx"
    spec = statistik(unit="Badan A", nama="Kepala Sub Bagian Umum", kelompok="Pengawas", urusan="Umum",
                     kompetensi={"Kompetensi Manajerial": [("M.1", "Integritas", 2)],
                                 "Kompetensi Sosial Kultural": [("SK.1", "Perekat Bangsa", 2)],
                                 "Kompetensi Teknis": [("T.A", "Penganggaran", 2)]})
    skj_forms.aplikasi(form, spec)
    result = api.import_files(root, [form], format="skj-form")
    assert not result.failed, result.text()
    created = next(root.glob("positions/UNIT_A/*KEPALA_SUB_BAGIAN_UMUM.yaml")).read_bytes()
    assert created.startswith(b"\xef\xbb\xbf") and created.count(b"\r\n") == created.count(b"\n")
    text = created.decode("utf-8-sig").replace("\r\n", "\n")
    assert not text.startswith("#")  # the others have no schema comment
    keys = [line.split(":")[0] for line in text.splitlines() if line and not line.startswith((" ", "-"))]
    assert keys[:3] == ["kode", "urusan", "nama"] and keys[-1] == "kompetensi", keys
    assert 'nama: "Kepala Sub Bagian Umum"' in text and "jenjang: \"pengawas\"" in text
    assert "\n-   kode: \"M.1\"\n    level: 2\n" in text  # block rows, lists not indented, four spaces
    assert "strategis" not in text
    doc, problems = load_text(text, "baru.yaml")
    assert not problems and doc.data["nama"] == "Kepala Sub Bagian Umum"


def test_learnt_style_of_the_demo():
    from conftest import REPO
    style = learn([p.read_bytes() for p in (REPO / "positions" / "DISKOMINFO").glob("DISKOMINFO.*.yaml")])
    assert style.header is True and style.quote == "" and style.newline == "\n" and not style.bom
    assert ("kompetensi",) in style.flow and style.offsets[("kompetensi",)] == 2
    assert style.offsets[("persyaratan", "pendidikan")] == 0
    assert 95 <= style.width <= 110  # the demo folds long text near 100 columns
    assert style.order[()][:3] == ["kode", "nama", "jenjang"]
    assert not style.keeps("strategis")  # only the strategic posts write it



def test_a_file_written_fresh_keeps_its_own_style(tmp_path, monkeypatch):
    """When an in-place edit is impossible the file is written again: in its own style."""
    from generator.edit import apply as apply_module
    from generator.edit.yaml_text import document

    monkeypatch.setattr(apply_module, "patch", lambda text, data: (document(data), False))
    root = demo_repo(tmp_path / "kamus")
    book = tmp_path / "kamus.xlsx"
    api.export(root, "xlsx", book)

    def change(workbook):
        _set(workbook, "Kebutuhan", "jabatan", "BAPPEDA.KABID_PPEP", level=4)

    result = api.import_files(root, [edited(book, tmp_path, change)])
    assert not result.failed and result.plan.rewritten == ["positions/BAPPEDA/BAPPEDA.KABID_PPEP.yaml"]
    text = (root / "positions/BAPPEDA/BAPPEDA.KABID_PPEP.yaml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/position.schema.json\n")
    assert "\n  - {kode: M.1, level: 4}\n" in text and "\n  pendidikan:\n  - jenjang: S1\n" in text
