"""The header of one file of a period: which column holds which field.

Exports often start with title rows: the header is the first of the first ten rows that has
a NIP column (`nip`, `NIP BARU`, or a header the instansi maps to `nip`). A file without one
gets one finding saying so, not one per missing column.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ...load.renamed import RENAMED
from ...rules import finding
from ...suggest import closest
from .columns import FIELDS, NIP_HEADERS, WHY_UNUSED, kind_of, lookup
from ..matching import name_key
from .values import normalise, parse_number

TITLE_ROWS = 10  # rows searched for the header
SIASN_HEADERS = frozenset({"nipbaru", "pnsid", "golakhirid", "unorid"})


@dataclass
class Header:
    """Where each field of a file is (column indexes, 0-based), and what the file is."""

    path: str
    line: int
    cells: list[str]
    index: dict[str, int] = field(default_factory=dict)  # field → column
    competencies: list[tuple[str, int]] = field(default_factory=list)  # columns headed by a competency code
    exported: bool = False  # some header is a personnel system's, not ours
    kind: str | None = None
    findings: list = field(default_factory=list)
    ignored: list[tuple[int, str, str]] = field(default_factory=list)  # (column, header, why not)

    def has(self, name: str) -> bool:
        return name in self.index

    def ours(self, name: str) -> bool:
        """True when the column of ``name`` is headed by our own name (not an export's)."""
        return name in self.index and normalise(self.cells[self.index[name]]) == normalise(name)

    def label(self, name: str) -> str:
        """How messages name a field: ours, or the export's header for it (`GOL AKHIR NAMA`)."""
        return name if name not in self.index or self.ours(name) else self.cells[self.index[name]].strip()

    @property
    def siasn(self) -> bool:
        """A SIASN export (its codes, such as JENIS JABATAN ID, are SIASN's)."""
        return any(normalise(c) in SIASN_HEADERS for c in self.cells)

    def note_ignored(self, column: int, header: str, why: str = "") -> None:
        self.ignored.append((column, " ".join(header.split()), why))

    def ignored_finding(self) -> None:
        """The columns not used, in one notice (a SIASN export has sixty of them)."""
        if not self.ignored:
            return
        self.ignored.sort()
        column = self.ignored[0][0]
        if len(self.ignored) == 1:
            _, header, why = self.ignored[0]
            message = f"kolom `{header}` tidak dipakai" + (f": {why}" if why else "")
        else:
            names = ", ".join(f"`{header}`" for _, header, _ in self.ignored)
            reasons = "; ".join(dict.fromkeys(f"`{header}`: {why}" for _, header, why in self.ignored if why))
            message = f"{len(self.ignored)} kolom tidak dipakai: {names}" + (f" ({reasons})" if reasons else "")
        self.findings.append(finding("SNAPSHOT-COLUMN-IGNORED", self.path, self.line, column + 1, message))


def read_header(table, kamus, kolom: dict[str, str]) -> Header | None:
    """The header of ``table`` mapped to our fields, or None (with its one finding in
    ``table.findings``) when it has no NIP column."""
    nip_headers = NIP_HEADERS | {normalise(h) for h, target in kolom.items() if target == "nip"}
    if not _find(table, nip_headers):
        if table.header or not table.findings:
            table.findings.append(finding(
                "SNAPSHOT-HEADER-MISSING", table.path, table.header_line if table.header else 1, 1,
                f"tidak ada kolom NIP di baris judul ({TITLE_ROWS} baris pertama diperiksa): berkas ini tidak dapat "
                "dicocokkan dengan pegawai",
                "Beri judul `nip` (atau `NIP BARU` seperti ekspor SIASN) pada kolom NIP; bila aplikasi Anda memakai "
                "judul lain, petakan di kamus.yaml: `talenta.kolom: {<judul kolom Anda>: nip}`."))
        return None
    children = _sub_header(table)
    header = Header(table.path, table.header_line, table.header)
    known, unused = lookup(kolom)
    ours = {normalise(f) for f in FIELDS}
    mapped = {normalise(h) for h in kolom}
    codes = {normalise(k): k for k in kamus.competencies}
    names = {}
    for competency in kamus.competencies.values():
        names.setdefault(name_key(competency.nama).replace(" ", ""), competency.kode)
    renamed = {normalise(old): (old, new) for old, new in RENAMED["snapshot"].items()}  # read for one version
    old_names: list[tuple[int, str, str, str]] = []
    unknown: list[tuple[int, str, str]] = []
    seen: dict[str, int] = {}
    for position, raw in enumerate(table.header):
        key = normalise(raw)
        if not key:
            continue
        if key in seen:
            header.findings.append(finding("SNAPSHOT-HEADER-DUPLICATE", header.path, header.line, position + 1,
                                           f"kolom `{raw}` muncul dua kali"))
            continue
        seen[key] = position
        if key in renamed and key not in codes and key not in mapped:
            old_names.append((position, raw, *renamed[key]))
            continue
        child = children.get(position)
        if child is not None and _GAP.search(raw[:-len(child)] if raw.endswith(child) else raw):
            header.note_ignored(position, raw, WHY_UNUSED["gap"])
            continue
        target, kode = None, None
        for text in (raw, child) if child else (raw,):
            target = known.get(normalise(text))
            if target is not None:
                key = normalise(text)
                break
            if normalise(text) not in mapped:
                kode = codes.get(normalise(text)) or names.get(name_key(text.split("\n")[0]).replace(" ", ""))
                if kode is not None:
                    break
        if kode is not None:
            if any(k == kode for k, _ in header.competencies):
                header.note_ignored(position, raw, f"kompetensi `{kode}` sudah dibaca dari kolom lain")
            else:
                header.competencies.append((kode, position))
                header.exported = header.exported or key not in codes
            continue
        if target is None:
            if key in unused:
                header.note_ignored(position, raw, WHY_UNUSED.get(key, ""))
            else:
                unknown.append((position, raw, key))
            continue
        if key not in ours:
            header.exported = True
        if target in header.index:
            first = table.header[header.index[target]]
            header.note_ignored(position, raw, f"`{first}` sudah dibaca sebagai `{target}`")
            continue
        header.index[target] = position
    _old_names(header, old_names)
    for position, raw, key in unknown:
        close = None if header.exported else closest(key, sorted(ours) + list(codes), cutoff=0.8)
        if close:
            name = next((f for f in FIELDS if normalise(f) == close), None) or codes[close]
            header.findings.append(finding("SNAPSHOT-HEADER-TYPO", header.path, header.line, position + 1,
                                           f"judul kolom `{raw}` tidak dikenal",
                                           f"Maksud Anda `{name}`? Perbaiki ejaan judul kolom."))
        else:
            header.note_ignored(position, raw, WHY_UNUSED.get(key, ""))
    header.kind = kind_of(set(header.index), bool(header.competencies))
    return header


def _find(table, nip_headers) -> bool:
    if not table.header:
        return False
    if any(normalise(h) in nip_headers for h in table.header):
        return True
    rows = iter(table.rows)
    for consumed, (line, cells) in enumerate(itertools.islice(rows, TITLE_ROWS), start=1):
        if any(normalise(c) in nip_headers for c in cells):
            table.header, table.header_line = cells, line
            table.title_rows = consumed  # the title rows and the header itself are no data rows
            table.rows = rows
            return True
    table.rows = []
    return False


_GAP = re.compile(r"\b(gap|selisih|kesenjangan)\b", re.I)


def _sub_header(table) -> dict[int, str]:
    """A second header row under the first (an assessment report's "PENILAIAN" over
    "KINERJA | POTENSI | …", or "Kompetensi" over one column per competency): it has no NIP,
    no number, and text only under a span of the row above. Its cells are joined to the
    header (`PENILAIAN KINERJA`); returns column → the lower cell's own text."""
    rows = iter(table.rows)
    following = next(rows, None)
    if following is None:
        table.rows = rows
        return {}
    line, cells = following
    top = table.header
    nip = next(i for i, h in enumerate(top) if normalise(h) in NIP_HEADERS or i == len(top) - 1)
    filled = [(i, c.strip()) for i, c in enumerate(cells) if c.strip()]
    under_span = all(i < len(top) and (not top[i].strip() or i + 1 < len(top) and not top[i + 1].strip())
                     for i, _ in filled)
    if not (filled and line == table.header_line + 1 and (nip >= len(cells) or not cells[nip].strip())
            and under_span and all(parse_number(text) is None for _, text in filled)):
        table.rows = itertools.chain([following], rows)
        return {}
    combined, parent = list(top) + [""] * max(0, len(cells) - len(top)), ""
    children = {}
    for i in range(len(combined)):
        if top[i].strip() if i < len(top) else False:
            parent = top[i].strip()
        below = cells[i].strip() if i < len(cells) else ""
        if below:
            combined[i] = f"{parent} {below}"
            children[i] = below
    table.header, table.rows = combined, rows
    table.title_rows += 1  # a CSV's rows are counted: this one is no data row
    return children


def _old_names(header: Header, old_names) -> None:
    """A column under its old name is read as the new one (a notice says to rename it);
    beside a column of the new name it is not used."""
    for position, raw, old, new in old_names:
        if new in header.index:
            header.findings.append(finding("SNAPSHOT-COLUMN-IGNORED", header.path, header.line, position + 1,
                                           f"kolom `{raw}` (nama lama `{new}`) tidak dipakai karena kolom `{new}` "
                                           "ada"))
            continue
        header.index[new] = position
        header.findings.append(finding("SNAPSHOT-HEADER-RENAMED", header.path, header.line, position + 1,
                                       f"judul kolom `{raw}` sekarang bernama `{new}`; kolom ini masih dibaca "
                                       f"sebagai `{new}`",
                                       f"Ganti judul kolom `{raw}` menjadi `{new}`. Nama lama `{old}` hanya dibaca "
                                       "sampai versi Kamus berikutnya."))
