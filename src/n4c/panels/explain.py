"""Why each proposal won or lost, in a sentence a resident can check against the figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from n4c.panels.election import Election, Number
from n4c.panels.outcome import Completion, Outcome, Payments, ProjectResult, currency_of
from n4c.words import gettext as _
from n4c.words import ngettext, number

if TYPE_CHECKING:
    from n4c.panels.equal_shares import EqualSharesRun

__all__ = [
    "equal_shares_outcome",
    "greedy_outcome",
    "knapsack_outcome",
    "money",
    "vote_count",
    "voters_sentence",
]

_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


def money(amount: float, currency: str = "GBP") -> str:
    """An amount as a person reads it: whole units from 100 up, pence below.

    Examples
    --------
    >>> money(3000), money(7.284), money(1200.4, "EUR"), money(12, "PLN")
    ('£3,000', '£7.28', '€1,200', '12 PLN')
    """
    text = number(amount, 0 if abs(amount) >= 100 or float(amount).is_integer() else 2)
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{text}" if symbol else f"{text} {currency}"


def _general(value: float) -> str:
    """``value`` as ``:,g`` writes it (six significant figures, no trailing zeros), with its
    thousands grouped and its decimal point written the reader's way."""
    text = f"{value:g}"
    if "e" in text:
        return f"{value:,g}"
    return number(value, len(text.partition(".")[2]))


def vote_count(votes: Number) -> str:
    """A proposal's votes (or points) as a person reads them: ``7,433``, ``12.5``.

    >>> vote_count(7433), vote_count(12.5), vote_count(3.0)
    ('7,433', '12.5', '3.0')
    """
    return number(votes) if float(votes).is_integer() else _general(votes)


def _votes(votes: Number) -> str:
    if isinstance(votes, int):
        return ngettext("%(votes)s vote", "%(votes)s votes", votes) % {"votes": number(votes)}
    return _("%(points)s points") % {"points": _general(votes)}


def _no_votes() -> str:
    return _("Not funded: no votes.")


def greedy_outcome(election: Election, considered: list[tuple[str, float, bool]]) -> Outcome:
    """The greedy result, each proposal with its reason."""
    currency = currency_of(election.meta)
    votes = election.votes()
    facts = {project_id: (left, fits) for project_id, left, fits in considered}
    funded = [project_id for project_id, _, fits in considered if fits]
    results = []
    for project in election.projects:
        left, fits = facts[project.id]
        amounts = {"cost": money(project.cost, currency), "left": money(left, currency)}
        if not votes[project.id]:
            reason = _no_votes()
        elif fits:
            reason = _("Funded: %(votes)s; %(cost)s fitted in the %(left)s left.") % {
                "votes": _votes(votes[project.id]),
                **amounts,
            }
        else:
            reason = _("Not funded: %(cost)s needed, %(left)s left.") % amounts
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
            reason = _(
                "Funded: %(votes)s; part of the set with the most votes (%(best)s) the budget can "
                "pay for."
            ) % {"votes": _votes(votes[project.id]), "best": best}
        elif not votes[project.id]:
            reason = _no_votes()
        elif with_it is None:
            reason = _("Not funded: %(cost)s needed, more than the whole budget of %(budget)s.") % {
                "cost": cost,
                "budget": money(election.budget, currency),
            }
        else:
            short = most - with_it
            facts_with_it = {
                "with_it": _votes(int(with_it) if float(with_it).is_integer() else with_it),
                "short": _general(short),
                "best": best,
            }
            reason = (
                _(
                    "Not funded: with it, the most the budget can pay for is %(with_it)s, "
                    "%(short)s fewer than %(best)s."
                )
                if short > 0
                else _(
                    "Not funded: with it, the most the budget can pay for is %(with_it)s, as many "
                    "as without it (%(best)s), and proposals earlier in the order (more votes, "
                    "lower cost) came first."
                )
            ) % facts_with_it
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
    for index, project in enumerate(election.projects):
        cost, backers = money(project.cost, currency), supporters[project.id]
        facts: dict[str, object] = {"supporters": backers}
        if index in run.paid:
            paid = run.paid[index][1]
            facts |= {
                "most_paid": float(paid.max()),
                "rho": run.rho[index],
                "supporters_money": run.money_before[index],
            }
            most = float(paid.max())
            found = {
                "round": run.selected.index(index) + 1,
                "supporters": number(backers),
                "had": money(run.money_before[index], currency),
                "most": money(most, currency),
                "cost": cost,
            }
            if election.vote_type == "approval" and most > 0:
                # Cost over the most one supporter paid: as many votes as paid full price.
                found["effective"] = number(float(project.cost) / most, 1)
                reason = (
                    ngettext(
                        "Funded in round %(round)s: its %(supporters)s supporter had %(had)s left of "
                        "their share; they paid at most %(most)s of the %(cost)s (%(effective)s "
                        "effective votes).",
                        "Funded in round %(round)s: its %(supporters)s supporters had %(had)s left of "
                        "their shares; each paid at most %(most)s of the %(cost)s (%(effective)s "
                        "effective votes).",
                        backers,
                    )
                    % found
                )
            else:
                reason = (
                    ngettext(
                        "Funded in round %(round)s: its %(supporters)s supporter had %(had)s left of "
                        "their share; they paid at most %(most)s of the %(cost)s.",
                        "Funded in round %(round)s: its %(supporters)s supporters had %(had)s left of "
                        "their shares; each paid at most %(most)s of the %(cost)s.",
                        backers,
                    )
                    % found
                )
        elif project.id in completed:
            facts["by_completion"] = True
            reason = _(
                "Funded by the %(completion)s completion: %(votes)s; %(cost)s fitted in what "
                "equal shares left."
            ) % {"completion": completion, "votes": _votes(votes[project.id]), "cost": cost}
        elif not backers:
            reason = _no_votes()
        elif not float(project.cost) > 0:
            reason = _(
                "Not funded: it costs nothing, so equal shares gives its supporters nothing to pay "
                "for."
            )
        else:
            left = run.money_left.get(index, 0.0)
            facts["supporters_money"] = left
            round_out = run.out_in_round.get(index)
            short_of = {
                "cost": cost,
                "supporters": number(backers),
                "left": money(left, currency),
                "round": round_out,
                "share": money(share, currency),
            }
            if round_out and round_out > 1:
                reason = (
                    ngettext(
                        "Not funded: %(cost)s needed; its %(supporters)s supporter had %(left)s left "
                        "of their share by round %(round)s (they started with %(share)s).",
                        "Not funded: %(cost)s needed; its %(supporters)s supporters had %(left)s left "
                        "of their shares by round %(round)s (each started with %(share)s).",
                        backers,
                    )
                    % short_of
                )
            else:
                reason = (
                    ngettext(
                        "Not funded: %(cost)s needed; its %(supporters)s supporter had %(left)s left "
                        "of their share (they started with %(share)s).",
                        "Not funded: %(cost)s needed; its %(supporters)s supporters had %(left)s left "
                        "of their shares (each started with %(share)s).",
                        backers,
                    )
                    % short_of
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
    shares = ngettext(
        "The %(voters)s voter had a share of %(share)s.",
        "Each of %(voters)s voters had a share of %(share)s.",
        facts["voters"],
    ) % {"voters": number(facts["voters"]), "share": money(facts["share"], currency)}
    paid = {
        "paid": number(facts["paid_something"]),
        "average": money(facts["average_spent_by_payers"], currency),
        "whole": number(facts["spent_whole_share"]),
        "nothing": number(facts["paid_nothing"]),
    }
    spent = (
        _(
            "%(paid)s paid towards funded proposals (%(average)s each on average, %(whole)s spent "
            "their whole share); %(nothing)s paid nothing, because no proposal they voted for was "
            "funded by equal shares."
        )
        if facts["paid_nothing"]
        else _(
            "%(paid)s paid towards funded proposals (%(average)s each on average, %(whole)s spent "
            "their whole share)."
        )
    ) % paid
    return f"{shares} {spent}"
