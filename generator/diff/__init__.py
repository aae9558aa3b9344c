"""Version comparison: what changed in meaning between two versions of a kamus.

``versions`` opens the versions (git refs or folders) as historic
:class:`~generator.project.Project` models, ``compare`` lists the changes between two
models, ``impact`` counts whom they touch, ``history`` compares every enacted version for
the site, and ``formats`` writes a comparison as text, Markdown (PR summaries) or JSON.
"""

COMPARISON_FORMATS = ("text", "markdown", "json")  # `kamus diff --format`: see formats.FORMATS
