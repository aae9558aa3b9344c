"""SKJ forms as Pemda keep them in Excel, written with openpyxl for the import tests.

Two layouts seen in public copies (README, "Formulir SKJ"):

- ``lampiran``: the layout of the PermenPANRB 38/2017 Lampiran and of Peraturan/Keputusan
  Bupati books: label | : | value rows, No | Kompetensi | Level | Deskripsi | Indikator
  Kompetensi with merged group rows (A. Manajerial …), all indicators of a level in one
  cell, a two-row persyaratan header with "Tingkat Pentingnya terhadap Jabatan" merged
  over Mutlak | Penting | Perlu, "A. Pendidikan" merged over "1. Jenjang" and
  "2. Bidang Ilmu", ticks "√", blank spacer rows.
- ``aplikasi``: the layout printed by Pemda SKJ applications: "NAMA JABATAN : …" in
  one cell, a JABATAN ADMINISTRATOR title, Kode | Kompetensi | Level | Deskripsi |
  Indikator with the competency, level and description merged down over one row per
  indicator, numbered and loosely spelt names ("1. integritas", "Kerjasama"), levels
  written "Level 3", ticks "V" and "-" for empty cells.
"""

from __future__ import annotations

import openpyxl

MANAJERIAL = [("M.1", "Integritas"), ("M.2", "Kerja Sama"), ("M.3", "Komunikasi"), ("M.4", "Orientasi pada Hasil"),
              ("M.5", "Pelayanan Publik"), ("M.6", "Pengembangan Diri dan Orang Lain"), ("M.7", "Mengelola Perubahan"),
              ("M.8", "Pengambilan Keputusan")]


def lampiran(path, sheets: list[dict]) -> None:
    """``sheets``: dicts with nama, kelompok, urusan, kode_jabatan, ikhtisar, kompetensi
    [(name, level)] per group {"Manajerial": [...], ...}, pendidikan (jenjang, bidang, tick),
    pelatihan [(jenis, nama, tick)], pengalaman [(uraian, tick)], pangkat, indikator."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for spec in sheets:
        ws = book.create_sheet(spec.get("title", spec["nama"][:31]))
        ws.merge_cells("A1:F1")
        ws["A1"] = "STANDAR KOMPETENSI JABATAN"
        row = 3
        for label, value in (("Nama Jabatan", spec["nama"]), ("Kelompok Jabatan", spec["kelompok"]),
                             ("Urusan Pemerintahan", spec.get("urusan", "-")),
                             ("Kode Jabatan", spec.get("kode_jabatan", ""))):
            ws.cell(row, 1, label)
            ws.cell(row, 2, ":")
            ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=6)
            if value:
                ws.cell(row, 3, value)
            row += 1
        row += 1  # spacer
        ws.cell(row, 1, "I. IKHTISAR JABATAN")
        row += 1
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        ws.cell(row, 1, spec["ikhtisar"])
        row += 2
        ws.cell(row, 1, "II. STANDAR KOMPETENSI")
        row += 1
        for col, head in enumerate(("No", "Kompetensi", "Level", "Deskripsi", "Indikator Kompetensi"), start=1):
            ws.cell(row, col, head)
        row += 1
        number = 0
        for letter, (group, items) in zip("ABC", spec["kompetensi"].items()):
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
            ws.cell(row, 1, f"{letter}. {group}")
            row += 1
            for name, level in items:
                number += 1
                ws.cell(row, 1, number)
                ws.cell(row, 2, name)
                ws.cell(row, 3, level)
                ws.cell(row, 4, f"Deskripsi level {level} {name}.")
                ws.cell(row, 5, "1. Indikator pertama.\n2. Indikator kedua.\n3. Indikator ketiga.")
                row += 1
        row += 1
        ws.cell(row, 1, "III. PERSYARATAN JABATAN")
        jenjang, bidang, tick = spec["pendidikan"]
        row = part_three(ws, row + 1, (jenjang, bidang), spec["pelatihan"], spec["pengalaman"], "√", tick)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.cell(row, 1, "D. Pangkat")
        ws.cell(row, 3, spec["pangkat"])
        ws.cell(row, 4, "√")
        row += 1
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.cell(row, 1, "E. Indikator Kinerja Jabatan")
        ws.cell(row, 3, "\n".join(spec["indikator"]))
        row += 4
        ws.cell(row, 5, "Kepala Dinas,")  # a signature block below the table
    book.save(path)


def aplikasi(path, spec: dict) -> None:
    """One sheet: kode/nama/level triples per group in ``spec["kompetensi"]`` (kode may be
    empty), levels written as given (e.g. "Level 3")."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = spec.get("title", "SKJ")
    ws["A1"] = "STANDAR KOMPETENSI JABATAN STRUKTURAL"
    ws["A3"] = f"NAMA JABATAN : {spec['nama']}"
    ws["A4"] = f"KELOMPOK JABATAN : {spec['kelompok']}"
    ws["A5"] = f"URUSAN PEMERINTAH : {spec.get('urusan', '')}"
    ws["A6"] = "KODE JABATAN :"
    ws["A7"] = f"UNIT KERJA : {spec.get('unit', '')}"
    ws.merge_cells("A9:F9")
    ws["A9"] = f"JABATAN {spec['kelompok'].upper()}"
    ws["A10"] = "I."
    ws["B10"] = "IKHTISAR JABATAN"
    ws["A11"] = "Ikhtisar Jabatan"
    ws["C11"] = spec["ikhtisar"]
    ws["A12"] = "II."
    ws["B12"] = "STANDAR KOMPETENSI"
    for col, head in enumerate(("Kode", "Kompetensi", "Level", "Deskripsi", "Indikator Kompetensi"), start=1):
        ws.cell(13, col, head)
    row = 14
    for group, items in spec["kompetensi"].items():
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        ws.cell(row, 1, group)
        row += 1
        for number, (kode, name, level) in enumerate(items, start=1):
            for col in (1, 2, 3, 4):
                ws.merge_cells(start_row=row, start_column=col, end_row=row + 2, end_column=col)
            if kode:
                ws.cell(row, 1, kode)
            ws.cell(row, 2, f"{number}. {name}")
            ws.cell(row, 3, level)
            ws.cell(row, 4, f"Deskripsi {name}.")
            for k in range(3):
                ws.cell(row + k, 5, f"{k + 1}. Indikator {k + 1}.")
            row += 3
        row += 1  # a blank spacer row between the groups
    ws.cell(row, 1, "III.")
    ws.cell(row, 2, "PERSYARATAN JABATAN")
    row += 1
    ws.merge_cells(start_row=row, start_column=1, end_row=row + 1, end_column=2)
    ws.cell(row, 1, "Jenis Persyaratan")
    ws.cell(row, 3, "Uraian")
    ws.cell(row, 4, "Tingkat Pentingnya Terhadap Jabatan")
    for col, head in zip((4, 5, 6), ("Mutlak", "Penting", "Perlu")):
        ws.cell(row + 1, col, head)
    row += 2
    ws.cell(row, 1, "A. Pendidikan")
    ws.cell(row, 2, "1. Jenjang")
    ws.cell(row, 3, spec["jenjang"])
    for col, mark in zip((4, 5, 6), ("V", "-", "-")):
        ws.cell(row, col, mark)
    ws.cell(row + 1, 2, "2. Bidang Ilmu")
    ws.cell(row + 1, 3, spec["bidang"])
    row += 2
    for number, (jenis, nama, ticks) in enumerate(spec["pelatihan"], start=1):
        if number == 1:
            ws.cell(row, 1, "B. Pelatihan")
        ws.cell(row, 2, f"{number}. {jenis}")
        ws.cell(row, 3, nama)
        for col, mark in zip((4, 5, 6), ticks):
            ws.cell(row, col, mark)
        row += 1
    ws.cell(row, 1, "C. Pengalaman Kerja")
    ws.cell(row, 3, spec["pengalaman"])
    for col, mark in zip((4, 5, 6), ("V", "-", "-")):
        ws.cell(row, col, mark)
    row += 1
    ws.cell(row, 1, "D. Pangkat Kerja")
    ws.cell(row, 3, spec["pangkat"])
    for col, mark in zip((4, 5, 6), ("V", "-", "-")):
        ws.cell(row, col, mark)
    row += 1
    ws.cell(row, 1, "E. Indikator Kinerja Jabatan")
    ws.cell(row, 3, spec["indikator"])
    book.save(path)


def anjab(path, spec: dict) -> None:
    """The SKJ print of a Pemkab's anjab application (singgihadis/anjab ``Skj.php``, research 19 §4.1)
    laid into one sheet as the research samples are: "NAMA JABATAN | : | value" rows with the label
    merged over A:B and the value over D:F, "URUSAN PEMERINTAH", a "JABATAN <KELOMPOK>" banner,
    "Ikhtisiar Jabatan", the table Kompetensi (A:B) | Level | Deskripsi | Indikator Kompetensi with
    group rows "KOMPETENSI MANAJERIAL" merged over A:E, names numbered per group as ucwords of the
    dump's upper-case names, indicators stored as HTML (``<ol><li>``), Part III with "D. Pangkat
    Kerja" and V ticks.

    ``spec``: nama, kelompok (as printed, e.g. "STRUKTURAL"), urusan, kode_jabatan ("-" or ""),
    eselon (optional: an ESELON row, as the dump's ``master_eselon`` writes it), ikhtisar,
    kompetensi {group title: [(name, level or None)]} (None: the dump's NULL level: level,
    deskripsi and indikator empty), pendidikan (jenjang, bidang), pelatihan [(jenis, nama, tick)],
    pengalaman [(uraian, tick)], pangkat, indikator."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = spec.get("title", "SKJ")
    ws.merge_cells("A1:F1")
    ws["A1"] = "STANDAR KOMPETENSI JABATAN STRUKTURAL"  # hard-coded by the application, whatever the jabatan
    identity = [("NAMA JABATAN", spec["nama"]), ("KELOMPOK JABATAN", spec["kelompok"])]
    if "eselon" in spec:
        identity.append(("ESELON", spec["eselon"]))
    identity += [("URUSAN PEMERINTAH", spec.get("urusan", "")), ("KODE JABATAN", spec.get("kode_jabatan", "-"))]
    row = 3
    for label, value in identity:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.merge_cells(start_row=row, start_column=4, end_row=row, end_column=6)
        ws.cell(row, 1, label)
        ws.cell(row, 3, " : ")
        if value:
            ws.cell(row, 4, value)
        row += 1
    row += 1
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
    ws.cell(row, 1, f"JABATAN {spec['kelompok'].upper()}")
    ws.cell(row + 1, 1, "I.")
    ws.cell(row + 1, 2, "IKHTISAR JABATAN")
    ws.merge_cells(start_row=row + 2, start_column=1, end_row=row + 2, end_column=2)
    ws.merge_cells(start_row=row + 2, start_column=3, end_row=row + 2, end_column=5)
    ws.cell(row + 2, 1, "Ikhtisiar Jabatan")
    ws.cell(row + 2, 3, spec["ikhtisar"])
    ws.cell(row + 3, 1, "II.")
    ws.cell(row + 3, 2, "STANDAR KOMPETENSI")
    row += 4
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    for col, head in ((1, "Kompetensi"), (3, "Level"), (4, "Deskripsi"), (5, "Indikator Kompetensi")):
        ws.cell(row, col, head)
    row += 1
    for group, items in spec["kompetensi"].items():
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        ws.cell(row, 1, group)
        row += 1
        for number, (name, level) in enumerate(items, start=1):
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
            ws.cell(row, 1, f"{number}. {name.lower().title()}" + (" " if name.endswith(" ") else ""))
            if level is not None:  # a NULL level prints nothing in Level, Deskripsi and Indikator
                ws.cell(row, 3, level)
                ws.cell(row, 4, f"Deskripsi level {level}.")
                ws.cell(row, 5, "<ol><li>Indikator pertama.</li><li>Indikator kedua.</li></ol>")
            row += 1
    ws.cell(row, 1, "III.")
    ws.cell(row, 2, "PERSYARATAN JABATAN")
    row = part_three(ws, row + 1, spec["pendidikan"], spec["pelatihan"], spec["pengalaman"], "V")
    for label, value in (("D. Pangkat Kerja", spec["pangkat"]), ("E. Indikator Kinerja Jabatan", spec["indikator"])):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=6)
        ws.cell(row, 1, label)
        ws.cell(row, 3, value)
        row += 1
    book.save(path)


def part_three(ws, row: int, pendidikan, pelatihan, pengalaman, mark: str, tick_pendidikan=None) -> int:
    """Part III from its two-row header to C. Pengalaman Kerja, as both layouts print it (the
    section label merged down over its rows, ``mark`` in the tick columns); the next free row."""
    ws.merge_cells(start_row=row, start_column=1, end_row=row + 1, end_column=2)
    ws.cell(row, 1, "Jenis Persyaratan")
    ws.merge_cells(start_row=row, start_column=3, end_row=row + 1, end_column=3)
    ws.cell(row, 3, "Uraian")
    ws.merge_cells(start_row=row, start_column=4, end_row=row, end_column=6)
    ws.cell(row, 4, "Tingkat Pentingnya terhadap Jabatan")
    for col, head in zip((4, 5, 6), ("Mutlak", "Penting", "Perlu")):
        ws.cell(row + 1, col, head)
    row += 2
    tick_col = {"mutlak": 4, "penting": 5, "perlu": 6}
    jenjang, bidang = pendidikan
    ws.merge_cells(start_row=row, start_column=1, end_row=row + 1, end_column=1)
    ws.cell(row, 1, "A. Pendidikan")
    ws.cell(row, 2, "1. Jenjang")
    ws.cell(row, 3, jenjang)
    if tick_pendidikan:
        ws.cell(row, tick_col[tick_pendidikan], mark)
    ws.cell(row + 1, 2, "2. Bidang Ilmu")
    ws.cell(row + 1, 3, bidang)
    row += 2
    ws.merge_cells(start_row=row, start_column=1, end_row=row + len(pelatihan) - 1, end_column=1)
    ws.cell(row, 1, "B. Pelatihan")
    for number, (jenis, nama, tick) in enumerate(pelatihan, start=1):
        ws.cell(row, 2, f"{number}. {jenis.title()}")
        ws.cell(row, 3, nama)
        if tick:
            ws.cell(row, tick_col[tick], mark)
        row += 1
    for uraian, tick in pengalaman:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.cell(row, 1, "C. Pengalaman Kerja")
        ws.cell(row, 3, uraian)
        if tick:
            ws.cell(row, tick_col[tick], mark)
        row += 1
    return row
