"""Maps without a tile server: left-behind wards, IMD deciles and grant money per head.

Owns what a map shows (:func:`map_layer`: areas, values, bins and colours), shapes small enough
to send (simplified, quantised GeoJSON), static choropleths (SVG and PNG through matplotlib)
and self-contained HTML maps (vendored Leaflet). May import ``n4c.needs``, ``n4c.spending``,
``n4c.places`` and ``n4c.data``; never the platform's code or Django (the platform imports this).
"""

from __future__ import annotations

from pathlib import Path

from n4c.errors import InputError
from n4c.maps.layers import (
    WHATS,
    YEARS,
    Bin,
    MapLayer,
    What,
    Year,
    check_lad,
    check_year,
    council_edition,
    lsoa_imd_layer,
    map_layer,
)
from n4c.maps.outline import area_outline, outline_rings
from n4c.maps.page import html_page, legend_rows
from n4c.maps.shapes import Detail, detail_for, feature_collection, geojson_text, gzip_size

__all__ = [
    "FORMATS",
    "WHATS",
    "YEARS",
    "Bin",
    "Detail",
    "MapLayer",
    "What",
    "Year",
    "area_outline",
    "check_format",
    "check_lad",
    "check_year",
    "council_edition",
    "detail_for",
    "feature_collection",
    "geojson_text",
    "gzip_size",
    "html_page",
    "legend_rows",
    "lsoa_imd_layer",
    "map_layer",
    "outline_rings",
    "write_map",
]

#: The files `write_map` makes, by extension.
FORMATS = (".svg", ".png", ".html", ".geojson")


def check_format(path: Path) -> str:
    """The map format ``path`` asks for by its extension (``.svg`` ...), or an error."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(
            f'"{path.name}" does not end in .svg, .png, .html or .geojson, so n4c cannot tell '
            "which kind of map to write.",  # untranslated: only the command line writes map files
            field="--out",
            value=str(path),
        )
    return suffix


def write_map(layer: MapLayer, path: Path) -> None:
    """Write ``layer`` to ``path`` as SVG, PNG, HTML or GeoJSON, chosen by its extension."""
    suffix = check_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix in (".svg", ".png"):
        from n4c.maps.render import save_map

        save_map(layer, path)
    elif suffix == ".html":
        path.write_text(html_page(layer), encoding="utf-8")
    else:
        path.write_text(geojson_text(layer), encoding="utf-8")
