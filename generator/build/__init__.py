"""Stage 5: build the site with MkDocs (build, render-only, live preview)."""

from .site import BuildResult, build_site, render_project

__all__ = ["BuildResult", "build_site", "render_project"]
