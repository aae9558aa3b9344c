"""XLSX read straight from its XML parts with expat, one row at a time, under the guards of
:mod:`.limits`: several times faster than openpyxl, and nothing a file says is trusted.

Understood: shared and inline strings (without phonetic runs), numbers, booleans, error
values, dates (by the cell's number format, 1900 and 1904 systems), formulas (their text,
never evaluated; the value Excel last showed is kept beside it), hidden sheets, merged ranges (clipped to the
used area of their sheet). A damaged file (truncated XML, a bad CRC, a corrupt deflate
stream, a missing part) is :class:`~.cells.Unreadable`, never an internal error.
"""

from __future__ import annotations

import io
import re
import zipfile
from posixpath import dirname, join, normpath
from xml.parsers import expat

from .cells import Book, Unreadable
from .limits import (MAX_CELL_CHARS, MAX_PARTS, MAX_RATIO, MAX_SHARED_CHARS, MAX_SHARED_STRINGS, MAX_SMALL_PART,
                     MAX_UNPACKED, RATIO_FROM, SPLIT_HINT, Budget, thousands)
from .xlsx_sheet import DAMAGE, XlsxSheet, damaged, parse_part, refuse_doctype

_DATE_BUILTIN = frozenset(range(14, 23)) | {27, 28, 29, 30, 31, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
                                           57, 58}
_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|_.|\*.|\[(?!(?:h+|m+|s+)\])[^\]]*\]')
_RELATIONSHIP = "/officeDocument"


def _local(name: str) -> str:
    return name.rpartition("}")[2]


def _is_date_format(code: str) -> bool:
    stripped = _FORMAT_NOISE.sub("", code)
    return bool(re.search(r"[dmyhsDMYHS]", stripped)) and "General" not in code


def _parser(budget: Budget, start, end=None, text=None):
    parser = expat.ParserCreate(namespace_separator="}")

    def counted(name, attrs):
        budget.spend(1)
        start(name, attrs)

    parser.StartElementHandler = counted
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
        parser.buffer_text = True
    parser.StartDoctypeDeclHandler = refuse_doctype
    return parser


def check_archive(raw: bytes) -> zipfile.ZipFile:
    """The zip archive of ``raw``, after its directory passed the guards."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise damaged(exc) from None
    if len(parts) > MAX_PARTS:
        raise Unreadable(f"arsip XLSX berisi {thousands(len(parts))} bagian (paling banyak {thousands(MAX_PARTS)})",
                         SPLIT_HINT)
    if any(p.flag_bits & 0x1 for p in parts):
        raise Unreadable("berkas XLSX terkunci kata sandi", "Buka di Excel, hapus kata sandinya (File > Info > "
                                                           "Protect Workbook), lalu simpan ulang sebagai .xlsx.")
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise Unreadable(f"bagian `{part.filename[:80]}` membesar {part.file_size // max(part.compress_size, 1)}× "
                             f"saat dibuka ({thousands(part.compress_size)} → {thousands(part.file_size)} bita): "
                             "bukan isi lembar kerja yang wajar (bom zip)", SPLIT_HINT)
    if total > MAX_UNPACKED:
        raise Unreadable(f"isi berkas XLSX terlalu besar setelah dibuka ({total / 1_000_000:.0f} MB, paling banyak "
                         f"{MAX_UNPACKED // 1_000_000} MB)", SPLIT_HINT)
    return archive


class XlsxBook(Book):
    kind = "xlsx"

    def __init__(self, raw: bytes, name: str, held: int | None = None):
        super().__init__(name, Budget(held))
        self.archive = check_archive(raw)
        try:
            self.names = set(self.archive.namelist())
            workbook = self._workbook_path()
            sheets, self.system_1904 = self._workbook(workbook)
            self.dates = self._date_styles(workbook)
            self._shared: list[str] | None = None
            self.sheets = [XlsxSheet(self, title, path, visible) for title, path, visible in sheets]
        except Unreadable:
            self.archive.close()
            raise
        except DAMAGE as exc:
            self.archive.close()
            raise damaged(exc) from None

    # --- the small parts ---------------------------------------------------------------

    def read_small(self, path: str) -> bytes:
        info = self.archive.getinfo(path)
        if info.file_size > MAX_SMALL_PART:
            raise Unreadable(f"bagian `{path}` terlalu besar ({thousands(info.file_size)} bita)", SPLIT_HINT)
        return self.archive.read(path)

    def _relationships(self, path: str) -> dict[str, tuple[str, str]]:
        """Id → (type, target part) of the relationships of part ``path``."""
        rels = join(dirname(path), "_rels", path.rsplit("/", 1)[-1] + ".rels")
        found: dict[str, tuple[str, str]] = {}
        if rels not in self.names:
            return found

        def start(tag, attrs):
            if _local(tag) == "Relationship" and attrs.get("TargetMode") != "External":
                target = attrs.get("Target", "")
                target = target.lstrip("/") if target.startswith("/") else normpath(join(dirname(path), target))
                found[attrs.get("Id", "")] = (attrs.get("Type", ""), target)

        _parser(self.budget, start).Parse(self.read_small(rels), True)
        return found

    def _workbook_path(self) -> str:
        for kind, target in self._relationships("").values():
            if kind.endswith(_RELATIONSHIP) and target in self.names:
                return target
        if "xl/workbook.xml" in self.names:
            return "xl/workbook.xml"
        raise Unreadable(*not_a_workbook(self.names))

    def _workbook(self, path: str) -> tuple[list[tuple[str, str, bool]], bool]:
        rels = self._relationships(path)
        sheets, system = [], [False]

        def start(tag, attrs):
            name = _local(tag)
            if name == "sheet":
                rid = next((v for k, v in attrs.items() if _local(k) == "id"), None)
                if rid in rels and rels[rid][1] in self.names:
                    sheets.append((attrs.get("name", ""), rels[rid][1], attrs.get("state", "visible") == "visible"))
            elif name == "workbookPr":
                system[0] = attrs.get("date1904", "").lower() in ("1", "true")

        _parser(self.budget, start).Parse(self.read_small(path), True)
        return sheets, system[0]

    def _date_styles(self, workbook: str) -> frozenset[int]:
        """Indexes of the cell styles whose number format shows a date or time."""
        styles = next((target for kind, target in self._relationships(workbook).values()
                       if kind.endswith("/styles") and target in self.names), None)
        if styles is None:
            return frozenset()
        codes: dict[int, str] = {}
        formats: list[int] = []
        where = {"cellXfs": False}

        def start(tag, attrs):
            name = _local(tag)
            if name == "numFmt" and attrs.get("numFmtId", "").isdigit():
                codes[int(attrs["numFmtId"])] = attrs.get("formatCode", "")
            elif name == "cellXfs":
                where["cellXfs"] = True
            elif name == "xf" and where["cellXfs"]:
                number = attrs.get("numFmtId", "0")
                formats.append(int(number) if number.isdigit() else 0)

        def end(tag):
            if _local(tag) == "cellXfs":
                where["cellXfs"] = False

        _parser(self.budget, start, end).Parse(self.read_small(styles), True)
        return frozenset(i for i, number in enumerate(formats)
                         if number in _DATE_BUILTIN or (number in codes and _is_date_format(codes[number])))

    # --- shared strings, read on first use, counted as they stream -----------------------

    @property
    def shared(self) -> list[str]:
        if self._shared is None:
            self._shared = self._shared_strings()
        return self._shared

    def _shared_strings(self) -> list[str]:
        path = "xl/sharedStrings.xml"
        if path not in self.names:
            return []
        strings: list[str] = []
        parts: list[str] = []
        local: dict[str, str] = {}
        rph = chars = count = length = 0
        inside = False

        def name_of(tag: str) -> str:
            local[tag] = found = tag.rpartition(":")[2]
            return found

        def start(tag, attrs):
            nonlocal rph, inside, count, length
            count += 1
            name = local.get(tag) or name_of(tag)
            if name == "t" and not rph:
                inside = True
            elif name == "si":
                parts.clear()
                length = 0
            elif name == "rPh":
                rph += 1

        def end(tag):
            nonlocal rph, inside
            name = local.get(tag) or name_of(tag)
            if name == "t":
                inside = False
            elif name == "si":
                strings.append("".join(parts))
            elif name == "rPh":
                rph -= 1

        def data(chunk):
            nonlocal chars, length
            if inside:
                chars += len(chunk)  # counted as they come: one string may be the whole part
                length += len(chunk)
                if length > MAX_CELL_CHARS:
                    self.budget.text(length)
                parts.append(chunk)

        for _ in parse_part(self.archive, path, (start, end, data), self.budget, lambda: count, "teks bersama"):
            if len(strings) > MAX_SHARED_STRINGS:
                raise Unreadable(f"tabel teks bersama (sharedStrings) berisi lebih dari "
                                 f"{thousands(MAX_SHARED_STRINGS)} teks", SPLIT_HINT)
            if chars > MAX_SHARED_CHARS:
                raise Unreadable(f"tabel teks bersama (sharedStrings) berisi lebih dari "
                                 f"{MAX_SHARED_CHARS // 1_000_000} juta huruf", SPLIT_HINT)
        return strings

    def close(self) -> None:
        self.archive.close()


def not_a_workbook(names: set[str]) -> tuple[str, str]:
    """(message, hint) for a zip archive that holds no workbook: say what it is."""
    save = "Buka berkas di aplikasinya, lalu Simpan Sebagai Excel Workbook (.xlsx)."
    if "mimetype" in names and any(n == "content.xml" for n in names):
        return "berkas ini OpenDocument (LibreOffice/OpenOffice, .ods), bukan buku kerja Excel (.xlsx)", \
            "Buka di LibreOffice Calc, lalu File > Simpan Sebagai > Excel 2007-365 (.xlsx)."
    if "word/document.xml" in names:
        return "berkas ini dokumen Word (.docx), bukan buku kerja Excel", save
    if any(n.startswith("ppt/") for n in names):
        return "berkas ini presentasi PowerPoint (.pptx), bukan buku kerja Excel", save
    return "berkas ini arsip zip, bukan buku kerja Excel (xl/workbook.xml tidak ada)", save
