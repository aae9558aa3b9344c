"""The competency matrices: positions × competencies, and the level distribution.

A matrix is plain data (headers and rows of cells) so that the same object renders as
an HTML table, a CSV file and an XLSX sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..tables import Table
from .text import natural_key
from .views import Views


@dataclass
class Matrix:
    name: str  # file stem of the downloads
    title: str
    columns: list[str]  # header texts (first columns describe the row)
    column_titles: list[str]  # tooltip / long names of the columns
    rows: list[list]  # cells: str, int or None (not required; in the distribution: no such level)
    row_links: list[str]  # .md page of each row's subject (position or competency)
    fixed: int  # how many leading columns describe the row
    # On the page the describing columns are one narrow frozen column: the code, the name under
    # it and this short note under the name (the unit's abbreviation, the kind of competency).
    notes: list[str] | None = None

    @property
    def rotated(self) -> bool:
        """Whether the column headers (codes) are set vertically: codes longer than ``SK.1``."""
        return any(len(column) > 4 for column in self.columns[self.fixed:])

    def download(self) -> Table:
        """The matrix as a table to download: every header with its name (``M.1 Integritas``)."""
        columns = [f"{column} {title}".strip() if title else column
                   for column, title in zip(self.columns, self.column_titles)]
        return Table(self.name, columns, self.rows, self.fixed)


def unit_matrix(views: Views, unit: str) -> Matrix:
    tree = views.unit_tree[unit]
    codes = sorted({r.kode for _, p in tree for r in p.kompetensi},
                   key=lambda k: (views.kamus.competencies[k].jenis not in views.kamus.config.jenis_wajib,
                                  natural_key(k)))
    return _position_matrix(views, f"unit-{unit}", f"Matriks {views.kamus.units[unit].nama}",
                            [p for _, p in tree], codes, with_unit=False)


def national_matrix(views: Views) -> Matrix:
    positions = [p for unit in views.kamus.units for _, p in views.unit_tree[unit]]
    return _position_matrix(views, "manajerial-sosial-kultural",
                            "Matriks kompetensi manajerial dan sosial kultural", positions,
                            [c.kode for c in views.mandatory])


def _position_matrix(views: Views, name: str, title: str, positions, codes, with_unit: bool = True) -> Matrix:
    competencies, units = views.kamus.competencies, views.kamus.units
    head = ["Kode jabatan", "Nama jabatan"] + (["Unit"] if with_unit else [])
    rows = []
    for p in positions:
        levels = {r.kode: r.level for r in p.kompetensi}
        unit = [units[p.unit].nama if p.unit in units else p.unit] if with_unit else []
        rows.append([p.kode, p.nama, *unit] + [levels.get(code) for code in codes])
    return Matrix(name=name, title=title, columns=head + list(codes),
                  column_titles=[""] * len(head) + [competencies[c].nama for c in codes], rows=rows,
                  row_links=[f"jabatan/{p.kode}.md" for p in positions], fixed=len(head),
                  notes=[views.unit_name(p.unit) for p in positions] if with_unit else None)


def distribution_matrix(views: Views) -> Matrix:
    rows, links, notes = [], [], []
    for c in views.competencies:
        counts = {level: len(ps) for level, ps in views.used_by.get(c.kode, {}).items()}
        rows.append([c.kode, c.nama, views.kamus.config.nama_jenis(c.jenis)]
                    + [counts.get(level, 0) if level <= len(c.level) else None for level in range(1, 6)]
                    + [sum(counts.values())])
        links.append(f"kompetensi/{c.kode}.md")
        notes.append(views.kamus.config.nama_jenis(c.jenis))
    return Matrix(name="distribusi-level", title="Sebaran level yang disyaratkan per kompetensi",
                  columns=["Kode", "Kompetensi", "Jenis", "Level 1", "Level 2", "Level 3", "Level 4", "Level 5",
                           "Jumlah jabatan"],
                  column_titles=[""] * 9, rows=rows, row_links=links, fixed=3, notes=notes)


def akpk_tables(akpk) -> list:
    """The downloads of a period's Kebutuhan Pengembangan Kompetensi (counts only; '–' = withheld)."""
    def shown(value):
        return "–" if value is None else value

    periode = akpk.periode
    competencies = Table(f"akpk-{periode}-kompetensi",
                         ["Kode", "Kompetensi", "Pemangku yang disyaratkan", "Diases", "Belum diases",
                          "Pegawai dengan kesenjangan", "Belum ada di katalog", "Kegiatan yang cocok (kode: pegawai)"],
                         [[k.kode, k.nama, k.kelompok, shown(k.diases), shown(k.belum_diases), shown(k.dengan_gap),
                           shown(k.belum_ada),
                           "–" if k.kegiatan is None else "; ".join(f"{kode}: {n}" for kode, n in k.kegiatan)]
                          for k in akpk.kompetensi], 2, "Per kompetensi")
    activities = Table(f"akpk-{periode}-kegiatan", ["Kode", "Kegiatan", "Jalur", "Bentuk", "Penyelenggara",
                                                    "Triwulan", "JP", "Peserta", "JP total", "Biaya per peserta (Rp)",
                                                    "Biaya total (Rp)"],
                       [[k.kode, k.nama, k.jalur, k.bentuk, k.penyelenggara, k.triwulan or "belum dijadwalkan", k.jp,
                         shown(k.peserta), shown(k.jp_total),
                         "belum diisi" if k.biaya_per_peserta is None else k.biaya_per_peserta,
                         "belum diisi" if k.biaya_per_peserta is None else shown(k.biaya_total)]
                        for k in akpk.kegiatan], 2, "Per kegiatan")
    units = Table(f"akpk-{periode}-unit", ["Unit", *akpk.codes],
                  [[nama, *[shown(akpk.per_unit[(unit, kode)]) for kode in akpk.codes]] for unit, nama in akpk.units],
                  1, "Per unit")
    recap = Table(f"akpk-{periode}-rekap-unit", ["Unit", "Pegawai", "Dengan kesenjangan kompetensi",
                                                 "Dengan kesenjangan kinerja", "Belum diases", "Peserta kegiatan", "JP",
                                                 "Biaya (Rp)"],
                  [[u.nama, u.pegawai, shown(u.dengan_gap), shown(u.kesenjangan_kinerja), shown(u.belum_diases),
                    shown(u.peserta), shown(u.jp_total), shown(u.biaya_total)] for u in akpk.rekap_unit],
                  1, "Rekap unit")
    return [competencies, activities, units, recap]
