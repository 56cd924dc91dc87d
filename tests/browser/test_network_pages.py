"""Browser tests of plans, referrals, events and peers, resources, residents and rollout pages:
an adviser's working flow on a phone, and an axe-core scan of each page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from n4c.platform.areas.models import Area
from n4c.platform.caseloads.models import Assignment
from n4c.platform.events.models import Event
from n4c.platform.people.models import Profile, Role
from n4c.platform.referrals.models import Partner
from n4c.platform.regions.models import Region
from n4c.platform.residents.models import Resident
from n4c.platform.resources.models import Resource
from tests.browser.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _person(username, role, region=None):
    user = get_user_model().objects.create_user(
        username, password=PASSWORD, first_name=username.title(), last_name="Tester"
    )
    Profile.objects.create(user=user, role=role, region=region)
    return user


def _area(name, region, imd_rank):
    return Area.objects.create(
        name=name,
        region=region,
        ward17_codes=["E05000001"],
        stage="active",
        population=7000,
        imd_score=60.0,
        imd_rank=imd_rank,
        imd_decile=1,
        cni_rank=imd_rank + 5,
        left_behind=True,
    )


@pytest.fixture
def network():
    region = Region.objects.create(code="E12000002", name="North West")
    home = _area("Northmoor", region, 12)
    near = _area("Eastfield", region, 15)
    adviser = _person("aisha", Role.ADVISER, region)
    Assignment.objects.create(
        area=home, person=adviser, role=Role.ADVISER, started_on=dt.date(2026, 1, 1)
    )
    _person("nia", Role.NATIONAL_TEAM)
    partner = Partner.objects.create(name="Demo Law Centre", specialism="legal")
    event = Event.objects.create(
        title="Network gathering", scope="national", starts_on=dt.date(2026, 9, 1)
    )
    resource = Resource.objects.create(
        title="Running a meeting", kind="guidance", summary="How to."
    )
    resident = Resident.objects.create(
        area=home, full_name="Demo Member", joined_on=dt.date(2026, 2, 1)
    )
    return {
        "home": home,
        "near": near,
        "partner": partner,
        "event": event,
        "resource": resource,
        "resident": resident,
    }


def test_an_adviser_adds_a_plan_action_and_sees_a_suggested_peer_on_a_phone(
    live_server, new_page, sign_in, network
):
    page = new_page(width=390)
    sign_in(page, "aisha")
    home = network["home"]
    page.goto(f"{live_server.url}/areas/{home.pk}/")
    page.get_by_role("link", name="Area plan and Year Zero checklist").click()
    page.get_by_text("Add an action").click()
    page.get_by_label("What will be done").fill("Hold a fun day")
    page.get_by_label("Owner").fill("Partnership chair")
    page.get_by_label("Due date").fill("2026-08-01")
    page.get_by_role("button", name="Add the action").click()
    assert "The action is added." in page.inner_text("main")
    assert "Hold a fun day" in page.inner_text("main")

    # htmx saves a status in place: the page is not reloaded (the marker survives).
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Status of “Hold a fun day”").select_option(label="Done")
    page.get_by_role("button", name="Update").click()
    page.get_by_role("status").filter(has_text="Saved: done.").wait_for()
    assert page.evaluate("window.notReloaded") is True
    page.reload()
    assert page.get_by_label("Status of “Hold a fun day”").input_value() == "done"

    page.goto(f"{live_server.url}/events/peers/{home.pk}/")
    suggestions = page.get_by_role("list").filter(has_text="Eastfield").inner_text()
    assert "Its needs are very like yours" in suggestions
    assert "It is in the same region (North West)." in suggestions


def test_the_network_pages_have_no_serious_or_critical_accessibility_violations(
    live_server, new_page, sign_in, network
):
    from axe_playwright_python.sync_playwright import Axe

    home = network["home"]
    pages = [
        "/plans/",
        f"/plans/{home.pk}/",
        "/referrals/",
        "/referrals/partners/",
        f"/referrals/partners/{network['partner'].pk}/",
        f"/referrals/area/{home.pk}/",
        "/events/",
        f"/events/{network['event'].pk}/",
        f"/events/peers/{home.pk}/",
        "/resources/",
        f"/resources/{network['resource'].pk}/",
        "/resources/new/",
        f"/residents/area/{home.pk}/",
        f"/residents/{network['resident'].pk}/",
        "/rollout/",
    ]
    axe = Axe()
    page = new_page()
    sign_in(page, "nia")
    found = {}
    for path in pages:
        page.goto(f"{live_server.url}{path}")
        assert page.title().endswith("Network for Communities"), path
        violations = axe.run(page).response["violations"]
        bad = [
            (v["id"], v["nodes"][0]["html"][:120])
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
        if bad:
            found[path] = bad
    assert found == {}


def test_the_area_list_filters_as_a_choice_changes_without_reloading(
    live_server, new_page, sign_in, network
):
    other = Region.objects.create(code="E12000001", name="North East")
    _area("Seaview", other, 30)
    page = new_page()
    sign_in(page, "nia")
    page.goto(f"{live_server.url}/areas/")
    assert "3 areas" in page.inner_text("caption")
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Region").select_option(label="North East")
    page.get_by_text("1 area", exact=True).wait_for()
    assert "Seaview" in page.inner_text("#area-results")
    assert "Northmoor" not in page.inner_text("#area-results")
    assert page.evaluate("window.notReloaded") is True
    assert "region=E12000001" in page.url  # the address keeps the filter, for back and sharing
