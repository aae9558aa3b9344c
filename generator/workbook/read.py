"""Reading a workbook that someone hands back: safely, cell by cell, with where each cell is.

An XLSX file is a zip archive of XML: before openpyxl sees it, its size, its number of
parts and their unpacked size are checked, so that a hostile file cannot fill the memory.
Cells keep their place (``Kebutuhan!C14``) for every finding; a formula is never
evaluated (its text is reported, the editor is asked for the value).
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree
from xml.parsers import expat
from typing import NamedTuple

from ..rules import finding
from ..tables import cell_text, column_letter, unguard

MAX_BYTES = 50_000_000  # the file itself
MAX_UNPACKED = 800_000_000  # all parts unpacked
MAX_PARTS = 10_000


class Unreadable(Exception):
    """The file is no workbook Kamus can read; ``finding`` says why."""

    def __init__(self, found):
        super().__init__(found.message)
        self.finding = found


class Cell(NamedTuple):
    sheet: str
    row: int
    column: int  # 1-based
    value: object  # as openpyxl gives it (str, int, float, bool, datetime, None)
    formula: bool = False

    @property
    def ref(self) -> str:
        return f"{self.sheet}!{column_letter(self.column - 1)}{self.row}"

    @property
    def text(self) -> str:
        """The value as text, stripped, with the export's formula guard taken off."""
        if isinstance(self.value, str):
            return unguard(self.value.replace("\r\n", "\n").strip())
        return cell_text(self.value).strip()

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


def cell_finding(rule: str, cell: Cell, message: str, hint: str | None = None):
    """A finding at ``cell``: path = sheet name, line = row, column = column."""
    return finding(rule, cell.sheet, cell.row, cell.column, message, hint)


def _check_archive(raw: bytes, name: str) -> None:
    if len(raw) > MAX_BYTES:
        raise Unreadable(finding("XLSX-FILE", name, 1, 1, f"berkas lebih dari {MAX_BYTES // 1_000_000} MB"))
    if not raw.startswith(b"PK"):
        hint = ("Simpan ulang di Excel sebagai Excel Workbook (.xlsx)."
                if raw.startswith(b"\xd0\xcf\x11\xe0") else None)
        raise Unreadable(finding("XLSX-FILE", name, 1, 1, "berkas bukan buku kerja XLSX"
                                 + (" (format .xls lama atau berkas terkunci kata sandi)" if hint else ""), hint))
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise Unreadable(finding("XLSX-FILE", name, 1, 1, f"berkas XLSX rusak: {exc}")) from None
    if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED:
        raise Unreadable(finding("XLSX-FILE", name, 1, 1, "isi berkas XLSX terlalu besar setelah dibuka"))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _column_number(ref: str) -> int:
    number = 0
    for ch in ref:
        if not ch.isalpha():
            break
        number = number * 26 + ord(ch.upper()) - 64
    return number


class Book:
    """A workbook read straight from its XML parts, one row at a time: the sheets a kamus
    workbook has (several times faster than openpyxl on 100,000 rows). Shared strings,
    inline strings, numbers, booleans and formulas are understood; styles are not needed."""

    def __init__(self, raw: bytes, name: str):
        _check_archive(raw, name)
        self.name = name
        self.archive = zipfile.ZipFile(io.BytesIO(raw))
        try:
            self.paths = self._sheet_paths()
            self.shared = self._shared_strings()
        except (KeyError, ElementTree.ParseError, zipfile.BadZipFile) as exc:
            raise Unreadable(finding("XLSX-FILE", name, 1, 1, f"XLSX tidak dapat dibaca: {exc}")) from None
        self.sheetnames = list(self.paths)

    def _sheet_paths(self) -> dict[str, str]:
        rels = {}
        for element in ElementTree.fromstring(self.archive.read("xl/_rels/workbook.xml.rels")):
            target = element.get("Target", "")
            rels[element.get("Id")] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        paths = {}
        for element in ElementTree.fromstring(self.archive.read("xl/workbook.xml")).iter():
            if _local(element.tag) == "sheet":
                rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
                if rid in rels:
                    paths[element.get("name")] = rels[rid]
        return paths

    def _shared_strings(self) -> list[str]:
        if "xl/sharedStrings.xml" not in self.archive.namelist():
            return []
        strings = []
        for _, element in ElementTree.iterparse(self.archive.open("xl/sharedStrings.xml")):
            if _local(element.tag) == "si":
                strings.append("".join(t.text or "" for t in element.iter() if _local(t.tag) == "t"))
                element.clear()
        return strings

    def rows(self, sheet: str) -> list[list[Cell]]:
        """Every non-empty row of ``sheet`` as cells (an expat parser: one pass, no tree)."""
        found: list[list[Cell]] = []
        state = {"row": 0, "column": 0, "kind": "n", "text": None, "formula": None, "in": None, "cells": []}
        parts: list[str] = []

        def start(tag, attrs):
            name = tag.rsplit("}", 1)[-1]
            if name == "row":
                state["row"] = int(attrs.get("r") or state["row"] + 1)
                state["cells"], state["column"] = [], 0
            elif name == "c":
                ref = attrs.get("r")
                state["column"] = _column_number(ref) if ref else state["column"] + 1
                state["kind"], state["text"], state["formula"] = attrs.get("t", "n"), None, None
            elif name in ("v", "t", "f"):
                state["in"] = name
                parts.clear()

        def end(tag):
            name = tag.rsplit("}", 1)[-1]
            if name in ("v", "t", "f"):
                text = "".join(parts)
                if name == "f":
                    state["formula"] = text
                elif name == "t":
                    state["text"] = (state["text"] or "") + text
                else:
                    state["text"] = text
                state["in"] = None
            elif name == "c":
                cell = self._cell(sheet, state["row"], state["column"], state["kind"], state["text"], state["formula"])
                if cell is not None:
                    state["cells"].append(cell)
            elif name == "row":
                if any(not cell.empty for cell in state["cells"]):
                    found.append(state["cells"])

        def text(data):
            if state["in"]:
                parts.append(data)

        parser = expat.ParserCreate(namespace_separator="}")
        parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
        parser.buffer_text = True
        try:
            with self.archive.open(self.paths[sheet]) as handle:
                parser.ParseFile(handle)
        except (KeyError, expat.ExpatError, ValueError, IndexError) as exc:
            raise Unreadable(finding("XLSX-FILE", self.name, 1, 1, f"lembar `{sheet}` tidak dapat dibaca: {exc}")) \
                from None
        return found

    def _cell(self, sheet: str, row: int, column: int, kind: str, value, formula) -> Cell | None:
        if formula is not None:
            return Cell(sheet, row, column, f"={formula}", True)
        if value is None:
            return None
        if kind == "s":
            value = self.shared[int(value)]
        elif kind == "b":
            value = value.strip() == "1"
        elif kind not in ("inlineStr", "str", "e"):
            number = float(value)
            value = int(number) if number.is_integer() and "." not in value and "E" not in value.upper() else number
        return Cell(sheet, row, column, value)

    def close(self) -> None:
        self.archive.close()


def open_workbook(raw: bytes, name: str, merged: bool = False):
    """The workbook of ``raw``: a fast :class:`Book`, or (``merged``) openpyxl's, which
    knows merged ranges (for SKJ forms)."""
    if not merged:
        return Book(raw, name)
    import openpyxl

    _check_archive(raw, name)
    try:
        return openpyxl.load_workbook(io.BytesIO(raw), read_only=False, data_only=False)
    except Exception as exc:  # a broken or foreign file: openpyxl raises many kinds
        raise Unreadable(finding("XLSX-FILE", name, 1, 1, f"XLSX tidak dapat dibaca: {exc}")) from None
