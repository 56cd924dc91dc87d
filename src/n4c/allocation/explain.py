"""Plain-English explanations: for each area, every step that produced its amount."""

from __future__ import annotations

from typing import Any

import pandas as pd

from n4c.allocation.allocations import Allocation
from n4c.allocation.formula import BELOW_MINIMUM, CAP, FLOOR
from n4c.allocation.spec import Formula
from n4c.errors import InputError

__all__ = ["explain_allocation", "explain_area"]

_COLUMN_WORDS = {
    "imd_score": "IMD score",
    "cni_score": "Community Needs Index score",
    "imd_rank": "IMD rank",
    "cni_rank": "Community Needs Index rank",
}
_METHOD_WORDS = {
    "equal": "an equal share per area",
    "per_capita": "a share in proportion to its population",
    "need": "a share in proportion to its population times its need weight ({need})",
    "blend": "{per_capita:g}% of the pot by population and {need_percent:g}% by population times need weight ({need})",
}


def _method(formula: Formula) -> str:
    column = _COLUMN_WORDS.get(formula.need_column, formula.need_column)
    need = (
        f"its {column}"
        if formula.need_weight == "score"
        else f"the exponential transform of its rank on {column}"
    )
    return _METHOD_WORDS[formula.method].format(
        need=need, per_capita=formula.per_capita_percent, need_percent=formula.need_percent
    )


def _part(row: dict[Any, Any], prefix: str, formula: Formula, label: str) -> str:
    if not row[f"{prefix}_eligible"]:
        return f"{label}: not eligible: {row[f'{prefix}_reason']}"
    status = int(row[f"{prefix}_status"])
    amount = int(row[f"{prefix}_amount_gbp"])
    formula_gbp = float(row[f"{prefix}_formula_gbp"])
    if status == BELOW_MINIMUM:
        return (
            f"{label}: eligible, but its formula share fell below the minimum viable amount of "
            f"£{formula.minimum_viable_gbp:,}, so it was not funded and its share went to the other areas."
        )
    scaled_gbp = float(row[f"{prefix}_scaled_gbp"])
    text = f"{label}: eligible; the formula gives {_method(formula)}, which comes to £{formula_gbp:,.2f}."
    if abs(scaled_gbp - formula_gbp) >= 0.5:
        text += (
            " Floors, caps or the minimum viable amount take or free money, so every share is"
            f" scaled by the same factor until the pot adds up: £{scaled_gbp:,.2f}."
        )
    if status == FLOOR:
        text += f" That is below the floor, so it was raised to £{formula.floor_gbp:,}."
    elif status == CAP:
        text += f" That is above the cap, so it was cut to £{formula.cap_gbp:,}."
    return text + f" Rounded to whole pounds (largest remainder): £{amount:,}."


def _one(row: dict[Any, Any], allocation: Allocation) -> str:
    fund = allocation.fund
    parts = [f"{row['area_name']} ({row['area_code']}), population {int(row['population']):,}."]
    parts.append(_part(row, "main", fund.formula, "Main fund"))
    if fund.capacity is not None:
        parts.append(_part(row, "capacity", fund.capacity.formula, "Capacity-building ring-fence"))
    total = int(row["total"])
    if total:
        years = ", ".join(f"{label} £{int(row[label]):,}" for label in fund.year_labels)
        parts.append(
            f"In all £{total:,}: £{int(row['capital']):,} capital and £{int(row['revenue']):,} revenue"
            + (
                f" (of which £{int(row['capacity']):,} capacity building)"
                if row["capacity"]
                else ""
            )
            + f"; by year: {years}."
        )
    else:
        parts.append("It receives nothing from this fund.")
    return " ".join(parts)


def explain_area(allocation: Allocation, area_code: str) -> str:
    """Each step that produced one area's amount, in plain English.

    Raises
    ------
    InputError
        If the area is not in the allocation.
    """
    rows = allocation.table[allocation.table["area_code"] == area_code]
    if rows.empty:
        raise InputError(
            f'"{area_code}" is not one of the {len(allocation.table):,} areas of this fund.',
            field="--explain",
            value=area_code,
            hint="Check the code matches the fund's level (ward 2017, LSOA 2011 or your neighbourhoods).",
        )
    return _one(rows.iloc[0].to_dict(), allocation)


def explain_allocation(allocation: Allocation) -> pd.Series:
    """An explanation for every area, indexed by ``area_code``."""
    table = allocation.table
    return pd.Series(
        [_one(row, allocation) for row in table.to_dict(orient="records")],
        index=table["area_code"].to_numpy(),
        name="explanation",
    )
