"""A comparison as text, Markdown (pull-request summaries) or JSON (documented, stable)."""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter

from .compare import KINDS, Change
from .impact import Impact

JSON_VERSION = 1
OBJEK = (("kompetensi", "Kompetensi"), ("jabatan", "Jabatan"), ("unit", "Unit kerja"))


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


def describe(change: Change, markdown: bool) -> str:
    value = (lambda v: md_escape(_value(v))) if markdown else _value
    where = f" ({md_escape(change.letak) if markdown else change.letak})" if change.letak else ""
    if change.jenis.startswith("syarat-"):
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


def summary(changes: list[Change]) -> list[tuple[str, int]]:
    """(keterangan, count) for every kind of change that occurs, in the order of KINDS: the
    order of the PR summary and of the site's Riwayat pages."""
    counts = Counter(c.jenis for c in changes)
    return [(KINDS[jenis], counts[jenis]) for jenis in KINDS if counts.get(jenis)]


def grouped(changes) -> dict[tuple[str, str], list[Change]]:
    """Changes per (objek, kode), in order of appearance."""
    groups: dict[tuple[str, str], list[Change]] = {}
    for change in changes:
        groups.setdefault((change.objek, change.kode), []).append(change)
    return groups


def _impact_lines(changes, found: Impact, markdown: bool) -> list[str]:
    lines = []
    code = "`{}`" if markdown else "{}"
    for kode, count in sorted(found.jabatan_yang_mensyaratkan.items()):
        lines.append(f"- kompetensi {code.format(kode)} disyaratkan oleh {count} jabatan")
    for (jabatan, kompetensi), count in sorted(found.pemangku_di_bawah_syarat_baru.items()):
        lines.append(f"- {code.format(jabatan)} / {code.format(kompetensi)}: {count} pemangku jabatan kini di bawah "
                     f"level yang disyaratkan (snapshot {found.snapshot})")
    return lines


def _unreadable_lines(comparison, markdown: bool) -> list[str]:
    """Data files that do not parse in a version: named, never counted as removed or added."""
    code = "`{}`" if markdown else "{}"
    lines = []
    for side, label in (("lama", comparison.old), ("baru", comparison.new)):
        for path in comparison.unreadable.get(side, []):
            lines.append(f"- {code.format(path)} di versi {code.format(label)} tidak dapat dibaca (sintaks, "
                         "penyandian atau ukuran); isinya tidak dibandingkan. Jalankan `kamus validate` pada versi "
                         "itu untuk rinciannya.")
    return lines


def as_markdown(comparison) -> str:
    old, new, changes, found = comparison.old, comparison.new, comparison.changes, comparison.impact
    lines = [f"## Perubahan kamus `{old}` → `{new}`", ""]
    unreadable = _unreadable_lines(comparison, True)
    if unreadable:
        lines += ["### Berkas yang tidak dapat dibaca", ""] + unreadable + [""]
    if not changes:
        return "\n".join(lines + ["Tidak ada perubahan isi (hanya format, urutan atau komentar, atau tidak ada sama sekali).", ""])
    lines += ["| Jenis perubahan | Jumlah |", "|---|---:|"]
    lines += [f"| {label} | {count} |" for label, count in summary(changes)]
    groups = grouped(changes)
    for subject, title in OBJEK:
        items = [(key, value) for key, value in groups.items() if key[0] == subject]
        if not items:
            continue
        lines += ["", f"### {title}", ""]
        for (_, kode), group in items:
            lines.append(f"- **`{kode.replace('`', '')}`**")
            lines += [f"  - {describe(c, True)}" for c in group]
    impact_lines = _impact_lines(changes, found, True)
    if impact_lines:
        lines += ["", "### Dampak", ""] + impact_lines
    return "\n".join(lines) + "\n"


def as_text(comparison) -> str:
    old, new, changes, found = comparison.old, comparison.new, comparison.changes, comparison.impact
    lines = [f"Perubahan kamus {old} → {new}: {len(changes)} perubahan."]
    unreadable = _unreadable_lines(comparison, False)
    if unreadable:
        lines += ["Berkas yang tidak dapat dibaca:"] + [f"  {line}" for line in unreadable]
    lines += [f"  {label}: {count}" for label, count in summary(changes)]
    for (subject, kode), group in grouped(changes).items():
        lines.append(f"{subject} {kode}")
        lines += [f"  - {describe(c, False)}" for c in group]
    impact_lines = _impact_lines(changes, found, False)
    if impact_lines:
        lines += ["Dampak:"] + [f"  {line}" for line in impact_lines]
    return "\n".join(lines) + "\n"


def as_json(comparison) -> str:
    changes, found = comparison.changes, comparison.impact
    document = {
        "version": JSON_VERSION, "dari": comparison.old, "ke": comparison.new,
        "ringkasan": dict(Counter(c.jenis for c in changes)),
        "perubahan": [{"objek": c.objek, "kode": c.kode, "jenis": c.jenis, "keterangan": c.keterangan,
                       "letak": c.letak or None, "lama": c.lama, "baru": c.baru} for c in changes],
        "dampak": {"jabatan_yang_mensyaratkan": found.jabatan_yang_mensyaratkan,
                   "pemangku_di_bawah_syarat_baru": [{"jabatan": j, "kompetensi": k, "jumlah": n}
                                                      for (j, k), n in sorted(found.pemangku_di_bawah_syarat_baru.items())],
                   "snapshot": found.snapshot or None},
        "tidak_terbaca": {"lama": comparison.unreadable.get("lama", []), "baru": comparison.unreadable.get("baru", [])},
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n"


FORMATS = {"text": as_text, "markdown": as_markdown, "json": as_json}
