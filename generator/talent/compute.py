"""Per-person results: kinerja and potensial levels, kotak, JPM, gaps, kelompok talenta.

The JPM counts the competencies of the wajib kinds (manajerial, sosial kultural and any kind
kamus.yaml makes wajib) always, and by default every other required competency (teknis) where
it was assessed (PermenPANRB 20/2025 Pasal 17 ayat (2) huruf c: penilaian kompetensi covers
teknis, manajerial and sosial kultural). A required competency without an assessed level is
never "no gap": it is counted and shown as *belum diases* (JPM, plans, AKPK, slates).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..model import Kamus, Position
from ..model.decisions import HITUNG, KOMITE
from ..model.policy import KOTAK, TIDAK_LENGKAP, TalentPolicy
from .pool import Pool
from .snapshot import Person, Snapshot
from .years import years_before

# How a JPM counts a required competency (`Required.jpm`).
NEVER, IF_ASSESSED, ALWAYS = 0, 1, 2


class Required(NamedTuple):
    """One competency a position requires, as the results read it (one tuple per position, shared)."""

    kode: str
    level: int  # the required level (`standar` in JSON and CSV)
    column: int | None  # its column in the snapshot's `asesmen`, None when the snapshot has none
    jpm: int  # NEVER, IF_ASSESSED or ALWAYS: how the JPM counts it


@dataclass(slots=True)
class Result:
    """One person's results, named as in `kamus talenta --format json`."""

    person: Person
    unit: str
    jenjang: str
    kinerja: str
    potensial: str
    kotak: int  # the kotak that stands: the komite's when it decided one (keputusan/), else the computed one
    jpm: float | None  # None: "tidak lengkap" (a competency the JPM always counts was not assessed)
    kategori_pemetaan: str
    kategori_seleksi: str
    required: tuple[Required, ...]  # every competency the person's position requires (shared)
    kelompok_talenta: bool
    alasan_tidak_masuk: str  # why not in the kelompok talenta ('' when in it)
    asesmen_kedaluwarsa: bool
    pool_failed: tuple = ()  # the Pool rules the person fails (names; shared tuples)
    kelompok_talenta_tidak_diperiksa: tuple = ()  # pool rules that could not be checked for this person
    kotak_hitung: int = 0  # the kotak computed from kinerja and potensial
    sumber_kotak: str = HITUNG  # KOMITE when the komite's decision names the person's kotak, else HITUNG

    # Computed on use (a million stored tuples and dicts would not fit the memory budget):
    @property
    def gap(self) -> dict:
        """kode → assessed − required, for every assessed required competency."""
        asesmen = self.person.asesmen
        return {r.kode: round(asesmen[r.column] - r.level, 2) for r in self.required
                if r.column is not None and asesmen[r.column] is not None}

    @property
    def kompetensi_belum_diases(self) -> tuple[str, ...]:
        """Every required competency without an assessed level (whether the JPM counts it or not)."""
        return unassessed(self.person.asesmen, self.required)

    @property
    def jpm_cakupan(self) -> tuple[str, ...]:
        """The competencies the JPM counts (those that make it incomplete included)."""
        return counted(self.person.asesmen, self.required)

    @property
    def jpm_keterangan(self) -> str:
        note = jpm_note(self.person.asesmen, self.required)
        if self.asesmen_kedaluwarsa:
            note += ("; " if note else "") + f"asesmen kedaluwarsa ({self.person.tanggal_asesmen.isoformat()})"
        return note


def _value(asesmen: tuple, r: Required):
    return asesmen[r.column] if r.column is not None else None


def unassessed(asesmen: tuple, required: tuple[Required, ...]) -> tuple[str, ...]:
    return tuple(r.kode for r in required if _value(asesmen, r) is None)


def counted(asesmen: tuple, required: tuple[Required, ...]) -> tuple[str, ...]:
    return tuple(r.kode for r in required
                 if r.jpm == ALWAYS or (r.jpm == IF_ASSESSED and _value(asesmen, r) is not None))


def jpm_note(asesmen: tuple, required: tuple[Required, ...]) -> str:
    """What the JPM could not count, in words ('' when it counted everything it should):
    "JPM tidak lengkap: 2 dari 11 belum diases (M.3, SK.1)"; "T.A dihitung; T.B belum diases,
    tidak dihitung"."""
    missing = [r.kode for r in required if r.jpm == ALWAYS and _value(asesmen, r) is None]
    if missing:
        scope = counted(asesmen, required)
        return f"JPM tidak lengkap: {len(missing)} dari {len(scope)} belum diases ({', '.join(missing)})"
    optional = [r for r in required if r.jpm == IF_ASSESSED]
    if not optional:
        return ""
    used = [r.kode for r in optional if _value(asesmen, r) is not None]
    left = [r.kode for r in optional if _value(asesmen, r) is None]
    parts = ([f"{', '.join(used)} dihitung"] if used else []) + (
        [f"{', '.join(left)} belum diases, tidak dihitung"] if left else [])
    return "; ".join(parts)


def jpm_scope(kamus: Kamus, policy: TalentPolicy) -> dict[str, int]:
    """Kind of competency → how the JPM counts a required competency of it (`jpm.sertakan_teknis`):
    the wajib kinds always; the others never (false), always (true) or where assessed
    ("bila_diases", the default)."""
    other = {False: NEVER, True: ALWAYS, "bila_diases": IF_ASSESSED}[policy.jpm.sertakan_teknis]
    return {kind: ALWAYS if kind in kamus.config.jenis_wajib else other for kind in kamus.config.jenis_kompetensi}


def required_of(position: Position, index: dict[str, int], kamus: Kamus, scope: dict[str, int]) -> tuple:
    """Every competency ``position`` requires, with its snapshot column (``index``: kode → column)
    and how the JPM counts it (``scope``: see :func:`jpm_scope`)."""
    return tuple(Required(r.kode, r.level, index.get(r.kode), scope.get(kamus.competencies[r.kode].jenis, NEVER))
                 for r in position.kompetensi)


class Jpm:
    """The JPM against one set of required competencies, by the method of `jpm.batasi_100`: each
    level counted at most at the required one ("per_kompetensi", the default), uncapped (False),
    or the total capped at 100% (True). Built once per set, then :meth:`of` per person (a million
    times: plain tuples, no attribute lookups in the loop). :attr:`key` is equal for every set the
    JPM of which is the same for everyone (competencies nobody was assessed in do not count)."""

    __slots__ = ("always", "optional", "never_complete", "per_competency", "cap_total", "key")

    def __init__(self, required: tuple[Required, ...], batasi_100):
        # (column, level) of what is always counted, and of what is counted where assessed
        self.always = tuple(sorted((r.column, r.level) for r in required if r.jpm == ALWAYS and r.column is not None))
        self.optional = tuple(sorted((r.column, r.level) for r in required
                                     if r.jpm == IF_ASSESSED and r.column is not None))
        # a competency always counted that the snapshot has no column for: nobody's JPM is complete
        self.never_complete = any(r.jpm == ALWAYS and r.column is None for r in required)
        self.per_competency, self.cap_total = batasi_100 == "per_kompetensi", batasi_100 is True
        self.key = (self.always, self.optional, self.never_complete)

    def of(self, asesmen: tuple) -> float | None:
        """The JPM (%) of assessed levels ``asesmen``; None when a competency the JPM always counts
        was not assessed (or nothing is counted)."""
        if self.never_complete:
            return None
        assessed = total = 0.0
        capped = self.per_competency
        for column, level in self.always:
            value = asesmen[column]
            if value is None:
                return None
            assessed += level if capped and value > level else value
            total += level
        for column, level in self.optional:
            value = asesmen[column]
            if value is not None:
                assessed += level if capped and value > level else value
                total += level
        if not total:
            return None
        value = assessed / total * 100
        return 100.0 if self.cap_total and value > 100 else value


def evaluate(snapshot: Snapshot, kamus: Kamus, policy: TalentPolicy, kotak_komite: dict | None = None) -> list[Result]:
    """Every person's results. ``kotak_komite`` (NIP → kotak) holds the kotak the komite talenta
    set (keputusan/): it stands instead of the computed one, and the kelompok talenta is judged on
    it by the same rules."""
    kotak_komite = kotak_komite or {}
    index = {code: i for i, code in enumerate(snapshot.competencies)}
    scope = jpm_scope(kamus, policy)
    requirements: dict[str, tuple] = {}
    methods: dict[str, Jpm] = {}
    pool = Pool(policy, snapshot)
    # an assessment dated before this is older than its validity
    assessment_from = years_before(snapshot.end, policy.masa_berlaku_asesmen_tahun)
    results = []
    for person in snapshot.people:
        position = kamus.positions[person.jabatan]
        required = requirements.get(position.kode)
        if required is None:
            required = requirements[position.kode] = required_of(position, index, kamus, scope)
            methods[position.kode] = Jpm(required, policy.jpm.batasi_100)
        kinerja = (policy.predikat_kinerja[person.predikat_kinerja] if person.predikat_kinerja
                   else policy.kinerja_for_score(person.nilai_kinerja))
        potensial = policy.potensial_for_score(person.nilai_potensi)
        computed = KOTAK[(kinerja, potensial)]
        kotak = kotak_komite.get(person.nip, computed)
        value = methods[position.kode].of(person.asesmen)
        failed, reason, unchecked = pool.judge(kotak, person)
        results.append(Result(
            person=person, unit=position.unit, jenjang=position.jenjang, kinerja=kinerja,
            potensial=potensial, kotak=kotak, jpm=None if value is None else round(value, 2),
            kategori_pemetaan=policy.pemetaan_category(value) if value is not None else TIDAK_LENGKAP,
            kategori_seleksi=policy.seleksi_category(value) if value is not None else TIDAK_LENGKAP,
            required=required, kelompok_talenta=not failed, alasan_tidak_masuk=reason,
            asesmen_kedaluwarsa=bool(person.tanggal_asesmen and person.tanggal_asesmen < assessment_from),
            pool_failed=failed, kelompok_talenta_tidak_diperiksa=unchecked, kotak_hitung=computed,
            sumber_kotak=KOMITE if person.nip in kotak_komite else HITUNG))
    return results
