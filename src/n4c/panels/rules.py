"""Count a participatory budgeting vote by a chosen rule, and say why each proposal won or lost.

- ``greedy``: proposals in descending order of votes (ties: lower cost, then id), each funded if
  its cost fits in what is left of the budget.
- ``knapsack``: the proposals with the most votes in all that the budget can pay for
  (:mod:`n4c.panels.knapsack`; at most 500 proposals).
- ``equal-shares``: the method of equal shares (:mod:`n4c.panels.equal_shares`), with no
  completion unless one is named: ``add1`` counts again with each voter's share one unit of
  money larger while the result still fits the budget and could still take another proposal;
  ``utilitarian`` then funds the remaining proposals greedily by votes for their cost.

A proposal nobody voted for is never funded. Votes are ballots naming a proposal, or the points
given to it for scoring and cumulative ballots.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, get_args

from n4c.errors import InputError
from n4c.panels import explain
from n4c.panels.election import Election, id_order
from n4c.panels.outcome import Completion, Outcome, Rule

if TYPE_CHECKING:
    from n4c.panels.equal_shares import EqualSharesRun

__all__ = ["COMPLETIONS", "RULES", "Completion", "Rule", "count", "tie_order"]

RULES: tuple[Rule, ...] = get_args(Rule)
#: The most times add1 raises the voters' share before it gives up.
ADD1_LIMIT = 10_000
COMPLETIONS: tuple[Completion, ...] = get_args(Completion)


def tie_order(election: Election) -> dict[str, tuple[Any, ...]]:
    """Each proposal's sort key for the rules: more votes first, then lower cost, then id."""
    votes = election.votes()
    return {p.id: (-votes[p.id], p.cost, id_order(p.id)) for p in election.projects}


def count(
    election: Election, *, rule: Rule = "greedy", completion: Completion | None = None
) -> Outcome:
    """Count the ballots by ``rule`` and explain each proposal's result.

    Parameters
    ----------
    election
        The budget, proposals and ballots.
    rule
        ``"greedy"``, ``"knapsack"`` or ``"equal-shares"``.
    completion
        For equal shares only: ``"add1"`` or ``"utilitarian"`` to spend what equal shares
        leaves; None (the default) for none.

    Returns
    -------
    Outcome
        The funded proposals in order, the money spent and every proposal's reason.

    Raises
    ------
    InputError
        An unknown rule or completion, a completion with a rule other than equal shares,
        knapsack on more than 500 proposals, or equal shares on ranked ballots.

    Examples
    --------
    >>> from n4c.panels import Ballot, Project
    >>> election = Election(
    ...     1_000,
    ...     "approval",
    ...     (Project("1", 600), Project("2", 500), Project("3", 300)),
    ...     (Ballot.approval("a", ["1", "3"]), Ballot.approval("b", ["1"]),
    ...      Ballot.approval("c", ["2"])),
    ... )
    >>> outcome = count(election, rule="greedy")
    >>> outcome.selected, outcome.spent
    (('1', '3'), 900)
    >>> outcome.projects[1].reason
    'Not funded: £500 needed, £100 left.'
    """
    if rule not in RULES:
        raise InputError(
            f'"{rule}" is not a counting rule; choose {", ".join(RULES[:-1])} or {RULES[-1]}.',
            field="rule",
            value=rule,
        )
    if completion is not None and completion not in COMPLETIONS:
        raise InputError(
            f'"{completion}" is not a completion; choose {" or ".join(COMPLETIONS)}.',
            field="completion",
            value=completion,
        )
    if rule != "equal-shares" and completion is not None:
        raise InputError(
            f"{rule} spends all it can already, so it takes no completion.",
            field="completion",
            value=completion,
        )
    if rule == "greedy":
        return explain.greedy_outcome(election, _greedy(election))
    if rule == "knapsack":
        return explain.knapsack_outcome(election, *_knapsack(election))
    if election.vote_type == "ordinal":
        raise InputError(
            "equal shares needs approval, scoring or cumulative ballots, not ranked ones.",
            field="rule",
            value=rule,
        )
    return explain.equal_shares_outcome(election, *_equal_shares(election, completion))


def _greedy(election: Election) -> list[tuple[str, float, bool]]:
    """Proposals in the order considered: (id, budget left before, funded)."""
    votes = election.votes()
    order = tie_order(election)
    left = float(election.budget)
    considered = []
    for project in sorted(election.projects, key=lambda p: order[p.id]):
        fits = votes[project.id] > 0 and project.cost <= left * (1 + 1e-12)
        considered.append((project.id, left, fits))
        if fits:
            left -= project.cost
    return considered


def _knapsack(election: Election) -> tuple[list[str], float, dict[str, float | None]]:
    """The funded proposals, their total votes and, for each left out, the best with it."""
    from n4c.panels.knapsack import KNAPSACK_LIMIT, best_votes, knapsack

    if len(election.projects) > KNAPSACK_LIMIT:
        raise InputError(
            f"knapsack counts at most {KNAPSACK_LIMIT:,} proposals and this vote has "
            f"{len(election.projects):,}; count it by greedy or equal-shares.",
            field="rule",
            value="knapsack",
        )
    votes = election.votes()
    values = [float(votes[p.id]) for p in election.projects]
    costs = [float(p.cost) for p in election.projects]
    order = tie_order(election)
    numbers = {p.id: n for n, p in enumerate(election.projects)}
    ranked = [numbers[i] for i in sorted(order, key=order.__getitem__)]
    chosen, most = knapsack(values, costs, float(election.budget), ranked)
    unvoted = {n: 0 for n, v in enumerate(values) if not v > 0}
    best_with = {
        p.id: best_votes(values, costs, float(election.budget), {**unvoted, n: 1})
        for n, p in enumerate(election.projects)
        if n not in chosen and n not in unvoted
    }
    return [election.projects[n].id for n in chosen], most, best_with


def _equal_shares(
    election: Election, completion: Completion | None
) -> tuple[EqualSharesRun, list[str], Completion | None]:
    """The equal shares run, then any proposals the completion funded, in order."""
    import numpy as np

    from n4c.panels.equal_shares import Supporters, count_equal_shares

    index = {p.id: number for number, p in enumerate(election.projects)}
    costs = [float(p.cost) for p in election.projects]
    voters: list[list[int]] = [[] for _ in election.projects]
    weights: list[list[float]] = [[] for _ in election.projects]
    approval = election.vote_type == "approval"
    for number, ballot in enumerate(election.ballots):
        for project_id, weight in ballot.weights().items():
            project = index[project_id]
            utility = costs[project] if approval else float(weight)
            if utility > 0:
                voters[project].append(number)
                weights[project].append(utility)
    supporters = [
        Supporters(np.array(v, dtype=np.int64), np.array(w, dtype=np.float64))
        for v, w in zip(voters, weights, strict=True)
    ]
    order = tie_order(election)
    ranked = sorted(order, key=order.__getitem__)
    places = {project_id: place for place, project_id in enumerate(ranked)}
    tie_places = [places[p.id] for p in election.projects]
    n = len(election.ballots)
    budget = float(election.budget)

    def run(share: float) -> EqualSharesRun:
        return count_equal_shares(costs, supporters, n, share, tie_places)

    result = run(budget / n if n else 0.0)
    if completion == "add1" and n:
        supported = [p for p, s in enumerate(supporters) if s.voters.size]
        for counted in itertools.count():
            spent = sum(costs[p] for p in result.selected)
            taken = set(result.selected)
            if not any(p not in taken and spent + costs[p] <= budget for p in supported):
                break
            if counted == ADD1_LIMIT:
                raise InputError(
                    f"add1 stopped after raising each voter's share {ADD1_LIMIT:,} times, one "
                    "unit of money at a time, without using up the budget; few voters share a "
                    "large budget here. Use the utilitarian completion instead.",
                    field="completion",
                    value=completion,
                )
            larger = run(result.share + 1)
            if sum(costs[p] for p in larger.selected) > budget:
                break
            result = larger
    extra: list[str] = []
    if completion == "utilitarian":
        spent = sum(costs[p] for p in result.selected)
        taken = set(result.selected)
        density = {
            p: s.utilities.sum() / costs[p] if costs[p] > 0 else np.inf
            for p, s in enumerate(supporters)
            if s.voters.size and p not in taken
        }
        for project in sorted(density, key=lambda p: (-density[p], tie_places[p])):
            if costs[project] <= budget - spent:
                extra.append(election.projects[project].id)
                spent += costs[project]
    return result, extra, completion
