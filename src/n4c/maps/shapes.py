"""Shapes small enough to send: simplified, quantised GeoJSON for a map layer.

Ward shapes come from :func:`n4c.needs.ward_shapes` (December 2017 wards from LSOA 2011
boundaries, 2024 wards from LSOA 2021 boundaries, dissolved through the best-fit lookups); this
module only calls it, and stores the national sets simplified. Each shape is simplified with GEOS keeping its
topology valid, then its coordinates are rounded, which is where most of the bytes go: three
decimals of a degree is about 100 m, finer than a national map at screen size can show.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import shapely

from n4c.errors import InputError
from n4c.maps.layers import MapLayer

if TYPE_CHECKING:
    from n4c.needs.boundaries import LsoaEdition, WardYear

__all__ = [
    "LOCAL",
    "NATIONAL",
    "Detail",
    "detail_for",
    "feature_collection",
    "geojson_text",
    "gzip_size",
    "lsoa_shapes_for",
    "national_ward_shapes",
    "ward_shapes_for",
]


@dataclass(frozen=True)
class Detail:
    """How much of each shape to keep: GEOS tolerance and decimal places, both in degrees."""

    tolerance_degrees: float
    decimals: int


#: England on one screen: about 100 m; one council: about 10 m.
NATIONAL = Detail(tolerance_degrees=0.0015, decimals=3)
LOCAL = Detail(tolerance_degrees=0.0002, decimals=4)


def detail_for(layer: MapLayer) -> Detail:
    """The national detail for a layer of more than a thousand areas, the local one otherwise."""
    return NATIONAL if len(layer.areas) > 1_000 else LOCAL


#: The modules whose code shapes the stored national wards: a change to either rebuilds them.
_CODE = ("n4c.needs.boundaries", "n4c.maps.shapes")
#: More wards than this are taken from the stored national set rather than dissolved afresh.
_NATIONAL_FROM = 1_000
#: The datasets each ward edition's shapes are made from (their checksums key the stored set).
_SOURCES: dict[int, tuple[str, str]] = {
    2017: ("boundaries_lsoa11", "lookup_lsoa11_ward17"),
    2024: ("boundaries_lsoa21", "lookup_lsoa21_ward24_lad24"),
}


def _as_body(codes: list[str], geometries: np.ndarray) -> dict[str, Any]:
    """Shapes as a JSON-able body for the result store: codes and base64 WKB (``None`` kept)."""
    present = np.array([isinstance(g, shapely.Geometry) for g in geometries], dtype=bool)
    wkb: list[str | None] = [None] * len(geometries)
    for i, item in zip(np.flatnonzero(present), shapely.to_wkb(geometries[present]), strict=True):
        wkb[i] = base64.b64encode(item).decode("ascii")
    return {"codes": codes, "wkb": wkb}


def _from_body(body: dict[str, Any]) -> np.ndarray:
    """The geometries of a stored body, in its order (``None`` where it has none)."""
    raw = np.array(
        [None if item is None else base64.b64decode(item) for item in body["wkb"]], dtype=object
    )
    return shapely.from_wkb(raw)  # None stays None


def _stored_shapes(
    kind: str, sources: tuple[str, ...], build: Callable[[], dict[str, Any]]
) -> dict[str, Any]:
    """Shapes ``build()`` makes, stored by :func:`n4c.data.cache.stored_result` under ``kind``
    and keyed by the checksums of ``sources``, n4c's version and this code."""
    from n4c.data.cache import stored_result
    from n4c.data.registry import checksum

    body, _ = stored_result(
        kind, build, inputs={name: checksum(name) for name in sources}, code=_CODE
    )
    return body


def _dissolved_national(ward_year: WardYear) -> dict[str, Any]:
    from n4c.needs import ward_shapes

    dissolved = ward_shapes(ward_year=ward_year)
    simplified = shapely.simplify(
        dissolved.to_numpy(dtype=object), NATIONAL.tolerance_degrees, preserve_topology=True
    )
    return _as_body([str(code) for code in dissolved.index], simplified)


def _check_ward_year(ward_year: int) -> None:
    if ward_year not in _SOURCES:
        raise InputError(
            f"{ward_year} is not a ward edition n4c has shapes for; choose 2017 or 2024.",  # untranslated: only code passes ward_year
            field="ward_year",
            value=ward_year,
        )


@lru_cache(maxsize=2)
def national_ward_shapes(ward_year: WardYear = 2017) -> pd.Series:
    """Every ward shape of ``ward_year``, simplified to :data:`NATIONAL` detail, by ward code.

    Dissolving 7,000 wards from their LSOAs takes seconds, so the result is stored in
    ``N4C_DATA_DIR/cache/results`` (as WKB) by :func:`n4c.data.cache.stored_result`, keyed by
    the boundaries' and the lookup's checksums, n4c's version and this code, and read back
    while they are unchanged: December 2017 wards from LSOAs 2011, 2024 wards from LSOAs 2021
    (see :func:`n4c.needs.ward_shapes`, which does the dissolving).
    """
    _check_ward_year(ward_year)
    body = _stored_shapes(
        f"ward{ward_year % 100:02d}-shapes",
        _SOURCES[ward_year],
        lambda: _dissolved_national(ward_year),
    )
    column = f"ward{ward_year % 100:02d}_code"
    return pd.Series(_from_body(body), index=pd.Index(body["codes"], name=column))


def _some_kind(prefix: str, codes: tuple[str, ...]) -> str:
    """A result kind for one set of areas (a council's wards or LSOAs): one stored file each."""
    from n4c.data.cache import digest

    return f"{prefix}-shapes-{digest(sorted(codes))[:16]}"


@lru_cache(maxsize=8)
def ward_shapes_for(codes: tuple[str, ...], *, ward_year: WardYear = 2017) -> pd.Series:
    """Ward shapes of ``ward_year`` for ``codes``, in their order (``None`` for a ward with no
    LSOA).

    A national set comes simplified from :func:`national_ward_shapes`; a council's few
    hundred wards are dissolved at full detail once and stored, like the national set, so the
    next map of that council reads them instead of parsing every LSOA boundary again.
    """
    from n4c.needs import ward_shapes

    _check_ward_year(ward_year)
    if len(codes) > _NATIONAL_FROM:
        shapes = national_ward_shapes(ward_year).reindex(list(codes))
        values = [g if isinstance(g, shapely.Geometry) else None for g in shapes.to_numpy()]
        return pd.Series(values, name="geometry", dtype=object)
    body = _stored_shapes(
        _some_kind(f"ward{ward_year % 100:02d}", codes),
        _SOURCES[ward_year],
        lambda: _as_body(
            list(codes), ward_shapes(codes, ward_year=ward_year).to_numpy(dtype=object)
        ),
    )
    return pd.Series(list(_from_body(body)), name="geometry", dtype=object)


@lru_cache(maxsize=8)
def lsoa_shapes_for(codes: tuple[str, ...], *, lsoa_year: LsoaEdition = 2011) -> pd.Series:
    """LSOA shapes of ``lsoa_year`` for ``codes``, in their order (``None`` for an unknown code).

    Read from :func:`n4c.needs.lsoa_shapes` once (parsing every LSOA boundary of England) and
    stored for this set of LSOAs, so the next map of the same council or area reads only them.
    """
    from n4c.needs import lsoa_shapes

    boundaries = "boundaries_lsoa11" if lsoa_year == 2011 else "boundaries_lsoa21"
    body = _stored_shapes(
        _some_kind(f"lsoa{lsoa_year % 100:02d}", codes),
        (boundaries,),
        lambda: _as_body(
            list(codes), lsoa_shapes(lsoa_year).reindex(list(codes)).to_numpy(dtype=object)
        ),
    )
    return pd.Series(list(_from_body(body)), name="geometry", dtype=object)


def _reduced(shapes: pd.Series, detail: Detail) -> np.ndarray:
    geometries = shapes.to_numpy(dtype=object)
    present = np.array([isinstance(g, shapely.Geometry) for g in geometries], dtype=bool)
    out = np.full(len(geometries), None, dtype=object)
    simplified = shapely.simplify(
        geometries[present], detail.tolerance_degrees, preserve_topology=True
    )
    out[present] = shapely.transform(simplified, lambda xy: np.round(xy, detail.decimals))
    return out


def geojson_text(layer: MapLayer, detail: Detail | None = None) -> str:
    """The layer as a compact GeoJSON FeatureCollection (text), each area's row as properties.

    Properties are ``code, name, council_name, value, bin, colour``; an area without a shape
    keeps its row with a ``null`` geometry, so features and table rows match one to one.
    """
    chosen = detail or detail_for(layer)
    geometries = _reduced(layer.shapes, chosen)
    colours = [b.colour for b in layer.bins]
    parts = []
    for row, geometry in zip(layer.areas.to_dict("records"), geometries.tolist(), strict=True):
        properties = json.dumps(
            {
                "code": row["code"],
                "name": row["name"],
                "council_name": row["council_name"],
                "value": row["value"],
                "bin": int(row["bin"]),
                "colour": colours[int(row["bin"])],
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        shape = "null" if geometry is None else shapely.to_geojson(geometry)
        parts.append(f'{{"type":"Feature","properties":{properties},"geometry":{shape}}}')
    return '{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}"


def feature_collection(layer: MapLayer, detail: Detail | None = None) -> dict[str, Any]:
    """The layer's GeoJSON as a dictionary (see :func:`geojson_text`)."""
    collection: dict[str, Any] = json.loads(geojson_text(layer, detail))
    return collection


def gzip_size(text: str) -> int:
    """Bytes over the wire for ``text`` sent gzip-compressed (level 6, as web servers do)."""
    return len(gzip.compress(text.encode("utf-8"), compresslevel=6))
