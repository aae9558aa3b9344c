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

# Kelompok jabatan in the words of the regulation (UU ASN, PermenPANRB 38/2017), and each
# jenjang's name within its kelompok: the SKJ's "Kelompok Jabatan" row prints both.
KELOMPOK: dict[str, str] = {kode: ("Jabatan Pimpinan Tinggi" if kode.startswith("jpt_") else
                                   "Jabatan Fungsional" if kode.startswith("fungsional_") else "Jabatan Administrasi")
                            for kode in JENJANG}
JENJANG_DALAM_KELOMPOK: dict[str, str] = {kode: (LABEL[kode] if kode.startswith("jpt_") else
                                                 LABEL[kode].removeprefix("Fungsional "))
                                          for kode in JENJANG}


def kelompok_jabatan(kode: str) -> str:
    """"Jabatan Fungsional (Ahli Muda)": the kelompok with the jenjang beside it."""
    return f"{KELOMPOK[kode]} ({JENJANG_DALAM_KELOMPOK[kode]})" if kode in KELOMPOK else kode


# Golongan ruang, lowest first, and the range each jenjang of jabatan fungsional holds
# (shared/domain.md, "Pangkat per JF jenjang").
GOLONGAN: tuple[str, ...] = ("I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
                             "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e")
PANGKAT_JF: dict[str, tuple[str, str]] = {
    "fungsional_pemula": ("II/a", "II/a"), "fungsional_terampil": ("II/b", "II/d"),
    "fungsional_mahir": ("III/a", "III/b"), "fungsional_penyelia": ("III/c", "III/d"),
    "fungsional_ahli_pertama": ("III/a", "III/b"), "fungsional_ahli_muda": ("III/c", "III/d"),
    "fungsional_ahli_madya": ("IV/a", "IV/c"), "fungsional_ahli_utama": ("IV/d", "IV/e"),
}


def golongan_range(kode: str) -> tuple[str, ...]:
    """The golongan ruang a jenjang of jabatan fungsional holds (empty for other jenjang)."""
    if kode not in PANGKAT_JF:
        return ()
    low, high = PANGKAT_JF[kode]
    return GOLONGAN[GOLONGAN.index(low):GOLONGAN.index(high) + 1]
