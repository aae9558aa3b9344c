"""The data reference generated from the schemas, so the site documents its own data."""

from __future__ import annotations

from dataclasses import dataclass

_TYPE = {"string": "teks", "integer": "bilangan bulat", "number": "bilangan", "boolean": "true/false",
         "array": "daftar", "object": "pemetaan"}


@dataclass
class Field:
    path: str  # e.g. level[].indikator[]
    depth: int
    required: bool
    type: str
    title: str
    description: str
    rule: str  # enum choices, pattern, range


def _constraint(schema: dict) -> str:
    if "enum" in schema:
        return "pilihan: " + ", ".join(map(str, schema["enum"]))
    parts = []
    if "pattern" in schema and schema["pattern"] != "\\S":
        parts.append(f"pola: {schema['pattern']}")
    if "minimum" in schema or "maximum" in schema:
        parts.append(f"{schema.get('minimum', '…')} sampai {schema.get('maximum', '…')}")
    if schema.get("minItems"):
        parts.append(f"minimal {schema['minItems']} butir")
    if schema.get("maxItems"):
        parts.append(f"paling banyak {schema['maxItems']} butir")
    if "default" in schema:
        parts.append(f"bawaan: {str(schema['default']).lower()}")
    return "; ".join(parts)


def fields(schema: dict, prefix: str = "", depth: int = 0) -> list[Field]:
    """Every property of ``schema`` in document order, nested ones indented."""
    out = []
    required = set(schema.get("required", ()))
    for name, sub in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        kind = _TYPE.get(sub.get("type"), sub.get("type", ""))
        items = sub.get("items") if sub.get("type") == "array" else None
        if items:
            kind = f"daftar {_TYPE.get(items.get('type'), '')}".strip()
        out.append(Field(path, depth, name in required, kind, sub.get("title", ""), sub.get("description", ""),
                         _constraint(items if items and "enum" in items else sub)))
        if sub.get("type") == "object":
            out.extend(fields(sub, path + ".", depth + 1))
        elif items and items.get("type") == "object":
            out.extend(fields(items, path + "[].", depth + 1))
    return out
