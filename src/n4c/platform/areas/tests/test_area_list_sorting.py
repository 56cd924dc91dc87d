"""The area list sorts by a column and keeps its filters (see core.sorting)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_area_list_sorts_by_a_column_and_keeps_the_filter(
    client_for, national, region, make_area
):
    make_area(region, "Beta")
    make_area(region, "Alpha")
    response = client_for(national).get(
        reverse("areas:list"), {"region": region.code, "sort": "name", "order": "desc"}
    )
    page = response.content.decode()
    assert page.index("Beta") < page.index("Alpha")
    assert 'aria-sort="descending"' in page
    assert f"region={region.code}&amp;sort=name&amp;order=asc" in page
