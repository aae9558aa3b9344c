"""`kamus export --format case`: the competency framework as a 1EdTech CASE 1.1 CFPackage.

- CFDocument: the kamus version (title, publisher = instansi, version, adoption status).
- CFItems: every competency (CFItemType = its kind, humanCodingScheme = its kode,
  fullStatement = its definisi), and each of its levels as a child item
  (fullStatement = deskripsi, notes = the indikator perilaku).
- CFAssociations: ``isChildOf`` from each competency to the document and from each level
  to its competency.

Identifiers are UUIDs derived from the kode (UUID version 5) inside a namespace of the
instansi: stable across builds and across versions, so a competency keeps its identifier
when its text changes (as ESCO keeps its URIs), while two Pemda never share one.
"""

from __future__ import annotations

import datetime
import json
import uuid

from ..render.text import natural_key

# Fixed for Kamus; never change it (every published identifier derives from it).
KAMUS_NAMESPACE = uuid.UUID("71f8762b-8d50-4a90-8ff1-5e0e3f4797f2")


def namespace(instansi: str) -> uuid.UUID:
    return uuid.uuid5(KAMUS_NAMESPACE, f"instansi:{instansi}")


def competency_id(instansi: str, kode: str) -> str:
    return str(uuid.uuid5(namespace(instansi), f"kompetensi:{kode}"))


def level_id(instansi: str, kode: str, level: int) -> str:
    return str(uuid.uuid5(namespace(instansi), f"kompetensi:{kode}:level:{level}"))


def _moment(project) -> str:
    """lastChangeDateTime: the version's date, else its commit time (UTC)."""
    versi = project.kamus.config.versi
    if versi.date:
        return f"{versi.date.isoformat()}T00:00:00+00:00"
    moment = datetime.datetime.fromtimestamp(project.timestamp, datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def _uri(base: str, path: str, identifier: str) -> str:
    return f"{base.rstrip('/')}/{path}" if base else f"urn:uuid:{identifier}"


def case_package(project) -> dict:
    kamus = project.kamus
    config = kamus.config
    instansi, versi, site = config.instansi.nama, config.versi, config.situs.url
    ns = namespace(instansi)
    moment = _moment(project)
    label = versi.nama or project.version or "versi kerja"
    doc_id = str(uuid.uuid5(ns, f"dokumen:{versi.nama or project.version or 'kerja'}"))
    document_uri = {"title": f"Kamus Kompetensi {instansi}", "identifier": doc_id, "uri": _uri(site, "", doc_id)}
    item_types = {}
    for jenis in config.jenis_kompetensi.values():
        type_id = str(uuid.uuid5(ns, f"jenis:{jenis.kode}"))
        item_types[jenis.kode] = {"identifier": type_id, "uri": f"urn:uuid:{type_id}", "title": f"Kompetensi {jenis.nama}",
                                  "description": f"Kompetensi {jenis.nama} dalam kamus {instansi}.",
                                  "hierarchyCode": jenis.kode, "lastChangeDateTime": moment}
    level_type_id = str(uuid.uuid5(ns, "jenis:level"))
    item_types["level"] = {"identifier": level_type_id, "uri": f"urn:uuid:{level_type_id}", "title": "Level Kompetensi",
                           "description": "Satu level kompetensi: deskripsi dan indikator perilaku.",
                           "hierarchyCode": "level", "lastChangeDateTime": moment}
    items, associations = [], []

    def link(title, identifier, uri):
        return {"title": title, "identifier": identifier, "uri": uri}

    def child_of(origin: dict, destination: dict, sequence: int) -> None:
        identifier = str(uuid.uuid5(ns, f"isChildOf:{origin['identifier']}:{destination['identifier']}"))
        associations.append({"identifier": identifier, "uri": f"urn:uuid:{identifier}", "associationType": "isChildOf",
                             "sequenceNumber": sequence, "CFDocumentURI": document_uri, "originNodeURI": origin,
                             "destinationNodeURI": destination, "lastChangeDateTime": moment})

    competencies = sorted(kamus.competencies.values(), key=lambda c: natural_key(c.kode))
    for sequence, competency in enumerate(competencies, start=1):
        kind = item_types.get(competency.jenis)
        identifier = competency_id(instansi, competency.kode)
        uri = _uri(site, f"kompetensi/{competency.kode}/", identifier)
        notes = [f"Status: {competency.status}"] + ([f"Bidang: {competency.bidang}"] if competency.bidang else []) \
            + ([f"Dasar hukum: {competency.dasar_hukum}"] if competency.dasar_hukum else []) \
            + ([f"Diganti oleh: {', '.join(competency.diganti_oleh)}"] if competency.diganti_oleh else [])
        item = {"identifier": identifier, "uri": uri, "fullStatement": competency.definisi,
                "abbreviatedStatement": competency.nama, "humanCodingScheme": competency.kode,
                "listEnumeration": str(sequence), "language": "id", "notes": "\n".join(notes),
                "CFDocumentURI": document_uri, "lastChangeDateTime": moment}
        if kind:
            item["CFItemType"] = kind["title"]
            item["CFItemTypeURI"] = link(kind["title"], kind["identifier"], kind["uri"])
        items.append(item)
        child_of(link(competency.nama, identifier, uri), document_uri, sequence)
        for level in competency.level:
            lid = level_id(instansi, competency.kode, level.level)
            level_uri = _uri(site, f"kompetensi/{competency.kode}/#level-{level.level}", lid)
            items.append({"identifier": lid, "uri": level_uri, "fullStatement": level.deskripsi,
                          "abbreviatedStatement": f"{competency.nama} level {level.level}",
                          "humanCodingScheme": f"{competency.kode}/{level.level}", "listEnumeration": str(level.level),
                          "language": "id",
                          "notes": "\n".join(f"{n}. {text}" for n, text in enumerate(level.indikator, start=1)),
                          "CFItemType": "Level Kompetensi",
                          "CFItemTypeURI": link("Level Kompetensi", level_type_id, item_types["level"]["uri"]),
                          "CFDocumentURI": document_uri, "lastChangeDateTime": moment})
            child_of(link(f"{competency.nama} level {level.level}", lid, level_uri),
                     link(competency.nama, identifier, uri), level.level)
    document = {"identifier": doc_id, "uri": document_uri["uri"], "creator": instansi,
                "title": f"Kamus Kompetensi {instansi} ({label})", "lastChangeDateTime": moment,
                "publisher": instansi, "description": (f"{versi.nama} tentang {versi.tentang}" if versi.tentang
                                                       else f"Kamus kompetensi {instansi}, {label}."),
                "language": "id", "version": label, "adoptionStatus": "Adopted" if versi.date else "Draft",
                "notes": "Kompetensi manajerial dan sosial kultural sesuai Lampiran Peraturan Menteri PANRB "
                         "Nomor 38 Tahun 2017 tentang Standar Kompetensi Jabatan Aparatur Sipil Negara.",
                "CFPackageURI": link(document_uri["title"], doc_id, document_uri["uri"])}
    if versi.date:
        document["statusStartDate"] = versi.date.isoformat()
    return {"CFDocument": document, "CFItems": items, "CFAssociations": associations,
            "CFDefinitions": {"CFItemTypes": list(item_types.values()), "CFConcepts": [], "CFSubjects": [],
                              "CFLicenses": [], "CFAssociationGroupings": []}}


def export_case(project) -> bytes:
    """`kamus export --format case`."""
    return (json.dumps(case_package(project), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
