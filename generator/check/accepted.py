"""What the cross-file rules read of a document with schema errors: what its schema accepted.

One run finds everything: a file with a schema error is still checked by every cross-file
and policy rule (an unknown competency code, a level below the standard, an atasan that is
not there), so that fixing the first round's findings never brings up new ones. But a value
the schema rejected is not read again by a rule (it is reported once, by the schema), and
nothing is concluded from what is missing. So the rules read a copy of the document in which

- every value the schema rejected is left out: a mapping loses the key, a list keeps the
  place as ``None`` (so that positions in lists still point at the right line);
- unknown keys are left out, and so is a number that a decimal comma split in two
  (``level: 3,5`` in ``{ }``);
- the path of each of these (with the value as written), and of each required value that is
  missing, is kept in :attr:`~generator.load.Document.rejected`; a rule asks
  :meth:`~generator.load.Document.intact` before it concludes anything from a value or from a
  whole list.
"""

from __future__ import annotations

import copy

from ..load import Document
from .schema_messages import decimal_comma_key

_KEEP_CONTAINER = {"required", "additionalProperties", "uniqueItems"}  # these name parts, not the whole value


def rejected_paths(errors, doc: Document) -> tuple[set[tuple], set[tuple]]:
    """(paths to leave out, paths missing) for the ``jsonschema`` errors of ``doc``."""
    out, missing = set(), set()
    for error in errors:
        path, keyword, value = tuple(error.absolute_path), error.validator, error.instance
        if keyword == "required":
            missing.update(path + (name,) for name in error.validator_value
                           if isinstance(value, dict) and name not in value)
        elif keyword == "additionalProperties":
            known = error.schema.get("properties", {})
            for name in value:
                if name not in known:
                    out.add(path + (name,))
                    split = decimal_comma_key(name, value)
                    if split is not None:
                        out.add(path + (split,))
        elif keyword == "uniqueItems":
            seen = []
            for index, item in enumerate(value):
                if item in seen:
                    out.add(path + (index,))
                else:
                    seen.append(item)
        elif keyword not in _KEEP_CONTAINER:
            out.add(path)
    return out, missing


def accepted(doc: Document, errors) -> Document:
    """A copy of ``doc`` without the values its schema rejected (``errors``: ``jsonschema``
    errors); ``doc`` itself is not changed."""
    out, missing = rejected_paths(errors, doc)
    rejected = {path: None for path in missing} | {path: doc.get(*path) for path in out}
    data = copy.deepcopy(doc.data)
    for path in sorted(out, key=len):
        if not path:
            data = None
            break
        _leave_out(data, path)
    return Document(doc.path, data, values=doc.values, keys=doc.keys, texts=doc.texts, written=doc.written,
                    rejected=rejected)


def _leave_out(data, path: tuple) -> None:
    node = data
    for step in path[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return  # a parent was left out already
    last = path[-1]
    if isinstance(node, dict):
        node.pop(last, None)
    elif isinstance(node, list) and isinstance(last, int) and last < len(node):
        node[last] = None


def solid(data):
    """``data`` without the places of list items left out (for readers that need no positions)."""
    if isinstance(data, dict):
        return {k: solid(v) for k, v in data.items()}
    if isinstance(data, list):
        return [solid(v) for v in data if v is not None]
    return data
