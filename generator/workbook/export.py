"""`kamus export --format xlsx`: the whole kamus as one workbook that editors can change.

Sheets: Petunjuk (how to edit and hand back), Kompetensi, Level (with the indicators),
Unit, Jabatan, Kebutuhan (position × competency × level) and Persyaratan, plus a hidden
Pilihan sheet that the dropdowns read and a hidden Isi sheet that lists every entry with
its fingerprint (an import removes only entries the workbook was made with). Cells hold exactly the YAML values (text as
text, levels as numbers), so that importing an unchanged workbook changes nothing.
The same kamus version gives the same bytes.
"""

from __future__ import annotations

import io

from ..load.renamed import upgraded
from ..tables import Table, column_letter, write_xlsx
from . import layout as L
from .layout import BOOLEAN, LIST_SEPARATOR, Layout, build_layout, covered, persyaratan_sections, sidik

SPARE_ROWS = 1000  # rows below the last entry that the code dropdowns still offer


def _cell(column: L.Column, value):
    if value is None:
        return None
    if column.kind == "bool" or isinstance(value, bool):
        return BOOLEAN.get(value, str(value))
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if column.kind == "level":
        return value
    return str(value)


def _valid(group, valid: set[str]):
    return [loaded for loaded in group if loaded.doc is not None and loaded.file.path in valid]


def kamus_rows(project) -> dict[str, list[list]]:
    """The rows of every data sheet (without headers), in file order."""
    documents, valid = project.documents, project.valid_paths
    lay = workbook_layout(project)
    sheet = {s.name: s for s in lay.sheets}
    names = {c.kode: c.nama for c in project.kamus.competencies.values()}
    rows: dict[str, list[list]] = {s.name: [] for s in lay.sheets} | {L.ISI: []}

    def entity(name, data, extra=None):
        objek = {L.KOMPETENSI: "kompetensi", L.UNIT: "unit", L.JABATAN: "jabatan"}[name]
        folder = (extra or {}).get("unit") or (data.get("jenis") if objek == "kompetensi" else data.get("kode"))
        shown = {k: v for k, v in data.items() if k in covered(sheet[name])}
        values = {**data, **(extra or {}), "sidik": sidik(objek, str(folder), shown)}
        rows[name].append([_cell(c, L.value_of(values, c.field)) for c in sheet[name].columns])
        rows[L.ISI].append([objek, str(data.get("kode")), values["sidik"]])

    for loaded in _valid(documents.competencies, valid):
        data = loaded.doc.data
        entity(L.KOMPETENSI, data)
        for level in data.get("level", ()):
            indikator = list(level.get("indikator", ()))
            rows[L.LEVEL].append([data["kode"], level["level"], level["deskripsi"], *indikator]
                                 + [None] * (lay.indikator - len(indikator)))
    for loaded in _valid(documents.units, valid):
        entity(L.UNIT, loaded.doc.data)
    sections = persyaratan_sections(project.schemas.schemas["position"])
    row_columns = sheet[L.PERSYARATAN].columns
    for loaded in _valid(documents.positions, valid):
        data = upgraded(loaded.doc.data, "position")
        entity(L.JABATAN, data, {"unit": loaded.file.folder})
        for requirement in data.get("kompetensi", ()):
            rows[L.KEBUTUHAN].append([data["kode"], requirement["kode"], requirement["level"],
                                      names.get(requirement["kode"], "")])
        persyaratan = data.get("persyaratan") or {}
        for section in sections:
            for item in persyaratan.get(section, ()):
                values = item if isinstance(item, dict) else {"uraian": item}
                values = {**values, "jabatan": data["kode"], "bagian": section}
                rows[L.PERSYARATAN].append([_cell(c, values.get(c.field)) for c in row_columns])
    return rows


def workbook_layout(project) -> Layout:
    documents = project.documents
    most = max((len(level.get("indikator", ())) for loaded in documents.competencies if loaded.doc is not None
                and isinstance(loaded.doc.data, dict) for level in loaded.doc.data.get("level", ())
                if isinstance(level, dict)), default=0)
    return build_layout(project.schemas.schemas, tuple(project.config.jenis_kompetensi), most + 2)


def _petunjuk(project, lay: Layout) -> Table:
    config = project.config
    versi = config.versi.nama or "-"
    lines = [
        f"Kamus Kompetensi dan Standar Kompetensi Jabatan — {config.instansi.nama}",
        f"Versi: {versi}" + (f" (diekspor dari versi git `{project.version}`)" if project.version else ""),
        "",
        "Cara menyunting:",
        "1. Ubah isi sel di lembar Kompetensi, Level, Unit, Jabatan, Kebutuhan dan Persyaratan. Baris 1 adalah nama "
        "kolom yang dibaca Kamus; jangan diubah. Baris 2 adalah keterangannya.",
        "2. Pakai daftar pilihan (panah di sel) untuk jenis, jenjang, status, level, unit dan kode. "
        "Sel kode dan teks berformat Text, sehingga kode seperti 1.10 tidak berubah menjadi bilangan.",
        "3. Baris baru menjadi kompetensi, unit atau jabatan baru. Baris yang dihapus tidak menghapus berkas kecuali "
        "pengelola kamus menjalankan impor dengan --hapus; isi yang ditambahkan atau diubah di kamus sesudah buku "
        "kerja ini diunduh tidak pernah dihapus olehnya. Jangan menghapus lembar tersembunyi (Pilihan, Isi).",
        "4. Kebutuhan: satu baris per jabatan × kompetensi dengan level yang disyaratkan (1–5).",
        "5. Persyaratan (bagian III formulir SKJ): satu baris per butir; kolom `bagian` menentukan kolom mana yang "
        "diisi (pendidikan: jenjang, bidang_ilmu; pelatihan: jenis, nama, tingkat; pengalaman: uraian, tingkat; "
        "pangkat: uraian; indikator_kinerja: uraian). Seperti formulir SKJ, tingkat pentingnya (mutlak, penting, "
        "perlu) hanya diisi untuk pelatihan dan pengalaman kerja.",
        f"6. Beberapa nilai dalam satu sel (bidang_ilmu, diganti_oleh) dipisah dengan titik koma ({LIST_SEPARATOR.strip()}).",
        "7. Jangan memakai rumus. Simpan sebagai Excel Workbook (.xlsx), lalu serahkan kembali ke BKPSDM.",
        "",
        "BKPSDM memasukkan berkas ini dengan `kamus import kamus.xlsx`: semua isian diperiksa seperti suntingan "
        "YAML, dan bila ada yang salah, tidak ada satu berkas pun yang diubah; setiap masalah disebut lembar, "
        "baris dan kolomnya (misalnya Kebutuhan!C14). Perubahan diajukan sebagai pull request dengan ringkasan "
        "perubahan untuk ditinjau.",
    ]
    return Table(L.PETUNJUK, ["Petunjuk"], [[line] for line in lines], fixed=0, sheet=L.PETUNJUK, widths=[140],
                 text=[True])


def _code_ranges(rows: dict[str, list[list]]) -> dict[str, str]:
    names = {}
    for name, (sheet, column) in L.CODE_LISTS.items():
        last = L.HEAD_ROWS + len(rows[sheet]) + SPARE_ROWS
        names[name] = f"'{sheet}'!${column}${L.HEAD_ROWS + 1}:${column}${last}"
    return names


def workbook_tables(project) -> tuple[list[Table], dict[str, str]]:
    lay = workbook_layout(project)
    rows = kamus_rows(project)
    tables = [_petunjuk(project, lay)]
    for sheet in lay.sheets:
        tables.append(Table(sheet.name, [c.field for c in sheet.columns], rows[sheet.name], sheet.fixed, sheet.name,
                            labels=[c.label for c in sheet.columns], widths=[c.width for c in sheet.columns],
                            text=[c.kind != "level" for c in sheet.columns],
                            choices={i: c.choices for i, c in enumerate(sheet.columns) if c.choices},
                            autofilter=True, hide=tuple(i for i, c in enumerate(sheet.columns) if c.kind == "sidik")))
    lists = list(lay.lists.items())
    depth = max((len(values) for _, values in lists), default=0)
    tables.append(Table(L.PILIHAN, [name for name, _ in lists],
                        [[values[r] if r < len(values) else None for _, values in lists] for r in range(depth)],
                        fixed=0, sheet=L.PILIHAN, text=[True] * len(lists), hidden=True))
    tables.append(Table(L.ISI, list(L.ISI_COLUMNS), rows[L.ISI], fixed=0, sheet=L.ISI, text=[True] * 3, hidden=True))
    names = _code_ranges(rows)
    for index, (name, values) in enumerate(lists):
        letter = column_letter(index)
        names[name] = f"'{L.PILIHAN}'!${letter}$2:${letter}${len(values) + 1}"
    return tables, names


def export_xlsx(project) -> bytes:
    """The workbook of a sound project (call :meth:`Project.require_valid` first)."""
    tables, names = workbook_tables(project)
    out = io.BytesIO()
    write_xlsx(tables, out, names=names)
    return out.getvalue()
