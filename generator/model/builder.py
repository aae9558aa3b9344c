"""The one model builder: documents → :class:`~generator.model.Kamus`, of the valid files
or of every file as written.

*Of the valid files* (every command on the working tree): only the documents that passed
their schema, so every value has the type the schema promises. *As written* (historic
versions compared by `kamus diff` and the site history): every document that parses,
whatever today's rules say: the kode falls back to the file name, missing text is empty
and malformed items are skipped, so that old versions can still be compared.
"""

from __future__ import annotations

from ..load import Document, Documents
from ..load.renamed import upgraded
from . import TICKED, Activity, Competency, CompetencyLevel, Config, Kamus, Level, PersyaratanRow, Position, Unit


def _text(value, as_written: bool) -> str:
    if not as_written:
        return "" if value is None else value
    return "" if value is None else str(value).strip()


def _levels(raw, as_written: bool) -> tuple[Level, ...]:
    if not as_written:
        return tuple(Level(lv["level"], lv["deskripsi"], tuple(lv["indikator"])) for lv in raw)
    out = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and isinstance(item.get("level"), int) and not isinstance(item.get("level"), bool):
            indikator = item.get("indikator")
            out.append(Level(item["level"], _text(item.get("deskripsi"), True),
                             tuple(_text(i, True) for i in indikator) if isinstance(indikator, list) else ()))
    return tuple(out)


def competency_from(doc: Document, as_written: bool = False) -> Competency:
    d, t = doc.data, (lambda name: _text(doc.data.get(name), as_written))
    replacements = d.get("diganti_oleh") or ()
    return Competency(
        kode=t("kode") or doc.stem, nama=t("nama"), jenis=t("jenis") or doc.path.split("/")[1],
        definisi=t("definisi"), level=_levels(d.get("level"), as_written), bidang=t("bidang"),
        dasar_hukum=t("dasar_hukum"), status=t("status") or "berlaku",
        diganti_oleh=tuple(_text(k, as_written) for k in replacements if k is not None)
        if isinstance(replacements, (list, tuple)) else (),
        catatan=t("catatan"), source=doc)


def _competency_levels(raw, as_written: bool) -> tuple[CompetencyLevel, ...]:
    if not as_written:
        return tuple(CompetencyLevel(r["kode"], r["level"]) for r in raw)
    return tuple(CompetencyLevel(r["kode"], r.get("level")) for r in (raw if isinstance(raw, list) else [])
                 if isinstance(r, dict) and isinstance(r.get("kode"), str))


def _persyaratan(raw) -> dict[str, tuple]:
    """Part III as the form has it: a `tingkat` only where the form ticks one (pelatihan,
    pengalaman); one written on pendidikan or pangkat (older files) is left out."""
    out = {}
    for section, rows in (raw.items() if isinstance(raw, dict) else ()):
        rows = rows if isinstance(rows, list) else []
        out[section] = tuple(PersyaratanRow(tuple((k, v) for k, v in row.items() if k != "tingkat" or section in TICKED))
                             if isinstance(row, dict) else row for row in rows)
    return out


def _level_or_none(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def siasn_ids(data: dict, name: str) -> tuple[str, ...]:
    """The ids under `siasn.<name>` (one or a list; numbers written without quotes read as text)."""
    siasn = data.get("siasn")
    value = siasn.get(name) if isinstance(siasn, dict) else None
    values = value if isinstance(value, list) else [] if value is None else [value]
    return tuple(str(v).strip() for v in values if isinstance(v, (str, int)) and not isinstance(v, bool) and str(v).strip())


def _texts(value) -> tuple[str, ...]:
    return tuple(str(v).strip() for v in value if isinstance(v, str) and v.strip()) if isinstance(value, list) else ()


def position_from(doc: Document, unit: str, as_written: bool = False) -> Position:
    d = upgraded(doc.data, "position")  # a key under its old name (one version) reads as the new one
    t = (lambda name: _text(d.get(name), as_written))
    return Position(
        kode=t("kode") or doc.stem, nama=t("nama"), jenjang=t("jenjang"), ikhtisar=t("ikhtisar"),
        unit=unit, kompetensi=_competency_levels(d.get("kompetensi"), as_written), urusan=t("urusan"),
        kode_jabatan=t("kode_jabatan"), atasan=t("atasan"),
        strategis=bool(d.get("strategis", False)), catatan=t("catatan"),
        standar_level_manajerial=_level_or_none(d.get("standar_level_manajerial")),
        jabatan_id=siasn_ids(d, "jabatan_id"), persyaratan=_persyaratan(d.get("persyaratan", {})), source=doc)


def unit_from(doc: Document, folder: str, as_written: bool = False) -> Unit:
    t = lambda name: _text(doc.data.get(name), as_written)  # noqa: E731
    return Unit(kode=folder if as_written else doc.data["kode"], nama=t("nama"), singkatan=t("singkatan"),
                induk=t("induk"), catatan=t("catatan"), nama_lain=_texts(doc.data.get("nama_lain")),
                unor_id=siasn_ids(doc.data, "unor_id"), source=doc)


def activity_from(doc: Document, as_written: bool = False) -> Activity:
    d, t = doc.data, (lambda name: _text(doc.data.get(name), as_written))
    jp = d.get("jp")
    return Activity(kode=t("kode") or doc.stem, nama=t("nama"), jalur=t("jalur"), bentuk=t("bentuk"),
                    jp=jp if isinstance(jp, (int, float)) and not isinstance(jp, bool) else 0,
                    kompetensi=_competency_levels(d.get("kompetensi"), as_written), penyelenggara=t("penyelenggara"),
                    catatan=t("catatan"), source=doc)


def build_model(documents: Documents, config: Config, valid: set[str] | None = None) -> Kamus:
    """The model of ``documents``.

    ``valid`` is the set of paths that passed loading and their schema: only those are
    built. ``valid=None`` builds the model as written: every document that parsed into a
    mapping. The first file with a kode wins (duplicates are findings).
    """
    as_written = valid is None

    def usable(loaded) -> bool:
        doc = loaded.doc
        if as_written:
            return doc is not None and isinstance(doc.data, dict)
        return doc is not None and loaded.file.path in valid

    kamus = Kamus(config=config)
    for loaded in filter(usable, documents.competencies):
        item = competency_from(loaded.doc, as_written)
        kamus.competencies.setdefault(item.kode, item)
    for loaded in filter(usable, documents.units):
        item = unit_from(loaded.doc, loaded.file.folder, as_written)
        kamus.units.setdefault(loaded.file.folder, item)
    for loaded in filter(usable, documents.positions):
        item = position_from(loaded.doc, loaded.file.folder, as_written)
        kamus.positions.setdefault(item.kode, item)
    for loaded in filter(usable, documents.development):
        item = activity_from(loaded.doc, as_written)
        kamus.development.setdefault(item.kode, item)
    return kamus
