"""The talent policy: every threshold and weight, from kamus.yaml `talenta` (documented defaults).

There are no national thresholds (shared/domain.md), so every result states the policy
that produced it (:meth:`TalentPolicy.describe`). Bands are half-open: a score equal to a
threshold belongs to the higher band.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..bahasa import angka

KINERJA = ("di_bawah", "sesuai", "di_atas")
POTENSIAL = ("rendah", "menengah", "tinggi")
KINERJA_LABEL = {"di_atas": "di atas ekspektasi", "sesuai": "sesuai ekspektasi", "di_bawah": "di bawah ekspektasi"}
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
    batasi_100: bool = False
    pemetaan: Pemetaan = Pemetaan()
    seleksi: Seleksi = Seleksi()


@dataclass(frozen=True)
class HukumanDisiplin:
    tingkat: tuple = ("sedang", "berat")
    tahun: float = 2


@dataclass(frozen=True)
class Suksesi:
    hanya_jenjang_di_bawah: bool = False
    jumlah_kandidat: int = 10


@dataclass(frozen=True)
class OrientasiKotak:
    baris: str = "potensial_tinggi_ke_rendah"
    kolom: str = "kinerja_rendah_ke_tinggi"


def _predikat_default() -> dict:
    return {"Sangat Baik": "di_atas", "Baik": "sesuai", "Butuh Perbaikan": "di_bawah", "Kurang": "di_bawah",
            "Kurang/Misconduct": "di_bawah", "Sangat Kurang": "di_bawah"}


@dataclass(frozen=True)
class TalentPolicy:
    """The `talenta` section of kamus.yaml, field by field (see the README for each default)."""

    predikat_kinerja: dict = field(default_factory=_predikat_default)
    nilai_kinerja: NilaiKinerja = NilaiKinerja()
    nilai_potensi: NilaiPotensi = NilaiPotensi()
    jpm: Jpm = Jpm()
    kotak_kelompok_talenta: tuple = (7, 8, 9)
    hukuman_disiplin: HukumanDisiplin = HukumanDisiplin()
    masa_berlaku_asesmen_tahun: float = 3
    ukuran_kelompok_minimal: int = 10
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
            jpm=Jpm(jpm.get("sertakan_teknis", False), jpm.get("batasi_100", False),
                    Pemetaan(**jpm.get("pemetaan", {})), Seleksi(**jpm.get("seleksi", {}))),
            kotak_kelompok_talenta=tuple(sorted(d.get("kotak_kelompok_talenta", (7, 8, 9)))),
            hukuman_disiplin=HukumanDisiplin(**{k: tuple(v) if k == "tingkat" else v
                                                for k, v in d.get("hukuman_disiplin", {}).items()}),
            masa_berlaku_asesmen_tahun=d.get("masa_berlaku_asesmen_tahun", cls.masa_berlaku_asesmen_tahun),
            ukuran_kelompok_minimal=d.get("ukuran_kelompok_minimal", cls.ukuran_kelompok_minimal),
            suksesi=Suksesi(**d.get("suksesi", {})),
            orientasi_kotak=OrientasiKotak(**d.get("orientasi_kotak", {})),
        )

    @property
    def baris_tinggi_dulu(self) -> bool:
        return self.orientasi_kotak.baris == "potensial_tinggi_ke_rendah"

    @property
    def kolom_rendah_dulu(self) -> bool:
        return self.orientasi_kotak.kolom == "kinerja_rendah_ke_tinggi"

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

    def grid(self) -> list[list[int]]:
        """Box numbers as drawn: rows of potensial, columns of kinerja, in the configured order."""
        rows = list(reversed(POTENSIAL)) if self.baris_tinggi_dulu else list(POTENSIAL)
        cols = list(KINERJA) if self.kolom_rendah_dulu else list(reversed(KINERJA))
        return [[KOTAK[(k, p)] for k in cols] for p in rows]

    def describe(self) -> list[str]:
        """The policy in words (Bahasa Indonesia), stated with every result."""
        predikat = "; ".join(f"{k} → {KINERJA_LABEL[v]}" for k, v in self.predikat_kinerja.items())
        nk, np_, pem, sel = self.nilai_kinerja, self.nilai_potensi, self.jpm.pemetaan, self.jpm.seleksi
        hd = self.hukuman_disiplin
        return [
            f"Kinerja dari predikat: {predikat}.",
            f"Kinerja dari nilai: di atas ≥ {angka(nk.di_atas)}; sesuai {angka(nk.sesuai)}–<{angka(nk.di_atas)}; "
            f"di bawah < {angka(nk.sesuai)}.",
            f"Potensial: tinggi ≥ {angka(np_.tinggi)}; menengah {angka(np_.menengah)}–<{angka(np_.tinggi)}; "
            f"rendah < {angka(np_.menengah)}.",
            "JPM = Σ level hasil asesmen ÷ Σ level yang disyaratkan × 100%, atas kompetensi "
            + ("manajerial, sosial kultural dan teknis" if self.jpm.sertakan_teknis else "manajerial dan sosial kultural")
            + (" (dibatasi 100%)." if self.jpm.batasi_100 else " (tidak dibatasi 100%)."),
            f"Kategori pemetaan: Optimal ≥ {angka(pem.optimal)}%; Cukup Optimal {angka(pem.cukup_optimal)}–<"
            f"{angka(pem.optimal)}%; Kurang Optimal < {angka(pem.cukup_optimal)}%.",
            f"Kategori seleksi: MS ≥ {angka(sel.ms)}%; MMS {angka(sel.mms)}–<{angka(sel.ms)}%; KMS < {angka(sel.mms)}%.",
            f"Kelompok talenta: kotak {', '.join(map(str, self.kotak_kelompok_talenta))}, kecuali hukuman disiplin "
            f"{'/'.join(hd.tingkat) or '–'} dalam {angka(hd.tahun)} tahun sebelum akhir periode.",
            f"Hasil asesmen lebih dari {angka(self.masa_berlaku_asesmen_tahun)} tahun ditandai kedaluwarsa.",
            f"Kelompok kurang dari {self.ukuran_kelompok_minimal} orang tidak dirinci di situs.",
        ]
