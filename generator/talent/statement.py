"""The policy in words (Bahasa Indonesia), stated with every result: `kebijakan` in the JSON,
the CLI text, the RAHASIA grid sheet and the site.

It is generated from what was actually used: the kinds of competency the JPM counted, the
JPM method, where potensial came from in this snapshot, and which succession requirements
the snapshot's columns let us check.
"""

from __future__ import annotations

from ..bahasa import angka
from ..jenjang import JENJANG, LABEL, PP_11
from ..model import Kamus
from .compute import jpm_kinds
from .eligibility import COLUMN
from ..model.policy import KINERJA_LABEL, PRIVACY_FLOOR, TalentPolicy
from .snapshot import KOMPONEN_POTENSIAL, Snapshot

PERMEN_TALENTA = "PermenPANRB 3/2020 jo. PermenPANRB 20/2025 Pasal 17"


def _words(items: list[str]) -> str:
    """`a`, `a dan b`, `a, b dan c`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " dan " + items[-1]


def _per_jenjang(values: dict, show=str) -> str:
    shown = [f"{LABEL[j]} {show(values[j])}" for j in JENJANG if values.get(j) is not None]
    return "; ".join(shown) or "tidak ada"


def statement(policy: TalentPolicy, kamus: Kamus, snapshot: Snapshot | None = None) -> list[str]:
    """Every line of the policy that produced the results of ``snapshot``."""
    predikat = "; ".join(f"{k} → {KINERJA_LABEL[v]}" for k, v in policy.predikat_kinerja.items())
    nk, np_, pem, sel = policy.nilai_kinerja, policy.nilai_potensi, policy.jpm.pemetaan, policy.jpm.seleksi
    hd, bobot = policy.hukuman_disiplin, policy.bobot_potensial
    kinds = _words([kamus.config.nama_jenis(j) for j in jpm_kinds(kamus, policy)])
    method = {False: "JPM = Σ level hasil asesmen ÷ Σ level yang disyaratkan × 100% (tidak dibatasi 100%)",
              True: "JPM = Σ level hasil asesmen ÷ Σ level yang disyaratkan × 100%, dibatasi paling tinggi 100%",
              "per_kompetensi": "JPM = Σ min(level hasil asesmen, level yang disyaratkan) ÷ Σ level yang "
                                "disyaratkan × 100% (setiap kompetensi dihitung paling tinggi setara level yang "
                                "disyaratkan)"}[policy.jpm.batasi_100]
    if snapshot is not None and snapshot.potensial_from_components:
        weights = [getattr(bobot, name) for name in KOMPONEN_POTENSIAL]
        source = (f"Nilai potensial = rata-rata berbobot penilaian kompetensi ({angka(weights[0])}), penilaian potensi "
                  f"({angka(weights[1])}) dan rekam jejak ({angka(weights[2])}) dari kolom {', '.join(KOMPONEN_POTENSIAL)} "
                  f"({PERMEN_TALENTA}; bobot menurut kebijakan instansi).")
    else:
        source = "Nilai potensial dari kolom nilai_potensi."
    if snapshot is not None and snapshot.sumber.get("nilai_potensi", snapshot.path) != snapshot.path:
        source = source[:-1] + f" di {snapshot.sumber['nilai_potensi']}."
    lines = [
        *_kinerja_years(snapshot),
        f"Kinerja dari predikat: {predikat}.",
        f"Kinerja dari nilai: di atas ≥ {angka(nk.di_atas)}; sesuai {angka(nk.sesuai)}–<{angka(nk.di_atas)}; "
        f"di bawah < {angka(nk.sesuai)}.",
        source,
        f"Potensial: tinggi ≥ {angka(np_.tinggi)}; menengah {angka(np_.menengah)}–<{angka(np_.tinggi)}; "
        f"rendah < {angka(np_.menengah)}.",
        f"{method}, atas kompetensi {kinds} yang disyaratkan jabatan.",
        f"Kategori pemetaan: Optimal ≥ {angka(pem.optimal)}%; Cukup Optimal {angka(pem.cukup_optimal)}–<"
        f"{angka(pem.optimal)}%; Kurang Optimal < {angka(pem.cukup_optimal)}%.",
        f"Kategori seleksi: MS ≥ {angka(sel.ms)}%; MMS {angka(sel.mms)}–<{angka(sel.ms)}%; KMS < {angka(sel.mms)}%.",
        f"Kelompok talenta: kotak {', '.join(map(str, policy.kotak_kelompok_talenta))}, kecuali hukuman disiplin "
        f"{'/'.join(hd.tingkat) or '–'} dalam {angka(hd.tahun)} tahun sebelum akhir periode.",
        f"Hasil asesmen lebih dari {angka(policy.masa_berlaku_asesmen_tahun)} tahun ditandai kedaluwarsa.",
        "Rencana pengembangan: setiap kompetensi yang disyaratkan jabatan dengan level hasil asesmen di bawah level "
        "yang disyaratkan; kegiatan dari katalog pengembangan yang mengembangkan kompetensi itu sampai level ≥ level "
        "yang disyaratkan, level terendah dulu, lalu JP paling sedikit, lalu kode; tanpa kegiatan yang cocok: "
        "\"belum ada di katalog\"; JP total menghitung setiap kegiatan sekali.",
        f"Hak pengembangan kompetensi paling sedikit {angka(policy.pengembangan.jp_minimal)} JP setahun "
        f"({PP_11} Pasal 203 ayat (4)).",
        *_succession(policy, snapshot),
        f"Kelompok kurang dari {policy.ukuran_kelompok_minimal} orang tidak dirinci di situs (batas bawah alat Kamus: "
        f"{PRIVACY_FLOOR} orang, tidak dapat diturunkan lewat pengaturan, agar hasil satu-dua orang tidak dapat "
        "dikenali; UU 27/2022 tentang Pelindungan Data Pribadi).",
    ]
    return lines


def _kinerja_years(snapshot: Snapshot | None) -> list[str]:
    """Which year's SKP gave each person's kinerja, in a period read from several files."""
    if snapshot is None or not snapshot.kinerja_tahun:
        return []
    source = snapshot.sumber.get("predikat_kinerja") or snapshot.sumber.get("nilai_kinerja")
    years = ", ".join(str(year) for year in sorted(snapshot.kinerja_tahun, reverse=True))  # no counts: the site shows this
    return [f"Kinerja dari SKP tahun terakhir sampai tahun periode ({snapshot.end.year}) di {source}: tahun {years} "
            "(kebijakan bawaan: tahun terakhir yang ada untuk setiap pegawai)."]


def _succession(policy: TalentPolicy, snapshot: Snapshot | None) -> list[str]:
    s = policy.suksesi
    columns = snapshot.columns if snapshot is not None else frozenset()

    def column_note(rule: str) -> str:
        column = COLUMN[rule]
        if snapshot is None or column in columns:
            return f" (kolom {column})"
        return f" — tidak diperiksa: kolom {column} tidak ada dalam data kepegawaian"

    feeders = _per_jenjang(s.jenjang_pengisi, lambda v: "← " + ", ".join(LABEL[j] for j in v))
    lines = [
        f"Suksesi: anggota kelompok talenta yang memenuhi persyaratan jabatan sasaran, urut menurut JPM terhadap "
        f"jabatan itu (pemangkunya sendiri tidak dihitung); {s.jumlah_kandidat} teratas dicantumkan.",
        f"Suksesi — jenjang pengisi ({PP_11} Pasal 54, 55 dan 107): {feeders}.",
        f"Suksesi — dikecualikan bila mencapai Batas Usia Pensiun jabatan sasaran kurang dari "
        f"{angka(s.masa_kerja_tersisa_tahun)} tahun setelah akhir periode ({PP_11} Pasal 239 ayat (2)): "
        f"{_per_jenjang(s.batas_usia_pensiun, lambda v: f'{v} tahun')}; usia dari tanggal lahir dalam NIP.",
        f"Suksesi — usia paling tinggi pada akhir periode ({PP_11} Pasal 107): "
        f"{_per_jenjang(s.usia_maksimal, lambda v: f'{v} tahun')}.",
        f"Suksesi — pendidikan paling rendah: {_per_jenjang(s.pendidikan_minimal)}"
        f"{column_note('pendidikan_minimal')}.",
        f"Suksesi — pangkat paling rendah: {_per_jenjang(s.pangkat_minimal)}{column_note('pangkat_minimal')}.",
        f"Suksesi — masa jabatan sekarang paling singkat: "
        f"{_per_jenjang(s.masa_jabatan_minimal_tahun, lambda v: f'{angka(v)} tahun')}"
        f"{column_note('masa_jabatan_minimal')}.",
    ]
    if s.hanya_jenjang_di_bawah:
        lines.append("Suksesi — hanya kandidat dari jenjang tepat di bawah jenjang jabatan sasaran (kebijakan instansi).")
    return lines
