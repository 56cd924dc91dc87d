"""In a browser, the plain-English check shows under a resource's text box as it is typed,
under the site's Content-Security-Policy, without the page reloading."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from n4c.platform.people.models import Profile, Role
from tests.browser.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_check_shows_under_the_text_box_as_it_is_typed(live_server, new_page, sign_in) -> None:
    user = get_user_model().objects.create_user("nia", password=PASSWORD)
    Profile.objects.create(user=user, role=Role.NATIONAL_TEAM)
    page = new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    sign_in(page, "nia")
    page.goto(f"{live_server.url}/resources/new/")
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Plain English summary").press_sequentially("We will utilise the hall.")
    page.locator("#id_plain_summary-plain").get_by_text("try use").wait_for()
    assert "easier to read than the aim of 9 to 11" in page.inner_text("#id_plain_summary-plain")
    assert page.inner_text("#id_body-plain") == ""
    assert page.evaluate("window.notReloaded") is True
    assert errors == []
