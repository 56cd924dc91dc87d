"""The knapsack rule: the proposals with the most votes in all that the budget can pay for.

An integer programme (scipy's HiGHS, with no optimality gap) finds the most votes any set of
proposals within the budget can have. Among sets with as many votes, the first proposals in the
rules' order (more votes, lower cost, then id) are taken, one decision at a time, so the result
never depends on the solver. Each decision is another programme, so the rule counts at most
:data:`KNAPSACK_LIMIT` proposals; greedy and equal shares have no such limit.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["KNAPSACK_LIMIT", "best_votes", "knapsack"]

#: The most proposals the knapsack rule counts (each takes one or two programmes).
KNAPSACK_LIMIT = 500
_TOLERANCE = 1e-7


def best_votes(
    votes: Sequence[float], costs: Sequence[float], budget: float, fixed: dict[int, int]
) -> float | None:
    """The most votes of any set within ``budget`` that funds (1) or leaves out (0) the
    proposals in ``fixed``; None if no such set fits."""
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp

    lower = np.zeros(len(votes))
    upper = np.ones(len(votes))
    for project, value in fixed.items():
        lower[project] = upper[project] = value
    result = milp(
        c=-np.asarray(votes, dtype=float),
        constraints=LinearConstraint(np.asarray([costs], dtype=float), -np.inf, budget),
        integrality=np.ones(len(votes)),
        bounds=Bounds(lower, upper),
        options={"mip_rel_gap": 0.0},
    )
    if result.status != 0:
        return None
    return float(-result.fun)


def knapsack(
    votes: Sequence[float], costs: Sequence[float], budget: float, order: Sequence[int]
) -> tuple[list[int], float]:
    """The funded proposals (numbers, in ``order``) and their total votes.

    Examples
    --------
    Budget 100: 60 + 40 (5 + 4 votes) beats 70 alone (8 votes).

    >>> knapsack([5, 4, 8], [60, 40, 70], 100, [2, 0, 1])
    ([0, 1], 9.0)
    """
    # Proposals with no votes are never funded, so they are left out of the programme.
    fixed = {p: 0 for p, v in enumerate(votes) if not v > 0}
    most = best_votes(votes, costs, budget, fixed) or 0.0
    for project in order:
        if project in fixed:
            continue
        with_it = best_votes(votes, costs, budget, {**fixed, project: 1})
        keep = with_it is not None and with_it >= most - _TOLERANCE * max(1.0, most)
        fixed[project] = 1 if keep else 0
    return [p for p in order if fixed.get(p) == 1], most
