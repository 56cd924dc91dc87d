"""The method of equal shares, counted with numpy so that large votes count in seconds.

Each voter gets an equal share of the budget. Round by round, the proposal whose supporters can
pay for it most cheaply for what they get is funded: each supporter pays the same amount per
unit of utility (ρ), or everything they have left if that is less. A proposal whose supporters
together have less than its cost left is out. The count stops when no proposal can be paid for.

Utilities are cost utilities for approval ballots (a supporter gets the proposal's cost from it,
so every supporter pays the same amount) and the points given for scoring and cumulative ones,
as in pabutools' ``Cost_Sat`` and ``Additive_Cardinal_Sat``; pabutools is the reference the
tests compare with. Money is counted in floating point; two values of ρ within a billionth of
each other are a tie, broken by the rule's order (more votes, lower cost, then id).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

__all__ = ["EqualSharesRun", "Supporters", "count_equal_shares"]

#: Relative tolerance for money and for ties in ρ: far below a penny on any real budget.
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Supporters:
    """Who supports a proposal (voter numbers) and the utility each gets from it."""

    voters: np.ndarray
    utilities: np.ndarray


@dataclass
class EqualSharesRun:
    """One count: the proposals funded in order, with ρ and each supporter's payment."""

    share: float
    selected: list[int] = field(default_factory=list)
    rho: dict[int, float] = field(default_factory=dict)
    #: For each funded proposal, the voters who paid and what each paid.
    paid: dict[int, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    #: For each proposal left out, what its supporters had left when it was found unaffordable
    #: (or at the end), and in which round.
    money_left: dict[int, float] = field(default_factory=dict)
    out_in_round: dict[int, int] = field(default_factory=dict)
    #: What each supporter of a funded proposal had left just before it was funded.
    money_before: dict[int, float] = field(default_factory=dict)
    left: np.ndarray = field(default_factory=lambda: np.zeros(0))


def _rho(budgets: np.ndarray, utilities: np.ndarray, cost: float) -> float:
    """The least ρ at which ``sum(min(budget, ρ × utility))`` reaches ``cost``."""
    ratio = budgets / utilities
    order = np.argsort(ratio, kind="stable")
    ratio, budgets, utilities = ratio[order], budgets[order], utilities[order]
    paid_in_full_before = np.concatenate(([0.0], np.cumsum(budgets)[:-1]))
    utility_from_here = np.cumsum(utilities[::-1])[::-1]
    candidates = (cost - paid_in_full_before) / utility_from_here
    fits = candidates <= ratio * (1 + TOLERANCE)
    if not fits.any():  # rounding: everyone pays all they have, which is the cost
        return float(ratio[-1])
    return float(max(candidates[int(np.argmax(fits))], 0.0))


def count_equal_shares(
    costs: Sequence[float],
    supporters: Sequence[Supporters],
    voters: int,
    share: float,
    tie_order: Sequence[int],
    *,
    funded: Sequence[int] = (),
) -> EqualSharesRun:
    """Count by equal shares.

    Parameters
    ----------
    costs
        Each proposal's cost.
    supporters
        Each proposal's supporters, as voter numbers ``0 .. voters - 1``, with their utilities.
    voters
        How many voters there are.
    share
        Each voter's share of the budget.
    tie_order
        Each proposal's place in the tie order: a lower place wins a tie.
    funded
        Proposals already funded, left out of the count.

    Returns
    -------
    EqualSharesRun
        The proposals funded in order (their numbers), with ρ and the payments.

    Examples
    --------
    Three voters with £100 each; proposal 0 (£150) has two supporters, proposal 1 (£200) one.

    >>> one = Supporters(np.array([0, 1]), np.array([150.0, 150.0]))
    >>> two = Supporters(np.array([2]), np.array([200.0]))
    >>> run = count_equal_shares([150.0, 200.0], [one, two], 3, 100.0, [0, 1])
    >>> run.selected, [float(x) for x in run.paid[0][1]], run.money_left
    ([0], [75.0, 75.0], {1: 100.0})
    """
    left = np.full(voters, float(share))
    run = EqualSharesRun(share=float(share), left=left)
    lower: dict[int, float] = {}
    for project, backing in enumerate(supporters):
        total = float(backing.utilities.sum()) if backing.voters.size else 0.0
        if project not in funded and total > 0:
            lower[project] = costs[project] / total
    while lower:
        best = np.inf
        tied: list[int] = []
        for project in sorted(lower, key=lower.__getitem__):
            if lower[project] > best * (1 + TOLERANCE):
                break
            backing = supporters[project]
            budgets = left[backing.voters]
            money = float(budgets.sum())
            if money < costs[project] * (1 - TOLERANCE):
                del lower[project]
                run.money_left[project] = money
                run.out_in_round[project] = len(run.selected) + 1
                continue
            rho = _rho(budgets, backing.utilities, costs[project])
            lower[project] = rho
            if rho < best * (1 - TOLERANCE):
                best, tied = rho, [project]
            elif rho <= best * (1 + TOLERANCE):
                tied.append(project)
        if not tied:
            break
        chosen = min(tied, key=tie_order.__getitem__)
        backing = supporters[chosen]
        budgets = left[backing.voters]
        payments = np.minimum(budgets, lower[chosen] * backing.utilities)
        left[backing.voters] = budgets - payments
        paying = payments > 0
        run.selected.append(chosen)
        run.rho[chosen] = lower.pop(chosen)
        run.paid[chosen] = (backing.voters[paying], payments[paying])
        run.money_before[chosen] = float(budgets.sum())
    for project in lower:  # only when no proposal was left to fund
        run.money_left[project] = float(left[supporters[project].voters].sum())
    return run
