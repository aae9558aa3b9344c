"""The one model builder: documents → :class:`~generator.model.Kamus`, of the valid files,
of every file as written, or of every file as accepted.

*Of the valid files* (every command on the working tree): only the documents that passed
their schema, so every value has the type the schema promises. *As written* (historic
versions compared by `kamus diff` and the site history): every document that parses,
whatever today's rules say: the kode falls back to the file name, missing text is empty
and malformed items are skipped, so that old versions can still be compared. *As
accepted* (what the cross-file rules check): every document that parses, a document with
schema errors as the copy without the values its schema rejected
(:mod:`generator.check.accepted`); a list item keeps its place even when its kode was
rejected (its ``kode`` is then None), so that a rule's finding points at the right line.
"""

from __future__ import annotations

from ..load import Document, Documents
from ..load.renamed import upgraded
from . import TICKED, Activity, Competency, CompetencyLevel, Config, Kamus, Level, PersyaratanRow, Position, Unit

VALID, AS_WRITTEN, ACCEPTED = "valid", "as written", "accepted"


def _text(value, mode: str) -> str:
    if value is None:
        return ""
    return str(value).strip() if mode == AS_WRITTEN else value


def _levels(raw, mode: str) -> tuple[Level, ...]:
    if mode == VALID:
        return tuple(Level(lv["level"], lv["deskripsi"], tuple(lv["indikator"])) for lv in raw)
    out = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and isinstance(item.get("level"), int) and not isinstance(item.get("level"), bool):
            indikator = item.get("indikator")
            out.append(Level(item["level"], _text(item.get("deskripsi"), mode),
                             tuple(_text(i, mode) for i in indikator) if isinstance(indikator, list) else ()))
    return tuple(out)


def competency_from(doc: Document, mode: str = VALID) -> Competency:
    d, t = doc.data, (lambda name: _text(doc.data.get(name), mode))
    replacements = d.get("diganti_oleh") or ()
    if not isinstance(replacements, (list, tuple)):
        replacements = ()
    elif mode == AS_WRITTEN:
        replacements = [_text(k, mode) for k in replacements if k is not None]
    return Competency(
        kode=t("kode") or doc.stem, nama=t("nama"), jenis=t("jenis") or doc.path.split("/")[1],
        definisi=t("definisi"), level=_levels(d.get("level"), mode), bidang=t("bidang"),
        dasar_hukum=t("dasar_hukum"), status=t("status") or "berlaku", diganti_oleh=tuple(replacements),
        catatan=t("catatan"), source=doc)


def _competency_levels(raw, mode: str) -> tuple[CompetencyLevel, ...]:
    if mode == VALID:
        return tuple(CompetencyLevel(r["kode"], r["level"]) for r in raw)
    rows = raw if isinstance(raw, list) else []
    if mode == ACCEPTED:  # every row keeps its place
        return tuple(CompetencyLevel(r.get("kode"), r.get("level")) if isinstance(r, dict)
                     else CompetencyLevel(None, None) for r in rows)
    return tuple(CompetencyLevel(r["kode"], r.get("level")) for r in rows
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


def position_from(doc: Document, unit: str, mode: str = VALID) -> Position:
    d = upgraded(doc.data, "position")  # a key under its old name (one version) reads as the new one
    t = (lambda name: _text(d.get(name), mode))
    return Position(
        kode=t("kode") or doc.stem, nama=t("nama"), jenjang=t("jenjang"), ikhtisar=t("ikhtisar"),
        unit=unit, kompetensi=_competency_levels(d.get("kompetensi"), mode), urusan=t("urusan"),
        kode_jabatan=t("kode_jabatan"), atasan=t("atasan"),
        strategis=bool(d.get("strategis", False)), catatan=t("catatan"),
        standar_level_manajerial=_level_or_none(d.get("standar_level_manajerial")),
        jabatan_id=siasn_ids(d, "jabatan_id"), persyaratan=_persyaratan(d.get("persyaratan", {})), source=doc)


def unit_from(doc: Document, folder: str, mode: str = VALID) -> Unit:
    t = lambda name: _text(doc.data.get(name), mode)  # noqa: E731
    kode = doc.data["kode"] if mode == VALID else folder if mode == AS_WRITTEN else t("kode") or folder
    return Unit(kode=kode, nama=t("nama"), singkatan=t("singkatan"), induk=t("induk"), catatan=t("catatan"),
                nama_lain=_texts(doc.data.get("nama_lain")), unor_id=siasn_ids(doc.data, "unor_id"), source=doc)


def activity_from(doc: Document, mode: str = VALID) -> Activity:
    d, t = doc.data, (lambda name: _text(doc.data.get(name), mode))
    jp = d.get("jp")
    return Activity(kode=t("kode") or doc.stem, nama=t("nama"), jalur=t("jalur"), bentuk=t("bentuk"),
                    jp=jp if isinstance(jp, (int, float)) and not isinstance(jp, bool) else 0,
                    kompetensi=_competency_levels(d.get("kompetensi"), mode), penyelenggara=t("penyelenggara"),
                    catatan=t("catatan"), source=doc)


def build_model(documents: Documents, config: Config, valid: set[str] | None = None,
                accepted: dict[str, Document] | None = None) -> Kamus:
    """The model of ``documents``.

    ``valid`` is the set of paths that passed loading and their schema: only those are
    built. ``valid=None`` builds the model as written: every document that parsed into a
    mapping. With ``accepted`` (path → the accepted copy of each document with schema
    errors) every document that parsed into a mapping is built, those with schema errors
    from their accepted copy. The first file with a kode wins (duplicates are findings).
    """
    def chosen(loaded) -> tuple[Document | None, str]:
        doc = loaded.doc
        if accepted is not None:
            doc = accepted.get(loaded.file.path, doc)
            return (doc, ACCEPTED if loaded.file.path in accepted else VALID) if doc is not None else (None, VALID)
        if valid is None:
            return doc, AS_WRITTEN
        return (doc, VALID) if doc is not None and loaded.file.path in valid else (None, VALID)

    kamus = Kamus(config=config)
    for group, make, table in (("competencies", lambda doc, f, m: competency_from(doc, m), kamus.competencies),
                               ("units", lambda doc, f, m: unit_from(doc, f.folder, m), kamus.units),
                               ("positions", lambda doc, f, m: position_from(doc, f.folder, m), kamus.positions),
                               ("development", lambda doc, f, m: activity_from(doc, m), kamus.development)):
        for loaded in getattr(documents, group):
            doc, mode = chosen(loaded)
            if doc is None or not isinstance(doc.data, dict):
                continue
            item = make(doc, loaded.file, mode)
            table.setdefault(loaded.file.folder if group == "units" else item.kode, item)
    return kamus
