"""Staff see each hub with its areas; residents see no region page."""

from __future__ import annotations

import pytest

from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


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
    assert resident.get("/api/regions/").status_code == 403
    assert resident.get("/regions/").status_code == 403


def test_a_region_page_lists_its_own_areas_only(
    region, other_region, make_area, national, client_for
):
    make_area(region, "Home ward")
    make_area(other_region, "Far ward")
    page = client_for(national).get(f"/regions/{region.code}/").text
    assert "Home ward" in page and "Far ward" not in page
    assert "1 area" in page
