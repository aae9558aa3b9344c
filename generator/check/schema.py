"""Stage 2a: validate each document against its JSON Schema (draft 2020-12).

The schemas in ``schemas/`` are the contract; :mod:`jsonschema` is the reference
validator and produces every finding. For speed, a compiled validator
(:mod:`fastjsonschema`) answers first whether a document is valid at all; only the
documents it rejects go through :mod:`jsonschema` to list their problems. Tests run
both over every example file and require the same verdicts.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path

import fastjsonschema

from ..resources import resource
from .schema_messages import translate

SCHEMA_DIR = resource("schemas")
KINDS = ("competency", "position", "unit", "config", "development")


class SchemaSet:
    """The schemas of a kamus, with a fast and a reference validator for each."""

    def __init__(self, directory: Path = SCHEMA_DIR):
        self.directory = Path(directory)
        self.schemas = {kind: json.loads((self.directory / f"{kind}.schema.json").read_text("utf-8"))
                        for kind in KINDS}

    @cached_property
    def reference(self) -> dict:
        import jsonschema  # ~0.1 s to load, needed only when a document is invalid

        return {kind: jsonschema.Draft202012Validator(schema) for kind, schema in self.schemas.items()}

    @cached_property
    def fast(self) -> dict:
        # A verdict is all it gives (jsonschema lists the problems): without the detailed
        # exceptions its generated code is a third the size and compiles in a third the time.
        return {kind: fastjsonschema.compile(schema, detailed_exceptions=False)
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
        if self.is_valid_fast(kind, doc.data):
            return []
        findings = []
        for error in self.errors(kind, doc.data):
            findings.extend(translate(error, doc))
        return findings


_DEFAULT: SchemaSet | None = None


def default_schemas() -> SchemaSet:
    """The schemas shipped with this tool, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = SchemaSet()
    return _DEFAULT
