"""Comparing funds: this fund, other funds and simulated competitive bidding, side by side.

Each scenario is an amount per area; the comparison is each scenario's fairness measures (one
row per scenario) and its fairness report by group, which the chart draws. The bidding
scenario spends the same pot in awards of the fund's average amount per funded area.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from n4c.allocation.allocations import Allocation
from n4c.allocation.bidding import simulate_bidding
from n4c.allocation.fairness import fairness_groups, fairness_measures

__all__ = ["BIDDING_SCENARIO", "Comparison", "bidding_amounts", "compare_scenarios"]

#: The name of the simulated competitive-bidding scenario.
BIDDING_SCENARIO = "Competitive bidding (simulated)"


@dataclass(frozen=True)
class Comparison:
    """Fairness of several scenarios over the same areas.

    ``measures`` has one row per scenario (indexed by its name) with the columns of
    :func:`~n4c.allocation.fairness.fairness_measures`; ``reports`` holds each scenario's
    :func:`~n4c.allocation.fairness.fairness_groups` table.
    """

    measures: pd.DataFrame
    reports: dict[str, pd.DataFrame]


def bidding_amounts(
    allocation: Allocation, *, capacity_strength: float = 3.0, seed: int = 0
) -> npt.NDArray[np.int64]:
    """What the same pot gives each area under simulated competitive bidding.

    Awards are the fund's average amount per funded area, so bidding funds about as many
    areas as the fund does; see :func:`~n4c.allocation.bidding.simulate_bidding`.
    """
    table = allocation.table
    funded = int((table["total"] > 0).sum())
    award = max(allocation.pot_gbp // max(funded, 1), 1)
    return simulate_bidding(
        table, allocation.pot_gbp, award, capacity_strength=capacity_strength, seed=seed
    )


def compare_scenarios(scenarios: Mapping[str, npt.ArrayLike], areas: pd.DataFrame) -> Comparison:
    """Fairness measures and group reports for each scenario's amounts over ``areas``.

    Examples
    --------
    >>> areas = pd.DataFrame({"population": [1000, 1000], "imd_rank": [1, 2],
    ...     "imd_decile": [1, 2], "imd_score": [60.0, 20.0], "left_behind": [True, False]})
    >>> comparison = compare_scenarios({"need": [900, 100], "equal": [500, 500]}, areas)
    >>> comparison.measures.index.tolist()
    ['need', 'equal']
    """
    amounts = {name: np.asarray(values) for name, values in scenarios.items()}
    reports = {name: fairness_groups(values, areas) for name, values in amounts.items()}
    measures = pd.concat(
        [
            fairness_measures(values, areas).assign(scenario=name)
            for name, values in amounts.items()
        ],
        ignore_index=True,
    ).set_index("scenario")
    return Comparison(measures=measures, reports=reports)
