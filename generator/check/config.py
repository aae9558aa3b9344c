"""Rules about kamus.yaml that need more than its schema: the logo file, the enacted versions, dates,
and talent settings that must agree with each other."""

from __future__ import annotations

import re

from ..load import Documents
from ..load.named import NamedFile
from ..model import Kamus
from ..model.config import Versi, parse_date
from ..rules import finding

LOGO_MAX_BYTES = 2_000_000
# Image types a browser shows in <img> and that cannot carry script (SVG can: refused).
_IMAGE_MAGIC = ((b"\x89PNG\r\n\x1a\n", ".png"), (b"\xff\xd8\xff", ".jpg"), (b"GIF87a", ".gif"), (b"GIF89a", ".gif"))


def image_type(head: bytes) -> str | None:
    """The file ending of an accepted image format, judged by its first bytes (never by its name)."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    return next((ending for magic, ending in _IMAGE_MAGIC if head.startswith(magic)), None)


def check_logo(documents: Documents, kamus: Kamus, logo: NamedFile | None) -> list:
    """CONFIG-LOGO-PATH, CONFIG-LOGO-MISSING, CONFIG-LOGO-TYPE (``logo``: the file `instansi.logo`
    names, as the project read it)."""
    loaded = documents.config
    if logo is None or not kamus.config.instansi.logo or loaded is None or loaded.doc is None:
        return []
    path, where = logo.path, loaded.doc.where(("instansi", "logo"))

    def at(rule, message):
        return [finding(rule, loaded.doc.path, *where, message)]

    if not logo.inside:
        return at("CONFIG-LOGO-PATH", f"jalur logo `{path}` keluar dari folder kamus")
    if not logo.found:
        return at("CONFIG-LOGO-MISSING", f"berkas logo `{path}` tidak ditemukan")
    if logo.error:
        return at("CONFIG-LOGO-MISSING", f"berkas logo `{path}` tidak dapat dibaca: {logo.error}")
    if image_type(logo.data[:16]) is None:
        return at("CONFIG-LOGO-TYPE", f"berkas logo `{path}` bukan gambar PNG, JPEG, GIF atau WebP")
    if logo.size > LOGO_MAX_BYTES:
        return at("CONFIG-LOGO-TYPE", f"berkas logo `{path}` berukuran {logo.size:,} byte; batasnya "
                                      f"{LOGO_MAX_BYTES:,} byte".replace(",", "."))
    return []


def check_riwayat(documents: Documents, kamus: Kamus, tags: frozenset[str] | None) -> list:
    """RIWAYAT-TAG: every enacted version names a tag of the git repository (``tags``; None when
    the kamus folder is no git repository, or git is missing)."""
    loaded = documents.config
    if loaded is None or loaded.doc is None or not kamus.config.riwayat:
        return []
    found, riwayat = [], loaded.doc.get("riwayat")
    for index, item in enumerate(riwayat if isinstance(riwayat, list) else []):
        tag = item.get("tag") if isinstance(item, dict) else None
        if not isinstance(tag, str) or (tags is not None and tag in tags):
            continue  # no tag (the schema says so), or a known one
        message = (f"tag `{tag}` tidak ada di repositori git" if tags is not None else
                   f"tag `{tag}` tidak dapat diperiksa: folder kamus bukan repositori git (atau git tidak ada)")
        found.append(finding("RIWAYAT-TAG", loaded.doc.path, *loaded.doc.where(("riwayat", index, "tag")), message))
    return found


def _described(versi: Versi) -> str:
    nomor, tahun = versi.numbered()
    parts = [f"nomor {nomor}" if nomor else "", f"tahun {tahun}" if tahun else "",
             f"tanggal {versi.tanggal}" if versi.tanggal else ""]
    return ", ".join(p for p in parts if p) or "tanpa nomor, tahun dan tanggal"


def check_riwayat_versi(documents: Documents, kamus: Kamus, enacted: dict[str, Versi]) -> list:
    """RIWAYAT-VERSI: each enacted version's record (`riwayat`: label, nomor, tahun, tanggal)
    agrees with the `versi` that kamus.yaml wrote at its tag (``enacted``: tag → that `versi`,
    as the project read it). The Lampiran of the version prints the record; a disagreement
    means one of the two is wrong."""
    loaded = documents.config
    if loaded is None or loaded.doc is None:
        return []
    found, records, riwayat = [], {record.tag: record for record in kamus.config.riwayat}, loaded.doc.get("riwayat")
    for index, item in enumerate(riwayat if isinstance(riwayat, list) else []):
        record = records.get(item.get("tag")) if isinstance(item, dict) else None
        if record is None:
            continue  # no tag (the schema says so)
        versi = enacted.get(record.tag)
        if versi is None:
            continue  # no such tag (RIWAYAT-TAG), or no `versi` written at it
        (nomor, tahun), (own_nomor, own_tahun) = record.numbered(), versi.numbered()
        differs = [name for name, mine, theirs in (("nomor", nomor, own_nomor), ("tahun", tahun, own_tahun),
                                                    ("tanggal", record.tanggal, versi.tanggal))
                   if mine and theirs and str(mine) != str(theirs)]
        if not differs:
            continue
        field = "tanggal" if differs == ["tanggal"] else ("nomor" if loaded.doc.get("riwayat", index, "nomor")
                                                          else "label")
        found.append(finding(
            "RIWAYAT-VERSI", loaded.doc.path, *loaded.doc.where(("riwayat", index, field)),
            f"riwayat `{record.tag}` ({record.label}: {_described(record)}) berbeda {' dan '.join(differs)} dengan "
            f"`versi` di kamus.yaml pada tag itu ({_described(versi)}); Lampiran versi itu dicetak menurut riwayat"))
    return found


def _dates(data) -> list[tuple[tuple, str]]:
    """(data path, text) of every date in kamus.yaml: versi.tanggal and riwayat[].tanggal."""
    data = data if isinstance(data, dict) else {}
    versi, riwayat = data.get("versi"), data.get("riwayat")
    found = [(("versi", "tanggal"), versi.get("tanggal"))] if isinstance(versi, dict) else []
    found += [(("riwayat", i, "tanggal"), v.get("tanggal")) for i, v in enumerate(riwayat or [])
              if isinstance(riwayat, list) and isinstance(v, dict)]
    return [(path, text) for path, text in found if isinstance(text, str)]


def check_tanggal(documents: Documents, kamus: Kamus) -> list:
    """CONFIG-TANGGAL: a date written as YYYY-MM-DD (the schema's pattern) is a calendar date."""
    loaded = documents.config
    if loaded is None or loaded.doc is None:
        return []
    return [finding("CONFIG-TANGGAL", loaded.doc.path, *loaded.doc.where(path), f"tanggal `{text}` tidak ada di kalender")
            for path, text in _dates(loaded.doc.data)
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) and parse_date(text) is None]


def check_talenta(documents: Documents, kamus: Kamus) -> list:
    """CONFIG-TALENTA: settings of `talenta` that the schema cannot relate to each other (read
    from the typed policy, placed on the kamus.yaml lines they come from)."""
    loaded, policy = documents.config, kamus.config.talenta
    if loaded is None or loaded.doc is None:
        return []
    doc, found = loaded.doc, []
    baris, kolom = policy.orientasi_kotak.baris, policy.orientasi_kotak.kolom
    axis = baris.split("_")[0]
    if axis == kolom.split("_")[0]:
        other = "kinerja" if axis == "potensial" else "potensial"
        found.append(finding("CONFIG-TALENTA", doc.path, *doc.where(("talenta", "orientasi_kotak", "kolom")),
                             f"baris dan kolom orientasi_kotak sama-sama sumbu {axis}",
                             f"Tulis sumbu {other} untuk salah satunya, misalnya `kolom: {other}_rendah_ke_tinggi`."))
    bobot = policy.bobot_potensial
    if bobot.penilaian_kompetensi + bobot.penilaian_potensi + bobot.rekam_jejak == 0:
        found.append(finding("CONFIG-TALENTA", doc.path, *doc.where(("talenta", "bobot_potensial"), key=True),
                             "semua bobot_potensial bernilai 0; nilai potensial tidak dapat dihitung",
                             "Beri bobot lebih dari 0 pada paling sedikit satu komponen."))
    return found
