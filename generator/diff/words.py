"""A change in words: word diffs, persyaratan rows, values, and one line per change.

Shared by the reports of `kamus diff` (text, Markdown) and the site's Riwayat pages.
Objects are named as readers know them ("`M.1` Integritas"), from ``names``:
(objek, kode) → nama, taken from both versions.
"""

from __future__ import annotations

import difflib
import re

from .compare import Change

def word_parts(old: str, new: str) -> list[tuple[str, str]]:
    """(kind, words) runs of a word diff: kind is "same" (long runs shortened), "del" or "ins"."""
    a, b = str(old or "").split(), str(new or "").split()
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            words = a[i1:i2]
            parts.append(("same", " ".join(words) if len(words) <= 6
                          else f"{' '.join(words[:3])} … {' '.join(words[-3:])}"))
            continue
        if i2 > i1:
            parts.append(("del", " ".join(a[i1:i2])))
        if j2 > j1:
            parts.append(("ins", " ".join(b[j1:j2])))
    return parts


_MD = re.compile(r"([\\`*_\[\]<>|~#])")


def md_escape(text: str) -> str:
    """Text from YAML shown literally in Markdown (PR summaries): no markup survives."""
    return _MD.sub(r"\\\1", text)


def word_diff(old: str, new: str, markdown: bool) -> str:
    """The changed words: ~~old~~ **new** in Markdown, [-old-] {+new+} in text."""
    marks = {"same": "{}", "del": "~~{}~~" if markdown else "[-{}-]", "ins": "**{}**" if markdown else "{{+{}+}}"}
    escape = md_escape if markdown else str
    return " ".join(marks[kind].format(escape(words)) for kind, words in word_parts(old, new))


REWORDED = ("kompetensi-definisi", "level-deskripsi", "indikator-diubah", "jabatan-ikhtisar")


def _row(row: dict) -> str:
    """One persyaratan row in words: "S1 (Akuntansi, Manajemen), mutlak"."""
    main = " ".join(str(row[k]) for k in ("jenis", "jenjang", "nama", "uraian") if row.get(k))
    extra = f" ({', '.join(map(str, row['bidang_ilmu']))})" if isinstance(row.get("bidang_ilmu"), list) else ""
    return f"{main}{extra}, {row['tingkat']}" if row.get("tingkat") else f"{main}{extra}"


def _value(value) -> str:
    if isinstance(value, list):
        return "; ".join(_row(v) if isinstance(v, dict) else str(v) for v in value) or "–"
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    return str(value)


def title(objek: str, kode: str, names: dict | None, markdown: bool) -> str:
    """``M.1 Integritas`` (in Markdown the kode as code); the kode alone without a name."""
    name = (names or {}).get((objek, kode), "")
    code = f"`{kode.replace('`', '')}`" if markdown else kode
    return f"{code} {md_escape(name) if markdown else name}".rstrip()


def _persyaratan(old, new, markdown: bool) -> str:
    """Only what changed in a persyaratan section: a row's tingkat, rows added or removed."""
    def key(row):
        return _row({k: v for k, v in row.items() if k != "tingkat"}) if isinstance(row, dict) else str(row)

    def tingkat(row):
        return row.get("tingkat") if isinstance(row, dict) else None

    before = {key(r): tingkat(r) for r in old or []}
    after = {key(r): tingkat(r) for r in new or []}
    escape = md_escape if markdown else str
    parts = [f"{escape(k)}: {before[k]} → {after[k]}" for k in after if k in before and before[k] != after[k]]
    added, removed = [k for k in after if k not in before], [k for k in before if k not in after]
    for old_key, new_key in zip(removed, added):  # a row reworded in place
        change = f" ({before[old_key]} → {after[new_key]})" if before[old_key] != after[new_key] else ""
        parts.append(f"{escape(old_key)} → {escape(new_key)}{change}")
    parts += [f"ditambahkan {escape(k)}" + (f", {after[k]}" if after[k] else "") for k in added[len(removed):]]
    parts += [f"dihapus {escape(k)}" for k in removed[len(added):]]
    return "; ".join(parts) or "urutan baris diubah"


def describe(change: Change, markdown: bool, names: dict | None = None) -> str:
    value = (lambda v: md_escape(_value(v))) if markdown else _value
    letak = title("kompetensi", change.letak, names, False) if change.jenis.startswith("standar-") else change.letak
    where = f" ({md_escape(letak) if markdown else letak})" if letak else ""
    if change.jenis == "jabatan-persyaratan":
        return f"{change.keterangan}{where}: {_persyaratan(change.lama, change.baru, markdown)}"
    if change.jenis.startswith("standar-"):
        old = "" if change.lama is None else f"level {change.lama}"
        new = "" if change.baru is None else f"level {change.baru}"
        return f"{change.keterangan}{where}: {' → '.join(filter(None, [old, new]))}"
    if change.jenis in REWORDED:
        return f"{change.keterangan}{where}: {word_diff(change.lama, change.baru, markdown)}"
    if change.jenis.endswith("-ditambah") and change.lama is None:
        return f"{change.keterangan}{where}: {value(change.baru)}"
    if change.jenis.endswith("-dihapus") and change.baru is None:
        return f"{change.keterangan}{where}: {value(change.lama)}"
    return f"{change.keterangan}{where}: {value(change.lama)} → {value(change.baru)}"


