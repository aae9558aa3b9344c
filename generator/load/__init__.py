"""Stage 1 of the pipeline: find the files of a kamus root and load them strictly."""

from .discover import Sources, SourceFile, discover
from .document import Document
from .yaml_strict import load_bytes, load_file, load_text

__all__ = ["Document", "SourceFile", "Sources", "discover", "load_bytes", "load_file", "load_text"]
