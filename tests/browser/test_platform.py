"""The platform in a real browser: the daily jobs end to end, and an accessibility scan."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from n4c.needs import ward_table
from n4c.platform.areas.services import create_area
from n4c.platform.caseloads.models import Assignment
from n4c.platform.caseloads.services import assign
from n4c.platform.people.models import Profile, Role
from n4c.platform.regions.models import LocalAuthority
from n4c.platform.regions.services import load_regions
from tests.browser.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _person(username, first, last, role, region=None):
    user = get_user_model().objects.create_user(
        username, password=PASSWORD, first_name=first, last_name=last
    )
    Profile.objects.create(user=user, role=role, region=region)
    return user


@pytest.fixture
def network(settings):
    """Regions from the real lookup; a national lead; two advisers, one already at the limit."""
    settings.ADVISER_MAX_AREAS = 1
    load_regions()
    wards = ward_table()
    left = wards[wards["left_behind"]].sort_values("imd_rank")
    lad = left["lad19_code"].value_counts().index[0]
    in_lad = left[left["lad19_code"] == lad]
    region = LocalAuthority.objects.get(code=lad).region
    national = _person("nia", "Nia", "National", Role.NATIONAL_TEAM)
    _person("aisha", "Aisha", "Khan", Role.ADVISER, region)
    full = _person("ben", "Ben", "Brown", Role.ADVISER, region)
    first = create_area(national, name="Already held", ward17_codes=[in_lad.iloc[1]["ward17_code"]])
    assign(national, first, full, Role.ADVISER)
    return {"region": region, "ward": in_lad.iloc[0], "first": first}


def test_sign_in_create_an_area_assign_log_support_and_read_the_report(
    live_server, new_page, sign_in, network
):
    page = new_page()
    sign_in(page, "nia")
    page.get_by_role("heading", name="The programme").wait_for()
    page.get_by_role("link", name="Areas", exact=True).click()
    page.get_by_role("heading", name="Areas", exact=True).wait_for()

    page.get_by_role("link", name="Add an area").click()
    page.get_by_label("Area name").fill("Browser Test Estate")
    page.get_by_label("Codes or ward names").fill(network["ward"]["ward17_code"])
    page.get_by_label("Stage").select_option("active")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Browser Test Estate").wait_for()
    assert "Browser Test Estate added." in page.content()
    assert network["region"].name in page.inner_text("main")

    page.get_by_role("link", name="Assign staff").click()
    page.get_by_label("Role in this area").select_option("adviser")
    page.get_by_label("Person").select_option(label="Ben Brown (Adviser)")
    page.get_by_role("button", name="Assign").click()
    error = page.locator("#id_person_error")
    assert "Ben Brown already holds 1 area, the limit for an adviser is 1." in error.inner_text()

    page.get_by_label("Person").select_option(label="Aisha Khan (Adviser)")
    page.get_by_role("button", name="Assign").click()
    page.get_by_role("heading", name="Browser Test Estate").wait_for()
    assert "Aisha Khan is now the adviser for Browser Test Estate." in page.inner_text("main")

    adviser_page = new_page(width=390)  # a phone
    sign_in(adviser_page, "aisha")
    adviser_page.get_by_role("link", name="Browser Test Estate").click()
    adviser_page.get_by_role("link", name="Log support").click()
    adviser_page.get_by_label("Kind").select_option("visit")
    adviser_page.get_by_label("Time in days").fill("1.5")
    adviser_page.get_by_label("Notes").fill("Walked the estate with the partnership.")
    adviser_page.get_by_role("button", name="Save").click()
    assert "Logged 1.5 days of support for Browser Test Estate." in adviser_page.inner_text("main")

    # Staff assigned during a month owe only their share of it; date this assignment from the
    # 1st so the month's two days apply whatever day the test runs.
    Assignment.objects.filter(area__name="Browser Test Estate").update(
        started_on=dt.date.today().replace(day=1)
    )
    page.get_by_role("link", name="Monthly report").click()
    page.get_by_text("By area (").click()  # the tables are folded below the summary
    row = page.get_by_role("row").filter(has_text="Browser Test Estate")
    assert "1.5" in row.inner_text()
    # The month is under way: only the days already gone are expected of anyone yet.
    assert "is under way" in page.inner_text("main")


def test_the_main_pages_have_no_serious_or_critical_accessibility_violations(
    live_server, new_page, sign_in, network
):
    from axe_playwright_python.sync_playwright import Axe

    area = network["first"]
    national = get_user_model().objects.get(username="nia")
    pages = [
        "/accounts/login/",
        "/areas/",
        f"/areas/{area.pk}/",
        "/areas/new/",
        f"/caseloads/areas/{area.pk}/assign/",
        f"/caseloads/people/{national.pk}/",
        f"/caseloads/regions/{network['region'].code}/",
        "/regions/",
        f"/regions/{network['region'].code}/",
        "/support-log/report/",
        "/audit/",
        "/people/",
        "/people/add/",
        f"/people/{get_user_model().objects.get(username='aisha').pk}/",
    ]
    axe = Axe()
    page = new_page()
    found = {}
    for number, path in enumerate(pages):
        if number == 1:
            sign_in(page, "nia")
        page.goto(f"{live_server.url}{path}")
        assert page.title().endswith("Network for Communities"), path
        violations = axe.run(page).response["violations"]
        bad = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        if bad:
            found[path] = bad
    assert found == {}
