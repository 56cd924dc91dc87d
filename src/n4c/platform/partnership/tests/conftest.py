"""Partnership members with sign-ins, in the areas of the platform's fixtures."""

from __future__ import annotations

import datetime as dt

import pytest

from n4c.platform.partnership import services
from n4c.platform.partnership.models import StaffAttachment
from n4c.platform.people.models import Role
from n4c.platform.residents.models import Resident


@pytest.fixture
def member_of(make_person):
    """A signed-in resident on ``area``'s partnership in ``role``: (account, record)."""

    def make(area, role: str = Resident.PartnershipRole.MEMBER):
        account = make_person(Role.PARTNERSHIP_MEMBER)
        area.partnership_members.add(account)
        resident = Resident.objects.create(
            area=area,
            full_name=account.get_full_name(),
            partnership_role=role,
            joined_on=dt.date(2026, 1, 10),
            account=account,
        )
        return account, resident

    return make


@pytest.fixture
def attached(make_person, region):
    """A specialist attached to ``area``'s partnership in ``role``."""

    def make(area, role: str):
        person = make_person(Role.SPECIALIST, region)
        StaffAttachment.objects.create(area=area, person=person, role=role)
        return person

    return make


@pytest.fixture
def waiting_proposal(home, member_of):
    account, resident = member_of(home)
    return services.propose(
        account,
        resident,
        description="Plant fruit trees",
        owner="Garden group",
        due_on=dt.date(2027, 3, 1),
    )


@pytest.fixture
def open_decision(home, adviser):
    return services.open_decision(
        adviser, home, question="Adopt the plan", options=["Yes", "No", "Not yet"]
    )
