"""Names renamed in this version: still read under their old name, for one version, so
that a kamus and its snapshots written for the previous version keep working. Remove an
entry one version after it was added.

YAML keys: the schemas accept the old name as a deprecated alias; `kamus validate` gives a
notice where it stands (SCHEMA-RENAMED) and an error when a file has both names
(SCHEMA-RENAMED-BOTH). Everything that reads the data (the model, the workbook, an
import) reads it through :func:`upgraded`, so the rest of the code knows the new name only.
Snapshot headers (kind ``snapshot``) are read by generator.talent.snapshot the same way,
with the notice SNAPSHOT-HEADER-RENAMED.
"""

from __future__ import annotations

# kind of file (a schema kind, or `snapshot`) → {old name: new name}
RENAMED: dict[str, dict[str, str]] = {
    "position": {"jenis_jabatan": "jenjang"},  # SIASN's JENIS JABATAN is struktural/fungsional/pelaksana
    "snapshot": {"kode_jabatan": "jabatan"},  # `kode_jabatan` now means only the official Kode Jabatan
}


def old_keys(data, kind: str) -> list[tuple[str, str]]:
    """(old key, new key) of every old key ``data`` (a document's data) still uses."""
    if not isinstance(data, dict):
        return []
    return [(old, new) for old, new in RENAMED.get(kind, {}).items() if old in data]


def upgraded(data, kind: str):
    """``data`` with every old key under its new name, in the old key's place (the same
    object when nothing is renamed). When both names are given the new one wins."""
    renames = old_keys(data, kind)
    if not renames:
        return data
    mapping = dict(renames)
    out = {}
    for key, value in data.items():
        if key in mapping:
            if mapping[key] not in data:
                out[mapping[key]] = value
        else:
            out[key] = value
    return out


def in_old_names(data, kind: str):
    """``data`` with every renamed key under its old name: only for what must stay comparable
    with data written before the rename (the fingerprints of an exported workbook)."""
    back = {new: old for old, new in RENAMED.get(kind, {}).items()}
    if not isinstance(data, dict) or not back.keys() & data.keys():
        return data
    return {back.get(key, key): value for key, value in data.items()}
