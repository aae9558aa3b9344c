"""The rule table: every check has a stable id, a severity, a description and a fix hint.

Rule ids never change once published (CI logs, editor annotations and the documentation
refer to them). Add new rules at the end of their group. The README table and the site's
data reference are generated from :data:`RULES`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import SEVERITY_LABEL, Finding, without_personal_numbers


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # error | warning | notice
    stage: str  # berkas | skema | konsistensi | snapshot | keputusan | buku kerja | formulir SKJ
    description: str  # what the rule checks, in Bahasa Indonesia
    hint: str  # the default way to fix it, in Bahasa Indonesia


_TABLE = [
    # --- reading files (the YAML loader) ---
    Rule("YAML-SYNTAX", "error", "berkas", "Berkas bukan YAML yang sah.",
         "Periksa indentasi (pakai spasi, bukan tab), titik dua setelah nama kolom, dan tanda kutip yang belum ditutup."),
    Rule("YAML-ENCODING", "error", "berkas", "Berkas bukan teks UTF-8 yang sah.",
         "Simpan ulang berkas sebagai UTF-8 (di editor: Save with Encoding > UTF-8)."),
    Rule("YAML-TOO-LARGE", "error", "berkas", "Berkas atau strukturnya terlalu besar/dalam untuk dibaca dengan aman.",
         "Pecah isi berkas; satu berkas berisi satu kompetensi atau satu jabatan."),
    Rule("YAML-EMPTY", "error", "berkas", "Berkas kosong.",
         "Isi berkas sesuai format, atau hapus berkas ini."),
    Rule("YAML-MULTI-DOC", "error", "berkas", "Berkas berisi lebih dari satu dokumen YAML (`---`).",
         "Satu berkas hanya boleh berisi satu dokumen; pindahkan dokumen berikutnya ke berkas sendiri."),
    Rule("YAML-DUPLICATE-KEY", "error", "berkas", "Nama kolom yang sama ditulis dua kali dalam satu pemetaan.",
         "Hapus salah satu; YAML biasa diam-diam memakai yang terakhir, Kamus menolaknya agar tidak ada isi yang hilang."),
    Rule("YAML-ANCHOR", "error", "berkas", "Anchor (`&`), alias (`*`) atau merge key (`<<`) dipakai.",
         "Tulis isinya secara lengkap di tempat itu; data kamus harus terbaca tanpa rujukan tersembunyi."),
    Rule("YAML-AMBIGUOUS", "error", "berkas", "Nilai tanpa tanda kutip yang arti bacaannya berubah oleh YAML 1.1 (misal `010`, `no`, `1:20`, `2024-01-01`).",
         "Beri tanda kutip agar dibaca sebagai teks, misalnya `kode: \"010\"`."),
    Rule("YAML-TAG", "error", "berkas", "Tag YAML (`!…`) dipakai.",
         "Hapus tag; data kamus hanya berisi teks, bilangan, daftar dan pemetaan."),
    Rule("FILE-EXTENSION", "error", "berkas", "Berkas data berakhiran `.yml` atau huruf besar sehingga tidak akan dibaca.",
         "Ganti akhiran nama berkas menjadi `.yaml`."),
    Rule("FILE-LOCATION", "error", "berkas", "Berkas YAML berada di luar susunan folder yang dikenal.",
         "Kompetensi: `competencies/<jenis>/<kode>.yaml`; jabatan: `positions/<unit>/<kode>.yaml`; kegiatan pengembangan: `development/<kode>.yaml`; keputusan komite talenta: `keputusan/<periode>.yaml`."),
    Rule("FILE-SYMLINK", "error", "berkas", "Berkas atau folder data adalah tautan simbolik ke luar folder kamus atau ke folder tersembunyi di dalamnya (misalnya .git), atau folder tautan; tidak dibaca.",
         "Salin berkasnya ke dalam folder kamus sebagai berkas biasa; Kamus tidak mengikuti tautan keluar agar tidak ada berkas mesin build yang ikut terbit."),
    Rule("YAML-CONTROL", "error", "berkas", "Teks berisi karakter kontrol yang tak terlihat (misalnya dari `\\v`, `\\x0b` atau `\\u0000` di dalam tanda kutip ganda); karakter itu merusak Lampiran DOCX dan riwayat versi.",
         "Hapus karakter itu atau ganti dengan spasi; untuk pindah baris tulis baris baru sungguhan di dalam teks blok YAML, bukan kode escape."),
    Rule("FILE-TEMPORARY", "warning", "berkas", "Berkas sementara Kamus (`.….kamus-tmp`) tersisa dari perintah yang terhenti; tidak dibaca.",
         "Hapus berkas itu; isinya tidak pernah menjadi bagian kamus."),
    Rule("IMPORT-UNFINISHED", "error", "berkas", "Impor yang terhenti di tengah jalan (prosesnya dimatikan): sebagian berkas kamus mungkin sudah berubah, sebagian belum.",
         "Jalankan perintah `kamus` apa pun dari baris perintah (misalnya `kamus validate`): impor itu diselesaikan atau dibatalkan lebih dulu, dan hasilnya disebutkan."),
    # --- schema ---
    Rule("SCHEMA-REQUIRED", "error", "skema", "Kolom wajib belum diisi.",
         "Tambahkan kolom tersebut."),
    Rule("SCHEMA-UNKNOWN-FIELD", "error", "skema", "Kolom tidak dikenal (sering karena salah ketik).",
         "Perbaiki ejaan nama kolom atau hapus kolom tersebut."),
    Rule("SCHEMA-TYPE", "error", "skema", "Jenis nilai salah (misal teks di tempat bilangan, atau sebaliknya).",
         "Tulis nilai dengan jenis yang diminta."),
    Rule("SCHEMA-ENUM", "error", "skema", "Nilai bukan salah satu pilihan yang sah.",
         "Pilih salah satu nilai yang disebutkan."),
    Rule("SCHEMA-PATTERN", "error", "skema", "Nilai tidak sesuai pola yang diminta (misal kode dengan spasi).",
         "Tulis nilai sesuai pola yang disebutkan."),
    Rule("SCHEMA-RANGE", "error", "skema", "Bilangan di luar rentang yang sah.",
         "Tulis bilangan di dalam rentang yang disebutkan."),
    Rule("SCHEMA-SIZE", "error", "skema", "Teks atau daftar kosong, terlalu pendek atau terlalu panjang.",
         "Isi sesuai jumlah yang diminta."),
    Rule("SCHEMA-DUPLICATE-ITEM", "error", "skema", "Butir yang sama muncul dua kali dalam satu daftar.",
         "Hapus butir yang berulang."),
    Rule("SCHEMA-INVALID", "error", "skema", "Nilai tidak sah menurut skema.",
         "Periksa nilai terhadap format data di dokumentasi."),
    Rule("SCHEMA-RENAMED", "notice", "skema", "Kolom memakai nama lama yang masih dibaca untuk satu versi (`jenis_jabatan` kini bernama `jenjang`).",
         "Ganti nama kolom itu dengan nama barunya; nama lama tidak dibaca lagi mulai versi Kamus berikutnya."),
    Rule("SCHEMA-RENAMED-BOTH", "error", "skema", "Kolom ditulis dengan nama lama dan nama barunya sekaligus (misalnya `jenis_jabatan` dan `jenjang`).",
         "Hapus kolom bernama lama dan sisakan nama barunya."),
    # --- cross-file consistency ---
    Rule("KODE-DUPLICATE", "error", "konsistensi", "Kode yang sama dipakai oleh dua berkas sejenis.",
         "Setiap kompetensi, jabatan, unit dan kegiatan pengembangan harus punya kode unik; ubah salah satu kode (dan nama berkasnya)."),
    Rule("KODE-FILENAME", "error", "konsistensi", "Nama berkas tidak sama dengan `kode` di dalamnya (untuk unit: nama folder).",
         "Samakan nama berkas dengan kode, misalnya `M.1.yaml` untuk `kode: M.1`."),
    Rule("JENIS-UNKNOWN", "error", "konsistensi", "`jenis` kompetensi tidak dikenal.",
         "Pakai manajerial, sosial_kultural, teknis, atau daftarkan jenis baru di `kamus.yaml` bagian `jenis_kompetensi`."),
    Rule("JENIS-FOLDER", "error", "konsistensi", "Folder kompetensi tidak sama dengan `jenis` di dalam berkas.",
         "Pindahkan berkas ke `competencies/<jenis>/` atau perbaiki `jenis`."),
    Rule("UNIT-MISSING", "error", "konsistensi", "Folder unit di `positions/` tidak punya `_unit.yaml`.",
         "Buat `positions/<unit>/_unit.yaml` berisi `kode` (= nama folder) dan `nama` unit."),
    Rule("UNIT-INDUK-UNKNOWN", "error", "konsistensi", "`induk` menunjuk unit yang tidak ada.",
         "Tulis kode unit yang ada (nama foldernya di `positions/`), atau hapus `induk`."),
    Rule("UNIT-INDUK-CYCLE", "error", "konsistensi", "Rantai `induk` antarunit berputar kembali ke dirinya.",
         "Perbaiki `induk` salah satu unit dalam lingkaran agar ada unit teratas."),
    Rule("ATASAN-UNKNOWN", "error", "konsistensi", "`atasan` menunjuk jabatan yang tidak ada.",
         "Tulis kode jabatan atasan yang ada, atau hapus `atasan` untuk jabatan teratas."),
    Rule("ATASAN-CYCLE", "error", "konsistensi", "Garis atasan berputar kembali ke jabatan itu sendiri.",
         "Perbaiki `atasan` salah satu jabatan dalam lingkaran."),
    Rule("KOMPETENSI-UNKNOWN", "error", "konsistensi", "Jabatan atau kegiatan pengembangan menyebut kompetensi yang tidak ada di kamus.",
         "Perbaiki kode kompetensi, atau tambahkan kompetensinya di `competencies/`."),
    Rule("KOMPETENSI-REPEATED", "error", "konsistensi", "Satu kompetensi disebut lebih dari sekali dalam satu jabatan atau satu kegiatan pengembangan.",
         "Sisakan satu baris untuk kompetensi itu dengan level yang benar."),
    Rule("LEVEL-UNDEFINED", "error", "konsistensi", "Level yang disyaratkan jabatan (atau dicapai kegiatan pengembangan) tidak ada pada kompetensi tersebut.",
         "Turunkan level ke level tertinggi yang tersedia, atau tambahkan level itu pada kompetensinya."),
    Rule("LEVEL-SEQUENCE", "error", "konsistensi", "Level kompetensi tidak berurutan 1..N (N paling banyak 5) atau ada level ganda.",
         "Susun level mulai 1 tanpa lompatan dan tanpa pengulangan."),
    Rule("KOMPETENSI-WAJIB-MISSING", "error", "konsistensi", "Jabatan tidak mencantumkan kompetensi wajib (semua manajerial dan sosial kultural yang berlaku).",
         "Tambahkan kompetensi tersebut ke `kompetensi` jabatan dengan level yang disyaratkan."),
    Rule("KOMPETENSI-DICABUT", "error", "konsistensi", "Jabatan atau kegiatan pengembangan menyebut kompetensi yang sudah dicabut.",
         "Ganti dengan kompetensi penggantinya."),
    Rule("DIGANTI-OLEH-STATUS", "error", "konsistensi", "`diganti_oleh` diisi pada kompetensi yang tidak berstatus `dicabut`.",
         "Hapus `diganti_oleh`, atau ubah `status` menjadi `dicabut`."),
    Rule("DIGANTI-OLEH-UNKNOWN", "error", "konsistensi", "`diganti_oleh` menunjuk kompetensi yang tidak ada, atau dirinya sendiri.",
         "Tulis kode kompetensi pengganti yang ada."),
    Rule("LEVEL-BELOW-STANDARD", "warning", "konsistensi", "Level manajerial atau sosial kultural di bawah standar untuk jenjang jabatan ini.",
         "Naikkan level, atau ubah standar di `kamus.yaml` bagian `standar_level_manajerial` bila kebijakan instansi berbeda (jabatan fungsional: `standar_level_manajerial` di SKJ-nya, sesuai ketetapan instansi pembina)."),
    Rule("TEKNIS-MISSING", "warning", "konsistensi", "Jabatan belum mencantumkan satu pun kompetensi teknis.",
         "Tambahkan kompetensi teknis yang dibutuhkan jabatan ini."),
    Rule("CONFIG-LOGO-MISSING", "error", "konsistensi", "Berkas logo yang disebut di `kamus.yaml` tidak ada.",
         "Periksa jalur `instansi.logo` (relatif terhadap folder kamus), atau hapus baris itu."),
    Rule("CONFIG-LOGO-PATH", "error", "konsistensi", "Jalur logo di `kamus.yaml` keluar dari folder kamus (jalur absolut, `..`, atau tautan simbolik).",
         "Simpan logo di dalam folder kamus dan tulis jalurnya relatif, misalnya `assets/logo.png`."),
    Rule("CONFIG-LOGO-TYPE", "error", "konsistensi", "Berkas logo bukan gambar PNG, JPEG, GIF atau WebP, atau lebih besar dari 2 MB.",
         "Simpan logo sebagai PNG atau JPEG berukuran kecil (SVG tidak diterima karena dapat berisi skrip)."),
    Rule("RIWAYAT-TAG", "error", "konsistensi", "Tag git yang disebut di `riwayat` tidak ada di repositori (atau folder kamus bukan repositori git).",
         "Periksa nama tag (`git tag --list`), ambil semua tag dengan `git fetch --tags`, atau hapus versi itu dari `riwayat`."),
    Rule("KODE-RESERVED", "error", "konsistensi", "Kode kompetensi, jabatan, unit, jenis atau kegiatan pengembangan memakai nama yang dipakai situs sendiri (`index`) atau nama yang tidak dapat menjadi nama berkas di Windows (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, dengan atau tanpa akhiran, huruf apa pun), atau diakhiri titik.",
         "Pilih kode lain; `index` adalah nama halaman daftar di situs."),
    Rule("KODE-CASE", "error", "konsistensi", "Dua kode hanya berbeda huruf besar/kecil; di Windows dan macOS berkasnya bertabrakan.",
         "Samakan penulisan kode, atau pilih kode yang benar-benar berbeda."),
    Rule("MKDOCS-YAML", "error", "konsistensi", "`mkdocs.yml` milik kamus bukan YAML yang dapat dibaca.",
         "Perbaiki sintaks `mkdocs.yml`, atau hapus berkas itu agar pengaturan bawaan Kamus dipakai."),
    Rule("MKDOCS-CODE", "warning", "konsistensi", "`mkdocs.yml` milik kamus menyebut kode atau berkas yang dijalankan/dimuat saat build (hooks, theme.custom_dir, INHERIT, extra_javascript, extra_css, tag `!ENV`, `!relative`, `!!python/...`), ekstensi Markdown atau plugin di luar daftar yang aman (misalnya pymdownx.snippets, yang membaca berkas), atau extra.analytics (mengirim data pengunjung ke luar).",
         "Hapus pengaturan itu. Bila memang diperlukan, operator build harus mengizinkannya sendiri dengan `kamus build --izinkan-kode` (lihat README, Keamanan); tanpa izin itu build dihentikan."),
    Rule("MKDOCS-KEY", "warning", "konsistensi", "Pengaturan `mkdocs.yml` yang diatur Kamus sendiri atau tidak didukung; diabaikan saat build.",
         "Hapus pengaturan itu; nama situs, logo, alamat dan repositori diatur di `kamus.yaml`."),
    Rule("PENGEMBANGAN-BENTUK", "error", "konsistensi", "`bentuk` kegiatan pengembangan tidak termasuk `jalur`-nya (klasikal atau nonklasikal).",
         "Ubah `jalur`, atau pilih bentuk yang termasuk jalur tersebut (daftar bentuk ada di Referensi Data)."),
    Rule("STANDAR-LEVEL-FUNGSIONAL", "error", "konsistensi", "`standar_level_manajerial` diisi di SKJ jabatan yang bukan jabatan fungsional.",
         "Hapus kolom itu; standar jabatan selain jabatan fungsional diatur di `kamus.yaml` bagian `standar_level_manajerial`."),
    Rule("CONFIG-TALENTA", "error", "konsistensi", "Pengaturan `talenta` di `kamus.yaml` saling bertentangan.",
         "Perbaiki pengaturan yang disebut sesuai petunjuk pada pesan."),
    # --- talent snapshots (snapshots/<periode>.csv|.xlsx) ---
    Rule("SNAPSHOT-FILE", "error", "snapshot", "Berkas snapshot tidak dapat dibaca, kosong, atau nama periodenya tidak sah.",
         "Simpan sebagai CSV atau XLSX bernama menurut periode, misalnya `snapshots/2025.csv` atau `snapshots/2025-06.xlsx`."),
    Rule("SNAPSHOT-ENCODING", "notice", "snapshot", "Berkas CSV bukan UTF-8; dibaca sebagai Windows-1252.",
         "Tidak wajib diperbaiki; sebaiknya simpan sebagai \"CSV UTF-8\" di Excel."),
    Rule("SNAPSHOT-HEADER-MISSING", "error", "snapshot", "Kolom wajib tidak ada di baris judul.",
         "Tambahkan kolom tersebut di baris pertama (judul kolom)."),
    Rule("SNAPSHOT-HEADER-TYPO", "error", "snapshot", "Judul kolom tidak dikenal tetapi mirip kolom yang dikenal (salah ketik).",
         "Perbaiki ejaan judul kolom."),
    Rule("SNAPSHOT-HEADER-DUPLICATE", "error", "snapshot", "Dua kolom berjudul sama.", "Hapus atau ganti salah satu kolom."),
    Rule("SNAPSHOT-COLUMN-IGNORED", "notice", "snapshot", "Kolom tambahan yang tidak dipakai.", "Tidak perlu diperbaiki."),
    Rule("SNAPSHOT-NIP", "error", "snapshot", "NIP bukan 18 angka (0–9), atau susunannya tidak sah: tanggal lahir, tahun pengangkatan, kode jenis kelamin (1/2), nomor urut (001 ke atas).",
         "Tulis NIP 18 angka sesuai SK; spasi dan titik boleh, akan dihapus."),
    Rule("SNAPSHOT-NIP-EXCEL", "error", "snapshot", "NIP sudah dirusak Excel menjadi bilangan (misalnya `1,98E+17`).",
         "Di Excel, format kolom NIP sebagai Text sebelum mengisi/menempel NIP, atau awali NIP dengan tanda petik ('), lalu ekspor ulang."),
    Rule("SNAPSHOT-NIP-DUPLICATE", "error", "snapshot", "NIP yang sama muncul di dua baris.", "Sisakan satu baris per pegawai."),
    Rule("SNAPSHOT-JABATAN-UNKNOWN", "error", "snapshot", "Kolom `jabatan` menyebut jabatan yang tidak ada di positions/.",
         "Tulis `kode` jabatan yang ada di kamus, atau tambahkan jabatannya di positions/."),
    Rule("SNAPSHOT-PREDIKAT", "error", "snapshot", "Predikat kinerja tidak dikenal.",
         "Pakai salah satu: Sangat Baik, Baik, Butuh Perbaikan, Kurang, Kurang/Misconduct, Sangat Kurang."),
    Rule("SNAPSHOT-EMPTY", "error", "snapshot", "Nilai wajib kosong.", "Isi sel tersebut."),
    Rule("SNAPSHOT-VALUE", "error", "snapshot", "Nilai bukan bilangan, di luar rentang, atau bukan pilihan yang sah.",
         "Tulis bilangan dalam rentang yang disebutkan (koma desimal boleh, misalnya 3,5) atau salah satu pilihan."),
    Rule("SNAPSHOT-DATE", "error", "snapshot", "Tanggal tidak dapat dibaca.", "Tulis tanggal sebagai DD-MM-YYYY, DD/MM/YYYY atau YYYY-MM-DD."),
    Rule("SNAPSHOT-STRUCTURE", "error", "snapshot", "Struktur CSV rusak: tanda kutip tidak ditutup, baris data ikut masuk ke satu sel, jumlah sel tidak sama dengan judul kolom, atau jumlah baris terbaca tidak sama dengan baris data.",
         "Buka berkas di Excel, perbaiki sel yang disebut (tanda kutip, pemisah di dalam teks), lalu simpan ulang sebagai CSV."),
    Rule("SNAPSHOT-HEADER-RENAMED", "notice", "snapshot", "Judul kolom memakai nama lama yang masih dibaca untuk satu versi (`kode_jabatan` kini bernama `jabatan`).",
         "Ganti judul kolom dengan nama barunya; nama lama tidak dibaca lagi mulai versi Kamus berikutnya."),
    Rule("SNAPSHOT-SOURCE", "notice", "snapshot", "Apa yang dibaca dari berkas periode: jenis berkasnya dan kolom yang dipakai, nama yang dicocokkan, baris atau berkas yang tidak dipakai.",
         "Tidak perlu diperbaiki; periksa bahwa setiap kolom dibaca dari berkas yang benar."),
    Rule("SNAPSHOT-SOURCE-UNKNOWN", "error", "snapshot", "Berkas di folder periode tidak dikenali dari judul kolomnya (bukan ekspor data pegawai, SKP, hasil asesmen, atau hukuman disiplin).",
         "Beri judul kolom yang dikenal, petakan judulnya di kamus.yaml `talenta.kolom`, atau pindahkan berkas itu keluar dari folder snapshots/."),
    Rule("SNAPSHOT-DATE-ORDER", "notice", "snapshot", "Tanggal suatu berkas ditulis bulan lebih dulu (MM-DD-YYYY), atau urutan hari dan bulannya tidak dapat dipastikan (dibaca DD-MM-YYYY).",
         "Tidak wajib diperbaiki; periksa bahwa tanggalnya terbaca benar."),
    Rule("SNAPSHOT-UNIT-UNKNOWN", "warning", "snapshot", "Unit kerja pegawai di ekspor (UNOR ID, UNOR NAMA, SATUAN KERJA NAMA) tidak cocok dengan satu unit di kamus; pegawainya tidak dipetakan.",
         "Tambahkan nama unit itu di `nama_lain`, atau UNOR ID-nya di `siasn: {unor_id: …}`, pada _unit.yaml unit yang benar."),
    Rule("SNAPSHOT-JABATAN-UNMATCHED", "warning", "snapshot", "Jabatan pegawai di ekspor tidak ditemukan di unitnya di kamus (belum ada SKJ-nya, atau namanya ditulis lain); pegawainya tidak dipetakan.",
         "Tulis JABATAN ID SIASN di `siasn: {jabatan_id: …}` jabatan yang sama di kamus, atau susun SKJ jabatan itu."),
    Rule("SNAPSHOT-JABATAN-AMBIGUOUS", "warning", "snapshot", "Jabatan pegawai di ekspor cocok dengan lebih dari satu jabatan di kamus; tidak dipilih salah satu.",
         "Tulis JABATAN ID SIASN di `siasn: {jabatan_id: …}` jabatan yang benar, atau UNOR ID/nama unit di unitnya."),
    Rule("SNAPSHOT-JABATAN-NAMA", "notice", "snapshot", "JABATAN ID pegawai cocok dengan jabatan di kamus, tetapi nama jabatannya di ekspor berbeda.",
         "Tidak wajib diperbaiki; periksa bahwa JABATAN ID di kamus benar."),
    Rule("SNAPSHOT-JENIS-JABATAN", "warning", "snapshot", "JENIS JABATAN di ekspor (struktural, fungsional, pelaksana) tidak sesuai dengan jenjang jabatan yang dicocokkan di kamus.",
         "Periksa jenjang jabatan itu di kamus, atau jabatan pegawai di sistem kepegawaian."),
    Rule("SNAPSHOT-NIP-DATA", "warning", "snapshot", "TANGGAL LAHIR atau JENIS KELAMIN di ekspor tidak sama dengan yang tertulis dalam NIP (atau tidak terbaca).",
         "Periksa data pegawai itu di sistem kepegawaian; usia untuk suksesi dihitung dari NIP."),
    Rule("SNAPSHOT-JOIN", "warning", "snapshot", "Pegawai di berkas SKP, asesmen atau hukuman disiplin tidak ada di ekspor data pegawai, atau pegawai di ekspor tidak punya kinerja atau nilai potensial di berkas lain; mereka tidak dipetakan.",
         "Lengkapi berkas periode itu; daftar pegawainya ada di laporan RAHASIA (kamus talenta --output)."),
    Rule("SNAPSHOT-KOMPETENSI", "warning", "snapshot", "Kompetensi di berkas hasil asesmen tidak ada di kamus (menurut kode atau nama); nilainya tidak dipakai.",
         "Tulis kode kompetensi kamus (misalnya M.2) atau namanya seperti di kamus."),
    Rule("SNAPSHOT-RECORD-CONFLICT", "warning", "snapshot", "Seorang pegawai punya dua nilai berbeda untuk hal yang sama (SKP satu tahun, level satu kompetensi, nilai potensial); dipakai baris terakhir.",
         "Sisakan satu baris per pegawai untuk hal itu, atau isi tanggal asesmen agar yang terbaru dipakai."),
    Rule("SNAPSHOT-UNMAPPED", "warning", "snapshot", "Folder periode berisi ekspor data pegawai tetapi belum berisi kinerja (SKP) atau nilai potensial (hasil asesmen): cakupan SKJ dihitung, pemetaan talenta periode ini belum.",
         "Letakkan hasil SKP dan hasil asesmen periode itu di foldernya bila sudah ada; sampai itu `kamus talenta` dan situs memetakan periode sebelumnya."),
    Rule("KOMPETENSI-UNUSED", "notice", "konsistensi", "Kompetensi yang berlaku belum dipakai oleh jabatan mana pun.",
         "Tidak wajib diperbaiki; pastikan kompetensi ini memang dibutuhkan."),
    Rule("KOMPETENSI-NASIONAL-BEDA", "warning", "konsistensi",
         "Kompetensi manajerial atau sosial kultural berbeda dari teks resmi Lampiran PermenPANRB Nomor 38 Tahun 2017 "
         "(beda spasi, jenis tanda kutip, nomor butir dan tanda baca penutup butir tidak dihitung).",
         "Salin teks resmi kata demi kata; teks resmi yang dikutip di pesan ini dapat langsung ditempel."),
    Rule("PANGKAT-JENJANG", "warning", "konsistensi",
         "Golongan ruang pada persyaratan pangkat jabatan fungsional di luar rentang jenjangnya "
         "(misalnya Mahir: III/a–III/b).",
         "Tulis golongan ruang dalam rentang jenjang jabatan fungsional itu, atau perbaiki `jenjang`."),
    Rule("CONFIG-TANGGAL", "error", "konsistensi", "Tanggal di `kamus.yaml` bukan tanggal kalender yang ada.",
         "Tulis tanggal yang ada sebagai \"YYYY-MM-DD\", misalnya \"2024-03-01\"."),
    Rule("RIWAYAT-VERSI", "warning", "konsistensi",
         "Catatan `riwayat` suatu versi (nomor, tahun dari label atau kolomnya, tanggal) berbeda dengan `versi` di "
         "kamus.yaml pada tag versi itu; kepala Lampiran versi itu dicetak menurut `riwayat`.",
         "Bila catatan `riwayat` yang salah, perbaiki label, `nomor`, `tahun` atau `tanggal`-nya. Bila `versi` pada tag "
         "itu yang salah, perbaiki kamus.yaml, commit, lalu pindahkan tag ke commit itu (`git tag -f TAG`) dan kirim "
         "ulang tag (`git push -f origin TAG`)."),
    Rule("LAMPIRAN-KARAKTER", "warning", "konsistensi",
         "Teks yang dicetak di Lampiran memuat karakter yang tidak ada pada huruf (font) Lampiran PDF; PDF mencetak "
         "kode karakternya (misalnya [U+4E2D]), bukan karakter itu.",
         "Ganti dengan karakter yang dapat dicetak (huruf Latin dengan atau tanpa diakritik, Yunani, Kiril, tanda "
         "kutip, tanda pisah, ≥, ≤), atau tulis nama dalam aksara lain sebagai alih aksara Latin. Lampiran DOCX "
         "memuat karakter apa adanya."),
    Rule("PERSYARATAN-TINGKAT", "warning", "konsistensi",
         "`tingkat` ditulis pada persyaratan pendidikan atau pangkat; formulir SKJ hanya memberi tingkat pentingnya "
         "(Mutlak/Penting/Perlu) pada pelatihan dan pengalaman kerja, jadi nilai itu tidak dicetak.",
         "Hapus baris `tingkat` dari butir pendidikan atau pangkat itu."),
    # --- decisions of the komite talenta (keputusan/<periode>.yaml, RAHASIA): checked when the kamus is
    # sound; a message names the place ("pegawai ke-3") and never a NIP, a name or any value of the file ---
    Rule("KEPUTUSAN-PERIODE", "error", "keputusan", "`periode` di berkas keputusan tidak sama dengan nama berkasnya.",
         "Samakan `periode` dengan nama berkas, misalnya `periode: \"2025\"` di keputusan/2025.yaml."),
    Rule("KEPUTUSAN-SNAPSHOT", "error", "keputusan", "Tidak ada snapshot pegawai untuk periode keputusan ini.",
         "Simpan snapshot periode itu di snapshots/ (misalnya snapshots/2025.csv), atau ganti nama berkas keputusan "
         "menjadi periode snapshot yang diputuskan."),
    Rule("KEPUTUSAN-TANGGAL", "error", "keputusan", "Tanggal di berkas keputusan bukan tanggal kalender yang ada.",
         "Tulis tanggal yang ada sebagai \"YYYY-MM-DD\", misalnya \"2025-11-20\"."),
    Rule("KEPUTUSAN-TANGGAL-URUTAN", "error", "keputusan",
         "Tanggal penetapan PPK lebih awal dari tanggal rapat komite talenta: PPK menetapkan hasil setelah rapat.",
         "Periksa kedua tanggal: `penetapan.tanggal` sama dengan atau sesudah `rapat.tanggal`."),
    Rule("KEPUTUSAN-PENETAPAN", "error", "keputusan",
         "Keputusan berstatus `ditetapkan` tanpa `penetapan` (nomor dan tanggal keputusan PPK).",
         "Tambahkan `penetapan: {nomor: \"…\", tanggal: \"YYYY-MM-DD\"}`, atau ubah status menjadi `ditinjau_komite` "
         "selama keputusan PPK belum ada."),
    Rule("KEPUTUSAN-GANDA", "error", "keputusan",
         "Pegawai yang sama disebut dua kali, jabatan sasaran yang sama dua kali untuk satu pegawai, atau peringkat "
         "yang sama dipakai dua calon satu jabatan sasaran.",
         "Gabungkan butir yang berulang menjadi satu, atau perbaiki peringkatnya."),
    Rule("KEPUTUSAN-JABATAN", "error", "keputusan", "Jabatan sasaran rencana suksesi tidak ada di kamus.",
         "Tulis `kode` jabatan yang ada di positions/ (nama berkasnya tanpa .yaml)."),
    Rule("KEPUTUSAN-JABATAN-STRATEGIS", "warning", "keputusan",
         "Jabatan sasaran rencana suksesi bukan jabatan strategis (`strategis: true`).",
         "Bila jabatan itu memang membutuhkan rencana suksesi, tandai `strategis: true` di SKJ-nya; bila tidak, "
         "hapus dari rencana suksesi."),
    Rule("KEPUTUSAN-TURUN-JENJANG", "warning", "keputusan",
         "Jabatan sasaran rencana suksesi berjenjang lebih rendah dari jenjang pegawai sekarang (penurunan jenjang).",
         "Rencana suksesi menyiapkan pengisi jabatan setingkat atau lebih tinggi; hapus jabatan sasaran itu, atau "
         "pastikan komite memang memutuskan penurunan jenjang."),
    Rule("KEPUTUSAN-KESIAPAN", "error", "keputusan",
         "Kesiapan bukan pilihan di kamus.yaml (`talenta.kesiapan`), atau kosong padahal keputusan sudah ditetapkan.",
         "Pilih salah satu kesiapan yang disebutkan; daftar pilihannya diatur di kamus.yaml bagian talenta.kesiapan."),
    Rule("KEPUTUSAN-NIP", "error", "keputusan", "NIP pegawai tidak ada di snapshot periode keputusan ini.",
         "Periksa NIP (18 angka, sama dengan di snapshot), atau hapus butir pegawai yang tidak ada di periode ini."),
    Rule("KEPUTUSAN-ALASAN", "error", "keputusan", "Kotak keputusan komite berbeda dari kotak hasil hitungan tanpa alasan.",
         "Tulis `alasan` komite menetapkan kotak itu, atau hapus `kotak` agar hasil hitungan yang berlaku."),
    Rule("KEPUTUSAN-KELOMPOK", "error", "keputusan",
         "Pegawai dimasukkan ke rencana suksesi padahal bukan anggota kelompok talenta (menurut kotak keputusan "
         "komite dan aturan kelompok talenta).",
         "Hapus rencana suksesinya, atau tetapkan kotak kelompok talenta dengan alasannya bila komite memutuskan "
         "demikian."),
    Rule("KEPUTUSAN-SUKSESI", "error", "keputusan",
         "Pegawai tidak memenuhi persyaratan jabatan sasaran rencana suksesi (PP 11/2017 jo. PP 17/2020 dan kebijakan "
         "instansi di kamus.yaml), atau sedang menduduki jabatan itu.",
         "Hapus jabatan sasaran itu dari rencana suksesi pegawai ini; alasan di pesan mengutip pasalnya."),
    # --- importing a workbook (`kamus import FILE.xlsx`): sheet!cell, nothing is written on an error ---
    Rule("XLSX-FILE", "error", "buku kerja", "Berkas tidak dapat dibaca sebagai buku kerja Excel (.xlsx): tidak ada, rusak, format .xls lama, terkunci kata sandi, atau terlalu besar.",
         "Buka berkas di Excel lalu simpan sebagai Excel Workbook (.xlsx) tanpa kata sandi."),
    Rule("XLSX-SHEET", "error", "buku kerja", "Lembar yang diperlukan tidak ada di buku kerja.",
         "Jangan menghapus atau mengganti nama lembar; bila perlu unduh buku kerja baru (`kamus export --format xlsx`) dan pindahkan isian ke sana."),
    Rule("XLSX-HEADER", "error", "buku kerja", "Baris 1 (nama kolom) berisi kolom yang tidak dikenal atau ganda, atau kolom wajib hilang.",
         "Kembalikan nama kolom di baris 1 seperti saat diunduh; keterangan di baris 2 boleh diubah."),
    Rule("XLSX-VALUE", "error", "buku kerja", "Isi sel tidak sah: bukan pilihan yang sah, bukan bilangan 1–5, sel wajib kosong, atau berisi rumus.",
         "Isi sel sesuai keterangan kolom dan pakai daftar pilihan di sel. Rumus tidak dibaca: salin sel lalu Tempel Nilai (Paste Values)."),
    Rule("XLSX-DUPLICATE", "error", "buku kerja", "Baris dengan kode yang sama muncul dua kali di satu lembar.",
         "Sisakan satu baris dan sunting baris itu saja."),
    Rule("XLSX-REFERENCE", "error", "buku kerja", "Baris menunjuk kompetensi atau jabatan yang tidak ada di lembar Kompetensi atau Jabatan.",
         "Perbaiki kode, atau tambahkan baris kompetensi/jabatannya di lembarnya."),
    Rule("XLSX-NUMBER", "warning", "buku kerja", "Sel teks berisi bilangan atau tanggal; Excel mungkin telah mengubah isinya (misalnya 1.10 menjadi 1.1).",
         "Periksa nilainya; format kolom sebagai Text sebelum mengetik kode atau angka panjang."),
    Rule("XLSX-CONFLICT", "error", "buku kerja", "Baris diubah di buku kerja, padahal isinya di kamus juga sudah berubah (atau dihapus) sejak buku kerja diunduh.",
         "Unduh buku kerja terbaru dan ulangi suntingan baris ini di sana, atau sunting berkas YAML-nya langsung; Kamus tidak menimpa perubahan orang lain."),
    Rule("XLSX-NOT-REMOVED", "notice", "buku kerja", "Isi kamus yang tidak ada di buku kerja; tidak dihapus tanpa `--hapus`.",
         "Bila memang akan dihapus, jalankan ulang dengan `kamus import --hapus`; bila tidak, abaikan."),
    Rule("XLSX-RENAMED", "notice", "buku kerja", "Baris 1 memakai nama kolom lama yang masih dibaca untuk satu versi (`jenis_jabatan` kini bernama `jenjang`).",
         "Tidak wajib diperbaiki; buku kerja yang diunduh berikutnya (`kamus export --format xlsx`) memakai nama baru."),
    # --- importing SKJ forms (`kamus import --format skj-form`) ---
    Rule("SKJ-FORM", "error", "formulir SKJ", "Bagian formulir SKJ tidak ditemukan (Nama Jabatan, tabel standar kompetensi), atau jabatannya tidak dapat ditentukan.",
         "Pakai formulir SKJ PermenPANRB 38/2017: baris Nama Jabatan, lalu tabel Kompetensi | Level | Deskripsi | Indikator; untuk jabatan baru sebutkan unitnya dengan --unit."),
    Rule("SKJ-KOMPETENSI", "error", "formulir SKJ", "Kompetensi di formulir tidak ditemukan di kamus (dicari menurut kode, lalu nama).",
         "Tulis kode atau nama kompetensi seperti di kamus, atau tambahkan kompetensinya ke kamus lebih dulu."),
    Rule("SKJ-NAMA", "notice", "formulir SKJ", "Nama kompetensi di formulir ditulis berbeda (huruf besar/kecil, spasi, nomor urut) dan dicocokkan dengan kamus.",
         "Tidak wajib diperbaiki; periksa bahwa pencocokannya benar."),
    Rule("SKJ-LEVEL", "error", "formulir SKJ", "Level di formulir tidak dapat dibaca sebagai 1–5, atau baris kompetensi tanpa level, deskripsi dan indikator (level NULL di aplikasi anjab); Kamus tidak menebak level.",
         "Tulis level sebagai angka 1–5 (boleh `Level 3`)."),
    Rule("SKJ-TINGKAT", "error", "formulir SKJ", "Butir persyaratan dicentang pada lebih dari satu kolom Mutlak/Penting/Perlu.",
         "Centang satu kolom saja."),
    Rule("SKJ-UNIT", "warning", "formulir SKJ", "Jabatan dengan nama atau kode jabatan yang sama ada di unit lain; formulir untuk unit yang disebutnya tidak mengubah jabatan unit lain itu.",
         "Periksa unit di formulir (baris Unit Kerja) atau --unit. Untuk mengubah jabatan unit lain itu, sebutkan unitnya."),
    Rule("SKJ-CONFLICT", "error", "formulir SKJ", "Dua formulir dalam satu impor untuk jabatan yang sama; Kamus tidak memilih salah satunya.",
         "Sisakan satu formulir untuk jabatan itu, atau impor formulirnya satu per satu setelah memeriksa mana yang benar."),
    Rule("SKJ-ESELON", "error", "formulir SKJ", "Kelompok Jabatan `STRUKTURAL` pada jabatan baru tanpa eselon, eselon yang tidak dikenal, atau eselon yang tidak menentukan jenjang (I.a, V.a, V.b); Kamus tidak menebak jenjang.",
         "Tambahkan baris `Eselon : III.a` di bawah Kelompok Jabatan (eselon II: JPT Pratama, III: Administrator, IV: Pengawas, I.b: JPT Madya), atau tulis jenjangnya di Kelompok Jabatan, misalnya `Jabatan Administrator`."),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _TABLE}


def finding(rule_id: str, path: str, line: int, column: int, message: str,
            hint: str | None = None) -> Finding:
    """Build a finding of ``rule_id``; the rule's default hint applies unless given. A number
    that could be a NIP or an NIK is never part of it (:func:`~.findings.without_personal_numbers`)."""
    rule = RULES[rule_id]
    return Finding(path=path, line=line, column=column, rule=rule.id,
                   severity=rule.severity, message=without_personal_numbers(message),
                   hint=rule.hint if hint is None else without_personal_numbers(hint))


def markdown_table() -> str:
    """The rule table as Markdown, for the README and the site's data reference."""
    lines = ["| Aturan | Tingkat | Tahap | Yang diperiksa | Cara memperbaiki |",
             "|---|---|---|---|---|"]
    for rule in _TABLE:
        lines.append(f"| `{rule.id}` | {SEVERITY_LABEL[rule.severity]} | {rule.stage} "
                     f"| {rule.description} | {rule.hint} |")
    return "\n".join(lines)
