"""The komite talenta's decisions against the period they decide, and applied to its results.

A decision file (``keputusan/<periode>.yaml``) is checked against the period's snapshot and
the results computed with the komite's kotak: every NIP is someone of the snapshot, a kotak
that differs from the computed one has its alasan, and whoever the komite puts in the
kelompok rencana suksesi of a target post is in the kelompok talenta and meets the post's
succession requirements (PP 11/2017 jo. PP 17/2020, the same :class:`Requirements` the slates
use). Applied, the komite's kotak stands (:func:`generator.talent.compute.evaluate`) and the
slate of every post the komite named follows its nominations and readiness
(:func:`generator.talent.succession.slates`).

Decisions are personal data: a message names the place in the file ("pegawai ke-3"), the
rule and the regulation, never a NIP, a name, a date of birth or the data of a penalty.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..bahasa import tanggal
from ..check.decisions import intact, where
from ..jenjang import LABEL, PP_11
from ..model import Kamus
from ..model.decisions import KOMITE, Decisions, Nomination, PersonDecision, kesiapan_label
from ..model.policy import TalentPolicy
from ..rules import finding
from .compute import Result, evaluate
from .eligibility import Requirements
from .snapshot import Snapshot

PASAL_199 = f"{PP_11} Pasal 199 ayat (1)"


def pool_rule(rule: str, policy: TalentPolicy) -> str:
    """A rule of the kelompok talenta (:class:`generator.talent.pool.Pool`) in words that name no
    one's data (no predikat, no penalty, no date)."""
    km = policy.kinerja_minimal
    return {"kotak": f"kotak kelompok talenta {', '.join(map(str, policy.kotak_kelompok_talenta))}",
            "kinerja_minimal": f"penilaian kinerja paling kurang {km.predikat} dalam {km.tahun} tahun terakhir "
                               f"({PP_11} Pasal 199 ayat (2) huruf c)",
            "hukuman_disiplin": "tanpa hukuman disiplin yang mengecualikan (kebijakan instansi: "
                                "talenta.hukuman_disiplin)"}.get(rule, rule)


def snapshot_of(decided: Decisions, stem: str, snapshots: list[Snapshot]) -> tuple[Snapshot | None, list]:
    """(the snapshot of the period the file ``stem`` decides, or None; KEPUTUSAN-SNAPSHOT when
    there is none, or when it cannot be mapped yet: an employees-only folder)."""
    found = next((s for s in snapshots if s.periode == stem), None)
    if found is not None and found.unmapped:  # an employees-only period: nothing to decide on yet
        return None, [finding("KEPUTUSAN-SNAPSHOT", decided.path, *decided.source.where(("periode",)),
                              f"periode {stem} belum dapat dipetakan ke kotak manajemen talenta (SNAPSHOT-UNMAPPED "
                              "di folder periodenya), jadi keputusan komite belum dapat diperiksa",
                              f"Letakkan hasil SKP dan hasil asesmen periode itu di snapshots/{stem}/, atau simpan "
                              "berkas keputusan ini di luar keputusan/ sampai periodenya dapat dipetakan.")]
    if found is not None:
        return found, []
    known = ", ".join(sorted({s.periode for s in snapshots})) or "tidak ada"
    return None, [finding("KEPUTUSAN-SNAPSHOT", decided.path, *decided.source.where(("periode",)),
                          f"tidak ada snapshot periode {stem} di snapshots/ (periode yang ada: {known})")]


def by_nip(decided: Decisions | None) -> dict[str, PersonDecision]:
    """NIP → the komite's decision about that person (the first entry of a NIP listed twice)."""
    found: dict[str, PersonDecision] = {}
    for person in decided.pegawai if decided is not None else ():
        found.setdefault(person.nip, person)
    return found


def kotak_komite(decided: Decisions | None) -> dict[str, int]:
    """NIP → the kotak the komite set (the first entry of a NIP listed twice: KEPUTUSAN-GANDA)."""
    return {nip: person.kotak for nip, person in by_nip(decided).items() if person.kotak is not None}


@dataclass(frozen=True)
class Nominee:
    """One person the komite put in the kelompok rencana suksesi of one target post."""

    result: Result
    nomination: Nomination


def nominees(decided: Decisions | None, results: list[Result]) -> dict[str, list[Nominee]]:
    """Target post (`kode`) → the people the komite nominated for it, in the file's order (people
    the snapshot does not have, and repeated entries, are findings of `kamus validate`)."""
    if decided is None:
        return {}
    people = {r.person.nip: r for r in results}
    found: dict[str, list[Nominee]] = {}
    for nip, person in by_nip(decided).items():
        result = people.get(nip)
        if result is None:
            continue
        for nomination in person.rencana_suksesi:
            if all(n.result is not result for n in found.get(nomination.jabatan, ())):
                found.setdefault(nomination.jabatan, []).append(Nominee(result, nomination))
    return found


def check_results(decided: Decisions, snapshot: Snapshot, kamus: Kamus, policy: TalentPolicy) -> list:
    """KEPUTUSAN-NIP, KEPUTUSAN-ALASAN, KEPUTUSAN-KELOMPOK, KEPUTUSAN-SUKSESI, KEPUTUSAN-TURUN-JENJANG: the decisions against
    the results of ``snapshot`` computed with the komite's kotak."""
    results = evaluate(snapshot, kamus, policy, kotak_komite(decided))
    people = {r.person.nip: r for r in results}
    requirements: dict[str, Requirements] = {}
    found = []

    def at(rule, path, message, hint=None):
        return finding(rule, decided.path, *decided.source.where(path), message, hint)

    for person in by_nip(decided).values():  # a NIP listed twice: KEPUTUSAN-GANDA
        result = people.get(person.nip)
        if result is None:
            found.append(at("KEPUTUSAN-NIP", person.at + ("nip",),
                            f"{where(person)}: NIP tidak ada di snapshot periode {snapshot.periode} ({snapshot.path})"))
            continue
        known = intact(decided, person.at + ("kotak",))  # a kotak the schema rejected: nothing concluded from it
        if known and person.kotak is not None and person.kotak != result.kotak_hitung and not person.alasan \
                and intact(decided, person.at + ("alasan",)):
            found.append(at("KEPUTUSAN-ALASAN", person.at + ("kotak",),
                            f"{where(person)}: kotak {person.kotak} berbeda dari kotak hasil hitungan "
                            f"{result.kotak_hitung}, tanpa alasan"))
        if known and person.rencana_suksesi and not result.kelompok_talenta:
            rules = "; ".join(pool_rule(rule, policy) for rule in result.pool_failed)
            kotak = f"kotak {result.kotak} ({'keputusan komite' if person.kotak is not None else 'hasil hitungan'})"
            found.append(at("KEPUTUSAN-KELOMPOK", person.at + ("rencana_suksesi",),
                            f"{where(person)}: dimasukkan ke rencana suksesi, padahal bukan anggota kelompok talenta "
                            f"({kotak}; tidak memenuhi: {rules})"))
            continue
        for nomination in person.rencana_suksesi:
            position = kamus.positions.get(nomination.jabatan)
            if position is None:
                continue  # KEPUTUSAN-JABATAN
            target = f"jabatan sasaran `{position.kode}` ({LABEL[position.jenjang]})"
            if result.person.jabatan == position.kode:
                found.append(at("KEPUTUSAN-SUKSESI", nomination.at + ("jabatan",),
                                f"{where(person, nomination)}: sedang menduduki {target} itu sendiri",
                                "Hapus jabatan sasaran itu dari rencana suksesi pegawai ini; pemangku jabatan bukan "
                                "calon penggantinya sendiri."))
                continue
            found += _step_down(at, person, nomination, result, position, target, policy)
            check = requirements.get(position.jenjang)
            if check is None:
                check = requirements[position.jenjang] = Requirements(position.jenjang, policy.suksesi, snapshot.end,
                                                                      snapshot.columns)
            rules = {a.aturan: a for a in check.aturan}
            for failed in check.failures(result):
                rule = rules[failed]
                wanted = check.not_feeder(result.jenjang) if failed == "jenjang_pengisi" else rule.keterangan
                found.append(at("KEPUTUSAN-SUKSESI", nomination.at + ("jabatan",),
                                f"{where(person, nomination)}: tidak memenuhi persyaratan {target}: {wanted}",
                                f"Hapus jabatan sasaran itu dari rencana suksesi pegawai ini. Dasar: {rule.dasar}."))
    return found


def _step_down(at, person: PersonDecision, nomination: Nomination, result: Result, position, target: str,
               policy: TalentPolicy) -> list:
    """KEPUTUSAN-TURUN-JENJANG: a target post below the person's own jenjang on the ladder (a
    jabatan fungsional placed by `talenta.suksesi.setingkat`)."""
    own, wanted = policy.suksesi.tingkat(result.jenjang), policy.suksesi.tingkat(position.jenjang)
    if own is None or wanted is None or wanted <= own:
        return []
    return [at("KEPUTUSAN-TURUN-JENJANG", nomination.at + ("jabatan",),
               f"{where(person, nomination)}: {target} lebih rendah dari jenjang sekarang ({LABEL[result.jenjang]}): "
               "penurunan jenjang, bukan rencana suksesi",
               "Hapus jabatan sasaran itu dari rencana suksesi pegawai ini, atau pastikan komite memang memutuskan "
               "penurunan jenjang (tingkat jabatan fungsional menurut talenta.suksesi.setingkat).")]


def decision_statement(decided: Decisions | None, snapshot: Snapshot, results: list[Result], found_slates: list,
                       policy: TalentPolicy) -> list[str]:
    """The lines of `kebijakan` that say whose kotak and slates stand: the komite's (which decision,
    how many kotak it set otherwise than computed, which posts' slates follow it) or the computed
    proposal."""
    if decided is None:
        return [f"Belum ada keputusan komite talenta untuk periode {snapshot.periode}: kotak dan rencana suksesi "
                "adalah usulan hasil hitungan."]
    moved = sum(r.kotak != r.kotak_hitung for r in results)
    # post names for readers, the keys for the pengelola; the exact count of moves is not for the site
    posts = [f"{s.jabatan.nama}⟦ ({s.jabatan.kode})⟧" for s in found_slates if s.sumber == KOMITE]
    choices = ", ".join(kesiapan_label(k) for k in policy.kesiapan)
    lines = [f"Kotak mengikuti {decided.label()}: pegawai yang ditetapkan komite di kotak yang berbeda dari hasil "
             f"hitungan⟦ ({moved} pegawai)⟧ masing-masing dengan alasannya; kotak pegawai lain adalah hasil "
             "hitungan; kelompok talenta dinilai dari kotak yang berlaku dengan aturan yang sama.",
             f"Rencana suksesi {len(posts)} jabatan sasaran ({'; '.join(posts) or '–'}) mengikuti keputusan komite, "
             f"dengan kesiapan {choices} (kebijakan instansi⟦: talenta.kesiapan⟧); jabatan sasaran lain: usulan "
             "hasil hitungan menurut JPM."]
    if decided.ditetapkan and decided.penetapan is not None:
        lines.append(f"Kelompok rencana suksesi ditetapkan PPK dengan Nomor {decided.penetapan.nomor} tanggal "
                     f"{tanggal(decided.penetapan.tanggal)} ({PASAL_199}).")
    else:
        lines.append(f"Keputusan ini belum ditetapkan PPK ({PASAL_199}: PPK menetapkan kelompok rencana suksesi "
                     "setiap tahun).")
    return lines


def decision_json(decided: Decisions | None) -> dict | None:
    """`keputusan` of `kamus talenta --format json`: which decision the results follow (None: none)."""
    if decided is None:
        return None
    penetapan = decided.penetapan
    return {"berkas": decided.path, "status": decided.status,
            "rapat": {"tanggal": decided.rapat.tanggal or None, "nomor": decided.rapat.nomor or None,
                      "tempat": decided.rapat.tempat or None},
            "penetapan": None if penetapan is None else {"nomor": penetapan.nomor, "tanggal": penetapan.tanggal}}
