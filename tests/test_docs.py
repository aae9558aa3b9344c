"""The README's generated parts are current, and every command is documented."""

from __future__ import annotations

import argparse
import re

from conftest import REPO
from generator.skeleton import CI_FILES
from generator import docgen
from generator.rules import markdown_table

README = (REPO / "README.md").read_text("utf-8")


def block(name: str) -> str:
    match = re.search(rf"<!-- BEGIN GENERATED: {name} -->\n(.*?)<!-- END GENERATED: {name} -->", README, re.S)
    assert match, f"README has no generated block {name!r}"
    return match.group(1)


def squash(text: str) -> str:
    return " ".join(text.split())


def test_rule_table_is_current():
    assert block("rules").strip() == markdown_table().strip(), "run `make docs`"


def test_every_command_and_option_is_documented():
    # argparse wraps help text differently across Python versions, so compare words, not layout.
    documented = squash(block("cli"))
    for name, parser in docgen.commands().items():
        assert f"#### `kamus {name}`" in block("cli"), f"command {name!r} is not documented: run `make docs`"
        for action in parser._actions:
            for option in action.option_strings:
                assert option in documented, f"kamus {name} {option} is not documented"
            if action.help and action.help != argparse.SUPPRESS:
                assert squash(action.help) in documented, f"help of kamus {name} {action.dest} changed: run `make docs`"


def test_quick_start_is_exactly_two_commands():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.search(r"```sh\n(.*?)```", quick, re.S).group(1).split("\n")
    assert [c for c in commands if c.strip()] == ["make site", "make test"]


def test_every_tool_file_is_packaged_for_regular_installs():
    import glob
    import tomllib

    data_files = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["data-files"]
    patterns = [pattern for paths in data_files.values() for pattern in paths]
    matched = {REPO / path for pattern in patterns for path in glob.glob(pattern, root_dir=REPO)}  # as setuptools does
    assert all(path.is_file() for path in matched), "a data-files pattern matches a folder: list its files"
    listed = {path.relative_to(REPO).as_posix() for path in matched}
    shipped = {p.relative_to(REPO).as_posix() for folder in ("schemas", "site_templates", "reference", "skeleton", "fonts")
               for p in (REPO / folder).rglob("*") if p.is_file()} | {"mkdocs.yml", *CI_FILES}
    assert shipped == listed, "update [tool.setuptools.data-files] in pyproject.toml"


def test_ci_files_run_the_commands_the_readme_documents():
    import yaml

    commands = []
    for path in (REPO / ".github/workflows/kamus.yml", REPO / ".gitlab-ci.yml", REPO / ".pre-commit-hooks.yaml"):
        document = yaml.safe_load(path.read_text("utf-8"))  # valid YAML
        text = path.read_text("utf-8")
        commands += re.findall(r"kamus (?:validate|diff|build)[^\n|>]*", text)
        assert document
    assert len(commands) >= 7
    for command in commands:
        words = command.split()
        assert f"kamus {words[1]}" in README
        for word in words[2:]:
            if word.startswith("--"):
                assert word in README, f"{word} of `{command}` is not in the README"
    review = README.split("## Review through pull requests", 1)[1].split("\n## ", 1)[0]
    for needed in ("kamus validate --strict --format github", "--format markdown", "kamus build --output site",
                   ".pre-commit-hooks.yaml", "CODEOWNERS"):
        assert needed in review
