"""Ward shapes made by dissolving LSOA boundaries through the best-fit LSOA→ward lookup.

No ward boundaries are published in the data n4c holds, so a ward's shape is the union of its
LSOAs' (super-generalised, display-only) shapes: December 2017 wards from LSOA 2011 shapes,
2024 wards from LSOA 2021 shapes. Best-fit means an LSOA belongs wholly to one ward, so the
shapes follow LSOA edges, not the true ward boundary.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import shapely

from n4c.data import dataset_path, load
from n4c.errors import InputError

__all__ = ["lsoa_shapes", "ward_shapes", "wards_feature_collection", "write_ward_geojson"]

#: Coordinates are snapped to this grid (degrees, about 1 m) as the source file is.
GRID_DEGREES = 1e-5

#: LSOA editions with shapes in the data, and the ward edition each one's lookup leads to.
LsoaEdition = Literal[2011, 2021]
WardYear = Literal[2017, 2024]


@dataclass(frozen=True)
class _Edition:
    lsoa_year: LsoaEdition
    boundaries: str
    lsoa_column: str
    lookup: str
    ward_column: str
    #: the boundaries cover England only, so the lookup's Welsh LSOAs are left out
    england_only: bool


_LSOA_EDITIONS: dict[int, _Edition] = {
    2011: _Edition(
        2011, "boundaries_lsoa11", "lsoa11_code", "lookup_lsoa11_ward17", "ward17_code", False
    ),
    2021: _Edition(
        2021, "boundaries_lsoa21", "lsoa21_code", "lookup_lsoa21_ward24_lad24", "ward24_code", True
    ),
}
_WARD_EDITIONS: dict[int, _Edition] = {2017: _LSOA_EDITIONS[2011], 2024: _LSOA_EDITIONS[2021]}


def _edition(editions: dict[int, _Edition], year: int, what: str) -> _Edition:
    if year not in editions:
        raise InputError(
            f"{year} is not {what} n4c has shapes for; choose {' or '.join(map(str, editions))}.",
            field=what.split()[-1],
            value=year,
        )
    return editions[year]


@lru_cache(maxsize=2)
def lsoa_shapes(edition: LsoaEdition = 2011) -> pd.Series:
    """Every LSOA shape of ``edition`` as shapely geometries, indexed by ``lsoa11_code`` or ``lsoa21_code``.

    The 2011 file covers England and Wales, the 2021 file England.
    """
    source = _edition(_LSOA_EDITIONS, edition, "an LSOA edition")
    column = source.lsoa_column
    path = dataset_path(source.boundaries)
    with gzip.open(path, "rb") as handle:
        raw = handle.read()
    # GEOS parses the whole collection in one call, far faster than building shapes one by one;
    # the codes come from the same text in the same order.
    collection = shapely.from_geojson(raw)
    geometries = shapely.get_parts(collection)
    pattern = re.compile(rb'"' + column.encode() + rb'"\s*:\s*"([^"]*)"')
    codes = [code.decode() for code in pattern.findall(raw)]
    if len(codes) != len(geometries):
        raise InputError(
            f"{len(geometries):,} shapes but {len(codes):,} {column} properties; every "
            f"feature needs both. Fetch the file again: n4c data fetch {source.boundaries}",
            path=path,
            field=column,
        )
    shapes = pd.Series(geometries, index=pd.Index(codes, name=column), name="geometry")
    if shapes.index.has_duplicates:
        duplicate = shapes.index[shapes.index.duplicated()][0]
        raise InputError(
            f"LSOA {duplicate} has more than one shape.",
            path=path,
            field=column,
            value=duplicate,
        )
    return shapes


def ward_shapes(
    ward_codes: Iterable[str] | None = None, *, ward_year: WardYear = 2017
) -> pd.Series:
    """Ward shapes dissolved from their LSOAs, indexed by ``ward17_code`` or ``ward24_code``.

    Parameters
    ----------
    ward_codes : iterable of str, optional
        Only these wards (much faster for a few hundred); all wards in the lookup by default.
        A ward that the lookup gives no LSOA gets no shape (``None``).
    ward_year : {2017, 2024}
        December 2017 wards (from LSOA 2011 shapes) or 2024 wards (from LSOA 2021 shapes,
        England only).

    Returns
    -------
    pandas.Series
        Shapely geometries in the order of ``ward_codes`` (or sorted by code), snapped to a
        1e-5 degree grid.
    """
    source = _edition(_WARD_EDITIONS, ward_year, "a ward year")
    lsoa, ward = source.lsoa_column, source.ward_column
    lookup = load(source.lookup)
    if source.england_only:
        lookup = lookup[lookup[lsoa].str.startswith("E")]
    wanted = None if ward_codes is None else pd.Index(list(ward_codes), dtype=object)
    if wanted is not None:
        lookup = lookup[lookup[ward].isin(wanted)]
    shapes = lsoa_shapes(source.lsoa_year)
    missing = ~lookup[lsoa].isin(shapes.index)
    if missing.any():
        code = lookup[lsoa][missing].iloc[0]
        raise InputError(
            f"{int(missing.sum()):,} LSOAs in the lookup have no shape, for example {code}; "
            f"the boundaries and the lookup should both be LSOA {source.lsoa_year}.",
            field=lsoa,
            value=code,
        )
    ordered = lookup.sort_values(ward, kind="stable")
    geometries = shapes.reindex(ordered[lsoa]).to_numpy()
    wards, starts = np.unique(ordered[ward].to_numpy(dtype=str), return_index=True)
    # GEOS has no grouped union; one union_all per ward over contiguous slices is the cheapest.
    bounds = [*starts[1:], len(geometries)] if len(starts) else []
    dissolved = [
        shapely.union_all(geometries[start:stop])
        for start, stop in zip(starts, bounds, strict=True)
    ]
    snapped = shapely.set_precision(np.array(dissolved, dtype=object), GRID_DEGREES)
    result = pd.Series(snapped, index=pd.Index(wards, name=ward), name="geometry")
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
    wards: pd.DataFrame,
    *,
    code_column: str = "ward_code",
    only_left_behind: bool = False,
    ward_year: WardYear = 2017,
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of ward shapes with each ward's row as its properties.

    Parameters
    ----------
    wards : pandas.DataFrame
        One row per ward; every column becomes a property (blank values become ``null``).
    code_column : str
        The column holding the ward codes.
    only_left_behind : bool
        Keep only rows whose ``left_behind`` is true, which keeps the file small.
    ward_year : {2017, 2024}
        The ward edition of the codes (see :func:`ward_shapes`).

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
    shapes = ward_shapes(wards[code_column].astype(str), ward_year=ward_year)
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
    ward_year: WardYear = 2017,
) -> int:
    """Write ward shapes with the table's columns as properties; return how many wards were written.

    See :func:`wards_feature_collection` for the parameters. Coordinates are WGS84 degrees.
    """
    collection = wards_feature_collection(
        wards, code_column=code_column, only_left_behind=only_left_behind, ward_year=ward_year
    )
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as handle:
        json.dump(collection, handle, separators=(",", ":"))
    return len(collection["features"])
