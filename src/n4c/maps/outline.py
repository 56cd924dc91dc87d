"""An area's outline: the union of its wards' shapes, for drawing beside its assets."""

from __future__ import annotations

from collections.abc import Iterable

import shapely

__all__ = ["area_outline", "outline_rings"]


def area_outline(ward17_codes: Iterable[str], *, tolerance_degrees: float = 0.0001):
    """The wards' shapes (LSOA 2011 boundaries dissolved) as one simplified shape, or ``None``
    when none of the codes has a shape."""
    from n4c.needs import ward_shapes

    # A ward the lookup gives no LSOA has no shape (None).
    shapes = [s for s in ward_shapes(list(ward17_codes)).to_numpy() if s is not None]
    if not shapes:
        return None
    return shapely.simplify(shapely.union_all(shapes), tolerance_degrees, preserve_topology=True)


def outline_rings(outline) -> list[list[tuple[float, float]]]:
    """Every ring of the outline (outer edges and holes) as (longitude, latitude) points."""
    rings = []
    for polygon in shapely.get_parts(outline):
        if isinstance(polygon, shapely.Polygon):
            for ring in (polygon.exterior, *polygon.interiors):
                rings.append([(float(x), float(y)) for x, y in ring.coords])
    return rings
