"""Fairness: who gains from an allocation, by IMD decile and by 'left behind' status.

Measures follow the research note (funding-anchors §3): amount per head by IMD decile; the
group comparison OCSI made for the APPG ('left behind' against other areas in the most deprived
IMD decile, and the rest); the share to the most deprived 10% and 20% of areas; the
population-weighted concentration index (areas ordered most deprived first, so a negative
index means money concentrated in deprived areas; equal per head gives 0); and the Gini
coefficient of amount per head (spread, not direction). All work on many scenarios at once.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from n4c.errors import InputError

__all__ = ["GROUP_ORDER", "area_groups", "fairness_groups", "fairness_measures"]

#: The rows of a fairness report, in order.
GROUP_ORDER = (*(f"imd_decile_{d}" for d in range(1, 11)), "left_behind", "other_deprived", "rest")


def area_groups(areas: pd.DataFrame) -> pd.DataFrame:
    """Membership of each area in each report group: a boolean frame, one column per group.

    'Other deprived' is an area in IMD decile 1 that is not 'left behind' (OCSI's comparison
    group); 'rest' is every other area that is not 'left behind'.
    """
    for column in ("imd_decile", "left_behind"):
        if column not in areas.columns:
            raise InputError(
                f'a fairness report needs an "{column}" column in the areas table.', field=column
            )
    decile = pd.to_numeric(areas["imd_decile"], errors="coerce").to_numpy(
        dtype=float, na_value=np.nan
    )
    left_behind = areas["left_behind"].fillna(False).astype(bool).to_numpy()
    groups = {f"imd_decile_{d}": decile == d for d in range(1, 11)}
    groups["left_behind"] = left_behind
    groups["other_deprived"] = (decile == 1) & ~left_behind
    groups["rest"] = ~left_behind & ~(decile == 1)
    return pd.DataFrame(groups, index=areas.index)


def fairness_groups(amounts_gbp: npt.ArrayLike, areas: pd.DataFrame) -> pd.DataFrame:
    """Amount per head in each group of areas.

    Parameters
    ----------
    amounts_gbp : array_like
        One amount per row of ``areas``.
    areas : pandas.DataFrame
        With ``population``, ``imd_decile``, ``left_behind`` and ``imd_score``.

    Returns
    -------
    pandas.DataFrame
        One row per group (:data:`GROUP_ORDER`): ``group, areas, population, total, per_head,
        share_of_total, share_of_population, funding_to_need`` (share of the money over share
        of need-weighted population, need = IMD score; 1 means in proportion to need).

    Examples
    --------
    >>> areas = pd.DataFrame({"population": [1000, 1000, 2000], "imd_decile": [1, 1, 5],
    ...     "left_behind": [True, False, False], "imd_score": [60.0, 50.0, 20.0]})
    >>> report = fairness_groups([30_000, 10_000, 0], areas).set_index("group")
    >>> report.loc[["left_behind", "other_deprived", "rest"], "per_head"].tolist()
    [30.0, 10.0, 0.0]
    """
    amounts = np.asarray(amounts_gbp, dtype=np.float64)
    membership = area_groups(areas)
    matrix = membership.to_numpy(dtype=np.float64)
    population = areas["population"].to_numpy(dtype=np.float64)
    need = population * np.nan_to_num(
        pd.to_numeric(
            areas.get("imd_score", pd.Series(np.nan, index=areas.index)), errors="coerce"
        ).to_numpy(dtype=float, na_value=np.nan)
    )
    people = population @ matrix
    totals = amounts @ matrix
    needs = need @ matrix
    grand = amounts.sum()
    report = pd.DataFrame(
        {
            "group": list(membership.columns),
            "areas": matrix.sum(axis=0).astype(np.int64),
            "population": people.astype(np.int64),
            "total": np.round(totals).astype(np.int64),
            "per_head": np.divide(
                totals, people, out=np.zeros_like(totals), where=people > 0
            ).round(2),
            "share_of_total": (totals / grand if grand else np.zeros_like(totals)).round(6),
            "share_of_population": (people / population.sum()).round(6),
        }
    )
    need_share = needs / need.sum() if need.sum() > 0 else np.full_like(needs, np.nan)
    report["funding_to_need"] = np.divide(
        report["share_of_total"].to_numpy(),
        need_share,
        out=np.full_like(need_share, np.nan),
        where=need_share > 0,
    ).round(4)
    return report


def fairness_measures(amounts_gbp: npt.ArrayLike, areas: pd.DataFrame) -> pd.DataFrame:
    """Summary fairness measures, one row per scenario.

    Parameters
    ----------
    amounts_gbp : array_like
        ``(areas,)`` or ``(scenarios, areas)``.
    areas : pandas.DataFrame
        With ``population``, ``imd_rank`` (1 = most deprived), ``imd_decile`` and ``left_behind``.

    Returns
    -------
    pandas.DataFrame
        ``share_most_deprived_10pc, share_most_deprived_20pc`` (of the money, to areas in IMD
        deciles 1 and 1-2), ``fair_share_ratio_10pc, fair_share_ratio_20pc`` (those shares over
        the same areas' share of population; above 1 favours the deprived),
        ``per_head_left_behind, per_head_other_deprived, left_behind_ratio`` (their quotient,
        OCSI's headline: 0.40 for charitable grants 2004-2021), ``concentration_index`` and
        ``gini_per_head``.

    Examples
    --------
    >>> areas = pd.DataFrame({"population": [100] * 10, "imd_rank": range(1, 11),
    ...     "imd_decile": range(1, 11), "left_behind": [True] + [False] * 9})
    >>> measures = fairness_measures([[100] * 10, [1000] + [0] * 9], areas)
    >>> measures["concentration_index"].tolist(), measures["gini_per_head"].tolist()
    ([0.0, -0.9], [0.0, 0.9])
    """
    amounts = np.atleast_2d(np.asarray(amounts_gbp, dtype=np.float64))
    population = areas["population"].to_numpy(dtype=np.float64)
    membership = area_groups(areas)
    decile = pd.to_numeric(areas["imd_decile"], errors="coerce").to_numpy(
        dtype=float, na_value=np.nan
    )
    grand = amounts.sum(axis=1)
    safe_grand = np.where(grand > 0, grand, 1.0)
    result: dict[str, npt.NDArray[np.float64]] = {}
    for label, top in (("10pc", 1), ("20pc", 2)):
        inside = decile <= top
        share = amounts[:, inside].sum(axis=1) / safe_grand
        result[f"share_most_deprived_{label}"] = share
        result[f"fair_share_ratio_{label}"] = share / (population[inside].sum() / population.sum())
    for group in ("left_behind", "other_deprived"):
        inside = membership[group].to_numpy()
        people = population[inside].sum()
        result[f"per_head_{group}"] = (
            amounts[:, inside].sum(axis=1) / people if people else np.full(len(amounts), np.nan)
        )
    result["left_behind_ratio"] = np.divide(
        result["per_head_left_behind"],
        result["per_head_other_deprived"],
        out=np.full(len(amounts), np.nan),
        where=result["per_head_other_deprived"] > 0,
    )
    result["concentration_index"] = _concentration_index(amounts, population, areas["imd_rank"])
    result["gini_per_head"] = _gini(amounts, population)
    # Adding 0.0 turns a rounded -0.0 into 0.0, which reads better in reports.
    return pd.DataFrame(result).round(6) + 0.0


def _concentration_index(
    amounts: np.ndarray, population: np.ndarray, imd_rank: pd.Series
) -> np.ndarray:
    """CI = 2·Σ F_i (r_i − ½) / Σ F, r_i the population-weighted fractional rank, most deprived first."""
    ranks = pd.to_numeric(imd_rank, errors="coerce").to_numpy(dtype=float, na_value=np.inf)
    order = np.argsort(ranks, kind="stable")
    weights = population[order]
    total = weights.sum()
    fractional = (np.cumsum(weights) - weights / 2) / total
    funds = amounts[:, order]
    grand = funds.sum(axis=1)
    return np.divide(
        2 * (funds * (fractional - 0.5)).sum(axis=1),
        grand,
        out=np.zeros_like(grand),
        where=grand > 0,
    )


def _gini(amounts: np.ndarray, population: np.ndarray) -> np.ndarray:
    """Population-weighted Gini of amount per head, by the sorted cumulative form (O(n log n))."""
    people = population > 0
    weights = population[people]
    per_head = amounts[:, people] / weights
    order = np.argsort(per_head, axis=1, kind="stable")
    y = np.take_along_axis(per_head, order, axis=1)
    w = weights[order]
    total = weights.sum()
    before = np.cumsum(w, axis=1) - w
    after = total - before - w
    mean = (y * w).sum(axis=1) / total
    spread = 2 * (w * y * (before - after)).sum(axis=1)
    return np.divide(spread, 2 * total**2 * mean, out=np.zeros_like(mean), where=mean > 0)
