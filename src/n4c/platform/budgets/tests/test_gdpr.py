"""A resident's own export is the one place that shows their ballot's choices; erasing them
keeps the ballot in the count without the link to them."""

from __future__ import annotations

import pytest

from n4c.platform.budgets import counting, services
from n4c.platform.budgets.tests.conftest import proposal_ids
from n4c.platform.residents import gdpr

pytestmark = pytest.mark.django_db


def test_the_residents_export_holds_their_ballot(vote, member, national):
    ids = proposal_ids(vote)
    services.cast_ballot(member.account, vote, member, {ids["Bins"]: 1, ids["Bulbs"]: 1})
    export = gdpr.export_resident(national, member)
    [ballot] = export["elsewhere"]["budget ballots"]
    assert ballot["vote"] == vote.title and ballot["method"] == "Online"
    assert ballot["choices"] == {"Bulbs": 1, "Bins": 1}


@pytest.mark.parametrize("mode", ["anonymise", "delete"])
def test_erasure_keeps_the_ballot_in_the_count_without_the_link(vote, member, national, mode):
    ids = proposal_ids(vote)
    ballot = services.cast_ballot(member.account, vote, member, {ids["Bins"]: 1})
    before = counting.election_of(vote)
    gdpr.erase_resident(national, member, mode=mode)
    ballot.refresh_from_db()
    assert ballot.resident is None
    assert counting.election_of(vote) == before
