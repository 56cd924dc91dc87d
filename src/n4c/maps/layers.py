"""What a map shows: one value per area, the bins it falls into and the shapes to draw.

A :class:`MapLayer` is the one description every output reads (GeoJSON, SVG, PNG, HTML and the
platform's pages), so a ward's bin and colour are decided here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from n4c.data import load
from n4c.errors import InputError
from n4c.geography import code_shape

__all__ = ["WHATS", "Bin", "MapLayer", "What", "check_lad", "lsoa_imd_layer", "map_layer"]

What = Literal["leftbehind", "imd", "spending"]
WHATS: tuple[What, ...] = ("leftbehind", "imd", "spending")


@dataclass(frozen=True)
class Bin:
    """One class of the legend: its words and its fill colour."""

    label: str
    colour: str


@dataclass(frozen=True)
class MapLayer:
    """Areas with their values, the legend's bins and a shape for each area.

    ``areas`` has one row per area: ``code, name, council_name, value`` (the figure as words)
    and ``bin`` (a position in ``bins``); ``shapes`` holds shapely geometries in the same order
    (``None`` for an area with no shape).
    """

    what: What
    title: str
    #: what each area is, e.g. "ward (2017)" or "LSOA (2011)"
    level: str
    #: the heading of the value column, e.g. "IMD 2019 decile"
    value_heading: str
    areas: pd.DataFrame
    shapes: pd.Series
    bins: tuple[Bin, ...]
    source: str

    def counts(self) -> list[int]:
        """How many areas fall in each bin, in the order of ``bins``."""
        counted = np.bincount(self.areas["bin"].to_numpy(dtype=np.int64), minlength=len(self.bins))
        return [int(n) for n in counted]


#: Left-behind wards stand out in purple against pale grey.
_LEFT_BEHIND = (Bin("Left behind", "#912b88"), Bin("Other wards", "#d9dadb"))
#: IMD deciles, 1 (most deprived) darkest; a sequential palette readable in greyscale.
_DECILE_COLOURS = (
    "#08306b",
    "#08519c",
    "#2171b5",
    "#4292c6",
    "#6baed6",
    "#9ecae1",
    "#c6dbef",
    "#deebf7",
    "#eff5fb",
    "#f7fbff",
)
_MONEY_COLOURS = ("#f0f0f0", "#fee391", "#fec44f", "#fe9929", "#d95f0e", "#993404")
_OGL = "Contains OS data © Crown copyright and database right; ONS and MHCLG data, OGL v3."


def check_lad(code: str) -> str:
    """An English council (LAD 2019) code, upper-cased, or an error naming the rule."""
    shape = code_shape("lad").england_only()
    value = code.strip().upper()
    if not shape.matches(value):
        raise InputError(
            f'"{code}" is not {shape.rule}; give a council code, like E06000009, or its name.',
            field="--lad",
            value=code,
        )
    councils = load("imd2019_population_denominators")
    if value not in set(councils["lad19_code"]):
        raise InputError(
            f'"{value}" is not a council in the 2019 lookup; maps use 2019 councils.',
            field="--lad",
            value=code,
            hint="Find the code with `n4c place NAME --kind council`.",
        )
    return value


@lru_cache(maxsize=1)
def _wards() -> pd.DataFrame:
    from n4c.needs import ward_table

    return ward_table(2019)


def _ward_frame(wards: pd.DataFrame, values: pd.Series, bins: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": wards["ward17_code"].to_numpy(),
            "name": wards["ward17_name"].to_numpy(),
            "council_name": wards["lad19_name"].to_numpy(),
            "value": values.to_numpy(),
            "bin": bins.astype(np.int64),
        }
    )


def _in_lad(wards: pd.DataFrame, lad: str | None) -> pd.DataFrame:
    return wards if lad is None else wards[wards["lad19_code"] == lad].reset_index(drop=True)


def _ward_shapes(codes: pd.Series) -> pd.Series:
    from n4c.maps.shapes import ward17_shapes

    return ward17_shapes(tuple(codes))


def _left_behind(lad: str | None) -> MapLayer:
    wards = _in_lad(_wards(), lad)
    flag = wards["left_behind"].to_numpy(dtype=bool)
    values = pd.Series(np.where(flag, "Left behind", "Not left behind"))
    return MapLayer(
        what="leftbehind",
        title="Left-behind wards (2019)",
        level="ward (2017)",
        value_heading="Left behind",
        areas=_ward_frame(wards, values, np.where(flag, 0, 1)),
        shapes=_ward_shapes(wards["ward17_code"]),
        bins=_LEFT_BEHIND,
        source="Left behind: most deprived 10% of wards on both IMD 2019 and CNI 2019. " + _OGL,
    )


def _decile_bins() -> tuple[Bin, ...]:
    names = {1: "1 (most deprived)", 10: "10 (least deprived)"}
    return tuple(Bin(names.get(d, str(d)), _DECILE_COLOURS[d - 1]) for d in range(1, 11))


def _imd(lad: str | None) -> MapLayer:
    if lad is None:
        wards = _wards()
        scored = wards[wards["imd_decile"].notna()].reset_index(drop=True)
        deciles = scored["imd_decile"].astype(int)
        return MapLayer(
            what="imd",
            title="IMD 2019 decile of each ward",
            level="ward (2017)",
            value_heading="IMD 2019 decile (wards)",
            areas=_ward_frame(scored, deciles.astype(str), deciles.to_numpy() - 1),
            shapes=_ward_shapes(scored["ward17_code"]),
            bins=_decile_bins(),
            source="Ward decile of the population-weighted IMD 2019 score among England's wards. "
            + _OGL,
        )
    names = load("imd2019_population_denominators")
    return lsoa_imd_layer(names.loc[names["lad19_code"] == lad, "lsoa11_code"])


def lsoa_imd_layer(lsoa11_codes: Iterable[str]) -> MapLayer:
    """The IMD 2019 decile of each of these LSOAs (2011), with its shape, as a map layer."""
    from n4c.needs import lsoa_shapes

    names = load("imd2019_population_denominators")
    names = names[names["lsoa11_code"].isin(set(lsoa11_codes))]
    imd = load("imd2019_lsoa11").set_index("lsoa11_code")["IMD_decile"]
    deciles = imd.reindex(names["lsoa11_code"]).astype(int)
    areas = pd.DataFrame(
        {
            "code": names["lsoa11_code"].to_numpy(),
            "name": names["lsoa11_name"].to_numpy(),
            "council_name": names["lad19_name"].to_numpy(),
            "value": deciles.astype(str).to_numpy(),
            "bin": deciles.to_numpy() - 1,
        }
    )
    return MapLayer(
        what="imd",
        title="IMD 2019 decile of each LSOA",
        level="LSOA (2011)",
        value_heading="IMD 2019 decile (LSOAs)",
        areas=areas,
        shapes=lsoa_shapes().reindex(areas["code"]).reset_index(drop=True),
        bins=_decile_bins(),
        source="IMD 2019 decile among England's LSOAs (MHCLG). " + _OGL,
    )


def _money_bins(per_head: np.ndarray) -> tuple[np.ndarray, tuple[Bin, ...]]:
    positive = per_head[per_head > 0]
    edges: np.ndarray = (
        np.unique(np.quantile(positive, [0.2, 0.4, 0.6, 0.8])) if len(positive) else np.zeros(0)
    )
    bins = np.where(per_head > 0, np.searchsorted(edges, per_head, side="right") + 1, 0)
    bounds = [0.0, *edges, float(positive.max()) if len(positive) else 0.0]
    labels = [Bin("No money placed", _MONEY_COLOURS[0])]
    for i in range(len(bounds) - 1):
        labels.append(Bin(f"£{bounds[i]:,.2f} to £{bounds[i + 1]:,.2f}", _MONEY_COLOURS[i + 1]))
    return bins, tuple(labels)


def _spending(lad: str | None, database: Path | None) -> MapLayer:
    from n4c.spending import GrantStore, load_geography, per_head_by_area, place_amounts
    from n4c.spending.analysis import placed_by_area

    geography = load_geography()
    with GrantStore(database, read_only=True) as store:
        placed = placed_by_area(store)
    if placed.empty:
        raise InputError(
            "no grant in the database is placed on an English area, so there is nothing to map.",
            hint="Import 360Giving files with beneficiary locations: n4c spending import FILE.",
        )
    table = per_head_by_area(place_amounts(placed, geography), geography.lsoas, "ward17_code")
    wards = _in_lad(_wards(), lad)
    per_head = table["per_head"].reindex(wards["ward17_code"]).fillna(0.0).to_numpy()
    bins, labels = _money_bins(per_head)
    values = pd.Series([f"£{v:,.2f}" for v in per_head])
    return MapLayer(
        what="spending",
        title="Grant money per head in each ward",
        level="ward (2017)",
        value_heading="Grant money per head",
        areas=_ward_frame(wards, values, bins),
        shapes=_ward_shapes(wards["ward17_code"]),
        bins=labels,
        source="Grants placed on LSOAs by population (360Giving data imported into n4c), "
        "per head of the mid-2015 population. " + _OGL,
    )


def map_layer(what: What, *, lad: str | None = None, database: Path | None = None) -> MapLayer:
    """The areas, values, bins and shapes of one map.

    Parameters
    ----------
    what : {"leftbehind", "imd", "spending"}
        Left-behind wards (2019), IMD 2019 deciles, or grant money per head.
    lad : str, optional
        Only this council (LAD 2019 code); for ``imd`` the areas are then LSOAs, not wards.
    database : pathlib.Path, optional
        The grants database for ``spending`` (the one ``n4c spending import`` fills by default).

    Raises
    ------
    InputError
        For an unknown ``what`` or council, or (``spending``) when no grants are placed.
    DataMissingError
        For ``spending`` when there is no grants database yet.
    """
    if what not in WHATS:
        raise InputError(
            f'"{what}" is not a map n4c makes; use leftbehind, imd or spending.',
            field="--what",
            value=str(what),
        )
    code = None if lad is None else check_lad(lad)
    if what == "leftbehind":
        return _left_behind(code)
    if what == "imd":
        return _imd(code)
    return _spending(code, database)
