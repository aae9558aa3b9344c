"""The talent policy: every threshold and weight, from kamus.yaml `talenta` (documented defaults).

There are no national thresholds (shared/domain.md), so every result states the policy
that produced it (:meth:`TalentPolicy.describe`). Bands are half-open: a score equal to a
threshold belongs to the higher band.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import jenjang

KINERJA = ("di_bawah", "sesuai", "di_atas")
POTENSIAL = ("rendah", "menengah", "tinggi")
KINERJA_LABEL = {"di_atas": "di atas ekspektasi", "sesuai": "sesuai ekspektasi", "di_bawah": "di bawah ekspektasi"}
AXIS_LEVELS = {"kinerja": KINERJA, "potensial": POTENSIAL}  # each axis, low to high
AXIS_LABEL = {"kinerja": KINERJA_LABEL, "potensial": {p: p for p in POTENSIAL}}
PREDIKAT = ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Kurang/Misconduct", "Sangat Kurang")

# Box numbers are fixed (shared/domain.md); only the drawing's orientation varies.
KOTAK = {("di_atas", "tinggi"): 9, ("sesuai", "tinggi"): 8, ("di_atas", "menengah"): 7,
       ("di_bawah", "tinggi"): 6, ("sesuai", "menengah"): 5, ("di_atas", "rendah"): 4,
       ("di_bawah", "menengah"): 3, ("sesuai", "rendah"): 2, ("di_bawah", "rendah"): 1}
SUMBU_KOTAK = {box: axes for axes, box in KOTAK.items()}
TINDAK_LANJUT = {
    9: "promosi, dipertahankan, kelompok rencana suksesi instansi/nasional, penghargaan",
    8: "dipertahankan, rencana suksesi instansi, rotasi/perluasan jabatan, bimbingan kinerja",
    7: "dipertahankan, rencana suksesi instansi, rotasi/pengayaan, pengembangan kompetensi",
    6: "penempatan sesuai, bimbingan dan konseling kinerja",
    5: "penempatan sesuai, bimbingan kinerja, pengembangan kompetensi",
    4: "rotasi, pengembangan kompetensi",
    3: "bimbingan/konseling kinerja, pengembangan kompetensi, penempatan sesuai",
    2: "bimbingan kinerja, pengembangan kompetensi, penempatan sesuai",
    1: "diproses sesuai ketentuan peraturan perundang-undangan",
}


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
    sertakan_teknis: bool = False
    batasi_100: bool | str = False  # False | True (the total) | "per_kompetensi" (each level at most the required)
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
class HukumanDisiplin:
    tingkat: tuple = ("sedang", "berat")
    tahun: float = 2


def _merged(defaults: dict, given: dict | None, tuples: bool = False) -> dict:
    """Per-jenjang settings: the regulation's defaults, overridden one jenjang at a time
    (a ``null`` in kamus.yaml switches a jenjang's check off)."""
    merged = {**defaults, **(given or {})}
    return {k: tuple(v) if tuples and v is not None else v for k, v in merged.items()}


@dataclass(frozen=True)
class Suksesi:
    hanya_jenjang_di_bawah: bool = False
    jumlah_kandidat: int = 10
    # Per target jenjang (defaults from PP 11/2017 as amended by PP 17/2020, see generator/jenjang.py).
    jenjang_pengisi: dict = field(default_factory=lambda: dict(jenjang.JENJANG_PENGISI))
    masa_jabatan_minimal_tahun: dict = field(default_factory=lambda: dict(jenjang.MASA_JABATAN_MINIMAL))
    batas_usia_pensiun: dict = field(default_factory=lambda: dict(jenjang.BATAS_USIA_PENSIUN))
    masa_kerja_tersisa_tahun: float = 2  # before the target post's BUP, after the end of the period
    usia_maksimal: dict = field(default_factory=lambda: dict(jenjang.USIA_MAKSIMAL))
    pendidikan_minimal: dict = field(default_factory=lambda: dict(jenjang.PENDIDIKAN_MINIMAL))
    pangkat_minimal: dict = field(default_factory=lambda: dict(jenjang.PANGKAT_MINIMAL))

    @classmethod
    def from_data(cls, d: dict) -> "Suksesi":
        base = cls()
        return cls(d.get("hanya_jenjang_di_bawah", base.hanya_jenjang_di_bawah),
                   d.get("jumlah_kandidat", base.jumlah_kandidat),
                   _merged(base.jenjang_pengisi, d.get("jenjang_pengisi"), tuples=True),
                   _merged(base.masa_jabatan_minimal_tahun, d.get("masa_jabatan_minimal_tahun")),
                   _merged(base.batas_usia_pensiun, d.get("batas_usia_pensiun")),
                   d.get("masa_kerja_tersisa_tahun", base.masa_kerja_tersisa_tahun),
                   _merged(base.usia_maksimal, d.get("usia_maksimal")),
                   _merged(base.pendidikan_minimal, d.get("pendidikan_minimal")),
                   _merged(base.pangkat_minimal, d.get("pangkat_minimal")))


@dataclass(frozen=True)
class OrientasiKotak:
    """How the 9-box is drawn: which axis runs down the rows (`baris`) and which across the
    columns (`kolom`), each from one end to the other. Either axis may be vertical."""

    baris: str = "potensial_tinggi_ke_rendah"
    kolom: str = "kinerja_rendah_ke_tinggi"

    @classmethod
    def from_data(cls, d: dict) -> "OrientasiKotak":
        """A side left out follows the other: naming kinerja for the rows puts potensial
        (low to high) in the columns, and the other way round."""
        baris, kolom = d.get("baris"), d.get("kolom")
        if baris and not kolom:
            kolom = cls.kolom if baris.startswith("potensial") else "potensial_rendah_ke_tinggi"
        if kolom and not baris:
            baris = cls.baris if kolom.startswith("kinerja") else "kinerja_tinggi_ke_rendah"
        return cls(baris or cls.baris, kolom or cls.kolom)

    @staticmethod
    def axis(value: str) -> tuple[str, bool]:
        """(axis name, whether it runs from high to low) of `potensial_tinggi_ke_rendah` etc."""
        name, direction = value.split("_", 1)
        return name, direction == "tinggi_ke_rendah"


def _predikat_default() -> dict:
    return {"Sangat Baik": "di_atas", "Baik": "sesuai", "Butuh Perbaikan": "di_bawah", "Kurang": "di_bawah",
            "Kurang/Misconduct": "di_bawah", "Sangat Kurang": "di_bawah"}


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
    masa_berlaku_asesmen_tahun: float = 3
    ukuran_kelompok_minimal: int = 10
    pengembangan: Pengembangan = Pengembangan()
    suksesi: Suksesi = Suksesi()
    orientasi_kotak: OrientasiKotak = OrientasiKotak()

    @classmethod
    def from_data(cls, data: dict | None) -> "TalentPolicy":
        d = data or {}
        jpm = d.get("jpm", {})
        return cls(
            predikat_kinerja={**_predikat_default(), **d.get("predikat_kinerja", {})},
            nilai_kinerja=NilaiKinerja(**d.get("nilai_kinerja", {})),
            nilai_potensi=NilaiPotensi(**d.get("nilai_potensi", {})),
            bobot_potensial=BobotPotensial(**d.get("bobot_potensial", {})),
            jpm=Jpm(jpm.get("sertakan_teknis", False), jpm.get("batasi_100", False),
                    Pemetaan(**jpm.get("pemetaan", {})), Seleksi(**jpm.get("seleksi", {}))),
            kotak_kelompok_talenta=tuple(sorted(d.get("kotak_kelompok_talenta", (7, 8, 9)))),
            hukuman_disiplin=HukumanDisiplin(**{k: tuple(v) if k == "tingkat" else v
                                                for k, v in d.get("hukuman_disiplin", {}).items()}),
            masa_berlaku_asesmen_tahun=d.get("masa_berlaku_asesmen_tahun", cls.masa_berlaku_asesmen_tahun),
            ukuran_kelompok_minimal=d.get("ukuran_kelompok_minimal", cls.ukuran_kelompok_minimal),
            pengembangan=Pengembangan(**d.get("pengembangan", {})),
            suksesi=Suksesi.from_data(d.get("suksesi", {})),
            orientasi_kotak=OrientasiKotak.from_data(d.get("orientasi_kotak", {})),
        )

    def kinerja_dari_nilai(self, value: float) -> str:
        return _band(value, self.nilai_kinerja.di_atas, self.nilai_kinerja.sesuai, ("di_atas", "sesuai", "di_bawah"))

    def potensial(self, value: float) -> str:
        return _band(value, self.nilai_potensi.tinggi, self.nilai_potensi.menengah, ("tinggi", "menengah", "rendah"))

    def kategori_pemetaan(self, jpm: float) -> str:
        return _band(jpm, self.jpm.pemetaan.optimal, self.jpm.pemetaan.cukup_optimal, KATEGORI_PEMETAAN)

    def kategori_seleksi(self, jpm: float) -> str:
        return _band(jpm, self.jpm.seleksi.ms, self.jpm.seleksi.mms, KATEGORI_SELEKSI)

    @property
    def kategori_pemetaan_semua(self) -> tuple[str, ...]:
        """Every pemetaan category a result can have, best first."""
        return (*KATEGORI_PEMETAAN, TIDAK_LENGKAP)

    @property
    def kategori_seleksi_semua(self) -> tuple[str, ...]:
        return (*KATEGORI_SELEKSI, TIDAK_LENGKAP)

    def kelompok_kotak(self, kotak: int) -> str:
        """How the drawing colours a box: the talent pool, the middle diagonal (4–6), or the rest."""
        if kotak in self.kotak_kelompok_talenta:
            return "pool"
        return "mid" if kotak in (4, 5, 6) else "low"

    @staticmethod
    def label_kotak(kotak: int) -> str:
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
