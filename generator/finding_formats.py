"""Reporters: a :class:`~generator.findings.Report` as text, JSON or GitHub annotations.

Each reporter is a function ``(report, strict) -> str``; the CLI picks one by name.
The JSON structure is documented in the README and pinned by a test; bump
``JSON_VERSION`` on any incompatible change.
"""

from __future__ import annotations

import json

from .findings import SEVERITY_LABEL, Report

JSON_VERSION = 1


def summary_line(report: Report, strict: bool) -> str:
    counts = ", ".join(f"{report.count(s)} {SEVERITY_LABEL[s]}" for s in ("error", "warning", "notice"))
    if report.failed(strict):
        verdict = "GAGAL"
        if report.count("error") == 0:
            verdict += " (peringatan dihitung sebagai kegagalan karena --strict)"
    else:
        verdict = "LULUS"
    return f"{verdict}: {report.files_checked} berkas diperiksa; {counts}."


def text(report: Report, strict: bool = False) -> str:
    """``path:line:col: RULE-ID message (hint)``, one per line, then a summary line."""
    lines = []
    for f in report.sorted():
        label = SEVERITY_LABEL[f.severity]
        hint = f" ({f.hint})" if f.hint else ""
        lines.append(f"{f.path}:{f.line}:{f.column}: {f.rule} [{label}] {f.message}{hint}")
    lines.append(summary_line(report, strict))
    return "\n".join(lines) + "\n"


def as_json(report: Report, strict: bool = False) -> str:
    document = {
        "version": JSON_VERSION,
        "ok": not report.failed(strict),
        "strict": strict,
        "files_checked": report.files_checked,
        "summary": {s: report.count(s) for s in ("error", "warning", "notice")},
        "findings": [f.as_dict() for f in report.sorted()],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _escape(value: str, property_: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(report: Report, strict: bool = False) -> str:
    """GitHub Actions workflow commands: an annotation on the line of each finding."""
    command = {"error": "error", "warning": "warning", "notice": "notice"}
    lines = []
    for f in report.sorted():
        level = command[f.severity]
        if strict and f.severity == "warning":
            level = "error"
        props = (f"file={_escape(f.path, True)},line={f.line},col={f.column},"
                 f"title={_escape(f.rule, True)}")
        hint = f" ({f.hint})" if f.hint else ""
        lines.append(f"::{level} {props}::{_escape(f.message + hint)}")
    lines.append(summary_line(report, strict))
    return "\n".join(lines) + "\n"


REPORTERS = {"text": text, "json": as_json, "github": github}
