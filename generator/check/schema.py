"""Stage 2a: validate each document against its JSON Schema (draft 2020-12).

The schemas in ``schemas/`` are the contract; :mod:`jsonschema` is the reference
validator and produces every finding. For speed, a compiled validator
(:mod:`fastjsonschema`) answers first whether a document is valid at all; only the
documents it rejects go through :mod:`jsonschema` to list their problems. Tests run
both over every example file and require the same verdicts.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from pathlib import Path

import fastjsonschema

from ..kinds import KINDS
from ..load import Document
from ..load.renamed import old_keys
from ..resources import resource
from ..rules import finding
from .accepted import accepted
from .schema_messages import translate

SCHEMA_DIR = resource("schemas")


class SchemaSet:
    """The schemas of a kamus, with a fast and a reference validator for each."""

    def __init__(self, directory: Path = SCHEMA_DIR):
        self.directory = Path(directory)
        self.schemas = {kind.schema: json.loads((self.directory / f"{kind.schema}.schema.json").read_text("utf-8"))
                        for kind in KINDS}

    @cached_property
    def reference(self) -> dict:
        import jsonschema  # ~0.1 s to load, needed only when a document is invalid

        return {kind: jsonschema.Draft202012Validator(schema) for kind, schema in self.schemas.items()}

    @cached_property
    def fast(self) -> dict:
        # A verdict is all it gives (jsonschema lists the problems): without the detailed
        # exceptions its generated code is a third the size and compiles in a third the time.
        # It must not write the schema's defaults into the data it checks (its default does):
        # an import would then write `strategis: false` into every file it touches.
        return {kind: fastjsonschema.compile(schema, detailed_exceptions=False, use_default=False)
                for kind, schema in self.schemas.items()}

    def is_valid_fast(self, kind: str, data) -> bool:
        try:
            self.fast[kind](data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    def errors(self, kind: str, data) -> list:
        """Every ``jsonschema`` error of ``data`` (the reference verdict)."""
        return list(self.reference[kind].iter_errors(data))

    def check(self, kind: str, doc) -> list:
        """Findings for one document; empty when the document is valid."""
        return self.review(kind, doc)[0]

    def review(self, kind: str, doc) -> tuple[list, Document]:
        """(findings, what the rules read of ``doc``): ``doc`` itself when it is valid, else the
        copy without the values its schema rejected (:mod:`generator.check.accepted`)."""
        if self.is_valid_fast(kind, doc.data):
            return [], doc
        errors = self.errors(kind, doc.data)
        findings = [found for error in errors for found in translate(error, doc, self.schemas[kind])]
        return findings, accepted(doc, errors)


def check_renamed(kind: str, doc) -> list:
    """SCHEMA-RENAMED, SCHEMA-RENAMED-BOTH: a key under its old name (:mod:`generator.load.renamed`)."""
    found = []
    for old, new in old_keys(doc.data, kind):
        where = doc.where((old,), key=True)
        if new in doc.data:
            found.append(finding("SCHEMA-RENAMED-BOTH", doc.path, *where,
                                 f"kolom `{old}` dan `{new}` ditulis sekaligus; `{old}` adalah nama lama `{new}`",
                                 f"Hapus baris `{old}:` dan sisakan `{new}:`."))
        else:
            found.append(finding("SCHEMA-RENAMED", doc.path, *where,
                                 f"kolom `{old}` sekarang bernama `{new}`; ganti namanya",
                                 f"Tulis `{new}:` di tempat `{old}:`. Nama lama masih dibaca sampai versi Kamus "
                                 "berikutnya."))
    return found


_QUOTED_IN_TEXT = re.compile(r"`([^`]*)`|\"([^\"]*)\"")


def schema_words(schema) -> frozenset[str]:
    """Every word a message about a file of this schema may quote that is the schema's own, not
    the file's: property names, choices, patterns, examples, and what its titles and descriptions
    quote (see :mod:`generator.check.quotable`)."""
    words: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            words.update(node.get("properties", {}))
            for key in ("enum", "examples"):
                words.update(str(v) for v in node.get(key, ()))
            if isinstance(node.get("pattern"), str):
                words.add(node["pattern"])
            for key in ("title", "description"):
                for quoted in _QUOTED_IN_TEXT.finditer(node.get(key, "") if isinstance(node.get(key), str) else ""):
                    words.add(quoted.group(1) if quoted.group(1) is not None else quoted.group(2))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return frozenset(words)


def required_fields(schema: dict) -> set[str]:
    """The fields a document must have: `required`, and those required unless their old name
    is given (the schema's `else`, see :mod:`generator.load.renamed`)."""
    return set(schema.get("required", ())) | set(schema.get("else", {}).get("required", ()))


_DEFAULT: SchemaSet | None = None


def default_schemas() -> SchemaSet:
    """The schemas shipped with this tool, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = SchemaSet()
    return _DEFAULT
