"""The personal values of a period, kept only to take them out of its findings.

Findings go to the terminal, CI logs and PR summaries; personal data never leaves the RAHASIA
outputs. The readers never quote a NIP (:mod:`..nip`) and every finding loses any number that
could be a NIP or an NIK (:func:`~generator.findings.without_personal_numbers`), but a value
quoted from a cell can still be a person's name or birth date: in a shifted row, a column
filled by hand, an export whose columns are not what their headers say. So the employee
readers note every NIP, name and birth date as the cells write them, and once the period is
read, a quoted value (`…`) of a finding that is one of them is replaced: the finding keeps its
file, row and column, which are enough to find the cell.
"""

from __future__ import annotations

import dataclasses
import re

from ...findings import HIDDEN

_QUOTED = re.compile(r"`([^`]*)`")
_SUFFIX = re.compile(r"\s*\([^()]*\)$")  # `Bagian Umum (SETDA)`: the export's text and the kamus unit


def _key(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").strip().lstrip("'").casefold().split())


class PersonalValues:
    """NIPs, names and birth dates as a period's cells write them (compared without case and
    extra spaces)."""

    def __init__(self):
        self.values: set[str] = set()

    def add(self, *texts: str) -> None:
        for text in texts:
            if text:
                key = _key(text)
                if len(key) > 2:
                    self.values.add(key)

    def _quoted(self, match: re.Match) -> str:
        text = _key(match[1])
        if text in self.values or _SUFFIX.sub("", text) in self.values:
            return f"`{HIDDEN}`"
        return match[0]

    def scrub(self, findings: list) -> list:
        """``findings`` with every quoted personal value replaced by :data:`~generator.findings.HIDDEN`."""
        if not self.values:
            return findings
        out = []
        for f in findings:
            message = _QUOTED.sub(self._quoted, f.message) if "`" in f.message else f.message
            hint = _QUOTED.sub(self._quoted, f.hint) if f.hint and "`" in f.hint else f.hint
            out.append(f if (message, hint) == (f.message, f.hint) else dataclasses.replace(f, message=message,
                                                                                                hint=hint))
        return out
