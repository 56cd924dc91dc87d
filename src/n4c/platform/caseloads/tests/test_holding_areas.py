"""What holding an area lets a person do elsewhere: change the area, and not leave unnoticed."""

from __future__ import annotations

import datetime as dt

import pytest

from n4c.platform.audit.models import AuditEvent
from n4c.platform.caseloads.models import Assignment
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


def _patch_stage(client, area, stage="outreach"):
    return client.patch(
        f"/api/areas/{area.pk}", data={"stage": stage}, content_type="application/json"
    )


def _assign(area, person, role):
    return Assignment.objects.create(
        area=area, person=person, role=role, started_on=dt.date(2026, 1, 1)
    )


@pytest.fixture
def two_areas(region, other_region, make_area):
    return make_area(region, "Home ward"), make_area(other_region, "Far ward")


@pytest.mark.parametrize("role", [Role.ADVISER, Role.COMMUNITY_WORKER])
def test_advisers_and_community_workers_change_only_the_areas_they_hold(
    role, region, make_person, two_areas, client_for
):
    home, far = two_areas
    person = make_person(role, region)
    _assign(home, person, role)
    client = client_for(person)
    assert _patch_stage(client, home).status_code == 200
    assert _patch_stage(client, far).status_code == 403
    # Staff still read every area, to learn from each other.
    assert client.get(f"/api/areas/{far.pk}").status_code == 200


def test_an_ended_assignment_no_longer_lets_the_person_change_the_area(
    region, make_person, two_areas, client_for
):
    home, _ = two_areas
    adviser = make_person(Role.ADVISER, region)
    assignment = _assign(home, adviser, Role.ADVISER)
    assignment.ended_on = dt.date(2026, 2, 1)
    assignment.save()
    assert _patch_stage(client_for(adviser), home).status_code == 403


def test_someone_leaving_is_refused_while_they_hold_areas_then_cannot_sign_in(
    national, adviser, home, client_for
):
    client = client_for(national)
    data = {"role": Role.ADVISER, "region": adviser.profile.region_id}
    refused = client.post(f"/people/{adviser.pk}/", data | {"active": ""})
    assert refused.status_code == 400
    assert "holds 1 current assignment; end or hand them over" in refused.content.decode()
    Assignment.objects.filter(person=adviser).update(ended_on=dt.date(2026, 3, 31))
    assert client.post(f"/people/{adviser.pk}/", data | {"active": ""}).status_code == 302
    adviser.refresh_from_db()
    assert not adviser.is_active
    assert client_for(national).get("/people/").content.decode().count("cannot sign in") == 1
    assert AuditEvent.objects.filter(model="auth.user", action="changed").exists()
