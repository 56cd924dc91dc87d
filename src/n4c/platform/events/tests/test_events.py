"""Events, attendance, peer links and suggestions through the JSON API and pages."""

from __future__ import annotations

import datetime as dt

import pytest

from n4c.platform.events.models import Attendance, Event, PeerLink
from n4c.platform.people.models import Role
from n4c.platform.plans.models import AreaPlan, Priority

pytestmark = pytest.mark.django_db


def _json(client, method, url, data):
    return getattr(client, method)(url, data=data, content_type="application/json")


def test_the_national_team_adds_events_and_a_hub_lead_only_their_regions(
    national, region, other_region, make_person, client_for
):
    national_event = {"title": "Network gathering", "scope": "national", "starts_on": "2026-10-10"}
    assert _json(client_for(national), "post", "/api/events/", national_event).status_code == 201
    lead = client_for(make_person(Role.HUB_LEAD, region))
    own = {
        "title": "Hub day",
        "scope": "regional",
        "region_id": region.pk,
        "starts_on": "2026-11-01",
    }
    assert _json(lead, "post", "/api/events/", own).status_code == 201
    other = {**own, "region_id": other_region.pk}
    refused = _json(lead, "post", "/api/events/", other)
    assert refused.status_code == 403
    assert _json(lead, "post", "/api/events/", national_event).status_code == 403
    assert Event.objects.count() == 2


def test_a_regional_event_needs_its_region(national, client_for):
    response = _json(
        client_for(national),
        "post",
        "/api/events/",
        {"title": "Hub day", "scope": "regional", "starts_on": "2026-11-01"},
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Choose the region holding this regional event."


def test_attendance_is_recorded_for_an_editable_area_only(adviser, home, far, client_for):
    event = Event.objects.create(title="Gathering", scope="national", starts_on=dt.date(2026, 6, 1))
    client = client_for(adviser)
    url = f"/api/events/{event.pk}/attendance"
    assert _json(client, "put", url, {"area_id": home.pk, "people": 4}).json()["people"] == 4
    assert _json(client, "put", url, {"area_id": home.pk, "people": 6}).json()["people"] == 6
    assert _json(client, "put", url, {"area_id": far.pk, "people": 2}).status_code == 403
    assert list(Attendance.objects.values_list("area__name", "people")) == [("Home ward", 6)]


def test_peers_are_suggested_with_reasons_and_linked_once(
    adviser, region, make_area, home, far, client_for
):
    near = make_area(region, "Near ward")
    for area in (home, near):
        plan = AreaPlan.objects.create(area=area)
        Priority.objects.create(plan=plan, theme="housing", title="Homes")
    client = client_for(adviser)
    peers = client.get(f"/api/events/peers/{home.pk}").json()
    first = peers["suggestions"][0]
    assert first["area_name"] == "Near ward"
    assert first["shared_priorities"] == ["housing"]
    assert "You share 1 plan priority: “housing”." in first["reason"]
    assert "It is in the same region (North West)." in first["reason"]
    # Far ward has the same baseline figures, so it is suggested for its needs alone.
    assert {s["area_name"] for s in peers["suggestions"]} == {"Near ward", "Far ward"}

    link = {"other_area_id": near.pk, "purpose": "Share housing work", "started_on": "2026-04-01"}
    assert _json(client, "post", f"/api/events/peers/{home.pk}", link).status_code == 201
    again = _json(client, "post", f"/api/events/peers/{home.pk}", link)
    assert again.status_code == 422
    assert again.json()["detail"][0]["msg"] == "Home ward and Near ward are already peers."
    after = client.get(f"/api/events/peers/{home.pk}").json()
    assert [s["area_name"] for s in after["suggestions"]] == ["Far ward"]
    assert len(after["links"]) == 1
    assert PeerLink.objects.get().purpose == "Share housing work"


def test_a_partnership_member_cannot_link_peers(make_person, home, far, client_for):
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    response = _json(
        client_for(member),
        "post",
        f"/api/events/peers/{home.pk}",
        {"other_area_id": far.pk, "started_on": "2026-04-01"},
    )
    assert response.status_code == 403


def test_the_peers_page_shows_suggestions_in_plain_english(
    adviser, region, make_area, home, client_for
):
    make_area(region, "Near ward")
    page = client_for(adviser).get(f"/events/peers/{home.pk}/").content.decode()
    assert "Near ward" in page
    assert "Its needs are very like yours (100% alike)" in page
    assert "Link with a peer" in page


def test_the_events_page_lists_events_and_records_attendance(adviser, home, client_for):
    event = Event.objects.create(
        title="Spring gathering",
        scope="national",
        starts_on=dt.date.today() + dt.timedelta(days=30),
    )
    client = client_for(adviser)
    assert "Spring gathering" in client.get("/events/").content.decode()
    response = client.post(f"/events/{event.pk}/", {"area": home.pk, "people": 3})
    assert response.status_code == 302
    assert "Home ward" in client.get(f"/events/{event.pk}/").content.decode()
