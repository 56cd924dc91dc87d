"""The migration that allows one chair per area keeps the chair who joined first where an area
had several, and makes the others members."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from n4c.platform.residents.models import Resident

BEFORE = [("residents", "0003_contact_details_need_consent")]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor


@pytest.mark.django_db(transaction=True)
def test_an_area_with_two_chairs_keeps_the_one_who_joined_first(home):
    try:
        old = _migrate(BEFORE).loader.project_state(BEFORE).apps.get_model("residents", "Resident")
        joined = {"Later Chair": dt.date(2026, 3, 1), "First Chair": dt.date(2026, 1, 1)}
        for name, on in joined.items():
            old.objects.create(
                area_id=home.pk, full_name=name, partnership_role="chair", joined_on=on
            )
        old.objects.create(
            area_id=home.pk,
            full_name="Erased",
            partnership_role="chair",
            joined_on=dt.date(2025, 1, 1),
            erased_at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC),
        )
    finally:
        _migrate(None)
    roles = dict(Resident.objects.filter(area=home).values_list("full_name", "partnership_role"))
    assert roles == {"First Chair": "chair", "Later Chair": "member", "Erased": "chair"}
