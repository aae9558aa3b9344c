"""What every reader of a period's file shares: its cells as values, numbers and dates, and
its findings at file:row:column."""

from __future__ import annotations

from ...rules import finding
from .header import Header
from .values import Dates, clean, parse_number


class FileReader:
    """One table of a period under its :class:`~.header.Header`; ``index`` is the columns it reads."""

    def __init__(self, table, header: Header, index: dict[str, int]):
        self.table, self.header, self.path, self.index = table, header, table.path, index
        self.findings: list = []
        self.errors = 0
        self.dates = Dates()

    def error(self, rule, line, column, message, hint=None):
        """A finding that keeps the row out (``column`` 0-based)."""
        self.errors += 1
        self.findings.append(finding(rule, self.path, line, column + 1, message, hint))

    def warning(self, rule, line, column, message, hint=None):
        """A finding about the row that does not keep it out."""
        self.findings.append(finding(rule, self.path, line, column + 1, message, hint))

    def label(self, name: str) -> str:
        return self.header.label(name)

    def cell(self, cells, name) -> str:
        position = self.index.get(name)
        return clean(cells[position]) if position is not None and position < len(cells) else ""

    def number(self, line, cells, name, low, high, required=False):
        text = self.cell(cells, name)
        if not text:
            if required:
                self.error("SNAPSHOT-EMPTY", line, self.index[name], f"`{self.label(name)}` kosong")
            return None
        value = parse_number(text)
        if value is None or not low <= value <= high:
            self.error("SNAPSHOT-VALUE", line, self.index[name],
                       f"`{self.label(name)}` bernilai `{text}`, harus bilangan {low}–{high}")
            return None
        return value

    def date(self, line, cells, name, checked_only=False):
        """The date in column ``name``, or its text while the file's day/month order is open
        (:class:`~.values.Dates`); ``checked_only``: a column only compared with the NIP, whose
        unreadable value is a warning."""
        text = self.cell(cells, name)
        if not text:
            return None
        value = self.dates.read(text, line, self.index[name])
        if value is None and checked_only:
            self.warning("SNAPSHOT-NIP-DATA", line, self.index[name],  # a birth date: personal, not quoted
                         f"`{self.label(name)}` bukan tanggal yang dikenal; tidak dibandingkan dengan NIP")
        elif value is None:
            self.error("SNAPSHOT-DATE", line, self.index[name],
                       f"`{self.label(name)}` bernilai `{text}`, bukan tanggal yang dikenal")
        return value

    def date_findings(self) -> None:
        """The findings on the order of the file's dates (see :meth:`~.values.Dates.report`)."""
        self.findings.extend(self.dates.report(self.path, self.header.line, self.header.exported, self.error))
