"""Under the Content-Security-Policy the pages still work: nothing is refused in the browser."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from n4c.platform.people.models import Profile, Role
from n4c.platform.regions.models import Region
from tests.browser.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in_page(live_server, new_page, sign_in):
    """A national-team user's page, with every message the browser logs kept."""
    Region.objects.create(code="E12000002", name="North West")
    user = get_user_model().objects.create_user("nia", password=PASSWORD)
    Profile.objects.create(user=user, role=Role.NATIONAL_TEAM)
    page = new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    sign_in(page, "nia")
    page.get_by_role("heading", name="The programme").wait_for()
    page.goto(f"{live_server.url}/areas/")
    return page


def test_the_api_docs_render_from_the_platform_under_the_policy(live_server, signed_in_page):
    page = signed_in_page
    # With no internet the docs still work: the browser asks nothing of any other site.
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{live_server.url}/api/docs")
    page.locator(".swagger-ui .info .title").get_by_text("n4c platform API").wait_for()
    page.locator(".opblock-tag").first.wait_for()
    assert page.problems == []
    assert asked and [url for url in asked if not url.startswith((live_server.url, "data:"))] == []


def test_htmx_filters_work_under_the_policy(live_server, signed_in_page):
    page = signed_in_page
    page.wait_for_load_state("networkidle")
    page.get_by_label("Region").select_option(label="North West")
    page.wait_for_url("**/areas/?*region=E12000002*")
    assert page.problems == []
