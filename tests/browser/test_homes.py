"""Each role's home in a real browser, on a desktop and a 390 px phone: no serious or critical
accessibility problems (axe) and nothing wider than the screen."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from n4c.platform.areas.models import Area
from n4c.platform.caseloads.models import Assignment
from n4c.platform.people.models import Profile, Role
from n4c.platform.regions.models import Region
from n4c.platform.support_log.models import SupportEntry
from tests.browser.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = {
    "nia": Role.NATIONAL_TEAM,
    "hal": Role.HUB_LEAD,
    "aisha": Role.ADVISER,
    "cal": Role.COMMUNITY_WORKER,
    "mo": Role.PARTNERSHIP_MEMBER,
}


@pytest.fixture
def people():
    region = Region.objects.create(code="E12000002", name="North West")
    area = Area.objects.create(
        name="Bloomfield Estate With A Long Name",
        region=region,
        ward17_codes=["E05000001"],
        stage="active",
        population=6000,
        imd_score=55.0,
        imd_rank=10,
        imd_decile=1,
        cni_rank=20,
        left_behind=True,
    )
    users = {}
    for username, role in ROLES.items():
        users[username] = get_user_model().objects.create_user(
            username, password=PASSWORD, first_name=username.title(), last_name="Person"
        )
        Profile.objects.create(
            user=users[username], role=role, region=None if role == Role.NATIONAL_TEAM else region
        )
    for username in ("aisha", "cal"):
        Assignment.objects.create(
            area=area, person=users[username], role=ROLES[username], started_on=dt.date(2026, 1, 1)
        )
    SupportEntry.objects.create(
        area=area, person=users["aisha"], role="adviser", date=dt.date.today(), kind="visit", days=1
    )
    area.partnership_members.add(users["mo"])
    return users


@pytest.mark.parametrize("width", [1280, 390])
def test_every_home_is_accessible_and_fits_the_screen(
    live_server, new_page, sign_in, people, width
):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = {}
    for username in ROLES:
        page = sign_in(new_page(width=width), username)
        assert page.url == f"{live_server.url}/"  # each role lands on its home
        assert page.locator("h1").count() == 1
        for summary in page.locator("details > summary").all():
            summary.click()  # the folded tables must fit too
        sideways = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        bad = [
            v["id"]
            for v in axe.run(page).response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if sideways > 0 or bad:
            found[username] = (sideways, bad)
    assert found == {}
