"""Static choropleths: a map layer drawn with matplotlib to SVG or PNG, with its legend.

Shapes are drawn as one matplotlib path collection (one compound path per legend bin, holes
kept), which is far quicker than a patch per area and needs nothing beyond matplotlib and shapely.
Longitude is scaled by the cosine of the middle latitude so England is not stretched sideways.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import shapely
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.path import Path as MplPath

from n4c.maps.layers import MapLayer
from n4c.maps.shapes import detail_for
from n4c.words import gettext as _

__all__ = ["draw_map", "save_map"]


def _paths(
    geometries: np.ndarray, groups: np.ndarray, n_groups: int, x_scale: float
) -> list[MplPath]:
    """One compound path per group of geometries (every ring of every polygon), built in a few
    GEOS calls rather than ring by ring in Python."""
    order = np.argsort(groups, kind="stable")
    polygons, of_geometry = shapely.get_parts(geometries[order], return_index=True)
    rings, of_polygon = shapely.get_rings(polygons, return_index=True)
    xy, of_ring = shapely.get_coordinates(rings, return_index=True)
    xy[:, 0] *= x_scale
    codes = np.full(len(xy), MplPath.LINETO, dtype=MplPath.code_type)
    starts = np.flatnonzero(np.r_[True, of_ring[1:] != of_ring[:-1]])
    codes[starts] = MplPath.MOVETO
    codes[np.r_[starts[1:], len(xy)] - 1] = MplPath.CLOSEPOLY
    owner = groups[order][of_geometry[of_polygon[of_ring]]]
    bounds = np.searchsorted(owner, np.arange(n_groups + 1))
    return [
        MplPath(xy[a:b], codes[a:b]) if b > a else MplPath(np.zeros((0, 2)))
        for a, b in itertools.pairwise(bounds.tolist())
    ]


def draw_map(layer: MapLayer) -> Figure:
    """The layer as a matplotlib Figure: filled areas, a title, the legend and the source.

    The areas of each bin are drawn as one compound path, so a national map is a dozen paths
    rather than 7,000 (the SVG and PNG writers' cost is per path, not per point), and each
    shape is simplified no finer than the map can show (:func:`n4c.maps.shapes.detail_for`).
    """
    detail = detail_for(layer)
    present = np.array([isinstance(g, shapely.Geometry) for g in layer.shapes], dtype=bool)
    geometries = shapely.simplify(
        layer.shapes.to_numpy(dtype=object)[present],
        detail.tolerance_degrees,
        preserve_topology=True,
    )
    bins = layer.areas["bin"].to_numpy(dtype=np.int64)[present]
    xmin, ymin, xmax, ymax = shapely.total_bounds(geometries)
    x_scale = math.cos(math.radians((ymin + ymax) / 2))
    paths = _paths(geometries, bins, len(layer.bins), x_scale)

    # A fixed layout (map on the left, key on the right) instead of tight_layout, which would
    # measure every path once more before the file is drawn.
    # A bare Figure, not pyplot's: no GUI backend or figure manager to import or close.
    figure = Figure(figsize=(10.5, 9))
    axes = figure.add_axes((0.01, 0.07, 0.64, 0.86))
    collection = PathCollection(
        paths,
        facecolors=[b.colour for b in layer.bins],
        edgecolors="#505a5f",
        linewidths=0.08 if present.sum() > 1_000 else 0.3,
    )
    collection.set_transform(axes.transData)
    axes.add_collection(collection)
    axes.set_xlim(xmin * x_scale, xmax * x_scale)
    axes.set_ylim(ymin, ymax)
    axes.set_aspect("equal")
    axes.set_axis_off()
    axes.set_title(layer.title, loc="left", fontsize=14)
    counts = layer.counts()
    handles = [
        Patch(facecolor=b.colour, edgecolor="#505a5f", label=f"{b.label} ({n:,})")
        for b, n in zip(layer.bins, counts, strict=True)
    ]
    axes.legend(
        handles=handles,
        title=_("%(heading)s\n(number of areas)") % {"heading": layer.value_heading},
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        frameon=False,
        fontsize=9,
    )
    figure.text(0.01, 0.01, layer.source, fontsize=7, wrap=True, color="#505a5f")
    return figure


def save_map(layer: MapLayer, path: Path) -> None:
    """Write the layer as SVG or PNG, chosen by the file's extension."""
    draw_map(layer).savefig(path, format=path.suffix.lower().lstrip("."), dpi=150)
