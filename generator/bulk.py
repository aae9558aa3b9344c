"""Pausing the cyclic garbage collector while many acyclic objects are made.

Loading a kamus makes hundreds of thousands of small objects (YAML nodes, positions,
dataclasses) that all stay alive; each of the collector's passes walks every one of them
again and frees nothing. Measured on the large corpus: `kamus validate` spends about a
quarter of its time there; talent mapping with a million people turned linear work
quadratic. Objects with cycles made meanwhile are collected once the collector runs again.
"""

from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def bulk():
    """Run the block with the cyclic collector paused (nested blocks are fine)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # The objects made meanwhile go straight to the oldest generation (freeze, then
            # unfreeze: no pass over them), where they are still collected, rarely; else the
            # first allocation after re-enabling would walk them all at once.
            gc.freeze()
            gc.unfreeze()
            gc.enable()
