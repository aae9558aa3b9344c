"""`kamus cakupan --output kebutuhan-skj.xlsx`: the jabatan without an SKJ as new rows of the
`kamus export --format xlsx` workbook, for the OPD to fill in Excel and BKPSDM to bring in with
`kamus import`.

The workbook is the export's (same sheets, columns, dropdowns and hidden sheets) with the
kamus's competencies, levels and units as they are (the dropdowns read them; unchanged rows
import as nothing) and, as Jabatan, only the positions to create: a suggested kode (unit +
the name, unique, a valid file name on Windows), the name and unit, the jenjang the export says
(empty, with a note in `catatan`, when it does not), the SIASN JABATAN ID, and one Kebutuhan
row per mandatory competency with the level left empty. The hidden Isi sheet lists no
position, so that no import of it ever removes one. A jabatan whose unit the kamus does not
know has no folder to go to: it is left out (the text output says how many).
"""

from __future__ import annotations

import io

from ..check.identity import position_kode, windows_problem
from ..tables import write_xlsx
from ..talent.coverage import Coverage, MissingJabatan
from . import layout as L
from .export import kamus_rows, workbook_tables

NO_JENJANG = "Jenjang tidak dapat ditentukan dari JENIS JABATAN/ESELON ekspor: isi kolom jenjang."


def suggested_codes(needed: list[MissingJabatan], taken) -> list[str]:
    """A kode per jabatan: `<UNIT>.<NAMA>`, made unique (without regard to letter case, as
    KODE-CASE asks) against ``taken`` and each other, never a Windows device name."""
    used = {kode.casefold() for kode in taken}
    codes = []
    for entry in needed:
        base = position_kode(entry.unit, entry.nama)
        kode, n = base, 2
        while kode.casefold() in used or windows_problem(kode):
            kode, n = f"{base}_{n}", n + 1
        used.add(kode.casefold())
        codes.append(kode)
    return codes


def needs_xlsx(project, found: Coverage) -> tuple[bytes, int]:
    """(the workbook, the number of positions in it) for a sound ``project``."""
    kamus = project.kamus
    needed = [m for m in found.missing if m.unit]
    codes = suggested_codes(needed, kamus.positions)
    tables, names = workbook_tables(project)
    rows = kamus_rows(project)
    by_name = {table.name: table for table in tables}
    jabatan = by_name[L.JABATAN]
    column = {name: i for i, name in enumerate(jabatan.columns)}
    kinds = kamus.config.jenis_wajib
    wajib = [k for k, c in kamus.competencies.items() if c.jenis in kinds and c.berlaku]
    new_rows, needs = [], []
    for kode, entry in zip(codes, needed):
        row = [None] * len(jabatan.columns)
        values = {"kode": kode, "unit": entry.unit, "nama": entry.nama, "siasn.jabatan_id": entry.jabatan_id or None,
                  "jenjang": entry.jenjang, "catatan": None if entry.jenjang else NO_JENJANG}
        for name, value in values.items():
            if name in column:
                row[column[name]] = value
        new_rows.append(row)
        needs += [[kode, code, None, kamus.competencies[code].nama] for code in wajib]
    jabatan.rows = new_rows
    by_name[L.KEBUTUHAN].rows = needs
    by_name[L.PERSYARATAN].rows = []
    by_name[L.ISI].rows = [row for row in rows[L.ISI] if row[0] != "jabatan"]
    out = io.BytesIO()
    write_xlsx(tables, out, names=names)
    return out.getvalue(), len(new_rows)
