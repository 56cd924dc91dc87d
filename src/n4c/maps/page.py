"""A map as one self-contained HTML file: Leaflet, the data and a table, with nothing fetched.

Leaflet and the map script are the files the platform serves (vendored from npm into
``n4c/platform/static``); they are read here as files and written inline, so the page opens
from a USB stick with no network. The same figures are in a table for screen readers, and the
map works by keyboard (the script's instructions and announcements are given here in English;
the platform's page gives the same words translated).
"""

from __future__ import annotations

import html
from pathlib import Path

from n4c.maps.layers import MapLayer
from n4c.maps.shapes import geojson_text

__all__ = ["LEAFLET_DIR", "MAP_SCRIPT", "MAP_STYLE", "html_page", "legend_rows"]

_STATIC = Path(__file__).resolve().parent.parent / "platform" / "static"
#: Leaflet as vendored from npm (see its LICENSE there); no CDN is used.
LEAFLET_DIR = _STATIC / "vendor" / "leaflet"
#: The script that draws a map from GeoJSON, shared with the platform's pages.
MAP_SCRIPT = _STATIC / "n4c" / "map.js"
#: Its styles (the map's size, the keyboard's focus, the legend), also shared.
MAP_STYLE = _STATIC / "n4c" / "map.css"

#: The words the map script says, as the platform's map page gives them (there translated).
_SCRIPT_TEXT = {
    "show-on-map": "Show %(name)s on the map",
    "showing": "Showing %(area)s.",
    "area-in-council": "%(name)s (%(council)s): %(heading)s %(value)s",
    "area": "%(name)s: %(heading)s %(value)s",
    "areas": "Going from area to area: use the arrow keys, and press Escape to move the map."
    " %(area)s",
    "moving": "Moving the map.",
    "no-more": "There are no more areas that way.",
    "zoom-in": "Zoom in",
    "zoom-out": "Zoom out",
    "failed": "The map data could not be loaded.",
}
_KEYBOARD_HELP = (
    "With a keyboard: on the map, the arrow keys move the map, and + and - zoom in and out."
    " Press Enter to go from area to area with the arrow keys. Enter or Space then shows the"
    " area’s name and figure, Escape hides it, and Escape again goes back to moving the map."
)

_CSS = """
body { font-family: Arial, sans-serif; margin: 0 auto; max-width: 1100px; padding: 0 12px;
  color: #0b0c0c; }
.table-scroll { overflow: auto; max-height: 60vh; max-width: 100%; }
.table-scroll:focus { outline: 3px solid #fd0; }
table { border-collapse: collapse; } th, td { text-align: left; padding: 4px 8px;
  border-bottom: 1px solid #b1b4b6; }
.table-scroll thead th { position: sticky; top: 0; background: #fff; }
.hint { color: #505a5f; }
"""


def legend_rows(layer: MapLayer) -> list[tuple[str, str, int]]:
    """Each bin as (colour, words, number of areas), for a legend."""
    return [(b.colour, b.label, n) for b, n in zip(layer.bins, layer.counts(), strict=True)]


def _table(layer: MapLayer) -> str:
    rows = "\n".join(
        f'<tr data-code="{html.escape(r["code"])}"><td data-name>{html.escape(r["name"])}</td>'
        f"<td>{html.escape(r['code'])}</td><td>{html.escape(r['council_name'])}</td>"
        f"<td>{html.escape(str(r['value']))}</td></tr>"
        for r in layer.areas.to_dict("records")
    )
    return (
        '<div class="table-scroll" tabindex="0" role="region" aria-labelledby="areas-caption">'
        f'<table id="areas"><caption id="areas-caption">{html.escape(layer.title)}: '
        f"{len(layer.areas):,} areas</caption><thead><tr><th scope=col>Name</th>"
        f"<th scope=col>Code</th><th scope=col>Council</th>"
        f"<th scope=col>{html.escape(layer.value_heading)}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )


def html_page(layer: MapLayer) -> str:
    """The whole page as text."""
    data = geojson_text(layer).replace("</", "<\\/")
    legend = "".join(
        '<li><svg class="map-swatch" width="16" height="16" aria-hidden="true" focusable="false">'
        f'<rect width="16" height="16" fill="{colour}" stroke="#505a5f"/></svg>'
        f"{html.escape(label)} ({n:,})</li>"
        for colour, label, n in legend_rows(layer)
    )
    texts = " ".join(
        f'data-text-{name}="{html.escape(words)}"' for name, words in _SCRIPT_TEXT.items()
    )
    leaflet_css = (LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8")
    map_css = MAP_STYLE.read_text(encoding="utf-8")
    leaflet_js = (LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8")
    script = MAP_SCRIPT.read_text(encoding="utf-8")
    title = html.escape(layer.title)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{leaflet_css}{map_css}{_CSS}</style></head>
<body><main><h1>{title}</h1>
<p>Each area is a {html.escape(layer.level)}. Hover over or tap an area to see its name, or use
the buttons in the table to show an area on the map.</p>
<h2 id="key-heading">Key</h2><ul class="map-legend" aria-labelledby="key-heading">{legend}</ul>
<p id="map-help" class="hint" hidden>{html.escape(_KEYBOARD_HELP)}</p>
<div id="map" class="n4c-map" data-n4c-map data-geojson-inline="map-data" data-table="areas"
 data-status="map-status" data-help="map-help" data-attribution="{html.escape(layer.source)}"
 data-value-heading="{html.escape(layer.value_heading)}" {texts}
 role="application" aria-label="Map: {title}"></div>
<p id="map-status" class="map-status" aria-live="polite"></p>
<h2>The figures</h2>{_table(layer)}
<p>{html.escape(layer.source)}</p></main>
<script type="application/json" id="map-data">{data}</script>
<script>{leaflet_js}</script><script>{script}</script></body></html>
"""
