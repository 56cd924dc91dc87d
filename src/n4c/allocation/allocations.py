"""Allocate a fund: eligibility, formula, floors and caps, whole pounds, years and capital/revenue.

The ring-fenced capacity-building share is allocated by its own rule and counted as revenue
(it pays for people: community workers, training, organising), so ``capital + revenue = total``
for every area and the totals add up to the pot to the pound.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from n4c.allocation.areas import check_areas
from n4c.allocation.eligibility import assess_eligibility
from n4c.allocation.formula import formula_components, spread_pot
from n4c.allocation.rounding import largest_remainder
from n4c.allocation.spec import Eligibility, Formula, FundSpec
from n4c.errors import InputError

__all__ = ["Allocation", "allocate", "split_by_year"]

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Allocation:
    """A fund allocated to areas.

    ``table`` has one row per area (sorted by code): ``area_code, area_name`` (and
    ``lad19_name``, the council, when the areas have one), ``eligible,
    population, capital, revenue, capacity, total``, one column per year, then the steps that
    produced each amount (``main_*`` and ``capacity_*`` columns) used by the explanations.
    """

    fund: FundSpec
    pot_gbp: int
    main_pot_gbp: int
    capacity_pot_gbp: int
    table: pd.DataFrame

    @property
    def year_labels(self) -> tuple[str, ...]:
        return self.fund.year_labels

    def summary(self) -> pd.DataFrame:
        """The contract columns only: the table a person downloads."""
        columns = [
            "area_code",
            "area_name",
            "eligible",
            "population",
            "capital",
            "revenue",
            "capacity",
            "total",
        ]
        return self.table[columns + list(self.year_labels)]


def split_by_year(
    totals_gbp: npt.ArrayLike,
    profile_percent: tuple[float, ...],
    capital_percent: tuple[float, ...],
) -> tuple[IntArray, IntArray]:
    """Split whole-pound totals into years and capital/revenue, each area adding up exactly.

    Returns ``(capital, revenue)``, each ``(areas, years)`` in whole pounds. Capital is rounded
    across areas first (largest remainder), so the fund's capital total is its split of the
    pot to the pound; each area's capital and revenue are then spread over the years by its own
    largest remainder, so every area's years add up to its total.

    Examples
    --------
    >>> capital, revenue = split_by_year([1_000_001], (50.0, 50.0), (75.0, 75.0))
    >>> capital.tolist(), revenue.tolist()
    ([[375001, 375000]], [[125000, 125000]])
    """
    totals = np.asarray(totals_gbp, dtype=np.int64)
    profile = np.asarray(profile_percent) / 100.0
    capital_by_year = profile * np.asarray(capital_percent) / 100.0
    revenue_by_year = profile - capital_by_year
    capital_share = float(capital_by_year.sum())
    capital_target = int(np.floor(float(totals.sum()) * capital_share + 0.5))
    capital_total = largest_remainder(totals * capital_share, capital_target, upper=totals, lower=0)
    revenue_total = totals - capital_total

    def over_years(amounts: IntArray, weights: npt.NDArray[np.float64]) -> IntArray:
        if weights.sum() <= 0:
            return np.zeros((amounts.size, weights.size), dtype=np.int64)
        return largest_remainder(amounts[:, None] * (weights / weights.sum())[None, :], amounts)

    return over_years(capital_total, capital_by_year), over_years(revenue_total, revenue_by_year)


def _share(
    areas: pd.DataFrame, pot: int, rule: Eligibility, formula: Formula, where: str
) -> pd.DataFrame:
    """One share of the fund (main or capacity-building) by its rule, in whole pounds."""
    assessed = assess_eligibility(areas, rule, where=where.replace("formula", "eligibility"))
    components, shares = formula_components(areas, formula, where=where)
    eligible = assessed["eligible"].to_numpy().copy()
    missing = eligible & np.isnan(components).any(axis=0)
    reason = assessed["reason"].to_numpy().copy()
    reason[missing] = f"has no {formula.need_column}, so its need cannot be weighed."
    eligible &= ~missing
    spread = spread_pot(
        np.nan_to_num(components),
        shares,
        eligible,
        pot,
        floor_gbp=formula.floor_gbp,
        cap_gbp=formula.cap_gbp,
        minimum_viable_gbp=formula.minimum_viable_gbp,
        where=where,
    )
    amounts = largest_remainder(
        spread.amounts_gbp,
        [pot],
        upper=np.where(
            spread.eligible,
            formula.cap_gbp if formula.cap_gbp is not None else np.iinfo(np.int64).max,
            0,
        ),
        lower=np.where(spread.eligible, formula.floor_gbp, 0),
    )[0]
    return pd.DataFrame(
        {
            "eligible": eligible,
            "funded": spread.eligible[0],
            "reason": reason,
            "selection_rank": assessed["selection_rank"].to_numpy(),
            "formula_gbp": spread.formula_gbp[0],
            "scaled_gbp": spread.scaled_gbp[0],
            "status": spread.status[0],
            "amount_gbp": amounts,
        },
        index=areas.index,
    )


def allocate(fund: FundSpec, areas: pd.DataFrame) -> Allocation:
    """Allocate a fund to areas by its specification.

    Parameters
    ----------
    fund : FundSpec
        From :func:`~n4c.allocation.load_spec` or :func:`~n4c.allocation.load_preset`.
    areas : pandas.DataFrame
        An areas frame (``area_code, area_name, population`` and the need columns the rules
        use); see :func:`~n4c.allocation.load_areas`. Row order does not matter.

    Returns
    -------
    Allocation
        Whole-pound amounts per area, by year and capital/revenue, adding up to the pot.

    Raises
    ------
    InputError
        Naming the specification field at fault: floors above the pot, caps too low, unknown
        area codes, no eligible area, a need column the areas lack.

    Examples
    --------
    >>> from n4c.allocation.spec import parse_spec
    >>> fund = parse_spec({"fund": {"name": "Test", "pot_gbp": 100_000, "years": 2,
    ...     "capital_percent": 50}, "formula": {"method": "per_capita"}})
    >>> areas = pd.DataFrame({"area_code": ["A", "B", "C"], "area_name": ["a", "b", "c"],
    ...     "population": [1000, 2000, 7000]})
    >>> allocate(fund, areas).summary()[["area_code", "capital", "revenue", "total", "year_1"]]
      area_code  capital  revenue  total  year_1
    0         A     5000     5000  10000    5000
    1         B    10000    10000  20000   10000
    2         C    35000    35000  70000   35000
    """
    source = fund.path
    try:
        areas = check_areas(areas)
        main = fund.eligibility
        if fund.amount_per_area_gbp is not None:
            count = int(assess_eligibility(areas, main)["eligible"].sum())
            pot = fund.amount_per_area_gbp * count
            capacity_pot = fund.capacity.amount_gbp if fund.capacity else 0
            pot += capacity_pot
        else:
            assert fund.pot_gbp is not None
            pot = fund.pot_gbp
            capacity_pot = fund.capacity.amount_gbp if fund.capacity else 0
        main_pot = pot - capacity_pot
        share = _share(areas, main_pot, main, fund.formula, "formula")
        if fund.capacity is not None:
            ring = _share(
                areas,
                capacity_pot,
                fund.capacity.eligibility,
                fund.capacity.formula,
                "capacity.formula",
            )
        else:
            ring = share.assign(
                eligible=False, funded=False, amount_gbp=0, formula_gbp=0.0, scaled_gbp=0.0
            )
    except InputError as error:
        if error.path is None:
            error.path = source
        raise
    capital, revenue = split_by_year(
        share["amount_gbp"].to_numpy(), fund.profile_percent, fund.capital_percent
    )
    zero_capital = tuple(0.0 for _ in fund.year_labels)
    _, capacity_years = split_by_year(
        ring["amount_gbp"].to_numpy(), fund.profile_percent, zero_capital
    )
    # The council's name (wards and LSOAs have one) is kept for the funder's workbook.
    named = ["area_code", "area_name", *(["lad19_name"] if "lad19_name" in areas.columns else [])]
    table = areas[named].copy()
    table["eligible"] = share["eligible"].to_numpy() | ring["eligible"].to_numpy()
    table["population"] = areas["population"].to_numpy()
    table["capital"] = capital.sum(axis=1)
    table["revenue"] = revenue.sum(axis=1) + capacity_years.sum(axis=1)
    table["capacity"] = ring["amount_gbp"].to_numpy()
    table["total"] = table["capital"] + table["revenue"]
    by_year = capital + revenue + capacity_years
    for number, label in enumerate(fund.year_labels):
        table[label] = by_year[:, number]
    for prefix, part in (("main", share), ("capacity", ring)):
        for column in (
            "eligible",
            "funded",
            "reason",
            "selection_rank",
            "formula_gbp",
            "scaled_gbp",
            "status",
            "amount_gbp",
        ):
            table[f"{prefix}_{column}"] = part[column].to_numpy()
    for column in (
        "imd_decile",
        "imd_rank",
        "imd_score",
        "cni_rank",
        "left_behind",
        "left_behind_published",
    ):
        if column in areas.columns:
            table[column] = areas[column].to_numpy()
    return Allocation(
        fund=fund, pot_gbp=pot, main_pot_gbp=main_pot, capacity_pot_gbp=capacity_pot, table=table
    )
