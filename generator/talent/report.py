"""Talent results as text, JSON and CSV (CLI), and the restricted report (XLSX + CSV, RAHASIA).

Named results are personal data (UU 27/2022): they are written only where the user asks
(`kamus talenta --output DIR`), never into a site folder, every file marked RAHASIA.
The JSON structure is documented in the README and pinned by a test.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..build.site import MARKER
from ..errors import UsageError
from ..render import export
from .analysis import Analysis, Period
from .policy import KINERJA_LABEL, TINDAK_LANJUT

JSON_VERSION = 1
RAHASIA = "RAHASIA: data pribadi pegawai (UU 27/2022). Jangan diterbitkan atau dibagikan di luar Komite Talenta/BKPSDM."


@dataclass
class Sheet:
    """A table for export (the shape render.export expects)."""

    name: str
    columns: list
    rows: list
    fixed: int = 1


def person_sheet(period: Period, kamus) -> Sheet:
    codes = period.snapshot.competencies
    columns = ["nip", "nama", "kode_jabatan", "unit", "kinerja", "potensial", "kotak", "jpm_persen",
               "kategori_pemetaan", "kategori_seleksi", "kelompok_talenta", "alasan_tidak_masuk",
               "asesmen_kedaluwarsa", "kompetensi_belum_diases", *[f"gap_{c}" for c in codes], "tindak_lanjut"]
    rows = []
    for r in period.results:
        rows.append([r.person.nip, r.person.nama, r.person.kode_jabatan,
                     kamus.units[r.unit].nama if r.unit in kamus.units else r.unit, KINERJA_LABEL[r.kinerja],
                     r.potensial, r.box, "" if r.jpm is None else r.jpm, r.pemetaan, r.seleksi,
                     "ya" if r.pool else "tidak", r.reason, "ya" if r.asesmen_kedaluwarsa else "",
                     " ".join(r.missing), *[r.gaps.get(c, "") for c in codes], TINDAK_LANJUT[r.box]])
    return Sheet(f"RAHASIA-{period.snapshot.periode}-hasil", columns, rows, 2)


def slate_sheet(period: Period) -> Sheet:
    columns = ["kode_jabatan_sasaran", "jabatan_sasaran", "peringkat", "nip", "nama", "kode_jabatan_sekarang",
               "kotak", "jpm_persen", "kategori_seleksi", "kompetensi_kurang"]
    rows = []
    for slate in period.slates:
        for rank, c in enumerate(slate.candidates, start=1):
            short = "; ".join(f"{k} {a:g}<{req}" for k, (a, req) in c.shortfalls.items())
            rows.append([slate.position.kode, slate.position.nama, rank, c.result.person.nip, c.result.person.nama,
                         c.result.person.kode_jabatan, c.result.box, c.jpm, c.seleksi, short])
        if not slate.candidates:
            rows.append([slate.position.kode, slate.position.nama, "", "", "(tidak ada kandidat)", "", "", "", "", ""])
    return Sheet(f"RAHASIA-{period.snapshot.periode}-suksesi", columns, rows, 2)


def movement_sheet(period: Period) -> Sheet | None:
    m = period.movement
    if m is None:
        return None
    rows = [["masuk", r.person.nip, r.person.nama, "", r.box] for r in m.entered]
    rows += [["keluar", r.person.nip, r.person.nama, r.box, ""] for r in m.left]
    rows += [["naik", new.person.nip, new.person.nama, old.box, new.box] for old, new in m.up]
    rows += [["turun", new.person.nip, new.person.nama, old.box, new.box] for old, new in m.down]
    return Sheet(f"RAHASIA-{m.old}-{m.new}-pergerakan", ["perubahan", "nip", "nama", f"kotak_{m.old}",
                                                          f"kotak_{m.new}"], rows, 3)


def grid_sheet(analysis: Analysis, period: Period) -> Sheet:
    """The 9-box grid in the configured orientation, with counts and follow-up, plus the policy."""
    counts: dict[int, int] = {}
    for r in period.results:
        counts[r.box] = counts.get(r.box, 0) + 1
    rows = [[f"Kotak {box}: {counts.get(box, 0)} orang" for box in row] for row in analysis.policy.grid()]
    rows += [[]] + [[f"Kotak {box}", TINDAK_LANJUT[box]] for box in range(9, 0, -1)]
    rows += [[], [f"Snapshot: {period.snapshot.path}"]] + [[line] for line in analysis.policy.describe()]
    head = "Potensial ↓ / kinerja →" if analysis.policy.baris_tinggi_dulu else "Potensial ↑ / kinerja →"
    return Sheet(f"RAHASIA-{period.snapshot.periode}-kotak9", [head, "", ""], rows, 0)


def _inside_site(folder: Path) -> bool:
    return any((parent / MARKER).exists() for parent in [folder, *folder.parents])


def write_restricted(analysis: Analysis, period: Period, kamus, folder) -> list[Path]:
    """The restricted report: one XLSX and one CSV per table, every file marked RAHASIA."""
    folder = Path(folder).resolve()
    if _inside_site(folder):
        raise UsageError(f"'{folder}' berada di dalam folder situs; laporan bernama tidak boleh ikut diterbitkan.")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    sheets = [person_sheet(period, kamus), slate_sheet(period),
              movement_sheet(period), grid_sheet(analysis, period)]
    for sheet in filter(None, sheets):
        for suffix, data in ((".xlsx", export.to_xlsx(sheet, banner=RAHASIA)),
                             (".csv", export.to_csv(sheet, banner=RAHASIA))):
            path = folder / f"{sheet.name}{suffix}"
            path.write_bytes(data)
            written.append(path)
    return written


def as_json(analysis: Analysis, period: Period, kamus) -> str:
    slates = [{"kode_jabatan": s.position.kode, "pemangku": s.incumbents, "jumlah_kandidat": s.total,
               "kategori_seleksi": s.bands, "tidak_lengkap": s.incomplete,
               "kandidat": [{"nip": c.result.person.nip, "nama": c.result.person.nama, "jpm": c.jpm,
                             "kategori_seleksi": c.seleksi, "kotak": c.result.box,
                             "kompetensi_kurang": {k: {"asesmen": a, "syarat": req} for k, (a, req) in
                                                   c.shortfalls.items()}}
                            for c in s.candidates]}
              for s in period.slates]
    m = period.movement
    document = {
        "version": JSON_VERSION, "periode": period.snapshot.periode, "snapshot": period.snapshot.path,
        "kebijakan": analysis.policy.describe(),
        "orang": [{"nip": r.person.nip, "nama": r.person.nama, "kode_jabatan": r.person.kode_jabatan,
                   "unit": r.unit, "kinerja": r.kinerja, "potensial": r.potensial, "kotak": r.box, "jpm": r.jpm,
                   "kategori_pemetaan": r.pemetaan, "kategori_seleksi": r.seleksi, "gap": r.gaps,
                   "kompetensi_belum_diases": list(r.missing), "kelompok_talenta": r.pool,
                   "alasan_tidak_masuk": r.reason or None, "asesmen_kedaluwarsa": r.asesmen_kedaluwarsa}
                  for r in period.results],
        "suksesi": slates,
        "pergerakan": None if m is None else {
            "dari": m.old, "ke": m.new, "transisi": m.transitions,
            "masuk": [r.person.nip for r in m.entered], "keluar": [r.person.nip for r in m.left],
            "naik": [new.person.nip for _, new in m.up], "turun": [new.person.nip for _, new in m.down]},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_csv(period: Period, kamus) -> str:
    """The per-person table for the terminal: the same CSV as the report, without the BOM."""
    return export.to_csv(person_sheet(period, kamus)).decode("utf-8-sig")


def as_text(analysis: Analysis, period: Period, kamus) -> str:
    lines = [f"Periode {period.snapshot.periode} ({period.snapshot.path}): {len(period.results)} pegawai.",
             "Kebijakan:"] + [f"  - {line}" for line in analysis.policy.describe()] + [""]
    for r in period.results:
        jpm = "tidak lengkap" if r.jpm is None else f"{r.jpm:.1f}% ({r.pemetaan}; {r.seleksi})"
        pool = "kelompok talenta" if r.pool else f"bukan kelompok talenta: {r.reason}"
        stale = "; asesmen kedaluwarsa" if r.asesmen_kedaluwarsa else ""
        lines.append(f"{r.person.nip} {r.person.nama} [{r.person.kode_jabatan}] kotak {r.box} "
                     f"(kinerja {KINERJA_LABEL[r.kinerja]}, potensial {r.potensial}); JPM {jpm}; {pool}{stale}")
    lines.append("")
    for slate in period.slates:
        lines.append(f"Suksesi {slate.position.kode} {slate.position.nama}: {slate.total} kandidat "
                     f"(MS {slate.bands['MS']}, MMS {slate.bands['MMS']}, KMS {slate.bands['KMS']}; "
                     f"{slate.incomplete} data asesmen tidak lengkap)")
        for rank, c in enumerate(slate.candidates, start=1):
            lines.append(f"  {rank}. {c.result.person.nip} {c.result.person.nama} JPM {c.jpm:.1f}% {c.seleksi}")
    if period.movement:
        m = period.movement
        lines.append(f"Pergerakan {m.old} → {m.new}: {len(m.entered)} masuk, {len(m.left)} keluar, "
                     f"{len(m.up)} naik, {len(m.down)} turun, {m.same} tetap.")
    return "\n".join(lines) + "\n"
