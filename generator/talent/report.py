"""Talent results as text, JSON and CSV (CLI), and the restricted report (XLSX + CSV, RAHASIA).

Named results are personal data (UU 27/2022): they are written only where the user asks
(`kamus talenta --output DIR`), never into a site folder, every file marked RAHASIA.
The JSON structure is documented in the README and pinned by a test.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import OutputError
from ..outputs import inside_site
from ..tables import RAHASIA, Table, to_csv, to_xlsx
from .analysis import Analysis, Period
from .policy import KINERJA_LABEL, TINDAK_LANJUT

JSON_VERSION = 1


def person_sheet(period: Period, kamus) -> Table:
    codes = period.snapshot.competencies
    columns = ["nip", "nama", "kode_jabatan", "unit", "kinerja", "potensial", "kotak", "jpm_persen",
               "kategori_pemetaan", "kategori_seleksi", "kelompok_talenta", "alasan_tidak_masuk",
               "asesmen_kedaluwarsa", "kompetensi_belum_diases", *[f"gap_{c}" for c in codes], "tindak_lanjut"]
    rows = []
    for r in period.orang:
        gap = r.gap
        rows.append([r.person.nip, r.person.nama, r.person.kode_jabatan,
                     kamus.units[r.unit].nama if r.unit in kamus.units else r.unit, KINERJA_LABEL[r.kinerja],
                     r.potensial, r.kotak, "" if r.jpm is None else r.jpm, r.kategori_pemetaan, r.kategori_seleksi,
                     "ya" if r.kelompok_talenta else "tidak", r.alasan_tidak_masuk,
                     "ya" if r.asesmen_kedaluwarsa else "", " ".join(r.kompetensi_belum_diases),
                     *[gap.get(c, "") for c in codes], TINDAK_LANJUT[r.kotak]])
    return Table(f"RAHASIA-{period.snapshot.periode}-hasil", columns, rows, 2)


def slate_sheet(period: Period) -> Table:
    columns = ["kode_jabatan_sasaran", "jabatan_sasaran", "peringkat", "nip", "nama", "kode_jabatan_sekarang",
               "kotak", "jpm_persen", "kategori_seleksi", "kompetensi_kurang"]
    rows = []
    for slate in period.suksesi:
        for rank, c in enumerate(slate.kandidat, start=1):
            short = "; ".join(f"{k} {a:g}<{req}" for k, (a, req) in c.kompetensi_kurang.items())
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


def write_restricted(analysis: Analysis, period: Period, kamus, folder) -> list[Path]:
    """The restricted report: one XLSX and one CSV per table, every file marked RAHASIA."""
    folder = Path(folder).resolve()
    if inside_site(folder):
        raise OutputError(f"'{folder}' berada di dalam folder situs; laporan bernama tidak boleh ikut diterbitkan.")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    sheets = [person_sheet(period, kamus), slate_sheet(period),
              movement_sheet(period), grid_sheet(analysis, period)]
    for sheet in filter(None, sheets):
        for suffix, data in ((".xlsx", to_xlsx(sheet, banner=RAHASIA)), (".csv", to_csv(sheet, banner=RAHASIA))):
            path = folder / f"{sheet.name}{suffix}"
            path.write_bytes(data)
            written.append(path)
    return written


def as_json(analysis: Analysis, period: Period, kamus) -> str:
    slates = [{"kode_jabatan": s.jabatan.kode, "pemangku": s.pemangku, "jumlah_kandidat": s.jumlah_kandidat,
               "kategori_seleksi": s.kategori_seleksi, "tidak_lengkap": s.tidak_lengkap,
               "kandidat": [{"nip": c.hasil.person.nip, "nama": c.hasil.person.nama, "jpm": c.jpm,
                             "kategori_seleksi": c.kategori_seleksi, "kotak": c.hasil.kotak,
                             "kompetensi_kurang": {k: {"asesmen": a, "syarat": req} for k, (a, req) in
                                                   c.kompetensi_kurang.items()}}
                            for c in s.kandidat]}
              for s in period.suksesi]
    m = period.pergerakan
    document = {
        "version": JSON_VERSION, "periode": period.snapshot.periode, "snapshot": period.snapshot.path,
        "kebijakan": analysis.policy.describe(),
        "orang": [{"nip": r.person.nip, "nama": r.person.nama, "kode_jabatan": r.person.kode_jabatan,
                   "unit": r.unit, "kinerja": r.kinerja, "potensial": r.potensial, "kotak": r.kotak, "jpm": r.jpm,
                   "kategori_pemetaan": r.kategori_pemetaan, "kategori_seleksi": r.kategori_seleksi, "gap": r.gap,
                   "kompetensi_belum_diases": list(r.kompetensi_belum_diases),
                   "kelompok_talenta": r.kelompok_talenta, "alasan_tidak_masuk": r.alasan_tidak_masuk or None,
                   "asesmen_kedaluwarsa": r.asesmen_kedaluwarsa}
                  for r in period.orang],
        "suksesi": slates,
        "pergerakan": None if m is None else {
            "dari": m.dari, "ke": m.ke, "transisi": m.transisi,
            "masuk": [r.person.nip for r in m.masuk], "keluar": [r.person.nip for r in m.keluar],
            "naik": [new.person.nip for _, new in m.naik], "turun": [new.person.nip for _, new in m.turun]},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_csv(period: Period, kamus) -> str:
    """The per-person table for the terminal: the same CSV as the report, without the BOM."""
    return to_csv(person_sheet(period, kamus)).decode("utf-8-sig")


def as_text(analysis: Analysis, period: Period, kamus) -> str:
    lines = [f"Periode {period.snapshot.periode} ({period.snapshot.path}): {len(period.orang)} pegawai.",
             "Kebijakan:"] + [f"  - {line}" for line in analysis.policy.describe()] + [""]
    for r in period.orang:
        jpm = "tidak lengkap" if r.jpm is None else f"{r.jpm:.1f}% ({r.kategori_pemetaan}; {r.kategori_seleksi})"
        pool = "kelompok talenta" if r.kelompok_talenta else f"bukan kelompok talenta: {r.alasan_tidak_masuk}"
        stale = "; asesmen kedaluwarsa" if r.asesmen_kedaluwarsa else ""
        lines.append(f"{r.person.nip} {r.person.nama} [{r.person.kode_jabatan}] kotak {r.kotak} "
                     f"(kinerja {KINERJA_LABEL[r.kinerja]}, potensial {r.potensial}); JPM {jpm}; {pool}{stale}")
    lines.append("")
    for slate in period.suksesi:
        bands = slate.kategori_seleksi
        lines.append(f"Suksesi {slate.jabatan.kode} {slate.jabatan.nama}: {slate.jumlah_kandidat} kandidat "
                     f"(MS {bands['MS']}, MMS {bands['MMS']}, KMS {bands['KMS']}; "
                     f"{slate.tidak_lengkap} data asesmen tidak lengkap)")
        for rank, c in enumerate(slate.kandidat, start=1):
            lines.append(f"  {rank}. {c.hasil.person.nip} {c.hasil.person.nama} JPM {c.jpm:.1f}% {c.kategori_seleksi}")
    if period.pergerakan:
        m = period.pergerakan
        lines.append(f"Pergerakan {m.dari} → {m.ke}: {len(m.masuk)} masuk, {len(m.keluar)} keluar, "
                     f"{len(m.naik)} naik, {len(m.turun)} turun, {m.tetap} tetap.")
    return "\n".join(lines) + "\n"
