"""The YAML loader: what it accepts, what it rejects, and where it says so."""

from __future__ import annotations

import pytest

from generator.load import load_bytes, load_text
from generator.load.yaml_loader import MAX_BYTES


def rules_of(text: str) -> list[str]:
    _, found = load_text(text, "x.yaml")
    return [f.rule for f in found]


def test_plain_document_keeps_positions():
    doc, found = load_text("kode: M.1\nlevel:\n  - level: 1\n    indikator: [a, b]\n", "x.yaml")
    assert found == []
    assert doc.data == {"kode": "M.1", "level": [{"level": 1, "indikator": ["a", "b"]}]}
    assert doc.where(("kode",)) == (1, 7)
    assert doc.where(("level", 0, "indikator", 1)) == (4, 20)
    assert doc.where(("level",), key=True) == (2, 1)
    assert doc.where(("level", 0, "missing")) == (3, 5)  # nearest parent


@pytest.mark.parametrize("text, rule", [
    ("a: 1\na: 2\n", "YAML-DUPLICATE-KEY"),
    ("a: &x 1\n", "YAML-ANCHOR"),
    ("a: &x [1]\nb: *x\n", "YAML-ANCHOR"),
    ("base: {c: 1}\nd:\n  <<: {c: 2}\n", "YAML-ANCHOR"),
    ("kode: 010\n", "YAML-AMBIGUOUS"),
    ("kode: 0x1F\n", "YAML-AMBIGUOUS"),
    ("kode: 0b101\n", "YAML-AMBIGUOUS"),
    ("waktu: 1:20\n", "YAML-AMBIGUOUS"),
    ("jumlah: 1_000\n", "YAML-AMBIGUOUS"),
    ("a: no\n", "YAML-AMBIGUOUS"),
    ("a: Yes\n", "YAML-AMBIGUOUS"),
    ("a: off\n", "YAML-AMBIGUOUS"),
    ("tanggal: 2024-01-01\n", "YAML-AMBIGUOUS"),
    ("a: .nan\n", "YAML-AMBIGUOUS"),
    ("a: 1e3\n", "YAML-AMBIGUOUS"),  # text in YAML 1.1, a number in YAML 1.2
    ("a: 0o17\n", "YAML-AMBIGUOUS"),  # likewise
    ("a: !!python/object/apply:os.system [echo]\n", "YAML-TAG"),
    ("a: !!binary aGVsbG8=\n", "YAML-TAG"),
    ("a: !!set {x: null}\n", "YAML-TAG"),
    ("a: !lokal teks\n", "YAML-TAG"),
    ("a: 1\n---\nb: 2\n", "YAML-MULTI-DOC"),
    ("", "YAML-EMPTY"),
    ("# komentar saja\n", "YAML-EMPTY"),
    ("a: [1, 2\n", "YAML-SYNTAX"),
    ("a:\n\tb: 1\n", "YAML-SYNTAX"),
    ("? [a, b]\n: c\n", "YAML-SYNTAX"),
    ("a: " + "[" * 80 + "]" * 80 + "\n", "YAML-TOO-LARGE"),
    ("a: " + "[" * 2000 + "]" * 2000 + "\n", "YAML-SYNTAX"),  # libyaml's own depth limit
])
def test_rejections(text, rule):
    assert rule in rules_of(text)


@pytest.mark.parametrize("text, value", [
    ("a: true\n", True), ("a: False\n", False), ("a: 12\n", 12), ("a: -3\n", -3),
    ("a: 3.5\n", 3.5), ("a: null\n", None), ("a: ~\n", None), ("a:\n", None),
    ("a: '010'\n", "010"), ("a: \"no\"\n", "no"), ("a: !!str 2024-01-01\n", "2024-01-01"),
    ("a: M.1\n", "M.1"), ("a: Pembina Tk. I (IV/b)\n", "Pembina Tk. I (IV/b)"),
])
def test_accepted_values(text, value):
    doc, found = load_text(text, "x.yaml")
    assert found == []
    assert doc.data == {"a": value}


def test_bom_is_accepted_and_positions_unchanged():
    doc, found = load_bytes(b"\xef\xbb\xbfkode: M.1\nnama: x\n", "x.yaml")
    assert found == [] and doc.data["kode"] == "M.1"
    assert doc.where(("nama",)) == (2, 7)


def test_invalid_utf8_names_line_and_column():
    _, found = load_bytes(b"a: 1\nb: caf\xe9\n", "x.yaml")
    assert [(f.rule, f.line, f.column) for f in found] == [("YAML-ENCODING", 2, 7)]


def test_utf16_is_rejected():
    _, found = load_bytes("a: 1\n".encode("utf-16"), "x.yaml")
    assert [f.rule for f in found] == ["YAML-ENCODING"]


def test_size_limit():
    _, found = load_bytes(b"a: " + b"x" * MAX_BYTES + b"\n", "x.yaml")
    assert [f.rule for f in found] == ["YAML-TOO-LARGE"]


def test_all_problems_of_a_file_at_once():
    _, found = load_text("a: no\nb: 010\na: 2\nc: &x 1\n", "x.yaml")
    assert sorted((f.line, f.rule) for f in found) == [
        (1, "YAML-AMBIGUOUS"), (2, "YAML-AMBIGUOUS"), (3, "YAML-DUPLICATE-KEY"), (4, "YAML-ANCHOR")]


def test_nothing_in_a_file_executes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = ('a: !!python/object/apply:os.system ["touch pwned"]\n'
            'b: !!python/object/new:subprocess.Popen [["touch", "pwned2"]]\n')
    _, found = load_text(text, "x.yaml")
    assert {f.rule for f in found} == {"YAML-TAG"}
    assert list(tmp_path.iterdir()) == []


def test_alias_bomb_is_rejected_without_expansion():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    _, found = load_text("\n".join(lines) + "\n", "x.yaml")
    assert found and {f.rule for f in found} == {"YAML-ANCHOR"}


def test_a_control_character_is_reported_where_it_is():
    _, found = load_text("a: éé\nb: 2\nc: x\x00y\n", "x.yaml")
    assert [(f.rule, f.line, f.column) for f in found] == [("YAML-SYNTAX", 3, 5)]
    assert "#x0000" in found[0].message


def test_an_unclosed_quote_is_reported_where_it_opens():
    _, found = load_text('kode: T.A\nnama: "Penganggaran\ndefinisi: x\nbidang: y\n', "x.yaml")
    assert [(f.rule, f.line, f.column) for f in found] == [("YAML-SYNTAX", 2, 7)]


def test_a_large_file_is_reported_with_its_real_size(tmp_path):
    from generator.load import FolderSource, load_source

    (tmp_path / "besar.yaml").write_bytes(b"a: " + b"x" * 50_000_000 + b"\n")
    _, found = load_source(FolderSource(tmp_path), "besar.yaml")
    assert [f.rule for f in found] == ["YAML-TOO-LARGE"]
    assert "50.000.004 byte" in found[0].message and "1.000.000 byte" in found[0].message


def test_a_number_keeps_how_it_was_written_for_the_hint(minimal_root):
    from generator.api import validate

    path = minimal_root / "competencies/teknis/T.B.yaml"
    path.write_text(path.read_text("utf-8").replace("kode: T.B", "kode: 1.10"), "utf-8")
    hints = [f.hint for f in validate(minimal_root).findings if f.rule == "SCHEMA-TYPE"]
    assert hints == ['Beri tanda kutip agar dibaca sebagai teks, misalnya "1.10".']
