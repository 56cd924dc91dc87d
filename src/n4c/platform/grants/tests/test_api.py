"""The grant panels' API: members read their own area's panels (phase, budget left, rules),
never another area's, and never an applicant's name or e-mail address."""

from __future__ import annotations

import pytest
from django.urls import reverse

from n4c.platform.grants import services
from n4c.platform.grants.models import Phase
from n4c.platform.grants.tests.conftest import move_to

pytestmark = pytest.mark.django_db


def test_a_member_lists_and_reads_their_areas_panels(panel, applicant, client_for):
    client = client_for(applicant)
    listed = client.get(f"/api/grants/area/{panel.area_id}").json()
    assert [(p["id"], p["phase"]) for p in listed] == [(panel.pk, "open")]
    read = client.get(f"/api/grants/{panel.pk}").json()
    assert read["phase"] == "open"
    assert read["what_may_be_funded"] == ["Equipment for groups", "Activities for young people"]
    assert read["criteria"] == ["Benefit to the area", "Value for money"]
    assert (read["min_grant_gbp"], read["max_grant_gbp"]) == (250, 2500)


def test_the_budget_left_counts_the_awards_and_no_applicant_is_named(
    make_application, panel, adviser, applicant, client_for
):
    award = make_application(amount_gbp=2000)
    move_to(panel, Phase.DECIDING)
    services.decide(adviser, award, outcome="awarded", reasons="Strong.")
    answer = client_for(applicant).get(f"/api/grants/{panel.pk}")
    budgets = {b["funding_type"]: b for b in answer.json()["budgets"]}
    assert budgets["capital"] == {
        "funding_type": "capital",
        "budget_gbp": 5000,
        "awarded_gbp": 2000,
        "left_gbp": 3000,
    }
    assert budgets["revenue"]["left_gbp"] == 3000
    text = answer.content.decode()
    assert "Alex Applicant" not in text
    assert "alex@example.com" not in text


def test_a_member_cannot_read_another_areas_panels(panel, far, make_member, client_for):
    outsider = make_member(area=far)
    client = client_for(outsider)
    assert client.get(f"/api/grants/area/{panel.area_id}").status_code == 404
    answer = client.get(f"/api/grants/{panel.pk}")
    assert answer.status_code == 404
    assert answer.json() == {
        "detail": [
            {
                "loc": [],
                "msg": "There is no grant panel with that number that you can see.",
                "type": "not_found",
            }
        ]
    }


def test_a_panel_number_out_of_range_is_answered_422(applicant, client_for):
    answer = client_for(applicant).get(f"/api/grants/{2**63}")
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["path", "panel_id"]


def test_a_member_reaches_their_areas_panels_from_the_area_page(panel, applicant, client_for):
    client = client_for(applicant)
    area_page = client.get(reverse("areas:detail", args=[panel.area_id])).content.decode()
    assert f'href="{reverse("grants:area", args=[panel.area_id])}"' in area_page
    panels_page = client.get(reverse("grants:area", args=[panel.area_id])).content.decode()
    assert f'href="{reverse("grants:panel", args=[panel.pk])}"' in panels_page
