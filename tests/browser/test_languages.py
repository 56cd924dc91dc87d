"""The platform in residents' languages on a phone: Polish, and Urdu right to left."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from n4c.platform.areas.models import Area, Stage
from n4c.platform.people.models import Profile, Role
from n4c.platform.regions.models import Region
from tests.browser.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = 390


@pytest.fixture
def member_area():
    region = Region.objects.create(code="E12000002", name="North West")
    area = Area.objects.create(
        name="Browser Test Estate",
        region=region,
        stage=Stage.ACTIVE,
        ward17_codes=["E05001234"],
        population=6000,
        imd_score=55.0,
        imd_rank=10,
        imd_decile=1,
        cni_rank=20,
        left_behind=True,
    )
    member = get_user_model().objects.create_user(
        "maria", password=PASSWORD, first_name="Maria", last_name="Nowak"
    )
    Profile.objects.create(user=member, role=Role.PARTNERSHIP_MEMBER)
    area.partnership_members.add(member)
    return area


def _choose_language(page, url: str, language: str) -> None:
    """Choose the language on the sign-in page, before signing in, as a visitor would."""
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Language").select_option(language)
    with page.expect_navigation():
        page.get_by_role("button", name="Change language").click()


def _check_phone_page(page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE, f"{page.url} scrolls sideways: {width} px wide"
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []


def test_a_member_reads_their_area_and_plan_in_polish_on_a_phone(
    live_server, new_page, sign_in, member_area
):
    page = new_page(width=PHONE)
    _choose_language(page, live_server.url, "pl")
    sign_in(page, "maria")
    page.get_by_role("heading", name="Twoja okolica").wait_for()
    assert page.locator("html").get_attribute("lang") == "pl"
    _check_phone_page(page)
    page.goto(f"{live_server.url}{member_area.get_absolute_url()}")
    page.get_by_role("heading", name="Potrzeby na starcie").wait_for()
    _check_phone_page(page)
    page.goto(f"{live_server.url}/plans/{member_area.pk}/")
    page.get_by_role("heading", name="Plan dla: Browser Test Estate").wait_for()
    _check_phone_page(page)


def test_urdu_pages_are_mirrored_right_to_left_on_a_phone(
    live_server, new_page, sign_in, member_area
):
    page = new_page(width=PHONE)
    _choose_language(page, live_server.url, "ur")
    sign_in(page, "maria")
    page.get_by_role("heading", name="آپ کا علاقہ").wait_for()
    assert page.locator("html").get_attribute("dir") == "rtl"
    _check_phone_page(page)
    page.goto(f"{live_server.url}{member_area.get_absolute_url()}")
    page.get_by_role("heading", name="ابتدائی ضرورت").wait_for()
    _check_phone_page(page)
    # Mirrored: the heading starts at the right-hand edge of the page.
    box = page.get_by_role("heading", name="ابتدائی ضرورت").bounding_box()
    text_right = page.evaluate(
        "(() => { const r = document.createRange();"
        " r.selectNodeContents(document.querySelector('main h2'));"
        " return r.getBoundingClientRect().right; })()"
    )
    assert box is not None and text_right > PHONE - 40
    # The ward code still reads left to right inside the Urdu text.
    assert page.locator("dd bdi").first.inner_text() == "E05001234"
