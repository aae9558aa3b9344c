"""The one table reader: every table a user hands Kamus — a snapshot export, the kamus
workbook coming back, an SKJ form — is read here, with one set of guards.

- :func:`open_book`: a workbook of sheets with cells in their places (``Kebutuhan!C14``)
  and merged ranges: XLSX (:mod:`.xlsx`, our own streaming reader) or HTML tables saved as
  `.xls`/`.xlsx` (:mod:`.html`).
- :func:`read_table`: the one table of an export as rows of text: CSV or tab-separated text,
  XLSX or HTML (:mod:`.text`).
- What a file is comes from its content, not its name (:mod:`.detect`); a file that is none
  of these is refused with a message that says what it is and how to save it.
- The guards (:mod:`.limits`): file size, zip parts and compression ratio, shared strings
  counted as they stream, XML elements read, cells held, merged ranges clipped to the used
  area. A damaged file is :class:`Unreadable`, never an internal error.
"""

from .cells import Book, Cell, Merged, Range, Sheet, Unreadable, Value, cell_finding
from .detect import open_book, read_table, sniff
from .text import Table, TableRules, read_csv

__all__ = ["Book", "Cell", "Merged", "Range", "Sheet", "Table", "TableRules", "Unreadable", "Value", "cell_finding",
           "open_book", "read_csv", "read_table", "sniff"]
