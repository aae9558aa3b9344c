"""`kamus export --format NAME`: open data and the editable workbook, one exporter per format
behind one command.

An :class:`Exporter` turns one kamus version (a sound :class:`~generator.project.Project`)
into the bytes of one file. Adding a format is adding an exporter module and listing its
``EXPORTER`` in :data:`EXPORTERS`; the command, its ``--format`` choices and its help
text come from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..lazy import lazy_function  # each format's module is imported when it writes: every command starts faster


@dataclass(frozen=True)
class Exporter:
    name: str  # the value of --format
    description: str  # one line in Bahasa Indonesia, shown in --help
    suffixes: tuple[str, ...]  # output file suffixes this format accepts
    write: Callable  # (Project) -> bytes


EXPORTERS: dict[str, Exporter] = {exporter.name: exporter for exporter in (
    Exporter("json", "seluruh kamus sebagai JSON terdokumentasi (skema schemas/kamus-data.schema.json)", (".json",),
             lazy_function(__package__, ".opendata", "export_json")),
    Exporter("case", "kerangka kompetensi sebagai 1EdTech CASE 1.1 (CFPackage JSON)", (".json",),
             lazy_function(__package__, ".case", "export_case")),
    Exporter("xlsx", "seluruh kamus sebagai buku kerja Excel untuk disunting lalu diimpor kembali (kamus import)",
             (".xlsx",), lazy_function(__package__, "..workbook.export", "export_xlsx")),
)}

__all__ = ["EXPORTERS", "Exporter"]
