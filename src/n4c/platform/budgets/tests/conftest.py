"""A vote in ``home`` with three proposals, and members of ``home`` and ``far`` who can sign in."""

from __future__ import annotations

import datetime as dt

import pytest

from n4c.platform.budgets import services
from n4c.platform.budgets.models import BudgetVote
from n4c.platform.people.models import Role
from n4c.platform.residents.models import Resident


@pytest.fixture
def make_member(make_person):
    def make(area, name: str = "Jo Bloggs") -> Resident:
        account = make_person(Role.PARTNERSHIP_MEMBER)
        area.partnership_members.add(account)
        return Resident.objects.create(
            area=area, full_name=name, joined_on=dt.date(2026, 1, 5), account=account
        )

    return make


@pytest.fixture
def member(home, make_member) -> Resident:
    return make_member(home)


@pytest.fixture
def make_vote(national):
    def make(area, *, phase: str = BudgetVote.Phase.VOTING, **fields) -> BudgetVote:
        settings = {"title": "Spend £1,000", "budget_gbp": 1000, **fields}
        vote = services.open_vote(national, area, **settings)
        for title, cost in [("Benches", 600), ("Bulbs", 500), ("Bins", 300)]:
            services.add_proposal(national, vote, title=title, cost_gbp=cost)
        for step in BudgetVote.Phase.values[1 : BudgetVote.Phase.values.index(phase) + 1]:
            vote = services.advance_phase(national, vote, step)
        return vote

    return make


@pytest.fixture
def vote(home, make_vote) -> BudgetVote:
    return make_vote(home)


def proposal_ids(vote: BudgetVote) -> dict[str, str]:
    """Each proposal's id by its title."""
    return {p.title: str(p.pk) for p in vote.proposals.all()}
