"""The caseload limit holds everywhere: service, page, API and admin all refuse the same way."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from n4c.platform.caseloads.capacity import check_capacity
from n4c.platform.caseloads.models import Assignment
from n4c.platform.caseloads.services import assign
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def adviser(region, make_person):
    return make_person(Role.ADVISER, region, username="aisha")


def _fill(person, role, areas):
    for area in areas:
        assign(None, area, person, role)


@override_settings(ADVISER_MAX_AREAS=2)
def test_the_service_refuses_an_adviser_beyond_the_limit_with_a_clear_message(
    region, make_area, adviser
):
    _fill(adviser, Role.ADVISER, [make_area(region), make_area(region)])
    third = make_area(region)
    with pytest.raises(ValidationError) as refused:
        assign(None, third, adviser, Role.ADVISER)
    assert refused.value.messages == [
        f"{adviser.get_full_name()} already holds 2 areas, the limit for an adviser is 2. "
        "End one of their assignments first or choose someone else."
    ]
    assert not Assignment.objects.filter(area=third).exists()


def test_the_default_limits_are_ten_areas_for_an_adviser_and_five_for_a_community_worker(
    region, make_area, make_person, adviser
):
    worker = make_person(Role.COMMUNITY_WORKER, region)
    _fill(adviser, Role.ADVISER, [make_area(region) for _ in range(10)])
    _fill(worker, Role.COMMUNITY_WORKER, [make_area(region) for _ in range(5)])
    with pytest.raises(ValidationError, match="the limit for an adviser is 10"):
        check_capacity(adviser, Role.ADVISER)
    with pytest.raises(ValidationError, match="the limit for a community worker is 5"):
        check_capacity(worker, Role.COMMUNITY_WORKER)


@override_settings(COMMUNITY_WORKER_MAX_AREAS=1)
def test_an_area_already_held_is_not_extra_load(region, make_area, make_person):
    worker = make_person(Role.COMMUNITY_WORKER, region)
    area = make_area(region)
    assign(None, area, worker, Role.COMMUNITY_WORKER)
    check_capacity(worker, Role.COMMUNITY_WORKER, area=area)  # no error: same area again
    assert assign(None, area, worker, Role.COMMUNITY_WORKER).area == area


def test_ending_an_assignment_frees_a_place(region, make_area, adviser):
    with override_settings(ADVISER_MAX_AREAS=1):
        first = assign(None, make_area(region), adviser, Role.ADVISER)
        second_area = make_area(region)
        with pytest.raises(ValidationError):
            assign(None, second_area, adviser, Role.ADVISER)
        first.ended_on = first.started_on
        first.save()
        assert assign(None, second_area, adviser, Role.ADVISER).person == adviser


def test_a_community_worker_cannot_be_named_as_an_area_s_adviser(region, make_area, make_person):
    worker = make_person(Role.COMMUNITY_WORKER, region)
    with pytest.raises(ValidationError) as refused:
        assign(None, make_area(region), worker, Role.ADVISER)
    assert refused.value.messages == [
        f"{worker.get_full_name()} is not an adviser. Choose an adviser."
    ]


def test_a_new_adviser_takes_over_and_the_area_keeps_one_named_adviser(
    region, make_area, make_person, adviser
):
    area = make_area(region)
    assign(None, area, adviser, Role.ADVISER)
    successor = make_person(Role.ADVISER, region)
    assign(None, area, successor, Role.ADVISER)
    current = Assignment.objects.filter(area=area, role=Role.ADVISER, ended_on__isnull=True)
    assert [a.person for a in current] == [successor]
    assert Assignment.objects.filter(area=area, person=adviser).get().ended_on is not None


@override_settings(ADVISER_MAX_AREAS=1)
def test_the_api_answers_422_with_the_same_sentence(
    region, make_area, adviser, national, client_for
):
    assign(None, make_area(region), adviser, Role.ADVISER)
    area = make_area(region)
    response = client_for(national).post(
        "/api/caseloads/assignments",
        data={"area_id": area.pk, "person_id": adviser.pk, "role": "adviser"},
        content_type="application/json",
    )
    assert response.status_code == 422
    message = response.json()["detail"][0]["msg"]
    assert "already holds 1 area," in message and "choose someone else" in message


@override_settings(ADVISER_MAX_AREAS=1)
def test_the_assign_page_shows_the_refusal_beside_the_person_field(
    region, make_area, adviser, national, client_for
):
    assign(None, make_area(region), adviser, Role.ADVISER)
    area = make_area(region)
    response = client_for(national).post(
        f"/caseloads/areas/{area.pk}/assign/", data={"role": "adviser", "person": adviser.pk}
    )
    assert response.status_code == 200
    assert "already holds 1 area," in response.text
    assert 'id="id_person_error"' in response.text
    assert not Assignment.objects.filter(area=area).exists()


@override_settings(ADVISER_MAX_AREAS=1)
def test_the_admin_refuses_too(region, make_area, adviser, django_user_model, client):
    assign(None, make_area(region), adviser, Role.ADVISER)
    area = make_area(region)
    superuser = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(superuser)
    response = client.post(
        "/admin/caseloads/assignment/add/",
        data={"area": area.pk, "person": adviser.pk, "role": "adviser", "started_on": "2026-01-05"},
    )
    assert response.status_code == 200
    assert "already holds 1 area," in response.text
    assert not Assignment.objects.filter(area=area).exists()


def test_only_the_national_team_and_the_region_s_hub_lead_assign_staff(
    region, other_region, make_area, make_person, adviser, client_for
):
    area = make_area(region)
    payload = {"area_id": area.pk, "person_id": adviser.pk, "role": "adviser"}
    outsider = make_person(Role.HUB_LEAD, other_region)
    response = client_for(outsider).post(
        "/api/caseloads/assignments", data=payload, content_type="application/json"
    )
    assert response.status_code == 403
    assert (
        client_for(adviser)
        .post("/api/caseloads/assignments", data=payload, content_type="application/json")
        .status_code
        == 403
    )
    lead = make_person(Role.HUB_LEAD, region)
    response = client_for(lead).post(
        "/api/caseloads/assignments", data=payload, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["person_name"] == adviser.get_full_name()


def test_the_region_board_marks_a_full_caseload(region, make_area, adviser, national, client_for):
    with override_settings(ADVISER_MAX_AREAS=1):
        assign(None, make_area(region), adviser, Role.ADVISER)
        page = client_for(national).get(f"/caseloads/regions/{region.code}/").text
    assert "Full" in page and adviser.get_full_name() in page
