"""Jenis jabatan (jenjang): the fixed list, labels and the default manajerial standard."""

from __future__ import annotations

# (kode, label, default minimum manajerial level); order = from the top down.
_JENJANG = [
    ("jpt_utama", "JPT Utama", 5),
    ("jpt_madya", "JPT Madya", 5),
    ("jpt_pratama", "JPT Pratama", 4),
    ("administrator", "Administrator", 3),
    ("pengawas", "Pengawas", 2),
    ("pelaksana", "Pelaksana", 1),
    ("fungsional_ahli_utama", "Fungsional Ahli Utama", 4),
    ("fungsional_ahli_madya", "Fungsional Ahli Madya", 3),
    ("fungsional_ahli_muda", "Fungsional Ahli Muda", 2),
    ("fungsional_ahli_pertama", "Fungsional Ahli Pertama", 1),
    ("fungsional_penyelia", "Fungsional Penyelia", 1),
    ("fungsional_mahir", "Fungsional Mahir", 1),
    ("fungsional_terampil", "Fungsional Terampil", 1),
    ("fungsional_pemula", "Fungsional Pemula", 1),
]

JENJANG: tuple[str, ...] = tuple(row[0] for row in _JENJANG)
LABEL: dict[str, str] = {row[0]: row[1] for row in _JENJANG}
DEFAULT_STANDARD: dict[str, int] = {row[0]: row[2] for row in _JENJANG}

# Rank on one career ladder (1 = highest) for "the jenjang just below" in succession
# planning. Fungsional tiers sit beside the structural tier they are usually equated with
# (practice, not regulation: see README).
RANK: dict[str, int] = {
    "jpt_utama": 1, "jpt_madya": 2, "jpt_pratama": 3, "fungsional_ahli_utama": 3,
    "administrator": 4, "fungsional_ahli_madya": 4, "pengawas": 5, "fungsional_ahli_muda": 5,
    "fungsional_penyelia": 5, "pelaksana": 6, "fungsional_ahli_pertama": 6, "fungsional_mahir": 6,
    "fungsional_terampil": 6, "fungsional_pemula": 7,
}
