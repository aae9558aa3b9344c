"""Cross-file rules about references: atasan, induk, required competencies, replacements."""

from __future__ import annotations

from ..load.document import ANY
from ..rules import finding
from ..suggest import suggest


def intact(obj, pattern: tuple) -> bool:
    """True when the schema rejected nothing at ``pattern`` of the file ``obj`` (a competency,
    position, unit or activity of the model) comes from: see :meth:`~generator.load.Document.intact`."""
    return obj.source is None or obj.source.intact(pattern)


def cycles(parent_of: dict[str, str]) -> list[list[str]]:
    """Every cycle in a child → parent mapping, each as a list starting at its smallest member."""
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = done
    found = []
    for start in sorted(parent_of):
        walk, node = [], start
        while node in parent_of and node not in state:
            state[node] = 1
            walk.append(node)
            node = parent_of[node]
        if state.get(node) == 1:  # walked back into this walk: a cycle
            loop = walk[walk.index(node):]
            pivot = loop.index(min(loop))
            found.append(loop[pivot:] + loop[:pivot])
        for member in walk:
            state[member] = 2
    return found


def _check_links(objects: dict, field: str, known: set, unknown: tuple, cycle: tuple) -> list:
    """A child → parent link (``induk``, ``atasan``): the parent exists and no chain loops.

    ``unknown`` is (rule, message with {target}, hint); ``cycle`` is (rule, message with
    {chain}). Parents that are known but broken (not in ``objects``) are not followed.
    """
    found, parent_of = [], {}
    for kode, obj in objects.items():
        target = getattr(obj, field)
        if not target:
            continue
        if target not in known:
            rule, message, hint = unknown
            found.append(finding(rule, obj.source.path, *obj.source.where((field,)),
                                 message.format(target=target), f"{suggest(target, known)}{hint}"))
        elif target in objects:
            parent_of[kode] = target
    for loop in cycles(parent_of):
        chain = " → ".join(loop + [loop[0]])
        for kode in loop:
            obj = objects[kode]
            found.append(finding(cycle[0], obj.source.path, *obj.source.where((field,)),
                                 cycle[1].format(chain=chain)))
    return found


def check_units(kamus, known_units: set) -> list:
    """UNIT-INDUK-UNKNOWN and UNIT-INDUK-CYCLE."""
    return _check_links(
        kamus.units, "induk", known_units,
        ("UNIT-INDUK-UNKNOWN", "unit induk `{target}` tidak ada",
         "Tulis kode unit yang ada (nama folder di positions/), atau hapus `induk`."),
        ("UNIT-INDUK-CYCLE", "rantai induk unit berputar: {chain}"))


def check_atasan(kamus, known_positions: set) -> list:
    """ATASAN-UNKNOWN and ATASAN-CYCLE."""
    return _check_links(
        kamus.positions, "atasan", known_positions,
        ("ATASAN-UNKNOWN", "jabatan atasan `{target}` tidak ada",
         "Tulis kode jabatan atasan yang ada, atau hapus `atasan` untuk jabatan teratas."),
        ("ATASAN-CYCLE", "garis atasan berputar: {chain}"))


def check_requirements(kamus, known_competencies: set) -> list:
    """KOMPETENSI-UNKNOWN, KOMPETENSI-REPEATED, KOMPETENSI-DICABUT, LEVEL-UNDEFINED for the
    `kompetensi` list of every position and every activity of the development catalog."""
    found = []
    for owner in [*kamus.positions.values(), *kamus.development.values()]:
        found += _competency_list(kamus, owner.source, owner.kompetensi, known_competencies)
    return found


def _competency_list(kamus, doc, kompetensi, known_competencies: set) -> list:
    found, seen = [], {}
    for index, req in enumerate(kompetensi):
        if req.kode is None:  # rejected by the schema: reported there
            continue
        here = doc.where(("kompetensi", index, "kode"))
        if req.kode in seen:
            found.append(finding("KOMPETENSI-REPEATED", doc.path, *here,
                                 f"kompetensi `{req.kode}` sudah disebut pada butir ke-{seen[req.kode] + 1}"))
            continue
        seen[req.kode] = index
        competency = kamus.competencies.get(req.kode)
        if competency is None:
            if req.kode not in known_competencies:
                found.append(finding("KOMPETENSI-UNKNOWN", doc.path, *here,
                                     f"kompetensi `{req.kode}` tidak ada di kamus",
                                     f"{suggest(req.kode, known_competencies)}Perbaiki kode, atau tambahkan kompetensinya di competencies/."))
            continue
        if not competency.berlaku:
            found.append(_dicabut(kamus, doc, here, competency))
        if req.level is not None and intact(competency, ("level", ANY, "level")) and competency.get_level(req.level) is None:
            levels = [lv.level for lv in competency.level]
            found.append(finding("LEVEL-UNDEFINED", doc.path, *doc.where(("kompetensi", index, "level")),
                                 f"{competency.cited} tidak punya level {req.level}; "
                                 f"level yang ada: {', '.join(map(str, levels))}"))
    return found


def _dicabut(kamus, doc, here, competency):
    replacements = [kamus.competencies[k] for k in competency.diganti_oleh if k in kamus.competencies]
    if replacements:
        names = ", ".join(c.cited for c in replacements)
        return finding("KOMPETENSI-DICABUT", doc.path, *here,
                       f"kompetensi {competency.cited} sudah dicabut; penggantinya: {names}",
                       f"Ganti `kode: {competency.kode}` dengan `kode: {replacements[0].kode}` dan periksa levelnya.")
    return finding("KOMPETENSI-DICABUT", doc.path, *here,
                   f"kompetensi {competency.cited} sudah dicabut tanpa pengganti",
                   "Hapus kompetensi ini dari daftar `kompetensi`, atau pilih kompetensi lain yang berlaku.")


def check_replacements(kamus, known_competencies: set) -> list:
    """DIGANTI-OLEH-STATUS and DIGANTI-OLEH-UNKNOWN."""
    found = []
    for competency in kamus.competencies.values():
        doc = competency.source
        if any(competency.diganti_oleh) and competency.berlaku and intact(competency, ("status",)):
            found.append(finding("DIGANTI-OLEH-STATUS", doc.path, *doc.where(("diganti_oleh",), key=True),
                                 f"`diganti_oleh` diisi padahal status `{competency.kode}` masih berlaku"))
        for index, kode in enumerate(competency.diganti_oleh):
            if kode is None:
                continue
            if kode == competency.kode:
                found.append(finding("DIGANTI-OLEH-UNKNOWN", doc.path, *doc.where(("diganti_oleh", index)),
                                     f"`{kode}` tidak dapat menggantikan dirinya sendiri"))
            elif kode not in known_competencies:
                found.append(finding("DIGANTI-OLEH-UNKNOWN", doc.path, *doc.where(("diganti_oleh", index)),
                                     f"kompetensi pengganti `{kode}` tidak ada di kamus",
                                     f"{suggest(kode, known_competencies)}Tulis kode kompetensi pengganti yang ada."))
    return found
