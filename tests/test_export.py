"""`kamus export`: open data as documented JSON and as 1EdTech CASE, and both on the site."""

from __future__ import annotations

import json
import shutil
import uuid

import jsonschema
import pytest

from conftest import REPO, build_versions_repo
from generator.cli import main
from generator.export import EXPORTERS
from generator.project import Project
from test_schema import walk_schema

SCHEMA = json.loads((REPO / "schemas/kamus-data.schema.json").read_text("utf-8"))


def export(root, fmt, target, *extra) -> dict:
    assert main(["export", "--root", str(root), "--format", fmt, "--output", str(target), *extra]) == 0
    return json.loads(target.read_text("utf-8"))


def test_the_data_schema_is_valid_documented_and_closed():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    for where, sub in walk_schema(SCHEMA):
        assert sub.get("title") and sub.get("description"), where
        if "object" in (sub.get("type") if isinstance(sub.get("type"), list) else [sub.get("type")]):
            assert sub.get("additionalProperties") is False, where


def test_json_export_of_the_demo_validates_and_holds_everything(tmp_path):
    data = export(REPO, "json", tmp_path / "kamus.json")
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    project = Project.open(REPO)
    kamus = project.require_valid()
    assert [c["kode"] for c in data["kompetensi"]] == sorted(kamus.competencies, key=lambda k: [
        int(p) if p.isdigit() else p.lower() for p in __import__("re").split(r"(\d+)", k)])
    assert {p["kode"] for p in data["jabatan"]} == set(kamus.positions)
    assert {u["kode"] for u in data["unit"]} == set(kamus.units)
    kadis = next(p for p in data["jabatan"] if p["kode"] == "DISKOMINFO.KADIS")
    assert kadis["kelompok_jabatan"] == "Jabatan Pimpinan Tinggi (JPT Pratama)" and kadis["kode_jabatan"] is None
    assert kadis["persyaratan"]["pendidikan"][0]["jenjang"]
    assert data["versi"]["label"] == "Peraturan Bupati Contoh Nomor 12 Tahun 2024" and data["versi"]["tahun"] == 2024
    m1 = next(c for c in data["kompetensi"] if c["kode"] == "M.1")
    assert m1["level"][0]["indikator"][0] == "Bertingkah laku sesuai dengan perkataan; berkata sesuai dengan fakta;"
    assert export(REPO, "json", tmp_path / "again.json") == data
    assert (tmp_path / "kamus.json").read_bytes() == (tmp_path / "again.json").read_bytes()


def test_json_export_of_a_tag_names_its_commit(tmp_path):
    repo = build_versions_repo(tmp_path / "repo")
    data = export(repo, "json", tmp_path / "k.json", "--versi", "kamus-2023")
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["versi"]["ref"] == "kamus-2023" and len(data["versi"]["commit"]) == 40
    assert next(c for c in data["kompetensi"] if c["kode"] == "T.A")["nama"] == "Penganggaran"


def case_ids(package) -> dict:
    return {item["humanCodingScheme"]: item["identifier"] for item in package["CFItems"]}


def test_case_package_structure(tmp_path):
    package = export(REPO, "case", tmp_path / "case.json")
    kamus = Project.open(REPO).require_valid()
    document = package["CFDocument"]
    for field in ("identifier", "uri", "creator", "title", "lastChangeDateTime"):
        assert document[field], field
    assert document["version"] == "Peraturan Bupati Contoh Nomor 12 Tahun 2024" and document["adoptionStatus"] == "Adopted"
    items = {item["identifier"]: item for item in package["CFItems"]}
    levels = sum(len(c.level) for c in kamus.competencies.values())
    assert len(items) == len(kamus.competencies) + levels
    for item in items.values():
        assert uuid.UUID(item["identifier"]).version == 5
        assert item["fullStatement"] and item["CFDocumentURI"]["identifier"] == document["identifier"]
    m1 = items[case_ids(package)["M.1"]]
    assert m1["abbreviatedStatement"] == "Integritas" and m1["CFItemType"] == "Kompetensi Manajerial"
    assert m1["fullStatement"].startswith("Konsisten berperilaku selaras")
    level = items[case_ids(package)["M.1/3"]]
    assert level["notes"].startswith("1. Memastikan anggota yang dipimpin")
    associations = package["CFAssociations"]
    assert len(associations) == len(items) and {a["associationType"] for a in associations} == {"isChildOf"}
    parents = {a["originNodeURI"]["identifier"]: a["destinationNodeURI"]["identifier"] for a in associations}
    assert parents[m1["identifier"]] == document["identifier"]
    assert parents[level["identifier"]] == m1["identifier"]
    types = {t["title"] for t in package["CFDefinitions"]["CFItemTypes"]}
    assert {"Kompetensi Manajerial", "Kompetensi Teknis", "Level Kompetensi"} <= types


def test_case_identifiers_stay_when_text_and_name_change(minimal_root, tmp_path):
    before = case_ids(export(minimal_root, "case", tmp_path / "a.json"))
    path = minimal_root / "competencies/teknis/T.A.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("nama: Penganggaran", "nama: Penganggaran dan Perbendaharaan Daerah"), "utf-8")
    after_package = export(minimal_root, "case", tmp_path / "b.json")
    assert case_ids(after_package) == before
    item = next(i for i in after_package["CFItems"] if i["humanCodingScheme"] == "T.A")
    assert item["abbreviatedStatement"] == "Penganggaran dan Perbendaharaan Daerah"
    # Another instansi never shares an identifier.
    other = tmp_path / "other"
    shutil.copytree(minimal_root, other)
    (other / "kamus.yaml").write_text("instansi: {nama: Pemerintah Kabupaten Lain}\n", "utf-8")
    assert set(case_ids(export(other, "case", tmp_path / "c.json")).values()).isdisjoint(before.values())


def test_case_identifiers_are_stable_across_versions(tmp_path):
    repo = build_versions_repo(tmp_path / "repo")
    old = case_ids(export(repo, "case", tmp_path / "2023.json", "--versi", "kamus-2023"))
    new = case_ids(export(repo, "case", tmp_path / "2025.json", "--versi", "kamus-2025"))
    assert {k: old[k] for k in old if k in new} == {k: new[k] for k in old if k in new}
    assert "T.A" in old and "T.A" in new


def test_export_refuses_wrong_suffix_and_data_folders(tmp_path, capsys):
    assert main(["export", "--root", str(REPO), "--format", "json", "--output", str(tmp_path / "k.csv")]) == 2
    assert ".json" in capsys.readouterr().err
    assert main(["export", "--root", str(REPO), "--format", "case",
                 "--output", str(REPO / "competencies" / "case.json")]) == 2
    assert not (REPO / "competencies" / "case.json").exists()


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_every_exporter_is_documented(name):
    from generator.docgen import commands

    parser = commands()["export"]
    assert name in parser.description
