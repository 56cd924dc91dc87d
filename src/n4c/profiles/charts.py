"""The profile's map: the area's LSOAs shaded by IMD decile, its outline and its assets, as SVG.

The LSOAs and their colours come from :func:`n4c.maps.lsoa_imd_layer` (IMD 2019, LSOA 2011)
or :func:`lsoa21_imd_layer` (IMD 2025, LSOA 2021, with the maps' own decile legend) and are
drawn by :func:`n4c.maps.render.draw_map`; this module adds the outline (the LSOAs dissolved)
and the assets on top, in the same scaled coordinates.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import shapely

if TYPE_CHECKING:
    from n4c.maps import MapLayer
    from n4c.profiles.model import MapPoint

__all__ = ["area_map_svg", "area_outline_of", "lsoa21_imd_layer"]

_OUTLINE_COLOUR = "#0b0c0c"
_ASSET_COLOUR = "#d4351c"


def area_outline_of(lsoa_codes: Sequence[str], *, edition: int = 2011):
    """The area's boundary: its LSOA shapes (2011 or 2021) dissolved into one, or ``None``."""
    from n4c.needs import lsoa_shapes

    found = lsoa_shapes(edition).reindex(list(lsoa_codes)).to_numpy()  # type: ignore[arg-type]
    shapes = [s for s in found if s is not None and s == s]
    if not shapes:
        return None
    return shapely.union_all(shapes)


def lsoa21_imd_layer(lsoa21_codes: Sequence[str]) -> MapLayer:
    """The IMD 2025 decile of each of these LSOAs (2021), with its shape, as a map layer."""
    import pandas as pd

    from n4c.data import load
    from n4c.maps import MapLayer
    from n4c.maps.layers import _decile_bins  # the maps' one decile legend
    from n4c.needs import lsoa_shapes

    lookup = load("lookup_lsoa21_ward24_lad24")
    names = lookup[lookup["lsoa21_code"].isin(set(lsoa21_codes))]
    deciles = (
        load("imd2025_lsoa21").set_index("lsoa21_code")["IMD_decile"].reindex(names["lsoa21_code"])
    ).astype(int)
    areas = pd.DataFrame(
        {
            "code": names["lsoa21_code"].to_numpy(),
            "name": names["lsoa21_name"].to_numpy(),
            "council_name": names["ltla24_name"].to_numpy(),
            "value": deciles.astype(str).to_numpy(),
            "bin": deciles.to_numpy() - 1,
        }
    )
    return MapLayer(
        what="imd",
        title="IMD 2025 decile of each LSOA",
        level="LSOA (2021)",
        value_heading="IMD 2025 decile (LSOAs)",
        areas=areas,
        shapes=lsoa_shapes(2021).reindex(areas["code"]).reset_index(drop=True),
        bins=_decile_bins(),
        source="IMD 2025 decile among England's LSOAs (MHCLG). Contains OS data © Crown "
        "copyright and database right; ONS and MHCLG data, OGL v3.",
    )


def area_map_svg(
    lsoa_codes: Sequence[str],
    outline,
    points: Sequence[MapPoint],
    *,
    title: str,
    edition: int = 2019,
) -> str:
    """The map as an SVG document (text), with a title and description for screen readers.

    ``edition`` 2019 shades LSOAs 2011 by IMD 2019 decile; 2025 shades LSOAs 2021 by IMD 2025.
    """
    import matplotlib.pyplot as plt

    from n4c.maps import lsoa_imd_layer
    from n4c.maps.render import draw_map

    layer = lsoa21_imd_layer(lsoa_codes) if edition == 2025 else lsoa_imd_layer(lsoa_codes)
    figure = draw_map(layer)
    try:
        axes = figure.axes[0]
        axes.set_title(f"{title}: IMD {edition} decile of each LSOA", loc="left", fontsize=14)
        _, ymin, _, ymax = shapely.total_bounds(layer.shapes.dropna().to_numpy())
        x_scale = math.cos(math.radians((ymin + ymax) / 2))
        if outline is not None:
            for polygon in shapely.get_parts(outline):
                xs, ys = polygon.exterior.xy
                axes.plot([x * x_scale for x in xs], list(ys), color=_OUTLINE_COLOUR, linewidth=2.0)
        if points:
            dots = axes.scatter(
                [p.longitude * x_scale for p in points],
                [p.latitude for p in points],
                s=40,
                c=_ASSET_COLOUR,
                edgecolors="white",
                linewidths=1.0,
                zorder=5,
                label=f"Community assets ({len(points):,})",
            )
            legend = axes.get_legend()
            assert legend is not None  # draw_map always draws the key
            axes.legend(
                handles=[*legend.legend_handles, dots],
                title=legend.get_title().get_text(),
                loc="upper left",
                bbox_to_anchor=(1.0, 1.0),
                frameon=False,
                fontsize=9,
            )
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", bbox_inches="tight")
    finally:
        plt.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]
