"""Regions come from the packaged ONS lookup; staff see each hub with its areas."""

from __future__ import annotations

import pytest

from n4c.data.regions import lad_regions
from n4c.platform.people.models import Role
from n4c.platform.regions.models import LocalAuthority, Region
from n4c.platform.regions.services import load_regions

pytestmark = pytest.mark.django_db


def test_loading_regions_twice_gives_each_region_and_authority_once():
    table = lad_regions()
    assert load_regions() == (table["region19_code"].nunique(), len(table))
    load_regions()
    assert Region.objects.count() == table["region19_code"].nunique()
    assert LocalAuthority.objects.count() == len(table)
    blackpool = LocalAuthority.objects.get(code="E06000009")
    assert blackpool.region.name == "North West"


def test_staff_list_regions_with_their_area_counts_and_residents_do_not(
    region, make_area, make_person, client_for
):
    make_area(region)
    staff = client_for(make_person(Role.SPECIALIST))
    assert staff.get("/api/regions/").json() == [
        {"code": region.code, "name": region.name, "area_count": 1}
    ]
    assert region.name in staff.get("/regions/").text
    resident = client_for(make_person(Role.PARTNERSHIP_MEMBER))
    assert resident.get("/api/regions/").json() == []
    assert resident.get("/regions/").status_code == 403
