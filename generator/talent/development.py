"""Development plans (pola pengembangan): the gaps of one person and the activities that close them.

A *gap* is a competency the position requires whose assessed level is below the required
level. A required competency that was not assessed is no "0 gap" either: it gets a row of its
own, *belum diases*, without an activity (assess it first), and is counted apart. An activity of the development catalog *fits* a gap when it develops that
competency to a level ≥ the required level; the fitting activity with the lowest such level
is chosen, ties broken by fewer JP, then by kode. A gap that nothing fits is kept and marked
"belum ada di katalog". The JP total counts each chosen activity once, even when it closes
several gaps.

Plans are computed per person on demand (nothing is stored for everyone), so that reports
can stream a million rows; the choice of activity per (competency, level) is cached.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Activity, Kamus
from ..model.policy import TalentPolicy

BELUM_ADA = "belum ada di katalog"
BELUM_DIASES = "belum diases"


@dataclass(slots=True)
class Gap:
    """One row of `rencana_pengembangan` (JSON and the RAHASIA sheet "Rencana Pengembangan")."""

    kompetensi: str
    asesmen: float | None  # None: not assessed (keterangan BELUM_DIASES)
    required: int  # the level the position requires (`standar` in JSON and CSV)
    kegiatan: tuple[str, ...]  # the chosen activity's kode, or () when nothing fits or nothing was assessed
    jp: float  # JP of the chosen activity (0 when nothing fits)
    keterangan: str  # "", BELUM_ADA or BELUM_DIASES


@dataclass(slots=True)
class Plan:
    """One person's plan against one position, named as in `kamus talenta --format json`."""

    rencana_pengembangan: list[Gap]
    jp_total: float  # Σ JP of the distinct chosen activities
    jp_kekurangan: float  # JP still missing to the yearly minimum (0 when the plan reaches it)

    @property
    def kesenjangan(self) -> int:
        """Rows with an assessed level below the required one."""
        return sum(g.asesmen is not None for g in self.rencana_pengembangan)

    @property
    def belum_diases(self) -> int:
        return sum(g.asesmen is None for g in self.rencana_pengembangan)


class Planner:
    """The catalog indexed by competency, and the plan of any person against any position."""

    def __init__(self, kamus: Kamus, policy: TalentPolicy):
        self.catalog = kamus.development
        self.jp_minimal = policy.pengembangan.jp_minimal
        self.by_competency: dict[str, list[tuple[int, float, str]]] = {}
        for activity in self.catalog.values():
            for req in activity.kompetensi:
                self.by_competency.setdefault(req.kode, []).append((req.level, activity.jp, activity.kode))
        for options in self.by_competency.values():
            options.sort()
        self._fits: dict[tuple[str, int], Activity | None] = {}

    def fit(self, kode: str, level: int) -> Activity | None:
        """The activity chosen for a gap in ``kode`` below ``level`` (None: nothing fits)."""
        key = (kode, level)
        if key not in self._fits:
            chosen = next((k for lv, _, k in self.by_competency.get(kode, ()) if lv >= level), None)
            self._fits[key] = self.catalog[chosen] if chosen else None
        return self._fits[key]

    def plan(self, asesmen: tuple, required: tuple) -> Plan:
        """The plan for assessed levels ``asesmen`` against ``required`` (compute.Required: every
        competency the position requires, in its order)."""
        gaps, chosen = [], {}
        for kode, level, column, _ in required:
            value = asesmen[column] if column is not None else None
            if value is None:
                gaps.append(Gap(kode, None, level, (), 0, BELUM_DIASES))
                continue
            if value >= level:
                continue
            activity = self.fit(kode, level)
            if activity is None:
                gaps.append(Gap(kode, value, level, (), 0, BELUM_ADA))
            else:
                chosen[activity.kode] = activity.jp
                gaps.append(Gap(kode, value, level, (activity.kode,), activity.jp, ""))
        total = sum(chosen.values())
        return Plan(gaps, total, max(self.jp_minimal - total, 0))
