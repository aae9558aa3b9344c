"""Cross-file rules about identity: unique kode, kode = file name, folder = jenis, unit files."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..kinds import BY_NAME
from ..rules import finding

if TYPE_CHECKING:
    from ..load import Document


def _kode(doc):
    value = doc.get("kode")
    return value if isinstance(value, str) else None


def check_unique(parsed: list, kind: str) -> list:
    """KODE-DUPLICATE: each later file with an already used kode is reported."""
    first: dict[str, Document] = {}
    found = []
    for doc, _ in parsed:
        kode = _kode(doc)
        if kode is None:
            continue
        if kode in first:
            found.append(finding("KODE-DUPLICATE", doc.path, *doc.where(("kode",)),
                                 f"kode {BY_NAME[kind].label} `{kode}` sudah dipakai di {first[kode].path}"))
        else:
            first[kode] = doc
    return found


def check_file_names(parsed: list, unit: bool = False) -> list:
    """KODE-FILENAME: kode = file name (for units: = folder name)."""
    found = []
    for doc, source in parsed:
        kode = _kode(doc)
        expected = source.folder if unit else source.stem
        if kode is None or kode == expected:
            continue
        if unit:
            message = f"kode unit `{kode}` tidak sama dengan nama foldernya `{expected}`"
            hint = f"Ubah kode menjadi `{expected}`, atau ganti nama folder menjadi `{kode}`."
        else:
            message = f"kode `{kode}` tidak sama dengan nama berkas `{expected}.yaml`"
            hint = f"Ganti nama berkas menjadi `{kode}.yaml`, atau ubah kode menjadi `{expected}`."
        found.append(finding("KODE-FILENAME", doc.path, *doc.where(("kode",)), message, hint))
    return found


def check_competency_kinds(parsed: list, kinds: dict) -> list:
    """JENIS-UNKNOWN and JENIS-FOLDER for competency documents."""
    found = []
    for doc, source in parsed:
        jenis, folder = doc.get("jenis"), source.folder
        if not isinstance(jenis, str):
            continue
        if jenis not in kinds:
            found.append(finding("JENIS-UNKNOWN", doc.path, *doc.where(("jenis",)),
                                 f"jenis `{jenis}` tidak dikenal; jenis yang dikenal: {', '.join(kinds)}"))
        elif jenis != folder:
            hint = (f"Pindahkan berkas ke `competencies/{jenis}/`, atau ubah jenis menjadi `{folder}`." if folder in kinds
                    else f"Pindahkan berkas ke `competencies/{jenis}/`; folder `{folder}` bukan jenis kompetensi.")
            found.append(finding("JENIS-FOLDER", doc.path, *doc.where(("jenis",)),
                                 f"berkas ada di folder `competencies/{folder}/` tetapi jenisnya `{jenis}`", hint))
    return found


def check_unit_files(sources) -> list:
    """UNIT-MISSING: a folder of positions without ``_unit.yaml`` (reported on its first file)."""
    with_unit = {s.folder for s in sources.units}
    found = []
    for folder in sources.unit_folders:
        if folder not in with_unit:
            first = next(s for s in sources.positions if s.folder == folder)
            found.append(finding("UNIT-MISSING", first.path, 1, 1,
                                 f"folder `positions/{folder}/` tidak punya `_unit.yaml`",
                                 f"Buat `positions/{folder}/_unit.yaml` berisi `kode: {folder}` dan `nama:` unit."))
    return found


RESERVED = {"index"}  # page names the site itself uses in every folder
WINDOWS_HINT = ("Pilih kode lain (ganti juga nama berkas atau foldernya); kamus harus dapat diunduh dan disunting di "
                "Windows, misalnya dengan menambahkan huruf: `CON` menjadi `CONS`.")
# Names Windows gives to devices, with or without an extension (`NUL.tar.gz` is NUL too): a
# kamus holding such a file or folder cannot be checked out there.
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in "0123456789¹²³")}


def position_kode(unit: str, nama: str) -> str:
    """The kode a new position named ``nama`` in ``unit`` is given (an SKJ form without Kode
    Jabatan, a jabatan of `kamus cakupan`): `<UNIT>.<NAMA>`, the name's letters and digits in
    capitals joined by `_` (at most 48 characters; `JABATAN` when it has none)."""
    words = re.findall(r"[A-Za-z0-9]+", nama.upper())
    return f"{unit}.{'_'.join(words)[:48] or 'JABATAN'}"


def windows_problem(name: str) -> str | None:
    """Why ``name`` cannot be a file or folder name on Windows, or None."""
    base = name.split(".", 1)[0].rstrip(" ").upper()
    if base in WINDOWS_DEVICES:
        return f"`{base}` adalah nama perangkat di Windows, dengan atau tanpa akhiran"
    if name.endswith((".", " ")):
        return "Windows membuang titik atau spasi di akhir nama berkas dan folder"
    return None


def check_names(parsed: list, kind: str, unit: bool = False, reserved: bool = True) -> list:
    """KODE-RESERVED and KODE-CASE for one kind of file: a kode (a unit: its folder) that is a
    page name of the site (when the kind has pages, ``reserved``) or no file name on Windows,
    or that differs from another only in letter case."""
    found, first = [], {}
    for doc, source in parsed:
        kode = source.folder if unit else _kode(doc)
        if kode is None:
            continue
        where = doc.where(("kode",))
        if reserved and kode.lower() in RESERVED:
            found.append(finding("KODE-RESERVED", doc.path, *where,
                                 f"kode {BY_NAME[kind].label} `{kode}` dipakai situs untuk halaman daftar"))
        problem = windows_problem(kode)
        if problem:
            found.append(finding("KODE-RESERVED", doc.path, *where, f"kode {BY_NAME[kind].label} `{kode}` tidak dapat "
                                                                     f"menjadi nama berkas atau folder: {problem}",
                                 WINDOWS_HINT))
        other = first.setdefault(kode.lower(), (kode, doc))
        if other[0] != kode:
            found.append(finding("KODE-CASE", doc.path, *where,
                                 f"kode {BY_NAME[kind].label} `{kode}` hanya berbeda huruf besar/kecil dari "
                                 f"`{other[0]}` di {other[1].path}"))
    return found


def check_jenis_names(config_doc) -> list:
    """KODE-RESERVED for the extra kinds of kamus.yaml (their kode names a page and a folder)."""
    if config_doc is None or not isinstance(config_doc.get("jenis_kompetensi"), list):
        return []
    found = []
    for i, item in enumerate(config_doc.get("jenis_kompetensi")):
        kode = str(item.get("kode", "")) if isinstance(item, dict) else ""
        problem = "dipakai situs untuk halaman daftar" if kode.lower() in RESERVED else windows_problem(kode)
        if kode and problem:
            index = kode.lower() in RESERVED
            found.append(finding("KODE-RESERVED", config_doc.path, *config_doc.where(("jenis_kompetensi", i, "kode")),
                                 f"kode jenis `{kode}` " + (problem if index else
                                                            f"tidak dapat menjadi nama folder: {problem}"),
                                 None if index else WINDOWS_HINT))
    return found
