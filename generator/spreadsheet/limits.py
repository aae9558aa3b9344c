"""The guards of the table reader: how much of a file it reads before it refuses.

A workbook is a zip archive of XML: a few kilobytes can unpack to gigabytes, name a merged
range of 17 billion cells, or hold 60 million empty shared strings. The limits below are
checked from the archive's directory before anything is unpacked, and counted again while
the parts stream (a part's declared size is also the most that is ever unpacked of it: the
zip reader stops there and checks the CRC). Measured on the developers' machine (see
BENCHMARKS.md, "Hostile workbooks"), any file of 5 MB is read or refused within 20 s and
1 GB; real exports stay far below every limit (a SIASN export of 30,000 employees × 64
columns is about 2 million cells, the kamus workbook of 2,000 positions 200,000).
"""

from __future__ import annotations

from .cells import Unreadable

MAX_FILE_BYTES = 50_000_000  # an XLSX workbook or an HTML table, as a file
MAX_TEXT_BYTES = 256_000_000  # a CSV file
MAX_PARTS = 10_000  # parts (files) in the zip archive
MAX_SMALL_PART = 16_000_000  # unpacked: workbook.xml, its relationships, styles
MAX_UNPACKED = 400_000_000  # unpacked: all parts together
RATIO_FROM = 4_000_000  # parts that unpack to more than this …
MAX_RATIO = 120  # … may be at most this many times their packed size (real sheets: 5–20×)
MAX_SHARED_STRINGS = 2_000_000  # entries of the shared-strings table
MAX_SHARED_CHARS = 150_000_000  # characters of all shared strings together
MAX_ELEMENTS = 8_000_000  # XML elements or HTML tags read in one file (bounds the time)
MAX_HELD_CELLS = 2_000_000  # cells held in memory at once (the kamus workbook of 2,000 positions: 200,000)
MAX_FORM_CELLS = 500_000  # the same for a file of SKJ forms (one form: a few hundred cells)
MAX_SPAN_STEPS = 4_000_000  # HTML: cells skipped because a rowspan/colspan above covers them
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384  # Excel's own sheet size
MAX_CELL_CHARS = 100_000  # characters in one cell or shared string (Excel's own limit: 32,767)
MAX_HTML_SPAN = 1_000  # HTML allows colspan ≤ 1000; rowspan is clipped the same

SPLIT_HINT = ("Bila datanya memang sebesar itu, pecah menjadi beberapa berkas atau simpan sebagai CSV UTF-8. "
              "Bila tidak, berkas ini rusak atau dibuat untuk menyerang: minta berkas asli dari pengirimnya.")


def thousands(number: int) -> str:
    """A number as Indonesian text writes it: 8.000.000."""
    return f"{number:,}".replace(",", ".")


class Budget:
    """What one file may cost: XML elements read (time) and cells held (memory, at most
    ``held``)."""

    __slots__ = ("elements", "held", "limit")

    def __init__(self, held: int | None = None):
        self.elements = 0
        self.held = 0
        self.limit = MAX_HELD_CELLS if held is None else held

    def spend(self, number: int) -> None:
        self.elements += number
        if self.elements > MAX_ELEMENTS:
            raise Unreadable(f"berkas berisi lebih dari {thousands(MAX_ELEMENTS)} sel atau unsur XML; terlalu besar "
                             "untuk dibaca dengan aman", SPLIT_HINT)

    def text(self, size: int) -> None:
        """One value grows to ``size`` characters."""
        if size > MAX_CELL_CHARS:
            raise Unreadable(f"satu sel berisi lebih dari {thousands(MAX_CELL_CHARS)} huruf (Excel sendiri paling "
                             "banyak 32.767)", SPLIT_HINT)

    def hold(self, number: int) -> None:
        self.held += number
        if self.held > self.limit:
            raise Unreadable(f"berkas berisi lebih dari {thousands(self.limit)} sel terisi; terlalu besar untuk dibaca "
                             "sebagai buku kerja atau formulir", SPLIT_HINT)
