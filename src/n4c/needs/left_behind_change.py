"""The published 2019 'left behind' wards beside n4c's 2025 estimate: which are still in, which are new.

Ward boundaries changed between December 2017 and 2024, so the two lists meet through their
LSOAs: each LSOA 2011 of a 2019 ward leads to the LSOA 2021 it became (ONS lookup; a split
LSOA leads to several, a merged one shares its LSOA 2021), and each LSOA 2021 sits in one 2024
ward (best fit). Residents are counted on LSOA 2021 with the 2025 population weights
(:func:`n4c.data.population_for_2025`).

- One of OCSI's 225 published 2019 wards is **still in** when at least half of the residents of
  the LSOAs 2021 it became live in wards that are 'left behind' in 2025.
- A 2025 'left behind' ward is a **new place** when fewer than half of its residents live in
  LSOAs 2021 that came, wholly or in part, from a published 2019 'left behind' ward.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from n4c.data import load, population_for_2025
from n4c.errors import InputError

__all__ = [
    "CHANGE_COLUMNS",
    "STILL_IN_SHARE",
    "LeftBehindChange",
    "compare_left_behind_years",
    "published_lsoas21",
]

#: The share of residents that keeps a 2019 ward in, or makes a 2025 ward not new.
STILL_IN_SHARE = 0.5
#: The columns of :attr:`LeftBehindChange.table`, in order; ``lad_code`` (each ward's own
#: edition's council: 2019 or 2024) follows the first six, as on every need table.
CHANGE_COLUMNS = (
    "year", "ward_code", "ward_name", "lad_name", "overlap_share", "status", "lad_code",
)  # fmt: skip


@dataclass(frozen=True)
class LeftBehindChange:
    """The 2019 and 2025 'left behind' lists set side by side through their LSOAs.

    ``table`` has one row per published 2019 ward (``year`` 2019, ``status`` "still in" or
    "out") and per 2025 'left behind' ward (``year`` 2025, ``status`` "new" or "continuing");
    ``overlap_share`` is the share of the ward's residents in the other list's areas.
    """

    table: pd.DataFrame
    published_2019: int
    still_in: int
    found_2025: int
    new: int


def published_lsoas21(wards17: pd.DataFrame) -> pd.DataFrame:
    """Each (published 2019 ward, LSOA 2021) pair reached through the ward's LSOAs 2011."""
    published = wards17.loc[wards17["left_behind_published"].astype(bool), "ward17_code"]
    lookup = load("lookup_lsoa11_ward17")
    lookup = lookup[lookup["ward17_code"].isin(published)]
    lsoa21 = load("lookup_lsoa11_lsoa21")[["lsoa11_code", "lsoa21_code"]]
    pairs = lookup.merge(lsoa21, on="lsoa11_code", how="left")
    if pairs["lsoa21_code"].isna().any():
        code = pairs.loc[pairs["lsoa21_code"].isna(), "lsoa11_code"].iloc[0]
        raise InputError(
            f"LSOA 2011 {code} of a 'left behind' ward has no LSOA 2021 in the ONS lookup; "
            "fetch it again: n4c data fetch lookup_lsoa11_lsoa21",
            field="lsoa11_code",
            value=code,
        )
    return pairs[["ward17_code", "lsoa21_code"]].drop_duplicates()


def _share(pairs: pd.DataFrame, ward_column: str, inside: pd.Series) -> pd.Series:
    """Per ward, the population share of its LSOAs 2021 for which ``inside`` is true."""
    residents = pairs["population"].to_numpy(dtype=np.float64)
    counted = (
        pd.DataFrame(
            {
                "ward": pairs[ward_column].to_numpy(),
                "all": residents,
                "inside": residents * inside.to_numpy(dtype=bool),
            }
        )
        .groupby("ward", sort=True)[["all", "inside"]]
        .sum()
    )
    return counted["inside"] / counted["all"]


def compare_left_behind_years(wards17: pd.DataFrame, wards24: pd.DataFrame) -> LeftBehindChange:
    """Which published 2019 'left behind' wards are still in in 2025, and which 2025 ones are new.

    Parameters
    ----------
    wards17 : pandas.DataFrame
        A :func:`~n4c.needs.wards.ward_table` of 2019 (``ward17_code, ward17_name,
        lad19_code, lad19_name, left_behind_published``).
    wards24 : pandas.DataFrame
        A :func:`~n4c.needs.wards24.ward24_table` (``ward_code, ward_name, lad_code,
        lad_name, left_behind``).

    Returns
    -------
    LeftBehindChange

    Raises
    ------
    InputError
        If an LSOA of a published ward has no LSOA 2021, or an LSOA 2021 no 2024 ward or no
        population (reported, never dropped).
    """
    lookup = load("lookup_lsoa21_ward24_lad24").set_index("lsoa21_code")["ward24_code"]
    people = population_for_2025().frame.set_index("lsoa21_code")["population"]
    flagged24 = wards24.loc[wards24["left_behind"].astype(bool), "ward_code"]

    then = published_lsoas21(wards17)
    then["ward24_code"] = lookup.reindex(then["lsoa21_code"]).to_numpy()
    then["population"] = people.reindex(then["lsoa21_code"]).to_numpy()
    if then[["ward24_code", "population"]].isna().any().any():
        code = then.loc[then[["ward24_code", "population"]].isna().any(axis=1), "lsoa21_code"]
        raise InputError(
            f"LSOA 2021 {code.iloc[0]} has no 2024 ward or no population; check that the "
            "lookups and the population cover the same LSOAs.",
            field="lsoa21_code",
            value=code.iloc[0],
        )
    share_then = _share(then, "ward17_code", then["ward24_code"].isin(flagged24))

    now = pd.DataFrame({"lsoa21_code": lookup.index, "ward24_code": lookup.to_numpy()})
    now = now[now["ward24_code"].isin(flagged24)].copy()
    now["population"] = people.reindex(now["lsoa21_code"]).to_numpy()
    share_now = _share(now, "ward24_code", now["lsoa21_code"].isin(then["lsoa21_code"]))

    old = wards17.set_index("ward17_code").loc[share_then.index]
    new = wards24.set_index("ward_code").loc[share_now.index]
    table = pd.concat(
        [
            pd.DataFrame(
                {
                    "year": 2019,
                    "ward_code": share_then.index,
                    "ward_name": old["ward17_name"].to_numpy(),
                    "lad_name": old["lad19_name"].to_numpy(),
                    "lad_code": old["lad19_code"].to_numpy(),
                    "overlap_share": share_then.to_numpy(),
                    "status": np.where(share_then >= STILL_IN_SHARE, "still in", "out"),
                }
            ),
            pd.DataFrame(
                {
                    "year": 2025,
                    "ward_code": share_now.index,
                    "ward_name": new["ward_name"].to_numpy(),
                    "lad_name": new["lad_name"].to_numpy(),
                    "lad_code": new["lad_code"].to_numpy(),
                    "overlap_share": share_now.to_numpy(),
                    "status": np.where(share_now >= STILL_IN_SHARE, "continuing", "new"),
                }
            ),
        ],
        ignore_index=True,
    )
    table["overlap_share"] = table["overlap_share"].round(4)
    return LeftBehindChange(
        table=table[list(CHANGE_COLUMNS)],
        published_2019=len(share_then),
        still_in=int((share_then >= STILL_IN_SHARE).sum()),
        found_2025=len(share_now),
        new=int((share_now < STILL_IN_SHARE).sum()),
    )
