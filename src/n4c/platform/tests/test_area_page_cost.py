"""Once its panels are cached, an area's page costs the signed-in user, the area and its frozen
baselines: the other apps' links, buttons and panels add no query of their own for the national
team."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_a_cached_area_page_costs_three_queries_for_the_national_team(
    home, adviser, national, client_for
):
    client = client_for(national)
    assert client.get(f"/areas/{home.pk}/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/areas/{home.pk}/")
    assert page.status_code == 200 and adviser.get_full_name() in page.text
    assert len(queries) == 3, [q["sql"] for q in queries]
