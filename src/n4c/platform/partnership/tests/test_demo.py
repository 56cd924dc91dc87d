"""The demo partnership: the "chair" login chairs the first area, with proposals answered and
waiting and decisions closed and open; running the demo again adds nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from n4c.platform.partnership.demo import seed
from n4c.platform.partnership.models import Decision, Proposal
from n4c.platform.people.models import Role
from n4c.platform.residents.demo import seed as residents_seed
from n4c.platform.residents.models import Resident

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 1)


def test_the_demo_has_a_chair_proposals_and_decisions(home, make_person, national):
    for username in ("chair", "resident"):
        home.partnership_members.add(make_person(Role.PARTNERSHIP_MEMBER, username=username))
    residents_seed([home], national, TODAY)
    assert seed([home], national, TODAY) == "3 proposals and 2 partnership decisions"
    chairs = Resident.objects.filter(area=home, partnership_role=Resident.PartnershipRole.CHAIR)
    assert [(r.full_name, r.account.username) for r in chairs] == [("Demo Member One", "chair")]
    assert sorted(Proposal.objects.values_list("status", flat=True)) == [
        "accepted",
        "declined",
        "waiting",
    ]
    closed = Decision.objects.get(status=Decision.Status.CLOSED)
    assert sum(closed.counts.values()) == Resident.objects.filter(area=home).count() == 4
    open_one = Decision.objects.get(status=Decision.Status.OPEN)
    assert open_one.proposal.status == Proposal.Status.WAITING
    assert seed([home], national, TODAY) == "3 proposals and 2 partnership decisions"
