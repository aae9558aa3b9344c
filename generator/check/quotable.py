"""What a finding about a decision file (``keputusan/<periode>.yaml``, RAHASIA) may quote.

Findings go to CI logs and pull-request summaries, which carry no personal data. Of a decision
file they may quote what names no one: its keys (a typo of a key), the period and status, the
dates and numbers of the meeting and of the penetapan, the jabatan of the officials, a kotak, a
target post, a readiness and a rank. Everything else the file holds is withheld ("…"): the
NIP, every name, the alasan, the catatan, a value under a key the schema does not know, and a
key that is no key name (``Budi Santoso: siap``). The tool's own words (the message, the hint,
the schema's choices) are never withheld; every number that could be a NIP or a NIK is, wherever
it stands.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..findings import PERSONAL_NUMBER, Finding
from ..load import Document
from ..load.document import ANY

# The places of a decision file whose values name no one (ANY: every list position).
PUBLIC = (
    ("periode",), ("status",), ("rapat", "tanggal"), ("rapat", "nomor"), ("rapat", "tempat"),
    ("rapat", "pimpinan", "jabatan"), ("rapat", "peserta", ANY, "jabatan"),
    ("penetapan", "nomor"), ("penetapan", "tanggal"), ("penetapan", "penandatangan", "jabatan"),
    ("pegawai", ANY, "kotak"), ("pegawai", ANY, "rencana_suksesi", ANY, "jabatan"),
    ("pegawai", ANY, "rencana_suksesi", ANY, "kesiapan"), ("pegawai", ANY, "rencana_suksesi", ANY, "peringkat"),
)
_KEY = re.compile(r"[a-z][a-z0-9_]*")  # a key name as the schemas write them (a typo of one stays one)
_QUOTED = re.compile(r"`[^`]*`|\"[^\"]*\"")
_SHORTEST = 6  # a personal value this long or longer is withheld wherever a quote contains it (names)
HIDDEN = "…"


def _public(path: tuple) -> bool:
    return any(len(path) == len(p) and all(w is ANY and isinstance(s, int) or w == s for s, w in zip(path, p))
               for p in PUBLIC)


def personal_values(doc: Document) -> frozenset[str]:
    """Every value of ``doc`` that may name or describe a person, as loaded and as written."""
    found: set[str] = set()

    def walk(node, path: tuple):
        if isinstance(node, dict):
            for key, value in node.items():
                if not _KEY.fullmatch(str(key)):
                    found.add(str(key))
                walk(value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, path + (index,))
        elif node is not None and not isinstance(node, bool) and not _public(path):
            found.update((str(node), doc.text(path) or ""))

    walk(doc.data, ())
    return frozenset(text.strip() for text in found if text.strip())


def _personal(quoted: str, personal: frozenset[str], known: frozenset[str]) -> bool:
    if PERSONAL_NUMBER.search(quoted) or quoted in personal:
        return True
    if quoted in known:
        return False  # the schema's own word
    return any(len(value) >= _SHORTEST and value in quoted for value in personal) or \
        (len(quoted) >= 2 * _SHORTEST and any(quoted in value for value in personal))  # a part of an alasan


def _unknown(quoted: str, known: frozenset[str]) -> bool:
    """Of a file that did not parse: anything quoted but a number-free key name, a word of the
    schema or punctuation."""
    return bool(PERSONAL_NUMBER.search(quoted)) or not (
        quoted in known or _KEY.fullmatch(quoted) or not any(c.isalnum() for c in quoted))


def _withheld(text: str, hide) -> str:
    if not text:
        return text
    out, at = [], 0
    for match in _QUOTED.finditer(text):
        out.append(PERSONAL_NUMBER.sub(HIDDEN, text[at:match.start()]))
        quote = match.group(0)
        out.append(quote[0] + HIDDEN + quote[-1] if hide(quote[1:-1]) else quote)
        at = match.end()
    out.append(PERSONAL_NUMBER.sub(HIDDEN, text[at:]))
    return "".join(out)


def quotable(finding: Finding, personal: frozenset[str] | None, known: frozenset[str]) -> Finding:
    """``finding`` about a decision file with its ``personal`` values (:func:`personal_values`)
    withheld wherever they stand. Of a file that did not parse (``personal`` None: its values are
    unknown) the message keeps of what it quotes only key names and the ``known`` words of the
    schema; the hint, the tool's own words, keeps all but a number that could be a NIP."""
    if personal is None:
        return replace(finding, message=_withheld(finding.message, lambda q: _unknown(q, known)),
                       hint=_withheld(finding.hint, lambda q: bool(PERSONAL_NUMBER.search(q))))
    hide = lambda quoted: _personal(quoted, personal, known)  # noqa: E731
    return replace(finding, message=_withheld(finding.message, hide), hint=_withheld(finding.hint, hide))
