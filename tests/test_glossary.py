"""The glossary in the README names every key users meet: every key of every JSON output, every
column of the talent CSV and workbooks, and every property of the JSON Schemas."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re

import pytest

from conftest import REPO, TESTS, build_case_root, build_versions_repo
from generator.cli import main

SCHEMAS = REPO / "schemas"
# Mappings whose keys are data (competency codes, kinds of change, values), not names of ours.
DATA_KEYED = {
    "talenta": {"orang[].gap", "suksesi[].kandidat[].kompetensi_kurang"},
    "diff": {"ringkasan", "perubahan[].lama", "perubahan[].baru", "dampak.jabatan_yang_mensyaratkan"},
}


def glossary() -> set[str]:
    """Every name written in `backticks` in the README's Glossary section."""
    text = (REPO / "README.md").read_text("utf-8")
    start = text.index("\n### Glossary\n")
    end = re.search(r"\n##+ ", text[start + 1:]).start() + start + 1
    return set(re.findall(r"`([^`\n]+)`", text[start:end]))


def keys(document, skip: set[str], path: str = "") -> dict[str, str]:
    """Every mapping key of a JSON document (key → the first path it was seen at)."""
    found: dict[str, str] = {}
    if isinstance(document, dict) and path not in skip:
        for key, value in document.items():
            here = f"{path}.{key}" if path else key
            found.setdefault(key, here)
            for name, where in keys(value, skip, here).items():
                found.setdefault(name, where)
    elif isinstance(document, list):
        for item in document:
            for name, where in keys(item, skip, f"{path}[]").items():
                found.setdefault(name, where)
    return found


def schema_properties(schema, where: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    if not isinstance(schema, dict):
        return found
    for name, sub in (schema.get("properties") or {}).items():
        found.setdefault(name, f"{where}.{name}")
        found.update({k: v for k, v in schema_properties(sub, f"{where}.{name}").items() if k not in found})
    for key in ("items", "additionalProperties", "if", "then", "else"):
        found.update({k: v for k, v in schema_properties(schema.get(key), where + f"<{key}>").items() if k not in found})
    return found


def run(*argv) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(list(argv))
    return out.getvalue()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, list]:
    """Every JSON output, on data that fills every part of it."""
    tmp = tmp_path_factory.mktemp("glossary")
    talenta = build_case_root(TESTS / "fixtures" / "talenta", tmp / "talenta")
    broken = build_case_root(TESTS / "cases" / "schema-required", tmp / "broken")
    repo = build_versions_repo(tmp / "repo")
    run("export", "--root", str(REPO), "--format", "json", "--output", str(tmp / "kamus.json"))
    run("export", "--root", str(REPO), "--format", "case", "--output", str(tmp / "case.json"))
    return {
        "talenta": [json.loads(run("talenta", "--root", str(root), "--format", "json")) for root in (REPO, talenta)],
        "validate": [json.loads(run("validate", "--root", str(root), "--format", "json")) for root in (REPO, broken)],
        "export": [json.loads((tmp / "kamus.json").read_text("utf-8"))],
        "case": [json.loads((tmp / "case.json").read_text("utf-8"))],
        "diff": [json.loads(run("diff", "kamus-2022", "kamus-2024", "--root", str(repo), "--format", "json"))],
        "cakupan": [json.loads(run("cakupan", "--root", str(root), "--format", "json")) for root in (REPO, talenta)],
    }


@pytest.mark.parametrize("output", ["talenta", "validate", "export", "case", "diff", "cakupan"])
def test_every_json_key_is_in_the_glossary(outputs, output):
    found: dict[str, str] = {}
    for document in outputs[output]:
        found.update({k: v for k, v in keys(document, DATA_KEYED.get(output, set())).items() if k not in found})
    assert len(found) > 8
    missing = {name: where for name, where in found.items() if name not in glossary()}
    assert not missing, f"keys of `{output}` not in the README glossary: {missing}"


def test_every_schema_property_is_in_the_glossary():
    missing = {}
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        for name, where in schema_properties(json.loads(path.read_text("utf-8"))).items():
            if name not in glossary():
                missing[name] = f"{path.name}:{where}"
    assert not missing, f"schema properties not in the README glossary: {missing}"


def test_every_talent_column_is_in_the_glossary(tmp_path):
    """The columns of the restricted report; `gap_<kode>` and `kotak_<periode>` stand for their family."""
    root = build_case_root(TESTS / "fixtures" / "talenta", tmp_path / "kamus")
    assert main(["talenta", "--root", str(root), "--output", str(tmp_path / "laporan")]) == 0
    columns: dict[str, str] = {}
    for path in sorted((tmp_path / "laporan").glob("*.csv")):
        if path.name.endswith("-kotak9.csv"):
            continue  # a drawing of the grid, not a table of named columns
        rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))
        header = rows[1]  # row 1 is the RAHASIA banner
        for name in header:
            name = re.sub(r"^gap_.+", "gap_<kode>", re.sub(r"^kotak_\d{4}.*", "kotak_<periode>", name))
            columns.setdefault(name, path.name)
    assert {"jabatan", "standar", "jabatan_sasaran", "nama_jabatan_sasaran", "jabatan_sekarang"} <= set(columns)
    missing = {name: where for name, where in columns.items() if name not in glossary()}
    assert not missing, f"talent columns not in the README glossary: {missing}"


def test_retired_names_are_gone(outputs):
    """`kode_jabatan` means only the official code, `syarat` lives only inside `persyaratan`,
    `jenis_jabatan` is `jenjang` (read for one version, never written)."""
    talent = set().union(*(keys(d, set()) for d in outputs["talenta"]))
    assert not {"kode_jabatan", "syarat"} & talent
    assert "jenis_jabatan" not in keys(outputs["export"][0], set())
    kinds = {change["jenis"] for change in outputs["diff"][0]["perubahan"]}
    assert {"standar-naik", "standar-turun", "standar-ditambah"} <= kinds
    assert not [kind for kind in kinds if kind.startswith("syarat-") or kind == "jabatan-jenis"]
