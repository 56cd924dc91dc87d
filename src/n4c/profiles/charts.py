"""The profile's map: the area's LSOAs shaded by IMD decile, its outline and its assets, as SVG.

The LSOAs and their colours come from :func:`n4c.maps.lsoa_imd_layer` and are drawn by
:func:`n4c.maps.render.draw_map`; this module adds the outline (the LSOAs dissolved) and the
assets on top, in the same scaled coordinates.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import shapely

if TYPE_CHECKING:
    from n4c.profiles.model import MapPoint

__all__ = ["area_map_svg", "area_outline_of"]

_OUTLINE_COLOUR = "#0b0c0c"
_ASSET_COLOUR = "#d4351c"


def area_outline_of(lsoa11_codes: Sequence[str]):
    """The area's boundary: its LSOA 2011 shapes dissolved into one, or ``None`` without shapes."""
    from n4c.needs import lsoa_shapes

    shapes = [s for s in lsoa_shapes().reindex(list(lsoa11_codes)).to_numpy() if s is not None]
    if not shapes:
        return None
    return shapely.union_all(shapes)


def area_map_svg(
    lsoa11_codes: Sequence[str], outline, points: Sequence[MapPoint], *, title: str
) -> str:
    """The map as an SVG document (text), with a title and description for screen readers."""
    import matplotlib.pyplot as plt

    from n4c.maps import lsoa_imd_layer
    from n4c.maps.render import draw_map

    layer = lsoa_imd_layer(lsoa11_codes)
    figure = draw_map(layer)
    try:
        axes = figure.axes[0]
        axes.set_title(f"{title}: IMD 2019 decile of each LSOA", loc="left", fontsize=14)
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
