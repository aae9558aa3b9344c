"""`kamus export --format json`: the whole kamus as one documented JSON file.

The structure is described by ``schemas/kamus-data.schema.json`` (its ``$id`` is the
value of ``$schema`` in the file). Names are the YAML names; an optional value that is
not set is ``null`` (a list: ``[]``), so every object always has the same keys. The
output depends only on the kamus version: same commit, same bytes.
"""

from __future__ import annotations

import json

from ..jenjang import kelompok_jabatan
from ..model import PERSYARATAN, Kamus, Position
from ..render.text import natural_key

SCHEMA_ID = "urn:kamus:schema:kamus-data"
FORMAT_VERSION = 2  # 2: `jenis_jabatan` → `jenjang` (fields added since, such as `siasn`, keep it)


def _or_none(value):
    return value if value not in ("", None) else None


def _versi(project) -> dict:
    versi = project.kamus.config.versi
    signer = versi.penandatangan
    return {"label": _or_none(versi.nama), "jenis_peraturan": _or_none(versi.jenis_peraturan),
            "nomor": _or_none(versi.nomor), "tahun": int(versi.tahun) if versi.tahun.isdigit() else None,
            "tentang": _or_none(versi.tentang), "tanggal": _or_none(versi.tanggal),
            "penandatangan": ({"jabatan": signer.jabatan, "nama": _or_none(signer.nama)} if signer.jabatan else None),
            "ref": project.version, "commit": project.commit}


def _persyaratan(position: Position) -> dict:
    out = {}
    for section in PERSYARATAN:
        rows = position.persyaratan.get(section, ())
        out[section] = [row if isinstance(row, str) else
                        {"tingkat": None, **{k: v for k, v in row.as_dict().items()}} for row in rows]
    return out


def kamus_data(project) -> dict:
    """The open-data structure of a sound project."""
    kamus: Kamus = project.kamus
    config = kamus.config
    competencies = sorted(kamus.competencies.values(), key=lambda c: natural_key(c.kode))
    positions = sorted(kamus.positions.values(), key=lambda p: natural_key(p.kode))
    return {
        "$schema": SCHEMA_ID,
        "versi_format": FORMAT_VERSION,
        "instansi": {"nama": config.instansi.nama, "singkatan": _or_none(config.instansi.singkatan)},
        "versi": _versi(project),
        "jenis_kompetensi": [{"kode": j.kode, "nama": j.nama, "wajib": j.wajib}
                             for j in config.jenis_kompetensi.values()],
        "kompetensi": [{"kode": c.kode, "nama": c.nama, "jenis": c.jenis, "bidang": _or_none(c.bidang),
                        "definisi": c.definisi, "dasar_hukum": _or_none(c.dasar_hukum), "status": c.status,
                        "diganti_oleh": list(c.diganti_oleh), "catatan": _or_none(c.catatan),
                        "level": [{"level": lv.level, "deskripsi": lv.deskripsi, "indikator": list(lv.indikator)}
                                  for lv in c.level]}
                       for c in competencies],
        "unit": [{"kode": u.kode, "nama": u.nama, "singkatan": _or_none(u.singkatan), "induk": _or_none(u.induk),
                  "nama_lain": list(u.nama_lain), "siasn": {"unor_id": list(u.unor_id)}, "catatan": _or_none(u.catatan)}
                 for u in sorted(kamus.units.values(), key=lambda u: natural_key(u.kode))],
        "jabatan": [{"kode": p.kode, "kode_jabatan": _or_none(p.kode_jabatan), "siasn": {"jabatan_id": list(p.jabatan_id)},
                     "nama": p.nama,
                     "jenjang": p.jenjang, "kelompok_jabatan": kelompok_jabatan(p.jenjang),
                     "unit": p.unit, "urusan": _or_none(p.urusan), "ikhtisar": p.ikhtisar, "atasan": _or_none(p.atasan),
                     "strategis": p.strategis, "catatan": _or_none(p.catatan),
                     "kompetensi": [{"kode": r.kode, "level": r.level} for r in p.kompetensi],
                     "persyaratan": _persyaratan(p)}
                    for p in positions],
    }


def export_json(project) -> bytes:
    """`kamus export --format json`."""
    return (json.dumps(kamus_data(project), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
