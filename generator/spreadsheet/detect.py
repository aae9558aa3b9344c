"""What a file is, by its content and never by its name: an `.xls` from a web application is
often an HTML table or tab-separated text, an `.xlsx` sometimes an old binary workbook.
Every file is read as what it is, or refused with a message that says what it is and how
to save it so that Kamus can read it."""

from __future__ import annotations

from .cells import Book, Unreadable
from .html import HtmlBook
from .limits import MAX_FILE_BYTES, MAX_TEXT_BYTES
from .text import Table, TableRules, read_book_table, read_csv
from .xlsx import XlsxBook

_OLE = b"\xd0\xcf\x11\xe0"  # OLE2 compound file (the first half of its signature)
_SAVE_XLSX = "Buka di Excel, lalu File > Simpan Sebagai > Excel Workbook (.xlsx)."
_SAVE_TABLE = "Buka di Excel, lalu File > Simpan Sebagai > Excel Workbook (.xlsx) atau CSV UTF-8 (dipisah koma)."


def _head_text(raw: bytes) -> str:
    head = raw[:4096]
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, errors="ignore")
    return head.decode("latin-1")


def sniff(raw: bytes) -> str:
    """``xlsx`` (a zip archive), ``html``, ``text`` (CSV, TSV), or what is refused: ``ole``
    (Excel 97-2003 or a password-protected workbook), ``pdf``, ``spreadsheetml`` (XML
    Spreadsheet 2003), ``xml``, ``binary``, ``empty``."""
    if not raw.strip():
        return "empty"
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "xlsx"
    if raw.startswith(_OLE):
        return "ole"
    if raw.startswith(b"%PDF"):
        return "pdf"
    head = _head_text(raw).lstrip().lower()
    if head.startswith("<"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in head and "<table" not in head:
            return "spreadsheetml"
        if "<table" in head or "<html" in head or "<!doctype html" in head or head.startswith(("<meta", "<style")):
            return "html"
        if head.startswith("<?xml"):
            return "xml"
    if "\x00" in head and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "text"


_REFUSED = {
    "empty": ("berkas kosong", None),
    "ole": ("berkas ini buku kerja Excel 97-2003 (.xls, format biner lama) atau buku kerja yang dikunci kata sandi; "
            "Kamus tidak membaca format itu", "Buka di Excel (hapus kata sandinya bila ada), lalu File > Simpan "
                                              "Sebagai > Excel Workbook (.xlsx)."),
    "pdf": ("berkas ini dokumen PDF, bukan tabel", "Unduh ulang datanya dari aplikasinya sebagai Excel atau CSV."),
    "spreadsheetml": ("berkas ini XML Spreadsheet 2003 (format XML lama Excel), bukan buku kerja .xlsx", _SAVE_XLSX),
    "xml": ("berkas ini dokumen XML, bukan buku kerja Excel atau tabel", _SAVE_XLSX),
    "binary": ("berkas ini bukan buku kerja Excel (.xlsx), tabel HTML, atau CSV", _SAVE_XLSX),
}


def refuse(kind: str, tables: bool = False) -> Unreadable:
    message, hint = _REFUSED.get(kind, _REFUSED["binary"])
    if tables and hint == _SAVE_XLSX:
        hint = _SAVE_TABLE
    return Unreadable(message, hint)


def _size_guard(raw: bytes, limit: int) -> None:
    if len(raw) > limit:
        raise Unreadable(f"berkas lebih dari {limit // 1_000_000} MB ({len(raw) / 1_000_000:.0f} MB)",
                         "Pecah data menjadi beberapa berkas.")


def open_book(raw: bytes, name: str, html: bool = True, held: int | None = None) -> Book:
    """The workbook in ``raw``: XLSX, or (``html``) an HTML page of tables saved as `.xls`/
    `.xlsx`; anything else is :class:`Unreadable`, saying what it is. ``held``: the most
    cells a reader may keep (default :data:`~.limits.MAX_HELD_CELLS`)."""
    kind = sniff(raw)
    if kind == "xlsx" or (kind == "html" and html):
        _size_guard(raw, MAX_FILE_BYTES)
        return XlsxBook(raw, name, held) if kind == "xlsx" else HtmlBook(raw, name, held)
    if kind == "html":
        raise Unreadable("berkas ini tabel HTML yang diberi nama .xls/.xlsx (hasil \"ekspor ke Excel\" banyak "
                         "aplikasi web), bukan buku kerja Excel", _SAVE_XLSX)
    if kind == "text":
        raise Unreadable("berkas ini teks (CSV atau dipisah tab), bukan buku kerja Excel", _SAVE_XLSX)
    raise refuse(kind)


def read_table(raw: bytes, path: str, rules: TableRules) -> Table:
    """The one table of an export (a snapshot), whatever it was saved as: CSV or tab-separated
    text, XLSX (its first sheet), or an HTML table (the one with the most rows)."""
    kind = sniff(raw)
    try:
        if kind == "text":
            _size_guard(raw, MAX_TEXT_BYTES)
            return read_csv(raw, path, rules)
        if kind not in ("xlsx", "html"):
            raise refuse(kind, tables=True)
        return read_book_table(open_book(raw, path), path, rules)
    except Unreadable as exc:
        return Table(path, [], [], [exc.finding(rules.file, path)], rules=rules, kind=kind)
