"""The area's own page shows its asset map to those who may see the area's assets."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from n4c.platform.areas import hooks
from n4c.platform.assets.models import Asset

pytestmark = pytest.mark.django_db


def _assets(area) -> None:
    Asset.objects.create(
        area=area,
        name="The Red Lion",
        kind="physical",
        latitude=53.43915,
        longitude=-2.27991,
        lsoa_code="E01005153",
    )
    Asset.objects.create(area=area, name="Friday Choir", kind="social", postcode="M9 4AA")


def test_the_area_page_shows_the_map_with_each_mapped_asset_linked(client_for, specialist, area):
    _assets(area)
    page = client_for(specialist).get(area.get_absolute_url()).content.decode()
    assert '<h2 id="area-assets-heading">Community assets</h2>' in page
    assert '<svg class="asset-map"' in page
    red_lion = Asset.objects.get(name="The Red Lion")
    assert f'<a href="{red_lion.get_absolute_url()}">' in page
    assert "2 assets in the register, 1 without coordinates and not on the map." in page


def test_the_area_map_draws_the_areas_boundary_around_its_assets(client_for, specialist, area):
    area.ward17_codes = ["E05000695"]  # Moss Side, Manchester
    area.save()
    _assets(area)
    page = client_for(specialist).get(area.get_absolute_url()).content.decode()
    assert "by their coordinates (north at the top), inside the area&#x27;s boundary" in page
    outline = page.split('<path d="M', 1)[1].split('"', 1)[0]
    assert outline.count("L") > 20 and outline.endswith("Z")


def test_an_area_without_assets_says_so_and_draws_no_map(client_for, specialist, area):
    page = client_for(specialist).get(area.get_absolute_url()).content.decode()
    assert "No assets recorded yet." in page
    assert '<svg class="asset-map"' not in page


def test_the_map_panel_is_shown_only_to_those_who_may_see_the_areas_assets(
    resident_elsewhere, specialist, area
):
    """The panel carries its own check, so no page that lists panels can leak another area's assets."""
    panel = hooks._panels["asset_map"]
    assert panel.template_name == "assets/area_map.html"
    assert panel.check is not None
    assert panel.check(specialist, area)
    assert not panel.check(resident_elsewhere, area)


def test_the_map_is_drawn_once_and_redrawn_as_soon_as_an_asset_changes(
    client_for, specialist, area
):
    client = client_for(specialist)
    assert "No assets recorded yet." in client.get(area.get_absolute_url()).content.decode()
    _assets(area)  # saving assets bumps the version the cached map is kept under
    page = client.get(area.get_absolute_url()).content.decode()
    assert "2 assets in the register" in page
    # Drawn already: the page is answered without reading the register again.
    with CaptureQueriesContext(connection) as queries:
        again = client.get(area.get_absolute_url()).content.decode()
    assert "2 assets in the register" in again
    assert not [q for q in queries.captured_queries if "assets_asset" in q["sql"]]
    Asset.objects.get(name="Friday Choir").delete()
    assert "1 asset in the register." in client.get(area.get_absolute_url()).content.decode()


def test_the_cached_map_keeps_a_copy_in_each_language(client_for, specialist, area):
    """The map's title and each asset's kind are in the reader's language, so a Polish map
    drawn first is not then shown to a reader of English."""
    _assets(area)
    client = client_for(specialist)
    client.cookies["n4c_language"] = "pl"
    polish = client.get(area.get_absolute_url()).content.decode()
    assert "<title>The Red Lion (Materialny)</title>" in polish
    assert "według współrzędnych (północ u góry)" in polish
    client.cookies["n4c_language"] = "en-gb"
    english = client.get(area.get_absolute_url()).content.decode()
    assert "<title>The Red Lion (Physical)</title>" in english
    assert "Map of 1 asset by their coordinates (north at the top)" in english
    assert "współrzędnych" not in english
