"""The ``kamus`` command: a thin layer over :mod:`generator.api`.

Library errors become clean messages here; exit codes: 0 clean, 1 findings, 2 usage or
internal error. No input file can produce a traceback (set KAMUS_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__, api, report, rules
from .errors import KamusError

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
