"""A comparison as text, Markdown (pull-request summaries) or JSON (documented, stable)."""

from __future__ import annotations

import json
from collections import Counter

from . import COMPARISON_FORMATS
from .compare import KINDS, Change
from .decisions import decision_lines, decisions_json
from .impact import Impact
from .words import REWORDED, describe, md_escape, title, word_diff, word_parts  # noqa: F401 (the one place to import them)

JSON_VERSION = 3  # 2: the kind `jabatan-jenis` is `jabatan-jenjang`, `standar-*` were `syarat-*`; 3: `keputusan`
OBJEK = (("kompetensi", "Kompetensi"), ("jabatan", "Jabatan"), ("unit", "Unit kerja"))


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


def impact_lines(found: Impact, names: dict | None, markdown: bool) -> list[str]:
    """The impact block, counts only (never a name of a person): positions requiring each changed
    competency, and for each raised requirement the incumbents below the new level (all of them,
    and those this change newly pushed below), or why those counts are missing."""
    lines = []
    for kode, count in sorted(found.jabatan_yang_mensyaratkan.items()):
        lines.append(f"- kompetensi {title('kompetensi', kode, names, markdown)} disyaratkan oleh {count} jabatan")
    for key, newly in sorted(found.pemangku_di_bawah_standar_baru.items()):
        jabatan, kompetensi = key
        total = found.pemangku_di_bawah_seluruhnya.get(key, newly)
        lines.append(f"- {title('jabatan', jabatan, names, markdown)} / {title('kompetensi', kompetensi, names, markdown)}: "
                     f"{total} pemangku jabatan di bawah level yang baru disyaratkan; {newly} di antaranya baru "
                     f"turun karena perubahan ini (snapshot {found.snapshot})")
    if found.catatan:
        lines.append(f"- jumlah pemangku jabatan tidak dihitung: {md_escape(found.catatan) if markdown else found.catatan}")
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
    old, new, changes, names = comparison.old, comparison.new, comparison.changes, comparison.names
    lines = [f"## Perubahan kamus `{old}` → `{new}`", ""]
    unreadable = _unreadable_lines(comparison, True)
    if unreadable:
        lines += ["### Berkas yang tidak dapat dibaca", ""] + unreadable + [""]
    decided = decision_lines(comparison.keputusan, True)
    if decided:
        lines += ["### Keputusan komite talenta (RAHASIA: hanya jumlah)", ""] + decided + [""]
    if not changes:
        if decided:
            return "\n".join(lines)
        return "\n".join(lines + ["Tidak ada perubahan isi (hanya format, urutan atau komentar, atau tidak ada sama sekali).", ""])
    lines += ["| Jenis perubahan | Jumlah |", "|---|---:|"]
    lines += [f"| {label} | {count} |" for label, count in summary(changes)]
    groups = grouped(changes)
    for objek, heading in OBJEK:
        items = [(key, value) for key, value in groups.items() if key[0] == objek]
        if not items:
            continue
        lines += ["", f"### {heading}", ""]
        for (_, kode), group in items:
            lines.append(f"- **{title(objek, kode, names, True)}**")
            lines += [f"  - {describe(c, True, names)}" for c in group]
    impact = impact_lines(comparison.impact, names, True)
    if impact:
        lines += ["", "### Dampak", ""] + impact
    return "\n".join(lines) + "\n"


def headline(changes, decided) -> str:
    """How much changed: the kamus, and the komite's decision files when any changed (counted
    apart: a decision is no change of the kamus)."""
    text = f"{len(changes)} perubahan"
    if decided:
        text += f" pada kamus; keputusan komite talenta: {len(decided)} berkas berubah"
    return text


def as_text(comparison) -> str:
    old, new, changes, names = comparison.old, comparison.new, comparison.changes, comparison.names
    lines = [f"Perubahan kamus {old} → {new}: {headline(changes, comparison.keputusan)}."]
    unreadable = _unreadable_lines(comparison, False)
    if unreadable:
        lines += ["Berkas yang tidak dapat dibaca:"] + [f"  {line}" for line in unreadable]
    decided = decision_lines(comparison.keputusan, False)
    if decided:
        lines += ["Keputusan komite talenta (hanya jumlah):"] + [f"  {line}" for line in decided]
    lines += [f"  {label}: {count}" for label, count in summary(changes)]
    for (objek, kode), group in grouped(changes).items():
        lines.append(f"{objek} {title(objek, kode, names, False)}")
        lines += [f"  - {describe(c, False, names)}" for c in group]
    impact = impact_lines(comparison.impact, names, False)
    if impact:
        lines += ["Dampak:"] + [f"  {line}" for line in impact]
    return "\n".join(lines) + "\n"


def as_json(comparison) -> str:
    changes, found = comparison.changes, comparison.impact
    below = found.pemangku_di_bawah_standar_baru
    document = {
        "version": JSON_VERSION, "dari": comparison.old, "ke": comparison.new,
        "ringkasan": dict(Counter(c.jenis for c in changes)),
        "perubahan": [{"objek": c.objek, "kode": c.kode, "nama": comparison.names.get((c.objek, c.kode)),
                       "jenis": c.jenis, "keterangan": c.keterangan, "letak": c.letak or None, "lama": c.lama,
                       "baru": c.baru} for c in changes],
        "dampak": {"jabatan_yang_mensyaratkan": found.jabatan_yang_mensyaratkan,
                   "pemangku_di_bawah_standar_baru": [
                       {"jabatan": j, "kompetensi": k, "jumlah": n,
                        "jumlah_seluruhnya": found.pemangku_di_bawah_seluruhnya.get((j, k), n)}
                       for (j, k), n in sorted(below.items())],
                   "snapshot": found.snapshot or None, "catatan": found.catatan or None},
        "tidak_terbaca": {"lama": comparison.unreadable.get("lama", []), "baru": comparison.unreadable.get("baru", [])},
        "keputusan": decisions_json(comparison.keputusan),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n"


FORMATS = dict(zip(COMPARISON_FORMATS, (as_text, as_markdown, as_json)))
