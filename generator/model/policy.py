"""The talent policy: kamus.yaml `talenta` as typed settings, part of the model (`Config.talenta`).

Every threshold and weight is a setting with a documented default, and the defaults are
written once, as the defaults of the dataclass fields below (the per-jenjang ones in
:mod:`generator.jenjang`): :func:`settings_from` fills in whatever kamus.yaml leaves out,
and a test checks that the schema's "Bawaan …" texts say the same. There are no national
thresholds (shared/domain.md), so every result states the policy that produced it
(:mod:`generator.talent.statement`). Bands are half-open: a score equal to a threshold
belongs to the higher band.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields, is_dataclass

from .. import jenjang

KINERJA = ("di_bawah", "sesuai", "di_atas")
POTENSIAL = ("rendah", "menengah", "tinggi")
KINERJA_LABEL = {"di_atas": "di atas ekspektasi", "sesuai": "sesuai ekspektasi", "di_bawah": "di bawah ekspektasi"}
AXIS_LEVELS = {"kinerja": KINERJA, "potensial": POTENSIAL}  # each axis, low to high
AXIS_LABEL = {"kinerja": KINERJA_LABEL, "potensial": {p: p for p in POTENSIAL}}
PREDIKAT = ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Kurang/Misconduct", "Sangat Kurang")
# How good each predikat is, for "paling kurang bernilai baik" (PermenPANRB 6/2022 grades Kurang and
# Kurang/Misconduct alike).
PREDIKAT_RANK = {"Sangat Baik": 5, "Baik": 4, "Butuh Perbaikan": 3, "Kurang": 2, "Kurang/Misconduct": 2,
                 "Sangat Kurang": 1}

# Box numbers are fixed (shared/domain.md); only the drawing's orientation varies.
KOTAK = {("di_atas", "tinggi"): 9, ("sesuai", "tinggi"): 8, ("di_atas", "menengah"): 7,
       ("di_bawah", "tinggi"): 6, ("sesuai", "menengah"): 5, ("di_atas", "rendah"): 4,
       ("di_bawah", "menengah"): 3, ("sesuai", "rendah"): 2, ("di_bawah", "rendah"): 1}
SUMBU_KOTAK = {box: axes for axes, box in KOTAK.items()}
# Tindak lanjut per kotak as the figure "Kotak Manajemen Talenta" of the Lampiran of PermenPANRB
# 3/2020 lists them (its text as transcribed alike by six independent applications; the figure
# itself is an image): the default of `talenta.tindak_lanjut`, keyed by the kotak as kamus.yaml writes it.
TINDAK_LANJUT = {
    "9": ("Dipromosikan dan dipertahankan", "Masuk Kelompok Rencana Suksesi Instansi/Nasional", "Penghargaan"),
    "8": ("Dipertahankan", "Masuk Kelompok Rencana Suksesi Instansi", "Rotasi/Perluasan jabatan", "Bimbingan kinerja"),
    "7": ("Dipertahankan", "Masuk Kelompok Rencana Suksesi Instansi", "Rotasi/Pengayaan jabatan",
          "Pengembangan kompetensi", "Tugas belajar"),
    "6": ("Penempatan yang sesuai", "Bimbingan kinerja", "Konseling kinerja"),
    "5": ("Penempatan yang sesuai", "Bimbingan kinerja", "Pengembangan kompetensi"),
    "4": ("Rotasi", "Pengembangan kompetensi"),
    "3": ("Bimbingan kinerja", "Konseling kinerja", "Pengembangan kompetensi", "Penempatan yang sesuai"),
    "2": ("Bimbingan kinerja", "Pengembangan kompetensi", "Penempatan yang sesuai"),
    "1": ("Diproses sesuai ketentuan peraturan perundangan",),
}
SUMBER_TINDAK_LANJUT = "gambar Kotak Manajemen Talenta, Lampiran PermenPANRB 3/2020 (transkripsi)"


KATEGORI_PEMETAAN = ("Optimal", "Cukup Optimal", "Kurang Optimal")
KATEGORI_SELEKSI = ("MS", "MMS", "KMS")
TIDAK_LENGKAP = "tidak lengkap"  # the category of a JPM that could not be computed


def _band(value: float, upper: float, lower: float, names: tuple[str, str, str]) -> str:
    """Half-open bands: [upper, ∞) → names[0], [lower, upper) → names[1], below → names[2]."""
    if value >= upper:
        return names[0]
    return names[1] if value >= lower else names[2]


@dataclass(frozen=True)
class NilaiKinerja:
    di_atas: float = 85
    sesuai: float = 70


@dataclass(frozen=True)
class NilaiPotensi:
    tinggi: float = 80
    menengah: float = 68


@dataclass(frozen=True)
class Pemetaan:
    optimal: float = 90
    cukup_optimal: float = 78


@dataclass(frozen=True)
class Seleksi:
    ms: float = 80
    mms: float = 68


@dataclass(frozen=True)
class Jpm:
    # Kinds beyond the wajib ones: False (never), True (always: unassessed makes the JPM incomplete),
    # "bila_diases" (where assessed; PermenPANRB 20/2025 Pasal 17 ayat (2) huruf c)
    sertakan_teknis: bool | str = "bila_diases"
    # "per_kompetensi": each level counted at most at the required one (kebijakan instansi, not a
    # documented BKN rule); False: uncapped; True: the total capped at 100%
    batasi_100: bool | str = "per_kompetensi"
    pemetaan: Pemetaan = Pemetaan()
    seleksi: Seleksi = Seleksi()

    @property
    def per_kompetensi(self) -> bool:
        return self.batasi_100 == "per_kompetensi"

    @property
    def batasi_total(self) -> bool:
        return self.batasi_100 is True


@dataclass(frozen=True)
class BobotPotensial:
    """Weights of the potensial components (PermenPANRB 3/2020 as amended by 20/2025, Pasal 17)."""

    penilaian_kompetensi: float = 1
    penilaian_potensi: float = 1
    rekam_jejak: float = 1


@dataclass(frozen=True)
class Pengembangan:
    jp_minimal: float = 20  # JP of competency development a year (PP 11/2017 jo. PP 17/2020 Pasal 203)


@dataclass(frozen=True)
class PenetapanAkpk:
    """Where one period's AKPK stands (kamus.yaml `talenta.akpk.<periode>`): a draft until the PPK
    sets it (PP 11/2017 jo. PP 17/2020 Pasal 207 ayat (2)), then with the decree's nomor and tanggal."""

    status: str = "draf"  # draf | ditetapkan
    nomor: str = ""
    tanggal: str = ""

    @property
    def ditetapkan(self) -> bool:
        return self.status == "ditetapkan"

    def text(self) -> str:
        if self.ditetapkan:
            return f"ditetapkan PPK dengan nomor {self.nomor} tanggal {self.tanggal}"
        return "draf, belum ditetapkan PPK (PP 11/2017 jo. PP 17/2020 Pasal 207 ayat (2))"


@dataclass(frozen=True)
class HukumanDisiplin:
    tingkat: tuple = ("sedang", "berat")
    tahun: float = 2


@dataclass(frozen=True)
class KinerjaMinimal:
    """The kelompok rencana suksesi holds PNS with "penilaian kinerja paling kurang bernilai baik dalam
    2 (dua) tahun terakhir" (PP 11/2017 jo. PP 17/2020 Pasal 199 ayat (2) huruf c). `tahun: 0` switches
    the rule off."""

    predikat: str = "Baik"
    tahun: int = 2


@dataclass(frozen=True)
class Suksesi:
    hanya_jenjang_di_bawah: bool = False
    jumlah_kandidat: int = 10
    # tingkat → the jabatan fungsional setingkat with it (the one table of equivalence, jenjang.SETINGKAT)
    setingkat: dict = field(default_factory=lambda: dict(jenjang.SETINGKAT))
    # Per target jenjang (defaults from PP 11/2017 as amended by PP 17/2020, see generator/jenjang.py).
    jenjang_pengisi: dict = field(default_factory=lambda: dict(jenjang.JENJANG_PENGISI))
    masa_jabatan_minimal_tahun: dict = field(default_factory=lambda: dict(jenjang.MASA_JABATAN_MINIMAL))
    batas_usia_pensiun: dict = field(default_factory=lambda: dict(jenjang.BATAS_USIA_PENSIUN))
    masa_kerja_tersisa_tahun: float = 2  # before the target post's BUP, after the end of the period
    usia_maksimal: dict = field(default_factory=lambda: dict(jenjang.USIA_MAKSIMAL))
    pendidikan_minimal: dict = field(default_factory=lambda: dict(jenjang.PENDIDIKAN_MINIMAL))
    pangkat_minimal: dict = field(default_factory=lambda: dict(jenjang.PANGKAT_MINIMAL))

    def members(self, tingkat: str) -> tuple[str, ...]:
        """The jenjang of ``tingkat``: the tingkat itself and the jabatan fungsional setingkat with it."""
        return (tingkat, *(self.setingkat.get(tingkat) or ()))

    def feeders(self, target: str) -> tuple[str, ...] | None:
        """The jenjang whose holders may succeed to a post of jenjang ``target`` (None: not limited),
        with every `setingkat_<tingkat>` written out."""
        given = self.jenjang_pengisi.get(target)
        if given is None:
            return None
        out: list[str] = []
        for item in given:
            for kode in (self.members(item.removeprefix(jenjang.SETINGKAT_PREFIX))
                         if item.startswith(jenjang.SETINGKAT_PREFIX) else (item,)):
                if kode not in out:
                    out.append(kode)
        return tuple(out)

    def tingkat(self, kode: str) -> int | None:
        """The place of jenjang ``kode`` on the ladder (0 = JPT Utama): its own for jabatan
        administrasi and JPT, the tingkat it is setingkat with for a jabatan fungsional (None: none)."""
        if kode in jenjang.TINGKAT:
            return jenjang.TINGKAT.index(kode)
        return next((jenjang.TINGKAT.index(t) for t in jenjang.TINGKAT if kode in (self.setingkat.get(t) or ())),
                    None)


@dataclass(frozen=True)
class OrientasiKotak:
    """How the 9-box is drawn: which axis runs down the rows (`baris`) and which across the
    columns (`kolom`), each from one end to the other. Either axis may be vertical."""

    # The default is KemenPANRB's own figure: kinerja vertical (di atas ekspektasi at the top),
    # potensial across (tinggi on the right): rows 4 7 9 / 2 5 8 / 1 3 6.
    baris: str = "kinerja_tinggi_ke_rendah"
    kolom: str = "potensial_rendah_ke_tinggi"

    @classmethod
    def read(cls, d: dict) -> "OrientasiKotak":
        """A side left out follows the other: naming kinerja for the rows puts potensial
        (low to high) in the columns, naming potensial puts kinerja (low to high) there, and
        the other way round (the rows then run from high to low)."""
        baris, kolom = d.get("baris"), d.get("kolom")
        if baris and not kolom:
            kolom = "potensial_rendah_ke_tinggi" if baris.startswith("kinerja") else "kinerja_rendah_ke_tinggi"
        if kolom and not baris:
            baris = "kinerja_tinggi_ke_rendah" if kolom.startswith("potensial") else "potensial_tinggi_ke_rendah"
        return cls(baris or cls.baris, kolom or cls.kolom)

    @staticmethod
    def axis(value: str) -> tuple[str, bool]:
        """(axis name, whether it runs from high to low) of `potensial_tinggi_ke_rendah` etc."""
        name, direction = value.split("_", 1)
        return name, direction == "tinggi_ke_rendah"


def _predikat_default() -> dict:
    return {"Sangat Baik": "di_atas", "Baik": "sesuai", "Butuh Perbaikan": "di_bawah", "Kurang": "di_bawah",
            "Kurang/Misconduct": "di_bawah", "Sangat Kurang": "di_bawah"}


def _default(f):
    return f.default_factory() if f.default_factory is not MISSING else f.default


def _value(default, given):
    """A setting from kamus.yaml over its default: a mapping of settings builds its dataclass,
    a mapping keyed by jenjang or predikat overrides its default one key at a time (a ``null``
    switches a jenjang's check off), a list becomes a tuple."""
    if is_dataclass(default):
        return settings_from(type(default), given)
    if isinstance(default, dict):
        given = {str(k): v for k, v in (given or {}).items()}  # YAML keys as kamus.yaml is read: text
        return {k: tuple(v) if isinstance(v, list) else v for k, v in {**default, **given}.items()}
    return tuple(given) if isinstance(given, list) else given


def settings_from(cls, data: dict | None):
    """The settings dataclass ``cls`` from its part of kamus.yaml: every key given replaces
    its default, everything left out keeps the field's default (defaults are written nowhere
    else). A class with a ``read`` of its own reads its part itself."""
    data = data or {}
    if "read" in vars(cls):
        return cls.read(data)
    return cls(**{f.name: _value(_default(f), data[f.name]) for f in fields(cls) if f.name in data})


PRIVACY_FLOOR = 3  # the smallest group a published page breaks down: configuration cannot lower it


@dataclass(frozen=True)
class TalentPolicy:
    """The `talenta` section of kamus.yaml, field by field (see the README for each default)."""

    predikat_kinerja: dict = field(default_factory=_predikat_default)
    nilai_kinerja: NilaiKinerja = NilaiKinerja()
    nilai_potensi: NilaiPotensi = NilaiPotensi()
    bobot_potensial: BobotPotensial = BobotPotensial()
    jpm: Jpm = Jpm()
    kotak_kelompok_talenta: tuple = (7, 8, 9)
    hukuman_disiplin: HukumanDisiplin = HukumanDisiplin()
    kinerja_minimal: KinerjaMinimal = KinerjaMinimal()
    # which of a person's SKP years gives the kinerja axis of a period read from SKP files (local policy):
    # terakhir = the latest year up to the period's; terendah = the lowest predikat of the years of
    # kinerja_minimal (the last `tahun` SKP years)
    kinerja_skp: str = "terakhir"
    masa_berlaku_asesmen_tahun: float = 3
    ukuran_kelompok_minimal: int = 10
    pengembangan: Pengembangan = Pengembangan()
    suksesi: Suksesi = Suksesi()
    orientasi_kotak: OrientasiKotak = OrientasiKotak()
    tindak_lanjut: dict = field(default_factory=lambda: dict(TINDAK_LANJUT))  # kotak ("1"–"9") → follow-ups
    akpk: dict = field(default_factory=dict)  # periode → its PenetapanAkpk as kamus.yaml writes it
    # The readiness of a candidate for a target post in the komite's decisions (keputusan/, `kesiapan`):
    # no regulation names the categories and applications differ (research: "siap 3-5 tahun" is common)
    kesiapan: tuple = ("siap_sekarang", "siap_1_2_tahun", "siap_3_tahun")
    # an export's own column headers → the snapshot column they hold (read, not policy: see the README)
    kolom: dict = field(default_factory=dict)

    def penetapan_akpk(self, periode: str) -> PenetapanAkpk:
        given = self.akpk.get(periode) or {}
        return PenetapanAkpk(**{k: str(v) for k, v in given.items() if k in ("status", "nomor", "tanggal")})

    def __post_init__(self):
        object.__setattr__(self, "kotak_kelompok_talenta", tuple(sorted(self.kotak_kelompok_talenta)))
        if self.ukuran_kelompok_minimal < PRIVACY_FLOOR:  # the schema refuses it too; a library caller may not
            object.__setattr__(self, "ukuran_kelompok_minimal", PRIVACY_FLOOR)

    @classmethod
    def from_data(cls, data: dict | None) -> "TalentPolicy":
        """The policy of kamus.yaml's (schema-valid) `talenta` section; ``None`` = every default."""
        return settings_from(cls, data)

    def kinerja_for_score(self, value: float) -> str:
        return _band(value, self.nilai_kinerja.di_atas, self.nilai_kinerja.sesuai, ("di_atas", "sesuai", "di_bawah"))

    def potensial_for_score(self, value: float) -> str:
        return _band(value, self.nilai_potensi.tinggi, self.nilai_potensi.menengah, ("tinggi", "menengah", "rendah"))

    def pemetaan_category(self, jpm: float) -> str:
        return _band(jpm, self.jpm.pemetaan.optimal, self.jpm.pemetaan.cukup_optimal, KATEGORI_PEMETAAN)

    def seleksi_category(self, jpm: float) -> str:
        return _band(jpm, self.jpm.seleksi.ms, self.jpm.seleksi.mms, KATEGORI_SELEKSI)

    @property
    def pemetaan_categories(self) -> tuple[str, ...]:
        """Every pemetaan category a result can have, best first."""
        return (*KATEGORI_PEMETAAN, TIDAK_LENGKAP)

    @property
    def seleksi_categories(self) -> tuple[str, ...]:
        return (*KATEGORI_SELEKSI, TIDAK_LENGKAP)

    def kotak_group(self, kotak: int) -> str:
        """How the drawing colours a box: the talent pool, the middle diagonal (4–6), or the rest."""
        if kotak in self.kotak_kelompok_talenta:
            return "pool"
        return "mid" if kotak in (4, 5, 6) else "low"

    def follow_up(self, kotak: int) -> str:
        """The tindak lanjut of a kotak, as one text."""
        return "; ".join(self.tindak_lanjut[str(kotak)])

    @staticmethod
    def kotak_label(kotak: int) -> str:
        kinerja, potensial = SUMBU_KOTAK[kotak]
        return f"kinerja {KINERJA_LABEL[kinerja]}, potensial {potensial}"

    def axes(self) -> tuple[tuple[str, list[str]], tuple[str, list[str]]]:
        """((row axis, its levels top to bottom), (column axis, its levels left to right))."""
        out = []
        for value in (self.orientasi_kotak.baris, self.orientasi_kotak.kolom):
            name, high_first = OrientasiKotak.axis(value)
            levels = list(AXIS_LEVELS[name])
            out.append((name, list(reversed(levels)) if high_first else levels))
        return out[0], out[1]

    def grid(self) -> list[list[int]]:
        """Box numbers as drawn, in the configured orientation (either axis may be the rows)."""
        (row_axis, rows), (_, cols) = self.axes()
        if row_axis == "potensial":
            return [[KOTAK[(k, p)] for k in cols] for p in rows]
        return [[KOTAK[(k, p)] for p in cols] for k in rows]
