"""The data reference generated from the schemas, so the site documents its own data."""

from __future__ import annotations

from dataclasses import dataclass

from ..check.schema import required_fields
from ..check.schema_messages import span_text

_TYPE = {"string": "teks", "integer": "bilangan bulat", "number": "bilangan", "boolean": "true/false",
         "array": "daftar", "object": "pemetaan", "null": "null"}


@dataclass
class Field:
    path: str  # e.g. level[].indikator[]
    depth: int
    required: bool
    type: str
    title: str
    description: str
    rule: str  # enum choices, pattern, range


def _value(value) -> str:
    """A YAML value as written in kamus.yaml: true/false, null, or the text itself."""
    if value is None:
        return "null"
    return str(value).lower() if isinstance(value, bool) else str(value)


def _types(schema: dict) -> list[str]:
    kind = schema.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


def _constraint(schema: dict) -> str:
    if "enum" in schema:
        return "pilihan: " + ", ".join(map(_value, schema["enum"]))
    parts = []
    if "pattern" in schema and schema["pattern"] != "\\S":
        parts.append(f"pola: {schema['pattern']}")
    if any(k in schema for k in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")):
        parts.append(span_text(schema))
    if schema.get("minItems"):
        parts.append(f"minimal {schema['minItems']} butir")
    if schema.get("maxItems"):
        parts.append(f"paling banyak {schema['maxItems']} butir")
    if "default" in schema:
        parts.append(f"bawaan: {_value(schema['default'])}")
    return "; ".join(parts)


def _resolved(sub: dict, root: dict) -> dict:
    """``sub`` with a local ``$ref`` (``#/$defs/…``) laid under its own title and description."""
    ref = sub.get("$ref", "")
    if not ref.startswith("#/"):
        return sub
    target = root
    for step in ref[2:].split("/"):
        target = target.get(step, {})
    return {**target, **{k: v for k, v in sub.items() if k != "$ref"}}


def fields(schema: dict, prefix: str = "", depth: int = 0, root: dict | None = None) -> list[Field]:
    """Every property of ``schema`` in document order, nested ones indented."""
    out = []
    root = schema if root is None else root
    required = required_fields(schema)
    for name, sub in schema.get("properties", {}).items():
        sub = _resolved(sub, root)
        path = f"{prefix}{name}"
        types = _types(sub)
        kind = " atau ".join(_TYPE.get(t, t) for t in types)
        items = _resolved(sub.get("items", {}), root) if "array" in types and "items" in sub else None
        if items:
            kind = " atau ".join([f"daftar {_TYPE.get(items.get('type'), '')}".strip()]
                                 + [_TYPE.get(t, t) for t in types if t != "array"])
        out.append(Field(path, depth, name in required, kind, sub.get("title", ""), sub.get("description", ""),
                         _constraint(items if items and "enum" in items else sub)))
        if sub.get("type") == "object":
            out.extend(fields(sub, path + ".", depth + 1, root))
        elif items and items.get("type") == "object":
            out.extend(fields(items, path + "[].", depth + 1, root))
    return out
