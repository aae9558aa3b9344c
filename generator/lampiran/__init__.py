"""The Lampiran of the Peraturan Bupati/Wali Kota: one content model, written as DOCX or PDF.

The content model and the writers (python-docx, ReportLab) load only when a Lampiran is
written: every other command (and the pre-commit hook's `kamus validate`) starts without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_attributes

if TYPE_CHECKING:
    from .content import Lampiran


__getattr__ = lazy_attributes(__package__, {"Lampiran": ".content", "build_lampiran": ".content"})


def write_docx(lampiran: Lampiran) -> bytes:
    from .docx import write_docx as write

    return write(lampiran)


def write_pdf(lampiran: Lampiran) -> bytes:
    from .pdf import write_pdf as write

    return write(lampiran)


# The output file's suffix chooses the format.
WRITERS = {".docx": write_docx, ".pdf": write_pdf}

__all__ = ["WRITERS", "Lampiran", "build_lampiran", "write_docx", "write_pdf"]
