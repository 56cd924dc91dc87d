"""The area page: the navigation by role, and the list of areas answering htmx."""

from __future__ import annotations

import pytest

from n4c.platform.people.models import Role


@pytest.mark.django_db
def test_navigation_links_every_list_page_and_staff_pages_only_to_staff(
    region, make_person, make_area, client_for, national
) -> None:
    area = make_area(region)
    member = make_person(Role.PARTNERSHIP_MEMBER)
    area.partnership_members.add(member)
    staff_page = client_for(national).get(f"/areas/{area.pk}/").content.decode()
    member_page = client_for(member).get(f"/areas/{area.pk}/").content.decode()
    for label, address in [("Plans", "/plans/"), ("Referrals", "/referrals/")]:
        assert f'<a href="{address}">{label}</a>' in staff_page
        assert f'<a href="{address}">{label}</a>' not in member_page
    # Members read the events for their area and the resources.
    for label, address in [("Events", "/events/"), ("Resources", "/resources/")]:
        assert f'<a href="{address}">{label}</a>' in staff_page
        assert f'<a href="{address}">{label}</a>' in member_page
    assert '<a href="/rollout/">Rollout and costs</a>' in staff_page
    assert "Rollout and costs" not in member_page
    assert "Monthly report" not in member_page


def test_the_area_list_sends_only_its_results_to_htmx(
    region, other_region, make_area, client_for, national
):
    make_area(region, "Home ward")
    make_area(other_region, "Far ward")
    client = client_for(national)
    page = client.get("/areas/", {"region": other_region.code}).content.decode()
    assert "<html" in page and 'hx-get="/areas/"' in page and "htmx-2.min.js" in page
    results = client.get("/areas/", {"region": other_region.code}, headers={"HX-Request": "true"})
    html = results.content.decode()
    assert "<html" not in html
    assert "Far ward" in html and "Home ward" not in html
    assert "1 area" in html
    assert "HX-Request" in results["Vary"]
    # Restoring a page from history needs all of it.
    restored = client.get(
        "/areas/",
        {"region": other_region.code},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in restored.content.decode()
