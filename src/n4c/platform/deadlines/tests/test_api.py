"""The deadlines API: upcoming dates across areas, and the rules in force behind them."""

from __future__ import annotations

import datetime as dt

import pytest

from n4c.platform.right_to_bid.tests.test_api import case_with_notice

pytestmark = pytest.mark.django_db


def test_upcoming_deadlines_filter_by_region(client_for, national, area, other_area):
    api = client_for(national)
    today = dt.date.today()
    for place in (area, other_area):
        case = case_with_notice(api, place, today.isoformat())
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
