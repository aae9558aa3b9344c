"""The ``kamus`` command: a thin layer over :mod:`generator.api`.

Library errors become clean messages here; exit codes: 0 clean, 1 findings, 2 usage or
internal error. No input file can produce a traceback (set KAMUS_DEBUG=1 to see one).
The command speaks Bahasa Indonesia, argparse's own words included (:mod:`.parser`);
:mod:`.commands` holds every command.
"""

from .commands import build_parser, main

__all__ = ["build_parser", "main"]
