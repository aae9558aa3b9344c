"""Talent results as text, JSON and CSV (CLI), and the restricted report (XLSX + CSV, RAHASIA).

Named results are personal data (UU 27/2022): they are written only where the user asks
(`kamus talenta --output DIR`), never into a site folder, every file marked RAHASIA.
The JSON structure is documented in the README and pinned by a test. Everything per person
(results and development plans) is made while it is written, one person at a time.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

from ..bahasa import angka
from ..model import BENTUK_LABEL
from ..output_guard import atomic_writer, check_private_output
from ..tables import RAHASIA, Table, write_csv, write_csv_text, write_xlsx
from .analysis import Analysis, Period
from .development import Plan
from ..model.policy import AXIS_LABEL, KINERJA_LABEL, TINDAK_LANJUT

JSON_VERSION = 3  # 3: `kode_jabatan` → `jabatan`, `syarat` → `standar`
OWN = "jabatan sekarang"  # the `sasaran` of a plan against the person's own position


def sources(snapshot) -> list[str]:
    """Which file gave which fields, one line per file (a period read from several files)."""
    files: dict[str, list[str]] = {}
    for name, path in snapshot.sumber.items():
        for one in path.split(", "):
            files.setdefault(one, []).append(name)
    return [f"{path}: {', '.join(names)}" for path, names in files.items()] if len(files) > 1 else []


def person_sheet(analysis: Analysis, period: Period, kamus) -> Table:
    """One row per person (rows are made while they are written: a million never sit in memory)."""
    codes, planner = period.snapshot.competencies, analysis.planner
    columns = ["nip", "nama", "jabatan", "unit", "kinerja", "potensial", "kotak", "jpm_persen",
               "kategori_pemetaan", "kategori_seleksi", "kelompok_talenta", "alasan_tidak_masuk",
               "asesmen_kedaluwarsa", "kompetensi_belum_diases", *[f"gap_{c}" for c in codes], "tindak_lanjut",
               "jumlah_kesenjangan", "jp_total", "jp_kekurangan"]
    units = {kode: unit.nama for kode, unit in kamus.units.items()}

    def rows():
        for r in period.people:
            gap, plan = r.gap, planner.plan(r.person.asesmen, r.required)
            yield [r.person.nip, r.person.nama, r.person.jabatan, units.get(r.unit, r.unit),
                   KINERJA_LABEL[r.kinerja], r.potensial, r.kotak, "" if r.jpm is None else r.jpm,
                   r.kategori_pemetaan, r.kategori_seleksi, "ya" if r.kelompok_talenta else "tidak",
                   r.alasan_tidak_masuk, "ya" if r.asesmen_kedaluwarsa else "", " ".join(r.kompetensi_belum_diases),
                   *[gap.get(c, "") for c in codes], TINDAK_LANJUT[r.kotak],
                   len(plan.rencana_pengembangan), plan.jp_total, plan.jp_kekurangan]

    return Table(f"RAHASIA-{period.snapshot.periode}-hasil", columns, rows(), 2, "Hasil")


def plan_sheet(analysis: Analysis, period: Period, kamus) -> Table:
    """Every gap of every person, against their own position and, for candidates on a
    succession slate, against the target post: the sheet "Rencana Pengembangan"."""
    planner, catalog = analysis.planner, kamus.development
    columns = ["nip", "nama", "jabatan", "sasaran", "jabatan_sasaran", "kompetensi", "nama_kompetensi",
               "asesmen", "standar", "kegiatan", "nama_kegiatan", "jalur", "bentuk", "jp", "keterangan",
               "jp_total", "jp_kekurangan"]

    def gaps(r, sasaran: str, target: str, plan: Plan):
        for g in plan.rencana_pengembangan:
            activity = catalog[g.kegiatan[0]] if g.kegiatan else None
            competency = kamus.competencies.get(g.kompetensi)
            yield [r.person.nip, r.person.nama, r.person.jabatan, sasaran, target, g.kompetensi,
                   competency.nama if competency else "", g.asesmen, g.required,
                   " ".join(g.kegiatan), activity.nama if activity else "", activity.jalur if activity else "",
                   BENTUK_LABEL.get(activity.bentuk, "") if activity else "", g.jp if activity else "",
                   g.keterangan, plan.jp_total, plan.jp_kekurangan]

    def rows():  # made while written, one person at a time
        for r in period.people:
            yield from gaps(r, OWN, r.person.jabatan, planner.plan(r.person.asesmen, r.required))
        for slate in period.slates:
            for c in slate.kandidat:
                yield from gaps(c.result, "suksesi", slate.jabatan.kode, planner.plan(c.result.person.asesmen,
                                                                                      slate.required))

    return Table(f"RAHASIA-{period.snapshot.periode}-rencana-pengembangan", columns, rows(), 2,
                 "Rencana Pengembangan")


def slate_sheet(period: Period) -> Table:
    columns = ["jabatan_sasaran", "nama_jabatan_sasaran", "peringkat", "nip", "nama", "jabatan_sekarang",
               "kotak", "jpm_persen", "kategori_seleksi", "kompetensi_kurang", "tidak_diperiksa"]
    rows = []
    for slate in period.slates:
        for rank, c in enumerate(slate.kandidat, start=1):
            short = "; ".join(f"{k} {angka(a)}<{req}" for k, (a, req) in c.kompetensi_kurang.items())
            rows.append([slate.jabatan.kode, slate.jabatan.nama, rank, c.result.person.nip, c.result.person.nama,
                         c.result.person.jabatan, c.result.kotak, c.jpm, c.kategori_seleksi, short,
                         "; ".join(c.tidak_diperiksa)])
        if not slate.kandidat:
            rows.append([slate.jabatan.kode, slate.jabatan.nama, "", "", "(tidak ada kandidat)", "", "", "", "", "",
                         ""])
    return Table(f"RAHASIA-{period.snapshot.periode}-suksesi", columns, rows, 2, "Suksesi")


def excluded_sheet(period: Period) -> Table:
    """Pool members who would stand among a post's top candidates by JPM but fail a requirement."""
    columns = ["jabatan_sasaran", "nama_jabatan_sasaran", "nip", "nama", "jabatan_sekarang", "kotak",
               "jpm_persen", "aturan", "alasan"]
    rows = [[slate.jabatan.kode, slate.jabatan.nama, e.result.person.nip, e.result.person.nama,
             e.result.person.jabatan, e.result.kotak, e.jpm, ", ".join(a for a, _ in e.alasan),
             "; ".join(text for _, text in e.alasan)]
            for slate in period.slates for e in slate.dikecualikan_teratas]
    return Table(f"RAHASIA-{period.snapshot.periode}-suksesi-dikecualikan", columns, rows, 2, "Dikecualikan")


def rules_sheet(period: Period) -> Table:
    """Every requirement per post: what it asks or why it was not checked, and how many it excluded."""
    columns = ["jabatan_sasaran", "nama_jabatan_sasaran", "aturan", "keterangan", "dikecualikan", "dasar"]
    rows = [[slate.jabatan.kode, slate.jabatan.nama, a.aturan, a.keterangan,
             slate.dikecualikan_per_aturan.get(a.aturan, "") if a.diperiksa else "", a.dasar]
            for slate in period.slates for a in slate.aturan]
    return Table(f"RAHASIA-{period.snapshot.periode}-suksesi-persyaratan", columns, rows, 3, "Persyaratan")


def movement_sheet(period: Period) -> Table | None:
    m = period.movement
    if m is None:
        return None
    rows = [["masuk", r.person.nip, r.person.nama, "", r.kotak] for r in m.masuk]
    rows += [["keluar", r.person.nip, r.person.nama, r.kotak, ""] for r in m.keluar]
    for label, pairs in (("kinerja naik", m.kinerja_naik), ("kinerja turun", m.kinerja_turun),
                         ("potensial naik", m.potensial_naik), ("potensial turun", m.potensial_turun),
                         ("masuk kelompok talenta", m.masuk_kelompok_talenta),
                         ("keluar kelompok talenta", m.keluar_kelompok_talenta)):
        rows += [[label, new.person.nip, new.person.nama, old.kotak, new.kotak] for old, new in pairs]
    return Table(f"RAHASIA-{m.dari}-{m.ke}-pergerakan", ["perubahan", "nip", "nama", f"kotak_{m.dari}",
                                                         f"kotak_{m.ke}"], rows, 3, "Pergerakan")


def placement_sheet(period: Period) -> Table | None:
    """The employees matched to a position by name (so that BKPSDM can add the ids once) and
    those not mapped, with why: "Pencocokan"."""
    placed = period.snapshot.placed
    if not placed:
        return None
    columns = ["berkas", "baris", "nip", "nama", "nama_jabatan", "jabatan_id", "jenis_jabatan", "eselon", "unit_kerja",
               "unor_id", "jabatan", "keterangan"]
    rows = [[p.path, p.line, p.nip, p.nama, p.facts.name, p.facts.jabatan_id, p.jenis_jabatan, p.eselon,
             p.facts.unit_kerja or p.facts.satuan_kerja, p.facts.unor_id, p.kode, p.keterangan] for p in placed]
    return Table(f"RAHASIA-{period.snapshot.periode}-pencocokan", columns, rows, 4, "Pencocokan")


def grid_sheet(analysis: Analysis, period: Period) -> Table:
    """The 9-box grid in the configured orientation, with counts and follow-up, plus the policy."""
    counts: dict[int, int] = {}
    for r in period.people:
        counts[r.kotak] = counts.get(r.kotak, 0) + 1
    (row_axis, row_levels), (col_axis, col_levels) = analysis.policy.axes()
    head = [f"{row_axis.capitalize()} ↓ / {col_axis} →", *[AXIS_LABEL[col_axis][c] for c in col_levels]]
    rows = [[AXIS_LABEL[row_axis][level], *[f"Kotak {kotak}: {counts.get(kotak, 0)} orang" for kotak in row]]
            for level, row in zip(row_levels, analysis.policy.grid())]
    rows += [[]] + [[f"Kotak {kotak}", TINDAK_LANJUT[kotak]] for kotak in range(9, 0, -1)]
    rows += [[], [f"Snapshot: {period.snapshot.path}"]] + [[f"Sumber: {line}"] for line in sources(period.snapshot)]
    rows += [[line] for line in period.statement]
    return Table(f"RAHASIA-{period.snapshot.periode}-kotak9", head, rows, 1, "Kotak 9")


def write_restricted(analysis: Analysis, period: Period, kamus, folder, root=None, plain_csv: bool = False) -> list[Path]:
    """The restricted report, every file marked RAHASIA and written row by row: one workbook
    per subject (per-person results with their development plans; succession with the
    excluded and the requirements; movement; the 9-box grid) and one CSV per sheet. ``root``
    is the kamus root: the report is never written inside it or inside a site. CSV files follow
    Indonesian-locale Excel (`;`, decimal comma, BOM) unless ``plain_csv``."""
    folder = Path(os.path.abspath(folder))
    check_private_output(root, folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    books = [[lambda: person_sheet(analysis, period, kamus), lambda: plan_sheet(analysis, period, kamus)],
             [lambda: slate_sheet(period), lambda: excluded_sheet(period), lambda: rules_sheet(period)],
             [lambda: movement_sheet(period)], [lambda: placement_sheet(period)], [lambda: grid_sheet(analysis, period)]]
    for makers in books:
        sheets = [make() for make in makers]  # made afresh for each file: their rows are one-pass streams
        if sheets[0] is None:
            continue
        path = folder / f"{sheets[0].name}.xlsx"
        with atomic_writer(path) as handle:
            write_xlsx(sheets, handle, banner=RAHASIA)
        written.append(path)
        for make in makers:
            sheet = make()
            path = folder / f"{sheet.name}.csv"
            with atomic_writer(path) as handle:
                write_csv(sheet, handle, banner=RAHASIA, plain=plain_csv)
            written.append(path)
    return written


def _plan_json(plan: Plan) -> dict:
    return {"rencana_pengembangan": [{"kompetensi": g.kompetensi, "asesmen": g.asesmen, "standar": g.required,
                                      "kegiatan": list(g.kegiatan), "jp": g.jp, "keterangan": g.keterangan or None}
                                     for g in plan.rencana_pengembangan],
            "jp_total": plan.jp_total, "jp_kekurangan": plan.jp_kekurangan}


def _slate_json(analysis: Analysis, s) -> dict:
    plan = analysis.planner.plan
    return {
        "jabatan": s.jabatan.kode, "pemangku": s.pemangku, "jumlah_kandidat": s.jumlah_kandidat,
        "kategori_seleksi": s.kategori_seleksi, "tidak_lengkap": s.tidak_lengkap,
        "aturan": [{"aturan": a.aturan, "keterangan": a.keterangan, "dasar": a.dasar, "diperiksa": a.diperiksa}
                   for a in s.aturan],
        "dikecualikan": s.dikecualikan, "dikecualikan_per_aturan": s.dikecualikan_per_aturan,
        "dikecualikan_teratas": [{"nip": e.result.person.nip, "nama": e.result.person.nama,
                                  "jabatan": e.result.person.jabatan, "jpm": e.jpm,
                                  "alasan": [{"aturan": a, "alasan": text} for a, text in e.alasan]}
                                 for e in s.dikecualikan_teratas],
        "kandidat": [{"nip": c.result.person.nip, "nama": c.result.person.nama, "jabatan": c.result.person.jabatan,
                      "jpm": c.jpm, "kategori_seleksi": c.kategori_seleksi, "kotak": c.result.kotak,
                      "kompetensi_kurang": {k: {"asesmen": a, "standar": req} for k, (a, req) in
                                            c.kompetensi_kurang.items()},
                      "tidak_diperiksa": list(c.tidak_diperiksa),
                      **_plan_json(plan(c.result.person.asesmen, s.required))}
                     for c in s.kandidat]}


def _person_json(analysis: Analysis, r) -> dict:
    return {"nip": r.person.nip, "nama": r.person.nama, "jabatan": r.person.jabatan,
            "unit": r.unit, "kinerja": r.kinerja, "potensial": r.potensial, "kotak": r.kotak, "jpm": r.jpm,
            "kategori_pemetaan": r.kategori_pemetaan, "kategori_seleksi": r.kategori_seleksi, "gap": r.gap,
            "kompetensi_belum_diases": list(r.kompetensi_belum_diases),
            "kelompok_talenta": r.kelompok_talenta, "alasan_tidak_masuk": r.alasan_tidak_masuk or None,
            "asesmen_kedaluwarsa": r.asesmen_kedaluwarsa, "tindak_lanjut": TINDAK_LANJUT[r.kotak],
            **_plan_json(analysis.planner.plan(r.person.asesmen, r.required))}


def _indented(value, depth: int) -> str:
    """``value`` as ``json.dumps(indent=2)`` prints it ``depth`` levels deep."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


def write_json(analysis: Analysis, period: Period, kamus, out) -> None:
    """The documented JSON (pinned by a test) to the text stream ``out``, one person at a time:
    the same text as ``json.dumps(document, indent=2)``, without holding it all."""
    m = period.movement
    nips = (lambda pairs: [new.person.nip for _, new in pairs])
    head = {"version": JSON_VERSION, "periode": period.snapshot.periode, "snapshot": period.snapshot.path,
            "sumber": period.snapshot.sumber, "kebijakan": period.statement}
    tail = {"suksesi": [_slate_json(analysis, s) for s in period.slates], "pergerakan": None if m is None else {
        "dari": m.dari, "ke": m.ke, "transisi": m.transisi,
        "masuk": [r.person.nip for r in m.masuk], "keluar": [r.person.nip for r in m.keluar],
        "kinerja_naik": nips(m.kinerja_naik), "kinerja_turun": nips(m.kinerja_turun),
        "potensial_naik": nips(m.potensial_naik), "potensial_turun": nips(m.potensial_turun),
        "masuk_kelompok_talenta": nips(m.masuk_kelompok_talenta),
        "keluar_kelompok_talenta": nips(m.keluar_kelompok_talenta), "tetap": m.tetap}}
    out.write("{\n")
    for key, value in head.items():
        out.write(f"  {json.dumps(key)}: {_indented(value, 1)},\n")
    out.write('  "orang": [')
    for index, r in enumerate(period.people):
        out.write(("," if index else "") + "\n    " + _indented(_person_json(analysis, r), 2))
    out.write("\n  ],\n" if period.people else "],\n")
    out.write(",\n".join(f"  {json.dumps(key)}: {_indented(value, 1)}" for key, value in tail.items()))
    out.write("\n}\n")


def write_csv_stdout(analysis: Analysis, period: Period, kamus, out, plain: bool = False) -> None:
    """The per-person table for the terminal: the same CSV as the report, without the BOM."""
    write_csv_text(person_sheet(analysis, period, kamus), out, plain=plain)


def write_text(analysis: Analysis, period: Period, kamus, out) -> None:
    out.write(f"Periode {period.snapshot.periode} ({period.snapshot.path}): {len(period.people)} pegawai.\n"
              + "".join(f"Sumber: {line}\n" for line in sources(period.snapshot)) + "Kebijakan:\n")
    out.write("".join(f"  - {line}\n" for line in period.statement) + "\n")
    minimum = analysis.policy.pengembangan.jp_minimal
    for r in period.people:
        jpm = "tidak lengkap" if r.jpm is None else f"{angka(r.jpm, 1)}% ({r.kategori_pemetaan}; {r.kategori_seleksi})"
        pool = "kelompok talenta" if r.kelompok_talenta else f"bukan kelompok talenta: {r.alasan_tidak_masuk}"
        stale = "; asesmen kedaluwarsa" if r.asesmen_kedaluwarsa else ""
        plan = analysis.planner.plan(r.person.asesmen, r.required)
        short = (f", {angka(plan.jp_kekurangan)} JP lagi untuk mencapai {angka(minimum)} JP setahun"
                 if plan.jp_kekurangan else "")
        out.write(f"{r.person.nip} {r.person.nama} [{r.person.jabatan}] kotak {r.kotak} "
                  f"(kinerja {KINERJA_LABEL[r.kinerja]}, potensial {r.potensial}); JPM {jpm}; {pool}{stale}; "
                  f"rencana pengembangan: {len(plan.rencana_pengembangan)} kesenjangan, {angka(plan.jp_total)} JP{short}\n")
        for g in plan.rencana_pengembangan:
            what = " ".join(g.kegiatan) + f" ({angka(g.jp)} JP)" if g.kegiatan else g.keterangan
            out.write(f"    {g.kompetensi} {angka(g.asesmen)} < {g.required}: {what}\n")
    lines = [""]
    for slate in period.slates:
        bands = slate.kategori_seleksi
        lines.append(f"Suksesi {slate.jabatan.kode} {slate.jabatan.nama}: {slate.jumlah_kandidat} kandidat "
                     f"(MS {bands['MS']}, MMS {bands['MMS']}, KMS {bands['KMS']}; "
                     f"{slate.tidak_lengkap} data asesmen tidak lengkap; {slate.dikecualikan} dikecualikan oleh "
                     "persyaratan jabatan)")
        for a in slate.aturan:
            count = f": {slate.dikecualikan_per_aturan.get(a.aturan, 0)} dikecualikan" if a.diperiksa else ""
            lines.append(f"  [{a.aturan}] {a.keterangan}{count}")
        for rank, c in enumerate(slate.kandidat, start=1):
            lines.append(f"  {rank}. {c.result.person.nip} {c.result.person.nama} JPM {angka(c.jpm, 1)}% {c.kategori_seleksi}")
        for e in slate.dikecualikan_teratas:
            lines.append(f"  dikecualikan: {e.result.person.nip} {e.result.person.nama} JPM {angka(e.jpm, 1)}%: "
                         + "; ".join(text for _, text in e.alasan))
    if period.movement:
        m = period.movement
        lines.append(f"Pergerakan {m.dari} → {m.ke}: {len(m.masuk)} masuk, {len(m.keluar)} keluar, {m.tetap} tetap "
                     f"di kotak yang sama; kinerja {len(m.kinerja_naik)} naik, {len(m.kinerja_turun)} turun; "
                     f"potensial {len(m.potensial_naik)} naik, {len(m.potensial_turun)} turun; kelompok talenta "
                     f"{len(m.masuk_kelompok_talenta)} masuk, {len(m.keluar_kelompok_talenta)} keluar.")
    out.write("\n".join(lines) + "\n")
