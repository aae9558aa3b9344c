"""The synthetic benchmark corpus: deterministic and valid (so benchmarks measure real work)."""

from __future__ import annotations

from benchmarks.corpus import generate
from generator.api import validate


def snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def test_corpus_is_deterministic_and_valid(tmp_path):
    first = generate(tmp_path / "a", positions=60, units=4, competencies=40)
    second = generate(tmp_path / "b", positions=60, units=4, competencies=40)
    assert snapshot(first) == snapshot(second)
    report = validate(first)
    assert report.findings == [] and report.files_checked == 40 + 4 + 60
