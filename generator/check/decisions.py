"""Rules about the komite talenta's decisions (``keputusan/<periode>.yaml``) that need only the
decisions and the kamus: the file's period, its dates, the penetapan, repeated entries, the
target posts and the readiness values. What needs the period's results (the NIP, the computed
kotak, the pool and the succession requirements) is checked in :mod:`generator.talent.decisions`.

Decisions are personal data: a message names the place in the file ("pegawai ke-3, rencana
suksesi ke-1") and the kamus's own words, never a NIP, a name or a text of the file.
"""

from __future__ import annotations

from ..model import Kamus
from ..model.config import parse_date
from ..model.decisions import Decisions, Nomination, PersonDecision
from ..rules import finding
from ..suggest import suggest


def _at(rule: str, decisions: Decisions, path: tuple, message: str, hint: str | None = None, key: bool = False):
    doc = decisions.source
    return finding(rule, decisions.path, *(doc.where(path, key=key) if doc is not None else (1, 1)), message, hint)


def intact(decisions: Decisions, path: tuple) -> bool:
    """True when the schema rejected nothing at or above ``path`` (a rule concludes nothing from a
    value that the schema reported already: :mod:`generator.check.accepted`)."""
    return decisions.source is None or decisions.source.intact(path)


def where(person: PersonDecision, nomination: Nomination | None = None) -> str:
    """"pegawai ke-3" or "pegawai ke-3, rencana suksesi ke-2": a place in the file, no value of it."""
    text = f"pegawai ke-{person.number}"
    return text + (f", rencana suksesi ke-{nomination.at[3] + 1}" if nomination is not None else "")


def check_periode(decisions: Decisions, stem: str) -> list:
    """KEPUTUSAN-PERIODE: `periode` is the file's name."""
    if decisions.periode == stem:
        return []
    return [_at("KEPUTUSAN-PERIODE", decisions, ("periode",),
                f"periode `{decisions.periode}` berbeda dengan nama berkas `{stem}.yaml`")]


def check_dates(decisions: Decisions) -> list:
    """KEPUTUSAN-TANGGAL: the dates of the meeting and of the penetapan are calendar dates."""
    dates = [(("rapat", "tanggal"), "tanggal rapat", decisions.rapat.tanggal)]
    if decisions.penetapan is not None:
        dates.append((("penetapan", "tanggal"), "tanggal penetapan", decisions.penetapan.tanggal))
    return [_at("KEPUTUSAN-TANGGAL", decisions, path, f"{what} `{text}` tidak ada di kalender")
            for path, what, text in dates if text and parse_date(text) is None]


def check_order(decisions: Decisions) -> list:
    """KEPUTUSAN-TANGGAL-URUTAN: the PPK sets the result after the meeting, not before."""
    held = parse_date(decisions.rapat.tanggal)
    set_on = parse_date(decisions.penetapan.tanggal) if decisions.penetapan is not None else None
    if held is None or set_on is None or set_on >= held:
        return []
    return [_at("KEPUTUSAN-TANGGAL-URUTAN", decisions, ("penetapan", "tanggal"),
                f"tanggal penetapan `{decisions.penetapan.tanggal}` lebih awal dari tanggal rapat "
                f"`{decisions.rapat.tanggal}`: PPK menetapkan hasil rapat komite talenta sesudah rapat",
                "Periksa kedua tanggal; bila rapat memang sesudahnya, penetapan itu bukan penetapan hasil rapat ini.")]


def check_penetapan(decisions: Decisions) -> list:
    """KEPUTUSAN-PENETAPAN: a decision `ditetapkan` names the PPK's decision (nomor and tanggal)."""
    if not decisions.ditetapkan or decisions.penetapan is not None or not intact(decisions, ("penetapan",)):
        return []
    return [_at("KEPUTUSAN-PENETAPAN", decisions, ("status",),
                "status `ditetapkan`, tetapi `penetapan` (nomor dan tanggal keputusan PPK) belum ditulis")]


def check_duplicates(decisions: Decisions) -> list:
    """KEPUTUSAN-GANDA: one entry per person, one row per target post of a person, one person per
    rank of a target post."""
    found, first, ranks = [], {}, {}
    for person in decisions.pegawai:
        if person.nip in first:
            found.append(_at("KEPUTUSAN-GANDA", decisions, person.at + ("nip",),
                             f"{where(person)}: pegawai yang sama sudah disebut sebagai pegawai ke-{first[person.nip]}",
                             "Gabungkan kedua butir menjadi satu."))
            continue
        first[person.nip] = person.number
        posts: dict[str, int] = {}
        for nomination in person.rencana_suksesi:
            if nomination.jabatan in posts:
                found.append(_at("KEPUTUSAN-GANDA", decisions, nomination.at + ("jabatan",),
                                 f"{where(person, nomination)}: jabatan sasaran `{nomination.jabatan}` sudah disebut "
                                 f"di rencana suksesi ke-{posts[nomination.jabatan]} pegawai ini",
                                 "Sisakan satu baris untuk jabatan sasaran itu."))
                continue
            posts[nomination.jabatan] = nomination.at[3] + 1
            if nomination.peringkat is None:
                continue
            key = (nomination.jabatan, nomination.peringkat)
            if key in ranks:
                found.append(_at("KEPUTUSAN-GANDA", decisions, nomination.at + ("peringkat",),
                                 f"{where(person, nomination)}: peringkat {nomination.peringkat} untuk "
                                 f"`{nomination.jabatan}` sudah dipakai pegawai ke-{ranks[key]}",
                                 "Beri setiap calon satu jabatan sasaran peringkat yang berbeda."))
            else:
                ranks[key] = person.number
    return found


def check_targets(decisions: Decisions, kamus: Kamus) -> list:
    """KEPUTUSAN-JABATAN, KEPUTUSAN-JABATAN-STRATEGIS: a target post is a position of this kamus,
    and one that needs a succession plan."""
    found = []
    for person in decisions.pegawai:
        for nomination in person.rencana_suksesi:
            position = kamus.positions.get(nomination.jabatan)
            if position is None:
                found.append(_at("KEPUTUSAN-JABATAN", decisions, nomination.at + ("jabatan",),
                                 f"{where(person, nomination)}: jabatan sasaran `{nomination.jabatan}` tidak ada di "
                                 "kamus", f"{suggest(nomination.jabatan, kamus.positions)}Tulis `kode` jabatan yang "
                                          "ada di positions/."))
            elif not position.strategis:
                found.append(_at("KEPUTUSAN-JABATAN-STRATEGIS", decisions, nomination.at + ("jabatan",),
                                 f"{where(person, nomination)}: jabatan sasaran `{nomination.jabatan}` bukan jabatan "
                                 "strategis"))
    return found


def check_kesiapan(decisions: Decisions, kesiapan: tuple[str, ...]) -> list:
    """KEPUTUSAN-KESIAPAN: a readiness is one of `talenta.kesiapan`, and given for every target
    post once the decision is `ditetapkan`."""
    found, choices = [], ", ".join(kesiapan)
    for person in decisions.pegawai:
        for nomination in person.rencana_suksesi:
            value = nomination.kesiapan
            if value is None and decisions.ditetapkan and intact(decisions, nomination.at + ("kesiapan",)):
                found.append(_at("KEPUTUSAN-KESIAPAN", decisions, nomination.at, f"{where(person, nomination)}: "
                                 "kesiapan belum diisi, padahal keputusan sudah ditetapkan",
                                 f"Isi `kesiapan` dengan salah satu: {choices}."))
            elif value is not None and value not in kesiapan:
                found.append(_at("KEPUTUSAN-KESIAPAN", decisions, nomination.at + ("kesiapan",),
                                 f"{where(person, nomination)}: kesiapan `{value}` bukan pilihan talenta.kesiapan",
                                 f"{suggest(value, kesiapan)}Pilihan: {choices}."))
    return found
