"""Jenjang jabatan: the fixed list, labels and the default manajerial standard."""

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
# The pangkat of each golongan ruang (PP 99/2000 jo. PP 12/2002, Lampiran I), as an SK names them.
PANGKAT: tuple[str, ...] = ("Juru Muda", "Juru Muda Tingkat I", "Juru", "Juru Tingkat I", "Pengatur Muda",
                            "Pengatur Muda Tingkat I", "Pengatur", "Pengatur Tingkat I", "Penata Muda",
                            "Penata Muda Tingkat I", "Penata", "Penata Tingkat I", "Pembina", "Pembina Tingkat I",
                            "Pembina Utama Muda", "Pembina Utama Madya", "Pembina Utama")
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
# --- Succession requirements of PP 11/2017 as amended by PP 17/2020, per target jenjang ---
# Every table is the default of a setting in kamus.yaml (`talenta.suksesi`); `None` means the
# regulation sets nothing nationally for that jenjang (the check is then "tidak diatur").
# Sources and the wording used are listed in the README ("Sources of the regulation facts").

PP_11 = "PP 11/2017 jo. PP 17/2020"

# The ladder of jabatan administrasi and JPT, from the top down: each is a *tingkat*.
TINGKAT: tuple[str, ...] = ("jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas", "pelaksana")
# The jabatan fungsional "yang setingkat dengan" each tingkat (Pasal 54: "JF yang setingkat dengan
# Jabatan pengawas", Pasal 55: "JF yang setingkat dengan Jabatan pelaksana"). No regulation tabulates
# it; this reading follows the penyetaraan (PermenPANRB 17/2021: administrator → ahli madya, pengawas →
# ahli muda, eselon V → ahli pertama) and the perpindahan antarjabatan (PermenPANRB 1/2023: pelaksana →
# JF keterampilan and ahli pertama; JPT → ahli utama, ahli utama → JPT pratama). A setting
# (`talenta.suksesi.setingkat`); README "Sources of the regulation facts".
SETINGKAT: dict[str, tuple[str, ...] | None] = {
    "jpt_pratama": ("fungsional_ahli_utama",),
    "administrator": ("fungsional_ahli_madya",),
    "pengawas": ("fungsional_ahli_muda",),
    "pelaksana": ("fungsional_ahli_pertama", "fungsional_penyelia", "fungsional_mahir", "fungsional_terampil",
                  "fungsional_pemula"),
}
# In a list of feeders, `setingkat_<tingkat>` stands for the tingkat itself and every JF setingkat with it.
SETINGKAT_PREFIX = "setingkat_"

# Whose experience a post requires ("sedang atau pernah menduduki ..."): the feeder ladder. Pasal 107
# names the jenjang of a JPT's feeders; Pasal 54 and 55 name a tingkat and the JF setingkat with it.
JENJANG_PENGISI: dict[str, tuple[str, ...] | None] = {
    "jpt_utama": ("jpt_madya", "fungsional_ahli_utama"),
    "jpt_madya": ("jpt_pratama", "fungsional_ahli_utama"),
    "jpt_pratama": ("administrator", "fungsional_ahli_madya"),
    "administrator": ("setingkat_pengawas",),
    "pengawas": ("setingkat_pelaksana",),
}
# How long in the feeder jenjang (years).
MASA_JABATAN_MINIMAL: dict[str, float | None] = {
    "jpt_utama": 2, "jpt_madya": 2, "jpt_pratama": 2, "administrator": 3, "pengawas": 4}
# The article each requirement of a target jenjang comes from, in the regulation's words.
DASAR_PENGISI: dict[str, str] = {
    "jpt_utama": f"{PP_11} Pasal 107 huruf a: sedang atau pernah menduduki JPT madya atau JF jenjang ahli "
                 "utama paling singkat 2 (dua) tahun",
    "jpt_madya": f"{PP_11} Pasal 107 huruf b: sedang atau pernah menduduki JPT pratama atau JF jenjang ahli "
                 "utama paling singkat 2 (dua) tahun",
    "jpt_pratama": f"{PP_11} Pasal 107 huruf c: sedang atau pernah menduduki Jabatan administrator atau JF "
                   "jenjang ahli madya paling singkat 2 (dua) tahun",
    "administrator": f"{PP_11} Pasal 54: memiliki pengalaman pada Jabatan pengawas paling singkat 3 (tiga) "
                     "tahun atau JF yang setingkat dengan Jabatan pengawas",
    "pengawas": f"{PP_11} Pasal 55: memiliki pengalaman dalam Jabatan pelaksana paling singkat 4 (empat) tahun "
                "atau JF yang setingkat dengan Jabatan pelaksana",
}

# Batas Usia Pensiun (Pasal 239 ayat (2)).
BATAS_USIA_PENSIUN: dict[str, int] = {
    **{j: 58 for j in JENJANG}, "jpt_utama": 60, "jpt_madya": 60, "jpt_pratama": 60,
    "fungsional_ahli_madya": 60, "fungsional_ahli_utama": 65}
DASAR_BUP = (f"{PP_11} Pasal 239 ayat (2): 58 tahun bagi pejabat administrasi, pejabat fungsional ahli muda, "
             "ahli pertama dan keterampilan; 60 tahun bagi pejabat pimpinan tinggi dan pejabat fungsional madya; "
             "65 tahun bagi pejabat fungsional ahli utama")

# "usia paling tinggi" for a PNS to be appointed to a JPT (Pasal 107).
USIA_MAKSIMAL: dict[str, int | None] = {"jpt_utama": 58, "jpt_madya": 58, "jpt_pratama": 56}
DASAR_USIA = (f"{PP_11} Pasal 107: usia paling tinggi 58 (lima puluh delapan) tahun untuk JPT utama dan JPT madya, "
              "56 (lima puluh enam) tahun untuk JPT pratama")

# "kualifikasi pendidikan paling rendah" (Pasal 54, 55, 76 and 107).
PENDIDIKAN_MINIMAL: dict[str, str | None] = {
    "jpt_utama": "S1", "jpt_madya": "S1", "jpt_pratama": "S1", "administrator": "S1", "pengawas": "D-III",
    "fungsional_ahli_utama": "S1", "fungsional_ahli_madya": "S1", "fungsional_ahli_muda": "S1",
    "fungsional_ahli_pertama": "S1"}
DASAR_PENDIDIKAN = (f"{PP_11} Pasal 107 (JPT) dan Pasal 54 (administrator): paling rendah sarjana atau diploma IV; "
                    "Pasal 55 (pengawas): paling rendah diploma III; Pasal 76 (JF keahlian): paling rendah "
                    "sarjana atau diploma IV")

# The lowest pangkat of each JF jenjang. The pangkat of JPT pratama and jabatan administrasi is
# set by each instansi (Pasal 48 ayat (2)), so it has no national default.
PANGKAT_MINIMAL: dict[str, str | None] = {kode: low for kode, (low, _) in PANGKAT_JF.items()}
def dasar_pangkat(target: str) -> str:
    """Where the lowest pangkat for ``target`` comes from, cited the same way wherever it is
    applied (the rule's `dasar`, an exclusion, a decision finding): the regulation, then the
    setting that holds it."""
    if target in PANGKAT_JF:
        return (f"pangkat terendah jenjang {LABEL[target]} sebagai jabatan fungsional "
                "(talenta.suksesi.pangkat_minimal)")
    return (f"pangkat JPT pratama dan jabatan administrasi ditetapkan instansi ({PP_11} Pasal 48 ayat (2); "
            "talenta.suksesi.pangkat_minimal)")


# The article of PP 11/2017 (as amended) with the requirements of each target jenjang.
PASAL_SYARAT: dict[str, str] = {
    "jpt_utama": "Pasal 107 huruf a", "jpt_madya": "Pasal 107 huruf b", "jpt_pratama": "Pasal 107 huruf c",
    "administrator": "Pasal 54", "pengawas": "Pasal 55", "fungsional_ahli_utama": "Pasal 76",
    "fungsional_ahli_madya": "Pasal 76", "fungsional_ahli_muda": "Pasal 76", "fungsional_ahli_pertama": "Pasal 76"}


# The words that name a jenjang in a Kelompok Jabatan or a jabatan's name, the JPT first.
_JENJANG_WORDS = (("pimpinan tinggi utama", "jpt_utama"), ("jpt utama", "jpt_utama"),
                  ("pimpinan tinggi madya", "jpt_madya"), ("jpt madya", "jpt_madya"),
                  ("pimpinan tinggi pratama", "jpt_pratama"), ("jpt pratama", "jpt_pratama"),
                  ("administrator", "administrator"), ("pengawas", "pengawas"), ("pelaksana", "pelaksana"),
                  ("ahli utama", "fungsional_ahli_utama"), ("ahli madya", "fungsional_ahli_madya"),
                  ("ahli muda", "fungsional_ahli_muda"), ("ahli pertama", "fungsional_ahli_pertama"),
                  ("penyelia", "fungsional_penyelia"), ("mahir", "fungsional_mahir"),
                  ("terampil", "fungsional_terampil"), ("pemula", "fungsional_pemula"))


def jenjang_in_words(kelompok: str, nama: str) -> str | None:
    """The jenjang the words of a Kelompok Jabatan (or a JENIS JABATAN) name; of a jabatan
    fungsional (or when the kelompok says nothing) the jenjang at the end of its name: "Perawat
    Ahli Pertama", "Pranata Komputer Terampil"."""
    text = " ".join(kelompok.casefold().split())
    for word, jenjang in _JENJANG_WORDS:
        if word in text:
            return jenjang
    if not text or "fungsional" in text:
        name = " ".join(nama.casefold().split())
        for word, jenjang in _JENJANG_WORDS[10:]:
            if word in name:
                return jenjang
    return None
