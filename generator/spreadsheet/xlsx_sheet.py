"""One XLSX worksheet streamed row by row: the hot loop of the table reader.

Expat without namespace processing and handlers that keep their state in local variables:
about a million XML elements a second on the developers' machine (the first version, with
namespaces and a state dictionary, read a third of that). Elements are counted against the
book's budget once per 64 KB chunk; merged ranges come at the end of the sheet's XML and
are clipped to the used area there.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from operator import attrgetter
from xml.parsers import expat

from .cells import Cell, Range, Sheet, Unreadable
from .limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS

CHUNK = 1 << 16
DAMAGE = (zipfile.BadZipFile, zlib.error, expat.ExpatError, EOFError, OSError, KeyError, ValueError, IndexError,
          NotImplementedError, RuntimeError, OverflowError, UnicodeError)
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})", re.ASCII)
_TEXT_KINDS = frozenset({"inlineStr", "str", "e", "d"})
_COLUMN = attrgetter("column")


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def parse_ref(ref: str) -> tuple[int, int]:
    """``B12`` → (12, 2); refused when outside Excel's sheet."""
    match = _REF.fullmatch(ref.strip())
    if not match:
        raise ValueError(f"alamat sel `{ref[:20]}` tidak sah")
    row, column = int(match[2]), _column_number(match[1])
    if not (1 <= row <= MAX_ROWS and 1 <= column <= MAX_COLUMNS):
        raise ValueError(f"alamat sel `{ref[:20]}` di luar lembar Excel")
    return row, column


def excel_date(serial: float, system_1904: bool) -> dt.datetime | None:
    """The moment an Excel serial number stands for (None when it stands for none)."""
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


def _value(kind: str, text: str | None, style: int, shared: list[str], dates: frozenset, system_1904: bool):
    """The value of a cell from its type (``t``), its text and its style."""
    if text is None:
        return None
    if kind in _TEXT_KINDS:
        return text or None
    if not text.strip():
        return None
    if kind == "s":
        index = int(text)
        if not 0 <= index < len(shared):
            raise ValueError(f"sel merujuk teks bersama nomor {index}, yang tidak ada")
        return shared[index]
    if kind == "b":
        return text.strip() == "1"
    if not text.isascii():
        return text  # no number Excel writes: kept as written, never read as digits of another script
    number = float(text)
    if not math.isfinite(number):
        return text
    if style in dates and (moment := excel_date(number, system_1904)) is not None:
        return moment
    return int(number) if number.is_integer() and "." not in text and "E" not in text.upper() else number


_new = tuple.__new__  # a Cell without NamedTuple's keyword handling: this runs for every cell

class XlsxSheet(Sheet):
    def __init__(self, book, name: str, path: str, visible: bool):
        super().__init__(book, name, visible)
        self.path = path

    def rows(self, label: str | None = None) -> Iterator[list[Cell]]:  # noqa: C901 (one parser, its handlers)
        book = self.book
        shared, dates, system_1904, budget = book.shared, book.dates, book.system_1904, book.budget
        title = label or self.name
        done: list[list[Cell]] = []
        cells: list[Cell] = []
        merges: list[Range] = []
        formulas: dict[str, str] = {}  # shared formula index → its text
        parts: list[str] = []
        local: dict[str, str] = {}  # element name (maybe prefixed) → local name
        row = column = style = rph = count = max_row = max_col = size = 0
        kind, text, formula, into, shared_index, ordered = "n", None, None, None, None, True

        def name_of(tag: str) -> str:
            local[tag] = found = tag.rpartition(":")[2]
            return found

        def start(tag, attrs):
            nonlocal row, column, kind, style, text, formula, into, rph, shared_index, count, ordered
            count += 1
            name = local.get(tag) or name_of(tag)
            if name == "c":
                ref = attrs.get("r")
                if ref:
                    at, number = parse_ref(ref)
                    if at != row:
                        raise ValueError(f"sel `{ref}` berada di luar barisnya (baris {row})")
                    if number <= column:
                        ordered = False
                    column = number
                else:
                    column += 1
                    if column > MAX_COLUMNS:
                        raise ValueError("baris berisi lebih banyak kolom daripada lembar Excel")
                kind, text, formula = attrs.get("t", "n"), None, None
                number = attrs.get("s")
                style = int(number) if number and number.isdigit() else 0
            elif name == "v" or name == "f" or (name == "t" and not rph):
                into = name
                parts.clear()
                if name == "f":
                    shared_index = attrs.get("si") if attrs.get("t") == "shared" else None
            elif name == "row":
                number = attrs.get("r")
                row = int(number) if number else row + 1
                if not 1 <= row <= MAX_ROWS:
                    raise ValueError(f"baris {number} di luar lembar Excel")
                column, ordered = 0, True
                cells.clear()
            elif name == "rPh":
                rph += 1
            elif name == "mergeCell":  # after the cells: the used area is known, the range is clipped at once
                first, _, last = attrs.get("ref", "").partition(":")
                top, bottom = parse_ref(first), parse_ref(last or first)
                merged = Range(min(top[0], bottom[0]), min(top[1], bottom[1]), max(top[0], bottom[0]),
                               max(top[1], bottom[1])).clipped(max_row, max_col)
                if merged is not None:
                    budget.hold(1)
                    merges.append(merged)

        def end(tag):
            nonlocal text, formula, into, rph, max_row, max_col
            name = local.get(tag) or name_of(tag)
            if name == "c":
                if kind == "s" and formula is None and text:  # the most common cell: a shared string
                    index = int(text)
                    if not 0 <= index < len(shared):
                        raise ValueError(f"sel merujuk teks bersama nomor {index}, yang tidak ada")
                    cells.append(_new(Cell, (title, row, column, shared[index], False, None)))
                    return
                if kind == "n" and formula is None and text and style not in dates and text.isascii() and text.isdigit():
                    cells.append(_new(Cell, (title, row, column, int(text), False, None)))  # a whole number
                    return
                value = _value(kind, text, style, shared, dates, system_1904)
                if formula is not None:
                    cells.append(_new(Cell, (title, row, column, f"={formula}", True, value)))
                elif value is not None:
                    cells.append(_new(Cell, (title, row, column, value, False, None)))
            elif name == into:
                joined = "".join(parts)
                if name == "v":
                    text = joined
                elif name == "t":
                    text = (text or "") + joined
                else:
                    if shared_index:
                        joined = formulas.setdefault(shared_index, joined) if joined else formulas.get(shared_index, "")
                    formula = joined
                into = None
            elif name == "row":
                if cells:
                    found = list(cells) if ordered else sorted(cells, key=_COLUMN)
                    done.append(found)
                    max_row = max(max_row, row)
                    max_col = max(max_col, found[-1].column)
                cells.clear()
            elif name == "rPh":
                rph -= 1

        def data(chunk):
            nonlocal size
            if into:
                size = size + len(chunk) if parts else len(chunk)
                if size > MAX_CELL_CHARS:
                    budget.text(size)
                parts.append(chunk)

        where = f"lembar `{self.name}`"
        for _ in parse_part(book.archive, self.path, (start, end, data), budget, lambda: count, where):
            yield from done
            done.clear()
        yield from done
        self.merged = merges


def refuse_doctype(*_) -> None:
    raise ValueError("XML dengan DOCTYPE tidak diterima")


def parse_part(archive, path: str, handlers: tuple, budget, counted: Callable[[], int], where: str) -> Iterator[None]:
    """Feed the part ``path`` to expat (no namespace processing) with the (start, end, text)
    ``handlers``, 64 KB at a time, pausing after each chunk; the elements the handlers
    counted (``counted()``) are charged to ``budget``. Damage is :class:`Unreadable`."""
    parser = expat.ParserCreate()
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = handlers
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = refuse_doctype
    spent = 0
    try:
        with archive.open(path) as handle:
            while chunk := handle.read(CHUNK):
                parser.Parse(chunk, False)
                budget.spend(counted() - spent)
                spent = counted()
                yield
            parser.Parse(b"", True)
    except Unreadable:
        raise
    except DAMAGE as exc:
        raise damaged(exc, where) from None
