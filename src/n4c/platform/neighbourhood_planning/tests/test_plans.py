"""Neighbourhood plans: stages recorded on the platform, dates in the same calendars and feed."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan, PlanStage
from n4c.platform.neighbourhood_planning.services import open_plan, record_plan_stage

pytestmark = pytest.mark.django_db


def _plan(area, national, stages: dict[str, dt.date]) -> NeighbourhoodPlan:
    plan = open_plan(national, area, title="Harpurhey plan", opened_on=dt.date(2026, 1, 5))
    for event, date in stages.items():
        record_plan_stage(national, plan, event=event, date=date)
    return plan


def test_an_editor_opens_a_plan_and_records_a_stage_and_sees_its_dates(client_for, adviser, area):
    client = client_for(adviser)
    response = client.post(
        reverse("neighbourhood_planning:plan_create", args=[area.pk]),
        {"title": "Harpurhey plan", "opened_on": "2026-01-05"},
    )
    plan = NeighbourhoodPlan.objects.get(area=area)
    assert response.url == plan.get_absolute_url()
    page = client.post(
        plan.get_absolute_url(),
        {"event": "pre-submission-publicised", "date": "2026-03-02"},
        follow=True,
    ).content.decode()
    # Six weeks from Monday 2 March 2026 (SI 2012/637 reg 14).
    assert (
        "Mon 13 Apr 2026</strong>: Pre-submission consultation on the draft plan may close" in page
    )
    assert "SI 2012/637 reg 14(a)(iv)" in page
    assert plan.stages.get().recorded_by == adviser


def test_a_stage_the_planning_rules_do_not_know_is_refused_with_the_choices(
    client_for, national, area
):
    plan = _plan(area, national, {})
    page = client_for(national).post(
        plan.get_absolute_url(), {"event": "nomination", "date": "2026-03-02"}
    )
    assert "from the list" in page.content.decode()
    with pytest.raises(
        ValidationError, match="an event of a right-to-bid case, not a neighbourhood-plan stage"
    ):
        record_plan_stage(national, plan, event="nomination", date=dt.date(2026, 3, 2))
    assert not PlanStage.objects.exists()


def test_plan_dates_appear_in_the_calendar_and_the_feed(client_for, national, area):
    today = dt.date.today()
    plan = _plan(area, national, {"pre-submission-publicised": today})
    client = client_for(national)
    calendar = client.get(reverse("deadlines:calendar"), {"area": area.pk}).content.decode()
    assert "Pre-submission consultation on the draft plan may close" in calendar
    assert "Neighbourhood plan: Harpurhey plan" in calendar
    register = client.get(reverse("assets:register", args=[area.pk])).content.decode()
    assert f'href="{plan.get_absolute_url()}"' in register
    feed = client.get(reverse("deadlines:ics", args=[area.pk]))
    events = icalendar.Calendar.from_ical(feed.content).walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [today + dt.timedelta(weeks=6)]
    assert str(events[0]["uid"]).startswith(f"n4c-plan-{plan.pk}")


def test_who_may_see_and_record_plan_stages(
    client_for, national, specialist, resident_elsewhere, area
):
    plan = _plan(area, national, {})
    stage = {"event": "plan-publicised", "date": "2026-03-02"}
    assert client_for(specialist).get(plan.get_absolute_url()).status_code == 200
    assert client_for(specialist).post(plan.get_absolute_url(), stage).status_code == 403
    assert client_for(resident_elsewhere).get(plan.get_absolute_url()).status_code == 403
    create = reverse("neighbourhood_planning:plan_create", args=[area.pk])
    assert (
        client_for(specialist).post(create, {"title": "X", "opened_on": "2026-01-01"}).status_code
        == 403
    )
    assert not PlanStage.objects.exists()
    assert NeighbourhoodPlan.objects.count() == 1


def test_the_api_records_a_stage_and_answers_with_the_plans_dates(
    client_for, adviser, specialist, area
):
    api = client_for(adviser)
    plan = api.post(
        f"/api/assets/areas/{area.pk}/plans",
        {"title": "Harpurhey plan", "opened_on": "2026-01-05"},
        content_type="application/json",
    )
    assert plan.status_code == 201
    plan_id = plan.json()["id"]
    stage = api.post(
        f"/api/assets/plans/{plan_id}/stages",
        {"event": "plan-publicised", "date": "2026-03-02"},
        content_type="application/json",
    )
    assert stage.status_code == 201
    dates = {(d["rule_id"], d["date"]) for d in stage.json()}
    # Six weeks from Monday 2 March 2026 (SI 2012/637 reg 16).
    assert ("np.submission-representations", "2026-04-13") in dates
    assert api.get(f"/api/assets/plans/{plan_id}/deadlines").json() == stage.json()
    assert [p["id"] for p in api.get(f"/api/assets/areas/{area.pk}/plans").json()] == [plan_id]
    wrong = api.post(
        f"/api/assets/plans/{plan_id}/stages",
        {"event": "nomination", "date": "2026-03-02"},
        content_type="application/json",
    )
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["loc"] == ["body", "event"]
    assert (
        "an event of a right-to-bid case, not a neighbourhood-plan stage"
        in wrong.json()["detail"][0]["msg"]
    )
    reader = client_for(specialist).post(
        f"/api/assets/plans/{plan_id}/stages",
        {"event": "referendum-poll", "date": "2026-06-01"},
        content_type="application/json",
    )
    assert reader.status_code == 403


def test_the_admin_shows_a_plans_computed_dates(client, national, area, django_user_model):
    plan = _plan(area, national, {"pre-submission-publicised": dt.date(2026, 3, 2)})
    client.force_login(django_user_model.objects.create_superuser("root", password="not-used-1"))
    page = client.get(
        reverse("admin:neighbourhood_planning_neighbourhoodplan_change", args=[plan.pk])
    ).content.decode()
    assert "13 Apr 2026: Pre-submission consultation on the draft plan may close" in page


def test_the_api_withdraws_a_stage_with_a_reason_and_its_dates_go(client_for, national, area):
    plan = _plan(area, national, {"plan-publicised": dt.date(2026, 3, 2)})
    stage = plan.stages.get()
    api = client_for(national)
    url = f"/api/assets/plans/{plan.pk}/stages/{stage.pk}/withdraw"
    done = api.post(url, {"reason": "Wrong plan."}, content_type="application/json")
    assert done.status_code == 200 and done.json() == []
    stage.refresh_from_db()
    assert stage.withdrawn_reason == "Wrong plan."
    page = api.get(plan.get_absolute_url()).content.decode()
    assert "Withdrawn</strong> Wrong plan." in page


def test_a_refused_plan_shows_the_register_again_with_what_was_typed(client_for, adviser, area):
    response = client_for(adviser).post(
        reverse("neighbourhood_planning:plan_create", args=[area.pk]),
        {"title": "Harpurhey plan", "opened_on": "31/02/2026"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and 'href="#id_opened_on"' in page
    assert 'value="Harpurhey plan"' in page and 'value="31/02/2026"' in page
    assert "Community assets in" in page
    assert not NeighbourhoodPlan.objects.exists()
