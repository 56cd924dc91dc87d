"""The split of the community-rights apps keeps every row: data stored under the assets app
(before the split) is read, unchanged, by the apps that took its tables over."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from n4c.platform.audit.models import AuditEvent
from n4c.platform.deadlines.models import CalendarFeed, ReminderSent
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan, PlanStage
from n4c.platform.right_to_bid.models import AssetCase, CaseEvent, CaseExtension

BEFORE_THE_SPLIT = [
    ("assets", "0004_plancase"),
    ("right_to_bid", None),
    ("neighbourhood_planning", None),
    ("deadlines", None),
]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor


def _rows_before_the_split(old, area_id: int) -> None:
    """One row in each table, written through the models as they were before the split."""
    asset = old.get_model("assets", "Asset").objects.create(
        area_id=area_id, name="The Red Lion", kind="physical"
    )
    case = old.get_model("assets", "AssetCase").objects.create(
        asset=asset, title="Sale", opened_on=dt.date(2026, 3, 1)
    )
    old.get_model("assets", "CaseEvent").objects.create(
        case=case, event="notice-of-disposal", date=dt.date(2026, 3, 1)
    )
    old.get_model("assets", "CaseExtension").objects.create(
        case=case, rule_id="acv.listing-review-decision", extended_to=dt.date(2026, 6, 1)
    )
    old.get_model("assets", "ReminderSent").objects.create(
        case=case, rule_id="acv.interim-moratorium", deadline_on=dt.date(2026, 4, 11),
        lead_days=7, recipients=2,
    )  # fmt: skip
    old.get_model("assets", "CalendarFeed").objects.create(area_id=area_id, token="secret-1")
    plan = old.get_model("assets", "PlanCase").objects.create(
        area_id=area_id, title="Harpurhey plan", opened_on=dt.date(2026, 1, 5)
    )
    old.get_model("assets", "PlanStageEvent").objects.create(
        case=plan, event="plan-publicised", date=dt.date(2026, 3, 2)
    )
    AuditEvent.objects.create(action="created", model="assets.plancase", object_id=str(plan.pk))


@pytest.mark.django_db(transaction=True)
def test_rows_stored_before_the_split_are_read_by_the_new_apps(area):
    try:
        executor = _migrate(BEFORE_THE_SPLIT)
        old = executor.loader.project_state([BEFORE_THE_SPLIT[0]]).apps
        _rows_before_the_split(old, area.pk)
    finally:
        _migrate(None)
    ContentType.objects.clear_cache()

    case = AssetCase.objects.get()
    assert (case.asset.name, case.title, case.asset.area) == ("The Red Lion", "Sale", area)
    assert CaseEvent.objects.get(case=case).event == "notice-of-disposal"
    assert CaseExtension.objects.get(case=case).extended_to == dt.date(2026, 6, 1)
    assert ReminderSent.objects.get(case=case).lead_days == 7
    assert CalendarFeed.objects.get(area=area).token == "secret-1"
    plan = NeighbourhoodPlan.objects.get(area=area)
    assert plan.title == "Harpurhey plan"
    assert [(s.event, s.date) for s in PlanStage.objects.filter(plan=plan)] == [
        ("plan-publicised", dt.date(2026, 3, 2))
    ]
    # The plan's audit trail and admin history follow it to its new app and name.
    assert AuditEvent.objects.get(object_id=str(plan.pk)).model == (
        "neighbourhood_planning.neighbourhoodplan"
    )
    assert ContentType.objects.get_for_model(NeighbourhoodPlan).app_label == (
        "neighbourhood_planning"
    )
    assert not ContentType.objects.filter(app_label="assets", model="plancase").exists()
