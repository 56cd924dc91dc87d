"""Changes to neighbourhood plans, and the dates computed for them; views, API, admin, the demo
and the deadlines app all call these."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from n4c import rights
from n4c.platform.areas.models import Area
from n4c.platform.assets.services import (
    clock_events,
    save_dated_event,
    withdraw_dated_event,
)
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change
from n4c.platform.core.conflicts import unique_or
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan, PlanStage

__all__ = ["open_plan", "plan_deadlines", "record_plan_stage", "stage_choices", "withdraw_stage"]


def stage_choices() -> list[str]:
    """The neighbourhood-planning stages the rules count from (rules whose id starts ``np.``)."""
    return rights.default_rulebook().events_of("np")


@transaction.atomic
def open_plan(actor, area: Area, *, title: str, opened_on: dt.date) -> NeighbourhoodPlan:
    plan = NeighbourhoodPlan(area=area, title=title.strip(), opened_on=opened_on)
    plan.full_clean()
    plan.save()
    record_change(actor, plan, AuditEvent.Action.CREATED)
    return plan


@transaction.atomic
def record_plan_stage(
    actor, plan: NeighbourhoodPlan, *, event: str, date: dt.date, note: str = ""
) -> PlanStage:
    """Record a stage the neighbourhood-planning rules count from, once per plan."""
    known = stage_choices()
    if event not in known:
        if event in rights.default_rulebook().events:
            refused = _(
                "%(event)s is an event of a right-to-bid case, not a neighbourhood-plan stage; "
                "record it on the asset's case."
            )
        else:
            refused = _(
                "%(event)s is not a neighbourhood-planning stage the rules count from; choose one "
                "of %(stages)s."
            )
        raise ValidationError(
            {"event": refused % {"event": repr(event), "stages": ", ".join(known)}}
        )
    recorded = ValidationError(
        {
            "event": _("This plan already has a %(stage)s date; withdraw it if it was a mistake.")
            % {"stage": event}
        }
    )
    if plan.stages.filter(event=event, withdrawn_at__isnull=True).exists():
        raise recorded
    with unique_or(PlanStage, ("plan", "event"), recorded):
        return save_dated_event(actor, PlanStage(plan=plan, event=event, date=date, note=note))


def withdraw_stage(actor, plan: NeighbourhoodPlan, *, event_id: int, reason: str) -> PlanStage:
    """Withdraw one of the plan's stages entered by mistake; its dates stop counting."""
    item = plan.stages.filter(pk=event_id).first()
    if item is None:
        raise ValidationError({"event_id": _("Choose a stage of this plan.")})
    return withdraw_dated_event(actor, item, reason=reason)


def plan_deadlines(plan: NeighbourhoodPlan) -> list[rights.Deadline]:
    """Every statutory date of the plan, from its stages and the rules in force on each."""
    events = clock_events(plan.stages.all())
    if not events:
        return []
    return rights.case_deadlines(events, rulebook=rights.default_rulebook())
