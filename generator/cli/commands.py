"""Every command of ``kamus``: its options (in Bahasa Indonesia) and what it prints."""

from __future__ import annotations

import argparse
import functools
import os
import sys

from .. import api
from ..errors import KamusError, UsageError, ValidationFailed, os_error_message
from .parser import Formatter, Parser, allow_code, allow_code_argument, root_argument

def build_parser(width: int | None = None) -> argparse.ArgumentParser:
    """The parser of every command; ``width`` fixes the help layout (for the generated docs)."""
    formatter = functools.partial(Formatter, width=width) if width else Formatter
    parser = Parser(prog="kamus", formatter_class=formatter,
                     description="Kamus kompetensi dan standar kompetensi jabatan sebagai data YAML yang diperiksa.")
    parser.add_argument("--version", action="version", version=f"kamus {api.__version__}",
                        help="tampilkan versi program lalu keluar")
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH", title="perintah")
    commands.required = True
    add = functools.partial(commands.add_parser, formatter_class=formatter)

    init = add(
        "init", aliases=["mulai"], help="buat kamus baru yang langsung lolos pemeriksaan dan dapat dibangun",
        description="Buat kamus baru di FOLDER (baru atau kosong): kamus.yaml berkomentar, sembilan kompetensi "
                    "nasional (M.1-M.8, SK.1) dari teks resmi PermenPANRB 38/2017, satu contoh unit kerja, jabatan "
                    "dan kompetensi teknis, skema untuk penyunting, .gitignore, berkas CI (GitHub dan GitLab) dan "
                    "pre-commit. Kamus baru diperiksa dulu (--strict) sebelum dipindah ke FOLDER; folder yang "
                    "sudah berisi tidak disentuh.")
    init.add_argument("folder", metavar="FOLDER", nargs="?", default=".",
                      help="folder kamus baru (bawaan: folder ini, bila kosong)")
    init.add_argument("--instansi", metavar="NAMA",
                      help='nama instansi, misalnya "Pemerintah Kabupaten Sleman" (bisa diubah nanti di kamus.yaml)')
    init.add_argument("--singkatan", metavar="TEKS", help='singkatan nama instansi, misalnya "Pemkab Sleman"')
    init.add_argument("--alat", dest="requirement", metavar="SYARAT_PIP",
                      help="cara CI memasang alat Kamus, ditulis ke requirements.txt, misalnya "
                           '"kamus @ git+https://git.contoh.go.id/bkpsdm/kamus-alat@v1.0" '
                           "(bawaan: sumber alat yang sedang dipakai ini)")
    init.add_argument("--tanpa-git", dest="git", action="store_false",
                      help="jangan buat repositori git di folder baru")
    init.set_defaults(run=_init)

    validate = add(
        "validate", aliases=["periksa"], help="periksa semua berkas kamus dan laporkan semua masalah sekaligus",
        description="Periksa semua berkas kamus: YAML ketat, skema, lalu aturan antarberkas. "
                    "Semua masalah dilaporkan sekaligus, urut per berkas dan baris. "
                    "Kode keluar: 0 bersih, 1 ada temuan yang menggagalkan, 2 salah pemakaian atau galat internal.")
    root_argument(validate)
    validate.add_argument("--strict", action="store_true",
                          help="peringatan juga dianggap gagal (dipakai di CI)")
    validate.add_argument("--format", choices=sorted(api.REPORT_FORMATS), default="text",
                          help="bentuk laporan: text (bawaan), json, atau github (anotasi GitHub Actions)")
    validate.set_defaults(run=_validate)

    build = add(
        "build", aliases=["bangun"], help="periksa kamus lalu bangun situs statisnya dengan MkDocs",
        description="Periksa kamus (laporan sama dengan `kamus validate`), ubah menjadi halaman Markdown "
                    "dengan templat di site_templates/, lalu jalankan mkdocs build. Folder keluaran diganti "
                    "utuh hanya bila build berhasil; build yang gagal tidak mengubah situs sebelumnya.")
    root_argument(build)
    build.add_argument("--output", metavar="FOLDER", help="folder situs hasil build (bawaan: site/ di folder kamus)")
    allow_code_argument(build)
    build.set_defaults(run=_build)

    lampiran = add(
        "lampiran", help="tulis Lampiran peraturan bupati/wali kota (DOCX untuk disunting, PDF untuk diterbitkan)",
        description="Periksa kamus lalu tulis Lampiran peraturan kepala daerah: kepala dari `versi` (versi di "
                    "`riwayat`: dari catatannya), I. Kamus Kompetensi, II. SKJ per unit kerja, III. Matriks level "
                    "manajerial dan sosial kultural, blok tanda tangan. Format menurut akhiran berkas (.docx, .pdf); "
                    "masukan yang sama menghasilkan berkas yang sama persis.")
    root_argument(lampiran)
    lampiran.add_argument("--output", metavar="BERKAS", required=True,
                          help="berkas tujuan, misalnya lampiran.docx atau lampiran.pdf")
    lampiran.add_argument("--unit", metavar="KODE", help="hanya bagian satu OPD (dan unit di bawahnya): bahan reviu")
    lampiran.set_defaults(run=_lampiran)

    export = add(
        "export", aliases=["ekspor"], help="ekspor kamus ke satu berkas: data terbuka (JSON, 1EdTech CASE) atau buku kerja Excel",
        description="Periksa kamus lalu tulis isinya dalam satu berkas. Format: "
                    + "; ".join(f"{name}: {text}" for name, text in api.EXPORT_FORMATS.items()) + ".")
    root_argument(export)
    export.add_argument("--format", choices=list(api.EXPORT_FORMATS), default="json",
                        help="bentuk data: " + ", ".join(api.EXPORT_FORMATS) + " (bawaan: json)")
    export.add_argument("--output", metavar="BERKAS", required=True,
                        help="berkas tujuan, misalnya kamus.json atau kamus.xlsx")
    export.set_defaults(run=_export)

    impor = add(
        "import", aliases=["impor"], help="impor suntingan dari buku kerja Excel (atau formulir SKJ) ke berkas YAML kamus",
        description="Baca buku kerja hasil `kamus export --format xlsx` yang sudah disunting (atau formulir SKJ "
                    "KemenPANRB dengan --format skj-form) lalu ubah berkas YAML kamus: hanya nilai yang berubah, "
                    "komentar dan urutan tetap. Hasilnya diperiksa dengan semua aturan `kamus validate`; bila ada "
                    "galat, tidak ada satu berkas pun yang diubah dan setiap masalah disebut lembar, baris dan "
                    "kolomnya (misalnya Kebutuhan!C14). Diakhiri ringkasan perubahan (Markdown) untuk pull request.")
    impor.add_argument("files", nargs="+", metavar="BERKAS", help="buku kerja .xlsx (formulir SKJ: satu berkas atau lebih)")
    root_argument(impor, versions=False)
    impor.add_argument("--format", choices=list(api.IMPORT_FORMATS), default="xlsx",
                       help="bentuk masukan: xlsx (bawaan, buku kerja kamus) atau skj-form (formulir SKJ)")
    impor.add_argument("--hapus", dest="remove", action="store_true",
                       help="hapus kompetensi, unit dan jabatan yang tidak ada lagi di buku kerja (tanpa opsi ini "
                            "hanya didaftar)")
    impor.add_argument("--unit", metavar="UNIT", help="skj-form: unit (folder di positions/) untuk jabatan baru")
    impor.add_argument("--coba", dest="dry_run", action="store_true",
                       help="periksa dan tampilkan ringkasan perubahan tanpa menulis berkas apa pun")
    impor.set_defaults(run=_import)

    render = add(
        "render", aliases=["tulis"], help="tulis proyek Markdown + mkdocs.yml tanpa menjalankan MkDocs",
        description="Periksa kamus lalu tulis proyek Markdown (docs/ dan mkdocs.yml) yang dapat dibangun "
                    "dengan `mkdocs build -f FOLDER/mkdocs.yml` atau penerus MkDocs.")
    root_argument(render)
    render.add_argument("--output", metavar="FOLDER", required=True, help="folder tujuan proyek Markdown")
    render.set_defaults(run=_render)

    serve = add(
        "serve", aliases=["pratinjau"], help="pratinjau langsung: situs dibangun ulang setiap kali berkas YAML atau templat disimpan",
        description="Jalankan server pratinjau. Menyimpan berkas YAML atau templat membangun ulang halaman "
                    "dan memuat ulang peramban dalam beberapa detik; berkas yang rusak ditampilkan galatnya "
                    "di atas halaman tanpa menghentikan server.")
    root_argument(serve, hidden=True)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                       help="alamat server (bawaan: 127.0.0.1:8000)")
    allow_code_argument(serve)
    serve.set_defaults(run=_serve)

    talenta = add(
        "talenta", help="manajemen talenta dari snapshot pegawai: kotak 9, JPM, kelompok talenta, suksesi",
        description="Hitung kotak manajemen talenta, job-person match, kelompok talenta, rencana suksesi dan "
                    "pergerakan dari snapshot di folder snapshots/ (dengan --versi atau --per-tanggal: kamus dan "
                    "snapshot versi itu). Hasil bernama adalah data pribadi: --output menulis laporan terbatas "
                    "(RAHASIA), tidak pernah ke situs.")
    root_argument(talenta)
    talenta.add_argument("--periode", dest="period", metavar="PERIODE", help="periode snapshot (bawaan: yang terbaru)")
    talenta.add_argument("--format", choices=list(api.TALENT_FORMATS),
                         help="bentuk keluaran di layar: text (bawaan), json atau csv; bila menulis --output, "
                              "--berita-acara atau --lampiran-suksesi, hasil bernama tidak ditampilkan di layar "
                              "kecuali --format disebut")
    talenta.add_argument("--output", metavar="FOLDER",
                         help="tulis laporan terbatas (XLSX dan CSV bertanda RAHASIA) ke folder ini")
    talenta.add_argument("--csv-standar", action="store_true",
                         help="CSV standar (pemisah koma, titik desimal, tanpa BOM) untuk program lain; bawaan: CSV "
                              "untuk Excel berbahasa Indonesia (titik koma, koma desimal, UTF-8 dengan BOM)")
    komite = talenta.add_argument_group("komite talenta", "keputusan komite di keputusan/<periode>.yaml (RAHASIA)")
    komite.add_argument("--tulis-keputusan", action="store_true",
                        help="tulis rancangan keputusan/<periode>.yaml dari hasil hitungan (status draf) untuk "
                             "dibahas komite; berkas yang sudah ada tidak ditimpa")
    komite.add_argument("--timpa", action="store_true", help="dengan --tulis-keputusan: timpa berkas yang sudah ada")
    komite.add_argument("--berita-acara", metavar="BERKAS",
                        help="tulis Berita Acara rapat komite talenta (.docx atau .pdf, RAHASIA)")
    komite.add_argument("--lampiran-suksesi", metavar="BERKAS",
                        help="tulis Lampiran keputusan penetapan kelompok rencana suksesi (.docx atau .pdf, RAHASIA)")
    talenta.set_defaults(run=_talenta)

    cakupan = add(
        "cakupan", help="cakupan SKJ: jabatan di ekspor data pegawai yang belum punya SKJ di kamus, per unit",
        description="Dari ekspor data pegawai periode terbaru (atau --periode), daftar jabatan yang belum punya SKJ "
                    "di kamus (unit, nama jabatan, jumlah pegawai; tanpa NIP atau nama), lalu per unit: jumlah "
                    "pegawai, yang jabatannya ber-SKJ, dan persentasenya. Langkah pertama: identifikasi jabatan. "
                    "--output menulis jabatan yang belum ada sebagai buku kerja `kamus export --format xlsx` untuk "
                    "diisi OPD dan dimasukkan dengan `kamus import`.")
    root_argument(cakupan)
    cakupan.add_argument("--periode", dest="period", metavar="PERIODE", help="periode snapshot (bawaan: yang terbaru)")
    cakupan.add_argument("--format", choices=list(api.COVERAGE_FORMATS), default="text",
                         help="bentuk keluaran di layar: text (bawaan) atau json")
    cakupan.add_argument("--output", metavar="BERKAS",
                         help="tulis jabatan tanpa SKJ ke buku kerja Excel ini, misalnya kebutuhan-skj.xlsx")
    cakupan.set_defaults(run=_cakupan)

    compare = add(
        "diff", aliases=["banding"], help="bandingkan isi dua versi kamus (tag, cabang, commit git, atau folder)",
        description="Bandingkan makna dua versi kamus: kompetensi, level, indikator, jabatan, persyaratan dan unit "
                    "yang berubah, beserta dampaknya (jumlah jabatan dan pemangku jabatan, tanpa nama). "
                    "Versi lama yang tidak lolos aturan sekarang tetap dibandingkan. Folder kerja tidak diubah.")
    compare.add_argument("old", metavar="LAMA", help="versi lama: ref git (tag, cabang, commit) atau folder kamus")
    compare.add_argument("new", metavar="BARU", help="versi baru: ref git atau folder kamus")
    root_argument(compare, versions=False)
    compare.add_argument("--format", choices=list(api.DIFF_FORMATS), default="text",
                         help="bentuk laporan: text (bawaan), markdown (ringkasan pull request) atau json")
    compare.set_defaults(run=_diff)

    rule_table = add(
        "rules", aliases=["aturan"], help="tampilkan daftar aturan pemeriksaan beserta kode dan cara memperbaikinya",
        description="Tampilkan semua aturan pemeriksaan: kode aturan, tingkat, dan cara memperbaikinya.")
    rule_table.add_argument("--format", choices=list(api.RULE_FORMATS), default="text",
                            help="bentuk daftar: text (bawaan) atau markdown")
    rule_table.set_defaults(run=_rules)
    return parser


def _validate(args) -> int:
    result = api.validate(args.root, args.version, args.as_of)
    sys.stdout.write(api.format_report(result, args.format, args.strict))
    return result.exit_code(args.strict)


NOT_BUILT = "situs tidak dibangun karena data kamus berisi galat."


def _failed(failed: ValidationFailed, message: str = NOT_BUILT) -> int:
    sys.stdout.write(api.format_report(failed.report))
    print(f"kamus: {message}", file=sys.stderr)
    return 1


def _attempt(work, done, failure: str = NOT_BUILT) -> int:
    """Run a command that needs a sound kamus: print ``done(result)``, or the findings."""
    try:
        result = work()
    except ValidationFailed as failed:
        return _failed(failed, failure)
    print(done(result))
    return 0


def _build(args) -> int:
    return _attempt(lambda: api.build(args.root, args.output, allow_code(args), args.version, args.as_of),
                    lambda result: f"Situs selesai dibangun di {result.output} ({result.pages} halaman; "
                                   f"render {api.angka(result.render_seconds, 1)} dtk, "
                                   f"mkdocs {api.angka(result.mkdocs_seconds, 1)} dtk).\n"
                                   f"Membuka situs: klik dua kali {result.output / 'index.html'} (langsung dari disk; "
                                   "pencarian hanya berjalan lewat server web, misalnya "
                                   f"`python3 -m http.server 8000 --directory {result.output}` lalu buka "
                                   "http://127.0.0.1:8000/), atau `kamus serve` untuk pratinjau. "
                                   "Terbitkan di intranet dengan menyalin seluruh folder itu ke server web.")


def _init(args) -> int:
    made = api.init(args.folder, args.instansi, args.singkatan, args.requirement, args.git)
    lines = [f"Kamus baru dibuat di {made.root} ({api.angka(len(made.files))} berkas"
             + ("; repositori git baru, cabang main" if made.git else "") + ") dan lolos `kamus validate --strict`.",
             f"CI memasang alat Kamus dengan requirements.txt: {made.requirement}"]
    if not made.requirement_known:
        lines.append("Perhatian: sumber alat Kamus ini tidak diketahui (dipasang dari folder tanpa remote git); "
                     "tulis di requirements.txt alamat repositori alat Kamus di server git instansi, atau jalankan "
                     "ulang dengan --alat.")
    if not args.instansi:
        lines.append(f"Ganti nama instansi \"{api.DEFAULT_INSTANSI}\" di kamus.yaml (atau jalankan ulang dengan --instansi).")
    lines += ["Langkah berikutnya:",
              f"  cd {made.root}",
              "  kamus serve              # pratinjau situs di http://127.0.0.1:8000/",
              "  kamus build              # bangun situs ke folder site/"]
    if made.git:
        lines.append('  git add . && git commit -m "Kamus baru"')
    print("\n".join(lines))
    return 0


def _lampiran(args) -> int:
    return _attempt(lambda: api.lampiran(args.root, args.output, args.version, args.as_of, args.unit),
                    lambda written: f"{written.version} ditulis ke {written.path} ({written.size // 1024} KB).",
                    "Lampiran tidak ditulis karena data kamus berisi galat.")


def _export(args) -> int:
    return _attempt(lambda: api.export(args.root, args.format, args.output, args.version, args.as_of),
                    lambda written: f"Data {args.format} {written.version} ditulis ke {written.path} "
                                    f"({written.size // 1024} KB).",
                    "data tidak diekspor karena data kamus berisi galat.")


def _import(args) -> int:
    try:
        result = api.import_files(args.root, args.files, args.format, args.remove, args.dry_run, args.unit)
    except ValidationFailed as failed:
        return _failed(failed, "impor dibatalkan: perbaiki dulu galat kamus di atas (sebelum impor).")
    sys.stdout.write(result.text())
    if result.failed:
        print(f"GAGAL: {result.counts()}. Tidak ada berkas yang diubah.", file=sys.stderr)
        return 1
    if result.comparison is not None:
        sys.stdout.write(("\n" if result.findings else "") + result.comparison.format("markdown"))
    plan = result.plan
    if args.dry_run:
        print(f"Coba saja: {len(plan.writes)} berkas akan ditulis, {len(plan.deletes)} dihapus; tidak ada yang "
              "diubah.", file=sys.stderr)
    else:
        print(f"Selesai: {len(plan.writes)} berkas ditulis, {len(plan.deletes)} dihapus ({result.counts()}).",
              file=sys.stderr)
    for path in plan.rewritten:
        print(f"Catatan: {path} ditulis ulang seluruhnya (komentar di berkas itu hilang); periksa diff-nya.",
              file=sys.stderr)
    return 0


def _render(args) -> int:
    return _attempt(lambda: api.render(args.root, args.output, args.version, args.as_of),
                    lambda _: f"Proyek Markdown ditulis di {args.output}; bangun dengan: "
                              f"mkdocs build -f {args.output}/mkdocs.yml")


def _serve(args) -> int:
    try:
        api.serve(args.root, args.dev_addr, allow_code(args), functools.partial(print, flush=True), args.version, args.as_of)
    except ValidationFailed as failed:
        return _failed(failed)
    return 0


def _tulis_keputusan(args) -> int:
    if args.version or args.as_of or args.output or args.berita_acara or args.lampiran_suksesi:
        raise UsageError("--tulis-keputusan menulis rancangan ke folder kerja dari hasil hitungan saja; jalankan tanpa "
                         "--versi, --per-tanggal, --output, --berita-acara dan --lampiran-suksesi.")
    try:
        written = api.tulis_keputusan(args.root, args.period, args.timpa)
    except ValidationFailed as failed:
        return _failed(failed, "rancangan keputusan tidak ditulis karena data berisi galat.")
    print(f"{written.version[:1].upper()}{written.version[1:]} ditulis ke {written.path}. Berkas ini RAHASIA (memuat NIP): simpan hanya di "
          "repositori privat, lalu bahas perubahannya lewat pull request.", file=sys.stderr)
    return 0


def _talenta(args) -> int:
    if args.tulis_keputusan:
        return _tulis_keputusan(args)
    if args.timpa:
        raise UsageError("--timpa hanya berlaku bersama --tulis-keputusan.")
    try:
        result = api.talenta(args.root, args.period, args.version, args.as_of)
    except ValidationFailed as failed:
        return _failed(failed, "hasil talenta tidak dihitung karena data berisi galat.")
    writes = bool(args.output or args.berita_acara or args.lampiran_suksesi)
    for name, output in (("berita-acara", args.berita_acara), ("lampiran-suksesi", args.lampiran_suksesi)):
        if output:  # before the results: a refused document stops the command before anything is printed
            document = result.write_document(name, output)
            print(f"{document.version} (RAHASIA) ditulis ke {document.path} ({document.size // 1024} KB).",
                  file=sys.stderr)
    # Asked to write files, the command prints what it wrote and counts only: its terminal is often a
    # CI log. The named results come on the screen when asked for (--format), or without files to write.
    shown = args.format or (None if writes else "text")
    if shown:
        result.write(shown, sys.stdout, plain_csv=args.csv_standar)
        if shown == "csv":
            print(result.provenance(), file=sys.stderr)
    if args.output:
        written = result.write_restricted(args.output, plain_csv=args.csv_standar)
        print(f"Laporan terbatas (RAHASIA) ditulis: {', '.join(p.name for p in written)} di {args.output}",
              file=sys.stderr)
    if not shown:
        print(f"{result.summary()} Hasil bernama (RAHASIA) tidak ditampilkan di layar; tampilkan dengan "
              "--format text.", file=sys.stderr)
    return 0


def _cakupan(args) -> int:
    try:
        result = api.cakupan(args.root, args.period, args.version, args.as_of)
    except ValidationFailed as failed:
        return _failed(failed, "cakupan tidak dihitung karena data kamus berisi galat.")
    sys.stdout.write(result.format(args.format))
    if args.output:
        written = result.write_xlsx(args.output)
        left = sum(1 for m in result.coverage.missing if not m.unit)
        print(f"{written.version} ditulis ke {written.path}"
              + (f"; {left} jabatan di unit yang tidak dikenal tidak dimasukkan (tambahkan dulu unitnya, atau namanya "
                 "di `nama_lain` unit yang benar)" if left else "") + ".", file=sys.stderr)
    return 0


def _diff(args) -> int:
    sys.stdout.write(api.diff(args.root, args.old, args.new).format(args.format))
    return 0


def _rules(args) -> int:
    sys.stdout.write(api.rules_table(args.format))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        sys.stderr.write("".join(f"kamus: {line}\n" for line in api.recover(getattr(args, "root", None))))
        code = args.run(args)
        sys.stdout.flush()
        return code
    except KamusError as exc:
        print(f"kamus: galat: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kamus: dihentikan.", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `kamus rules | head`: the reader left; say so once, quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print("kamus: keluaran terputus (program penerima ditutup lebih dulu).", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"kamus: galat: {os_error_message(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:  # the edge: never a traceback for the user
        if os.environ.get("KAMUS_DEBUG"):
            raise
        print(f"kamus: galat internal: {type(exc).__name__}: {exc}. "
              "Mohon laporkan ke pengelola alat ini (jalankan ulang dengan KAMUS_DEBUG=1 untuk rinciannya).",
              file=sys.stderr)
        return 2
