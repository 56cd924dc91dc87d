"""The search finds, for each role, exactly what that role's pages would show."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from n4c.platform.areas.models import Area
from n4c.platform.assets.models import Asset
from n4c.platform.people.models import Role
from n4c.platform.plans.models import AreaPlan
from n4c.platform.referrals.models import Partner
from n4c.platform.residents.models import Resident
from n4c.platform.resources.models import Resource
from n4c.platform.right_to_bid.models import AssetCase
from n4c.platform.search.services import search_everything

pytestmark = pytest.mark.django_db


def _kinds(user, text: str) -> dict[str, list[str]]:
    return {
        group.kind: [hit.title for hit in group.hits] for group in search_everything(user, text)
    }


@pytest.fixture
def world(home, far):
    kind = Asset._meta.get_field("kind").choices[0][0]
    for area, town in ((home, "Sèvres"), (far, "Sevres")):
        Resident.objects.create(area=area, full_name=f"Zoë {town}", joined_on=dt.date(2026, 1, 1))
        asset = Asset.objects.create(area=area, name=f"{town} hall", kind=kind)
        AssetCase.objects.create(
            asset=asset, title=f"Save {town} hall", opened_on=dt.date(2026, 3, 1)
        )
        AreaPlan.objects.create(area=area, vision=f"A café in {town}")
    Partner.objects.create(
        name="Sèvres legal help", specialism=Partner._meta.get_field("specialism").choices[0][0]
    )
    Resource.objects.create(title="Running a café", kind=Resource.Kind.values[0], summary="How to")
    return home, far


def test_search_is_case_and_accent_insensitive(national, world):
    found = _kinds(national, "SEVRES")
    assert sorted(found["residents"]) == ["Zoë Sevres", "Zoë Sèvres"]
    assert sorted(found["assets"]) == ["Sevres hall", "Sèvres hall"]
    assert found["partners"] == ["Sèvres legal help"]
    assert len(_kinds(national, "zoe sèvres")["residents"]) == 2
    assert "residents" not in _kinds(national, "zoe paris")
    assert _kinds(national, "CAFE")["resources"] == ["Running a café"]
    assert len(_kinds(national, "café")["plans"]) == 2


def test_an_area_is_found_by_name_and_ward_code(national, world):
    home, _far = world
    assert _kinds(national, "home WARD")["areas"] == ["Home ward"]
    assert _kinds(national, home.ward17_codes[0].lower())["areas"] == ["Home ward"]
    assert "areas" not in _kinds(national, "E05999999")


def test_an_area_is_found_by_the_name_of_one_of_its_wards(national, region, make_area):
    # Bloomfield, Blackpool (a real 2017 ward in the mirror's lookup).
    area = make_area(region, "North Shore")
    Area.objects.filter(pk=area.pk).update(codes=["E05001645"])
    assert _kinds(national, "bloomfield")["areas"] == ["North Shore"]


def test_a_hub_lead_does_not_find_another_regions_residents(region, make_person, world):
    lead = make_person(Role.HUB_LEAD, region)
    found = _kinds(lead, "zoe")
    assert found["residents"] == ["Zoë Sèvres"]


def test_a_member_finds_only_their_own_areas_things(make_person, world):
    home, _far = world
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    assert _kinds(member, "sevres") == {"plans": ["Plan for Home ward"]}
    assert _kinds(member, "ward") == {"areas": ["Home ward"], "plans": ["Plan for Home ward"]}
    assert _kinds(member, "cafe")["resources"] == ["Running a café"]


def test_the_page_groups_results_with_counts_and_links(client_for, national, world):
    home, _far = world
    response = client_for(national).get(reverse("search:results"), {"q": "sevres"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Assets (2)" in page and "Residents (2)" in page
    assert f'href="{reverse("plans:detail", args=[home.pk])}"' in page
    assert 'action="/search/"' in page  # the box in the header


def test_a_member_opens_the_search_page(client_for, make_person, home):
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    response = client_for(member).get(reverse("search:results"), {"q": "home"})
    assert response.status_code == 200
    assert "Areas (1)" in response.content.decode()
