"""Stage 1 of the pipeline: find the files of a kamus version and load them (YAML read as plain data, no
silent misreading)."""

from .discover import Sources, SourceFile, discover
from .document import Document
from .documents import Documents, Loaded, load_documents, unchanged
from .source import FileSource, FolderSource, GitSource, OverlaySource, open_source
from .yaml_loader import load_bytes, load_file, load_source, load_text

__all__ = ["Document", "Documents", "FileSource", "FolderSource", "GitSource", "OverlaySource", "Loaded", "SourceFile", "Sources",
           "discover", "load_bytes", "load_documents", "load_file", "load_source", "load_text", "open_source", "unchanged"]
