"""What changed in the komite talenta's decisions between two versions: counts per decision
file, never a NIP or a name (decisions are personal data; the PR summary is read by everyone
who sees the pull request). A change to a file that was already `ditetapkan` in the old
version is flagged: a decision the PPK has set is changed only by a new decision.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.decisions import DITETAPKAN, STATUS_LABEL, Decisions

WARNING = "mengubah keputusan yang sudah ditetapkan"


@dataclass
class DecisionChange:
    """One decision file that differs, named as `keputusan` in `kamus diff --format json`."""

    berkas: str
    periode: str
    status_lama: str | None  # None: the file is new
    status_baru: str | None  # None: the file was removed
    ditambah: int = 0  # pegawai entries added
    dihapus: int = 0  # pegawai entries removed
    diubah: int = 0  # pegawai entries changed (kotak, alasan, rencana suksesi or catatan)
    kotak_diubah: int = 0  # … of which the decided kotak changed
    rencana_suksesi_diubah: int = 0  # … of which the target posts, readiness or ranks changed
    rapat_penetapan_diubah: bool = False  # the meeting, the penetapan or the general notes changed

    @property
    def sudah_ditetapkan(self) -> bool:
        """The old version was already set by the PPK: this change needs a new decision."""
        return self.status_lama == DITETAPKAN

    def describe(self) -> str:
        """The change in words, counts only."""
        if self.status_lama is None:
            return f"berkas keputusan baru (status {STATUS_LABEL.get(self.status_baru, self.status_baru)}), " \
                   f"{self.ditambah} pegawai"
        if self.status_baru is None:
            return f"berkas keputusan dihapus (status {STATUS_LABEL.get(self.status_lama, self.status_lama)}), " \
                   f"{self.dihapus} pegawai"
        parts = []
        if self.status_lama != self.status_baru:
            parts.append(f"status {STATUS_LABEL.get(self.status_lama, self.status_lama)} → "
                         f"{STATUS_LABEL.get(self.status_baru, self.status_baru)}")
        counts = [(self.ditambah, "pegawai ditambahkan"), (self.dihapus, "pegawai dihapus"),
                  (self.diubah, "keputusan pegawai diubah"), (self.kotak_diubah, "di antaranya kotak"),
                  (self.rencana_suksesi_diubah, "di antaranya rencana suksesi")]
        parts += [f"{count} {what}" for count, what in counts if count]
        if self.rapat_penetapan_diubah:
            parts.append("rapat, penetapan atau catatan rapat diubah")
        return "; ".join(parts)


def _entries(decided: Decisions) -> dict:
    entries = {}
    for person in decided.pegawai:
        entries.setdefault(person.nip, person)  # a repeated NIP is a finding of `kamus validate`
    return entries


def _compare(path: str, old: Decisions | None, new: Decisions | None) -> DecisionChange | None:
    before = _entries(old) if old is not None else {}
    after = _entries(new) if new is not None else {}
    change = DecisionChange(path, (new or old).periode, old.status if old else None, new.status if new else None,
                            ditambah=len(after.keys() - before.keys()), dihapus=len(before.keys() - after.keys()))
    for nip in before.keys() & after.keys():
        a, b = before[nip], after[nip]
        if a != b:
            change.diubah += 1
            change.kotak_diubah += a.kotak != b.kotak
            change.rencana_suksesi_diubah += a.rencana_suksesi != b.rencana_suksesi
    if old is not None and new is not None:
        change.rapat_penetapan_diubah = (old.rapat, old.penetapan, old.catatan) != (new.rapat, new.penetapan,
                                                                                    new.catatan)
        if old.status == new.status and not (change.ditambah or change.dihapus or change.diubah
                                             or change.rapat_penetapan_diubah):
            return None
    return change


def compare_decisions(old: dict[str, Decisions], new: dict[str, Decisions], skip=()) -> list[DecisionChange]:
    """Every decision file (by file name) that was added, removed or changed in meaning; a file
    that one of the versions cannot read (its path in ``skip``) is named as unreadable elsewhere,
    never counted as added or removed."""
    changes = []
    for stem in sorted(old.keys() | new.keys()):
        before, after = old.get(stem), new.get(stem)
        if (before or after).path in skip:
            continue
        change = _compare((after or before).path, before, after)
        if change is not None:
            changes.append(change)
    return changes


def decision_lines(changes: list[DecisionChange], markdown: bool) -> list[str]:
    """The block of the change summary about decisions: one line per file, counts only."""
    code = "`{}`" if markdown else "{}"
    lines = []
    for change in changes:
        warning = ""
        if change.sudah_ditetapkan:
            warning = f"**{WARNING}** — " if markdown else f"PERINGATAN: {WARNING} — "
        lines.append(f"- {warning}{code.format(change.berkas)} (periode {change.periode}): {change.describe()}")
    return lines


def decisions_json(changes: list[DecisionChange]) -> list[dict]:
    return [{"berkas": c.berkas, "periode": c.periode, "status_lama": c.status_lama, "status_baru": c.status_baru,
             "ditambah": c.ditambah, "dihapus": c.dihapus, "diubah": c.diubah, "kotak_diubah": c.kotak_diubah,
             "rencana_suksesi_diubah": c.rencana_suksesi_diubah, "rapat_penetapan_diubah": c.rapat_penetapan_diubah,
             "sudah_ditetapkan": c.sudah_ditetapkan} for c in changes]
