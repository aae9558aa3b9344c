"""The Lampiran of the Peraturan Bupati/Wali Kota: one content model, written as DOCX or PDF."""

from __future__ import annotations

from .content import Lampiran, build_lampiran
from .docx import write_docx
from .pdf import write_pdf

# The output file's suffix chooses the format.
WRITERS = {".docx": write_docx, ".pdf": write_pdf}

__all__ = ["WRITERS", "Lampiran", "build_lampiran", "write_docx", "write_pdf"]
