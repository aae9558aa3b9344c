"""Version comparison: what changed in meaning between two versions of a kamus.

``source`` reads a version (git ref or folder) without touching the working tree,
``lenient`` turns its files into comparable plain data even when that version breaks
today's rules, ``compare`` lists the changes, ``impact`` counts whom they touch and
``report`` writes them as text, Markdown (PR summaries) or JSON.
"""
