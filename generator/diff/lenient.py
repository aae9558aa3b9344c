"""A version's files as plain, comparable data, accepting what today's rules would reject.

Historic versions are reported, not rejected: any file that parses is used, with the
kode falling back to the file name and missing fields treated as empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..load import load_bytes


@dataclass
class Version:
    competencies: dict[str, dict] = field(default_factory=dict)
    positions: dict[str, dict] = field(default_factory=dict)
    units: dict[str, dict] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)  # files that do not parse at all


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _levels(raw) -> dict[int, dict]:
    out = {}
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and isinstance(item.get("level"), int):
            indikator = item.get("indikator")
            out[item["level"]] = {"deskripsi": _text(item.get("deskripsi")),
                                  "indikator": [_text(i) for i in indikator] if isinstance(indikator, list) else []}
    return out


def _requirements(raw) -> dict[str, int]:
    out = {}
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and isinstance(item.get("kode"), str):
            out[item["kode"]] = item.get("level")
    return out


def competency(data: dict, path: PurePosixPath) -> dict:
    return {"kode": _text(data.get("kode")) or path.stem, "nama": _text(data.get("nama")),
            "jenis": _text(data.get("jenis")) or path.parent.name, "bidang": _text(data.get("bidang")),
            "definisi": _text(data.get("definisi")), "dasar_hukum": _text(data.get("dasar_hukum")),
            "status": _text(data.get("status")) or "berlaku",
            "diganti_oleh": [_text(k) for k in data.get("diganti_oleh") or [] if k is not None],
            "level": _levels(data.get("level")), "path": str(path)}


def position(data: dict, path: PurePosixPath) -> dict:
    persyaratan = data.get("persyaratan") if isinstance(data.get("persyaratan"), dict) else {}
    return {"kode": _text(data.get("kode")) or path.stem, "nama": _text(data.get("nama")), "unit": path.parent.name,
            "jenis_jabatan": _text(data.get("jenis_jabatan")), "urusan": _text(data.get("urusan")),
            "ikhtisar": _text(data.get("ikhtisar")), "atasan": _text(data.get("atasan")),
            "strategis": bool(data.get("strategis")), "kompetensi": _requirements(data.get("kompetensi")),
            "persyaratan": persyaratan, "path": str(path)}


def unit(data: dict, path: PurePosixPath) -> dict:
    return {"kode": path.parent.name, "nama": _text(data.get("nama")), "singkatan": _text(data.get("singkatan")),
            "induk": _text(data.get("induk")), "path": str(path)}


def read(files: dict[str, bytes]) -> Version:
    version = Version()
    for name in sorted(files):
        path = PurePosixPath(name)
        if path.suffix != ".yaml" or len(path.parts) != 3:
            continue
        doc, _ = load_bytes(files[name], name)
        if doc is None or not isinstance(doc.data, dict):
            version.unreadable.append(name)
            continue
        if path.parts[0] == "competencies":
            item = competency(doc.data, path)
            version.competencies.setdefault(item["kode"], item)
        elif path.name == "_unit.yaml":
            item = unit(doc.data, path)
            version.units.setdefault(item["kode"], item)
        else:
            item = position(doc.data, path)
            version.positions.setdefault(item["kode"], item)
    return version
