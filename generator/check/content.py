"""Rules about content: level numbering, mandatory competencies, the manajerial standard."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..jenjang import LABEL, PANGKAT_JF, golongan_range
from ..load.document import ANY
from ..model import BENTUK, BENTUK_LABEL, PERSYARATAN, TICKED
from ..rules import finding
from .references import intact

_GOLONGAN = re.compile(r"(?<![A-Za-z])(IV|III|II|I)\s*/\s*([a-eA-E])(?![A-Za-z])")


def check_level_sequence(kamus) -> list:
    """LEVEL-SEQUENCE: levels must read 1, 2, …, N in order, N ≤ 5 (the schema caps at 5)."""
    found = []
    for competency in kamus.competencies.values():
        if not intact(competency, ("level", ANY, "level")):
            continue
        numbers = [lv.level for lv in competency.level]
        if numbers != list(range(1, len(numbers) + 1)):
            first = next(i for i, n in enumerate(numbers) if n != i + 1)  # the first item out of sequence
            found.append(finding("LEVEL-SEQUENCE", competency.source.path,
                                 *competency.source.where(("level", first, "level")),
                                 f"level `{competency.kode}` tertulis {', '.join(map(str, numbers))}; "
                                 f"seharusnya {', '.join(map(str, range(1, len(numbers) + 1)))}"))
    return found


def _loose(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def listings(kamus) -> Callable[[object], set[str] | None]:
    """A function: position → the kode of every competency it lists, or None when that is not
    known. A code its schema rejected counts as the competency it spells loosely (`M 1` is
    M.1, as the message about it will say); one that spells none, or a rejected list, makes
    the listing unknown, so that nothing is concluded from it (the schema's finding stands)."""
    spelled: dict[str, str | None] = {}
    for kode in kamus.competencies:
        spelled[_loose(kode)] = None if _loose(kode) in spelled else kode

    def listed(position) -> set[str] | None:
        if not intact(position, ("kompetensi",)):
            return None
        codes = set()
        for index, req in enumerate(position.kompetensi):
            if req.kode is None:
                rejected = position.source.rejected
                written = rejected.get(("kompetensi", index, "kode"), rejected.get(("kompetensi", index)))
                req_kode = spelled.get(_loose(written)) if isinstance(written, str) else None
                if req_kode is None:
                    return None
                codes.add(req_kode)
            else:
                codes.add(req.kode)
        return codes

    return listed


def check_mandatory(kamus) -> list:
    """KOMPETENSI-WAJIB-MISSING: every position lists every berlaku competency of the mandatory kinds."""
    mandatory = [c for c in kamus.competencies.values()
                 if c.berlaku and c.jenis in kamus.config.jenis_wajib and intact(c, ("jenis",)) and intact(c, ("status",))]
    found, listed = [], listings(kamus)
    for position in kamus.positions.values():
        codes = listed(position)
        missing = [c for c in mandatory if c.kode not in codes] if codes is not None else []
        if missing:
            names = ", ".join(c.cited for c in missing)
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
        if standard is None or not intact(position, ("standar_level_manajerial",)):
            continue
        whose = "jabatan ini (ditetapkan di SKJ-nya)" if own else LABEL[position.jenjang]
        for index, req in enumerate(position.kompetensi):
            competency = kamus.competencies.get(req.kode)
            if competency is not None and competency.jenis in STANDARD_KINDS and intact(competency, ("jenis",)) \
                    and req.level is not None and req.level < standard:
                found.append(finding("LEVEL-BELOW-STANDARD", position.source.path,
                                     *position.source.where(("kompetensi", index, "level")),
                                     f"{competency.cited} level {req.level}, di bawah standar "
                                     f"level {standard} untuk {whose}"))
    return found


def check_standard_override(kamus) -> list:
    """STANDAR-LEVEL-FUNGSIONAL: only a jabatan fungsional sets its own standard in its SKJ."""
    return [finding("STANDAR-LEVEL-FUNGSIONAL", p.source.path,
                    *p.source.where(("standar_level_manajerial",), key=True),
                    f"`standar_level_manajerial` diisi di SKJ `{p.kode}` ({LABEL[p.jenjang]}), "
                    "padahal hanya jabatan fungsional yang standarnya ditetapkan instansi pembina")
            for p in kamus.positions.values()
            if p.standar_level_manajerial is not None and p.jenjang in LABEL and not p.jenjang.startswith("fungsional_")]


def check_bentuk(kamus) -> list:
    """PENGEMBANGAN-BENTUK: the bentuk of an activity belongs to its jalur."""
    found = []
    for activity in kamus.development.values():
        forms = BENTUK.get(activity.jalur, {})
        if activity.bentuk in forms or not forms or activity.bentuk not in BENTUK_LABEL:
            continue  # an empty or unknown jalur or bentuk is the schema's finding
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
    found, listed = [], listings(kamus)
    for position in kamus.positions.values():
        codes = listed(position)
        if codes is None or any(k not in kamus.competencies or not intact(kamus.competencies[k], ("jenis",))
                                for k in codes):
            continue  # an unknown or broken competency is reported elsewhere; its jenis is unknown
        if not any(kamus.competencies[k].jenis == "teknis" for k in codes):
            found.append(finding("TEKNIS-MISSING", position.source.path,
                                 *position.source.where(("kompetensi",), key=True),
                                 f"jabatan `{position.kode}` belum mencantumkan kompetensi teknis"))
    return found


def check_unused(kamus) -> list:
    """KOMPETENSI-UNUSED: a berlaku competency that no position requires."""
    listed = listings(kamus)
    used = set()
    for position in kamus.positions.values():
        codes = listed(position)
        if codes is None:
            return []  # a code the schema rejected may be the one that uses it
        used |= codes
    return [finding("KOMPETENSI-UNUSED", c.source.path, *c.source.where(("kode",)),
                    f"kompetensi {c.cited} belum dipakai oleh jabatan mana pun")
            for c in kamus.competencies.values() if c.berlaku and c.kode not in used and intact(c, ("status",))]


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
