"""The other files of a period, read into what they give each person (by NIP):

- SKP: one row per person and year (`tahun` + predikat or score): e-Kinerja, SIASN rw-skp22;
- assessment per competency (long form: `nip` + competency code or name + assessed level,
  optionally the required level and the gap, and person-level scores repeated on each row);
- assessment summary: one row per person (`nilai_potensi`, its components, competency columns);
- discipline: one row per penalty (SIASN rw-hukdis: jenisTingkatHukumanId R/S/B or its name).

Competency names match the kamus case- and space-insensitively ("Kerjasama", "Orientasi Pada
Hasil"); what was matched that way is said once per file. Nothing here names a person in a
finding: rows are named by file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter

from ...bahasa import angka
from ...rules import finding
from ..matching import name_key
from ..nip import check_nip
from .columns import ASESMEN, HUKDIS, KOMPONEN_POTENSIAL, RINGKASAN, SKP
from .header import Header
from .personal import PersonalValues
from .reader import FileReader
from .values import clean, no_skp, parse_number, predikat, tingkat_hukuman

_YEAR = re.compile(r"^(19|20)\d\d$", re.ASCII)


@dataclass
class Records:
    """What the period's other files give each person, by NIP."""

    skp: dict[str, dict[int, tuple]] = field(default_factory=dict)  # nip → year → (predikat, nilai)
    scores: dict[str, dict[str, object]] = field(default_factory=dict)  # nip → field → value
    levels: dict[str, dict[str, float]] = field(default_factory=dict)  # nip → competency kode → level
    hukdis: dict[str, list[tuple[str, object]]] = field(default_factory=dict)  # nip → [(tingkat, date)]
    files: dict[str, dict[str, int]] = field(default_factory=dict)  # file → nip → its first line


class RecordReader(FileReader):
    """Reads one file of SKP, assessment or discipline rows into :class:`Records`."""

    def __init__(self, table, header: Header, kamus, end, records: Records, uses: frozenset,
                 personal: PersonalValues | None = None):
        super().__init__(table, header, header.index)
        self.kamus, self.end, self.records, self.kind, self.uses = kamus, end, records, header.kind, uses
        self.nips = records.files.setdefault(table.path, {})
        self.nip_cache: dict[str, tuple] = {}
        self.competency_cache: dict[tuple[str, str], str | None] = {}
        self.names: dict[str, tuple[str, set]] = {}  # normalised name → (kode, spellings) matched that way
        self.unknown: dict[str, list] = {}  # competency text → [line, column, rows]
        self.conflicts: dict[tuple, list] = {}  # (what, kode) → [line, column, rows]
        self.skipped: dict[str, list] = {}  # why → [line, rows]
        self.competency_keys = {}
        for competency in kamus.competencies.values():
            self.competency_keys.setdefault(name_key(competency.nama).replace(" ", ""), competency.kode)
        self.handle = {SKP: self.skp, RINGKASAN: self.summary, HUKDIS: self.penalty}.get(self.kind)
        self.level_cache: dict[str, float | None] = {}
        self.personal = personal if personal is not None else PersonalValues()
        self.predikat: dict[str, str | None] = {}
        # a long file repeats the person's values on each of their rows: read them once per person
        self.person_columns = [self.index[name] for name in ("tanggal_asesmen", "nilai_potensi", *KOMPONEN_POTENSIAL)
                               if name in self.index and name in uses]
        self.last_person: tuple = ()

    def nip(self, line, cells) -> str | None:
        position = self.index["nip"]
        raw = cells[position] if position < len(cells) else ""
        found = self.nip_cache.get(raw)
        if found is None:  # once per distinct NIP text: note it and the person's name (see .personal)
            found = self.nip_cache[raw] = check_nip(clean(raw), self.end)
            self.personal.add(raw, self.cell(cells, "nama"))
        nip, problem = found
        if problem is not None:
            self.error(problem.rule, line, self.index["nip"], problem.message, problem.hint)
            return None
        self.nips.setdefault(nip, line)
        return nip

    def skip(self, why: str, line: int) -> None:
        group = self.skipped.setdefault(why, [line, 0])
        group[1] += 1

    def conflict(self, what: str, line: int, column: int) -> None:
        group = self.conflicts.setdefault(what, [line, column, 0])
        group[2] += 1

    def read(self, line: int, cells: list[str]) -> None:
        nip = self.nip(line, cells)
        if nip is not None:
            self.handle(line, cells, nip)

    def read_rows(self, rows, limit: int) -> int | None:
        """Read every row (streamed); the line where reading stopped at ``limit`` findings."""
        if self.kind == ASESMEN:
            return self._long_rows(rows, limit)
        for line, cells in rows:
            self.read(line, cells)
            if len(self.findings) >= limit:
                return line
        return None

    def _long_rows(self, rows, limit: int) -> int | None:
        """:meth:`long` for every row, with what repeats (NIP, competency, level texts) read once:
        a province's assessment is half a million rows."""
        index, findings = self.index, self.findings
        # the four cells every row is read by, in one C call; a missing column reads as the empty cell after the last
        width = len(self.table.header)
        columns = [index["nip"], index.get("kompetensi", width), index.get("nama_kompetensi", width), index["asesmen"]]
        four, persons = itemgetter(*columns), itemgetter(*self.person_columns, columns[0]) if self.person_columns else None
        nips, competencies, levels_of = self.nip_cache, self.competency_cache, self.level_cache
        all_levels, last = self.records.levels, None
        for line, cells in rows:
            if len(cells) <= width:
                cells = cells + [""] * (width + 1 - len(cells))
            raw_nip, code, name, level_text = four(cells)
            found = nips.get(raw_nip)
            if found is None or found[1] is not None:
                nip = self.nip(line, cells)
                if nip is None:
                    if len(findings) >= limit:
                        return line
                    continue
            else:
                nip = found[0]
                if nip not in self.nips:
                    self.nips[nip] = line
            dated = False
            if persons is not None and (person := persons(cells)) != last:  # the person's values, once per person
                last = person
                dated = self.person_scores(line, cells, nip)
            kode = competencies.get((code, name))
            if kode is None:
                kode = self.competency(cells)
            if kode[0] is None:
                group = self.unknown.setdefault(kode[1], [line, index.get("nama_kompetensi", index.get(
                    "kompetensi")), 0])
                group[2] += 1
                continue
            level = levels_of.get(level_text, self)
            if level is self:
                level = self.number(line, cells, "asesmen", 0, 5)
                if level is not None or not clean(level_text):
                    levels_of[level_text] = level
            if level is not None:
                levels = all_levels.get(nip)
                if levels is None:
                    levels = all_levels[nip] = {}
                if kode[0] in levels and levels[kode[0]] != level and not dated:
                    self.conflict(f"level {kode[0]}", line, index["asesmen"])
                levels[kode[0]] = level
            if len(findings) >= limit:
                return line
        return None

    # --- the kinds -----------------------------------------------------------------------

    def skp(self, line, cells, nip) -> None:
        if self.cell(cells, "bulan_skp"):
            self.skip("penilaian periodik (bulan_skp terisi), bukan SKP tahunan", line)
            return
        text = self.cell(cells, "tahun")
        if not _YEAR.match(text):
            self.error("SNAPSHOT-VALUE", line, self.index["tahun"],
                       f"`{self.header.label('tahun')}` bernilai `{text}`, harus tahun (misalnya 2024)")
            return
        year = int(text)
        if year > self.end.year:
            self.skip(f"SKP tahun setelah periode ({self.end.year})", line)
            return
        words = self.cell(cells, "predikat_kinerja")
        value = self.predikat.get(words, self)
        if value is self:  # a handful of distinct texts
            value = self.predikat[words] = predikat(words) if words and "predikat_kinerja" in self.uses else ""
        if words and value is None:
            if no_skp(words):
                self.skip(f"tertulis `{words}`", line)
                return
            self.error("SNAPSHOT-PREDIKAT", line, self.index["predikat_kinerja"],
                       f"predikat kinerja `{words}` tidak dikenal")
            return
        score = self.number(line, cells, "nilai_kinerja", 0, 100) if "nilai_kinerja" in self.uses else None
        if not value and score is None:
            self.skip("predikat kosong", line)
            return
        years = self.records.skp.setdefault(nip, {})
        if year in years and years[year] != (value, score):
            self.conflict(f"SKP tahun {year}", line, self.index.get("predikat_kinerja", self.index["tahun"]))
        years[year] = (value, score)

    def competency(self, cells) -> tuple[str | None, str]:
        """(kamus kode, the text it was read from) of a row's competency: by code, else by name."""
        key = (self.raw(cells, "kompetensi"), self.raw(cells, "nama_kompetensi"))
        found = self.competency_cache.get(key)
        if found is None:
            code, name = clean(key[0]), clean(key[1])
            found = self.competency_cache[key] = (self._competency(code, name), name or code)
        return found

    def raw(self, cells, name) -> str:
        position = self.index.get(name)
        return cells[position] if position is not None and position < len(cells) else ""

    def _competency(self, code: str, name: str) -> str | None:
        if code in self.kamus.competencies:
            return code
        key = name_key(name).replace(" ", "") if name else ""
        kode = self.competency_keys.get(key)
        if kode is not None:
            spelled = self.names.setdefault(key, (kode, set()))[1]
            if name.strip() != self.kamus.competencies[kode].nama:
                spelled.add(name.strip())
        return kode

    def levels(self, line, nip, kode, level, dated) -> None:
        levels = self.records.levels.setdefault(nip, {})
        if kode in levels and levels[kode] != level and not dated:
            self.conflict(f"level {kode}", line, self.index["asesmen"])
        levels[kode] = level

    def person_scores(self, line, cells, nip) -> bool:
        """The person-level values of a row (repeated on every row of the person in a long
        file); True when the row is dated later than what was read before (it replaces it)."""
        values = (nip, *(cells[i] if i < len(cells) else "" for i in self.person_columns))
        if values == self.last_person:
            return False  # the same person's row again, the same values
        self.last_person = values
        scores = self.records.scores.setdefault(nip, {})
        later = False
        if "tanggal_asesmen" in self.uses and "tanggal_asesmen" in self.index:
            when = self.date(line, cells, "tanggal_asesmen")
            if when is not None:
                before = scores.get("tanggal_asesmen")
                later = before is not None and before != when
                scores["tanggal_asesmen"] = when
        for name in ("nilai_potensi", *KOMPONEN_POTENSIAL):
            if name in self.uses and name in self.index:
                value = self.number(line, cells, name, 0, 100)
                if value is not None:
                    if scores.get(name, value) != value and not later:
                        self.conflict(f"`{self.header.label(name)}`", line, self.index[name])
                    scores[name] = value
        return later

    def summary(self, line, cells, nip) -> None:
        self.person_scores(line, cells, nip)
        for kode, position in self.header.competencies if "asesmen" in self.uses else ():
            text = clean(cells[position]) if position < len(cells) else ""
            if text:
                value = parse_number(text)
                if value is None or not 0 <= value <= 5:
                    self.error("SNAPSHOT-VALUE", line, position, f"level `{kode}` bernilai `{text}`, harus bilangan 0–5")
                else:
                    self.levels(line, nip, kode, value, False)

    def penalty(self, line, cells, nip) -> None:
        text = self.cell(cells, "hukuman_disiplin") or self.cell(cells, "nama_hukuman")
        tingkat = tingkat_hukuman(text) if text else None
        if tingkat is None:
            column = self.index.get("hukuman_disiplin", self.index.get("nama_hukuman"))
            self.error("SNAPSHOT-VALUE", line, column, f"tingkat hukuman disiplin `{text}` tidak dikenal",
                       "Tulis R (ringan), S (sedang) atau B (berat) seperti jenisTingkatHukumanId SIASN, atau nama "
                       "hukumannya (misalnya TEGURAN TERTULIS).")
            return
        when = self.date(line, cells, "tanggal_hukuman") if self.cell(cells, "tanggal_hukuman") else \
            self.date(line, cells, "tanggal_sk_hukuman")
        self.records.hukdis.setdefault(nip, []).append((tingkat, when))

    # --- the end of the file ---------------------------------------------------------------

    def finish(self) -> None:
        dates = self.dates
        self.date_findings()
        if dates.pending:
            for nip in self.nips:
                scores = self.records.scores.get(nip)
                if scores and "tanggal_asesmen" in scores:
                    scores["tanggal_asesmen"] = dates.resolve(scores["tanggal_asesmen"])
                if nip in self.records.hukdis:
                    self.records.hukdis[nip] = [(t, dates.resolve(d)) for t, d in self.records.hukdis[nip]]
        line = self.header.line
        if self.names:
            spelled = "; ".join(f"{', '.join(f'`{s}`' for s in sorted(names))} → `{kode}`"
                                for kode, names in sorted(self.names.values()) if names)
            if spelled:
                self.findings.append(finding("SNAPSHOT-SOURCE", self.path, line, 1,
                                             f"nama kompetensi dicocokkan tanpa membedakan huruf besar dan spasi: "
                                             f"{spelled}"))
        for text, (first, column, rows) in sorted(self.unknown.items(), key=lambda item: item[1][:2]):
            self.findings.append(finding("SNAPSHOT-KOMPETENSI", self.path, first, column + 1,
                                         f"kompetensi `{text}` ({angka(rows)} baris) tidak ada di kamus; nilainya "
                                         "tidak dipakai",
                                         "Bila itu kompetensi kamus yang ditulis lain, tulis kodenya (misalnya M.2) "
                                         "atau namanya seperti di kamus."))
        for what, (first, column, rows) in sorted(self.conflicts.items(), key=lambda item: item[1][:2]):
            self.findings.append(finding("SNAPSHOT-RECORD-CONFLICT", self.path, first, column + 1,
                                         f"{what}: {angka(rows)} pegawai punya dua nilai berbeda (pertama baris "
                                         f"{first}); dipakai baris yang terakhir",
                                         "Sisakan satu SKP per pegawai per tahun." if self.kind == SKP else
                                         "Sisakan satu baris per pegawai (atau isi tanggal_asesmen agar yang terbaru "
                                         "dipakai)."))
        for why, (first, rows) in sorted(self.skipped.items(), key=lambda item: item[1]):
            self.findings.append(finding("SNAPSHOT-SOURCE", self.path, first, 1,
                                         f"{angka(rows)} baris tidak dipakai: {why}"))
