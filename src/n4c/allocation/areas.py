"""The areas a fund is shared among: one generic table, built from the need tables or by hand.

The engine only ever sees an *areas* frame: ``area_code, area_name, population`` plus need
columns (``imd_score, imd_rank, imd_decile, cni_score, cni_rank``) and flags (``left_behind``).
That keeps it testable on three hand-made areas; :func:`load_areas` builds the frame for
England's wards or LSOAs from :mod:`n4c.needs`, or for custom neighbourhoods made of LSOAs.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from n4c.errors import InputError
from n4c.geography import check_year

__all__ = ["AREA_COLUMNS", "aggregate_neighbourhoods", "check_areas", "load_areas"]

#: Columns every areas frame must have; the need columns are needed only by rules that use them.
AREA_COLUMNS = ("area_code", "area_name", "population")


def check_areas(areas: pd.DataFrame, *, source: str | Path | None = None) -> pd.DataFrame:
    """Check an areas frame and return it sorted by ``area_code`` (so row order cannot matter)."""
    for column in AREA_COLUMNS:
        if column not in areas.columns:
            raise InputError(
                f'the areas table has no "{column}" column; it needs {", ".join(AREA_COLUMNS)}.',
                path=source,
                field=column,
            )
    codes = areas["area_code"].astype("string")
    if codes.isna().any() or (codes.str.len() == 0).any():
        row = int(np.flatnonzero((codes.isna() | (codes.str.len() == 0)).to_numpy(bool))[0]) + 1
        raise InputError("an area has no code.", path=source, row=row, field="area_code")
    duplicated = codes.duplicated()
    if duplicated.any():
        row = int(np.flatnonzero(duplicated.to_numpy())[0]) + 1
        raise InputError(
            f'area code "{codes.iloc[row - 1]}" appears more than once.',
            path=source,
            row=row,
            field="area_code",
            value=codes.iloc[row - 1],
        )
    population = pd.to_numeric(areas["population"], errors="coerce")
    bad = population.isna() | (population < 0)
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0]) + 1
        raise InputError(
            f'population "{areas["population"].iloc[row - 1]}" must be a number of at least 0.',
            path=source,
            row=row,
            field="population",
            value=areas["population"].iloc[row - 1],
        )
    result = areas.copy()
    result["area_code"] = codes.astype(str)
    result["population"] = population.astype(np.int64)
    return result.sort_values("area_code", kind="stable").reset_index(drop=True)


def aggregate_neighbourhoods(
    membership: pd.DataFrame, lsoas: pd.DataFrame, ward_imd_scores: pd.Series
) -> pd.DataFrame:
    """Build neighbourhoods from LSOAs: population summed, IMD score population-weighted.

    Parameters
    ----------
    membership : pandas.DataFrame
        ``neighbourhood_code, neighbourhood_name, lsoa11_code``: one row per LSOA in a neighbourhood.
    lsoas : pandas.DataFrame
        ``lsoa11_code, population, imd_score, ward17_code, ward_left_behind`` and optionally
        ``ward_left_behind_published`` and ``cni_score``, as in :func:`n4c.needs.lsoa_table`
        (with the ward's CNI score).
    ward_imd_scores : pandas.Series
        England's ward IMD scores; a neighbourhood's decile is the ward decile its score falls in,
        because neighbourhoods are about ward-sized and a decile among a handful of them would
        say nothing.

    Returns
    -------
    pandas.DataFrame
        ``area_code, area_name, population, lsoa_count, imd_score, imd_rank, imd_decile,
        left_behind_share, left_behind`` (by the rule of :func:`n4c.needs.summarise_groups`:
        more than half its people live in 'left behind' wards), ``left_behind_published`` (the
        same rule on OCSI's ward flags, false when the LSOAs do not carry them) and
        ``cni_score, cni_rank`` when the LSOAs carry a CNI score.

    Examples
    --------
    >>> members = pd.DataFrame({"neighbourhood_code": ["N1", "N1", "N2"],
    ...     "neighbourhood_name": ["North", "North", "South"], "lsoa11_code": ["A", "B", "C"]})
    >>> lsoas = pd.DataFrame({"lsoa11_code": ["A", "B", "C"], "population": [1000, 3000, 2000],
    ...     "imd_score": [60.0, 20.0, 10.0], "ward17_code": ["W1", "W1", "W2"],
    ...     "ward_left_behind": [True, True, False]})
    >>> wards = pd.Series([5.0, 15.0, 25.0, 35.0, 45.0, 55.0, 65.0, 75.0, 85.0, 95.0])
    >>> aggregate_neighbourhoods(members, lsoas, wards)[["area_code", "population", "imd_score", "imd_decile"]]
      area_code  population  imd_score  imd_decile
    0        N1        4000       30.0           8
    1        N2        2000       10.0          10
    """
    from n4c.needs.groups import summarise_groups

    for column in ("neighbourhood_code", "neighbourhood_name", "lsoa11_code"):
        if column not in membership.columns:
            raise InputError(f'the neighbourhoods file has no "{column}" column.', field=column)
    known = membership["lsoa11_code"].isin(lsoas["lsoa11_code"])
    if not known.all():
        row = int(np.flatnonzero(~known.to_numpy())[0]) + 1
        raise InputError(
            f'"{membership["lsoa11_code"].iloc[row - 1]}" is not an English LSOA 2011 code '
            f"({int((~known).sum()):,} unknown codes in all).",
            row=row,
            field="lsoa11_code",
            value=membership["lsoa11_code"].iloc[row - 1],
            hint="Use LSOA 2011 codes such as E01000001.",
        )
    doubled = membership["lsoa11_code"].duplicated()
    if doubled.any():
        row = int(np.flatnonzero(doubled.to_numpy())[0]) + 1
        raise InputError(
            f'LSOA "{membership["lsoa11_code"].iloc[row - 1]}" is in more than one neighbourhood.',
            row=row,
            field="lsoa11_code",
        )
    joined = membership.merge(lsoas, on="lsoa11_code", how="left")
    joined = joined.rename(
        columns={
            "ward_left_behind": "left_behind",
            "ward_left_behind_published": "left_behind_published",
        }
    )
    if "left_behind_published" not in joined.columns:
        joined["left_behind_published"] = False
    # One rule with the platform: more than half of the residents live in left-behind wards.
    grouped = summarise_groups(joined, by=["neighbourhood_code", "neighbourhood_name"])
    grouped = grouped.rename(
        columns={
            "neighbourhood_code": "area_code",
            "neighbourhood_name": "area_name",
            "member_count": "lsoa_count",
        }
    )
    grouped["imd_rank"] = grouped["imd_score"].rank(ascending=False, method="min").astype("Int64")
    cuts = np.quantile(ward_imd_scores.dropna().to_numpy(), np.linspace(0.1, 0.9, 9))
    # Decile 1 is the most deprived tenth: count how many ward cut points the score exceeds.
    grouped["imd_decile"] = (
        10 - np.searchsorted(cuts, grouped["imd_score"].to_numpy(), side="right")
    ).astype(np.int64)
    columns = [
        "area_code",
        "area_name",
        "population",
        "lsoa_count",
        "imd_score",
        "imd_rank",
        "imd_decile",
        "left_behind_share",
        "left_behind",
        "left_behind_published",
    ]
    if "cni_score" in grouped.columns:
        grouped["cni_rank"] = (
            grouped["cni_score"].rank(ascending=False, method="min").astype("Int64")
        )
        columns += ["cni_score", "cni_rank"]
    return grouped[columns]


def load_areas(
    level: str, year: int = 2019, *, custom_areas: str | Path | None = None
) -> pd.DataFrame:
    """The areas frame for England's wards or LSOAs, or for custom neighbourhoods of LSOAs.

    Wards (December 2017) come with IMD 2019, the CNI 2019 and the 'left behind' flag; LSOAs carry
    their own IMD and their ward's CNI and flag; custom neighbourhoods are built from a CSV of
    ``neighbourhood_code, neighbourhood_name, lsoa11_code`` by :func:`aggregate_neighbourhoods`.
    """
    from n4c.needs import lsoa_table, ward_table

    check_year(year, supported=(2019,), purpose="fund allocation", field="--year")
    wards = ward_table(2019)
    if level == "ward":
        frame = wards.rename(columns={"ward17_code": "area_code", "ward17_name": "area_name"})
        return check_areas(frame)
    lsoas = lsoa_table(2019).merge(
        wards[["ward17_code", "cni_score", "cni_rank"]], on="ward17_code", how="left"
    )
    if level == "lsoa":
        frame = lsoas.rename(
            columns={
                "lsoa11_code": "area_code",
                "lsoa11_name": "area_name",
                "ward_left_behind": "left_behind",
                "ward_left_behind_published": "left_behind_published",
            }
        )
        return check_areas(frame)
    if level == "custom":
        if custom_areas is None:
            raise InputError("custom neighbourhoods need a CSV file.", field="fund.custom_areas")
        try:
            membership = pd.read_csv(custom_areas, dtype=str)
        except OSError as error:
            raise InputError(f"could not be read ({error.strerror}).", path=custom_areas) from None
        try:
            frame = aggregate_neighbourhoods(membership, lsoas, wards["imd_score"])
        except InputError as error:
            error.path = custom_areas
            raise
        return check_areas(frame, source=custom_areas)
    raise InputError(f'"{level}" is not a level; choose ward, lsoa or custom.', field="fund.level")
