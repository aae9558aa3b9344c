"""XLSX read straight from its XML parts with expat, one row at a time, under the guards of
:mod:`.limits`: several times faster than openpyxl, and nothing a file says is trusted.

Understood: shared and inline strings (without phonetic runs), numbers, booleans, error
values, dates (by the cell's number format, 1900 and 1904 systems), formulas (their text,
never evaluated; the value Excel last showed is kept beside it), hidden sheets, merged ranges (clipped to the
used area of their sheet). A damaged file (truncated XML, a bad CRC, a corrupt deflate
stream, a missing part) is :class:`~.cells.Unreadable`, never an internal error.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from posixpath import dirname, join, normpath
from xml.parsers import expat

from .cells import Book, Cell, Range, Sheet, Unreadable
from .limits import (MAX_COLUMNS, MAX_PARTS, MAX_RATIO, MAX_ROWS, MAX_SHARED_CHARS, MAX_SHARED_STRINGS,
                     MAX_SMALL_PART, MAX_UNPACKED, RATIO_FROM, SPLIT_HINT, Budget)

CHUNK = 1 << 16
_DAMAGE = (zipfile.BadZipFile, zlib.error, expat.ExpatError, EOFError, OSError, KeyError, ValueError, IndexError,
           NotImplementedError, RuntimeError, OverflowError, UnicodeError)
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$", re.ASCII)
_DATE_BUILTIN = frozenset(range(14, 23)) | {27, 28, 29, 30, 31, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
                                           57, 58}
_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|_.|\*.|\[(?!(?:h+|m+|s+)\])[^\]]*\]')
_RELATIONSHIP = "/officeDocument"


def _local(name: str) -> str:
    return name.rpartition("}")[2]


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def parse_ref(ref: str) -> tuple[int, int]:
    """``B12`` → (12, 2); refused when outside Excel's sheet."""
    match = _REF.match(ref.strip())
    if not match:
        raise ValueError(f"alamat sel `{ref[:20]}` tidak sah")
    row, column = int(match[2]), _column_number(match[1])
    if not (1 <= row <= MAX_ROWS and 1 <= column <= MAX_COLUMNS):
        raise ValueError(f"alamat sel `{ref[:20]}` di luar lembar Excel")
    return row, column


def _is_date_format(code: str) -> bool:
    stripped = _FORMAT_NOISE.sub("", code)
    return bool(re.search(r"[dmyhsDMYHS]", stripped)) and "General" not in code


def excel_date(serial: float, system_1904: bool) -> dt.datetime | None:
    if system_1904:
        base = dt.datetime(1904, 1, 1)
    else:
        base = dt.datetime(1899, 12, 30)
        if serial < 61:  # Excel's 29 February 1900, which never was
            serial += 1
            if serial >= 61:
                return None
    if not 0 < serial < 2_958_466:
        return None
    return base + dt.timedelta(days=round(serial * 86_400_000) / 86_400_000)


def _parser(budget: Budget, start, end=None, text=None):
    parser = expat.ParserCreate(namespace_separator="}")

    def counted(name, attrs):
        budget.spend(1)
        start(name, attrs)

    def refuse(*_):
        raise ValueError("XML dengan DOCTYPE tidak diterima")

    parser.StartElementHandler = counted
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
        parser.buffer_text = True
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    return parser


def check_archive(raw: bytes) -> zipfile.ZipFile:
    """The zip archive of ``raw``, after its directory passed the guards."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise Unreadable(f"berkas XLSX rusak: {exc}", "Buka di Excel; bila bisa, simpan ulang sebagai Excel Workbook "
                                                      "(.xlsx). Bila tidak, minta berkas asli dari pengirimnya.") from None
    if len(parts) > MAX_PARTS:
        raise Unreadable(f"arsip XLSX berisi {len(parts):,} bagian (paling banyak {MAX_PARTS:,})".replace(",", "."),
                         SPLIT_HINT)
    if any(p.flag_bits & 0x1 for p in parts):
        raise Unreadable("berkas XLSX terkunci kata sandi", "Buka di Excel, hapus kata sandinya (File > Info > "
                                                           "Protect Workbook), lalu simpan ulang sebagai .xlsx.")
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise Unreadable(f"bagian `{part.filename[:80]}` membesar {part.file_size // max(part.compress_size, 1)}× "
                             f"saat dibuka ({part.compress_size:,} → {part.file_size:,} bita): bukan isi lembar "
                             "kerja yang wajar (bom zip)".replace(",", "."), SPLIT_HINT)
    if total > MAX_UNPACKED:
        raise Unreadable(f"isi berkas XLSX terlalu besar setelah dibuka ({total / 1_000_000:.0f} MB, paling banyak "
                         f"{MAX_UNPACKED // 1_000_000} MB)", SPLIT_HINT)
    return archive


class XlsxBook(Book):
    kind = "xlsx"

    def __init__(self, raw: bytes, name: str):
        super().__init__(name, Budget())
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
        except _DAMAGE as exc:
            self.archive.close()
            raise damaged(exc) from None

    # --- the small parts ---------------------------------------------------------------

    def read_small(self, path: str) -> bytes:
        info = self.archive.getinfo(path)
        if info.file_size > MAX_SMALL_PART:
            raise Unreadable(f"bagian `{path}` terlalu besar ({info.file_size:,} bita)".replace(",", "."), SPLIT_HINT)
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
        state = {"depth_rph": 0, "in_t": False, "chars": 0}

        def start(tag, attrs):
            name = _local(tag)
            if name == "si":
                parts.clear()
            elif name == "rPh":
                state["depth_rph"] += 1
            elif name == "t" and not state["depth_rph"]:
                state["in_t"] = True

        def end(tag):
            name = _local(tag)
            if name == "t":
                state["in_t"] = False
            elif name == "rPh":
                state["depth_rph"] -= 1
            elif name == "si":
                text = "".join(parts)
                state["chars"] += len(text)
                strings.append(text)
                if len(strings) > MAX_SHARED_STRINGS:
                    raise Unreadable(f"tabel teks bersama (sharedStrings) berisi lebih dari "
                                     f"{MAX_SHARED_STRINGS:,} teks".replace(",", "."), SPLIT_HINT)
                if state["chars"] > MAX_SHARED_CHARS:
                    raise Unreadable(f"tabel teks bersama (sharedStrings) berisi lebih dari "
                                     f"{MAX_SHARED_CHARS // 1_000_000} juta huruf", SPLIT_HINT)

        def text(data):
            if state["in_t"]:
                parts.append(data)

        parser = _parser(self.budget, start, end, text)
        try:
            with self.archive.open(path) as handle:
                while chunk := handle.read(CHUNK):
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
        except Unreadable:
            raise
        except _DAMAGE as exc:
            raise damaged(exc, "teks bersama") from None
        return strings

    def close(self) -> None:
        self.archive.close()


class XlsxSheet(Sheet):
    def __init__(self, book: XlsxBook, name: str, path: str, visible: bool):
        super().__init__(book, name, visible)
        self.path = path

    def rows(self) -> Iterator[list[Cell]]:
        book: XlsxBook = self.book
        shared, dates, system_1904, title = book.shared, book.dates, book.system_1904, self.name
        done: list[list[Cell]] = []
        cells: list[Cell] = []
        merges: list[Range] = []
        formulas: dict[str, str] = {}  # shared formula index → its text
        state = {"row": 0, "column": 0, "kind": "n", "style": 0, "value": None, "formula": None, "in": None,
                 "rph": 0, "max_row": 0, "max_col": 0}
        text_parts: list[str] = []

        def start(tag, attrs):
            name = _local(tag)
            if name == "c":
                ref = attrs.get("r")
                if ref:
                    row, state["column"] = parse_ref(ref)
                    if row != state["row"]:
                        raise ValueError(f"sel `{ref}` berada di luar barisnya")
                else:
                    state["column"] += 1
                    if state["column"] > MAX_COLUMNS:
                        raise ValueError("baris berisi lebih banyak kolom daripada lembar Excel")
                state["kind"], state["value"], state["formula"] = attrs.get("t", "n"), None, None
                style = attrs.get("s", "0")
                state["style"] = int(style) if style.isdigit() else 0
            elif name == "row":
                number = attrs.get("r")
                state["row"] = int(number) if number else state["row"] + 1
                if not 1 <= state["row"] <= MAX_ROWS:
                    raise ValueError(f"baris {number} di luar lembar Excel")
                state["column"] = 0
                cells.clear()
            elif name in ("v", "t", "f"):
                if name == "t" and state["rph"]:
                    return
                state["in"] = name
                text_parts.clear()
                if name == "f" and attrs.get("t") == "shared":
                    state["shared_index"] = attrs.get("si", "")
                elif name == "f":
                    state["shared_index"] = None
            elif name == "rPh":
                state["rph"] += 1
            elif name == "mergeCell":
                first, _, last = attrs.get("ref", "").partition(":")
                top, bottom = parse_ref(first), parse_ref(last or first)
                merges.append(Range(min(top[0], bottom[0]), min(top[1], bottom[1]),
                                    max(top[0], bottom[0]), max(top[1], bottom[1])))

        def end(tag):
            name = _local(tag)
            if name == "c":
                cell = _cell(title, state, shared, dates, system_1904)
                if cell is not None:
                    cells.append(cell)
            elif name == "row":
                if cells:
                    cells.sort(key=_by_column)
                    done.append(list(cells))
                    if state["row"] > state["max_row"]:
                        state["max_row"] = state["row"]
                    if cells[-1].column > state["max_col"]:
                        state["max_col"] = cells[-1].column
                cells.clear()
            elif name == state["in"]:
                text = "".join(text_parts)
                if name == "f":
                    index = state.get("shared_index")
                    if index:
                        text = formulas.setdefault(index, text) if text else formulas.get(index, "")
                    state["formula"] = text
                elif name == "t":
                    state["value"] = (state["value"] or "") + text
                else:
                    state["value"] = text
                state["in"] = None
            elif name == "rPh":
                state["rph"] -= 1

        def text(data):
            if state["in"]:
                text_parts.append(data)

        parser = _parser(book.budget, start, end, text)
        try:
            with book.archive.open(self.path) as handle:
                while chunk := handle.read(CHUNK):
                    parser.Parse(chunk, False)
                    if done:
                        yield from done
                        done.clear()
                parser.Parse(b"", True)
        except Unreadable:
            raise
        except _DAMAGE as exc:
            raise damaged(exc, f"lembar `{self.name}`") from None
        yield from done
        self.merged = [m for m in (r.clipped(state["max_row"], state["max_col"]) for r in merges) if m is not None]


def _by_column(cell: Cell) -> int:
    return cell.column


def _cell(sheet: str, state: dict, shared: list[str], dates: frozenset, system_1904: bool) -> Cell | None:
    value = _value(state, shared, dates, system_1904)
    formula = state["formula"]
    if formula is not None:
        return Cell(sheet, state["row"], state["column"], f"={formula}", True, value)
    if value is None:
        return None
    return Cell(sheet, state["row"], state["column"], value)


def _value(state: dict, shared: list[str], dates: frozenset, system_1904: bool):
    value = state["value"]
    kind = state["kind"]
    if value is None or (kind not in ("inlineStr", "str", "e", "d") and not value.strip()):
        return None
    if kind == "s":
        index = int(value)
        if not 0 <= index < len(shared):
            raise ValueError(f"sel merujuk teks bersama nomor {index}, yang tidak ada")
        return shared[index]
    if kind == "b":
        return value.strip() == "1"
    if kind in ("inlineStr", "str", "e", "d"):
        return value or None
    number = float(value)
    if state["style"] in dates and (moment := excel_date(number, system_1904)) is not None:
        return moment
    return int(number) if number.is_integer() and "." not in value and "E" not in value.upper() else number


def damaged(exc: BaseException, where: str = "") -> Unreadable:
    """A damaged archive or part in words: what broke, and what to do."""
    if isinstance(exc, expat.ExpatError):
        what = f"XML {'di ' + where + ' ' if where else ''}terpotong atau rusak ({expat.ErrorString(exc.code)}, " \
               f"baris {exc.lineno})"
    elif isinstance(exc, zipfile.BadZipFile) and "CRC" in str(exc):
        what = f"isi {where or 'berkas'} tidak cocok dengan checksum-nya (CRC): berkas rusak saat disalin atau diunduh"
    elif isinstance(exc, (zlib.error, EOFError)):
        what = f"data terkompresi {'di ' + where if where else ''} rusak atau terpotong"
    elif isinstance(exc, KeyError):
        what = f"bagian yang dirujuk tidak ada di arsip ({exc})"
    elif isinstance(exc, (NotImplementedError, RuntimeError)):
        what = f"bagian arsip memakai cara simpan yang tidak didukung ({exc})"
    else:
        what = f"{where + ': ' if where else ''}{exc}"
    return Unreadable(f"berkas XLSX rusak: {what}", "Buka di Excel; bila bisa, simpan ulang sebagai Excel Workbook "
                                                    "(.xlsx). Bila tidak, minta berkas asli dari pengirimnya.")


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
