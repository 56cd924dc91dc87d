"""Every community-rights page keeps the address it had before the apps were split by concept,
so bookmarks, links in e-mails and subscribed calendar feeds all keep working."""

from __future__ import annotations

import pytest
from django.urls import resolve, reverse

ADDRESSES = [
    ("deadlines:calendar", [], "/assets/"),
    ("assets:register", [7], "/assets/area/7/"),
    ("assets:export", [7], "/assets/area/7/export.csv"),
    ("assets:import", [7], "/assets/area/7/import/"),
    ("deadlines:ics", [7], "/assets/area/7/deadlines.ics"),
    ("deadlines:feed", [7, "s3cret"], "/assets/area/7/feed/s3cret/deadlines.ics"),
    ("deadlines:feed_change", [7], "/assets/area/7/feed/"),
    ("assets:asset", [3], "/assets/3/"),
    ("right_to_bid:case_create", [3], "/assets/3/cases/new/"),
    ("right_to_bid:case", [5], "/assets/cases/5/"),
    ("neighbourhood_planning:plan_create", [7], "/assets/area/7/plans/new/"),
    ("neighbourhood_planning:plan", [2], "/assets/plans/2/"),
]


@pytest.mark.parametrize(("name", "args", "path"), ADDRESSES)
def test_each_page_answers_at_its_old_address(name, args, path):
    assert reverse(name, args=args) == path
    assert resolve(path).view_name == name


@pytest.mark.django_db
def test_the_api_schema_lists_every_community_rights_endpoint_under_api_assets(
    client_for, national
):
    paths = client_for(national).get("/api/openapi.json").json()["paths"]
    assert {
        "/api/assets/areas/{area_id}/assets",
        "/api/assets/assets/{asset_id}/cases",
        "/api/assets/cases/{case_id}/events",
        "/api/assets/cases/{case_id}/extensions",
        "/api/assets/cases/{case_id}/close",
        "/api/assets/cases/{case_id}/deadlines",
        "/api/assets/areas/{area_id}/plans",
        "/api/assets/plans/{plan_id}/stages",
        "/api/assets/plans/{plan_id}/deadlines",
        "/api/assets/deadlines",
        "/api/assets/rules",
    } <= set(paths)
