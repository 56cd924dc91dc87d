"""A demo neighbourhood plan: the first demo area with a register is writing one, and its draft is
out for consultation. Idempotent: if a demo area has a plan already, nothing is added."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from n4c.platform.areas.models import Area
from n4c.platform.assets.demo import demo_place
from n4c.platform.assets.models import Asset
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan
from n4c.platform.neighbourhood_planning.services import open_plan, record_plan_stage

__all__ = ["seed"]

# Days before ``today``: the pre-submission consultation is still open.
_STAGES = [
    ("area-application-publicised", 200),
    ("forum-designated", 120),
    ("pre-submission-publicised", 14),
]


@transaction.atomic
def seed(areas: list[Area], actor, today: dt.date) -> str:
    """The demo hook: one plan in the first demo area with assets; says how many are open."""
    registered = set(Asset.objects.filter(area__in=areas).values_list("area_id", flat=True))
    area = next((a for a in areas if a.pk in registered), None)
    if area is not None and not NeighbourhoodPlan.objects.filter(area__in=areas).exists():
        plan = open_plan(
            actor,
            area,
            title=f"{demo_place(area)} neighbourhood plan",
            opened_on=today - dt.timedelta(days=_STAGES[0][1]),
        )
        for event, days in _STAGES:
            record_plan_stage(actor, plan, event=event, date=today - dt.timedelta(days=days))
    count = NeighbourhoodPlan.objects.filter(closed_on__isnull=True).count()
    return f"{count} neighbourhood plan{'' if count == 1 else 's'}"
