"""generator/kinds.py: the kinds of data, written down once, and read the same way everywhere."""

from __future__ import annotations

import pytest

from conftest import REPO
from generator.check.schema import SCHEMA_DIR, SchemaSet
from generator.kinds import ENTRIES, KINDS, SCHEMAS, kind_of
from generator.load import discover, open_source


@pytest.mark.parametrize("path, name", [
    ("kamus.yaml", "config"), ("competencies/teknis/T.A.yaml", "competency"), ("positions/BKD/_unit.yaml", "unit"),
    ("positions/BKD/BKD.KABAN.yaml", "position"), ("development/PK.01.yaml", "development"),
    ("positions/_unit.yaml", None), ("competencies/T.A.yaml", None), ("development/x/PK.01.yaml", None),
    ("snapshots/2025.csv", None), ("README.md", None)])
def test_a_file_is_known_by_its_place(path, name):
    assert (kind_of(path).name if kind_of(path) else None) == name


@pytest.mark.parametrize("objek, kode, folder", [("kompetensi", "T.A", "teknis"), ("unit", "BKD", "BKD"),
                                                 ("jabatan", "BKD.KABAN", "BKD")])
def test_an_entry_is_written_where_it_is_found(objek, kode, folder):
    path = ENTRIES[objek].path(kode, folder)
    assert kind_of(path) is ENTRIES[objek] and kode in path and folder in path


def test_every_kind_has_its_schema_and_discovery_lists_the_demo_by_kind():
    assert all((SCHEMA_DIR / f"{name}.schema.json").is_file() for name in SCHEMAS)
    assert set(SchemaSet().schemas) == {kind.schema for kind in KINDS}
    sources = discover(open_source(REPO))
    for kind in KINDS:
        files = sources.of(kind)
        assert files and all(kind_of(f.path) is kind for f in files), kind.name
    assert sources.all() == [f for kind in KINDS for f in sources.of(kind)]
