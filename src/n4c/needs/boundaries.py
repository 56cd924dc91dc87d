"""Ward shapes made by dissolving LSOA 2011 boundaries through the best-fit LSOA→ward lookup.

No ward 2017 boundaries are published in the data n4c holds, so a ward's shape is the union
of its LSOAs' (super-generalised, display-only) shapes. Best-fit means an LSOA belongs wholly
to one ward, so the shapes follow LSOA edges, not the true ward boundary.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import shapely

from n4c.data import dataset_path, load
from n4c.errors import InputError

__all__ = ["lsoa_shapes", "ward_shapes", "wards_feature_collection", "write_ward_geojson"]

#: Coordinates are snapped to this grid (degrees, about 1 m) as the source file is.
GRID_DEGREES = 1e-5

_CODE = re.compile(rb'"lsoa11_code"\s*:\s*"([^"]*)"')


@lru_cache(maxsize=1)
def lsoa_shapes() -> pd.Series:
    """Every LSOA 2011 shape (England and Wales) as shapely geometries, indexed by ``lsoa11_code``."""
    path = dataset_path("boundaries_lsoa11")
    with gzip.open(path, "rb") as handle:
        raw = handle.read()
    # GEOS parses the whole collection in one call, far faster than building shapes one by one;
    # the codes come from the same text in the same order.
    collection = shapely.from_geojson(raw)
    geometries = shapely.get_parts(collection)
    codes = [code.decode() for code in _CODE.findall(raw)]
    if len(codes) != len(geometries):
        raise InputError(
            f"{len(geometries):,} shapes but {len(codes):,} lsoa11_code properties; every "
            "feature needs both. Fetch the file again: n4c data fetch boundaries_lsoa11",
            path=path,
            field="lsoa11_code",
        )
    shapes = pd.Series(geometries, index=pd.Index(codes, name="lsoa11_code"), name="geometry")
    if shapes.index.has_duplicates:
        duplicate = shapes.index[shapes.index.duplicated()][0]
        raise InputError(
            f"LSOA {duplicate} has more than one shape.",
            path=path,
            field="lsoa11_code",
            value=duplicate,
        )
    return shapes


def ward_shapes(ward_codes: Iterable[str] | None = None) -> pd.Series:
    """Ward shapes dissolved from their LSOAs, indexed by ``ward17_code``.

    Parameters
    ----------
    ward_codes : iterable of str, optional
        Only these wards (much faster for a few hundred); all wards in the lookup by default.
        A ward that the lookup gives no LSOA gets no shape (``None``).

    Returns
    -------
    pandas.Series
        Shapely geometries in the order of ``ward_codes`` (or sorted by code), snapped to a
        1e-5 degree grid.
    """
    lookup = load("lookup_lsoa11_ward17")
    wanted = None if ward_codes is None else pd.Index(list(ward_codes), dtype=object)
    if wanted is not None:
        lookup = lookup[lookup["ward17_code"].isin(wanted)]
    shapes = lsoa_shapes()
    missing = ~lookup["lsoa11_code"].isin(shapes.index)
    if missing.any():
        code = lookup["lsoa11_code"][missing].iloc[0]
        raise InputError(
            f"{int(missing.sum()):,} LSOAs in the lookup have no shape, for example {code}; "
            "the boundaries and the lookup should both be LSOA 2011.",
            field="lsoa11_code",
            value=code,
        )
    ordered = lookup.sort_values("ward17_code", kind="stable")
    geometries = shapes.reindex(ordered["lsoa11_code"]).to_numpy()
    wards, starts = np.unique(ordered["ward17_code"].to_numpy(dtype=str), return_index=True)
    # GEOS has no grouped union; one union_all per ward over contiguous slices is the cheapest.
    bounds = [*starts[1:], len(geometries)]
    dissolved = [
        shapely.union_all(geometries[start:stop])
        for start, stop in zip(starts, bounds, strict=True)
    ]
    snapped = shapely.set_precision(np.array(dissolved, dtype=object), GRID_DEGREES)
    result = pd.Series(snapped, index=pd.Index(wards, name="ward17_code"), name="geometry")
    if wanted is not None:
        result = result.reindex(wanted)
        result = result.astype(object).where(result.notna(), None)
    return result


def _json_value(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def wards_feature_collection(
    wards: pd.DataFrame, *, code_column: str = "ward_code", only_left_behind: bool = False
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of ward shapes with each ward's row as its properties.

    Parameters
    ----------
    wards : pandas.DataFrame
        One row per ward; every column becomes a property (blank values become ``null``).
    code_column : str
        The column holding ward 2017 codes.
    only_left_behind : bool
        Keep only rows whose ``left_behind`` is true, which keeps the file small.

    Returns
    -------
    dict
        The FeatureCollection; a ward without LSOAs has a ``null`` geometry, so every row
        becomes exactly one feature.
    """
    if code_column not in wards.columns:
        raise InputError(f"the ward table has no column {code_column!r}.", field=code_column)
    if only_left_behind:
        if "left_behind" not in wards.columns:
            raise InputError(
                "only_left_behind needs a 'left_behind' column in the ward table.",
                field="left_behind",
            )
        flag = wards["left_behind"]
        if flag.dtype == object or str(flag.dtype).startswith("str"):
            flag = flag.astype(str).str.lower().isin(["true", "1"])
        wards = wards[flag.astype(bool).to_numpy()]
    shapes = ward_shapes(wards[code_column].astype(str))
    columns = list(wards.columns)
    features = []
    for row, shape in zip(wards.itertuples(index=False, name=None), shapes.to_numpy(), strict=True):
        geometry = (
            json.loads(shapely.to_geojson(shape)) if isinstance(shape, shapely.Geometry) else None
        )
        properties = {name: _json_value(value) for name, value in zip(columns, row, strict=True)}
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def write_ward_geojson(
    wards: pd.DataFrame,
    path: str | Path,
    *,
    code_column: str = "ward_code",
    only_left_behind: bool = False,
) -> int:
    """Write ward shapes with the table's columns as properties; return how many wards were written.

    See :func:`wards_feature_collection` for the parameters. Coordinates are WGS84 degrees.
    """
    collection = wards_feature_collection(
        wards, code_column=code_column, only_left_behind=only_left_behind
    )
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as handle:
        json.dump(collection, handle, separators=(",", ":"))
    return len(collection["features"])
