"""Per-person results: kinerja and potensial levels, kotak, JPM, gaps, kelompok talenta."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Kamus, Position
from ..jenjang import PP_11
from ..model.policy import KOTAK, PREDIKAT_RANK, TIDAK_LENGKAP, TalentPolicy
from .snapshot import Person, Snapshot
from .years import years_before


@dataclass(slots=True)
class Result:
    """One person's results, named as in `kamus talenta --format json`."""

    person: Person
    unit: str
    jenjang: str
    kinerja: str
    potensial: str
    kotak: int
    jpm: float | None  # None: "tidak lengkap" (a required competency was not assessed)
    kategori_pemetaan: str
    kategori_seleksi: str
    required: tuple  # (kode, required level, column index or None) of every required competency (shared)
    kompetensi_belum_diases: tuple  # required competencies (JPM scope) without an assessed level
    kelompok_talenta: bool
    alasan_tidak_masuk: str  # why not in the kelompok talenta ('' when in it)
    asesmen_kedaluwarsa: bool
    pool_failed: tuple = ()  # the Pool rules the person fails (names; shared tuples)
    kelompok_talenta_tidak_diperiksa: tuple = ()  # pool rules that could not be checked for this person

    @property
    def gap(self) -> dict:
        """kode → assessed − required, for every assessed required competency (computed on use:
        a million stored dicts would not fit the memory budget)."""
        asesmen = self.person.asesmen
        return {kode: round(asesmen[i] - level, 2) for kode, level, i in self.required
                if i is not None and asesmen[i] is not None}


class Pool:
    """Who is in the kelompok talenta (the kelompok rencana suksesi instansi), one person at a time:
    the kotak, kinerja "paling kurang bernilai baik dalam 2 (dua) tahun terakhir" (PP 11/2017 jo.
    PP 17/2020 Pasal 199 ayat (2) huruf c) and the instansi's discipline gate. The one place for
    these rules: :meth:`judge` takes the kotak, so a kotak set by the komite is judged the same way.
    Texts are shared (one string object per distinct text: a million rows keep few)."""

    RULES = ("kotak", "kinerja_minimal", "hukuman_disiplin")

    def __init__(self, policy: TalentPolicy, end):
        self.boxes = policy.kotak_kelompok_talenta
        self.penalties = policy.hukuman_disiplin.tingkat
        # a penalty dated after this is less than `tahun` years old at the end of the period
        self.discipline_after = years_before(end, policy.hukuman_disiplin.tahun)
        km = policy.kinerja_minimal
        self.years = tuple(range(end.year - km.tahun + 1, end.year + 1)) if km.tahun else ()
        self.floor, self.floor_name = PREDIKAT_RANK[km.predikat], km.predikat
        self._texts: dict = {}

    def _text(self, key, make) -> str:
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = make()
        return text

    def judge(self, kotak: int, person) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
        """(the rules failed, why not in the pool ('' when in it), the rules not checked)."""
        failed, reasons = [], []
        if kotak not in self.boxes:
            failed.append("kotak")
            reasons.append(self._text(("kotak", kotak), lambda: f"kotak {kotak} di luar kotak kelompok talenta"))
        years = person.predikat_tahun
        low = tuple((y, years[y]) for y in self.years if y in years and PREDIKAT_RANK[years[y]] < self.floor)
        missing = tuple(y for y in self.years if y not in years)
        if low:
            failed.append("kinerja_minimal")
            reasons.append(self._text(("kinerja", low), lambda: (
                "predikat kinerja " + ", ".join(f"{y} {p}" for y, p in low) + f" di bawah {self.floor_name}; "
                f"kelompok rencana suksesi berisi PNS dengan penilaian kinerja paling kurang bernilai baik dalam "
                f"{len(self.years)} tahun terakhir ({PP_11} Pasal 199 ayat (2) huruf c)")))
        if person.hukuman_disiplin in self.penalties and (
                person.tanggal_hukuman is None or person.tanggal_hukuman > self.discipline_after):
            failed.append("hukuman_disiplin")
            when = person.tanggal_hukuman.isoformat() if person.tanggal_hukuman else "tanggal tidak diisi"
            reasons.append(self._text(("hukuman", person.hukuman_disiplin, when), lambda: (
                f"hukuman disiplin {person.hukuman_disiplin} ({when}) (kebijakan instansi: talenta.hukuman_disiplin)")))
        unchecked = ()
        if missing and not failed:
            unchecked = self._text(("belum", missing), lambda: (
                f"kinerja_minimal: predikat kinerja {', '.join(map(str, missing))} tidak ada di snapshot",))
        failed = self._text(("rules", *failed), lambda: tuple(failed))
        return failed, self._text(("reason", *reasons), lambda: "; ".join(reasons)), unchecked


def jpm_kinds(kamus: Kamus, policy: TalentPolicy) -> tuple[str, ...]:
    """The kinds of competency a JPM counts: every `wajib` kind (manajerial, sosial kultural and
    any kind kamus.yaml makes wajib), and with `sertakan_teknis` every kind."""
    config = kamus.config
    return tuple(config.jenis_kompetensi) if policy.jpm.sertakan_teknis else config.jenis_wajib


def scope(position: Position, kamus: Kamus, policy: TalentPolicy) -> tuple[tuple[str, int], ...]:
    """The (kode, required level) pairs a JPM against ``position`` counts."""
    kinds = jpm_kinds(kamus, policy)
    return tuple((r.kode, r.level) for r in position.kompetensi if kamus.competencies[r.kode].jenis in kinds)


def jpm(asesmen: tuple, index: dict[str, int], required: tuple[tuple[str, int], ...], batasi_100):
    """(JPM %, missing codes) of ``asesmen`` levels against ``required``, by the method of
    `jpm.batasi_100`: uncapped (False), the total capped at 100% (True), or each competency
    counted at most at its required level ("per_kompetensi")."""
    per_competency = batasi_100 == "per_kompetensi"
    assessed = total = 0.0
    missing = []
    for kode, level in required:
        position = index.get(kode)
        value = asesmen[position] if position is not None else None
        if value is None:
            missing.append(kode)
            continue
        assessed += min(value, level) if per_competency else value
        total += level
    if missing or not required:
        return None, tuple(missing)
    value = assessed / total * 100
    return (min(value, 100.0) if batasi_100 is True else value), ()


def required_of(position: Position, index: dict[str, int]) -> tuple:
    """(kode, required level, snapshot column or None) of every competency ``position`` requires."""
    return tuple((r.kode, r.level, index.get(r.kode)) for r in position.kompetensi)


def evaluate(snapshot: Snapshot, kamus: Kamus, policy: TalentPolicy) -> list[Result]:
    index = {code: i for i, code in enumerate(snapshot.competencies)}
    scopes: dict[str, tuple] = {}
    requirements: dict[str, tuple] = {}
    pool = Pool(policy, snapshot.end)
    # an assessment dated before this is older than its validity
    assessment_from = years_before(snapshot.end, policy.masa_berlaku_asesmen_tahun)
    results = []
    for person in snapshot.people:
        position = kamus.positions[person.jabatan]
        required = scopes.get(position.kode)
        if required is None:
            required = scopes[position.kode] = scope(position, kamus, policy)
        kinerja = (policy.predikat_kinerja[person.predikat_kinerja] if person.predikat_kinerja
                   else policy.kinerja_for_score(person.nilai_kinerja))
        potensial = policy.potensial_for_score(person.nilai_potensi)
        kotak = KOTAK[(kinerja, potensial)]
        value, missing = jpm(person.asesmen, index, required, policy.jpm.batasi_100)
        all_required = requirements.get(position.kode)
        if all_required is None:
            all_required = requirements[position.kode] = required_of(position, index)
        failed, reason, unchecked = pool.judge(kotak, person)
        results.append(Result(
            person=person, unit=position.unit, jenjang=position.jenjang, kinerja=kinerja,
            potensial=potensial, kotak=kotak, jpm=None if value is None else round(value, 2),
            kategori_pemetaan=policy.pemetaan_category(value) if value is not None else TIDAK_LENGKAP,
            kategori_seleksi=policy.seleksi_category(value) if value is not None else TIDAK_LENGKAP,
            required=all_required, kompetensi_belum_diases=missing, kelompok_talenta=not failed,
            alasan_tidak_masuk=reason,
            asesmen_kedaluwarsa=bool(person.tanggal_asesmen and person.tanggal_asesmen < assessment_from),
            pool_failed=failed, kelompok_talenta_tidak_diperiksa=unchecked))
    return results
