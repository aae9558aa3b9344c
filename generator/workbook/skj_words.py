"""The words of an SKJ form: the jenjang its Kelompok Jabatan (or an eselon) names, and what a
finding about it says and how it asks for a fix (in the form's cells and columns, never in YAML
keys or a file that does not exist yet)."""

from __future__ import annotations

from ..eselon import find_eselon, read_eselon
from ..jenjang import jenjang_in_words as _jenjang
from ..spreadsheet import Cell, cell_finding
from .skj_read import Form, blank, norm


# How to fix, in the words of the form, what the kamus's rules find in a position a form gives (the
# rules' own hints name YAML keys and files); "": any other rule.
FORM_HINTS = {
    "KOMPETENSI-WAJIB-MISSING": "Tambahkan kompetensi itu beserta levelnya di tabel II. Standar Kompetensi formulir "
                                "(kelompok Manajerial atau Sosial Kultural), lalu impor ulang.",
    "LEVEL-BELOW-STANDARD": "Naikkan level di kolom Level formulir. Bila standar instansi memang berbeda, pengelola "
                            "kamus di BKPSDM yang mengubah standar level manajerialnya.",
    "LEVEL-UNDEFINED": "Tulis di kolom Level salah satu level yang ada pada kompetensi itu (lihat kamus kompetensi "
                       "di situs), atau minta pengelola kamus menambahkan level itu.",
    "KOMPETENSI-DICABUT": "Ganti baris itu di tabel Standar Kompetensi dengan kompetensi penggantinya.",
    "TEKNIS-MISSING": "Tambahkan paling sedikit satu kompetensi di kelompok Kompetensi Teknis formulir.",
    "PANGKAT-JENJANG": "Perbaiki golongan ruang di baris D. Pangkat formulir, atau Kelompok Jabatan-nya.",
    "": "Perbaiki isi sel ini di formulir, lalu impor ulang.",
}


def level_problem(written: str, cell: Cell, described: bool):
    """SKJ-LEVEL for a level that is not plainly 1–5, in the words of the form."""
    name = written.strip()
    if blank(cell.text) and not described:  # how an anjab application prints a level never chosen (NULL)
        return cell_finding("SKJ-LEVEL", cell, f"baris kompetensi `{name}` tidak berisi level, deskripsi maupun "
                                               "indikator; Kamus tidak menebak level dan tidak menganggap kompetensi "
                                               "ini dihapus",
                            f"Isi level 1–5 di kolom Level baris {cell.row} beserta deskripsi dan indikatornya, atau "
                            "hapus baris ini dari formulir bila kompetensi ini memang tidak disyaratkan.")
    if blank(cell.text):
        return cell_finding("SKJ-LEVEL", cell, f"level untuk `{name}` kosong",
                            f"Isi level 1–5 di kolom Level baris {cell.row}.")
    return cell_finding("SKJ-LEVEL", cell, f"level `{cell.text}` untuk `{name}` bukan 1–5")


def jenjang_of(form: Form, nama: str, needed: bool, findings: list) -> tuple[str | None, bool]:
    """(the jenjang the form gives, or None; whether a finding already asks for it). Kelompok
    Jabatan names the jenjang, or says STRUKTURAL with an eselon (an Eselon row, or written
    inside the Kelompok Jabatan cell; :mod:`generator.eselon`). ``needed``: the position is new
    (an existing one keeps its jenjang when the form does not say it)."""
    kelompok, kelompok_cell = form.fields.get("kelompok", ("", None))
    jenjang = _jenjang(kelompok, nama)
    if jenjang is not None:
        return jenjang, False
    written, eselon_cell = form.fields.get("eselon", ("", None))
    where = eselon_cell or kelompok_cell or form.fields["nama"][1]
    eselon = read_eselon(written) if written else find_eselon(kelompok)
    if written and eselon is None:
        findings.append(cell_finding("SKJ-ESELON", where, f"eselon `{written}` tidak dikenal",
                                     "Tulis eselon seperti di SK: I.b, II.a, II.b, III.a, III.b, IV.a atau IV.b (boleh "
                                     "`II a`, `IIA`, `2A`, atau kode eselon SIASN seperti 21), atau kosongkan baris "
                                     "Eselon dan tulis jenjangnya di Kelompok Jabatan."))
        return None, True
    if eselon is not None and eselon.jenjang:
        return eselon.jenjang, False
    if not needed:
        return None, False
    if eselon is not None:
        findings.append(cell_finding("SKJ-ESELON", where, f"{eselon.reason}; jenjang jabatan baru `{nama}` tidak "
                                                          f"dapat ditentukan dari eselon {eselon.name}",
                                     "Tulis jenjangnya di sel Kelompok Jabatan, misalnya `Jabatan Pimpinan Tinggi "
                                     "Madya`, `Jabatan Pelaksana` atau `Jabatan Fungsional Ahli Pertama`."))
        return None, True
    if "struktural" in norm(kelompok):
        findings.append(cell_finding("SKJ-ESELON", where, f"Kelompok Jabatan `{kelompok}` tidak menyebut jenjang "
                                                          f"jabatan baru `{nama}`, dan formulir tidak memuat eselonnya",
                                     "Tambahkan baris `Eselon : III.a` di bawah Kelompok Jabatan, atau tulis "
                                     "`STRUKTURAL (Eselon III.a)` di sel Kelompok Jabatan (eselon II: JPT Pratama, "
                                     "III: Administrator, IV: Pengawas); atau tulis jenjangnya langsung, misalnya "
                                     "`Jabatan Administrator`."))
        return None, True
    return None, False
