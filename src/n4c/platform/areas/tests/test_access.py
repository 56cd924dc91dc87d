"""Who may see and change an area, each rule shown both ways, through the JSON API."""

from __future__ import annotations

import pytest

from n4c.platform.areas.access import areas_editable_by, areas_visible_to
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


def _patch_stage(client, area, stage="outreach"):
    return client.patch(
        f"/api/areas/{area.pk}", data={"stage": stage}, content_type="application/json"
    )


@pytest.fixture
def two_areas(region, other_region, make_area):
    return make_area(region, "Home ward"), make_area(other_region, "Far ward")


def test_the_national_team_sees_and_changes_every_area(national, two_areas, client_for):
    client = client_for(national)
    assert {a["name"] for a in client.get("/api/areas/").json()} == {"Home ward", "Far ward"}
    for area in two_areas:
        assert _patch_stage(client, area).status_code == 200


def test_a_hub_lead_changes_areas_in_their_region_only(region, make_person, two_areas, client_for):
    home, far = two_areas
    client = client_for(make_person(Role.HUB_LEAD, region))
    assert _patch_stage(client, home).status_code == 200
    response = _patch_stage(client, far)
    assert response.status_code == 403
    assert response.json()["detail"] == [
        {
            "loc": [],
            "msg": "You can only change the areas you are responsible for.",
            "type": "permission_denied",
        }
    ]
    far.refresh_from_db()
    assert far.stage == "active"


def test_a_specialist_reads_every_area_and_changes_none(make_person, two_areas, client_for):
    client = client_for(make_person(Role.SPECIALIST))
    assert len(client.get("/api/areas/").json()) == 2
    assert _patch_stage(client, two_areas[0]).status_code == 403


def test_a_partnership_member_reads_only_their_own_area(make_person, two_areas, client_for):
    home, far = two_areas
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    client = client_for(member)
    assert [a["name"] for a in client.get("/api/areas/").json()] == ["Home ward"]
    assert client.get(f"/api/areas/{home.pk}").status_code == 200
    assert client.get(f"/api/areas/{far.pk}").status_code == 404
    assert _patch_stage(client, home).status_code == 403
    # The area page (with its support log) opens for them; another area's does not.
    assert client.get(f"/areas/{home.pk}/").status_code == 200
    assert client.get(f"/areas/{far.pk}/").status_code == 404


def test_someone_without_a_role_sees_nothing(two_areas, client_for, django_user_model):
    user = django_user_model.objects.create_user("stranger", password="x")
    assert not areas_visible_to(user).exists()
    assert not areas_editable_by(user).exists()
    assert client_for(user).get("/api/areas/").json() == []


def test_signed_out_visitors_get_no_api_and_are_sent_to_sign_in(two_areas, client):
    assert client.get("/api/areas/").status_code == 401
    response = client.get(f"/areas/{two_areas[0].pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_area_page_offers_changes_only_to_those_who_may_make_them(
    region, make_person, two_areas, client_for
):
    home, _ = two_areas
    lead = make_person(Role.HUB_LEAD, region)
    specialist = make_person(Role.SPECIALIST)
    assert "Change name or stage" in client_for(lead).get(f"/areas/{home.pk}/").text
    assert "Change name or stage" not in client_for(specialist).get(f"/areas/{home.pk}/").text
    assert client_for(specialist).get(f"/areas/{home.pk}/edit/").status_code == 404


def test_the_api_refuses_a_change_without_the_csrf_token(national, two_areas):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(national)
    response = _patch_stage(client, two_areas[0])
    assert response.status_code == 403
    assert "CSRF" in response.text
    two_areas[0].refresh_from_db()
    assert two_areas[0].stage == "active"
