"""Golden cases: each folder under tests/cases/ breaks the minimal kamus one way.

A case folder holds ``files/`` (laid over tests/fixtures/minimal), optionally
``remove.txt`` (paths to delete) and ``args.txt`` (extra arguments for
``kamus validate``), and ``expected.txt``: the exact text report, whose last line says
LULUS or GAGAL and so fixes the exit code. To add a case, create the folder and run
``make golden``; then read the new expected.txt (`git diff`) before committing it.
"""

from __future__ import annotations

import ast
import re

import pytest

from conftest import REPO
from goldens import CASE_DIRS, case_report
from generator.rules import RULES


@pytest.mark.parametrize("case_dir", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_case(case_dir, tmp_path):
    code, out = case_report(case_dir, tmp_path)
    expected_file = case_dir / "expected.txt"
    assert expected_file.is_file(), f"{case_dir.name}: no expected.txt yet; run `make golden` and read it"
    expected = expected_file.read_text("utf-8")
    assert out == expected
    assert code == (1 if expected.splitlines()[-1].startswith("GAGAL") else 0)


def rules_in_goldens() -> set[str]:
    found = set()
    for case_dir in CASE_DIRS:
        text = (case_dir / "expected.txt").read_text("utf-8")
        found |= set(re.findall(r"^\S+:\d+:\d+: (\S+) ", text, flags=re.M))
    return found


# Rules that no shipped schema can trigger; covered by unit tests with their own schema.
COVERED_ELSEWHERE = {
    "SCHEMA-INVALID": "tests/test_schema.py::test_unmapped_keyword_falls_back",
    # `kamus import` reads workbooks and SKJ forms, not kamus folders: tested on real XLSX files
    "XLSX-FILE": "tests/test_workbook.py::test_structure_problems",
    "XLSX-SHEET": "tests/test_workbook.py::test_structure_problems",
    "XLSX-HEADER": "tests/test_workbook.py::test_structure_problems",
    "XLSX-VALUE": "tests/test_workbook.py::test_bad_values_give_every_finding_by_cell_and_write_nothing",
    "XLSX-DUPLICATE": "tests/test_workbook.py::test_bad_values_give_every_finding_by_cell_and_write_nothing",
    "XLSX-REFERENCE": "tests/test_workbook.py::test_bad_values_give_every_finding_by_cell_and_write_nothing",
    "XLSX-NUMBER": "tests/test_workbook.py::test_text_cells_that_excel_turned_into_numbers_are_flagged",
    "XLSX-CONFLICT": "tests/test_workbook.py::test_an_old_workbook_never_reverts_later_changes",
    "XLSX-NOT-REMOVED": "tests/test_workbook.py::test_new_rows_become_files_and_gone_rows_need_hapus",
    "XLSX-RENAMED": "tests/test_workbook.py::test_a_workbook_and_a_kamus_from_before_the_rename_of_jenis_jabatan_still_import",
    "SKJ-FORM": "tests/test_skj_form.py::test_a_new_position_needs_its_unit_and_jenjang",
    "SKJ-KOMPETENSI": "tests/test_skj_form.py::test_levels_are_never_guessed_and_unknown_competencies_are_named",
    "SKJ-NAMA": "tests/test_skj_form.py::test_application_layout_creates_a_new_position",
    "SKJ-LEVEL": "tests/test_skj_form.py::test_levels_are_never_guessed_and_unknown_competencies_are_named",
    "SKJ-TINGKAT": "tests/test_skj_form.py::test_ticking_two_columns_and_files_without_a_form",
    "SKJ-ESELON": "tests/test_skj_anjab.py::test_a_new_position_without_a_jenjang_asks_for_it_in_the_words_of_the_form",
    "SKJ-UNIT": "tests/test_import_trust.py::test_a_form_for_one_unit_never_rewrites_another_units_position",
    "SKJ-CONFLICT": "tests/test_import_trust.py::test_two_forms_for_one_new_position_are_a_conflict",
    # a journal lives in the git folder of a real repository, left by a real kill
    "IMPORT-UNFINISHED": "tests/test_import_journal.py::test_an_import_killed_while_moving_is_completed_by_the_next_command",
    # needs a git repository with a tag whose kamus.yaml says otherwise than the working tree's `riwayat`
    "RIWAYAT-VERSI": "tests/test_lampiran_header.py::test_validate_warns_when_a_tag_and_its_record_disagree",
}


def test_every_rule_has_a_golden_case():
    missing = set(RULES) - rules_in_goldens() - set(COVERED_ELSEWHERE)
    assert not missing, f"rules without a case under tests/cases/: {sorted(missing)}"


def _function(path: str, name: str) -> str:
    """The source of the top-level function ``name`` in ``path`` ('' when there is none)."""
    text = (REPO / path).read_text("utf-8")
    found = [node for node in ast.parse(text).body if isinstance(node, ast.FunctionDef) and node.name == name]
    return ast.get_source_segment(text, found[0]) if found else ""


@pytest.mark.parametrize("rule", sorted(COVERED_ELSEWHERE))
def test_rules_covered_elsewhere_exist_and_are_exercised_there(rule):
    path, name = COVERED_ELSEWHERE[rule].split("::")
    assert rule in RULES, f"{rule} is no rule of generator/rules.py"
    test = _function(path, name)
    assert test, f"{COVERED_ELSEWHERE[rule]} does not exist"
    assert rule in test and "pytest.mark.skip" not in test, f"{COVERED_ELSEWHERE[rule]} does not check {rule}"


def test_every_check_function_is_run():
    """A rule implemented in generator/check/ but not called from `check_rules` (or from another
    check) would never report anything: name it here rather than let its golden case fail silently."""
    check = REPO / "generator" / "check"
    defined, used = {}, set()
    for path in sorted(check.glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("check_") and path.name != "__init__.py":
                defined[node.name] = path.name
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                used.add(func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", ""))
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
                used.add(node.attr)  # a rule passed on without a call: `policy.check_teknis,`
    forgotten = {name: where for name, where in defined.items() if name not in used}
    assert not forgotten, f"call these from check_rules in generator/check/__init__.py: {forgotten}"
