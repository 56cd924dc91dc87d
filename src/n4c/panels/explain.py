"""Why each proposal won or lost, in a sentence a resident can check against the figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from n4c.panels.election import Election, Number
from n4c.panels.outcome import Completion, Outcome, Payments, ProjectResult, currency_of

if TYPE_CHECKING:
    from n4c.panels.equal_shares import EqualSharesRun

__all__ = ["equal_shares_outcome", "greedy_outcome", "knapsack_outcome", "money", "voters_sentence"]

_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


def money(amount: float, currency: str = "GBP") -> str:
    """An amount as a person reads it: whole units from 100 up, pence below.

    Examples
    --------
    >>> money(3000), money(7.284), money(1200.4, "EUR"), money(12, "PLN")
    ('£3,000', '£7.28', '€1,200', '12 PLN')
    """
    text = (
        f"{amount:,.0f}" if abs(amount) >= 100 or float(amount).is_integer() else f"{amount:,.2f}"
    )
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{text}" if symbol else f"{text} {currency}"


def _votes(votes: Number) -> str:
    return (
        f"{votes:,} vote{'s' if votes != 1 else ''}"
        if isinstance(votes, int)
        else f"{votes:,g} points"
    )


def greedy_outcome(election: Election, considered: list[tuple[str, float, bool]]) -> Outcome:
    """The greedy result, each proposal with its reason."""
    currency = currency_of(election.meta)
    votes = election.votes()
    facts = {project_id: (left, fits) for project_id, left, fits in considered}
    funded = [project_id for project_id, _, fits in considered if fits]
    results = []
    for project in election.projects:
        left, fits = facts[project.id]
        if not votes[project.id]:
            reason = "Not funded: no votes."
        elif fits:
            reason = (
                f"Funded: {_votes(votes[project.id])}; {money(project.cost, currency)} fitted in "
                f"the {money(left, currency)} left."
            )
        else:
            reason = (
                f"Not funded: {money(project.cost, currency)} needed, {money(left, currency)} left."
            )
        results.append(
            ProjectResult(
                project.id,
                project.name,
                project.cost,
                votes[project.id],
                fits,
                reason,
                funded_in=funded.index(project.id) + 1 if fits else None,
                left_before=left,
            )
        )
    return Outcome(
        "greedy",
        None,
        election.budget,
        tuple(funded),
        sum(election.project(p).cost for p in funded),
        tuple(results),
        currency,
    )


def knapsack_outcome(
    election: Election, funded: list[str], most: float, best_with: dict[str, float | None]
) -> Outcome:
    """The knapsack result, each proposal with its reason."""
    currency = currency_of(election.meta)
    votes = election.votes()
    best = _votes(int(most) if float(most).is_integer() else most)
    results = []
    for project in election.projects:
        cost = money(project.cost, currency)
        with_it = best_with.get(project.id)
        if project.id in funded:
            reason = f"Funded: {_votes(votes[project.id])}; part of the set with the most votes ({best}) the budget can pay for."
        elif not votes[project.id]:
            reason = "Not funded: no votes."
        elif with_it is None:
            reason = f"Not funded: {cost} needed, more than the whole budget of {money(election.budget, currency)}."
        else:
            short = most - with_it
            reason = (
                f"Not funded: with it, the most the budget can pay for is "
                f"{_votes(int(with_it) if float(with_it).is_integer() else with_it)}, "
                + (
                    f"{short:,g} fewer than {best}."
                    if short > 0
                    else f"as many as without it ({best}), and proposals earlier in the order (more votes, lower cost) came first."
                )
            )
        results.append(
            ProjectResult(
                project.id,
                project.name,
                project.cost,
                votes[project.id],
                project.id in funded,
                reason,
                funded_in=funded.index(project.id) + 1 if project.id in funded else None,
                best_votes_with_it=with_it,
            )
        )
    return Outcome(
        "knapsack",
        None,
        election.budget,
        tuple(funded),
        sum(election.project(p).cost for p in funded),
        tuple(results),
        currency,
    )


def equal_shares_outcome(
    election: Election, run: EqualSharesRun, completed: list[str], completion: Completion | None
) -> Outcome:
    """The equal shares result, each proposal with its reason, and the voters' payments."""
    import numpy as np

    currency = currency_of(election.meta)
    votes = election.votes()
    supporters = dict.fromkeys((p.id for p in election.projects), 0)
    for ballot in election.ballots:
        for project_id, weight in ballot.weights().items():
            supporters[project_id] += weight > 0
    funded = [election.projects[p].id for p in run.selected] + completed
    share = run.share
    results = []
    for number, project in enumerate(election.projects):
        cost, backers = money(project.cost, currency), supporters[project.id]
        facts: dict[str, object] = {"supporters": backers}
        if number in run.paid:
            paid = run.paid[number][1]
            facts |= {
                "most_paid": float(paid.max()),
                "rho": run.rho[number],
                "supporters_money": run.money_before[number],
            }
            most = float(paid.max())
            reason = (
                f"Funded in round {run.selected.index(number) + 1}: its {backers:,} supporters "
                f"had {money(run.money_before[number], currency)} left of their shares; each "
                f"paid at most {money(most, currency)} of the {cost}"
            )
            if election.vote_type == "approval" and most > 0:
                # Cost over the most one supporter paid: as many votes as paid full price.
                reason += f" ({float(project.cost) / most:,.1f} effective votes)"
            reason += "."
        elif project.id in completed:
            facts["by_completion"] = True
            reason = (
                f"Funded by the {completion} completion: {_votes(votes[project.id])}; {cost} "
                "fitted in what equal shares left."
            )
        elif not backers:
            reason = "Not funded: no votes."
        elif not float(project.cost) > 0:
            reason = "Not funded: it costs nothing, so equal shares gives its supporters nothing to pay for."
        else:
            left = run.money_left.get(number, 0.0)
            facts["supporters_money"] = left
            round_out = run.out_in_round.get(number)
            when = f" by round {round_out}" if round_out and round_out > 1 else ""
            reason = (
                f"Not funded: {cost} needed; its {backers:,} supporters had "
                f"{money(left, currency)} left of their shares{when} "
                f"(each started with {money(share, currency)})."
            )
        results.append(
            ProjectResult(
                project.id,
                project.name,
                project.cost,
                votes[project.id],
                project.id in funded,
                reason,
                funded_in=funded.index(project.id) + 1 if project.id in funded else None,
                **facts,  # type: ignore[arg-type]
            )
        )
    order = list(run.selected)
    voters = [run.paid[p][0] for p in order]
    payments = Payments(
        voter_ids=tuple(b.voter_id for b in election.ballots),
        project_ids=tuple(election.projects[p].id for p in order),
        share=share,
        voters=np.concatenate(voters) if voters else np.zeros(0, dtype=np.int64),
        projects=np.repeat(np.arange(len(order)), [len(v) for v in voters]),
        amounts=np.concatenate([run.paid[p][1] for p in order]) if order else np.zeros(0),
    )
    return Outcome(
        "equal-shares",
        completion,
        election.budget,
        tuple(funded),
        sum(election.project(p).cost for p in funded),
        tuple(results),
        currency,
        payments,
    )


def voters_sentence(payments: Payments, currency: str = "GBP") -> str:
    """What the voters' shares paid for, summarised in two sentences."""
    facts = payments.summary()
    share = money(facts["share"], currency)
    text = (
        f"Each of {facts['voters']:,} voters had a share of {share}. "
        f"{facts['paid_something']:,} paid towards funded proposals "
        f"({money(facts['average_spent_by_payers'], currency)} each on average, "
        f"{facts['spent_whole_share']:,} spent their whole share)"
    )
    if facts["paid_nothing"]:
        text += (
            f"; {facts['paid_nothing']:,} paid nothing, because no proposal they voted for "
            "was funded by equal shares"
        )
    return text + "."
