"""An area's neighbourhood profile in a real browser: it fits a 390 px phone, its tables scroll
inside focusable regions, its map image loads, and axe finds no serious problem."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from n4c.platform.areas.models import Area
from n4c.platform.people.models import Profile, Role
from n4c.platform.regions.models import Region
from tests.browser.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bloomfield():
    user = get_user_model().objects.create_user("profiler", password=PASSWORD)
    Profile.objects.create(user=user, role=Role.NATIONAL_TEAM)
    region = Region.objects.create(code="E12000002", name="North West")
    return Area.objects.create(
        name="Bloomfield",
        region=region,
        ward17_codes=["E05001645"],
        population=6745,
        imd_score=87.1,
        imd_rank=1,
        imd_decile=1,
        cni_rank=488,
        left_behind=True,
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_the_profile_page_fits_works_by_keyboard_and_passes_axe(
    live_server, new_page, sign_in, bloomfield, width
):
    from axe_playwright_python.sync_playwright import Axe

    page = sign_in(new_page(width), "profiler")
    page.goto(f"{live_server.url}/areas/{bloomfield.pk}/profile/", timeout=120_000)
    page.get_by_role("heading", name="Bloomfield: neighbourhood profile").wait_for()
    map_image = page.get_by_role("img", name="Map of Bloomfield", exact=False)
    map_image.wait_for()
    assert page.evaluate("document.querySelector('.profile-map img').naturalWidth") > 100
    # Sideways scrolling of the whole page would hide half of it on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    table = page.get_by_role(
        "region", name="Deprivation: the IMD 2019 and its seven domains", exact=False
    )
    table.focus()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"
    violations = Axe().run(page).response["violations"]
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert [(v["id"], [n["html"][:200] for n in v["nodes"][:3]]) for v in serious] == []
