"""The area page offers the personal data link only to those who may open it."""

from __future__ import annotations

import pytest

from n4c.platform.caseloads.services import assign
from n4c.platform.people.models import Role

RESIDENTS_LINK = "Partnership members (personal data)"


@pytest.mark.django_db
def test_the_personal_data_link_shows_only_to_those_who_may_open_it(
    region, make_person, make_area, client_for, national
) -> None:
    """Staff who may change the area see the link and can open it; others see neither."""
    area = make_area(region)
    adviser = make_person(Role.ADVISER, region)
    assign(national, area, adviser, "adviser")
    specialist = make_person(Role.SPECIALIST)
    other_adviser = make_person(Role.ADVISER, region)
    for user, may in [
        (national, True),
        (adviser, True),
        (specialist, False),
        (other_adviser, False),
    ]:
        client = client_for(user)
        page = client.get(f"/areas/{area.pk}/").content.decode()
        assert (RESIDENTS_LINK in page) is may, user.username
        expected = 200 if may else 403
        assert client.get(f"/residents/area/{area.pk}/").status_code == expected, user.username
    assert "Area plan and Year Zero checklist" in page
