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
