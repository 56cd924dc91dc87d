"""Each area's page shows who holds it now, fresh after a change, and offers assigning staff
only to those who may."""

from __future__ import annotations

import pytest

from n4c.platform.caseloads.services import assign
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


def test_the_people_panel_shows_the_new_adviser_at_once(
    region, home, national, make_person, client_for
):
    client = client_for(national)
    assert "No adviser or community worker assigned yet." in client.get(f"/areas/{home.pk}/").text
    adviser = make_person(Role.ADVISER, region)
    assign(national, home, adviser, Role.ADVISER)
    page = client.get(f"/areas/{home.pk}/").text
    assert f'<a href="/caseloads/people/{adviser.pk}/">{adviser.get_full_name()}</a>' in page
    assert "No adviser or community worker assigned yet." not in page


def test_only_those_who_may_assign_staff_are_offered_the_button(
    region, home, national, make_person, client_for
):
    button = f'href="/caseloads/areas/{home.pk}/assign/">Assign staff</a>'
    assert button in client_for(national).get(f"/areas/{home.pk}/").text
    assert button in client_for(make_person(Role.HUB_LEAD, region)).get(f"/areas/{home.pk}/").text
    for role in (Role.ADVISER, Role.SPECIALIST):
        assert (
            "Assign staff"
            not in client_for(make_person(role, region)).get(f"/areas/{home.pk}/").text
        )
