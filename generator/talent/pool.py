"""The kelompok talenta (kelompok rencana suksesi instansi): who is in it, and why not."""

from __future__ import annotations

from ..jenjang import PP_11
from ..model.policy import PREDIKAT_RANK, TalentPolicy
from .years import years_before


def kinerja_years(policy: TalentPolicy, snapshot) -> tuple[int, ...]:
    """The years of "dalam 2 (dua) tahun terakhir", oldest first: the `kinerja_minimal.tahun` years up
    to the latest SKP year of a period read from SKP files (the SKP of the period's own year is
    seldom final when the komite meets: a period 2025 downloaded in 2025 has SKP 2023 and 2024), else
    up to the period's year (a one-file snapshot's predikat is the period's)."""
    tahun = policy.kinerja_minimal.tahun
    last = max(snapshot.kinerja_tahun, default=snapshot.end.year)
    return tuple(range(last - tahun + 1, last + 1)) if tahun else ()


class Pool:
    """Who is in the kelompok talenta (the kelompok rencana suksesi instansi), one person at a time:
    the kotak, kinerja "paling kurang bernilai baik dalam 2 (dua) tahun terakhir" (PP 11/2017 jo.
    PP 17/2020 Pasal 199 ayat (2) huruf c) and the instansi's discipline gate. The one place for
    these rules: :meth:`judge` takes the kotak, so a kotak set by the komite is judged the same way.
    Verdicts are shared (one object per distinct verdict: a million rows keep few)."""

    RULES = ("kotak", "kinerja_minimal", "hukuman_disiplin")

    def __init__(self, policy: TalentPolicy, snapshot):
        self.boxes = policy.kotak_kelompok_talenta
        self.penalties = policy.hukuman_disiplin.tingkat
        # a penalty dated after this is less than `tahun` years old at the end of the period
        self.discipline_after = years_before(snapshot.end, policy.hukuman_disiplin.tahun)
        km = policy.kinerja_minimal
        self.years = kinerja_years(policy, snapshot)
        self.floor, self.floor_name = PREDIKAT_RANK[km.predikat], km.predikat
        self._verdicts: dict = {}

    def judge(self, kotak: int, person) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
        """(the rules failed, why not in the pool ('' when in it), the rules not checked); one
        shared answer per distinct (kotak, predikat history, penalty, penalty date)."""
        key = (kotak, person.predikat_tahun, person.hukuman_disiplin, person.tanggal_hukuman)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = self._judge(*key)
        return verdict

    def _judge(self, kotak, history, penalty, dated) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
        failed, reasons = [], []
        if kotak not in self.boxes:
            failed.append("kotak")
            reasons.append(f"kotak {kotak} di luar kotak kelompok talenta")
        years = dict(history)
        low = [(y, years[y]) for y in self.years if y in years and PREDIKAT_RANK[years[y]] < self.floor]
        missing = [y for y in self.years if y not in years]
        if low:
            failed.append("kinerja_minimal")
            reasons.append("predikat kinerja " + ", ".join(f"{y} {p}" for y, p in low) + f" di bawah "
                           f"{self.floor_name}; kelompok rencana suksesi berisi PNS dengan penilaian kinerja paling "
                           f"kurang bernilai baik dalam {len(self.years)} tahun terakhir ({PP_11} Pasal 199 ayat (2) "
                           "huruf c)")
        if penalty in self.penalties and (dated is None or dated > self.discipline_after):
            failed.append("hukuman_disiplin")
            when = dated.isoformat() if dated else "tanggal tidak diisi"
            reasons.append(f"hukuman disiplin {penalty} ({when}) (kebijakan instansi: talenta.hukuman_disiplin)")
        unchecked = ()
        if missing and not failed:
            unchecked = (f"penilaian kinerja: predikat kinerja {', '.join(map(str, missing))} tidak ada dalam data "
                         "kepegawaian",)
        return tuple(failed), "; ".join(reasons), unchecked
