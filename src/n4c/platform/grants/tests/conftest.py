"""A panel on `home` in whichever phase a test needs, members on it, and applications."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from n4c.platform.grants import services
from n4c.platform.grants.models import Application, Panel, Phase
from n4c.platform.people.models import Role
from n4c.platform.residents.models import Resident

# Days from today to each date of the timetable, so that today falls in the phase named.
_OFFSETS = {
    Phase.NOT_OPEN: (3, 10, 20, 30),
    Phase.OPEN: (-3, 10, 20, 30),
    Phase.ASSESSING: (-10, -3, 20, 30),
    Phase.DECIDING: (-20, -10, -3, 30),
    Phase.ANNOUNCED: (-30, -20, -10, -3),
}


def move_to(panel: Panel, phase: Phase) -> Panel:
    """Shift the panel's timetable so that today is in ``phase``."""
    today = timezone.localdate()
    dates = [today + dt.timedelta(days=days) for days in _OFFSETS[phase]]
    panel.opens_on, panel.assessment_from, panel.decision_from, panel.announce_on = dates
    panel.save()
    return panel


@pytest.fixture
def panel(home, adviser) -> Panel:
    panel = services.create_panel(
        adviser,
        home,
        name="Home ward small grants 2027",
        capital_budget_gbp=5000,
        revenue_budget_gbp=3000,
        min_grant_gbp=250,
        max_grant_gbp=2500,
        what_may_be_funded="Equipment for groups\nActivities for young people",
        criteria="Benefit to the area\nValue for money",
        opens_on=dt.date(2027, 1, 1),
        assessment_from=dt.date(2027, 2, 1),
        decision_from=dt.date(2027, 3, 1),
        announce_on=dt.date(2027, 3, 15),
    )
    return move_to(panel, Phase.OPEN)


@pytest.fixture
def make_member(home, make_person):
    """A partnership member of ``area`` (default `home`) with a sign-in and a member record."""

    def make(area=None, name: str = "Sam Resident"):
        area = area or home
        user = make_person(Role.PARTNERSHIP_MEMBER)
        area.partnership_members.add(user)
        Resident.objects.create(
            area=area, full_name=name, joined_on=dt.date(2026, 1, 5), account=user
        )
        return user

    return make


@pytest.fixture
def applicant(make_member):
    return make_member(name="Alex Applicant")


@pytest.fixture
def panellist(make_member, panel, adviser):
    """A partnership member on the panel."""
    person = make_member(name="Pat Panellist")
    services.add_panel_member(adviser, panel, person)
    return person


def application_fields(**changes) -> dict:
    fields = {
        "applicant_kind": Application.ApplicantKind.ORGANISATION,
        "organisation_name": "Home ward youth club",
        "contact_name": "Alex Applicant",
        "contact_email": "alex@example.com",
        "amount_gbp": 2000,
        "funding_type": "capital",
        "purpose": "A new table-tennis table.",
        "match_cash_gbp": 300,
        "match_in_kind_gbp": 150,
        "match_in_kind_description": "Use of the hall",
        "volunteer_hours": 40,
    }
    return fields | changes


@pytest.fixture
def make_application(panel, applicant):
    def make(actor=None, **changes) -> Application:
        return services.submit_application(
            actor or applicant, panel, consent_given=True, **application_fields(**changes)
        )

    return make
