"""The columns Kamus reads from a period's files, under our names and under the headers the
personnel systems write, and the kinds of file they make.

One name per concept (the README's table "Kolom snapshot"): `nip`, `nama`, `jabatan`, … A
file's header is compared case-, space-, `_`- and `-`-insensitively with our names, then with
the export headers below (SIASN "data utama", e-Kinerja, SIASN rw-skp22 and rw-hukdis, the
assessment reports of talent applications), after the instansi's own mapping
(`talenta.kolom` in kamus.yaml). The other headers of those exports are known too: they are
listed once per file as not used, never taken for a misspelt column.
"""

from __future__ import annotations

from .values import normalise

# --- our names ------------------------------------------------------------------------------
# The one-file layout (a snapshot as Kamus documents it): every person with every field.
COLUMNS = ("nip", "nama", "jabatan", "predikat_kinerja", "nilai_kinerja", "nilai_potensi",
           "hukuman_disiplin", "tanggal_hukuman", "tanggal_asesmen", "pangkat_golongan", "pendidikan", "tmt_jabatan",
           "penilaian_kompetensi", "penilaian_potensi", "rekam_jejak")
REQUIRED = ("nip", "nama", "jabatan")
# The components of potensial (PermenPANRB 3/2020 as amended by 20/2025, Pasal 17): used when
# the export has no precomputed `nilai_potensi`.
KOMPONEN_POTENSIAL = ("penilaian_kompetensi", "penilaian_potensi", "rekam_jejak")
# Optional columns that enable succession checks (eligibility.py); absent = "tidak diperiksa".
OPTIONAL = ("pangkat_golongan", "pendidikan", "tmt_jabatan")

# Where a person's position is: the kamus key or the name of the jabatan, the personnel
# system's ids, the unit as the export names it.
POSITION = ("jabatan", "nama_jabatan", "jabatan_id", "unor_id", "unit_kerja", "satuan_kerja",
            "jenis_jabatan", "jenis_jabatan_id", "eselon", "eselon_id")
# Checked against the NIP or used to read other fields.
PERSON = ("gelar_depan", "gelar_belakang", "tanggal_lahir", "jenis_kelamin", "golongan_id", "tingkat_pendidikan_id")
# One row per person and year (SKP), per person and competency (assessment), per penalty.
RECORD = ("tahun", "bulan_skp", "kompetensi", "nama_kompetensi", "asesmen", "standar", "gap", "nama_hukuman",
          "tanggal_sk_hukuman")
FIELDS = tuple(dict.fromkeys(COLUMNS + POSITION + PERSON + RECORD))

# --- the exports' headers --------------------------------------------------------------------
# header as written (compared normalised) → our name
ALIASES = {
    # SIASN "data utama" (PegawaiCsvTransformer: 64 headers, later 65, 67, 69) and SIMPEG exports
    "NIP BARU": "nip", "NIP 18": "nip", "NAMA PEGAWAI": "nama", "NAMA LENGKAP": "nama",
    "GELAR DEPAN": "gelar_depan", "GELAR BELAKANG": "gelar_belakang",
    "TANGGAL LAHIR": "tanggal_lahir", "TGL LAHIR": "tanggal_lahir", "JENIS KELAMIN": "jenis_kelamin",
    "GOL AKHIR NAMA": "pangkat_golongan", "GOL AKHIR ID": "golongan_id",
    "GOLONGAN": "pangkat_golongan", "GOL RUANG": "pangkat_golongan", "PANGKAT/GOL": "pangkat_golongan",
    "PANGKAT GOLONGAN": "pangkat_golongan", "GOLRU": "pangkat_golongan",
    "JENIS JABATAN NAMA": "jenis_jabatan", "JENIS JABATAN ID": "jenis_jabatan_id",
    "JABATAN NAMA": "nama_jabatan", "NAMA JABATAN": "nama_jabatan", "JABATAN ID": "jabatan_id",
    "UNOR ID": "unor_id", "UNOR NAMA": "unit_kerja", "NAMA UNOR": "unit_kerja", "UNIT KERJA": "unit_kerja",
    "UNIT ORGANISASI": "unit_kerja", "SATUAN KERJA KERJA NAMA": "satuan_kerja", "SATUAN KERJA NAMA": "satuan_kerja",
    "OPD": "satuan_kerja", "PERANGKAT DAERAH": "satuan_kerja",
    "ESELON NAMA": "eselon", "ESELON ID": "eselon_id",
    "TINGKAT PENDIDIKAN NAMA": "pendidikan", "TINGKAT PENDIDIKAN ID": "tingkat_pendidikan_id",
    "PENDIDIKAN TERAKHIR": "pendidikan",
    # SKP: SIASN rw-skp22, e-Kinerja "laporan penilaian"
    "TAHUN SKP": "tahun", "kuadranKinerja": "predikat_kinerja", "hasil_akhir": "predikat_kinerja",
    "PREDIKAT": "predikat_kinerja", "NILAI SKP": "nilai_kinerja", "PENILAIAN KINERJA": "nilai_kinerja",
    # assessment per competency (kd_skj … of a talent application) and summaries
    "kd_skj": "kompetensi", "KODE KOMPETENSI": "kompetensi", "nm_skj": "nama_kompetensi",
    "nilai_skj": "asesmen", "NILAI KOMPETENSI SKJ": "asesmen", "LEVEL": "asesmen", "skj": "standar",
    "gap_skj": "gap", "nilai_kompetensi": "penilaian_kompetensi", "TANGGAL ASESMEN": "tanggal_asesmen",
    "TGL ASESMEN": "tanggal_asesmen", "TANGGAL PENILAIAN": "tanggal_asesmen",
    # discipline: SIASN rw-hukdis
    "jenisTingkatHukumanId": "hukuman_disiplin", "TINGKAT HUKUMAN": "hukuman_disiplin",
    "jenisHukumanNama": "nama_hukuman", "NAMA HUKUMAN": "nama_hukuman", "hukumanTanggal": "tanggal_hukuman",
    "TMT HUKUMAN": "tanggal_hukuman", "skTanggal": "tanggal_sk_hukuman",
}
# Headers of those exports that Kamus does not use (listed once per file, never a typo).
UNUSED = (
    # SIASN "data utama"
    "PNS ID", "NIP LAMA", "TEMPAT LAHIR ID", "TEMPAT LAHIR NAMA", "TEMPAT LAHIR", "AGAMA ID", "AGAMA NAMA",
    "JENIS KAWIN ID", "JENIS KAWIN NAMA", "NIK", "KEDUDUKAN HUKUM NAMA", "NOMOR HP", "EMAIL", "EMAIL GOV", "ALAMAT", "NPWP NOMOR", "BPJS",
    "JENIS PEGAWAI ID", "JENIS PEGAWAI NAMA", "KEDUDUKAN HUKUM ID", "STATUS CPNS PNS", "KARTU ASN VIRTUAL",
    "NOMOR SK CPNS", "TANGGAL SK CPNS", "TMT CPNS", "NOMOR SK PNS", "TANGGAL SK PNS", "TMT PNS", "GOL AWAL ID",
    "GOL AWAL NAMA", "TMT GOLONGAN", "TMT GOLONGAN AKHIR", "MK TAHUN", "MK BULAN", "PENDIDIKAN ID",
    "PENDIDIKAN NAMA", "PENDIDIKAN TERAKHIR NAMA", "TAHUN LULUS", "KPKN ID", "KPKN NAMA", "LOKASI KERJA ID",
    "LOKASI KERJA NAMA", "INSTANSI INDUK ID", "INSTANSI INDUK NAMA", "INSTANSI KERJA ID", "INSTANSI KERJA NAMA",
    "SATUAN KERJA INDUK ID", "SATUAN KERJA INDUK NAMA", "SATUAN KERJA KERJA ID", "IS VALID NIK", "NAMA SEKOLAH",
    "FLAG IKD", "CREATED AT", "UPDATED AT", "NO", "NO.", "NOMOR", "KETERANGAN",
    # SIASN rw-skp22 and e-Kinerja
    "id", "hasilKinerja", "hasilKinerjaNilai", "perilakuKerja", "PerilakuKerjaNilai", "KuadranKinerjaNilai",
    "namaPenilai", "nipNrpPenilai", "penilaiGolonganId", "penilaiJabatanNm", "penilaiUnorNm", "pnsDinilaiId",
    "statusPenilai", "path", "jenis", "periode_awal_skp", "periode_akhir_skp", "skp_unor_id", "skp_unor",
    "skp_unor_induk", "skp_jabatan", "skp_jenis_jabatan", "is_skp_plt_plh_pjb", "hasil_kerja", "perilaku_kerja",
    "pegawai_atasan_id", "pegawai_atasan_nip", "pegawai_atasan_nama", "pegawai_atasan_unor_id",
    "pegawai_atasan_unor", "pegawai_atasan_jabatan", "pegawai_atasan_golru", "waktu_dinilai",
    "pegawai_penilai_id", "skp_id", "periode_id", "skp_penilaian_id", "jenis_pegawai", "Is SKP Plt/Plh/Pjb",
    # assessment reports
    "no_register", "rekomendasi", "kesenjangan", "kmanajerial", "kkultural", "ket_kmanajerial", "ket_kkultural",
    "nilai_manajer", "nilai_sosial", "nilai_teknis", "nilai_jpm", "nm_kesesuaian", "nm_rekomendasi", "JPM", "IKK",
    "KATEGORI", "KUADRAN", "PENILAIAN JPM", "TOTAL", "SARAN PENEMPATAN", "SARAN PENGEMBANGAN", "INSTANSI", "JABATAN/INSTANSI",
    # SIASN rw-hukdis
    "rwHukumanDisiplin", "golongan", "kedudukanHukum", "jenisHukuman", "pnsOrang", "skNomor", "masaTahun",
    "masaBulan", "akhirHukumTanggal", "nomorPp", "golonganLama", "skPembatalanNomor", "skPembatalanTanggal", "alasanHukumanDisiplin",
    "alasanHukumanDisiplinNama", "keterangan",
)
# Why a column that looks useful is not read (said in the notice that lists it).
WHY_UNUSED = {
    "nilaijpm": "JPM dihitung Kamus dari level per kompetensi terhadap SKJ jabatan",
    "penilaianjpm": "JPM dihitung Kamus dari level per kompetensi terhadap SKJ jabatan",
    "jpm": "JPM dihitung Kamus dari level per kompetensi terhadap SKJ jabatan",
    "kuadran": "kotak dihitung Kamus dari kinerja dan potensial menurut kebijakan instansi",
    "kuadrankinerjanilai": "predikat dibaca dari teksnya, bukan dari kodenya (kode angka berbeda antaraplikasi)",
    "standar": "level yang disyaratkan diambil dari SKJ jabatan di kamus",
    "gap": "kesenjangan dihitung Kamus terhadap SKJ jabatan di kamus",
}

NIP_HEADERS = frozenset({"nip"} | {normalise(h) for h, field in ALIASES.items() if field == "nip"})

# --- kinds of file ---------------------------------------------------------------------------
PEGAWAI, SKP, ASESMEN, RINGKASAN, HUKDIS = "pegawai", "skp", "asesmen", "ringkasan", "hukdis"
KIND_LABEL = {PEGAWAI: "ekspor data pegawai", SKP: "hasil SKP (satu baris per pegawai per tahun)",
              ASESMEN: "hasil asesmen per kompetensi (satu baris per pegawai per kompetensi)",
              RINGKASAN: "ringkasan hasil asesmen (satu baris per pegawai)",
              HUKDIS: "riwayat hukuman disiplin (satu baris per hukuman)"}
POSITION_KEYS = frozenset({"jabatan", "nama_jabatan", "jabatan_id"})
SCORES = frozenset({"predikat_kinerja", "nilai_kinerja", "nilai_potensi", *KOMPONEN_POTENSIAL})
# The fields that make the rows of a kind (read whatever else the file gives).
STRUCTURE = {SKP: ("tahun", "bulan_skp"), ASESMEN: ("kompetensi", "nama_kompetensi"),
             HUKDIS: ("nama_hukuman", "tanggal_sk_hukuman"), RINGKASAN: ()}
def kind_of(fields: set[str], competency_columns: bool) -> str | None:
    """The kind of a file from the fields its header has (``competency_columns``: a column
    headed by a competency code): None when it fits none."""
    if "tahun" in fields and fields & {"predikat_kinerja", "nilai_kinerja"}:
        return SKP
    if fields & {"kompetensi", "nama_kompetensi"} and "asesmen" in fields:
        return ASESMEN
    if fields & POSITION_KEYS:
        return PEGAWAI
    if fields & {"hukuman_disiplin", "nama_hukuman"}:
        return HUKDIS
    if fields & SCORES or competency_columns:
        return RINGKASAN
    return None


def lookup(kolom: dict[str, str]) -> tuple[dict[str, str], frozenset[str]]:
    """(normalised header → our name, normalised headers known as not used), with the
    instansi's mapping ``kolom`` (their header → our name) over the built-in aliases."""
    known = {normalise(f): f for f in FIELDS}
    known.update({normalise(alias): field for alias, field in ALIASES.items() if normalise(alias) not in known})
    known.update({normalise(header): field for header, field in kolom.items()})
    unused = frozenset(normalise(h) for h in UNUSED) - set(known)
    return known, unused
