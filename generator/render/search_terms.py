"""Better recall for Indonesian queries in a search engine without an Indonesian stemmer.

Material's search (lunr) has no Indonesian stemmer, so "kelola" would not find
"Mengelola Perubahan". Each competency and position page therefore carries a hidden
list of the root words (kata dasar) of its title and key text, made by a small
affix-stripping stemmer. It over-generates on purpose (``mengelola`` gives ``kelola``
and ``elola``): an extra candidate costs a few bytes of index, a missing one costs a
failed search. Everything happens at build time, so it works offline.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z]+")
_PARTICLES = ("lah", "kah", "tah", "pun", "nya", "ku", "mu")
_SUFFIXES = ("kan", "an", "i")
_VOWELS = set("aeiou")


def _strip_suffixes(word: str) -> set[str]:
    out = {word}
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 4:
            out.add(word[: -len(particle)])
    for base in list(out):
        for suffix in _SUFFIXES:
            if base.endswith(suffix) and len(base) - len(suffix) >= 3:
                out.add(base[: -len(suffix)])
    return out


def _strip_prefix(word: str) -> set[str]:
    """Candidate roots after removing one derivational prefix, with sound recoding."""
    out = set()
    rules = [  # (prefix, replacements for the first letter of the rest when it is a vowel)
        ("meny", ("s",)), ("peny", ("s",)), ("meng", ("k", "")), ("peng", ("k", "")),
        ("mem", ("p", "")), ("pem", ("p", "")), ("men", ("t", "")), ("pen", ("t", "")),
        ("me", ("",)), ("pe", ("",)), ("ber", ("",)), ("be", ("",)), ("ter", ("",)),
        ("per", ("",)), ("di", ("",)), ("ke", ("",)), ("se", ("",)),
    ]
    for prefix, recodings in rules:
        if not word.startswith(prefix) or len(word) - len(prefix) < 3:
            continue
        rest = word[len(prefix):]
        if rest[0] in _VOWELS:
            out.update(letter + rest for letter in recodings)
        else:
            out.add(rest)
    return out


def roots(word: str) -> set[str]:
    """Every candidate root of one lower-case word (the word itself included)."""
    found = set()
    for stripped in _strip_suffixes(word):
        found.add(stripped)
        for once in _strip_prefix(stripped):
            found.add(once)
            found.update(_strip_prefix(once))  # double prefixes: memper-, diper-, keber-
    return {w for w in found if len(w) >= 3}


def kata_dasar(*texts: str) -> str:
    """Root words of ``texts`` not already present as whole words, space-separated, sorted."""
    words = set(_WORD.findall(" ".join(texts).lower()))
    extra = set()
    for word in words:
        if len(word) >= 5:
            extra |= roots(word)
    return " ".join(sorted(extra - words))


_CODE_PART = re.compile(r"[._\-]+")


def code_parts(kode: str) -> str:
    """The parts of a code that a reader types: what follows each dot, and its words, so that
    ``kaban`` or ``kabid_anggaran`` (any case, ``_`` or ``-``) finds ``BPKAD.KABID_ANGGARAN``.
    Search splits a query at hyphens, so ``kabid-anggaran`` looks for ``kabid`` and ``anggaran``."""
    kode = kode.lower()
    found = [kode[i + 1:] for i, char in enumerate(kode) if char == "." and kode[i + 1:]]
    found += [word for word in _CODE_PART.split(kode) if word]
    return " ".join(dict.fromkeys(word for word in found if word != kode))
