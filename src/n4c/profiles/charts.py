"""The profile's map: the area's LSOAs shaded by IMD decile, its outline and its assets, as SVG.

The LSOAs and their colours come from :func:`n4c.maps.lsoa_imd_layer` (IMD 2019 on LSOAs 2011,
or IMD 2025 on LSOAs 2021) and are drawn by :func:`n4c.maps.render.draw_map`; this module adds
the outline (the LSOAs dissolved) and the assets on top, in the same scaled coordinates. The
words stay text in the SVG, so the browser shapes and orders them (Urdu is joined script written
right to left, which matplotlib's own glyphs cannot draw).
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

import shapely

from n4c.words import gettext as _
from n4c.words import number

if TYPE_CHECKING:
    from n4c.profiles.model import MapPoint

__all__ = ["area_map_svg", "area_outline_of"]

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
    import matplotlib
    import matplotlib.pyplot as plt

    from n4c.maps import lsoa_imd_layer
    from n4c.maps.render import draw_map

    layer = lsoa_imd_layer(lsoa_codes, lsoa_year=2021 if edition == 2025 else 2011)
    figure = draw_map(layer)
    try:
        axes = figure.axes[0]
        axes.set_title(
            _("%(area)s: IMD %(year)s decile of each LSOA") % {"area": title, "year": edition},
            loc="left",
            fontsize=14,
        )
        ymin, ymax = shapely.total_bounds(layer.shapes.dropna().to_numpy())[1::2]
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
                label=_("Community assets (%(count)s)") % {"count": number(len(points))},
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
        with matplotlib.rc_context({"svg.fonttype": "none"}), warnings.catch_warnings():
            # matplotlib only measures the words (its font lacks some Urdu letters); the
            # browser draws them with its own fonts.
            missing = "Glyph .* missing from font"  # untranslated: matplotlib's warning
            warnings.filterwarnings("ignore", missing, UserWarning)
            figure.savefig(buffer, format="svg", bbox_inches="tight")
    finally:
        plt.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]
