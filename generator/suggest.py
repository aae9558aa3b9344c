""""Maksud Anda …?": the closest known name to a misspelt one (used by every check)."""

from __future__ import annotations

import difflib


def closest(word, choices, cutoff: float = 0.6) -> str | None:
    found = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=cutoff)
    return found[0] if found else None


def suggest(word, choices, cutoff: float = 0.6) -> str:
    """``"Maksud Anda `x`? "`` when a close match exists, else ``""`` (ready to prefix a hint)."""
    match = closest(word, choices, cutoff)
    return f"Maksud Anda `{match}`? " if match else ""


class Suggester:
    """:func:`suggest` for many words against one list of known names (a file's rows): the
    list is prepared once, and only the first ``limit`` words are looked up. Each lookup
    compares with every name (at 2,000 positions, milliseconds): a file of ten thousand
    wrong names costs seconds instead of minutes, and the first ones show the pattern."""

    def __init__(self, choices, cutoff: float = 0.6, limit: int = 200):
        self.choices, self.cutoff, self.left = [str(c) for c in choices], cutoff, limit

    def __call__(self, word) -> str:
        if self.left <= 0:
            return ""
        self.left -= 1
        found = difflib.get_close_matches(str(word), self.choices, n=1, cutoff=self.cutoff)
        return f"Maksud Anda `{found[0]}`? " if found else ""
