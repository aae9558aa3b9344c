"""The policy in words (Bahasa Indonesia), stated with every result: `kebijakan` in the JSON,
the CLI text, the RAHASIA grid sheet and the site.

It is generated from what was actually used: the kinds of competency the JPM counted, the
JPM method, where potensial came from in this snapshot, and which succession requirements
the snapshot's columns let us check.

Lines are written once for both audiences: what only the pengelola needs (a setting's key in
kamus.yaml, a column's name in the export, an exact count the site must not print) sits between
⟦ and ⟧. :func:`for_pengelola` keeps it (the JSON, the CLI text, the RAHASIA workbook);
:func:`for_readers` drops it (the site's "Kebijakan yang dipakai").
"""

from __future__ import annotations

import re

from ..bahasa import angka
from ..jenjang import JENJANG, LABEL, PP_11, SETINGKAT_PREFIX
from ..model import Kamus
from .compute import ALWAYS, IF_ASSESSED, jpm_scope
from .eligibility import COLUMN, tenure_note
from .pool import kinerja_years
from ..model.policy import (KINERJA_LABEL, PRIVACY_FLOOR, SUMBER_TINDAK_LANJUT, TINDAK_LANJUT, OrientasiKotak,
                            TalentPolicy)
from .snapshot import KOMPONEN_POTENSIAL, Snapshot

PERMEN_TALENTA = "PermenPANRB 3/2020 jo. PermenPANRB 20/2025 Pasal 17"
KEBIJAKAN = "kebijakan instansi"  # how a setting that no regulation fixes is labelled
_PENGELOLA = re.compile(r"⟦([^⟦⟧]*)⟧")


def for_pengelola(lines: list[str]) -> list[str]:
    """The lines with what only the pengelola needs (between ⟦ ⟧) kept."""
    return [_PENGELOLA.sub(r"\1", line) for line in lines]


def for_readers(lines: list[str]) -> list[str]:
    """The lines as the site's readers get them: without setting keys, column names and exact counts."""
    return [_PENGELOLA.sub("", line) for line in lines]


def kolom(name: str) -> str:
    """A column of the export in words, with its name for the pengelola: `pangkat golongan⟦ (pangkat_golongan)⟧`."""
    words = name.replace("_", " ").replace("tmt", "TMT")
    return words if words == name else f"{words}⟦ ({name})⟧"


def _words(items: list[str]) -> str:
    """`a`, `a dan b`, `a, b dan c`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " dan " + items[-1]


def _per_jenjang(values: dict, show=str) -> str:
    shown = [f"{LABEL[j]} {show(values[j])}" for j in JENJANG if values.get(j) is not None]
    return "; ".join(shown) or "tidak ada"


def _feeder(item: str) -> str:
    """A feeder as the statement writes it: `setingkat_pengawas` is "Pengawas dan JF setingkat"."""
    tingkat = item.removeprefix(SETINGKAT_PREFIX)
    return f"{LABEL[tingkat]} dan JF setingkat" if tingkat != item else LABEL[item]


def _jpm_scope(kamus: Kamus, policy: TalentPolicy) -> str:
    """Which required competencies the JPM counts (`jpm.sertakan_teknis`)."""
    scope = jpm_scope(kamus, policy)
    name = kamus.config.nama_jenis
    always = _words([name(k) for k, how in scope.items() if how == ALWAYS])
    assessed = [name(k) for k, how in scope.items() if how == IF_ASSESSED]
    line = f"JPM atas kompetensi {always} yang disyaratkan jabatan; yang belum diases membuat JPM tidak lengkap"
    if assessed:
        line += (f", ditambah kompetensi {_words(assessed)} yang disyaratkan bila sudah diases (penilaian kompetensi "
                 f"mencakup Kompetensi Teknis, Kompetensi Manajerial, dan Kompetensi Sosial Kultural: PermenPANRB "
                 "20/2025 Pasal 17 ayat (2) huruf c); setiap hasil menyebut kompetensi yang dihitung dan yang belum "
                 "diases")
    return line + "."


def _drawing(policy: TalentPolicy) -> str:
    """The 9-box: how it is drawn and the tindak lanjut of each kotak, with their source."""
    o = policy.orientasi_kotak
    drawn = f"baris {o.baris.replace('_', ' ')}, kolom {o.kolom.replace('_', ' ')}"
    kemenpan = o == OrientasiKotak()
    source = SUMBER_TINDAK_LANJUT if policy.tindak_lanjut == TINDAK_LANJUT else f"{KEBIJAKAN}⟦ (talenta.tindak_lanjut)⟧"
    follow = "; ".join(f"kotak {k}: {', '.join(policy.tindak_lanjut[str(k)])}" for k in range(9, 0, -1))
    return (f"Kotak manajemen talenta digambar {drawn}" + (" (seperti gambar KemenPANRB)" if kemenpan else "")
            + f"; tindak lanjut per kotak menurut {source}: {follow}.")


def _pool(policy: TalentPolicy, snapshot: Snapshot | None) -> list[str]:
    """The kelompok talenta: its kotak, the rules of Pasal 199 ayat (2), and the instansi's own gate."""
    hd, km = policy.hukuman_disiplin, policy.kinerja_minimal
    lines = [f"Kelompok talenta (kelompok rencana suksesi instansi): kotak "
             f"{', '.join(map(str, policy.kotak_kelompok_talenta))}."]
    if km.tahun:
        counted = kinerja_years(policy, snapshot) if snapshot is not None else ()
        end = counted[-1] if counted else None
        years = f" ({counted[0]}–{end})" if end and km.tahun > 1 else f" ({end})" if end else ""
        skp = snapshot.sumber.get("predikat_kinerja") if snapshot is not None and snapshot.kinerja_tahun else None
        known = ("; dari predikat SKP setiap tahun di berkas SKP (e-Kinerja) periode ini: tahun yang tidak ada untuk "
                 "seorang pegawai tidak "
                 "diperiksa untuknya" if skp else
                 f"; dari kolom {kolom('predikat_kinerja')} di data kepegawaian, yang memuat predikat tahun {end} "
                 "saja: tahun sebelumnya tidak diperiksa" if end and km.tahun > 1 else
                 f"; dari kolom {kolom('predikat_kinerja')} di data kepegawaian")
        lines.append(f"Kelompok talenta — penilaian kinerja paling kurang {km.predikat} dalam {km.tahun} tahun "
                     f"terakhir{years} ({PP_11} Pasal 199 ayat (2) huruf c: \"paling kurang bernilai baik dalam 2 "
                     f"(dua) tahun terakhir\"){known}.")
    else:
        lines.append(f"Kelompok talenta — penilaian kinerja dua tahun terakhir ({PP_11} Pasal 199 ayat (2) huruf c): "
                     "tidak diperiksa (kebijakan instansi⟦: talenta.kinerja_minimal.tahun 0⟧).")
    lines.append(f"Kelompok talenta — memenuhi kewajiban pengembangan kompetensi ({PP_11} Pasal 199 ayat (2) huruf b): "
                 "tidak diperiksa: riwayat pengembangan kompetensi tidak ada dalam data kepegawaian.")
    if hd.tingkat:
        lines.append(f"Kelompok talenta — dikecualikan bila hukuman disiplin {'/'.join(hd.tingkat)} dalam "
                     f"{angka(hd.tahun)} tahun sebelum akhir periode ({KEBIJAKAN}, bukan ketentuan nasional).")
    return lines


def statement(policy: TalentPolicy, kamus: Kamus, snapshot: Snapshot | None = None) -> list[str]:
    """Every line of the policy that produced the results of ``snapshot``, as the pengelola reads it."""
    return for_pengelola(marked_statement(policy, kamus, snapshot))


def marked_statement(policy: TalentPolicy, kamus: Kamus, snapshot: Snapshot | None = None) -> list[str]:
    """:func:`statement` with what only the pengelola needs between ⟦ ⟧."""
    predikat = "; ".join(f"{k} → {KINERJA_LABEL[v]}" for k, v in policy.predikat_kinerja.items())
    nk, np_, pem, sel = policy.nilai_kinerja, policy.nilai_potensi, policy.jpm.pemetaan, policy.jpm.seleksi
    bobot = policy.bobot_potensial
    method = {False: "JPM = Σ level hasil asesmen ÷ Σ level yang disyaratkan × 100%, tidak dibatasi",
              True: "JPM = Σ level hasil asesmen ÷ Σ level yang disyaratkan × 100%, dibatasi paling tinggi 100%",
              "per_kompetensi": "JPM = Σ min(level hasil asesmen, level yang disyaratkan) ÷ Σ level yang "
                                "disyaratkan × 100%: level di atas standar dihitung setara standar, jadi kelebihan pada "
                                "satu kompetensi tidak menutupi kekurangan pada kompetensi lain"}[policy.jpm.batasi_100]
    method += f" ({KEBIJAKAN}; BKN tidak menetapkan pembatasan ini)"
    where = ("di berkas hasil asesmen periode ini" if snapshot is not None
             and snapshot.sumber.get("nilai_potensi", snapshot.path) != snapshot.path else "di data kepegawaian")
    if snapshot is not None and snapshot.potensial_from_components:
        weights = [getattr(bobot, name) for name in KOMPONEN_POTENSIAL]
        source = (f"Nilai potensial = rata-rata berbobot penilaian kompetensi ({angka(weights[0])}), penilaian potensi "
                  f"({angka(weights[1])}) dan rekam jejak ({angka(weights[2])}) {where}⟦ (kolom "
                  f"{', '.join(KOMPONEN_POTENSIAL)})⟧ ({PERMEN_TALENTA}; bobot menurut kebijakan instansi).")
    else:
        source = f"Nilai potensial dari kolom {kolom('nilai_potensi')} {where}."
    lines = [
        *_kinerja_years(policy, snapshot),
        f"Kinerja dari predikat (PermenPANRB 6/2022; kategori kinerja tiap predikat: {KEBIJAKAN}): {predikat}.",
        f"Kinerja dari nilai ({KEBIJAKAN}): di atas ≥ {angka(nk.di_atas)}; sesuai {angka(nk.sesuai)}–<"
        f"{angka(nk.di_atas)}; di bawah < {angka(nk.sesuai)}.",
        source,
        f"Potensial ({KEBIJAKAN}; tidak ada ambang nasional): tinggi ≥ {angka(np_.tinggi)}; menengah "
        f"{angka(np_.menengah)}–<{angka(np_.tinggi)}; rendah < {angka(np_.menengah)}.",
        f"{method}.",
        _jpm_scope(kamus, policy),
        f"Kategori pemetaan ({KEBIJAKAN}): Optimal ≥ {angka(pem.optimal)}%; Cukup Optimal "
        f"{angka(pem.cukup_optimal)}–<{angka(pem.optimal)}%; Kurang Optimal < {angka(pem.cukup_optimal)}%.",
        f"Kategori seleksi ({KEBIJAKAN}): MS ≥ {angka(sel.ms)}%; MMS {angka(sel.mms)}–<{angka(sel.ms)}%; "
        f"KMS < {angka(sel.mms)}%.",
        _drawing(policy),
        *_pool(policy, snapshot),
        f"Hasil asesmen lebih dari {angka(policy.masa_berlaku_asesmen_tahun)} tahun sebelum akhir periode ditandai "
        f"kedaluwarsa ({KEBIJAKAN}; hasil penilaian kompetensi berlaku 3 tahun menurut Peraturan BKN 26/2019 "
        "Pasal 29 ayat (4) sebagaimana dikutip FAQ BKN).",
        "Rencana pengembangan: setiap kompetensi yang disyaratkan jabatan dengan level hasil asesmen di bawah level "
        "yang disyaratkan; kegiatan dari katalog pengembangan yang mengembangkan kompetensi itu sampai level ≥ level "
        "yang disyaratkan, level terendah dulu, lalu JP paling sedikit, lalu kode; tanpa kegiatan yang cocok: "
        "\"belum ada di katalog\"; kompetensi yang disyaratkan tetapi belum diases dicantumkan sebagai \"belum diases\" "
        "tanpa kegiatan (bukan tanpa kesenjangan); JP total menghitung setiap kegiatan sekali.",
        f"Hak pengembangan kompetensi paling sedikit {angka(policy.pengembangan.jp_minimal)} JP setahun "
        f"({PP_11} Pasal 203 ayat (4)).",
        f"Kebutuhan pengembangan kompetensi (AKPK): analisis kesenjangan kompetensi terhadap standar kompetensi "
        f"jabatan dan analisis kesenjangan kinerja ({PP_11} Pasal 206); kesenjangan kinerja = predikat di bawah Baik "
        "(PermenPANRB 6/2022), atau kinerja di bawah ekspektasi bila hanya ada nilai; jadwal (triwulan) dan biaya "
        "per peserta dari katalog pengembangan (Pasal 207 ayat (3)).",
        *_succession(policy, snapshot),
        f"Kelompok kurang dari {policy.ukuran_kelompok_minimal} orang tidak dirinci di situs (batas bawah alat Kamus: "
        f"{PRIVACY_FLOOR} orang, tidak dapat diturunkan lewat pengaturan, agar hasil satu-dua orang tidak dapat "
        "dikenali; UU 27/2022 tentang Pelindungan Data Pribadi).",
    ]
    return lines


def _kinerja_years(policy: TalentPolicy, snapshot: Snapshot | None) -> list[str]:
    """Which years' SKP gave the kinerja, in a period read from SKP files (no file path: the
    site shows this; the JSON's `sumber` names the file)."""
    if snapshot is None or not snapshot.kinerja_tahun:
        return []
    years = ", ".join(str(year) for year in sorted(snapshot.kinerja_tahun, reverse=True))  # no counts: the site shows this
    if policy.kinerja_skp == "terendah":
        rule = (f"predikat paling rendah dari SKP {max(policy.kinerja_minimal.tahun, 1)} tahun terakhir sampai tahun "
                f"periode ({snapshot.end.year})")
    else:
        rule = f"SKP tahun terakhir sampai tahun periode ({snapshot.end.year})"
    return [f"Kinerja dari {rule}, dari berkas SKP (e-Kinerja) periode ini: tahun {years} ({KEBIJAKAN}⟦: "
            f"talenta.kinerja_skp {policy.kinerja_skp}⟧)."]


def _succession(policy: TalentPolicy, snapshot: Snapshot | None) -> list[str]:
    s = policy.suksesi
    columns = snapshot.columns if snapshot is not None else frozenset()

    def column_note(rule: str) -> str:
        wanted = COLUMN[rule]
        if rule == "masa_jabatan_minimal" and snapshot is not None and any(c in columns for c in wanted):
            return f", {tenure_note(columns)}"
        if snapshot is None or any(c in columns for c in wanted):
            return f" (kolom {' atau '.join(map(kolom, wanted))} di data kepegawaian)"
        return f" — tidak diperiksa: kolom {' dan '.join(map(kolom, wanted))} tidak ada dalam data kepegawaian"

    feeders = _per_jenjang(s.jenjang_pengisi, lambda v: "← " + ", ".join(_feeder(j) for j in v))
    lines = [
        f"Suksesi: anggota kelompok talenta yang memenuhi persyaratan jabatan sasaran, urut menurut JPM terhadap "
        f"jabatan itu (pemangkunya sendiri tidak dihitung); {s.jumlah_kandidat} teratas dicantumkan.",
        f"Suksesi — jenjang pengisi ({PP_11} Pasal 54, 55 dan 107): {feeders}.",
        f"Suksesi — JF yang setingkat ({PP_11} Pasal 54 dan 55: \"JF yang setingkat dengan Jabatan pengawas\", "
        f"\"… Jabatan pelaksana\"): {_per_jenjang(s.setingkat, lambda v: '≈ ' + ', '.join(LABEL[j] for j in v))}; tabel "
        "menurut penyetaraan jabatan (PermenPANRB 17/2021) dan perpindahan antarjabatan (PermenPANRB 1/2023), bukan "
        "tabel nasional⟦ (talenta.suksesi.setingkat)⟧.",
        f"Suksesi — Batas Usia Pensiun jabatan sasaran ({PP_11} Pasal 239 ayat (2)): "
        f"{_per_jenjang(s.batas_usia_pensiun, lambda v: f'{v} tahun')}; usia dari tanggal lahir dalam NIP.",
        f"Suksesi — dikecualikan bila mencapai BUP jabatan sasaran kurang dari {angka(s.masa_kerja_tersisa_tahun)} "
        f"tahun setelah akhir periode ({KEBIJAKAN}: Pasal 239 hanya menetapkan BUP 58, 60 dan 65 tahun).",
        f"Suksesi — usia paling tinggi pada akhir periode ({PP_11} Pasal 107): "
        f"{_per_jenjang(s.usia_maksimal, lambda v: f'{v} tahun')}.",
        f"Suksesi — pendidikan paling rendah: {_per_jenjang(s.pendidikan_minimal)}"
        f"{column_note('pendidikan_minimal')}.",
        f"Suksesi — pangkat paling rendah: {_per_jenjang(s.pangkat_minimal)}{column_note('pangkat_minimal')}.",
        f"Suksesi — masa dalam jenjang jabatan sekarang paling singkat (\"sedang atau pernah menduduki\"): "
        f"{_per_jenjang(s.masa_jabatan_minimal_tahun, lambda v: f'{angka(v)} tahun')}"
        f"{column_note('masa_jabatan_minimal')}.",
    ]
    if s.hanya_jenjang_di_bawah:
        lines.append(f"Suksesi — hanya kandidat dari tingkat tepat di bawah tingkat jabatan sasaran ({KEBIJAKAN}).")
    return lines
