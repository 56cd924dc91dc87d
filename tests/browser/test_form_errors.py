"""A form's error summary on a phone: it takes focus, its links reach the fields, axe passes."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = 390


def test_the_error_summary_takes_focus_and_leads_to_each_field(live_server, new_page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = new_page(width=PHONE)
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("main button[type=submit]").click()
    summary = page.get_by_role("alert")
    summary.wait_for()
    assert summary.get_by_role("heading").inner_text() == "There is a problem"
    assert page.evaluate("document.activeElement.className") == "error-summary"
    assert page.locator(".error-message").first.inner_text().startswith("Error:")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE, f"the page scrolls sideways: {width} px wide"
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
    summary.get_by_role("link", name="Enter password").click()
    assert page.evaluate("location.hash") == "#id_password"
