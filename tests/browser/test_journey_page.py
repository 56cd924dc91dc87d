"""The right to bid task list in a real browser, on a desktop and a 390 px phone: it reads as a
task list, passes axe, fits the screen and its letter downloads as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from n4c.platform.assets.models import Asset
from tests.browser.test_assets_pages import seeded_area  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_task_list_page_is_accessible_and_fits_a_desktop_and_a_phone(
    live_server,
    new_page,
    sign_in,
    seeded_area,  # noqa: F811
    width,
):
    from axe_playwright_python.sync_playwright import Axe

    page = new_page(width=width)
    sign_in(page, "nat")

    pub = Asset.objects.get(area=seeded_area, reference="PUB")
    page.goto(f"{live_server.url}{pub.get_absolute_url()}")
    page.get_by_role("link", name="See what to do next, by when, with template letters").click()
    page.get_by_role("heading", name="The community right to bid, step by step").wait_for()
    steps = page.locator(".task-list-item")
    assert steps.count() == 7
    assert "Done" in steps.nth(0).inner_text()
    assert "In progress" in steps.nth(5).inner_text()
    assert page.get_by_role(
        "heading", name="5. Ask to be treated as a potential bidder"
    ).is_visible()

    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"The page is {overflow} px wider than a {width} px screen."
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the letter as text").first.click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Community nomination: The Moss Arms" in text


def test_the_nomination_pages_have_no_serious_accessibility_violations(
    live_server,
    new_page,
    sign_in,
    seeded_area,  # noqa: F811
):
    from axe_playwright_python.sync_playwright import Axe

    page = new_page(width=390)
    sign_in(page, "nat")
    page.goto(f"{live_server.url}/assets/area/{seeded_area.pk}/nominate/")
    page.get_by_label("Name of the building or land").fill("The Old Library")
    page.get_by_label("Why it matters to the community").fill("Clubs meet here.")
    page.get_by_label("Name of the group nominating it").fill("Friends of the Library")
    page.get_by_label("Kind of group").select_option("parish-council")
    page.get_by_role("button", name="Save the nomination for staff to check").click()
    page.get_by_text("Nomination saved.").wait_for()
    found = {}
    for path in ("/assets/nominations/", page.url):
        page.goto(path if path.startswith("http") else f"{live_server.url}{path}")
        bad = [
            v["id"]
            for v in Axe().run(page).response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if bad:
            found[path] = bad
    page.goto(f"{live_server.url}/assets/nominations/")
    page.get_by_role("link", name="The Old Library").click()
    page.get_by_role("heading", name="Nomination of The Old Library").wait_for()
    bad = [
        v["id"]
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert found == {} and bad == []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
