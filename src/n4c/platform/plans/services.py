"""Changes to plans. Views, the API and the seed call these, so each change is audited once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from n4c.platform.areas.models import Area
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.core.conflicts import unique_or
from n4c.platform.plans.models import (
    YEAR_ZERO_CHECKLIST,
    Action,
    AreaPlan,
    Milestone,
    Priority,
    YearZeroCheck,
)

__all__ = [
    "YearZeroItem",
    "add_action",
    "add_milestone",
    "add_priority",
    "plan_for",
    "set_action_status",
    "set_milestone_reached",
    "set_vision",
    "set_year_zero",
    "year_zero_items",
]


@dataclass(frozen=True)
class YearZeroItem:
    item: str
    label: str
    done_on: dt.date | None


def plan_for(actor, area: Area) -> AreaPlan:
    """The area's plan, started (empty) the first time ``actor`` needs it."""
    plan, created = AreaPlan.objects.get_or_create(area=area)
    if created:
        record_change(actor, plan, AuditEvent.Action.CREATED)
    return plan


def set_vision(actor, plan: AreaPlan, vision: str) -> AreaPlan:
    before = snapshot(plan)
    plan.vision = vision.strip()
    plan.save(update_fields=["vision", "updated_at"])
    record_change(actor, plan, AuditEvent.Action.CHANGED, before=before)
    return plan


def _created(actor, instance):
    instance.full_clean()
    instance.save()
    record_change(actor, instance, AuditEvent.Action.CREATED)
    return instance


def add_priority(actor, plan: AreaPlan, *, theme: str, title: str) -> Priority:
    position = plan.priorities.count() + 1
    return _created(actor, Priority(plan=plan, theme=theme, title=title.strip(), position=position))


def add_action(
    actor,
    plan: AreaPlan,
    *,
    description: str,
    owner: str,
    due_on: dt.date,
    priority: Priority | None = None,
) -> Action:
    return _created(
        actor,
        Action(
            plan=plan,
            priority=priority,
            description=description.strip(),
            owner=owner,
            due_on=due_on,
        ),
    )


def set_action_status(actor, action: Action, status: str) -> Action:
    before = snapshot(action)
    action.status = status
    action.full_clean()
    action.save(update_fields=["status"])
    record_change(actor, action, AuditEvent.Action.CHANGED, before=before)
    return action


def add_milestone(actor, plan: AreaPlan, *, title: str, target_on: dt.date) -> Milestone:
    return _created(actor, Milestone(plan=plan, title=title.strip(), target_on=target_on))


def set_milestone_reached(actor, milestone: Milestone, reached_on: dt.date | None) -> Milestone:
    """Mark a milestone as reached on a date, or as not reached (None)."""
    before = snapshot(milestone)
    milestone.reached_on = reached_on
    milestone.save(update_fields=["reached_on"])
    record_change(actor, milestone, AuditEvent.Action.CHANGED, before=before)
    return milestone


@transaction.atomic
def set_year_zero(actor, plan: AreaPlan, item: str, done_on: dt.date | None) -> None:
    """Tick an item of the Year Zero checklist (with the date it was done) or untick it."""
    # Lock the plan's row: ticks made at the same moment then follow each other, the later
    # changing the date of the earlier, as when they come one after the other.
    AreaPlan.objects.select_for_update().filter(pk=plan.pk).first()
    existing = YearZeroCheck.objects.filter(plan=plan, item=item).first()
    if done_on is None:
        if existing is not None:
            record_change(actor, existing, AuditEvent.Action.DELETED, before=snapshot(existing))
            existing.delete()
        return
    if existing is None:
        with unique_or(YearZeroCheck, ("plan", "item")):
            _created(actor, YearZeroCheck(plan=plan, item=item, done_on=done_on))
    elif existing.done_on != done_on:
        before = snapshot(existing)
        existing.done_on = done_on
        existing.save(update_fields=["done_on"])
        record_change(actor, existing, AuditEvent.Action.CHANGED, before=before)


def year_zero_items(plan: AreaPlan | None) -> list[YearZeroItem]:
    """Every checklist item in order (its label in the language in use), with the date it was
    done or None."""
    done = {} if plan is None else {c.item: c.done_on for c in plan.year_zero.all()}
    return [YearZeroItem(item, str(label), done.get(item)) for item, label in YEAR_ZERO_CHECKLIST]
