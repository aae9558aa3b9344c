"""jsonschema errors → findings in Bahasa Indonesia, placed on the right line."""

from __future__ import annotations

import re

from ..rules import finding
from ..suggest import suggest

_TYPE_NAMES = {
    "string": "teks", "integer": "bilangan bulat", "number": "bilangan", "boolean": "true/false",
    "array": "daftar (butir diawali `- `)", "object": "pemetaan (kolom: nilai)", "null": "kosong",
}


def _type_of(value) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "bilangan bulat"
    if isinstance(value, float):
        return "bilangan pecahan"
    if isinstance(value, str):
        return "teks"
    if isinstance(value, list):
        return "daftar"
    return "pemetaan"


def _where(path: tuple) -> str:
    """A data path as users read it, positions as rule messages say them (1-based):
    ``level ke-2, indikator ke-1``; ``pegawai ke-3, nip``."""
    parts: list[str] = []
    counted = True  # the last part ends with a position: a key after it starts a new part
    for step in path:
        if isinstance(step, int):
            if parts:
                parts[-1] += f" ke-{step + 1}"
            else:
                parts.append(f"butir ke-{step + 1}")
            counted = True
        elif counted:
            parts.append(str(step))
            counted = False
        else:
            parts[-1] += f".{step}"
    return ", ".join(parts) or "dokumen"


# What each pattern of the shipped schemas asks, in words (a message shows no regular expression;
# tests/test_schema.py checks that every pattern of every schema is here).
PATTERN_WORDS = {
    "^[0-9]{18}$": "18 angka tanpa spasi",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "tanggal YYYY-MM-DD, misalnya 2025-11-20",
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "tahun YYYY, YYYY-MM atau YYYY-MM-DD, misalnya 2025",
    "^[0-9]{4}(-[0-9]{2}){0,2}$": "tahun YYYY, YYYY-MM atau YYYY-MM-DD, misalnya 2025",
    "^(I|II|III|IV)/[a-e]$": "golongan ruang seperti III/a atau IV/b",
    "^[A-Za-z0-9][A-Za-z0-9._-]*$": "huruf, angka, titik, garis bawah atau tanda hubung tanpa spasi, diawali huruf "
                                    "atau angka",
    "^[a-z0-9_]+$": "huruf kecil, angka atau garis bawah tanpa spasi",
    "^[a-z][a-z0-9_]*$": "huruf kecil, angka atau garis bawah tanpa spasi, diawali huruf kecil",
    "^[A-Za-z0-9._~/+-]+$": "huruf, angka atau tanda . _ ~ / + - tanpa spasi",
}


def pattern_words(pattern: str) -> str:
    """What ``pattern`` asks, in words ("bentuk yang diminta" for one the table does not know)."""
    if pattern.startswith("^https?://"):
        return "alamat web yang diawali http:// atau https://"
    return PATTERN_WORDS.get(pattern, "bentuk yang diminta")


def _description(schema: dict, name: str) -> str:
    prop = schema.get("properties", {}).get(name, {})
    return prop.get("description", "")


def decimal_comma_key(name: str, mapping: dict) -> str | None:
    """The key whose number a decimal comma split off as the unknown key ``name`` (`level: 3,5`
    inside `{ }` reads as `level: 3` plus a key `5`), or None."""
    if not (name.isdigit() and mapping.get(name) is None):
        return None
    before = [k for k in mapping if k != name and isinstance(mapping[k], (int, float)) and not isinstance(mapping[k], bool)]
    return before[-1] if before else None


def _decimal_comma(at, doc, path: tuple, name: str, mapping: dict):
    """`level: 3,5` inside `{ }`: say so, not "unknown field 5"."""
    key = decimal_comma_key(name, mapping)
    if key is None:
        return None
    written = f"{key}: {doc.text(path + (key,), mapping[key])},{name}"
    return at("SCHEMA-TYPE", f"`{written}` terbaca sebagai `{key}: {mapping[key]}` dan kolom `{name}`: "
                             "di dalam `{ }` koma memisahkan kolom",
              f"Tulis bilangan desimal dengan titik (misalnya {mapping[key]}.{name}); kolom yang meminta "
              "bilangan bulat (seperti level 1–5) tidak menerima pecahan.", target=path + (name,), key=True)


def span_text(schema: dict) -> str:
    """The allowed range of a number, in words: `1 sampai 5`, `lebih dari 0 dan paling besar 5000`."""
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return f"{low} sampai {high}"
    words = {"minimum": "paling kecil", "exclusiveMinimum": "lebih dari", "maximum": "paling besar",
             "exclusiveMaximum": "kurang dari"}
    return " dan ".join(f"{words[k]} {schema[k]}" for k in words if k in schema)


def translate(error, doc, root: dict | None = None) -> list:
    """Findings for one ``jsonschema.ValidationError`` on document ``doc`` (``root``: the whole
    schema, whose top-level fields describe a requirement stated in a sub-schema)."""
    path = tuple(error.absolute_path)
    where = _where(path)
    keyword, expected, value, schema = error.validator, error.validator_value, error.instance, error.schema

    def at(rule, message, hint=None, target=path, key=False):
        return finding(rule, doc.path, *doc.where(target, key=key), message, hint)

    if keyword == "required":
        missing = [name for name in expected if isinstance(value, dict) and name not in value]
        top = root if root and not path else {}  # a top-level field required by a sub-schema (`else`)
        return [at("SCHEMA-REQUIRED", f"kolom wajib `{name}` belum ada di {where}",
                   f"Tambahkan `{name}:` — {_description(schema, name) or _description(top, name) or schema.get('description', '')}"
                   .rstrip(" —"))
                for name in missing]
    if keyword == "additionalProperties":
        known = sorted(k for k, sub in schema.get("properties", {}).items() if not sub.get("deprecated"))
        patterns = list(schema.get("patternProperties", {}))  # keys that are data (a periode, a header), by pattern
        allowed = (f"Kolom yang dikenal: {', '.join(known)}." if known else
                   "Tulis nama yang tidak kosong." if patterns == ["\\S"] else
                   f"Nama kolom harus berupa {' atau '.join(pattern_words(p) for p in patterns)}.")
        compiled = [re.compile(p) for p in patterns]
        return [_decimal_comma(at, doc, path, name, value) or
                at("SCHEMA-UNKNOWN-FIELD", f"kolom `{name}` tidak dikenal di {where}",
                   f"{suggest(name, known)}{allowed}", target=path + (name,), key=True)
                for name in value if name not in schema.get("properties", {})
                and not any(p.search(name) for p in compiled)]
    if keyword == "type":
        wanted = " atau ".join(_TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
        hint = None
        if expected == "string" and isinstance(value, (int, float, bool)):
            hint = f"Beri tanda kutip agar dibaca sebagai teks, misalnya \"{doc.text(path, value)}\"."
        elif value is None:
            hint = "Isi nilainya setelah titik dua, atau hapus kolom ini bila tidak wajib."
        elif expected == "integer" and isinstance(value, str) and value.strip().isdigit():
            hint = f"Tulis tanpa tanda kutip: {value.strip()}."
        return [at("SCHEMA-TYPE", f"{where} harus berupa {wanted}, bukan {_type_of(value)}", hint)]
    if keyword in ("enum", "const"):
        choices = expected if keyword == "enum" else [expected]
        return [at("SCHEMA-ENUM", f"nilai `{value}` di {where} bukan pilihan yang sah",
                   f"{suggest(value, choices)}Pilihan: {', '.join(map(str, choices))}.")]
    if keyword == "pattern":
        if expected == "\\S":
            if value == "":
                return []  # minLength already says it is empty
            return [at("SCHEMA-SIZE", f"{where} tidak boleh hanya berisi spasi", "Isi dengan teks.")]
        return [at("SCHEMA-PATTERN", f"`{value}` di {where} harus berupa {pattern_words(expected)}",
                   schema.get("description") or None)]
    if keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return [at("SCHEMA-RANGE", f"{where} bernilai {value}, harus {span_text(schema)}")]
    if keyword in ("minLength", "minItems", "minProperties"):
        if expected <= 1:
            return [at("SCHEMA-SIZE", f"{where} tidak boleh kosong", "Isi nilainya, atau hapus kolom ini bila tidak wajib.")]
        return [at("SCHEMA-SIZE", f"{where} minimal berisi {expected} butir")]
    if keyword in ("maxLength", "maxItems", "maxProperties"):
        unit = "karakter" if keyword == "maxLength" else "butir"
        return [at("SCHEMA-SIZE", f"{where} paling banyak berisi {expected} {unit}")]
    if keyword == "uniqueItems":
        seen, repeats = [], []
        for index, item in enumerate(value):
            (repeats if item in seen else seen).append(index if item in seen else item)
        return [at("SCHEMA-DUPLICATE-ITEM", f"butir `{value[index]}` berulang di {where}",
                   target=path + (index,)) for index in repeats]
    return [at("SCHEMA-INVALID", f"{where} tidak sah menurut skema (aturan `{keyword}`)")]
