"""Every app's API answers an error in one shape, with a sentence to act on:
``{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}``."""

from __future__ import annotations

import pytest
from django.db import IntegrityError
from django.test import Client

from n4c.platform.areas import api as areas_api
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


def _patch(client, address, body):
    return client.patch(address, data=body, content_type="application/json")


def test_a_request_without_a_session_is_answered_401():
    response = Client().get("/api/areas/")
    assert response.status_code == 401
    assert response.json() == {
        "detail": [
            {
                "loc": [],
                "msg": "Sign in first: the API answers signed-in sessions only.",
                "type": "not_authenticated",
            }
        ]
    }


def test_a_change_the_person_may_not_make_is_answered_403(home, make_person, client_for):
    response = _patch(
        client_for(make_person(Role.SPECIALIST)), f"/api/areas/{home.pk}", {"stage": "active"}
    )
    assert response.status_code == 403
    assert response.json() == {
        "detail": [
            {
                "loc": [],
                "msg": "You can only change the areas you are responsible for.",
                "type": "permission_denied",
            }
        ]
    }


def test_the_report_refused_to_a_partnership_member_is_answered_403(home, make_person, client_for):
    member = make_person(Role.PARTNERSHIP_MEMBER)
    response = client_for(member).get("/api/support-log/report")
    assert response.status_code == 403
    assert response.json()["detail"] == [
        {
            "loc": [],
            "msg": (
                "Partnership members can open only their area's page, plan, events, "
                "resources and partnership workspace."
            ),
            "type": "permission_denied",
        }
    ]


def test_an_area_the_person_cannot_see_is_answered_404_like_a_missing_one(
    home, make_person, client_for
):
    member = client_for(make_person(Role.PARTNERSHIP_MEMBER))
    hidden = member.get(f"/api/areas/{home.pk}")
    missing = member.get("/api/areas/999999")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
    (problem,) = hidden.json()["detail"]
    assert problem["loc"] == [] and problem["type"] == "not_found"
    assert problem["msg"]


def test_a_change_that_loses_a_race_is_answered_409(home, national, client_for, monkeypatch):
    def lose_the_race(actor, area, **changes):
        raise IntegrityError("UNIQUE constraint failed")

    monkeypatch.setattr(areas_api, "change_area", lose_the_race)
    response = _patch(client_for(national), f"/api/areas/{home.pk}", {"stage": "active"})
    assert response.status_code == 409
    assert response.json()["detail"] == [
        {
            "loc": [],
            "msg": "Someone else changed this at the same moment. Reload it and try again.",
            "type": "conflict",
        }
    ]


def test_a_service_s_refusal_is_answered_422_on_its_field(staffed_client, home):
    response = staffed_client.post(
        "/api/support-log/entries",
        data={"area_id": home.pk, "date": "2026-03-04", "kind": "call", "days": "9"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "days"],
            "msg": "Enter at most 5 days in one entry; log a longer piece of work weekly.",
            "type": "invalid",
        }
    ]


def test_a_body_that_fails_the_schema_is_answered_422_in_the_same_shape(home, national, client_for):
    response = _patch(client_for(national), f"/api/areas/{home.pk}", {"stage": ["not", "text"]})
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert set(problem) == {"loc", "msg", "type"}
    assert problem["loc"][0] == "body" and problem["loc"][-1] == "stage"


@pytest.fixture
def staffed_client(adviser, client_for):
    return client_for(adviser)
