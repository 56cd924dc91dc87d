"""An area's assets on the map of its neighbourhood profile, redrawn when an asset changes."""

from __future__ import annotations

import pytest

from n4c.platform.assets.models import Asset
from n4c.profiles.build import area_for_wards
from n4c.profiles.charts import area_outline_of

pytestmark = pytest.mark.django_db

BLOOMFIELD = "E05001645"


@pytest.fixture
def bloomfield(home):
    home.name = "Bloomfield"
    home.ward17_codes = [BLOOMFIELD]
    home.save()
    return home


def test_the_areas_assets_are_on_its_profile_map_and_a_change_redraws_it(
    bloomfield, client_for, national
) -> None:

    inside = area_outline_of(area_for_wards("Bloomfield", [BLOOMFIELD]).lsoa11_codes)
    point = inside.representative_point()
    client = client_for(national)
    page = client.get(f"/areas/{bloomfield.pk}/profile/").content.decode()
    assert "Revoe Library" not in page
    Asset.objects.create(
        area=bloomfield, name="Revoe Library", kind="physical", latitude=point.y, longitude=point.x
    )
    page = client.get(f"/areas/{bloomfield.pk}/profile/").content.decode()
    assert "Revoe Library" in page and "with 1 community asset." in page
    svg = client.get(f"/areas/{bloomfield.pk}/profile/map.svg").content.decode()
    assert "Community assets (1)" in svg
