"""The talent policy: every threshold and weight, from kamus.yaml `talenta` (documented defaults).

There are no national thresholds (shared/domain.md), so every result states the policy
that produced it (:meth:`TalentPolicy.describe`). Bands are half-open: a score equal to a
threshold belongs to the higher band.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINERJA = ("di_bawah", "sesuai", "di_atas")
POTENSIAL = ("rendah", "menengah", "tinggi")
KINERJA_LABEL = {"di_atas": "di atas ekspektasi", "sesuai": "sesuai ekspektasi", "di_bawah": "di bawah ekspektasi"}
POTENSIAL_LABEL = {"tinggi": "tinggi", "menengah": "menengah", "rendah": "rendah"}
PREDIKAT = ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Kurang/Misconduct", "Sangat Kurang")

# Box numbers are fixed (shared/domain.md); only the drawing's orientation varies.
BOX = {("di_atas", "tinggi"): 9, ("sesuai", "tinggi"): 8, ("di_atas", "menengah"): 7,
       ("di_bawah", "tinggi"): 6, ("sesuai", "menengah"): 5, ("di_atas", "rendah"): 4,
       ("di_bawah", "menengah"): 3, ("sesuai", "rendah"): 2, ("di_bawah", "rendah"): 1}
AXES_OF_BOX = {box: axes for axes, box in BOX.items()}
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


def _band(value: float, upper: float, lower: float, names: tuple[str, str, str]) -> str:
    """Half-open bands: [upper, ∞) → names[0], [lower, upper) → names[1], below → names[2]."""
    if value >= upper:
        return names[0]
    return names[1] if value >= lower else names[2]


@dataclass(frozen=True)
class TalentPolicy:
    predikat: dict = field(default_factory=lambda: {"Sangat Baik": "di_atas", "Baik": "sesuai",
                                                    "Butuh Perbaikan": "di_bawah", "Kurang": "di_bawah",
                                                    "Kurang/Misconduct": "di_bawah", "Sangat Kurang": "di_bawah"})
    kinerja_di_atas: float = 85
    kinerja_sesuai: float = 70
    potensi_tinggi: float = 80
    potensi_menengah: float = 68
    jpm_teknis: bool = False
    jpm_cap: bool = False
    pemetaan_optimal: float = 90
    pemetaan_cukup: float = 78
    seleksi_ms: float = 80
    seleksi_mms: float = 68
    pool_boxes: tuple = (7, 8, 9)
    hukuman_tingkat: tuple = ("sedang", "berat")
    hukuman_tahun: float = 2
    asesmen_tahun: float = 3
    kelompok_minimal: int = 10
    suksesi_jenjang_di_bawah: bool = False
    suksesi_jumlah: int = 10
    baris_tinggi_dulu: bool = True
    kolom_rendah_dulu: bool = True

    @classmethod
    def from_data(cls, data: dict | None) -> "TalentPolicy":
        d = data or {}
        base = cls()
        jpm, nk, np_ = d.get("jpm", {}), d.get("nilai_kinerja", {}), d.get("nilai_potensi", {})
        hd, su, ori = d.get("hukuman_disiplin", {}), d.get("suksesi", {}), d.get("orientasi_kotak", {})
        return cls(
            predikat={**base.predikat, **d.get("predikat_kinerja", {})},
            kinerja_di_atas=nk.get("di_atas", base.kinerja_di_atas), kinerja_sesuai=nk.get("sesuai", base.kinerja_sesuai),
            potensi_tinggi=np_.get("tinggi", base.potensi_tinggi), potensi_menengah=np_.get("menengah", base.potensi_menengah),
            jpm_teknis=jpm.get("sertakan_teknis", False), jpm_cap=jpm.get("batasi_100", False),
            pemetaan_optimal=jpm.get("pemetaan", {}).get("optimal", base.pemetaan_optimal),
            pemetaan_cukup=jpm.get("pemetaan", {}).get("cukup_optimal", base.pemetaan_cukup),
            seleksi_ms=jpm.get("seleksi", {}).get("ms", base.seleksi_ms),
            seleksi_mms=jpm.get("seleksi", {}).get("mms", base.seleksi_mms),
            pool_boxes=tuple(sorted(d.get("kotak_kelompok_talenta", base.pool_boxes))),
            hukuman_tingkat=tuple(hd.get("tingkat", base.hukuman_tingkat)), hukuman_tahun=hd.get("tahun", base.hukuman_tahun),
            asesmen_tahun=d.get("masa_berlaku_asesmen_tahun", base.asesmen_tahun),
            kelompok_minimal=d.get("ukuran_kelompok_minimal", base.kelompok_minimal),
            suksesi_jenjang_di_bawah=su.get("hanya_jenjang_di_bawah", False),
            suksesi_jumlah=su.get("jumlah_kandidat", base.suksesi_jumlah),
            baris_tinggi_dulu=ori.get("baris", "potensial_tinggi_ke_rendah") == "potensial_tinggi_ke_rendah",
            kolom_rendah_dulu=ori.get("kolom", "kinerja_rendah_ke_tinggi") == "kinerja_rendah_ke_tinggi",
        )

    def kinerja_from_nilai(self, value: float) -> str:
        return _band(value, self.kinerja_di_atas, self.kinerja_sesuai, ("di_atas", "sesuai", "di_bawah"))

    def potensial(self, value: float) -> str:
        return _band(value, self.potensi_tinggi, self.potensi_menengah, ("tinggi", "menengah", "rendah"))

    def band_pemetaan(self, jpm: float) -> str:
        return _band(jpm, self.pemetaan_optimal, self.pemetaan_cukup, ("Optimal", "Cukup Optimal", "Kurang Optimal"))

    def band_seleksi(self, jpm: float) -> str:
        return _band(jpm, self.seleksi_ms, self.seleksi_mms, ("MS", "MMS", "KMS"))

    def grid(self) -> list[list[int]]:
        """Box numbers as drawn: rows of potensial, columns of kinerja, in the configured order."""
        rows = list(reversed(POTENSIAL)) if self.baris_tinggi_dulu else list(POTENSIAL)
        cols = list(KINERJA) if self.kolom_rendah_dulu else list(reversed(KINERJA))
        return [[BOX[(k, p)] for k in cols] for p in rows]

    def describe(self) -> list[str]:
        """The policy in words (Bahasa Indonesia), stated with every result."""
        predikat = "; ".join(f"{k} → {KINERJA_LABEL[v]}" for k, v in self.predikat.items())
        return [
            f"Kinerja dari predikat: {predikat}.",
            f"Kinerja dari nilai: di atas ≥ {self.kinerja_di_atas:g}; sesuai {self.kinerja_sesuai:g}–<{self.kinerja_di_atas:g}; "
            f"di bawah < {self.kinerja_sesuai:g}.",
            f"Potensial: tinggi ≥ {self.potensi_tinggi:g}; menengah {self.potensi_menengah:g}–<{self.potensi_tinggi:g}; "
            f"rendah < {self.potensi_menengah:g}.",
            "JPM = Σ level hasil asesmen ÷ Σ level yang disyaratkan × 100%, atas kompetensi "
            + ("manajerial, sosial kultural dan teknis" if self.jpm_teknis else "manajerial dan sosial kultural")
            + (" (dibatasi 100%)." if self.jpm_cap else " (tidak dibatasi 100%)."),
            f"Kategori pemetaan: Optimal ≥ {self.pemetaan_optimal:g}%; Cukup Optimal {self.pemetaan_cukup:g}–<"
            f"{self.pemetaan_optimal:g}%; Kurang Optimal < {self.pemetaan_cukup:g}%.",
            f"Kategori seleksi: MS ≥ {self.seleksi_ms:g}%; MMS {self.seleksi_mms:g}–<{self.seleksi_ms:g}%; "
            f"KMS < {self.seleksi_mms:g}%.",
            f"Kelompok talenta: kotak {', '.join(map(str, self.pool_boxes))}, kecuali hukuman disiplin "
            f"{'/'.join(self.hukuman_tingkat) or '–'} dalam {self.hukuman_tahun:g} tahun sebelum akhir periode.",
            f"Hasil asesmen lebih dari {self.asesmen_tahun:g} tahun ditandai kedaluwarsa.",
            f"Kelompok kurang dari {self.kelompok_minimal} orang tidak dirinci di situs.",
        ]
