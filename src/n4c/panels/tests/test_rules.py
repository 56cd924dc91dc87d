"""Greedy and equal shares give pabutools' results, on hand-worked votes and random ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pabutools.election import (
    Additive_Cardinal_Sat,
    ApprovalBallot,
    ApprovalProfile,
    Cardinality_Sat,
    Cost_Sat,
    CumulativeBallot,
    CumulativeProfile,
    Instance,
)
from pabutools.election import Project as PabuProject
from pabutools.rules import (
    completion_by_rule_combination,
    greedy_utilitarian_welfare,
    max_additive_utilitarian_welfare,
    method_of_equal_shares,
)
from pabutools.tiebreaking import TieBreakingRule

from n4c.errors import InputError
from n4c.panels import Ballot, Election, Project, count, read_pb, tie_order

FILES = Path(__file__).parent / "files"


def _three_voters() -> Election:
    """Three voters with £100 each: A (£200) for v1 and v2, B (£100) for v3, C (£150) for all."""
    return Election(
        300,
        "approval",
        (Project("A", 200), Project("B", 100), Project("C", 150)),
        (
            Ballot.approval("v1", ["A", "C"]),
            Ballot.approval("v2", ["A", "C"]),
            Ballot.approval("v3", ["B", "C"]),
        ),
    )


def test_greedy_funds_by_votes_and_skips_what_does_not_fit() -> None:
    outcome = count(_three_voters(), rule="greedy")
    assert outcome.selected == ("C", "B")
    assert outcome.spent == 250
    reasons = {p.id: p.reason for p in outcome.projects}
    assert reasons == {
        "A": "Not funded: £200 needed, £150 left.",
        "B": "Funded: 1 vote; £100 fitted in the £150 left.",
        "C": "Funded: 3 votes; £150 fitted in the £300 left.",
    }


def test_greedy_breaks_ties_by_lower_cost_then_id() -> None:
    election = Election(
        140,
        "approval",
        (Project("10", 50), Project("2", 50), Project("3", 40), Project("4", 60)),
        (Ballot.approval("a", ["10", "2", "3", "4"]),),
    )
    assert count(election).selected == ("3", "2", "10")


def test_equal_shares_by_hand() -> None:
    """C costs each voter £50 (ρ = 1/3), cheaper for what it gives than A (£100 each, ρ = 1/2);
    then v1 and v2 have £100 left for A's £200 and v3 £50 for B's £100, so nothing else."""
    outcome = count(_three_voters(), rule="equal-shares")
    assert outcome.selected == ("C",)
    assert outcome.spent == 150
    results = {p.id: p for p in outcome.projects}
    assert results["C"].most_paid == pytest.approx(50)
    assert results["C"].rho == pytest.approx(1 / 3)
    assert results["A"].supporters_money == pytest.approx(100)
    assert results["C"].reason == (
        "Funded in round 1: its 3 supporters had £300 left of their shares; each paid at most "
        "£50 of the £150 (3.0 effective votes)."
    )
    assert results["A"].reason == (
        "Not funded: £200 needed; its 2 supporters had £100 left of their shares by round 2 "
        "(each started with £100)."
    )
    assert results["B"].reason == (
        "Not funded: £100 needed; its 1 supporter had £50 left of their share by round 2 "
        "(they started with £100)."
    )
    assert outcome.payments is not None
    assert sorted(outcome.payments.rows()) == [("v1", "C", 50), ("v2", "C", 50), ("v3", "C", 50)]
    assert outcome.payments.summary() == {
        "voters": 3,
        "share": 100.0,
        "paid_something": 3,
        "paid_nothing": 0,
        "spent_whole_share": 0,
        "spent": 150.0,
        "average_spent_by_payers": 50.0,
        "most_proposals_paid_for": 1,
    }


def test_the_completions_spend_what_equal_shares_leaves() -> None:
    utilitarian = count(_three_voters(), rule="equal-shares", completion="utilitarian")
    assert utilitarian.selected == ("C", "B")
    assert {p.id: p.by_completion for p in utilitarian.projects} == {
        "A": False,
        "B": True,
        "C": False,
    }
    # add1 stops at the largest share whose result still fits the budget.
    add1 = count(_three_voters(), rule="equal-shares", completion="add1")
    assert add1.spent <= 300
    assert add1.selected == _pabutools_mes(_three_voters(), add1=True)


def test_add1_gives_up_when_a_few_voters_share_a_large_budget(monkeypatch) -> None:
    from n4c.panels import rules

    monkeypatch.setattr(rules, "ADD1_LIMIT", 50)
    election = Election(
        1_000_000,
        "approval",
        (Project("1", 600_000), Project("2", 300_000)),
        (Ballot.approval("a", ["1"]), Ballot.approval("b", ["2"])),
    )
    with pytest.raises(InputError, match="add1 stopped after raising each voter's share 50 times"):
        count(election, rule="equal-shares", completion="add1")


def test_unknown_rules_and_unsuitable_ballots_are_refused() -> None:
    with pytest.raises(
        InputError,
        match=r'"borda" is not a counting rule; choose greedy, knapsack or equal-shares\.',
    ):
        count(_three_voters(), rule="borda")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="greedy spends all it can already"):
        count(_three_voters(), rule="greedy", completion="add1")
    ordinal = read_pb(FILES / "ordinal.pb")
    with pytest.raises(InputError, match="equal shares needs approval, scoring or cumulative"):
        count(ordinal, rule="equal-shares")
    assert count(ordinal, rule="greedy").selected == ("3", "2")


def _pabutools(election: Election) -> tuple[Instance, object, dict[str, PabuProject]]:
    """The same vote in pabutools, without proposals nobody voted for (n4c never funds them)."""
    votes = election.votes()
    projects = {p.id: PabuProject(p.id, p.cost) for p in election.projects if votes[p.id] > 0}
    instance = Instance(projects.values(), budget_limit=election.budget)
    if election.vote_type == "approval":
        profile: object = ApprovalProfile(
            [ApprovalBallot({projects[i] for i in b.projects}) for b in election.ballots]
        )
    else:
        profile = CumulativeProfile(
            [
                CumulativeBallot({projects[i]: w for i, w in b.weights().items()})
                for b in election.ballots
            ]
        )
    return instance, profile, projects


def _ties(election: Election) -> TieBreakingRule:
    order = tie_order(election)
    return TieBreakingRule(lambda instance, profile, project: order[project.name])


def _sat(election: Election) -> type:
    return Cost_Sat if election.vote_type == "approval" else Additive_Cardinal_Sat


def _pabutools_greedy(election: Election) -> tuple[str, ...]:
    instance, profile, _ = _pabutools(election)
    # Cost utilities make pabutools' welfare per pound the number of approvals.
    chosen = greedy_utilitarian_welfare(
        instance, profile, sat_class=Cost_Sat, tie_breaking=_ties(election)
    )
    return tuple(p.name for p in chosen)


def _pabutools_mes(
    election: Election, *, add1: bool = False, utilitarian: bool = False
) -> tuple[str, ...]:
    instance, profile, _ = _pabutools(election)
    options = {"sat_class": _sat(election), "tie_breaking": _ties(election)}
    if utilitarian:
        chosen = completion_by_rule_combination(
            instance,
            profile,
            [method_of_equal_shares, greedy_utilitarian_welfare],
            [options, options],
        )
    else:
        chosen = method_of_equal_shares(
            instance, profile, voter_budget_increment=1 if add1 else None, **options
        )
    return tuple(p.name for p in chosen)


@st.composite
def elections(draw: st.DrawFn, vote_type: str = "approval") -> Election:
    count_projects = draw(st.integers(1, 8))
    ids = [str(number) for number in range(1, count_projects + 1)]
    projects = tuple(Project(i, draw(st.integers(1, 60))) for i in ids)
    ballots = []
    for voter in range(draw(st.integers(1, 12))):
        chosen = draw(st.lists(st.sampled_from(ids), unique=True, max_size=count_projects))
        if vote_type == "approval":
            ballots.append(Ballot.approval(f"v{voter}", chosen))
        else:
            ballots.append(Ballot.scores(f"v{voter}", {i: draw(st.integers(1, 5)) for i in chosen}))
    return Election(draw(st.integers(1, 200)), vote_type, projects, tuple(ballots))  # type: ignore[arg-type]


@given(elections())
@settings(max_examples=200, deadline=None)
def test_greedy_agrees_with_pabutools(election: Election) -> None:
    assert count(election, rule="greedy").selected == _pabutools_greedy(election)


@given(elections())
@settings(max_examples=200, deadline=None)
def test_equal_shares_agrees_with_pabutools_on_approval_ballots(election: Election) -> None:
    assert count(election, rule="equal-shares").selected == _pabutools_mes(election)


@given(elections(vote_type="cumulative"))
@settings(max_examples=150, deadline=None)
def test_equal_shares_agrees_with_pabutools_on_cumulative_ballots(election: Election) -> None:
    assert count(election, rule="equal-shares").selected == _pabutools_mes(election)


@given(elections())
@settings(max_examples=100, deadline=None)
def test_the_add1_completion_agrees_with_pabutools(election: Election) -> None:
    outcome = count(election, rule="equal-shares", completion="add1")
    assert outcome.selected == _pabutools_mes(election, add1=True)


@given(elections())
@settings(max_examples=150, deadline=None)
def test_the_utilitarian_completion_agrees_with_pabutools(election: Election) -> None:
    outcome = count(election, rule="equal-shares", completion="utilitarian")
    assert outcome.selected == _pabutools_mes(election, utilitarian=True)


@given(elections())
@settings(max_examples=100, deadline=None)
def test_equal_shares_never_overspends_and_nobody_pays_more_than_their_share(
    election: Election,
) -> None:
    outcome = count(election, rule="equal-shares")
    assert outcome.spent <= election.budget
    assert outcome.payments is not None
    spent = outcome.payments.spent_by_voter()
    assert (spent <= outcome.payments.share * (1 + 1e-9)).all()
    assert spent.sum() == pytest.approx(outcome.spent)


def test_the_formats_example_is_counted_as_pabutools_counts_it() -> None:
    election = read_pb(FILES / "wieliczka_approval.pb")
    assert count(election, rule="greedy").selected == _pabutools_greedy(election)
    assert count(election, rule="equal-shares").selected == _pabutools_mes(election)


def test_knapsack_finds_the_most_votes_the_budget_can_buy() -> None:
    """Greedy takes C (3 votes) and B; A and B together have 3 votes too but cost £300, so
    the best within £300 is C with B (4 votes) and A is left out, 1 vote short with it."""
    outcome = count(_three_voters(), rule="knapsack")
    assert outcome.selected == ("C", "B")
    reasons = {p.id: p.reason for p in outcome.projects}
    assert reasons["A"] == (
        "Not funded: with it, the most the budget can pay for is 3 votes, 1 fewer than 4 votes."
    )
    assert reasons["C"] == (
        "Funded: 3 votes; part of the set with the most votes (4 votes) the budget can pay for."
    )


def test_knapsack_breaks_ties_between_equally_good_sets_by_the_rules_order() -> None:
    election = Election(
        100,
        "approval",
        (Project("1", 100), Project("2", 50), Project("3", 50)),
        (Ballot.approval("a", ["1", "2"]), Ballot.approval("b", ["1", "3"])),
    )
    # {1} and {2, 3} both have 2 votes; 1 comes first in the order (more votes).
    assert count(election, rule="knapsack").selected == ("1",)


def test_knapsack_refuses_more_proposals_than_it_can_count() -> None:
    projects = tuple(Project(str(i), 1) for i in range(501))
    election = Election(10, "approval", projects, (Ballot.approval("a", ["1"]),))
    with pytest.raises(
        InputError, match="knapsack counts at most 500 proposals and this vote has 501"
    ):
        count(election, rule="knapsack")


@given(elections())
@settings(max_examples=100, deadline=None)
def test_knapsack_has_as_many_votes_as_pabutools_best(election: Election) -> None:
    outcome = count(election, rule="knapsack")
    assert outcome.spent <= election.budget
    instance, profile, _ = _pabutools(election)
    if not len(instance):  # pabutools cannot count a vote in which nobody voted for anything
        assert outcome.selected == ()
        return
    best = max_additive_utilitarian_welfare(instance, profile, sat_class=Cardinality_Sat)
    votes = election.votes()
    assert sum(votes[i] for i in outcome.selected) == sum(votes[p.name] for p in best)
