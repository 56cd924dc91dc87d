"""Eligibility: which areas a fund may pay, and in words why each other area may not."""

from __future__ import annotations

import numpy as np
import pandas as pd

from n4c.allocation.spec import Eligibility
from n4c.errors import InputError

__all__ = ["assess_eligibility"]


def _column(areas: pd.DataFrame, column: str, field: str) -> pd.Series:
    if column not in areas.columns:
        raise InputError(
            f'this rule needs a "{column}" column, which the areas table does not have.',
            field=field,
        )
    return areas[column]


def _known_codes(areas: pd.DataFrame, codes: tuple[str, ...], field: str) -> None:
    unknown = sorted(set(codes) - set(areas["area_code"]))
    if unknown:
        raise InputError(
            f'{len(unknown):,} area code(s) are not among the areas, e.g. "{unknown[0]}".',
            field=field,
            value=unknown[0],
            hint="Check the codes match the fund's level (ward 2017, LSOA 2011 or your neighbourhoods).",
        )


def assess_eligibility(
    areas: pd.DataFrame, rule: Eligibility, *, where: str = "eligibility"
) -> pd.DataFrame:
    """Apply an eligibility rule to every area.

    Parameters
    ----------
    areas : pandas.DataFrame
        An areas frame (see :mod:`n4c.allocation.areas`).
    rule : Eligibility
        Every condition must hold; ``select_top`` then keeps the areas most in need by
        ``rank_by`` (1 = most in need; several columns are added up; ties go to the lower code).
    where : str
        The TOML path of the rule, named in errors.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``areas``: ``eligible`` (bool), ``reason`` (why not, in words; empty when
        eligible) and ``selection_rank`` (position among the areas that met the conditions).

    Examples
    --------
    >>> areas = pd.DataFrame({"area_code": ["A", "B", "C"], "area_name": ["a", "b", "c"],
    ...     "population": [5000, 900, 7000], "imd_decile": [1, 1, 6], "imd_rank": [1, 2, 900]})
    >>> result = assess_eligibility(areas, Eligibility(imd_decile_max=2, population_min=1000))
    >>> result["eligible"].tolist()
    [True, False, False]
    >>> result["reason"].tolist()[1:]
    ['population 900 is below the minimum 1,000.', 'IMD decile 6 is above the maximum 2.']
    """
    n = len(areas)
    eligible = np.ones(n, dtype=bool)
    reason = np.full(n, "", dtype=object)

    def apply(passes: np.ndarray, why: np.ndarray | str) -> None:
        failing = eligible & ~passes
        reason[failing] = why if isinstance(why, str) else why[failing]
        eligible[failing] = False

    if rule.include_only_codes:
        _known_codes(areas, rule.include_only_codes, f"{where}.include_only_codes")
        apply(
            areas["area_code"].isin(rule.include_only_codes).to_numpy(),
            "not on the fund's list of areas.",
        )
    if rule.exclude_codes:
        _known_codes(areas, rule.exclude_codes, f"{where}.exclude_codes")
        apply(
            ~areas["area_code"].isin(rule.exclude_codes).to_numpy(),
            "excluded by the fund (e.g. already funded by another fund).",
        )
    if rule.funded_elsewhere:
        _known_codes(areas, rule.funded_elsewhere, f"{where}.exclude_funded_in")
        apply(
            ~areas["area_code"].isin(rule.funded_elsewhere).to_numpy(),
            f"already funded by another fund ({rule.funded_elsewhere_source}).",
        )
    if rule.left_behind is not None:
        flag = (
            _column(areas, "left_behind", f"{where}.left_behind")
            .fillna(False)
            .astype(bool)
            .to_numpy()
        )
        apply(
            flag == rule.left_behind,
            "not a 'left behind' area."
            if rule.left_behind
            else "a 'left behind' area, which this fund leaves out.",
        )
    if rule.imd_decile_max is not None or rule.imd_decile_min is not None:
        field = (
            f"{where}.imd_decile_max"
            if rule.imd_decile_max is not None
            else f"{where}.imd_decile_min"
        )
        decile = pd.to_numeric(_column(areas, "imd_decile", field), errors="coerce").to_numpy(
            dtype=float, na_value=np.nan
        )
        apply(~np.isnan(decile), "has no IMD decile (no LSOA of it is in the lookup).")
        text = np.array([f"{d:.0f}" if not np.isnan(d) else "" for d in decile], dtype=object)
        if rule.imd_decile_max is not None:
            apply(
                np.nan_to_num(decile, nan=99) <= rule.imd_decile_max,
                "IMD decile " + text + f" is above the maximum {rule.imd_decile_max}.",
            )
        if rule.imd_decile_min is not None:
            apply(
                np.nan_to_num(decile, nan=-1) >= rule.imd_decile_min,
                "IMD decile " + text + f" is below the minimum {rule.imd_decile_min}.",
            )
    population = areas["population"].to_numpy(dtype=np.int64)
    people = np.array([f"{p:,}" for p in population], dtype=object)
    if rule.population_min is not None:
        apply(
            population >= rule.population_min,
            "population " + people + f" is below the minimum {rule.population_min:,}.",
        )
    if rule.population_max is not None:
        apply(
            population <= rule.population_max,
            "population " + people + f" is above the maximum {rule.population_max:,}.",
        )

    selection_rank = np.full(n, np.nan)
    if rule.select_top is None and not set(rule.rank_by) <= set(areas.columns):
        return pd.DataFrame(
            {"eligible": eligible, "reason": reason, "selection_rank": selection_rank},
            index=areas.index,
        )
    ranks = np.zeros(n)
    for column in rule.rank_by:
        values = pd.to_numeric(
            _column(areas, column, f"{where}.rank_by"), errors="coerce"
        ).to_numpy(dtype=float, na_value=np.nan)
        ranks = ranks + values
    if rule.select_top is not None:
        apply(~np.isnan(ranks), f"has no {' + '.join(rule.rank_by)} to rank it by.")
    candidates = np.flatnonzero(eligible)
    # Sort by summed rank, then by code, so ties are settled the same way every time.
    order = candidates[np.lexsort((areas["area_code"].to_numpy()[candidates], ranks[candidates]))]
    selection_rank[order] = np.arange(1, order.size + 1)
    if rule.select_top is not None:
        keep = np.nan_to_num(selection_rank, nan=np.inf) <= rule.select_top
        label = " + ".join(rule.rank_by)
        position = np.array(
            [f"{r:,.0f}" if not np.isnan(r) else "" for r in selection_rank], dtype=object
        )
        apply(
            keep,
            f"met the conditions but is not among the {rule.select_top:,} most in need by {label} (position "
            + position
            + ").",
        )
    return pd.DataFrame(
        {"eligible": eligible, "reason": reason, "selection_rank": selection_rank},
        index=areas.index,
    )
