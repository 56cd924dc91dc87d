"""A simple offline map of an area's assets: an SVG scatter of their coordinates.

No tiles or scripts are loaded from anywhere (the platform must work offline), so the map is
the assets' positions to scale, with north up and each point named; assets known only by
postcode are listed beside it instead.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

__all__ = ["MapPoint", "area_outline_rings", "asset_map_svg"]

_COLOURS = {"physical": "#1d70b8", "social": "#00703c", "cultural": "#912b88"}


@dataclass(frozen=True)
class MapPoint:
    label: str
    kind: str
    latitude: float
    longitude: float
    url: str = ""
    #: the kind in the reader's words (e.g. "Physical"); ``kind`` picks the colour
    kind_words: str = ""


def area_outline_rings(area) -> list[list[tuple[float, float]]] | None:
    """The area's boundary (its wards' LSOAs dissolved) as rings, or ``None`` without the
    boundary data on this machine (the map then shows the assets alone)."""
    from n4c.errors import N4CError
    from n4c.maps import area_outline, outline_rings

    try:
        outline = area_outline(area.wards17())
    except N4CError:
        return None
    return None if outline is None else outline_rings(outline)


def _outline_path(rings, place) -> str:
    parts = []
    for ring in rings:
        xy = [place(lon, lat) for lon, lat in ring]
        parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
    return (
        f'<path d="{"".join(parts)}" fill="#ffffff" fill-rule="evenodd" stroke="#0b0c0c" '
        'stroke-width="2" stroke-dasharray="6 3"/>'
    )


def asset_map_svg(
    points: Iterable[MapPoint],
    *,
    width: int = 640,
    height: int = 420,
    outline: list[list[tuple[float, float]]] | None = None,
) -> SafeString:
    """An accessible SVG: one labelled circle per asset, positions to scale (equirectangular),
    inside the area's boundary when ``outline`` gives its rings as (longitude, latitude)."""
    points = list(points)
    rings = outline or []
    if not points and not rings:
        return mark_safe("")
    margin = 30
    corners = [(p.longitude, p.latitude) for p in points] + [c for r in rings for c in r]
    mid_latitude = sum(lat for _, lat in corners) / len(corners)
    # Degrees of longitude shrink towards the poles; scale them so the shapes are not stretched.
    x_scale = math.cos(math.radians(mid_latitude))
    all_xs = [lon * x_scale for lon, _ in corners]
    all_ys = [lat for _, lat in corners]
    span = max(max(all_xs) - min(all_xs), max(all_ys) - min(all_ys), 0.002)
    unit = min(width, height) - 2 * margin
    x0 = (min(all_xs) + max(all_xs)) / 2
    y0 = (min(all_ys) + max(all_ys)) / 2

    def place(lon: float, lat: float) -> tuple[float, float]:
        return (
            width / 2 + (lon * x_scale - x0) / span * unit,
            height / 2 - (lat - y0) / span * unit,
        )

    shapes = [_outline_path(rings, place)] if rings else []
    for point in points:
        cx, cy = place(point.longitude, point.latitude)
        circle = format_html(
            '<circle cx="{}" cy="{}" r="7" fill="{}" stroke="#0b0c0c"><title>{} ({})</title></circle>'
            '<text x="{}" y="{}" font-size="12">{}</text>',
            f"{cx:.1f}",
            f"{cy:.1f}",
            _COLOURS.get(point.kind, "#505a5f"),
            point.label,
            point.kind_words or point.kind,
            f"{cx + 10:.1f}",
            f"{cy + 4:.1f}",
            point.label,
        )
        if point.url:
            circle = format_html('<a href="{}">{}</a>', point.url, circle)
        shapes.append(str(circle))
    count = {"count": len(points)}
    if rings:
        title = (
            ngettext(
                "Map of %(count)s asset by their coordinates (north at the top), inside the area's "
                "boundary (dashed)",
                "Map of %(count)s assets by their coordinates (north at the top), inside the area's "
                "boundary (dashed)",
                len(points),
            )
            % count
        )
    else:
        title = (
            ngettext(
                "Map of %(count)s asset by their coordinates (north at the top)",
                "Map of %(count)s assets by their coordinates (north at the top)",
                len(points),
            )
            % count
        )
    # A role of img would hide the links inside from assistive technology (axe:
    # nested-interactive), so a map with links is a labelled group of them instead.
    role = "group" if any(p.url for p in points) else "img"
    return mark_safe(
        f'<svg class="asset-map" role="{role}" aria-labelledby="asset-map-title" viewBox="0 0 {width} {height}" '
        # Sized by its width attribute and shrunk by n4c.css: no style attribute, which the
        # Content-Security-Policy refuses.
        f'width="{width}" height="{height}">'
        f'<title id="asset-map-title">{escape(title)}</title>{"".join(shapes)}</svg>'
    )
