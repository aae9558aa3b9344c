"""Talent results as text, JSON and CSV (CLI), and the restricted report (XLSX + CSV, RAHASIA).

Named results are personal data (UU 27/2022): they are written only where the user asks
(`kamus talenta --output DIR`), never into a site folder, every file marked RAHASIA.
The JSON structure is documented in the README and pinned by a test.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from ..bahasa import angka
from ..outputs import check_private_output
from ..tables import RAHASIA, Table, write_csv, write_csv_text, write_xlsx
from .analysis import Analysis, Period
from .policy import KINERJA_LABEL, TINDAK_LANJUT

JSON_VERSION = 1


def person_sheet(period: Period, kamus) -> Table:
    """One row per person (rows are made while they are written: a million never sit in memory)."""
    codes = period.snapshot.competencies
    columns = ["nip", "nama", "kode_jabatan", "unit", "kinerja", "potensial", "kotak", "jpm_persen",
               "kategori_pemetaan", "kategori_seleksi", "kelompok_talenta", "alasan_tidak_masuk",
               "asesmen_kedaluwarsa", "kompetensi_belum_diases", *[f"gap_{c}" for c in codes], "tindak_lanjut"]
    units = {kode: unit.nama for kode, unit in kamus.units.items()}

    def rows():
        for r in period.orang:
            gap = r.gap
            yield [r.person.nip, r.person.nama, r.person.kode_jabatan, units.get(r.unit, r.unit),
                   KINERJA_LABEL[r.kinerja], r.potensial, r.kotak, "" if r.jpm is None else r.jpm,
                   r.kategori_pemetaan, r.kategori_seleksi, "ya" if r.kelompok_talenta else "tidak",
                   r.alasan_tidak_masuk, "ya" if r.asesmen_kedaluwarsa else "", " ".join(r.kompetensi_belum_diases),
                   *[gap.get(c, "") for c in codes], TINDAK_LANJUT[r.kotak]]

    return Table(f"RAHASIA-{period.snapshot.periode}-hasil", columns, rows(), 2)


def slate_sheet(period: Period) -> Table:
    columns = ["kode_jabatan_sasaran", "jabatan_sasaran", "peringkat", "nip", "nama", "kode_jabatan_sekarang",
               "kotak", "jpm_persen", "kategori_seleksi", "kompetensi_kurang"]
    rows = []
    for slate in period.suksesi:
        for rank, c in enumerate(slate.kandidat, start=1):
            short = "; ".join(f"{k} {angka(a)}<{req}" for k, (a, req) in c.kompetensi_kurang.items())
            rows.append([slate.jabatan.kode, slate.jabatan.nama, rank, c.hasil.person.nip, c.hasil.person.nama,
                         c.hasil.person.kode_jabatan, c.hasil.kotak, c.jpm, c.kategori_seleksi, short])
        if not slate.kandidat:
            rows.append([slate.jabatan.kode, slate.jabatan.nama, "", "", "(tidak ada kandidat)", "", "", "", "", ""])
    return Table(f"RAHASIA-{period.snapshot.periode}-suksesi", columns, rows, 2)


def movement_sheet(period: Period) -> Table | None:
    m = period.pergerakan
    if m is None:
        return None
    rows = [["masuk", r.person.nip, r.person.nama, "", r.kotak] for r in m.masuk]
    rows += [["keluar", r.person.nip, r.person.nama, r.kotak, ""] for r in m.keluar]
    rows += [["naik", new.person.nip, new.person.nama, old.kotak, new.kotak] for old, new in m.naik]
    rows += [["turun", new.person.nip, new.person.nama, old.kotak, new.kotak] for old, new in m.turun]
    return Table(f"RAHASIA-{m.dari}-{m.ke}-pergerakan", ["perubahan", "nip", "nama", f"kotak_{m.dari}",
                                                         f"kotak_{m.ke}"], rows, 3)


def grid_sheet(analysis: Analysis, period: Period) -> Table:
    """The 9-box grid in the configured orientation, with counts and follow-up, plus the policy."""
    counts: dict[int, int] = {}
    for r in period.orang:
        counts[r.kotak] = counts.get(r.kotak, 0) + 1
    rows = [[f"Kotak {kotak}: {counts.get(kotak, 0)} orang" for kotak in row] for row in analysis.policy.grid()]
    rows += [[]] + [[f"Kotak {kotak}", TINDAK_LANJUT[kotak]] for kotak in range(9, 0, -1)]
    rows += [[], [f"Snapshot: {period.snapshot.path}"]] + [[line] for line in analysis.policy.describe()]
    head = "Potensial ↓ / kinerja →" if analysis.policy.baris_tinggi_dulu else "Potensial ↑ / kinerja →"
    return Table(f"RAHASIA-{period.snapshot.periode}-kotak9", [head, "", ""], rows, 0)


def write_restricted(analysis: Analysis, period: Period, kamus, folder, root=None, plain_csv: bool = False) -> list[Path]:
    """The restricted report: one XLSX and one CSV per table, every file marked RAHASIA, each
    written row by row. ``root`` is the kamus root: the report is never written inside it or
    inside a site. CSV files follow Indonesian-locale Excel (`;`, decimal comma, BOM) unless
    ``plain_csv``."""
    folder = Path(folder).resolve()
    check_private_output(root, folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    makers = [lambda: person_sheet(period, kamus), lambda: slate_sheet(period),
              lambda: movement_sheet(period), lambda: grid_sheet(analysis, period)]
    for make in makers:
        csv_writer = functools.partial(write_csv, plain=plain_csv)
        for suffix, write in ((".xlsx", write_xlsx), (".csv", csv_writer)):
            sheet = make()  # made afresh for each file: its rows are a one-pass stream
            if sheet is None:
                break
            path = folder / f"{sheet.name}{suffix}"
            with open(path, "wb") as handle:
                write(sheet, handle, banner=RAHASIA)
            written.append(path)
    return written


def _person_json(r) -> dict:
    return {"nip": r.person.nip, "nama": r.person.nama, "kode_jabatan": r.person.kode_jabatan,
            "unit": r.unit, "kinerja": r.kinerja, "potensial": r.potensial, "kotak": r.kotak, "jpm": r.jpm,
            "kategori_pemetaan": r.kategori_pemetaan, "kategori_seleksi": r.kategori_seleksi, "gap": r.gap,
            "kompetensi_belum_diases": list(r.kompetensi_belum_diases),
            "kelompok_talenta": r.kelompok_talenta, "alasan_tidak_masuk": r.alasan_tidak_masuk or None,
            "asesmen_kedaluwarsa": r.asesmen_kedaluwarsa}


def _indented(value, depth: int) -> str:
    """``value`` as ``json.dumps(indent=2)`` prints it ``depth`` levels deep."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


def write_json(analysis: Analysis, period: Period, kamus, out) -> None:
    """The documented JSON (pinned by a test) to the text stream ``out``, one person at a time:
    the same text as ``json.dumps(document, indent=2)``, without holding it all."""
    slates = [{"kode_jabatan": s.jabatan.kode, "pemangku": s.pemangku, "jumlah_kandidat": s.jumlah_kandidat,
               "kategori_seleksi": s.kategori_seleksi, "tidak_lengkap": s.tidak_lengkap,
               "kandidat": [{"nip": c.hasil.person.nip, "nama": c.hasil.person.nama, "jpm": c.jpm,
                             "kategori_seleksi": c.kategori_seleksi, "kotak": c.hasil.kotak,
                             "kompetensi_kurang": {k: {"asesmen": a, "syarat": req} for k, (a, req) in
                                                   c.kompetensi_kurang.items()}}
                            for c in s.kandidat]}
              for s in period.suksesi]
    m = period.pergerakan
    head = {"version": JSON_VERSION, "periode": period.snapshot.periode, "snapshot": period.snapshot.path,
            "kebijakan": analysis.policy.describe()}
    tail = {"suksesi": slates, "pergerakan": None if m is None else {
        "dari": m.dari, "ke": m.ke, "transisi": m.transisi,
        "masuk": [r.person.nip for r in m.masuk], "keluar": [r.person.nip for r in m.keluar],
        "naik": [new.person.nip for _, new in m.naik], "turun": [new.person.nip for _, new in m.turun]}}
    out.write("{\n")
    for key, value in head.items():
        out.write(f"  {json.dumps(key)}: {_indented(value, 1)},\n")
    out.write('  "orang": [')
    for index, r in enumerate(period.orang):
        out.write(("," if index else "") + "\n    " + _indented(_person_json(r), 2))
    out.write("\n  ],\n" if period.orang else "],\n")
    out.write(",\n".join(f"  {json.dumps(key)}: {_indented(value, 1)}" for key, value in tail.items()))
    out.write("\n}\n")


def write_csv_stdout(period: Period, kamus, out, plain: bool = False) -> None:
    """The per-person table for the terminal: the same CSV as the report, without the BOM."""
    write_csv_text(person_sheet(period, kamus), out, plain=plain)


def write_text(analysis: Analysis, period: Period, kamus, out) -> None:
    out.write(f"Periode {period.snapshot.periode} ({period.snapshot.path}): {len(period.orang)} pegawai.\nKebijakan:\n")
    out.write("".join(f"  - {line}\n" for line in analysis.policy.describe()) + "\n")
    for r in period.orang:
        jpm = "tidak lengkap" if r.jpm is None else f"{angka(r.jpm, 1)}% ({r.kategori_pemetaan}; {r.kategori_seleksi})"
        pool = "kelompok talenta" if r.kelompok_talenta else f"bukan kelompok talenta: {r.alasan_tidak_masuk}"
        stale = "; asesmen kedaluwarsa" if r.asesmen_kedaluwarsa else ""
        out.write(f"{r.person.nip} {r.person.nama} [{r.person.kode_jabatan}] kotak {r.kotak} "
                  f"(kinerja {KINERJA_LABEL[r.kinerja]}, potensial {r.potensial}); JPM {jpm}; {pool}{stale}\n")
    lines = [""]
    for slate in period.suksesi:
        bands = slate.kategori_seleksi
        lines.append(f"Suksesi {slate.jabatan.kode} {slate.jabatan.nama}: {slate.jumlah_kandidat} kandidat "
                     f"(MS {bands['MS']}, MMS {bands['MMS']}, KMS {bands['KMS']}; "
                     f"{slate.tidak_lengkap} data asesmen tidak lengkap)")
        for rank, c in enumerate(slate.kandidat, start=1):
            lines.append(f"  {rank}. {c.hasil.person.nip} {c.hasil.person.nama} JPM {angka(c.jpm, 1)}% {c.kategori_seleksi}")
    if period.pergerakan:
        m = period.pergerakan
        lines.append(f"Pergerakan {m.dari} → {m.ke}: {len(m.masuk)} masuk, {len(m.keluar)} keluar, "
                     f"{len(m.naik)} naik, {len(m.turun)} turun, {m.tetap} tetap.")
    out.write("\n".join(lines) + "\n")
