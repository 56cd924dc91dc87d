"""A date far outside the years a statutory clock may start is refused, and one already stored
breaks no calendar: the period counted from 9999-12-31 does not fit in a date."""

from __future__ import annotations

import datetime as dt
import logging
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from n4c.platform.assets.models import Asset
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan, PlanStage
from n4c.platform.right_to_bid.models import AssetCase, CaseEvent

pytestmark = pytest.mark.django_db

FAR = dt.date(9999, 12, 31)
MESSAGE = "Enter a date from 1990 to 2100; 9999-12-31 is outside that range."


def _case(area) -> AssetCase:
    asset = Asset.objects.create(area=area, name="The Red Lion", kind="physical")
    return AssetCase.objects.create(asset=asset, title="Sale", opened_on=dt.date(2026, 3, 1))


def test_the_api_refuses_a_far_event_date_with_a_field_error(client_for, national, area):
    case = _case(area)
    response = client_for(national).post(
        f"/api/assets/cases/{case.pk}/events",
        {"event": "notice-of-disposal", "date": FAR.isoformat()},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"loc": ["body", "date"], "msg": MESSAGE, "type": "invalid"}
    ]
    assert not case.events.exists()


def test_the_page_refuses_a_far_event_date_on_the_field(client_for, national, area):
    case = _case(area)
    response = client_for(national).post(
        case.get_absolute_url(), {"event": "notice-of-disposal", "date": FAR.isoformat()}
    )
    assert response.context["form"].errors["date"] == [MESSAGE]
    assert not case.events.exists()


def test_a_far_plan_stage_is_refused_through_the_api(client_for, national, area):
    plan = NeighbourhoodPlan.objects.create(area=area, title="Plan", opened_on=dt.date(2026, 1, 1))
    response = client_for(national).post(
        f"/api/assets/plans/{plan.pk}/stages",
        {"event": "plan-publicised", "date": FAR.isoformat()},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == MESSAGE


@pytest.fixture
def stored_far_event(area):
    """A case whose notice of disposal was stored before dates were checked, beside a good one."""
    bad = _case(area)
    CaseEvent.objects.create(case=bad, event="notice-of-disposal", date=FAR)
    good = _case(area)
    CaseEvent.objects.create(case=good, event="nomination", date=dt.date.today())
    plan = NeighbourhoodPlan.objects.create(area=area, title="Plan", opened_on=dt.date(2026, 1, 1))
    PlanStage.objects.create(plan=plan, event="plan-publicised", date=FAR)
    return bad


def test_a_stored_far_date_breaks_no_calendar_and_is_logged(
    stored_far_event, client_for, national, area, caplog
):
    client = client_for(national)
    with caplog.at_level(logging.WARNING, logger="n4c.platform.assets.services"):
        calendar = client.get(reverse("deadlines:calendar"))
        assert calendar.status_code == 200
        upcoming = client.get("/api/assets/deadlines")
        assert upcoming.status_code == 200
        # The good case's listing decision is still there; the bad case adds nothing.
        assert {d["case_id"] for d in upcoming.json()} == {stored_far_event.pk + 1}
        assert client.get(reverse("deadlines:ics", args=[area.pk])).status_code == 200
        assert client.get(stored_far_event.get_absolute_url()).status_code == 200
    assert "9999-12-31 is outside that range" in caplog.text


def test_the_reminders_run_past_a_stored_far_date(stored_far_event):
    out = StringIO()
    call_command("send_deadline_reminders", "--dry-run", stdout=out)
    assert out.getvalue().startswith("Dry run: Checked 2 open cases")
