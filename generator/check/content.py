"""Rules about content: level numbering, mandatory competencies, the manajerial standard."""

from __future__ import annotations

import re

from ..jenjang import LABEL, PANGKAT_JF, golongan_range
from ..model import BENTUK, BENTUK_LABEL, PERSYARATAN, TICKED
from ..rules import finding

_GOLONGAN = re.compile(r"(?<![A-Za-z])(IV|III|II|I)\s*/\s*([a-eA-E])(?![A-Za-z])")


def check_level_sequence(kamus) -> list:
    """LEVEL-SEQUENCE: levels must read 1, 2, …, N in order, N ≤ 5 (the schema caps at 5)."""
    found = []
    for competency in kamus.competencies.values():
        numbers = [lv.level for lv in competency.level]
        if numbers != list(range(1, len(numbers) + 1)):
            first = next(i for i, n in enumerate(numbers) if n != i + 1)  # the first item out of sequence
            found.append(finding("LEVEL-SEQUENCE", competency.source.path,
                                 *competency.source.where(("level", first, "level")),
                                 f"level `{competency.kode}` tertulis {', '.join(map(str, numbers))}; "
                                 f"seharusnya {', '.join(map(str, range(1, len(numbers) + 1)))}"))
    return found


def check_mandatory(kamus) -> list:
    """KOMPETENSI-WAJIB-MISSING: every position lists every berlaku competency of the mandatory kinds."""
    mandatory = [c for c in kamus.competencies.values()
                 if c.berlaku and c.jenis in kamus.config.jenis_wajib]
    found = []
    for position in kamus.positions.values():
        listed = {r.kode for r in position.kompetensi}
        missing = [c for c in mandatory if c.kode not in listed]
        if missing:
            names = ", ".join(f"`{c.kode}` {c.nama}" for c in missing)
            example = missing[0].kode
            standard = kamus.config.standar_level_manajerial.get(position.jenjang, 1)
            found.append(finding("KOMPETENSI-WAJIB-MISSING", position.source.path,
                                 *position.source.where(("kompetensi",), key=True),
                                 f"jabatan `{position.kode}` belum mencantumkan kompetensi wajib: {names}",
                                 f"Tambahkan ke `kompetensi`, misalnya `- {{kode: {example}, level: {standard}}}`."))
    return found


# The kinds checked against the jenjang standard (`standar_level_manajerial`): the manajerial
# competencies and the sosial kultural one, whose levels follow the jenjang the same way.
STANDARD_KINDS = ("manajerial", "sosial_kultural")


def check_standard(kamus) -> list:
    """LEVEL-BELOW-STANDARD: a manajerial or sosial kultural level below the standard of the
    position's jenjang (or the position's own standard, set by a JF's instansi pembina)."""
    found = []
    for position in kamus.positions.values():
        own = position.standar_level_manajerial
        standard = own or kamus.config.standar_level_manajerial.get(position.jenjang)
        if standard is None:
            continue
        whose = "jabatan ini (ditetapkan di SKJ-nya)" if own else LABEL[position.jenjang]
        for index, req in enumerate(position.kompetensi):
            competency = kamus.competencies.get(req.kode)
            if competency is not None and competency.jenis in STANDARD_KINDS and req.level < standard:
                found.append(finding("LEVEL-BELOW-STANDARD", position.source.path,
                                     *position.source.where(("kompetensi", index, "level")),
                                     f"`{req.kode}` {competency.nama} level {req.level}, di bawah standar "
                                     f"level {standard} untuk {whose}"))
    return found


def check_standard_override(kamus) -> list:
    """STANDAR-LEVEL-FUNGSIONAL: only a jabatan fungsional sets its own standard in its SKJ."""
    return [finding("STANDAR-LEVEL-FUNGSIONAL", p.source.path,
                    *p.source.where(("standar_level_manajerial",), key=True),
                    f"`standar_level_manajerial` diisi di SKJ `{p.kode}` ({LABEL[p.jenjang]}), "
                    "padahal hanya jabatan fungsional yang standarnya ditetapkan instansi pembina")
            for p in kamus.positions.values()
            if p.standar_level_manajerial is not None and not p.jenjang.startswith("fungsional_")]


def check_bentuk(kamus) -> list:
    """PENGEMBANGAN-BENTUK: the bentuk of an activity belongs to its jalur."""
    found = []
    for activity in kamus.development.values():
        forms = BENTUK.get(activity.jalur, {})
        if activity.bentuk in forms:
            continue
        other = next(j for j, f in BENTUK.items() if activity.bentuk in f)
        doc = activity.source
        found.append(finding("PENGEMBANGAN-BENTUK", doc.path, *doc.where(("bentuk",)),
                             f"bentuk `{activity.bentuk}` ({BENTUK_LABEL[activity.bentuk]}) termasuk jalur {other}, "
                             f"bukan {activity.jalur}",
                             f"Ubah `jalur` menjadi `{other}`, atau pilih bentuk jalur {activity.jalur}: "
                             f"{', '.join(forms)}."))
    return found


def check_teknis(kamus) -> list:
    """TEKNIS-MISSING: a position without any teknis competency."""
    found = []
    for position in kamus.positions.values():
        if any(r.kode not in kamus.competencies for r in position.kompetensi):
            continue  # an unknown or broken competency is reported elsewhere; its jenis is unknown
        if not any(kamus.competencies[r.kode].jenis == "teknis" for r in position.kompetensi):
            found.append(finding("TEKNIS-MISSING", position.source.path,
                                 *position.source.where(("kompetensi",), key=True),
                                 f"jabatan `{position.kode}` belum mencantumkan kompetensi teknis"))
    return found


def check_unused(kamus) -> list:
    """KOMPETENSI-UNUSED: a berlaku competency that no position requires."""
    used = {r.kode for p in kamus.positions.values() for r in p.kompetensi}
    return [finding("KOMPETENSI-UNUSED", c.source.path, *c.source.where(("kode",)),
                    f"kompetensi `{c.kode}` {c.nama} belum dipakai oleh jabatan mana pun")
            for c in kamus.competencies.values() if c.berlaku and c.kode not in used]


def check_pangkat(kamus) -> list:
    """PANGKAT-JENJANG: every golongan ruang named in the pangkat of a jabatan fungsional lies
    within the range of its jenjang (Mahir: III/a–III/b)."""
    found = []
    for position in kamus.positions.values():
        allowed = golongan_range(position.jenjang)
        if not allowed:
            continue
        low, high = PANGKAT_JF[position.jenjang]
        for index, row in enumerate(position.persyaratan.get("pangkat", ())):
            text = str(row.get("uraian", "")) if hasattr(row, "get") else str(row)
            outside = [f"{roman.upper()}/{letter.lower()}" for roman, letter in _GOLONGAN.findall(text)
                       if f"{roman.upper()}/{letter.lower()}" not in allowed]
            if outside:
                found.append(finding("PANGKAT-JENJANG", position.source.path,
                                     *position.source.where(("persyaratan", "pangkat", index, "uraian")),
                                     f"pangkat `{', '.join(outside)}` di luar rentang {low}–{high} untuk "
                                     f"{LABEL[position.jenjang]} (jabatan `{position.kode}`)",
                                     f"Tulis golongan ruang {low}–{high}, atau perbaiki `jenjang`."))
    return found


def check_persyaratan_tingkat(kamus) -> list:
    """PERSYARATAN-TINGKAT: a `tingkat` on pendidikan or pangkat, where the SKJ form ticks
    nothing (read from the file: the model leaves it out)."""
    found = []
    for position in kamus.positions.values():
        doc = position.source
        for section in PERSYARATAN:
            rows = doc.get("persyaratan", section) if section not in TICKED else None
            for index, row in enumerate(rows if isinstance(rows, list) else ()):
                if isinstance(row, dict) and "tingkat" in row:
                    found.append(finding(
                        "PERSYARATAN-TINGKAT", doc.path, *doc.where(("persyaratan", section, index, "tingkat"), key=True),
                        f"`tingkat: {row['tingkat']}` pada persyaratan {section} jabatan `{position.kode}`: formulir "
                        f"SKJ tidak memuat tingkat pentingnya untuk {section}, jadi nilai ini tidak dicetak",
                        f"Hapus `tingkat: {row['tingkat']}` dari butir ini; hanya pelatihan dan pengalaman kerja diberi "
                        f"tingkat Mutlak, Penting atau Perlu."))
    return found
