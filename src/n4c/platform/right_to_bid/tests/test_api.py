"""The right-to-bid API: cases on an asset, their events and the dates computed from them."""

from __future__ import annotations

import pytest

from n4c.platform.right_to_bid.models import CaseEvent

pytestmark = pytest.mark.django_db

RED_LION = {
    "name": "The Red Lion",
    "kind": "physical",
    "postcode": "m1 1ae",
    "owner": "Brewery plc",
}


def case_with_notice(api, area, notice: str):
    asset = api.post(
        f"/api/assets/areas/{area.pk}/assets", RED_LION, content_type="application/json"
    ).json()
    case = api.post(
        f"/api/assets/assets/{asset['id']}/cases",
        {"title": "Sale of the Red Lion", "opened_on": notice},
        content_type="application/json",
    ).json()
    return case


def test_recording_a_notice_of_disposal_gives_the_moratoria_with_their_rules(
    client_for, national, area
):
    api = client_for(national)
    case = case_with_notice(api, area, "2026-03-01")
    response = api.post(
        f"/api/assets/cases/{case['id']}/events",
        {"event": "notice-of-disposal", "date": "2026-03-01"},
        content_type="application/json",
    )
    assert response.status_code == 201
    dates = {d["rule_id"]: (d["date"], d["status"]) for d in response.json()}
    assert dates == {
        "acv.interim-moratorium": ("2026-04-11", "applies"),
        "acv.request-to-bid": ("2026-04-11", "applies"),
        "acv.full-moratorium": ("2026-08-31", "conditional"),
        "acv.protected-period": ("2027-08-31", "applies"),
    }
    api.post(
        f"/api/assets/cases/{case['id']}/events",
        {"event": "request-to-bid", "date": "2026-04-10"},
        content_type="application/json",
    )
    full = next(
        d
        for d in api.get(f"/api/assets/cases/{case['id']}/deadlines").json()
        if d["rule_id"] == "acv.full-moratorium"
    )
    assert (full["status"], full["citation"]) == (
        "applies",
        "Localism Act 2011 s.95(3) and (6); SI 2012/2421 reg 2(a)(iii)",
    )


def test_an_unknown_or_repeated_event_is_refused(client_for, national, area):
    api = client_for(national)
    case = case_with_notice(api, area, "2026-03-01")
    url = f"/api/assets/cases/{case['id']}/events"
    bad = api.post(url, {"event": "sale", "date": "2026-03-01"}, content_type="application/json")
    assert bad.status_code == 422
    assert "'sale' is not an event of a right-to-bid case" in bad.json()["detail"][0]["msg"]
    api.post(url, {"event": "nomination", "date": "2026-03-01"}, content_type="application/json")
    again = api.post(
        url, {"event": "nomination", "date": "2026-03-02"}, content_type="application/json"
    )
    assert again.status_code == 422
    assert "already has a nomination" in again.json()["detail"][0]["msg"]


def test_the_api_withdraws_an_event_with_a_reason_and_answers_without_its_dates(
    client_for, national, area
):
    api = client_for(national)
    case = case_with_notice(api, area, "2026-03-01")
    recorded = api.post(
        f"/api/assets/cases/{case['id']}/events",
        {"event": "notice-of-disposal", "date": "2026-03-01"},
        content_type="application/json",
    )
    assert recorded.status_code == 201 and recorded.json()
    event = CaseEvent.objects.get(case_id=case["id"])
    url = f"/api/assets/cases/{case['id']}/events/{event.pk}/withdraw"
    blank = api.post(url, {"reason": " "}, content_type="application/json")
    assert blank.status_code == 422
    assert blank.json()["detail"][0]["msg"] == "Enter why the event is being withdrawn."
    done = api.post(url, {"reason": "Wrong case."}, content_type="application/json")
    assert done.status_code == 200 and done.json() == []
    event.refresh_from_db()
    assert event.withdrawn_reason == "Wrong case."
