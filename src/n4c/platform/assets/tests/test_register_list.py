"""The register table sorts, pages and keeps its filter in the address; the map shows every
asset the filter keeps, not only the table's page (see core.sorting)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from n4c.platform.assets.models import Asset
from n4c.platform.core.sorting import PER_PAGE

pytestmark = pytest.mark.django_db


def _asset(area, name: str, kind: str = "physical", **fields) -> Asset:
    return Asset.objects.create(area=area, name=name, kind=kind, **fields)


def test_the_register_sorts_by_a_column_and_keeps_the_filter(client_for, national, area):
    _asset(area, "Alpha Hall")
    _asset(area, "Beta Library")
    _asset(area, "Choir", kind="social")
    response = client_for(national).get(
        reverse("assets:register", args=[area.pk]),
        {"kind": "physical", "sort": "name", "order": "desc"},
    )
    page = response.content.decode()
    table = page.split("<h2>Register</h2>", 1)[1]
    assert table.index("Beta Library") < table.index("Alpha Hall")
    assert "Choir" not in table and "2 assets" in table
    assert 'aria-sort="descending"' in table
    assert "kind=physical&amp;sort=name&amp;order=asc" in table
    assert "kind=physical&amp;sort=status&amp;order=asc" in table


def test_the_table_pages_while_the_map_shows_every_asset_kept(client_for, national, area):
    for number in range(PER_PAGE + 1):
        _asset(area, f"Hall {number:02d}", latitude=53.5 + number / 1000, longitude=-2.2)
    url = reverse("assets:register", args=[area.pk])
    client = client_for(national)
    first = client.get(url, {"kind": "physical"}).content.decode()
    last = f"Hall {PER_PAGE:02d}"
    assert f"<title>{last} (Physical)</title>" in first
    assert f">{last}</a></td>" not in first
    assert "kind=physical&amp;page=2" in first
    second = client.get(url, {"kind": "physical", "page": "2"}).content.decode()
    assert f">{last}</a></td>" in second and ">Hall 00</a></td>" not in second
    assert 'aria-current="page"' in second
