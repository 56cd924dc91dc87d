"""Fair share: grant money per head in 'left behind' and other deprived neighbourhoods.

Placed grants are shared among LSOAs by population (:mod:`n4c.spending.apportion`), then
summed by group, by IMD decile, by year and by funder. Groups follow OCSI's comparison for
the APPG: ``left_behind`` (LSOAs in a left-behind ward), ``other_deprived`` (LSOAs in a ward in
the most deprived tenth of wards on the IMD, not left behind), ``rest_of_england`` and
``england``. Populations are the IoD 2019 mid-2015 denominators.

Sign convention of the concentration index: areas are ordered most deprived first, so a
negative index means money concentrated in deprived areas, zero is the same per head
everywhere, and a positive index favours the less deprived.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from n4c.spending.apportion import apportion_pence
from n4c.spending.geography import Geography

__all__ = [
    "GROUPS",
    "Concentration",
    "by_decile",
    "by_funder",
    "by_year",
    "concentration",
    "fair_share",
    "lsoa_groups",
    "per_head_by_area",
    "place_amounts",
]

GROUPS = ("left_behind", "other_deprived", "rest_of_england", "england")
Slice = Literal["all", "year", "funder"]


def lsoa_groups(lsoas: pd.DataFrame) -> np.ndarray:
    """Each LSOA's group: left_behind, other_deprived or rest_of_england.

    >>> frame = pd.DataFrame({"ward_left_behind": [True, False, False],
    ...                       "ward_imd_decile": [1, 1, 4]})
    >>> lsoa_groups(frame).tolist()
    ['left_behind', 'other_deprived', 'rest_of_england']
    """
    left_behind = lsoas["ward_left_behind"].to_numpy(dtype=bool)
    deprived = (lsoas["ward_imd_decile"] == 1).fillna(False).to_numpy(dtype=bool)
    return np.where(
        left_behind, "left_behind", np.where(deprived, "other_deprived", "rest_of_england")
    )


def place_amounts(
    placed: pd.DataFrame, geography: Geography, *, slice_column: str | None = None
) -> pd.DataFrame:
    """Share each placed amount among the LSOAs of its area, by population, to the penny.

    Parameters
    ----------
    placed : pandas.DataFrame
        One row per area and slice: ``geo_code``, ``amount_pence``, ``grants`` (the share of
        grants placed there) and, if given, ``slice_column``.
    geography : Geography
        Areas and the LSOAs inside them.

    Returns
    -------
    pandas.DataFrame
        ``lsoa_row`` (row of ``geography.lsoas``), ``amount_pence``, ``grants`` and the slice
        column, one row per LSOA and slice with money. Pence add up to the input exactly.
    """
    if slice_column is None:
        placed = placed.assign(_slice=0)
        slice_column = "_slice"
    codes = placed["geo_code"].map(geography.index)
    if codes.isna().any():
        unknown = placed.loc[codes.isna(), "geo_code"].iloc[0]
        raise ValueError(f'"{unknown}" is not an area of this geography.')
    area = codes.to_numpy(dtype=np.int64)
    lengths = geography.offsets[area + 1] - geography.offsets[area]
    group = np.repeat(np.arange(len(placed)), lengths)
    starts = np.repeat(geography.offsets[area] - (np.cumsum(lengths) - lengths), lengths)
    rows = geography.members[starts + np.arange(len(group))]
    weights = geography.population[rows]
    pence = apportion_pence(placed["amount_pence"].to_numpy(dtype=np.int64), group, weights)
    weight_sums = np.bincount(group, weights=weights, minlength=len(placed))
    grants = placed["grants"].to_numpy(dtype=float)[group] * weights / weight_sums[group]
    # Sum by (slice, LSOA) with one integer key: far faster than a pandas group-by here.
    slice_codes, slice_values = pd.factorize(placed[slice_column], sort=True)
    n_lsoas = len(geography.lsoas)
    keys = slice_codes[group].astype(np.int64) * n_lsoas + rows
    unique_keys, inverse = np.unique(keys, return_inverse=True)
    summed_pence = np.bincount(inverse, weights=pence, minlength=len(unique_keys))
    result = pd.DataFrame(
        {
            slice_column: np.asarray(slice_values)[unique_keys // n_lsoas],
            "lsoa_row": unique_keys % n_lsoas,
            "amount_pence": np.rint(summed_pence).astype(np.int64),
            "grants": np.bincount(inverse, weights=grants, minlength=len(unique_keys)),
        }
    )
    if slice_column == "_slice":
        result = result.drop(columns="_slice")
    return result


def _per_head_table(
    keys: np.ndarray, population: np.ndarray, pence: np.ndarray, grants: np.ndarray, labels: list
) -> pd.DataFrame:
    frame = pd.DataFrame({"key": keys, "population": population, "pence": pence, "grants": grants})
    summed = frame.groupby("key").sum().reindex(labels, fill_value=0)
    out = pd.DataFrame(
        {
            "population": summed["population"].astype(np.int64).to_numpy(),
            "grants": summed["grants"].round(2).to_numpy(),
            "amount": (summed["pence"].astype(np.int64) / 100).to_numpy(),
        },
        index=pd.Index(labels),
    )
    out["per_head"] = np.where(out["population"] > 0, out["amount"] / out["population"], 0.0)
    out["per_head"] = out["per_head"].round(4)
    return out


def _lsoa_vectors(lsoa_amounts: pd.DataFrame, n_lsoas: int) -> tuple[np.ndarray, np.ndarray]:
    rows = lsoa_amounts["lsoa_row"].to_numpy(dtype=np.int64)
    pence = np.bincount(
        rows, weights=lsoa_amounts["amount_pence"].to_numpy(dtype=np.int64), minlength=n_lsoas
    ).astype(np.int64)
    grants = np.bincount(
        rows, weights=lsoa_amounts["grants"].to_numpy(dtype=float), minlength=n_lsoas
    )
    return pence, grants


def per_head_by_area(lsoa_amounts: pd.DataFrame, lsoas: pd.DataFrame, column: str) -> pd.DataFrame:
    """Population, grants, amount (£) and amount per head (£) for each area of ``column``.

    The same sums as :func:`fair_share`, grouped by an area code column of the LSOA table
    (``ward17_code``, ``lad19_code``) instead of by need group; indexed by the area codes.

    >>> lsoas = pd.DataFrame({"population": [1000, 1000, 2000], "ward17_code": ["A", "A", "B"]})
    >>> money = pd.DataFrame({"lsoa_row": [0, 2], "amount_pence": [500_00, 1000_00],
    ...                       "grants": [1.0, 1.0]})
    >>> per_head_by_area(money, lsoas, "ward17_code")["per_head"].tolist()
    [0.25, 0.5]
    """
    pence, grants = _lsoa_vectors(lsoa_amounts, len(lsoas))
    population = lsoas["population"].to_numpy(dtype=np.int64)
    keys = lsoas[column].astype(str).to_numpy()
    return _per_head_table(keys, population, pence, grants, sorted(set(keys)))


def fair_share(lsoa_amounts: pd.DataFrame, lsoas: pd.DataFrame) -> pd.DataFrame:
    """Population, grants, amount (£) and amount per head (£) for each group and England.

    Parameters
    ----------
    lsoa_amounts : pandas.DataFrame
        ``lsoa_row``, ``amount_pence``, ``grants`` (from :func:`place_amounts`).
    lsoas : pandas.DataFrame
        The LSOA table (``population``, ``ward_left_behind``, ``ward_imd_decile``).

    Returns
    -------
    pandas.DataFrame
        Columns ``group, population, grants, amount, per_head``; rows left_behind,
        other_deprived, rest_of_england, england.

    Examples
    --------
    >>> lsoas = pd.DataFrame({"population": [1000, 1000, 2000],
    ...                       "ward_left_behind": [True, False, False],
    ...                       "ward_imd_decile": [1, 1, 5]})
    >>> money = pd.DataFrame({"lsoa_row": [0, 1, 2], "amount_pence": [500_00, 1500_00, 2000_00],
    ...                       "grants": [1.0, 2.0, 1.0]})
    >>> fair_share(money, lsoas)[["group", "amount", "per_head"]]
                 group  amount  per_head
    0      left_behind   500.0       0.5
    1   other_deprived  1500.0       1.5
    2  rest_of_england  2000.0       1.0
    3          england  4000.0       1.0
    """
    pence, grants = _lsoa_vectors(lsoa_amounts, len(lsoas))
    population = lsoas["population"].to_numpy(dtype=np.int64)
    groups = lsoa_groups(lsoas)
    table = _per_head_table(groups, population, pence, grants, list(GROUPS[:3]))
    table.loc["england"] = [
        population.sum(),
        round(float(grants.sum()), 2),
        int(pence.sum()) / 100,
        round(int(pence.sum()) / 100 / max(int(population.sum()), 1), 4),
    ]
    table["population"] = table["population"].astype(np.int64)
    return table.rename_axis("group").reset_index()


def by_decile(lsoa_amounts: pd.DataFrame, lsoas: pd.DataFrame) -> pd.DataFrame:
    """Per head by IMD 2019 decile of the LSOA (1 = most deprived), with shares of the total.

    Returns columns ``imd_decile, population, grants, amount, per_head, amount_share,
    population_share``.
    """
    pence, grants = _lsoa_vectors(lsoa_amounts, len(lsoas))
    population = lsoas["population"].to_numpy(dtype=np.int64)
    deciles = lsoas["imd_decile"].to_numpy(dtype=np.int64)
    table = _per_head_table(deciles, population, pence, grants, list(range(1, 11)))
    total = table["amount"].sum()
    table["amount_share"] = (table["amount"] / total).round(4) if total else 0.0
    table["population_share"] = (table["population"] / table["population"].sum()).round(4)
    return table.rename_axis("imd_decile").reset_index()


@dataclass(frozen=True)
class Concentration:
    """How concentrated money is in deprived LSOAs (most deprived first).

    ``index`` is the population-weighted concentration index (negative = pro-deprived);
    ``share_most_deprived_10``/``_20`` are the shares of money reaching the LSOAs in IMD
    deciles 1 and 1-2, and ``population_most_deprived_10``/``_20`` their shares of people,
    so a share above its population share is more than a fair share. ``curve_population`` and
    ``curve_amount`` trace the concentration curve.
    """

    index: float
    share_most_deprived_10: float
    share_most_deprived_20: float
    population_most_deprived_10: float
    population_most_deprived_20: float
    curve_population: np.ndarray
    curve_amount: np.ndarray


def concentration(lsoa_amounts: pd.DataFrame, lsoas: pd.DataFrame) -> Concentration:
    """The concentration index and shares to the most deprived 10% and 20% of LSOAs.

    CI = 2 Σ (Fᵢ/F)(rᵢ − ½), with rᵢ the population-weighted fractional rank of LSOA i
    (most deprived first): the same as the covariance form (2/μ) Σ (wᵢ/W)(yᵢ − μ)(rᵢ − ½).

    Examples
    --------
    >>> lsoas = pd.DataFrame({"population": [100] * 4, "imd_rank": [1, 2, 3, 4],
    ...                       "imd_decile": [1, 2, 3, 4]})
    >>> money = pd.DataFrame({"lsoa_row": [0, 1, 2, 3], "amount_pence": [100] * 4,
    ...                       "grants": [1.0] * 4})
    >>> round(concentration(money, lsoas).index, 6)
    0.0
    >>> all_first = money.assign(amount_pence=[400, 0, 0, 0])
    >>> concentration(all_first, lsoas).index
    -0.75
    """
    pence, _ = _lsoa_vectors(lsoa_amounts, len(lsoas))
    population = lsoas["population"].to_numpy(dtype=float)
    order = np.argsort(lsoas["imd_rank"].to_numpy(), kind="stable")
    weights = population[order]
    money = pence[order].astype(float)
    total_people = weights.sum()
    total_money = money.sum()
    cumulative_people = np.cumsum(weights) / total_people
    rank = cumulative_people - weights / total_people / 2
    if total_money > 0:
        index = float(2 * np.sum(money / total_money * (rank - 0.5)))
        curve_amount = np.r_[0.0, np.cumsum(money) / total_money]
    else:
        index = float("nan")
        curve_amount = np.zeros(len(money) + 1)
    deciles = lsoas["imd_decile"].to_numpy()

    def share(values: np.ndarray, top: int) -> float:
        total = values.sum()
        return float(values[deciles <= top].sum() / total) if total else float("nan")

    return Concentration(
        index=index,
        share_most_deprived_10=share(pence.astype(float), 1),
        share_most_deprived_20=share(pence.astype(float), 2),
        population_most_deprived_10=share(population, 1),
        population_most_deprived_20=share(population, 2),
        curve_population=np.r_[0.0, cumulative_people],
        curve_amount=curve_amount,
    )


def by_year(lsoa_amounts: pd.DataFrame, lsoas: pd.DataFrame) -> pd.DataFrame:
    """Per head by group for each award year: ``year, group, population, grants, amount, per_head``."""
    frames = []
    for year, part in lsoa_amounts.groupby("year", sort=True):
        table = fair_share(part, lsoas)
        table.insert(0, "year", int(str(year)))
        frames.append(table)
    if not frames:
        return pd.DataFrame(columns=["year", "group", "population", "grants", "amount", "per_head"])
    return pd.concat(frames, ignore_index=True)


def by_funder(placed: pd.DataFrame, geography: Geography, funders: pd.DataFrame) -> pd.DataFrame:
    """Per head by group for each funder, with the funder's share to the most deprived tenth.

    ``placed`` has ``funder, geo_code, amount_pence`` (from
    :func:`n4c.spending.analysis.placed_by_area` with ``by="funder"``); ``funders`` has
    ``funder_id, funder_name, grants, amount`` (all the funder's grants, placed or not). Each
    area's money is shared among groups and IMD deciles in proportion to people, without
    rounding to the penny (these are rates, not amounts to pay), which keeps this fast for
    thousands of funders. The concentration index here is the grouped form over deciles.
    """
    lsoas = geography.lsoas
    groups = lsoa_groups(lsoas)
    group_index = np.searchsorted(np.array(GROUPS[:3]), groups)
    deciles = lsoas["imd_decile"].to_numpy(dtype=np.int64)
    population = lsoas["population"].to_numpy(dtype=np.int64)
    n_areas = len(geography.area_codes)
    # People in each area by (group, decile) cell: 3 × 10 cells per area.
    cell = group_index * 10 + (deciles - 1)
    area_of_member = np.repeat(np.arange(n_areas), np.diff(geography.offsets))
    member_cells = cell[geography.members]
    people = np.bincount(
        area_of_member * 30 + member_cells,
        weights=population[geography.members],
        minlength=n_areas * 30,
    ).reshape(n_areas, 30)
    shares = people / np.maximum(people.sum(axis=1, keepdims=True), 1)

    out = funders.set_index("funder_id").copy()
    funder_codes = pd.Index(out.index).get_indexer(placed["funder"])
    area = placed["geo_code"].map(geography.index).to_numpy(dtype=np.int64)
    pence = placed["amount_pence"].to_numpy(dtype=float)
    money = np.zeros((len(out), 30))
    for column in range(30):
        money[:, column] = np.bincount(
            funder_codes, weights=pence * shares[area, column], minlength=len(out)
        )
    money = money.reshape(len(out), 3, 10) / 100
    group_people = np.array([population[group_index == g].sum() for g in range(3)])
    decile_people = np.bincount(deciles, weights=population, minlength=11)[1:]
    out["placed_amount"] = money.sum(axis=(1, 2)).round(2)
    for number, group in enumerate(GROUPS[:3]):
        out[f"per_head_{group}"] = (money[:, number, :].sum(axis=1) / group_people[number]).round(4)
    out["per_head_england"] = (out["placed_amount"] / population.sum()).round(4)
    by_decile_money = money.sum(axis=1)
    totals = by_decile_money.sum(axis=1, keepdims=True)
    p = np.r_[0.0, np.cumsum(decile_people) / decile_people.sum()]
    with np.errstate(invalid="ignore", divide="ignore"):
        cumulative = np.c_[np.zeros(len(out)), np.cumsum(by_decile_money, axis=1) / totals]
        out["share_most_deprived_10"] = (by_decile_money[:, 0] / totals[:, 0]).round(4)
    out["concentration_index"] = (
        (p[:-1] * cumulative[:, 1:] - p[1:] * cumulative[:, :-1]).sum(axis=1)
    ).round(4)
    return out.reset_index().sort_values("amount", ascending=False, ignore_index=True)
