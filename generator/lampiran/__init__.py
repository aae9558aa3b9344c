"""The Lampiran of the Peraturan Bupati/Wali Kota: one content model, written as DOCX or PDF."""

from .content import Lampiran, build_lampiran

__all__ = ["Lampiran", "build_lampiran"]
