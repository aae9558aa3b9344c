"""The Lampiran as content: one document model that both writers (DOCX, PDF) lay out.

The layout follows the rules for attachments in Lampiran II of UU 12/2011 (Teknik
Penyusunan Peraturan Perundang-undangan, F. Lampiran): the attachment's heading in
capitals at the top right, left-aligned, without closing punctuation (LAMPIRAN /
PERATURAN BUPATI … / NOMOR … TAHUN … / TENTANG / …); the attachment's name centred in
capitals; and on its last page the signing official's title in capitals, closed by a
comma, with the name below (the signature goes between), at the bottom right. Pages are numbered at the top centre
from the second page ("- 2 -"), as regulations are.

Parts: I. Kamus Kompetensi (every kind, manajerial and sosial kultural with the national
text), II. Standar Kompetensi Jabatan per unit in the official SKJ layout, III. the
matrix of manajerial and sosial kultural levels per unit (landscape).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import bahasa
from ..jenjang import kelompok_jabatan
from ..model import TINGKAT, Kamus, Position, Versi
from ..render.text import natural_key
from ..render.views import EMPTY, Views, build_views, persyaratan

TICK = "√"  # as SKJ forms tick


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 = part (I., II.), 2 = section (a unit, a kind), 3 = one item (a competency, a position)
    new_page: bool = False


@dataclass(frozen=True)
class Text:
    text: str
    align: str = "justify"  # justify | center | left
    bold: bool = False


@dataclass(frozen=True)
class Fields:
    """Label : value rows (the head of an SKJ or a competency)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Row:
    """One table row. Cells are text, or a tuple of lines shown as a numbered list.
    A ``group`` row has one cell spanning every column and stays with the row below it."""

    cells: tuple
    group: bool = False


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    widths: tuple[float, ...]  # shares of the text width
    rows: tuple[Row, ...]
    centered: tuple[int, ...] = ()  # column indexes centred (numbers, levels)
    # A header row above `columns`: (title, columns spanned). A title over one column whose
    # own title is "" fills both header rows ("Jenis Persyaratan" over Part III).
    groups: tuple[tuple[str, int], ...] = ()
    row_height: float = 0.0  # the least height of a body row in mm (room to sign in); 0 = its text's height

    def header_rows(self) -> list[list[tuple[str | None, int]]]:
        """The header as rows of (title, span); None continues the title above it."""
        if not self.groups:
            return [[(title, 1) for title in self.columns]]
        lower, column = [], 0
        for title, span in self.groups:
            below = self.columns[column:column + span]
            lower += [(None, 1)] if span == 1 and not below[0] else [(t, 1) for t in below]
            column += span
        return [list(self.groups), lower]


@dataclass(frozen=True)
class Orientation:
    """Start a new page in this orientation (``landscape`` or ``portrait``)."""

    landscape: bool


@dataclass
class Lampiran:
    kop: list[str]  # the attachment's heading, top right
    nama: str  # the attachment's name, centred
    blocks: list = field(default_factory=list)
    penandatangan: tuple = ("", "")  # (jabatan line ending in a comma, name); () = no signature block
    title: str = ""  # document properties
    author: str = ""
    date: str = ""  # ISO date of the version (document properties)
    catatan: str = ""  # printed at the top of every page (a review copy says so)


def _kop(versi: Versi, instansi: str) -> list[str]:
    """The attachment's heading; what the version does not say yet is left as "…" to fill in."""
    jenis = (versi.jenis_peraturan or "Peraturan Kepala Daerah").upper()
    nomor, tahun = versi.numbered()
    tanggal = bahasa.tanggal(versi.tanggal).upper() if versi.date else "…"
    tentang = (versi.tentang or f"Kamus Kompetensi dan Standar Kompetensi Jabatan {instansi}").upper()
    return ["LAMPIRAN", jenis, f"NOMOR {nomor or '…'} TAHUN {tahun or '…'}", f"TANGGAL {tanggal}", "TENTANG", tentang]


def _competency_table(competency) -> Table:
    rows = tuple(Row((str(lv.level), lv.deskripsi, tuple(lv.indikator))) for lv in competency.level)
    return Table(("Level", "Deskripsi", "Indikator Kompetensi"), (0.08, 0.32, 0.60), rows, centered=(0,))


def _part_kamus(kamus: Kamus, views: Views, reference: str) -> list:
    blocks = [Heading("I. KAMUS KOMPETENSI", 1)]
    for letter, (jenis, label, competencies) in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", views.kinds()):
        berlaku = [c for c in competencies if c.berlaku]
        if not berlaku:
            continue
        blocks.append(Heading(f"{letter}. KOMPETENSI {label.upper()}", 2))
        if jenis in ("manajerial", "sosial_kultural"):
            blocks.append(Text(f"Kompetensi {label.lower()} sesuai dengan {reference}."))
        bidang = None
        for number, competency in enumerate(sorted(berlaku, key=lambda c: (natural_key(c.bidang), natural_key(c.kode))),
                                            start=1):
            if competency.bidang and competency.bidang != bidang:
                bidang = competency.bidang
                blocks.append(Text(f"Bidang {bidang}", align="left", bold=True))
            blocks.append(Heading(f"{number}. {competency.nama.upper()}", 3))
            fields = [("Kode Kompetensi", competency.kode), ("Nama Kompetensi", competency.nama),
                      ("Definisi", competency.definisi)]
            if competency.dasar_hukum:
                fields.append(("Dasar Hukum", competency.dasar_hukum))
            blocks.append(Fields(tuple(fields)))
            blocks.append(_competency_table(competency))
    return blocks


def _skj(position: Position, views: Views, unit_name: str) -> list:
    blocks = [Heading(f"STANDAR KOMPETENSI JABATAN: {position.nama.upper()}", 3),
              Fields((("Nama Jabatan", position.nama), ("Kelompok Jabatan", kelompok_jabatan(position.jenjang)),
                      ("Urusan Pemerintahan", position.urusan or EMPTY),
                      ("Kode Jabatan", position.kode_jabatan or EMPTY))),  # as the form: no Unit Kerja row
              Text("I. Ikhtisar Jabatan", align="left", bold=True), Text(position.ikhtisar),
              Text("II. Standar Kompetensi", align="left", bold=True)]
    rows, number = [], 0
    for label, requirements in views.sorted_requirements(position):
        rows.append(Row((f"Kompetensi {label}",), group=True))
        for competency, level in requirements:
            number += 1
            lv = competency.get_level(level)
            rows.append(Row((str(number), f"{competency.nama} ({competency.kode})", str(level),
                             lv.deskripsi if lv else "", tuple(lv.indikator) if lv else ())))
    blocks.append(Table(("No", "Kompetensi", "Level", "Deskripsi", "Indikator Kompetensi"),
                        (0.05, 0.19, 0.07, 0.26, 0.43), tuple(rows), centered=(0, 2)))
    blocks.append(Text("III. Persyaratan Jabatan", align="left", bold=True))
    rows = []
    for heading, _, form in persyaratan(position):  # the form: tick columns Mutlak, Penting, Perlu
        rows.append(Row((heading,), group=True))
        rows += [Row((row.label, row.uraian, *(TICK if row.tingkat == key else "" for key in TINGKAT)))
                 for row in form]
    blocks.append(Table(("", "", *TINGKAT.values()), (0.2, 0.5, 0.1, 0.1, 0.1), tuple(rows), centered=(2, 3, 4),
                        groups=(("Jenis Persyaratan", 1), ("Uraian", 1), ("Tingkat Pentingnya terhadap Jabatan", 3))))
    return blocks


def _units(kamus: Kamus, views: Views, selected: set[str] | None):
    """(letter, unit, positions) of every unit with positions, lettered as in the whole
    Lampiran (a review copy of one OPD keeps the letters of the enacted document)."""
    for letter, unit in _lettered(kamus.units.values()):
        positions = [p for _, p in views.unit_tree.get(unit.kode, [])]
        if positions and (selected is None or unit.kode in selected):
            yield letter, unit, positions


def _part_skj(kamus: Kamus, views: Views, selected: set[str] | None = None) -> list:
    blocks = [Heading("II. STANDAR KOMPETENSI JABATAN", 1, new_page=selected is None)]  # a review copy opens with it
    for letter, unit, positions in _units(kamus, views, selected):
        name = unit.nama + (f" ({unit.singkatan})" if unit.singkatan else "")
        blocks.append(Heading(f"{letter}. {name.upper()}", 2))
        for position in positions:
            blocks.extend(_skj(position, views, name))
    return blocks


def _lettered(items):
    """("A", item), ("B", item), … ("Z", …), ("AA", …) for any number of items."""
    for index, item in enumerate(items):
        letters, n = "", index + 1
        while n:
            n, rest = divmod(n - 1, 26)
            letters = chr(65 + rest) + letters
        yield letters, item


def _part_matrix(kamus: Kamus, views: Views, selected: set[str] | None = None) -> list:
    national = [c for c in views.mandatory if c.jenis in kamus.config.jenis_wajib]
    if not national:
        return []
    blocks = [Orientation(landscape=True),
              Heading("III. MATRIKS LEVEL KOMPETENSI MANAJERIAL DAN SOSIAL KULTURAL", 1)]
    share = 0.64 / len(national)
    for letter, unit, positions in _units(kamus, views, selected):
        blocks.append(Heading(f"{letter}. {unit.nama.upper()}", 2))
        rows = []
        for number, position in enumerate(positions, start=1):
            levels = {r.kode: r.level for r in position.kompetensi}
            rows.append(Row((str(number), position.nama, kelompok_jabatan(position.jenjang),
                             *(str(levels.get(c.kode, "–")) for c in national))))
        blocks.append(Table(("No", "Nama Jabatan", "Kelompok Jabatan", *(c.kode for c in national)),
                            (0.04, 0.18, 0.14, *(share for _ in national)), tuple(rows),
                            centered=(0, *range(3, 3 + len(national)))))
    return blocks


def unit_and_below(kamus: Kamus, kode: str) -> set[str]:
    """``kode`` and every unit under it (its UPT, …) by `induk`."""
    selected, added = {kode}, True
    while added:
        below = {u.kode for u in kamus.units.values() if u.induk in selected} - selected
        selected |= below
        added = bool(below)
    return selected


def _review_copy(kamus: Kamus, views: Views, versi: Versi, unit: str) -> Lampiran:
    """One OPD's part of the Lampiran for its review: its SKJ and its matrix in the layout of
    the enacted document, headed on every page as a review copy, without a signature."""
    config, selected = kamus.config, unit_and_below(kamus, unit)
    opd = kamus.units[unit]
    name = opd.nama + (f" ({opd.singkatan})" if opd.singkatan else "")
    blocks = [Text(f"Bahan reviu ini memuat standar kompetensi jabatan di lingkungan {name} dalam rancangan Lampiran "
                   f"{versi.nama or 'peraturan kepala daerah'} tentang kamus kompetensi dan standar kompetensi jabatan "
                   f"{config.instansi.nama}, dengan susunan, nomor bagian dan huruf unit seperti dalam Lampiran "
                   f"lengkapnya. Bahan ini bukan dokumen yang ditetapkan.")]
    blocks += _part_skj(kamus, views, selected) + _part_matrix(kamus, views, selected)
    return Lampiran(kop=_kop(versi, config.instansi.nama), nama=f"BAHAN REVIU STANDAR KOMPETENSI JABATAN "
                    f"{name.upper()}", blocks=blocks, penandatangan=(), title=f"Bahan reviu SKJ {name}",
                    author=config.instansi.nama, date=versi.tanggal,
                    catatan=f"BAHAN REVIU {(opd.singkatan or opd.nama).upper()} – BUKAN DOKUMEN YANG DITETAPKAN")


def build_lampiran(kamus: Kamus, record: Versi | None = None, unit: str | None = None,
                   reference: str = "Lampiran PermenPANRB Nomor 38 Tahun 2017") -> Lampiran:
    """The Lampiran of ``kamus``: its own `versi` names the regulation, as the `riwayat`
    ``record`` of its tag says the version was enacted (label, nomor, tahun, tanggal), if any.
    With ``unit``: the review copy of that unit (and the units under it) alone."""
    config, views = kamus.config, build_views(kamus)
    versi, instansi = config.versi, config.instansi.nama
    if record is not None:
        versi = versi.enacted_as(record)
    if unit is not None:
        return _review_copy(kamus, views, versi, unit)
    nama = "KAMUS KOMPETENSI DAN STANDAR KOMPETENSI JABATAN" + (f" {instansi.upper()}" if instansi else "")
    blocks = [Text(f"Lampiran ini memuat kamus kompetensi dan standar kompetensi jabatan di lingkungan {instansi}, "
                   f"yang disusun menurut Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
                   f"Nomor 38 Tahun 2017 tentang Standar Kompetensi Jabatan Aparatur Sipil Negara: "
                   f"I. Kamus Kompetensi, II. Standar Kompetensi Jabatan, dan III. Matriks Level Kompetensi "
                   f"Manajerial dan Sosial Kultural.")]
    blocks += _part_kamus(kamus, views, reference)
    blocks += _part_skj(kamus, views)
    blocks += _part_matrix(kamus, views)
    signer = versi.penandatangan
    jabatan = (signer.jabatan or "Kepala Daerah").upper() + ","
    return Lampiran(kop=_kop(versi, instansi), nama=nama, blocks=blocks, penandatangan=(jabatan, bahasa.nama_kapital(signer.nama)),
                    title=f"Lampiran {versi.nama}" if versi.nama else "Lampiran kamus kompetensi",
                    author=instansi, date=versi.tanggal)
