"""Map pages in a real browser: Leaflet draws the areas, the table drives the map from the
keyboard, the page fits a 390 px phone, and axe finds no serious problem."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from n4c.platform.people.models import Profile, Role
from tests.browser.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def national_user():
    user = get_user_model().objects.create_user("mapper", password=PASSWORD)
    Profile.objects.create(user=user, role=Role.NATIONAL_TEAM)
    return user


@pytest.mark.parametrize("width", [1280, 390])
def test_a_council_map_draws_works_by_keyboard_and_passes_axe(
    live_server, new_page, sign_in, national_user, width
):
    from axe_playwright_python.sync_playwright import Axe

    page = sign_in(new_page(width), "mapper")
    page.goto(f"{live_server.url}/maps/?what=imd&lad=E06000009")
    page.locator(".n4c-map--ready").wait_for()
    assert page.locator(".n4c-map path.leaflet-interactive").count() == 94
    # Sideways scrolling of the whole page would hide half the map on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    table = page.get_by_role("region", name="IMD 2019 decile of each LSOA, Blackpool: 94 areas")
    table.focus()
    assert page.evaluate("document.activeElement.classList.contains('table-scroll')")
    button = page.get_by_role("button", name="Show Blackpool 006A on the map")
    button.focus()
    page.keyboard.press("Enter")
    assert (
        "Showing Blackpool 006A (Blackpool): IMD 2019 decile (LSOAs) "
        in page.locator("#map-status").inner_text()
    )
    violations = Axe().run(page).response["violations"]
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert [(v["id"], [n["html"][:200] for n in v["nodes"][:3]]) for v in serious] == []


def test_the_national_map_of_left_behind_wards_draws_every_ward(
    live_server, new_page, sign_in, national_user
):
    page = sign_in(new_page(390), "mapper")
    page.goto(f"{live_server.url}/maps/")
    page.locator(".n4c-map--ready").wait_for(timeout=60_000)
    assert page.locator(".n4c-map path.leaflet-interactive").count() > 7_000
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_place_search_works_without_javascript(browser, live_server, sign_in, national_user):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = sign_in(context.new_page(), "mapper")
        page.goto(f"{live_server.url}/maps/places/")
        page.get_by_label("Ward, council or LSOA name or code").fill("bloomfield")
        page.locator("#main").get_by_role("button", name="Search").click()
        assert "E05001645" in page.locator("#place-results").inner_text()
    finally:
        context.close()
