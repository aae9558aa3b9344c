"""The ``kamus`` command: a thin layer over :mod:`generator.api`.

Library errors become clean messages here; exit codes: 0 clean, 1 findings, 2 usage or
internal error. No input file can produce a traceback (set KAMUS_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__, api, report, rules
from .errors import KamusError, ValidationFailed

# argparse's own words, in Bahasa Indonesia (users read CLI output, not code).
_ARGPARSE_ID = {
    "usage: ": "pemakaian: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "expected one argument": "memerlukan satu nilai",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
}
argparse._ = lambda text: _ARGPARSE_ID.get(text, text)  # type: ignore[attr-defined]


def _root_argument(parser):
    parser.add_argument("--root", default=".", metavar="FOLDER",
                        help="folder kamus yang berisi competencies/ dan positions/ (bawaan: folder ini)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kamus",
        description="Kamus kompetensi dan standar kompetensi jabatan sebagai data YAML yang diperiksa.")
    parser.add_argument("--version", action="version", version=f"kamus {__version__}",
                        help="tampilkan versi program lalu keluar")
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH", title="perintah")
    commands.required = True

    validate = commands.add_parser(
        "validate", help="periksa semua berkas kamus dan laporkan semua masalah sekaligus",
        description="Periksa semua berkas kamus: YAML ketat, skema, lalu aturan antarberkas. "
                    "Semua masalah dilaporkan sekaligus, urut per berkas dan baris. "
                    "Kode keluar: 0 bersih, 1 ada temuan yang menggagalkan, 2 salah pemakaian atau galat internal.")
    _root_argument(validate)
    validate.add_argument("--strict", action="store_true",
                          help="peringatan juga dianggap gagal (dipakai di CI)")
    validate.add_argument("--format", choices=sorted(report.REPORTERS), default="text",
                          help="bentuk laporan: text (bawaan), json, atau github (anotasi GitHub Actions)")
    validate.set_defaults(run=_validate)

    build = commands.add_parser(
        "build", help="periksa kamus lalu bangun situs statisnya dengan MkDocs",
        description="Periksa kamus (laporan sama dengan `kamus validate`), ubah menjadi halaman Markdown "
                    "dengan templat di site_templates/, lalu jalankan mkdocs build. Folder keluaran diganti "
                    "utuh hanya bila build berhasil; build yang gagal tidak mengubah situs sebelumnya.")
    _root_argument(build)
    build.add_argument("--output", metavar="FOLDER", help="folder situs hasil build (bawaan: site/ di folder kamus)")
    build.set_defaults(run=_build)

    render = commands.add_parser(
        "render", help="tulis proyek Markdown + mkdocs.yml tanpa menjalankan MkDocs",
        description="Periksa kamus lalu tulis proyek Markdown (docs/ dan mkdocs.yml) yang dapat dibangun "
                    "dengan `mkdocs build -f FOLDER/mkdocs.yml` atau penerus MkDocs.")
    _root_argument(render)
    render.add_argument("--output", metavar="FOLDER", required=True, help="folder tujuan proyek Markdown")
    render.set_defaults(run=_render)

    serve = commands.add_parser(
        "serve", help="pratinjau langsung: situs dibangun ulang setiap kali berkas YAML atau templat disimpan",
        description="Jalankan server pratinjau. Menyimpan berkas YAML atau templat membangun ulang halaman "
                    "dan memuat ulang peramban dalam beberapa detik; berkas yang rusak ditampilkan galatnya "
                    "di atas halaman tanpa menghentikan server.")
    _root_argument(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                       help="alamat server (bawaan: 127.0.0.1:8000)")
    serve.set_defaults(run=_serve)

    talenta = commands.add_parser(
        "talenta", help="manajemen talenta dari snapshot pegawai: kotak 9, JPM, kelompok talenta, suksesi",
        description="Hitung kotak manajemen talenta, job-person match, kelompok talenta, rencana suksesi dan "
                    "pergerakan dari snapshot di folder snapshots/. Hasil bernama adalah data pribadi: "
                    "--output menulis laporan terbatas (RAHASIA), tidak pernah ke situs.")
    _root_argument(talenta)
    talenta.add_argument("--periode", metavar="PERIODE", help="periode snapshot (bawaan: yang terbaru)")
    talenta.add_argument("--format", choices=["text", "json", "csv"], default="text",
                         help="bentuk keluaran di layar: text (bawaan), json atau csv")
    talenta.add_argument("--output", metavar="FOLDER",
                         help="tulis laporan terbatas (XLSX dan CSV bertanda RAHASIA) ke folder ini")
    talenta.set_defaults(run=_talenta)

    compare = commands.add_parser(
        "diff", help="bandingkan isi dua versi kamus (tag, cabang, commit git, atau folder)",
        description="Bandingkan makna dua versi kamus: kompetensi, level, indikator, jabatan, persyaratan dan unit "
                    "yang berubah, beserta dampaknya (jumlah jabatan dan pemangku jabatan, tanpa nama). "
                    "Versi lama yang tidak lolos aturan sekarang tetap dibandingkan. Folder kerja tidak diubah.")
    compare.add_argument("old", metavar="LAMA", help="versi lama: ref git (tag, cabang, commit) atau folder kamus")
    compare.add_argument("new", metavar="BARU", help="versi baru: ref git atau folder kamus")
    _root_argument(compare)
    compare.add_argument("--format", choices=["text", "markdown", "json"], default="text",
                         help="bentuk laporan: text (bawaan), markdown (ringkasan pull request) atau json")
    compare.set_defaults(run=_diff)

    rule_table = commands.add_parser(
        "rules", help="tampilkan daftar aturan pemeriksaan beserta kode dan cara memperbaikinya",
        description="Tampilkan semua aturan pemeriksaan: kode aturan, tingkat, dan cara memperbaikinya.")
    rule_table.add_argument("--format", choices=["text", "markdown"], default="text",
                            help="bentuk daftar: text (bawaan) atau markdown")
    rule_table.set_defaults(run=_rules)
    return parser


def _validate(args) -> int:
    result = api.validate(args.root)
    sys.stdout.write(report.REPORTERS[args.format](result, args.strict))
    return result.exit_code(args.strict)


def _print_failure(failed: ValidationFailed) -> int:
    sys.stdout.write(report.text(failed.report))
    print("kamus: situs tidak dibangun karena data kamus berisi galat.", file=sys.stderr)
    return 1


def _build(args) -> int:
    from .build import build_site

    try:
        result = build_site(args.root, args.output)
    except ValidationFailed as failed:
        return _print_failure(failed)
    print(f"Situs selesai dibangun di {result.output} ({result.pages} halaman; "
          f"render {result.render_seconds:.1f} dtk, mkdocs {result.mkdocs_seconds:.1f} dtk).")
    return 0


def _render(args) -> int:
    from pathlib import Path

    from .build import render_project
    from .build.site import PROJECT_MARKER, check_output
    from .render.pages import write_tree

    check_output(Path(args.root).resolve(), Path(args.output).resolve(), PROJECT_MARKER)
    try:
        _, files = render_project(args.root)
    except ValidationFailed as failed:
        return _print_failure(failed)
    write_tree(args.output, files)
    print(f"Proyek Markdown ditulis di {args.output}; bangun dengan: mkdocs build -f {args.output}/mkdocs.yml")
    return 0


def _serve(args) -> int:
    from .build.preview import serve

    try:
        serve(args.root, args.dev_addr)
    except ValidationFailed as failed:
        return _print_failure(failed)
    return 0


def _talenta(args) -> int:
    from .check import check_root
    from .talent import report as talent_report
    from .talent.analysis import analyse, select

    kamus, result = check_root(args.root)
    if result.failed():
        sys.stdout.write(report.text(result))
        print("kamus: hasil talenta tidak dihitung karena data berisi galat.", file=sys.stderr)
        return 1
    analysis = analyse(kamus.snapshots, kamus)
    period = select(analysis, args.periode)
    if args.format == "json":
        sys.stdout.write(talent_report.as_json(analysis, period, kamus))
    elif args.format == "csv":
        sys.stdout.write(talent_report.as_csv(period, kamus))
        print(f"Snapshot {period.snapshot.path}; kebijakan: " + " ".join(analysis.policy.describe()), file=sys.stderr)
    else:
        sys.stdout.write(talent_report.as_text(analysis, period, kamus))
    if args.output:
        written = talent_report.write_restricted(analysis, period, kamus, args.output)
        print(f"Laporan terbatas (RAHASIA) ditulis: {', '.join(p.name for p in written)} di {args.output}",
              file=sys.stderr)
    return 0


def _diff(args) -> int:
    from .diff.api import diff
    from .diff.report import FORMATS

    changes, found = diff(args.root, args.old, args.new)
    sys.stdout.write(FORMATS[args.format](args.old, args.new, changes, found))
    return 0


def _rules(args) -> int:
    if args.format == "markdown":
        print(rules.markdown_table())
    else:
        for rule in rules.RULES.values():
            print(f"{rule.id:26} {rule.severity:8} {rule.description}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KamusError as exc:
        print(f"kamus: galat: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kamus: dihentikan.", file=sys.stderr)
        return 2
    except Exception as exc:  # the edge: never a traceback for the user
        if os.environ.get("KAMUS_DEBUG"):
            raise
        print(f"kamus: galat internal: {type(exc).__name__}: {exc}. "
              "Mohon laporkan ke pengelola alat ini (jalankan ulang dengan KAMUS_DEBUG=1 untuk rinciannya).",
              file=sys.stderr)
        return 2
