"""argparse in Bahasa Indonesia (headings, the help option, error messages, through a parser
subclass: nothing process-wide is changed), and the options several commands share."""

from __future__ import annotations

import argparse
import os
import re
import sys

# argparse's error messages → Bahasa Indonesia (users read CLI output, not code).
ERRORS = [
    (re.compile(r"argument (\S+): (.*)", re.S), lambda m: f"argumen {m[1]}: {translate(m[2])}"),
    (re.compile(r"the following arguments are required: (.*)", re.S), lambda m: f"argumen berikut wajib diisi: {m[1]}"),
    (re.compile(r"invalid choice: (.*) \(choose from (.*)\)", re.S), lambda m: f"pilihan tidak sah: {m[1]} (pilih dari {m[2]})"),
    (re.compile(r"unrecognized arguments: (.*)", re.S), lambda m: f"argumen tidak dikenal: {m[1]}"),
    (re.compile(r"expected one argument"), lambda m: "memerlukan satu nilai"),
    (re.compile(r"ambiguous option: (\S+) could match (.*)", re.S), lambda m: f"opsi {m[1]} ambigu, bisa berarti {m[2]}"),
    (re.compile(r"invalid (\S+) value: (.*)", re.S), lambda m: f"nilai {m[2]} tidak sah"),
]


def translate(message: str) -> str:
    return next((replace(match) for pattern, replace in ERRORS if (match := pattern.fullmatch(message))), message)


class Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "pemakaian: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse in Bahasa Indonesia: headings, the help option and error messages."""

    def __init__(self, *args, **kwargs):
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen posisi"
        self._optionals.title = "opsi"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="tampilkan bantuan ini lalu keluar")

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: galat: {translate(message)}\n")


def root_argument(parser, versions: bool = True, hidden: bool = False):
    """--root and (``versions``) --versi / --per-tanggal: the same for every command that reads a kamus
    (``hidden``: accepted only to be refused in words, as by `kamus serve`)."""
    parser.add_argument("--root", default=".", metavar="FOLDER",
                        help="folder kamus yang berisi competencies/ dan positions/ (bawaan: folder ini)")
    if not versions:
        return
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--versi", dest="version", metavar="REF", help=argparse.SUPPRESS if hidden else
                       "versi kamus yang dipakai: tag, cabang atau commit git (bawaan: folder kerja)")
    which.add_argument("--per-tanggal", dest="as_of", metavar="YYYY-MM-DD", help=argparse.SUPPRESS if hidden else
                       "versi yang berlaku pada tanggal itu, dipilih dari `riwayat` di kamus.yaml")


ALLOW_CODE_VARIABLE = "KAMUS_IZINKAN_KODE"


def allow_code_argument(parser):
    parser.add_argument("--izinkan-kode", action="store_true",
                        help="izinkan kode yang disebut mkdocs.yml kamus (hooks, theme.custom_dir, extra_javascript "
                             f"dan sejenisnya) berjalan saat build; juga {ALLOW_CODE_VARIABLE}=1. Hanya untuk "
                             "repositori yang isinya dipercaya operator")


def allow_code(args) -> bool:
    """The operator's opt-in, from the command line or the environment (never from the repository)."""
    return args.izinkan_kode or os.environ.get(ALLOW_CODE_VARIABLE) == "1"
