"""The JSON Schemas: well-formed, documented, and giving the same verdicts everywhere.

Our fast validator (fastjsonschema), the reference validator (jsonschema) and an
independent tool (check-jsonschema, which parses YAML itself) must accept and reject the
same files on schema grounds.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import CASES, MINIMAL, REPO
from generator.check.schema import SCHEMA_DIR, SchemaSet
from generator.kinds import KINDS as DATA_KINDS
from generator.load import load_file

CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def kind_of(path: Path) -> str | None:
    parts = path.parts
    if path.name == "kamus.yaml":
        return "config"
    if "development" in parts:
        return "development"
    if "keputusan" in parts:
        return "decision"
    if "competencies" in parts:
        return "competency"
    if "positions" in parts:
        return "unit" if path.name == "_unit.yaml" else "position"
    return None


def example_files() -> list[Path]:
    """Every data file of the demo, the fixtures and the golden cases."""
    found = []
    for base in [REPO, MINIMAL, *sorted(p / "files" for p in CASES.iterdir())]:
        for pattern in ("kamus.yaml", "competencies/**/*.yaml", "positions/**/*.yaml", "development/**/*.yaml",
                        "keputusan/*.yaml"):
            found.extend(p for p in sorted(base.glob(pattern)) if kind_of(p.relative_to(base)))
    return found


def loadable_examples():
    """(path, kind, document) for every example that loads with no YAML finding."""
    for path in example_files():
        doc, problems = load_file(path, path.name)
        if doc is not None and not problems:
            yield path, kind_of(path), doc


KINDS = [kind.schema for kind in DATA_KINDS]


def walk_schema(schema, where="$"):
    yield where, schema
    for name, sub in schema.get("properties", {}).items():
        yield from walk_schema(sub, f"{where}.{name}")
    if isinstance(schema.get("items"), dict):
        yield from walk_schema(schema["items"], f"{where}[]")


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_documented_and_closed(kind):
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"]
    for where, sub in walk_schema(schema):
        if where != "$" and not where.endswith("[]"):
            assert sub.get("title") and sub.get("description"), f"{kind} {where} needs title and description"
        if sub.get("type") == "object":
            assert sub.get("additionalProperties") is False, f"{kind} {where} must be closed"


def test_fast_and_reference_validators_agree():
    schemas = SchemaSet()
    checked = 0
    for path, kind, doc in loadable_examples():
        fast = schemas.is_valid_fast(kind, doc.data)
        reference = not schemas.errors(kind, doc.data)
        assert fast == reference, f"{path}: fast={fast} reference={reference}"
        checked += 1
    assert checked > 100


def test_check_jsonschema_gives_the_same_verdicts():
    schemas = SchemaSet()
    by_kind: dict[str, list] = {}
    for path, kind, doc in loadable_examples():
        by_kind.setdefault(kind, []).append((path, not schemas.errors(kind, doc.data)))
    for kind, items in by_kind.items():
        result = subprocess.run(
            [str(CHECK_JSONSCHEMA), "--schemafile", str(SCHEMA_DIR / f"{kind}.schema.json"),
             "-o", "json", *[str(p) for p, _ in items]],
            capture_output=True, text=True, check=False)
        report = json.loads(result.stdout)
        rejected = {Path(error["filename"]).resolve() for error in report["errors"]}
        for path, ours_valid in items:
            assert (path.resolve() not in rejected) == ours_valid, f"{kind}: verdicts differ on {path}"
    assert {"competency", "position", "unit", "config", "development", "decision"} <= set(by_kind)


def test_demo_data_passes_check_jsonschema():
    for kind, pattern in [("competency", "competencies/*/*.yaml"), ("position", "positions/*/[!_]*.yaml"),
                          ("unit", "positions/*/_unit.yaml"), ("config", "kamus.yaml"),
                          ("development", "development/*.yaml"), ("decision", "keputusan/*.yaml")]:
        files = [str(p) for p in sorted(REPO.glob(pattern))]
        assert files
        result = subprocess.run([str(CHECK_JSONSCHEMA), "--schemafile",
                                 str(SCHEMA_DIR / f"{kind}.schema.json"), *files],
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr


def test_unmapped_keyword_falls_back(tmp_path):
    for kind in KINDS:
        shutil.copy(SCHEMA_DIR / f"{kind}.schema.json", tmp_path)
    (tmp_path / "unit.schema.json").write_text(json.dumps({
        "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
        "properties": {"jumlah": {"multipleOf": 2}}}), "utf-8")
    doc, _ = load_file(MINIMAL / "positions/UNIT_A/_unit.yaml", "u.yaml")
    doc.data["jumlah"] = 3
    found = SchemaSet(tmp_path).check("unit", doc)
    assert [(f.rule, f.message) for f in found] == [
        ("SCHEMA-INVALID", "jumlah tidak sah menurut skema (aturan `multipleOf`)")]
