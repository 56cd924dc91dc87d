"""A profile as an A4 PDF, made offline by WeasyPrint from the profile's HTML.

WeasyPrint lays out HTML and CSS itself (through Debian's pango), so no browser is needed and
nothing is fetched: the HTML holds its map and styles.
"""

from __future__ import annotations

from pathlib import Path

from n4c.profiles.build import Profile
from n4c.profiles.html import render_html

__all__ = ["write_pdf"]


def write_pdf(profile: Profile, path: Path) -> None:
    """Write the profile to ``path`` as an A4 PDF."""
    import weasyprint

    path.parent.mkdir(parents=True, exist_ok=True)
    weasyprint.HTML(string=render_html(profile)).write_pdf(path)
