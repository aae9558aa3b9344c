"""Generated parts of the documentation: the rule table and the CLI reference.

The README holds blocks between ``<!-- BEGIN GENERATED: name -->`` and
``<!-- END GENERATED: name -->``; ``python -m generator.docgen README.md`` (``make docs``)
rewrites them, and a test fails when they are out of date or a command is missing.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .cli import build_parser
from .rules import markdown_table

_BLOCK = re.compile(r"(<!-- BEGIN GENERATED: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- END GENERATED: (?P=name) -->)",
                    re.S)


WIDTH = 88  # help text is wrapped to a fixed width so that the generated docs are stable


def commands() -> dict:
    """Subcommand name → its argparse parser (each command once, under its English name; its
    Indonesian alias is shown in the command list)."""
    parser = build_parser(WIDTH)
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    unique: dict = {}
    for name, sub in action.choices.items():
        if all(sub is not seen for seen in unique.values()):
            unique[name] = sub
    return unique


def _help(parser) -> str:
    return parser.format_help().rstrip()


def cli_reference() -> str:
    parts = ["```text\n$ kamus --help\n" + _help(build_parser(WIDTH)) + "\n```"]
    for name, parser in commands().items():
        parts.append(f"#### `kamus {name}`\n\n```text\n$ kamus {name} --help\n{_help(parser)}\n```")
    return "\n\n".join(parts)


GENERATORS = {"rules": markdown_table, "cli": cli_reference}


def render(text: str) -> str:
    """``text`` with every generated block brought up to date."""
    def replace(match):
        body = GENERATORS[match.group("name")]()
        return f"{match.group(1)}{body}\n{match.group(4)}"
    return _BLOCK.sub(replace, text)


def main(argv=None) -> int:
    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])]
    for path in paths:
        text = path.read_text("utf-8")
        updated = render(text)
        if updated != text:
            path.write_text(updated, "utf-8")
            print(f"diperbarui: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
