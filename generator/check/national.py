"""KOMPETENSI-NASIONAL-BEDA: the national competencies word for word.

The manajerial and sosial kultural competencies are one national set: their text is the
Lampiran of PermenPANRB 38/2017, shipped as reference data in ``reference/``. A kamus
that paraphrases them would enact an approximation, so every definition, level
description and indicator that differs from the reference is a warning (``--strict``
makes it fail). Differences that change nothing a reader sees are not differences:
whitespace, the style of quotation marks, a leading item number ("1.1.") and the
punctuation that closes an item (";", ".").
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from ..load import Document, load_file
from ..load.document import ANY
from ..model import Competency
from ..model.builder import competency_from
from ..resources import resource
from ..rules import finding

REFERENCE = "reference/permenpanrb-38-2017.yaml"
NATIONAL_KINDS = ("manajerial", "sosial_kultural")

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
                         "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'"})
_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\.?(?=\s|[^\d.])")
_CLOSING = re.compile(r"[\s.;,:]+$")
_SPACE = re.compile(r"\s+")


def comparable(text: str) -> str:
    """``text`` as compared with the reference: no item number, closing punctuation,
    whitespace or quote style."""
    text = _NUMBER.sub("", str(text).translate(_QUOTES))
    return _SPACE.sub("", _CLOSING.sub("", text))


def loose_name(name: str) -> str:
    """Names compare case- and space-insensitively ("Kerjasama" = "Kerja Sama")."""
    return _SPACE.sub("", str(name)).casefold()


@dataclass(frozen=True)
class NationalText:
    """The reference: where it comes from and the competencies, by kode."""

    singkat: str  # short citation, e.g. "Lampiran PermenPANRB Nomor 38 Tahun 2017"
    peraturan: str  # full title of the regulation
    competencies: dict  # kode → Competency

    def match(self, competency: Competency) -> Competency | None:
        """The national competency a kamus competency stands for: by kode, else by name."""
        if competency.jenis not in NATIONAL_KINDS:
            return None
        found = self.competencies.get(competency.kode)
        if found is None:
            name = loose_name(competency.nama)
            found = next((c for c in self.competencies.values() if loose_name(c.nama) == name), None)
        return found if found is not None and found.jenis == competency.jenis else None


@lru_cache(maxsize=1)
def national_text() -> NationalText:
    """The shipped reference text, read once (a broken installation is a ConfigError)."""
    path = resource(REFERENCE)
    doc, problems = load_file(path, REFERENCE)
    if doc is None or problems or not isinstance(doc.data, dict):
        raise ConfigError(f"teks rujukan kompetensi nasional '{path}' tidak dapat dibaca; pasang ulang Kamus.")
    competencies = {}
    for index, item in enumerate(doc.data["kompetensi"]):
        entry = Document(REFERENCE, item, {k[2:]: v for k, v in doc.values.items() if k[:2] == ("kompetensi", index)})
        competencies[item["kode"]] = competency_from(entry)
    source = doc.data["sumber"]
    return NationalText(source["singkat"], source["peraturan"], competencies)


def _changed_words(found: str, official: str) -> str:
    """The first run of words that differs, as «found» → «official» (for the message)."""
    a, b = str(found).split(), str(official).split()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            old, new = " ".join(a[i1:i2]) or "(tidak ada)", " ".join(b[j1:j2]) or "(tidak ada)"
            return f"«{old[:80]}» seharusnya «{new[:80]}»"
    return "tanda baca atau huruf besar/kecil berbeda"


def _differs(competency: Competency, where: tuple, label: str, found: str, official: str, source: str) -> list:
    if comparable(found) == comparable(official) or not competency.source.intact(where):
        return []  # the same, or a text the schema rejected (reported there)
    doc = competency.source
    return [finding("KOMPETENSI-NASIONAL-BEDA", doc.path, *doc.where(where),
                    f"{label} `{competency.kode}` berbeda dari teks resmi {source}: {_changed_words(found, official)}",
                    f"Salin teks resmi kata demi kata: “{official}”")]


def compare_competency(competency: Competency, official: Competency, source: str) -> list:
    """Every place where ``competency`` differs from the national text ``official``."""
    doc, found = competency.source, []
    if loose_name(competency.nama) != loose_name(official.nama) and doc.intact(("nama",)):
        found.append(finding("KOMPETENSI-NASIONAL-BEDA", doc.path, *doc.where(("nama",)),
                             f"nama `{competency.kode}` “{competency.nama}” berbeda dari nama resmi "
                             f"“{official.nama}” dalam {source}",
                             f"Tulis `nama: {official.nama}`."))
    found += _differs(competency, ("definisi",), "definisi", competency.definisi, official.definisi, source)
    if not doc.intact(("level", ANY, "level")):
        return found  # which level is which is not known
    levels = {lv.level: index for index, lv in enumerate(competency.level)}
    for level in official.level:
        if level.level not in levels:
            found.append(finding("KOMPETENSI-NASIONAL-BEDA", doc.path, *doc.where(("level",), key=True),
                                 f"`{competency.kode}` tidak memuat level {level.level} dari {source}",
                                 f"Tambahkan level {level.level}: “{level.deskripsi}”."))
            continue
        index = levels[level.level]
        mine = competency.level[index]
        found += _differs(competency, ("level", index, "deskripsi"), f"deskripsi level {level.level}",
                          mine.deskripsi, level.deskripsi, source)
        if not doc.intact(("level", index, "indikator")):
            continue
        for number, official_item in enumerate(level.indikator):
            if number >= len(mine.indikator):
                found.append(finding("KOMPETENSI-NASIONAL-BEDA", doc.path,
                                     *doc.where(("level", index, "indikator"), key=True),
                                     f"level {level.level} `{competency.kode}` tidak memuat indikator {number + 1} "
                                     f"dari {source}",
                                     f"Tambahkan indikator: “{official_item}”"))
                continue
            found += _differs(competency, ("level", index, "indikator", number),
                              f"indikator {number + 1} level {level.level}", mine.indikator[number],
                              official_item, source)
        for number in range(len(level.indikator), len(mine.indikator)):
            found.append(finding("KOMPETENSI-NASIONAL-BEDA", doc.path, *doc.where(("level", index, "indikator", number)),
                                 f"indikator {number + 1} level {level.level} `{competency.kode}` tidak ada dalam "
                                 f"{source}", "Hapus indikator ini; teks nasional tidak boleh ditambah."))
    return found


def check_national_text(kamus) -> list:
    """KOMPETENSI-NASIONAL-BEDA for every berlaku manajerial and sosial kultural competency."""
    reference = national_text()
    found = []
    for competency in kamus.competencies.values():
        official = reference.match(competency) if competency.berlaku else None
        if official is not None and competency.source is not None:
            found += compare_competency(competency, official, reference.singkat)
    return found
