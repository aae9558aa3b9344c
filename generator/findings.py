"""Findings (one problem in one place) and the report that collects them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SEVERITY_LABEL = {"error": "galat", "warning": "peringatan", "notice": "catatan"}

# Personal data never leaves the RAHASIA outputs, and findings go to CI logs and PR summaries:
# a run of 15 to 20 digits (with spaces, dots or hyphens between them) is a NIP, an NIK, the
# Excel-rounded rest of one or one typed with a digit too many, wherever a message quotes it
# from a cell (any script's digits: full-width NIPs too). Messages name the file, row and column
# instead. Longer runs are ids (a SIASN id is 32 characters), never a person's number.
PERSONAL_NUMBER = re.compile(r"(?<!\w)\d(?:[ .\-]?\d){14,19}(?!\w)")
HIDDEN = "[data pribadi, tidak ditampilkan]"


def without_personal_numbers(text: str) -> str:
    """``text`` with every number that could be a NIP or an NIK replaced by :data:`HIDDEN`."""
    return PERSONAL_NUMBER.sub(HIDDEN, text) if text else text


@dataclass(frozen=True, order=True)
class Finding:
    """One problem: where it is, which rule found it, what is wrong and how to fix it.

    ``path`` is relative to the kamus root with forward slashes; ``line`` and ``column``
    are 1-based.
    """

    path: str
    line: int
    column: int
    rule: str
    severity: str
    message: str
    hint: str = ""

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass
class Report:
    """Every finding of one validation run, plus how many files were read."""

    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def extend(self, findings) -> None:
        self.findings.extend(findings)

    def sorted(self) -> list[Finding]:
        return sorted(set(self.findings))

    def count(self, severity: str) -> int:
        return sum(1 for f in set(self.findings) if f.severity == severity)

    def failed(self, strict: bool = False) -> bool:
        """True when the run must fail: any error, or any warning under ``strict``."""
        return self.count("error") > 0 or (strict and self.count("warning") > 0)

    def exit_code(self, strict: bool = False) -> int:
        return 1 if self.failed(strict) else 0
