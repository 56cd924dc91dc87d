"""A resident answers the residents' survey on a phone in a real browser: the page fits 390 px,
passes axe before and after a refusal, and records the answers once; the learning page passes
axe too."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from n4c.platform.areas.models import Area, Stage
from n4c.platform.people.models import Profile, Role
from n4c.platform.regions.models import Region
from n4c.platform.residents.models import Resident
from n4c.platform.surveys import services
from n4c.platform.surveys.models import Response
from tests.browser.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 390


def _person(username: str, role: str):
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    Profile.objects.create(user=user, role=role)
    return user


@pytest.fixture
def home() -> Area:
    region = Region.objects.create(code="E12000002", name="North West")
    return Area.objects.create(
        name="Home ward",
        region=region,
        ward17_codes=["E05000001"],
        stage=Stage.ACTIVE,
        population=6000,
        imd_score=55.0,
        imd_rank=10,
        imd_decile=1,
        cni_rank=20,
        left_behind=True,
    )


def _axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    return [v["id"] for v in Axe().run(page).response["violations"]]


def _fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"the survey scrolls sideways: {width} px wide"


def test_a_resident_completes_the_survey_on_a_phone(live_server, new_page, sign_in, home):
    national = _person("nia", Role.NATIONAL_TEAM)
    member = _person("jo", Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    resident = Resident.objects.create(
        area=home, full_name="Jo Bloggs", joined_on=dt.date(2026, 1, 5), account=member
    )
    today = timezone.localdate()
    wave = services.add_wave(
        national,
        services.supported_site(home),
        kind="baseline",
        opens_on=today,
        closes_on=today + dt.timedelta(days=30),
    )
    page = new_page(PHONE_WIDTH)
    sign_in(page, "jo")
    page.goto(f"{live_server.url}/learning/area/{home.pk}/surveys/")
    page.get_by_role("link", name="Answer the baseline survey").click()
    page.get_by_role("heading", name="Living in your neighbourhood").wait_for()
    _fits(page)
    assert _axe_violations(page) == []

    belonging = page.get_by_role(
        "group", name="How strongly do you feel you belong to your immediate neighbourhood?"
    )
    belonging.get_by_label("Fairly strongly").check()
    page.get_by_role("group", name="Overall, how happy did you feel yesterday?").get_by_label(
        "8", exact=True
    ).check()
    page.get_by_role("group", name="What is your sex?").get_by_label("Prefer not to say").check()
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_text("Tick the box to agree").first.wait_for()
    assert not Response.objects.exists()
    _fits(page)
    assert _axe_violations(page) == []

    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_text("Thank you: your answers have been recorded.").wait_for()
    response = Response.objects.get(resident=resident)
    assert response.answers == {
        "belonging": "fairly_strongly",
        "happiness": 8,
        "sex": "prefer_not_to_say",
    }
    assert response.wave == wave
    page.get_by_text("You have answered this survey.").wait_for()
    _fits(page)
    assert _axe_violations(page) == []

    staff = new_page(PHONE_WIDTH)
    sign_in(staff, "nia")
    for address in (f"/learning/area/{home.pk}/", f"/learning/area/{home.pk}/surveys/"):
        staff.goto(live_server.url + address)
        staff.wait_for_load_state()
        assert _axe_violations(staff) == [], address
    staff.get_by_role("link", name="Enter a paper response").click()
    staff.get_by_role("heading", name="Living in your neighbourhood").wait_for()
    assert _axe_violations(staff) == []
