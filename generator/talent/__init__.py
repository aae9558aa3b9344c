"""Manajemen talenta from versioned snapshots: 9-box, JPM, talent pool, succession, movement.

Reuses the kamus model (positions and their required levels). Named results are personal
data: they go to the restricted report only; the site gets aggregates (see aggregate.py).
"""
