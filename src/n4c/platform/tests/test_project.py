"""The project as a whole: migrations are complete and the API documents every app."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_the_openapi_schema_covers_areas_assignments_support_and_the_report(national, client_for):
    schema = client_for(national).get("/api/openapi.json").json()
    paths = set(schema["paths"])
    for path in (
        "/api/areas/",
        "/api/areas/{area_id}",
        "/api/caseloads/assignments",
        "/api/support-log/entries",
        "/api/support-log/report",
    ):
        assert path in paths


def test_limits_come_from_n4c_config():
    from n4c import config

    pairs = {
        "N4C_ADVISER_MAX_AREAS": settings.ADVISER_MAX_AREAS,
        "N4C_COMMUNITY_WORKER_MAX_AREAS": settings.COMMUNITY_WORKER_MAX_AREAS,
        "N4C_SUPPORT_DAYS_PER_MONTH": settings.SUPPORT_DAYS_PER_MONTH,
        "N4C_LOGIN_MAX_FAILURES": settings.LOGIN_MAX_FAILURES,
    }
    for name, value in pairs.items():
        assert value == config.get(name), name
