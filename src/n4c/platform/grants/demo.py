"""A demo grant panel, plainly made up, deciding its first applications."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from n4c.platform.areas.models import Area
from n4c.platform.caseloads.models import Assignment
from n4c.platform.grants import services
from n4c.platform.grants.models import Panel

__all__ = ["seed"]

_NAME = "Demo small grants panel"
_APPLICATIONS = [
    {
        "applicant_kind": "organisation",
        "organisation_name": "Demo Youth Club",
        "contact_name": "Demo Applicant One",
        "contact_email": "applicant-one@example.com",
        "amount_gbp": 1800,
        "funding_type": "capital",
        "purpose": "Made up for the demo: a table-tennis table and bats for the youth club.",
        "match_cash_gbp": 200,
        "match_in_kind_gbp": 300,
        "match_in_kind_description": "Free use of the community hall",
        "volunteer_hours": 60,
    },
    {
        "applicant_kind": "organisation",
        "organisation_name": "Demo Gardening Group",
        "contact_name": "Demo Applicant Two",
        "contact_email": "applicant-two@example.com",
        "amount_gbp": 900,
        "funding_type": "revenue",
        "purpose": "Made up for the demo: seeds, tools and four planting days on the estate.",
        "volunteer_hours": 120,
    },
    {
        "applicant_kind": "individual",
        "organisation_name": "",
        "contact_name": "Demo Applicant Three",
        "contact_email": "applicant-three@example.com",
        "amount_gbp": 400,
        "funding_type": "revenue",
        "purpose": "Made up for the demo: a first-aid course to run the street's first aid box.",
    },
]


def _days(day: dt.date, *offsets: int) -> list[dt.date]:
    return [day + dt.timedelta(days=offset) for offset in offsets]


@transaction.atomic
def seed(areas: list[Area], actor, today: dt.date) -> str:
    """The demo hook: one panel on the first area, deciding, with the demo resident on it."""
    if not areas or Panel.objects.filter(name=_NAME).exists():
        return _held() if areas else ""
    area = areas[0]
    now = timezone.localdate()
    # Applications are taken while a panel is open; the demo's panel then moves on to deciding.
    panel = services.create_panel(
        actor,
        area,
        name=_NAME,
        capital_budget_gbp=6000,
        revenue_budget_gbp=4000,
        budget_source="Made up for the demo",
        what_may_be_funded="Equipment for local groups\nActivities open to all residents\nTraining",
        **dict(
            zip(
                ("opens_on", "assessment_from", "decision_from", "announce_on"),
                _days(now, -1, 1, 2, 3),
                strict=True,
            )
        ),
    )
    applications = [
        services.submit_application(actor, panel, consent_given=True, **fields)
        for fields in _APPLICATIONS
    ]
    panel.opens_on, panel.assessment_from, panel.decision_from, panel.announce_on = _days(
        now, -40, -20, -5, 10
    )
    panel.save()
    resident = get_user_model().objects.filter(username="resident", partnership_areas=area).first()
    adviser = Assignment.objects.filter(area=area, ended_on__isnull=True).first()
    for person in (resident, adviser.person if adviser else None):
        if person is not None:
            services.add_panel_member(actor, panel, person)
    if resident is not None:
        services.declare_interest(resident, applications[0], conflicted=False)
        services.declare_interest(
            resident,
            applications[1],
            conflicted=True,
            details="Made up for the demo: they help run the gardening group.",
        )
    return _held()


def _held() -> str:
    count = Panel.objects.count()
    return f"{count} grant panel{'s' if count != 1 else ''}"
