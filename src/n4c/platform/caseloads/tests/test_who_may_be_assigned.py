"""A hub lead names their own region's staff only, and no one names a person who can no longer
sign in: the page, the API and the service refuse alike, beside the person's field."""

from __future__ import annotations

import json

import pytest

from n4c.platform.caseloads.models import Assignment
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub_lead(region, make_person):
    return make_person(Role.HUB_LEAD, region)


@pytest.fixture
def far_adviser(other_region, make_person):
    return make_person(Role.ADVISER, other_region)


@pytest.fixture
def stopped_adviser(region, make_person):
    person = make_person(Role.ADVISER, region)
    person.is_active = False
    person.save()
    return person


def _api(client, area, person, role=Role.ADVISER):
    body = {"area_id": area.pk, "person_id": person.pk, "role": role}
    return client.post(
        "/api/caseloads/assignments", json.dumps(body), content_type="application/json"
    )


def test_a_hub_lead_cannot_assign_another_region_s_adviser_in_the_api(
    hub_lead, far_adviser, home, client_for
):
    refused = _api(client_for(hub_lead), home, far_adviser)
    assert refused.status_code == 422
    assert refused.json()["detail"] == [
        {
            "loc": ["body", "person_id"],
            "msg": f"{far_adviser.get_full_name()} works in another region. A hub lead assigns "
            "their own region's staff; ask the national team to assign someone from elsewhere.",
            "type": "other_region",
        }
    ]
    assert not Assignment.objects.filter(area=home).exists()


def test_a_hub_lead_cannot_assign_another_region_s_adviser_on_the_page(
    hub_lead, far_adviser, region, make_person, home, client_for
):
    own = make_person(Role.ADVISER, region)
    client = client_for(hub_lead)
    form = client.get(f"/caseloads/areas/{home.pk}/assign/").content.decode()
    assert own.get_full_name() in form and far_adviser.get_full_name() not in form
    page = client.post(
        f"/caseloads/areas/{home.pk}/assign/", {"role": Role.ADVISER, "person": far_adviser.pk}
    )
    assert page.status_code == 200
    assert "Choose someone from the list" in page.content.decode()
    assert not Assignment.objects.filter(area=home).exists()


def test_the_national_team_assigns_staff_from_any_region(national, far_adviser, home, client_for):
    assert _api(client_for(national), home, far_adviser).status_code == 201


def test_no_one_assigns_a_person_who_can_no_longer_sign_in(
    national, stopped_adviser, home, client_for
):
    client = client_for(national)
    refused = _api(client, home, stopped_adviser)
    assert refused.status_code == 422
    assert refused.json()["detail"] == [
        {
            "loc": ["body", "person_id"],
            "msg": f"{stopped_adviser.get_full_name()} can no longer sign in, so cannot hold an "
            "area. Choose someone who works for the Network now.",
            "type": "inactive",
        }
    ]
    page = client.post(
        f"/caseloads/areas/{home.pk}/assign/",
        {"role": Role.ADVISER, "person": stopped_adviser.pk},
    )
    assert "Choose someone from the list" in page.content.decode()
    assert not Assignment.objects.filter(area=home).exists()
