"""A kamus's own mkdocs.yml, read without running anything.

MkDocs reads its configuration with PyYAML's full loader, which builds Python objects
from tags (``!!python/name:``, ``!!python/object/apply:``) and reads environment
variables (``!ENV``). A kamus repository is untrusted, so Kamus reads the file itself
with the safe loader: every tag becomes a :class:`Tagged` value (nothing is imported or
called) and every key keeps its line and column, so that the checks can name what the
file asks for and the build can decide what may pass.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..rules import finding
from .document import Data, Document

MKDOCS_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Tagged:
    """A tagged YAML value, kept as written: ``tag`` is e.g. ``tag:yaml.org,2002:python/name:x.y``."""

    tag: str
    value: Data  # the tagged node's plain value (a text, a list, a mapping)
    line: int
    column: int

    @property
    def python_name(self) -> str | None:
        """``x.y`` for ``!!python/name:x.y``, else None."""
        prefix = "tag:yaml.org,2002:python/name:"
        return self.tag[len(prefix):] if self.tag.startswith(prefix) else None

    @property
    def written(self) -> str:
        """The tag as a user writes it."""
        return "!!" + self.tag[len("tag:yaml.org,2002:"):] if self.tag.startswith("tag:yaml.org,2002:") else self.tag


class _Loader(yaml.SafeLoader):
    """The safe loader, with every unknown tag turned into a :class:`Tagged` value."""


def _tagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value, node.start_mark.line + 1, node.start_mark.column + 1)


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_Loader.add_multi_constructor("!", _tagged)


def _positions(node, path: tuple, keys: dict, values: dict) -> None:
    values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                keys[path + (key.value,)] = (key.start_mark.line + 1, key.start_mark.column + 1)
                _positions(value, path + (key.value,), keys, values)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _positions(item, path + (index,), keys, values)


def load_mkdocs(raw: bytes) -> tuple[Document | None, list]:
    """The kamus's mkdocs.yml as a Document (tags as :class:`Tagged`), or MKDOCS-YAML findings."""
    try:
        text = raw.decode("utf-8-sig")
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except UnicodeDecodeError:
        return None, [finding("MKDOCS-YAML", MKDOCS_FILE, 1, 1, "mkdocs.yml bukan teks UTF-8")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [finding("MKDOCS-YAML", MKDOCS_FILE, line, column,
                              f"mkdocs.yml tidak dapat dibaca: {exc.problem or exc}")]
    except (yaml.YAMLError, ValueError, TypeError) as exc:  # e.g. an unhashable key
        return None, [finding("MKDOCS-YAML", MKDOCS_FILE, 1, 1, f"mkdocs.yml tidak dapat dibaca: {exc}")]
    if not isinstance(data, dict):
        return None, [finding("MKDOCS-YAML", MKDOCS_FILE, 1, 1,
                              "mkdocs.yml harus berisi pemetaan pengaturan (kolom: nilai)")]
    keys, values = {}, {}
    if node is not None:
        _positions(node, (), keys, values)
    return Document(MKDOCS_FILE, data, values, keys), []
