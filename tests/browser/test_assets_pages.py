"""Community assets in a real browser: the area page's map and the rights pages pass axe."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from n4c.platform.areas.models import Stage
from n4c.platform.areas.services import create_area
from n4c.platform.assets import demo as assets_demo
from n4c.platform.neighbourhood_planning import demo as planning_demo
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan
from n4c.platform.people.models import Profile, Role
from n4c.platform.regions.services import load_regions
from n4c.platform.right_to_bid import demo as right_to_bid_demo
from n4c.platform.right_to_bid.models import AssetCase
from tests.browser.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded_area():
    """Moss Side (Manchester) with the demo register, cases and neighbourhood plan."""
    load_regions()
    user = get_user_model().objects.create_user("nat", password=PASSWORD)
    Profile.objects.create(user=user, role=Role.NATIONAL_TEAM)
    area = create_area(
        user, name="Moss Side, Manchester", ward17_codes=["E05000695"], stage=Stage.ACTIVE
    )
    for seed in (assets_demo.seed, right_to_bid_demo.seed, planning_demo.seed):
        seed([area], user, dt.date.today())
    return area


def test_the_area_page_map_and_the_rights_pages_have_no_serious_accessibility_violations(
    live_server, new_page, sign_in, seeded_area
):
    from axe_playwright_python.sync_playwright import Axe

    page = sign_in(new_page(), "nat")

    page.goto(f"{live_server.url}{seeded_area.get_absolute_url()}")
    map_image = page.get_by_role("group", name="Map of 4 assets by their coordinates")
    assert map_image.is_visible()
    page.get_by_role("link", name="The Moss Arms").first.wait_for()

    pages = [
        seeded_area.get_absolute_url(),
        f"/assets/area/{seeded_area.pk}/",
        "/assets/",
        AssetCase.objects.filter(asset__area=seeded_area).first().get_absolute_url(),
        NeighbourhoodPlan.objects.get(area=seeded_area).get_absolute_url(),
    ]
    axe = Axe()
    found = {}
    for path in pages:
        page.goto(f"{live_server.url}{path}")
        violations = axe.run(page).response["violations"]
        bad = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        if bad:
            found[path] = bad
    assert found == {}
