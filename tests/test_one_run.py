"""One run finds everything (issue 19): a property test on kamus folders with errors.

Each trial takes a kamus (a copy of the demo, or of the minimal fixture), gives some files
cross-file problems (an unknown competency code, a level below the standard, an unknown
atasan, a missing mandatory competency, …) and then breaks values in those and other files
the way the schema rejects (a level 7, an empty ikhtisar, `strategis: "ya"`, an unknown key,
a code with a space, a duplicate key, …), at places the cross-file problems do not touch.
Round 1 validates the broken kamus; round 2 validates it with exactly the schema errors fixed
(the values as they were). The property:

- round 2 shows no finding that round 1 did not show (one run finds everything);
- round 1 shows no cross-file finding that round 2 does not (no cascade of nonsense from the
  broken values: a value the schema rejected is not checked again by a rule).

Findings are compared by file, rule and the data path they point at (lines move when a key
is removed), so that fixing a value and re-reading cannot hide a difference.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import MINIMAL, REPO, copy_kamus
from generator.edit.apply import data_path
from generator.edit.yaml_text import patch
from generator.load import load_text
from generator.project import Project
from generator.rules import RULES

CROSS, SCHEMA = 4, 6  # problems per trial
SCHEMA_STAGES = {"berkas", "skema"}  # the loader's and the schema's own findings


# --- the mutations ---------------------------------------------------------------------------

@dataclass
class Edit:
    path: str  # the file, relative to the kamus root
    touched: tuple  # the data path it changes
    rule: str  # a finding of this rule is expected in the file (cross-file) or of this stage (schema)
    text: str = ""  # the new text of the file


@dataclass
class Files:
    root: Path
    texts: dict = field(default_factory=dict)  # path → text now

    def text(self, path: str) -> str:
        if path not in self.texts:
            self.texts[path] = (self.root / path).read_text("utf-8")
        return self.texts[path]

    def data(self, path: str) -> dict:
        doc, problems = load_text(self.text(path), path)
        assert doc is not None and not problems, problems
        return doc.data


def _rows(data, kinds: dict, wanted: set[str]) -> list[int]:
    return [i for i, row in enumerate(data.get("kompetensi", [])) if kinds.get(row["kode"]) in wanted]


def _kinds(files: Files, root: Path) -> dict:
    kinds = {}
    for path in sorted(root.glob("competencies/*/*.yaml")):
        kinds[path.stem] = path.parent.name
    return kinds


def cross_edits(files: Files, rng: random.Random, count: int) -> list[Edit]:
    """Cross-file problems: each a valid value that a rule reports."""
    root = files.root
    kinds = _kinds(files, root)
    positions = sorted(str(p.relative_to(root)) for p in root.glob("positions/*/*.yaml") if p.name != "_unit.yaml")
    units = sorted(str(p.relative_to(root)) for p in root.glob("positions/*/_unit.yaml"))
    teknis = sorted(str(p.relative_to(root)) for p in root.glob("competencies/teknis/*.yaml"))
    national = sorted(str(p.relative_to(root)) for p in root.glob("competencies/manajerial/*.yaml"))
    activities = sorted(str(p.relative_to(root)) for p in root.glob("development/*.yaml"))

    def unknown_code(path, data):
        rows = _rows(data, kinds, {"teknis"})
        if not rows:
            return None
        i = rng.choice(rows)
        data["kompetensi"][i]["kode"] = "T.TIDAK.ADA"
        return ("kompetensi", i, "kode"), "KOMPETENSI-UNKNOWN"

    def below_standard(path, data):
        rows = [i for i in _rows(data, kinds, {"manajerial"}) if data["kompetensi"][i]["level"] > 1]
        if not rows or data.get("jenjang", "").startswith("fungsional") or data.get("jenjang") == "pelaksana":
            return None
        i = rng.choice(rows)
        data["kompetensi"][i]["level"] = 1
        return ("kompetensi", i, "level"), "LEVEL-BELOW-STANDARD"

    def unknown_atasan(path, data):
        data["atasan"] = "TIDAK.ADA"
        return ("atasan",), "ATASAN-UNKNOWN"

    def missing_mandatory(path, data):
        rows = _rows(data, kinds, {"manajerial"})
        if not rows:
            return None
        del data["kompetensi"][rng.choice(rows)]
        return ("kompetensi",), "KOMPETENSI-WAJIB-MISSING"

    def repeated(path, data):
        data["kompetensi"].append(dict(data["kompetensi"][0]))
        return ("kompetensi",), "KOMPETENSI-REPEATED"

    def replaced_while_berlaku(path, data):
        data["diganti_oleh"] = ["T.TIDAK.ADA"]
        return ("diganti_oleh",), "DIGANTI-OLEH-UNKNOWN"

    def national_text(path, data):
        data["definisi"] = data["definisi"] + " Ditambah kalimat sendiri."
        return ("definisi",), "KOMPETENSI-NASIONAL-BEDA"

    def out_of_sequence(path, data):
        if len(data["level"]) < 2:
            return None
        data["level"][0]["level"], data["level"][1]["level"] = data["level"][1]["level"], data["level"][0]["level"]
        return ("level",), "LEVEL-SEQUENCE"

    def unknown_induk(path, data):
        data["induk"] = "TIDAK_ADA"
        return ("induk",), "UNIT-INDUK-UNKNOWN"

    def activity_unknown(path, data):
        data["kompetensi"][0]["kode"] = "T.TIDAK.ADA"
        return ("kompetensi", 0, "kode"), "KOMPETENSI-UNKNOWN"

    pool = [(positions, unknown_code), (positions, below_standard), (positions, unknown_atasan),
            (positions, missing_mandatory), (positions, repeated), (teknis, replaced_while_berlaku),
            (national, national_text), (teknis, out_of_sequence), (units, unknown_induk),
            (activities, activity_unknown)]
    return _apply(files, rng, pool, count, {})


def schema_edits(files: Files, rng: random.Random, count: int, taken: dict) -> list[Edit]:
    """Values the schema rejects (or the loader reports), away from the paths in ``taken``."""
    root = files.root
    positions = sorted(str(p.relative_to(root)) for p in root.glob("positions/*/*.yaml") if p.name != "_unit.yaml")
    units = sorted(str(p.relative_to(root)) for p in root.glob("positions/*/_unit.yaml"))
    competencies = sorted(str(p.relative_to(root)) for p in root.glob("competencies/*/*.yaml"))
    activities = sorted(str(p.relative_to(root)) for p in root.glob("development/*.yaml"))

    def row(data) -> int | None:
        rows = [i for i, r in enumerate(data["kompetensi"]) if isinstance(r, dict)]
        return rng.choice(rows) if rows else None

    def set_value(path_, value):
        def edit(path, data):
            node = data
            for step in path_[:-1]:
                node = node[step]
            node[path_[-1]] = value
            return path_, "skema"
        return edit

    def level_seven(path, data):
        i = row(data)
        if i is None:
            return None
        data["kompetensi"][i]["level"] = 7
        return ("kompetensi", i, "level"), "skema"

    def spaced_code(path, data):
        i = row(data)
        if i is None:
            return None
        data["kompetensi"][i]["kode"] = data["kompetensi"][i]["kode"].replace(".", " ")
        return ("kompetensi", i, "kode"), "skema"

    def row_as_text(path, data):
        i = row(data)
        if i is None:
            return None
        data["kompetensi"][i] = data["kompetensi"][i]["kode"]
        return ("kompetensi", i), "skema"

    def without(key):
        def edit(path, data):
            if key not in data:
                return None
            del data[key]
            return (key,), "skema"
        return edit

    def level_item(change):
        def edit(path, data):
            i = rng.randrange(len(data["level"]))
            return change(data["level"][i], i), "skema"
        return edit

    def no_deskripsi(item, i):
        item.pop("deskripsi", None)
        return ("level", i, "deskripsi")

    def no_indikator(item, i):
        item["indikator"] = []
        return ("level", i, "indikator")

    def level_as_text(item, i):
        item["level"] = str(item["level"])
        return ("level", i, "level")

    pool = [(positions, set_value(("strategis",), "ya")), (positions, set_value(("ikhtisar",), "")),
            (positions, set_value(("keterangan",), "tambahan")), (positions, level_seven),
            (positions, spaced_code), (positions, row_as_text), (positions, without("nama")),
            (positions, set_value(("urusan",), 5)),
            (competencies, set_value(("definisi",), "")), (competencies, level_item(no_deskripsi)),
            (competencies, level_item(no_indikator)), (competencies, level_item(level_as_text)),
            (competencies, set_value(("bidang",), 12)),
            (units, set_value(("nama",), "")), (units, set_value(("singkatan",), ["BA"])),
            (activities, set_value(("jp",), -5)), (activities, set_value(("penyelenggara",), ""))]
    if (root / "kamus.yaml").is_file():
        pool += [(["kamus.yaml"], set_value(("instansi", "alamat"), "Jl. Contoh"))]
    edits = _apply(files, rng, pool, count, taken)
    # the loader's findings too: a duplicate key (the first value is read) and an unquoted
    # value YAML 1.1 reads as something else (its text is read)
    for path in rng.sample(positions, 2):
        if any(path == e.path for e in edits) or path in taken:
            continue
        text = files.text(path)
        key = "catatan" if "\ncatatan:" not in "\n" + text else None
        if key:
            files.texts[path] = text + f"{key}: no\n"
            edits.append(Edit(path, (key,), "berkas", files.texts[path]))
    return edits


def _overlaps(a: tuple, b: tuple) -> bool:
    """Two changes touch the same value, or the same item of a list (a row's level is checked
    against the competency its kode names)."""
    def item(path):
        index = next((i for i, step in enumerate(path) if isinstance(step, int)), len(path) - 1)
        return path[:index + 1]
    a, b = item(a), item(b)
    return a[:len(b)] == b or b[:len(a)] == a


def _apply(files: Files, rng: random.Random, pool, count: int, taken: dict) -> list[Edit]:
    edits, tries = [], 0
    while len(edits) < count and tries < 200:
        tries += 1
        paths, mutate = rng.choice(pool)
        crossed = [path for path in paths if path in taken]  # mostly in files that have cross-file problems
        if not paths:
            continue
        path = rng.choice(crossed if crossed and rng.random() < 0.7 else paths)
        data = files.data(path)
        result = mutate(path, data)
        if result is None:
            continue
        touched, rule = result
        if any(_overlaps(touched, other) for other in taken.get(path, ())):
            continue
        text, _ = patch(files.text(path), data)
        files.texts[path] = text
        taken.setdefault(path, []).append(touched)
        edits.append(Edit(path, touched, rule, text))
    return edits


# --- comparing two rounds --------------------------------------------------------------------

def findings(root: Path) -> dict:
    """key → finding of one `kamus validate` run; the key names the file, the rule and the data
    path (or, outside YAML, the cell)."""
    project = Project.open(root)
    docs = {loaded.file.path: loaded.doc for loaded in project.documents.all() if loaded.doc is not None}
    out = {}
    for f in project.report.findings:
        doc = docs.get(f.path)
        where = data_path(doc, f.line, f.column) if doc is not None else (f.line, f.column)
        out[(f.path, f.rule, where)] = f
    return out


def write(root: Path, texts: dict) -> None:
    for path, text in texts.items():
        (root / path).write_text(text, "utf-8")


def one_trial(base: Path, work: Path, seed: int, cross: int, schema: int):
    rng = random.Random(seed)
    fixed_root, broken_root = copy_kamus(base, work / "fixed"), copy_kamus(base, work / "broken")
    files = Files(fixed_root)
    taken: dict = {}
    crossed = cross_edits(files, rng, cross)
    for edit in crossed:
        taken.setdefault(edit.path, []).append(edit.touched)
    fixed_texts = dict(files.texts)
    broken = schema_edits(files, rng, schema, taken)
    write(fixed_root, fixed_texts)
    write(broken_root, files.texts)
    return crossed, broken, findings(broken_root), findings(fixed_root)


def _cross(found: dict) -> dict:
    return {k: f for k, f in found.items() if RULES[f.rule].stage not in SCHEMA_STAGES}


def _show(keys, found) -> str:
    return "\n".join(f"{found[k].path}:{found[k].line}:{found[k].column}: {found[k].rule} {found[k].message}"
                     for k in sorted(keys, key=str))


@pytest.mark.parametrize("base, seed", [(REPO, s) for s in range(8)] + [(MINIMAL, s) for s in range(8)],
                         ids=[f"demo-{s}" for s in range(8)] + [f"minimal-{s}" for s in range(8)])
def test_one_run_finds_what_the_second_would(base, seed, tmp_path):
    crossed, broken, first, second = one_trial(base, tmp_path, seed, cross=CROSS, schema=SCHEMA)
    assert broken, "no schema error was injected"
    # every injected problem is reported in round 1, in its own file
    for edit in crossed:
        assert any(f.path == edit.path and f.rule == edit.rule for f in first.values()), (edit, _show(first, first))
    for edit in broken:
        assert any(f.path == edit.path and RULES[f.rule].stage == edit.rule for f in first.values()), edit
    # round 2 (schema errors fixed) adds nothing; round 1 holds no cross-file finding that goes away
    added = set(_cross(second)) - set(first)
    assert not added, "found only after fixing the schema errors:\n" + _show(added, second)
    nonsense = set(_cross(first)) - set(second)
    assert not nonsense, "cross-file findings caused by the schema errors:\n" + _show(nonsense, first)


def test_the_rules_see_files_with_schema_errors(tmp_path):
    """The report of the issue: an unknown code and a level below the standard were only found in
    a second round, behind a schema error in the same file."""
    root = copy_kamus(REPO, tmp_path / "kamus")
    path = root / "positions" / "BKPSDM" / "BKPSDM.KABAN.yaml"
    text = path.read_text("utf-8")
    text = re.sub(r"\{kode: M\.1, level: \d\}", "{kode: M.1, level: 1}", text)
    text = re.sub(r"\{kode: (T\.[A-Z]+\.\d+), level: (\d)\}", r"{kode: \1X, level: \2}", text, count=1)
    text = text.replace("\nikhtisar: ", "\nikhtisar: \n  # kosong\nikhtisar_lama: ", 1)
    path.write_text(text, "utf-8")
    rules = {f.rule for f in Project.open(root).report.findings if f.path.endswith("BKPSDM.KABAN.yaml")}
    assert {"SCHEMA-TYPE", "SCHEMA-UNKNOWN-FIELD", "LEVEL-BELOW-STANDARD", "KOMPETENSI-UNKNOWN"} <= rules, rules
