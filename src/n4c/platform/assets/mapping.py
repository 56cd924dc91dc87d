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

__all__ = ["MapPoint", "asset_map_svg"]

_COLOURS = {"physical": "#1d70b8", "social": "#00703c", "cultural": "#912b88"}


@dataclass(frozen=True)
class MapPoint:
    label: str
    kind: str
    latitude: float
    longitude: float
    url: str = ""


def asset_map_svg(points: Iterable[MapPoint], *, width: int = 640, height: int = 420) -> SafeString:
    """An accessible SVG: one labelled circle per asset, positions to scale (equirectangular)."""
    points = list(points)
    if not points:
        return mark_safe("")
    margin = 30
    mid_latitude = sum(p.latitude for p in points) / len(points)
    # Degrees of longitude shrink towards the poles; scale them so the shapes are not stretched.
    x_scale = math.cos(math.radians(mid_latitude))
    xs = [p.longitude * x_scale for p in points]
    ys = [p.latitude for p in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 0.002)
    unit = min(width, height) - 2 * margin
    x0 = (min(xs) + max(xs)) / 2
    y0 = (min(ys) + max(ys)) / 2
    shapes = []
    for point, x, y in zip(points, xs, ys, strict=True):
        cx = width / 2 + (x - x0) / span * unit
        cy = height / 2 - (y - y0) / span * unit
        circle = format_html(
            '<circle cx="{}" cy="{}" r="7" fill="{}" stroke="#0b0c0c"><title>{} ({})</title></circle>'
            '<text x="{}" y="{}" font-size="12">{}</text>',
            f"{cx:.1f}",
            f"{cy:.1f}",
            _COLOURS.get(point.kind, "#505a5f"),
            point.label,
            point.kind,
            f"{cx + 10:.1f}",
            f"{cy + 4:.1f}",
            point.label,
        )
        if point.url:
            circle = format_html('<a href="{}">{}</a>', point.url, circle)
        shapes.append(str(circle))
    title = f"Map of {len(points)} asset{'s' if len(points) != 1 else ''} by their coordinates (north at the top)"
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
