"""Apply the entries an import asks for to a kamus folder: all of it, or nothing.

1. Plan: each entry becomes the text of its file, edited in place
   (:mod:`generator.edit.yaml_text`); an entry whose data is unchanged keeps its file
   untouched; a new entry becomes a new file in its folder; an entry that moved (another
   unit, another jenis) moves its file; entries that are gone are removed only when asked.
2. Check: the would-be kamus (the folder with the plan laid over it, nothing written yet)
   goes through every rule of `kamus validate`; findings in the planned files are mapped
   back to the sheet and cell they came from.
3. Write, only when nothing failed: a journal, every file to a temporary file next to
   it, then all renamed into place (:mod:`generator.journal`: all or nothing, also when
   killed). Nothing is written outside the kamus root, and no symbolic link is followed.
4. Summarise in the words of `kamus diff` (the models as written, before and after).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..diff.versions import Comparison, compare_projects
from ..findings import SEVERITY_LABEL, Finding
from ..journal import apply_changes
from ..kinds import ENTRIES, UNIT
from ..load import load_text
from ..load.renamed import upgraded
from ..project import Project
from ..rules import finding
from ..tables import column_letter
from .style import Style, as_bytes, learn, render, text_form
from .yaml_text import document, leading_comments, patch, same

CODE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
STRUCTURAL = {"XLSX-FILE", "XLSX-SHEET", "XLSX-HEADER", "SKJ-FORM"}  # nothing sensible to check after these


@dataclass
class Current:
    path: str
    text: str  # with `\n` line breaks, without a byte order mark
    data: dict
    folder: str
    bom: bool = False  # the file starts with a UTF-8 byte order mark
    newline: str = "\n"  # its line ending


def current_entries(project: Project) -> dict[tuple[str, str], Current]:
    """Every entry of the kamus now, by (objek, kode)."""
    found = {}
    documents = project.documents
    for objek, kind in ENTRIES.items():
        for loaded in documents.of(kind):
            if loaded.doc is None or not isinstance(loaded.doc.data, dict):
                continue
            kode = loaded.file.folder if kind is UNIT else str(loaded.doc.data.get("kode") or loaded.file.stem)
            text, bom, newline = text_form(project.source.read(loaded.file.path))
            data = upgraded(loaded.doc.data, kind.schema)  # an old key is written back under its new name
            found.setdefault((objek, kode), Current(loaded.file.path, text, data, loaded.file.folder, bom, newline))
    return found


def settle(old, new):
    """``new``, keeping the written form of ``old`` wherever they mean the same: text equal up
    to surrounding spaces, the same items of a list in another order (a sorted sheet)."""
    if isinstance(old, str) and isinstance(new, str):
        return old if old.strip() == new.strip() else new
    if isinstance(new, list) and len(new) == 1 and not isinstance(old, (list, dict)) and settle(old, new[0]) == old:
        return old  # one id written alone, read back from a list cell
    if isinstance(old, dict) and isinstance(new, dict):
        return {k: settle(old[k], v) if k in old else v for k, v in new.items()}
    if isinstance(old, list) and isinstance(new, list):
        if _keyed(old) and _keyed(new):
            wanted = {item["kode"]: item for item in new}
            kept = [settle(item, wanted[item["kode"]]) for item in old if item["kode"] in wanted]
            known = {item["kode"] for item in old}
            return kept + [item for item in new if item["kode"] not in known]
        if len(old) == len(new):
            pairs = [settle(a, b) for a, b in zip(old, new)]
            if sorted(map(repr, old)) == sorted(map(repr, new)) and not same(pairs, old):
                return old  # the same rows in another order
            return pairs
    return new


def _keyed(values) -> bool:
    return bool(values) and all(isinstance(v, dict) and isinstance(v.get("kode"), str) for v in values) \
        and len({v["kode"] for v in values}) == len(values)


@dataclass
class Wanted:
    """One entry an import asks for: its YAML data, its folder, and how to name its cells."""

    objek: str
    kode: str
    folder: str
    data: dict
    locate: Callable[[tuple, dict], tuple | None] | None = None  # (data path, data) → (sheet, row, column[, ref])
    where: tuple = ()  # (sheet, row, column) of the entry itself
    base: str = ""  # fingerprint of the entry when the workbook was made ("" = not known)
    fingerprint: Callable[[str, str, dict], str] | None = None  # (objek, folder, data) → str, compared with ``base``
    covered: frozenset | None = None  # the keys the source can express; others of the file are kept
    hints: dict | None = None  # rule → how to fix it in the source's words (a form has no YAML keys)


class Kept(NamedTuple):
    """Why an entry that an import lacks is not removed (with ``--hapus``)."""

    rule: str  # XLSX-NOT-REMOVED, or XLSX-CONFLICT
    reason: str
    newer: bool = False  # the entry came after the workbook was made: no removal was ever asked


@dataclass
class Plan:
    writes: dict[str, bytes] = field(default_factory=dict)
    deletes: set[str] = field(default_factory=set)
    rewritten: list[str] = field(default_factory=list)  # written fresh (the in-place edit was not possible)
    origins: dict[str, Wanted] = field(default_factory=dict)  # planned path → the entry behind it


def _header(project: Project, objek: str, path: str, style: Style) -> str:
    """The schema comment line, when the other files of the kind have it (or, with none to
    learn from, when the kamus has the schema file)."""
    schema = f"schemas/{ENTRIES[objek].schema}.schema.json"
    if not style.header if style.header is not None else not project.source.is_file(schema):
        return ""
    depth = "../" * (path.count("/"))
    return f"# yaml-language-server: $schema={depth}{schema}\n"


class _Styles:
    """The style of the files next to a new one (those of its folder, else all of its kind)."""

    SAMPLE = 30  # files read to learn a style

    def __init__(self, project: Project):
        self.project, self.learnt = project, {}

    def of(self, objek: str, folder: str) -> Style:
        if (objek, folder) not in self.learnt:
            documents = self.project.documents.of(ENTRIES[objek])
            near = [loaded.file.path for loaded in documents if loaded.file.folder == folder and loaded.doc is not None]
            paths = near or [loaded.file.path for loaded in documents if loaded.doc is not None]
            self.learnt[(objek, folder)] = learn([self.project.source.read(path) for path in paths[:self.SAMPLE]])
        return self.learnt[(objek, folder)]


def _defaults(project: Project, objek: str) -> dict:
    """The top-level fields of an entry's schema that have a default, with it."""
    properties = project.schemas.schemas[ENTRIES[objek].schema].get("properties", {})
    return {key: sub["default"] for key, sub in properties.items() if "default" in sub}


def _only_given(data: dict, defaults: dict, written) -> dict:
    """``data`` without the keys that hold their default and that ``written`` (key → bool) says
    the file does not write: an import writes only what its source carries."""
    return {k: v for k, v in data.items()
            if not (k in defaults and same(v, defaults[k]) and not written(k))}


def _new_file(project: Project, entry: "Wanted", path: str, styles: _Styles) -> bytes:
    """A new entry's file, in the style of its neighbours (read back as its data, or plainly written)."""
    style = styles.of(entry.objek, entry.folder)
    data = _only_given(entry.data, _defaults(project, entry.objek), style.keeps)
    header = _header(project, entry.objek, path, style)
    return as_bytes(_styled(data, style, header, path, document(data, header)), style.bom, style.newline)


def _styled(data: dict, style: Style, header: str, path: str, plain: str) -> str:
    """``data`` written in ``style``, or ``plain`` when that would not read back as ``data``."""
    text = render(data, style, header)
    doc, problems = load_text(text, path)
    return text if doc is not None and not problems and same(doc.data, data) else plain


def make_plan(project: Project, wanted: list[Wanted], remove: bool, kinds: set[str],
              removal=None) -> tuple[Plan, list]:
    """The files to write and delete; findings for names that cannot be file names and for
    entries that are gone but kept (without ``remove``, or when ``removal(objek, kode, now)``
    gives a :class:`Kept` why this one may not go)."""
    plan, problems = Plan(), []
    current = current_entries(project)
    styles = _Styles(project)
    asked = set()
    for entry in wanted:
        if not entry.kode or not entry.folder:  # a cell that was empty or not valid: already reported
            asked.add((entry.objek, entry.kode))
            continue
        bad = [name for name in (entry.kode, entry.folder) if not CODE_PATTERN.match(name)]
        if bad:
            sheet, row, column = entry.where or ("", 1, 1)
            problems.append(finding("XLSX-VALUE", sheet, row, column,
                                    f"`{bad[0]}` tidak dapat menjadi nama berkas atau folder (huruf, angka, titik, "
                                    "garis bawah atau tanda hubung; diawali huruf atau angka)"))
            continue
        asked.add((entry.objek, entry.kode))
        path = ENTRIES[entry.objek].path(entry.kode, entry.folder)
        now = current.get((entry.objek, entry.kode))
        if entry.base and entry.fingerprint is not None:
            if entry.fingerprint(entry.objek, entry.folder, entry.data) == entry.base:
                if now is not None:
                    plan.origins[now.path] = entry
                continue  # not edited in the workbook: whatever the kamus holds now stays
            shown = now and {k: v for k, v in now.data.items() if entry.covered is None or k in entry.covered}
            if now is None or entry.fingerprint(entry.objek, now.folder, shown) != entry.base:
                if now is None or not same(settle(now.data, entry.data), now.data) or now.path != path:
                    sheet, row, column = entry.where
                    problems.append(finding("XLSX-CONFLICT", sheet, row, column,
                                            f"{entry.objek} `{entry.kode}` diubah di buku kerja, tetapi di kamus "
                                            + ("sudah dihapus" if now is None else f"`{now.path}` juga sudah berubah")
                                            + " sejak buku kerja diunduh"))
                    continue
        plan.origins[path] = entry
        if now is None:
            plan.writes[path] = _new_file(project, entry, path, styles)
            continue
        wanted = _only_given(entry.data, _defaults(project, entry.objek), lambda key: key in now.data)
        if entry.covered is not None:
            wanted = {**wanted, **{k: v for k, v in now.data.items() if k not in entry.covered and k not in wanted}}
        data = settle(now.data, wanted)
        if same(now.data, data) and now.path == path:
            continue
        text, in_place = patch(now.text, data)
        if not in_place:
            plan.rewritten.append(path)
            text = _styled(data, learn([as_bytes(now.text, now.bom, now.newline)]), leading_comments(now.text), path, text)
        plan.writes[path] = as_bytes(text, now.bom, now.newline)
        if now.path != path:
            plan.deletes.add(now.path)
    for (objek, kode), now in sorted(current.items()):
        if objek not in kinds or (objek, kode) in asked:
            continue
        refused = removal(objek, kode, now) if removal is not None else None
        if remove and refused is None:
            plan.deletes.add(now.path)
        elif remove:
            problems.append(finding(refused.rule, now.path, 1, 1, f"{objek} `{kode}` tidak ada di buku kerja, tetapi "
                                                                  f"tidak dihapus: {refused.reason}"))
        elif refused is None or not refused.newer:  # newer than the workbook: nothing to say
            problems.append(finding("XLSX-NOT-REMOVED", now.path, 1, 1,
                                    f"{objek} `{kode}` tidak ada di buku kerja; berkasnya tidak dihapus"))
    return plan, problems


def data_path(doc, line: int, column: int) -> tuple:
    """The data path of the value (or key) a finding points at."""
    for table in (doc.values, doc.keys):
        hits = [path for path, where in table.items() if where == (line, column)]
        if hits:
            return max(hits, key=len)
    before = [path for path, where in doc.values.items() if where <= (line, column)]
    return max(before, key=lambda p: (doc.values[p], len(p))) if before else ()


def map_findings(findings, plan: Plan, overlay: Project, new: frozenset = frozenset()) -> list[Finding]:
    """Findings in planned files moved to the cell each value came from (the file and line
    stay in the message, unless the file is one of the ``new`` ones, which does not exist yet);
    the hint in the words of the source when the entry has its own (:attr:`Wanted.hints`)."""
    docs = {loaded.file.path: loaded.doc for loaded in overlay.documents.all() if loaded.doc is not None}
    out = []
    for f in findings:
        entry = plan.origins.get(f.path)
        doc = docs.get(f.path)
        place = None
        if entry is not None and entry.locate is not None and doc is not None:
            place = entry.locate(data_path(doc, f.line, f.column), doc.data)
        if place is None and entry is not None and entry.where:
            place = entry.where
        if place is None:
            out.append(f)
            continue
        sheet, row, column = place[:3]
        message = f.message if f.path in new else f"{f.message} ({f.path}:{f.line}:{f.column})"
        hint = f.hint if entry is None or entry.hints is None else entry.hints.get(f.rule, entry.hints.get("", f.hint))
        out.append(Finding(sheet, row, column, f.rule, f.severity, message, hint))
    return out


@dataclass
class Applied:
    """The outcome of an import: every finding, what was (or would be) written, the summary."""

    findings: list[Finding]
    plan: Plan
    comparison: Comparison | None
    written: bool
    sheets: tuple[str, ...] = ()  # names of workbook sheets: findings there are shown as Sheet!C14

    @property
    def failed(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def place(self, f: Finding) -> str:
        if f.path in self.sheets:
            return f"{f.path}!{column_letter(f.column - 1)}{f.line}"
        return f"{f.path}:{f.line}:{f.column}"

    def sorted(self) -> list[Finding]:
        order = {name: i for i, name in enumerate(self.sheets)}
        return sorted(set(self.findings), key=lambda f: (f.path not in order, order.get(f.path, 0), f.path,
                                                         f.line, f.column, f.rule, f.message))

    def text(self) -> str:
        """Every finding, one per line: ``Kebutuhan!C14: RULE [galat] message (hint)``."""
        lines = []
        for f in self.sorted():
            hint = f" ({f.hint})" if f.hint else ""
            lines.append(f"{self.place(f)}: {f.rule} [{SEVERITY_LABEL[f.severity]}] {f.message}{hint}")
        return "".join(line + "\n" for line in lines)

    def counts(self) -> str:
        return ", ".join(f"{sum(1 for f in set(self.findings) if f.severity == s)} {SEVERITY_LABEL[s]}"
                         for s in ("error", "warning", "notice"))


def check_and_write(project: Project, plan: Plan, findings: list, label: str,
                    dry_run: bool = False, sheets: tuple[str, ...] = ()) -> Applied:
    """Check the would-be kamus (``project``: the working tree with ``plan`` laid over it);
    write the plan when nothing failed (unless ``dry_run``).

    The would-be kamus is checked even when cells had errors (every problem at once); a
    finding on a row that already has a cell error is left out (it is that error again).
    ``project``'s kamus files pass, so every error of the would-be kamus files is the
    import's; of the snapshots' findings, only those the import brings (a position a snapshot
    names, removed) are: a snapshot's own errors (a period still incomplete) do not stop it."""
    if any(f.severity == "error" and f.rule in STRUCTURAL for f in findings):
        return Applied(findings, plan, None, False, sheets)
    overlay = project.overlaid(plan.writes, plan.deletes)
    before = {(f.path, f.rule, f.message) for f in project.report.findings}
    kamus_errors = {f for f in overlay.kamus_report.findings if f.severity == "error"}
    result = [f for f in overlay.report.findings if f in kamus_errors
              or f.severity in ("error", "warning") and (f.path, f.rule, f.message) not in before]
    rows_with_errors = {(f.path, f.line) for f in findings if f.severity == "error"}
    new = frozenset(path for path in plan.writes if not project.source.is_file(path))
    findings = findings + [f for f in map_findings(result, plan, overlay, new) if (f.path, f.line) not in rows_with_errors]
    comparison = compare_projects(project, overlay, "kamus sekarang", label, current=project)
    if any(f.severity == "error" for f in findings) or dry_run:
        return Applied(findings, plan, comparison, False, sheets)
    write_plan(project.root, plan, label)
    return Applied(findings, plan, comparison, bool(plan.writes or plan.deletes), sheets)


def write_plan(root: Path, plan: Plan, label: str = "") -> None:
    """Write the plan all or nothing, also when the process is killed half-way (a journal
    first, see :mod:`generator.journal`); nothing outside the kamus root, no link followed."""
    apply_changes(root, plan.writes, plan.deletes, label)
