"""The assets API: register entries checked by the one core rule, cases and their computed dates."""

from __future__ import annotations

import datetime as dt

import pytest

from n4c.platform.assets.models import Asset

pytestmark = pytest.mark.django_db

RED_LION = {
    "name": "The Red Lion",
    "kind": "physical",
    "postcode": "m1 1ae",
    "owner": "Brewery plc",
}


def _case_with_notice(api, area, notice: str):
    asset = api.post(
        f"/api/assets/areas/{area.pk}/assets", RED_LION, content_type="application/json"
    ).json()
    case = api.post(
        f"/api/assets/assets/{asset['id']}/cases",
        {"title": "Sale of the Red Lion", "opened_on": notice},
        content_type="application/json",
    ).json()
    return case


def test_an_asset_is_stored_with_its_postcode_normalised(client_for, national, area):
    api = client_for(national)
    response = api.post(
        f"/api/assets/areas/{area.pk}/assets", RED_LION, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["postcode"] == "M1 1AE"
    listed = api.get(f"/api/assets/areas/{area.pk}/assets").json()
    assert [a["name"] for a in listed] == ["The Red Lion"]


def test_bad_fields_answer_422_with_location_and_sentence(client_for, national, area):
    api = client_for(national)
    response = api.post(
        f"/api/assets/areas/{area.pk}/assets",
        {"name": "Hall", "kind": "castle", "postcode": "M1", "lsoa_code": "E02000001"},
        content_type="application/json",
    )
    assert response.status_code == 422
    detail = {tuple(d["loc"]): d["msg"] for d in response.json()["detail"]}
    assert (
        detail[("body", "postcode")]
        == "'M1' is not a UK postcode. Enter a postcode, like SW1A 1AA."
    )
    assert detail[("body", "kind")].startswith("'castle' is not a kind; enter one of physical")
    assert "is not an LSOA code" in detail[("body", "lsoa_code")]
    assert Asset.objects.count() == 0


def test_people_see_only_areas_they_may_and_change_only_what_they_edit(
    client_for, resident_elsewhere, specialist, area
):
    resident = client_for(resident_elsewhere)
    assert resident.get(f"/api/assets/areas/{area.pk}/assets").status_code == 404
    reader = client_for(specialist)
    assert reader.get(f"/api/assets/areas/{area.pk}/assets").status_code == 200
    refused = reader.post(
        f"/api/assets/areas/{area.pk}/assets", RED_LION, content_type="application/json"
    )
    assert refused.status_code == 403
    assert "can read this area's assets but not change them" in refused.json()["detail"]


def test_recording_a_notice_of_disposal_gives_the_moratoria_with_their_rules(
    client_for, national, area
):
    api = client_for(national)
    case = _case_with_notice(api, area, "2026-03-01")
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
    case = _case_with_notice(api, area, "2026-03-01")
    url = f"/api/assets/cases/{case['id']}/events"
    bad = api.post(url, {"event": "sale", "date": "2026-03-01"}, content_type="application/json")
    assert bad.status_code == 422
    assert "'sale' is not an event the statutory rules count from" in bad.json()["detail"][0]["msg"]
    api.post(url, {"event": "nomination", "date": "2026-03-01"}, content_type="application/json")
    again = api.post(
        url, {"event": "nomination", "date": "2026-03-02"}, content_type="application/json"
    )
    assert again.status_code == 422
    assert "already has a nomination" in again.json()["detail"][0]["msg"]


def test_upcoming_deadlines_filter_by_region(client_for, national, area, other_area):
    api = client_for(national)
    today = dt.date.today()
    for place in (area, other_area):
        case = _case_with_notice(api, place, today.isoformat())
        api.post(
            f"/api/assets/cases/{case['id']}/events",
            {"event": "nomination", "date": today.isoformat()},
            content_type="application/json",
        )
    everywhere = api.get("/api/assets/deadlines").json()
    assert len(everywhere) == 2
    north_west = api.get("/api/assets/deadlines", {"region": "E12000002"}).json()
    assert [(d["area_id"], d["rule_id"]) for d in north_west] == [(area.pk, "acv.listing-decision")]
    assert north_west[0]["date"] == (today + dt.timedelta(days=55)).isoformat()


def test_the_rules_in_force_are_listed_with_citations(client_for, specialist):
    rules = client_for(specialist).get("/api/assets/rules", {"on": "2015-01-01"}).json()
    ids = {r["id"] for r in rules}
    assert "acv.protected-period" in ids and "np.area-decision" not in ids
    assert all(r["citation"] for r in rules)
