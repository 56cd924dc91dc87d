"""The demo budget vote: made once, voting open, its paper ballots waiting for a check."""

from __future__ import annotations

import datetime as dt

import pytest

from n4c.platform.budgets.demo import seed
from n4c.platform.budgets.models import Ballot, BudgetVote
from n4c.platform.core.acting import PLATFORM
from n4c.platform.residents.demo import seed as residents_seed

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 1)


def test_the_demo_vote_is_made_once(region, make_area):
    areas = [make_area(region) for _ in range(3)]
    residents_seed(areas, PLATFORM, TODAY)
    assert seed(areas, PLATFORM, TODAY) == "1 budget vote"
    assert seed(areas, PLATFORM, TODAY) == "1 budget vote"
    vote = BudgetVote.objects.get()
    assert vote.phase == BudgetVote.Phase.VOTING and vote.proposals.count() == 4
    ballots = vote.ballots.all()
    assert [b.method for b in ballots] == [Ballot.Method.PAPER] * 3
    assert all(b.checked_at is None for b in ballots)
