"""Formulas: need weights, each area's share, and floors, caps and a minimum viable amount.

The core, :func:`spread_pot`, works on many scenarios at once (numpy arrays of shape
``(scenarios, areas)``), so a hundred variations of a fund over England's 7,433 wards take a
fraction of a second; one fund is simply one scenario.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from n4c.allocation.spec import Formula
from n4c.errors import InputError
from n4c.needs.transform import exponential_transform, rank

__all__ = [
    "BELOW_MINIMUM",
    "CAP",
    "FLOOR",
    "FREE",
    "Spread",
    "formula_components",
    "need_weights",
    "spread_pot",
]

FloatArray = npt.NDArray[np.float64]

#: What happened to an area's share: topped up to the floor, left as the formula gave it, cut to
#: the cap, or dropped because it fell below the minimum viable amount (its money re-spread).
FLOOR, FREE, CAP, BELOW_MINIMUM = -1, 0, 1, 2


def need_weights(areas: pd.DataFrame, formula: Formula, *, where: str = "formula") -> FloatArray:
    """Each area's need weight: the need column itself, or the exponential transform of its rank.

    A column whose name ends in ``_rank`` counts 1 as the most in need; any other column counts
    higher values as more need. Areas without a value get NaN (they cannot be funded by need).

    Examples
    --------
    >>> areas = pd.DataFrame({"imd_score": [40.0, 10.0, 25.0, np.nan]})
    >>> need_weights(areas, Formula(method="need", need_weight="exponential_rank")).round(2).tolist()
    [100.0, 9.18, 24.68, nan]
    """
    column = formula.need_column
    if column not in areas.columns:
        raise InputError(
            f'the areas table has no "{column}" column to weigh need by.',
            field=f"{where}.need_column",
            value=column,
        )
    values = pd.to_numeric(areas[column], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    is_rank = column.endswith("_rank")
    known = ~np.isnan(values)
    if formula.need_weight == "score":
        if is_rank:
            raise InputError(
                f'"{column}" is a rank (1 = most in need), not a score; set need_weight = "exponential_rank".',
                field=f"{where}.need_weight",
            )
        if (values[known] < 0).any():
            raise InputError(
                f'"{column}" is negative in {int((values[known] < 0).sum()):,} areas; need weights cannot be negative.',
                field=f"{where}.need_column",
                hint='Use need_weight = "exponential_rank" for columns that can be negative.',
            )
        return values
    result = np.full(values.shape, np.nan)
    order = values[known] if is_rank else -values[known]
    ranks = rank(order, method="average")  # 1 = most in need, ties share their average rank
    n = ranks.size
    result[known] = exponential_transform((n + 1.0 - ranks) / n)
    return result


def formula_components(
    areas: pd.DataFrame, formula: Formula, *, where: str = "formula"
) -> tuple[FloatArray, FloatArray]:
    """The formula as components and their shares: ``(components (k, n), shares (k,))``.

    Each component is normalised over the eligible areas when the pot is spread, so a 30/70
    blend gives exactly 30% of the pot by head count and 70% by need-weighted head count.
    """
    population = areas["population"].to_numpy(dtype=np.float64)
    if formula.method == "equal":
        return np.ones((1, len(areas))), np.array([1.0])
    if formula.method == "per_capita":
        return population[None, :], np.array([1.0])
    need = population * need_weights(areas, formula, where=where)
    if formula.method == "need":
        return need[None, :], np.array([1.0])
    return np.vstack([population, need]), np.array(
        [formula.per_capita_percent / 100.0, formula.need_percent / 100.0]
    )


@dataclass(frozen=True)
class Spread:
    """A pot spread over areas in each scenario: unrounded amounts and what happened to each."""

    amounts_gbp: FloatArray  # (scenarios, areas)
    formula_gbp: FloatArray  # the share before floors and caps, on the final eligible set
    scaled_gbp: FloatArray  # λ × weight: the share scaled so that, once clipped, the pot adds up
    status: npt.NDArray[np.int8]  # FLOOR, FREE, CAP or BELOW_MINIMUM; FREE for ineligible areas
    eligible: npt.NDArray[np.bool_]  # eligible and not dropped as below the minimum viable amount


def _weights(components: FloatArray, shares: FloatArray, eligible: np.ndarray) -> FloatArray:
    total = np.zeros(eligible.shape)
    for k in range(components.shape[0]):
        part = np.where(eligible, components[k], 0.0)
        sums = part.sum(axis=1, keepdims=True)
        total += shares[k][:, None] * np.divide(part, sums, out=np.zeros_like(part), where=sums > 0)
    return total


def _clamped(
    weights: FloatArray, eligible: np.ndarray, pot: FloatArray, floor: FloatArray, cap: FloatArray
) -> tuple[FloatArray, np.ndarray, FloatArray]:
    """Solve Σ clip(λ·w, floor, cap) = pot for λ in every scenario at once."""
    f, c = floor[:, None], cap[:, None]
    # Without floors or caps λ is simply pot / Σ weights; bisect only the bounded scenarios.
    total_weight = np.where(eligible, weights, 0.0).sum(axis=1)
    low = np.divide(pot, total_weight, out=np.zeros_like(pot), where=total_weight > 0)
    high = low.copy()
    bounded = np.flatnonzero((floor > 0) | np.isfinite(cap))
    if bounded.size:
        w, e, p = weights[bounded], eligible[bounded], pot[bounded]
        fb, cb = f[bounded], c[bounded]
        smallest = np.where(e & (w > 0), w, np.inf).min(axis=1)
        smallest = np.where(np.isfinite(smallest), smallest, 1.0)
        lo = np.zeros_like(p)
        hi = np.maximum(p, np.where(np.isfinite(cap[bounded]), cap[bounded], 0.0)) / smallest
        # The sum is monotone in λ, so 64 halvings pin λ to float precision.
        for _ in range(64):
            middle = (lo + hi) / 2
            spent = np.where(e, np.clip(middle[:, None] * w, fb, cb), 0.0).sum(axis=1)
            too_much = spent > p
            hi = np.where(too_much, middle, hi)
            lo = np.where(too_much, lo, middle)
        low[bounded], high[bounded] = lo, hi
    # Then solve exactly on the free areas, so the amounts add up to the pot to the penny.
    at_floor = eligible & (f > 0) & (high[:, None] * weights <= f)
    at_cap = eligible & ~at_floor & (low[:, None] * weights >= c)
    free = eligible & ~at_floor & ~at_cap
    fixed = (at_floor * f + at_cap * np.where(np.isfinite(c), c, 0.0)).sum(axis=1)
    free_weight = np.where(free, weights, 0.0).sum(axis=1)
    lam = np.divide(pot - fixed, free_weight, out=low.copy(), where=free_weight > 0)
    amounts = np.where(at_floor, f, np.where(at_cap, c, lam[:, None] * weights))
    amounts = np.where(eligible, np.clip(amounts, f, c), 0.0)
    # An area exactly at a bound (a flat stretch of the sum) is reported as held there.
    at_floor |= free & (f > 0) & (amounts <= f + 1e-6)
    at_cap |= free & ~at_floor & (amounts >= c - 1e-6)
    status = np.where(at_floor, FLOOR, np.where(at_cap, CAP, FREE)).astype(np.int8)
    scaled = np.where(eligible, lam[:, None] * weights, 0.0)
    return amounts, status, scaled


def spread_pot(
    components: npt.ArrayLike,
    shares: npt.ArrayLike,
    eligible: npt.ArrayLike,
    pot_gbp: npt.ArrayLike,
    *,
    floor_gbp: npt.ArrayLike = 0,
    cap_gbp: npt.ArrayLike | None = None,
    minimum_viable_gbp: npt.ArrayLike = 0,
    where: str = "formula",
) -> Spread:
    """Share a pot among eligible areas by formula, within floors and caps.

    Each area gets ``λ × weight`` clipped to ``[floor, cap]``, with λ chosen so the amounts add
    up to the pot; areas whose amount would fall below the minimum viable amount are dropped
    and the pot is shared again among the rest, until none falls below it.

    Parameters
    ----------
    components : array_like
        ``(k, areas)`` or ``(k, scenarios, areas)``: the formula's parts (e.g. population and
        need-weighted population); each is normalised over the eligible areas.
    shares : array_like
        ``(k,)`` or ``(k, scenarios)``: each part's share of the pot (they add up to 1).
    eligible : array_like
        ``(areas,)`` or ``(scenarios, areas)`` booleans.
    pot_gbp, floor_gbp, cap_gbp, minimum_viable_gbp : array_like
        One number, or one per scenario. ``cap_gbp`` None means no cap.
    where : str
        The TOML path of the formula, named in errors.

    Returns
    -------
    Spread
        Amounts (not yet whole pounds), the formula's share before floors and caps, each
        area's status and the final eligible set; arrays of shape ``(scenarios, areas)``.

    Raises
    ------
    InputError
        When no area is eligible, the floors need more than the pot, or the caps (and floors of
        areas with no weight) cannot spend it.

    Examples
    --------
    >>> spread = spread_pot([[1000, 2000, 7000]], [1.0], [True, True, True], 100_000,
    ...                     floor_gbp=20_000, cap_gbp=60_000)
    >>> spread.amounts_gbp.round(2).tolist()
    [[20000.0, 20000.0, 60000.0]]
    """
    eligible_now = np.atleast_2d(np.asarray(eligible, dtype=bool)).copy()
    scenarios, n = eligible_now.shape
    parts = np.asarray(components, dtype=np.float64)
    if parts.ndim == 2:
        parts = np.broadcast_to(parts[:, None, :], (parts.shape[0], scenarios, n))
    part_shares = np.asarray(shares, dtype=np.float64)
    if part_shares.ndim == 1:
        part_shares = np.broadcast_to(part_shares[:, None], (part_shares.shape[0], scenarios))

    def per_scenario(value: npt.ArrayLike | None, default: float) -> FloatArray:
        array = np.asarray(default if value is None else value, dtype=np.float64)
        return np.broadcast_to(array, (scenarios,)).astype(np.float64)

    pot = per_scenario(pot_gbp, 0.0)
    floor = per_scenario(floor_gbp, 0.0)
    cap = per_scenario(cap_gbp, np.inf)
    minimum = per_scenario(minimum_viable_gbp, 0.0)
    status = np.zeros((scenarios, n), dtype=np.int8)
    while True:
        count = eligible_now.sum(axis=1)
        if ((count == 0) & (pot > 0) & (status == BELOW_MINIMUM).any(axis=1)).any():
            s = int(np.flatnonzero((count == 0) & (pot > 0))[0])
            raise InputError(
                f"no area's share reaches the minimum viable amount £{minimum[s]:,.0f}, so the pot cannot be spent.",
                field=f"{where}.minimum_viable_gbp",
                value=minimum[s],
                hint="Lower the minimum viable amount or fund fewer areas (eligibility.select_top).",
            )
        if ((count == 0) & (pot > 0)).any():
            raise InputError(
                "no area is eligible, so the pot cannot be spent; loosen the eligibility rules.",
                field=where.replace("formula", "eligibility"),
            )
        if (count * floor > pot + 1e-6).any():
            s = int(np.flatnonzero(count * floor > pot + 1e-6)[0])
            raise InputError(
                f"floors of £{floor[s]:,.0f} for {count[s]:,} eligible areas need £{count[s] * floor[s]:,.0f}, more than the pot £{pot[s]:,.0f}.",
                field=f"{where}.floor_gbp",
                value=floor[s],
                hint="Lower the floor, raise the pot or fund fewer areas (eligibility.select_top).",
            )
        weights = _weights(parts, part_shares, eligible_now)
        spendable = np.where(
            eligible_now, np.where(weights > 0, cap[:, None], floor[:, None]), 0.0
        ).sum(axis=1)
        if (spendable < pot - 1e-6).any():
            s = int(np.flatnonzero(spendable < pot - 1e-6)[0])
            raise InputError(
                f"caps of £{cap[s]:,.0f} let {count[s]:,} eligible areas receive at most £{spendable[s]:,.0f}, less than the pot £{pot[s]:,.0f}.",
                field=f"{where}.cap_gbp",
                value=cap[s],
                hint="Raise the cap or widen eligibility.",
            )
        amounts, clamp, scaled = _clamped(weights, eligible_now, pot, floor, cap)
        below = eligible_now & (amounts < minimum[:, None] - 1e-9)
        if not below.any():
            break
        status[below] = BELOW_MINIMUM
        eligible_now &= ~below
    status = np.where(status == BELOW_MINIMUM, status, clamp).astype(np.int8)
    formula = weights * pot[:, None]
    return Spread(
        amounts_gbp=amounts,
        formula_gbp=formula,
        scaled_gbp=scaled,
        status=status,
        eligible=eligible_now,
    )
