"""Plans in the JSON API: read an area's plan; set its vision; add priorities, actions and
milestones; change an action's status; tick the Year Zero checklist."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from n4c.errors import InputError
from n4c.platform.areas.access import area_for_editing, area_for_viewing
from n4c.platform.core.ids import RecordId
from n4c.platform.plans import services
from n4c.platform.plans.models import YEAR_ZERO_CHECKLIST, Action, AreaPlan, Milestone, Theme

router = Router(tags=["plans"])


class PriorityOut(Schema):
    id: int
    theme: str
    title: str


class ActionOut(Schema):
    id: int
    description: str
    owner: str
    due_on: dt.date
    status: str
    priority_id: int | None


class MilestoneOut(Schema):
    id: int
    title: str
    target_on: dt.date
    reached_on: dt.date | None


class YearZeroOut(Schema):
    item: str
    label: str
    done_on: dt.date | None


class PlanOut(Schema):
    area_id: int
    area_name: str
    vision: str
    priorities: list[PriorityOut]
    actions: list[ActionOut]
    milestones: list[MilestoneOut]
    year_zero: list[YearZeroOut]


class VisionIn(Schema):
    vision: str


class PriorityIn(Schema):
    theme: Theme
    title: str


class ActionIn(Schema):
    description: str
    owner: str
    due_on: dt.date
    priority_id: RecordId | None = None


class ActionPatch(Schema):
    status: Action.Status


class MilestoneIn(Schema):
    title: str
    target_on: dt.date


class MilestonePatch(Schema):
    reached_on: dt.date | None


class YearZeroIn(Schema):
    done_on: dt.date | None


def _plan_document(area, plan: AreaPlan | None) -> dict:
    return {
        "area_id": area.pk,
        "area_name": area.name,
        "vision": plan.vision if plan else "",
        "priorities": list(plan.priorities.all()) if plan else [],
        "actions": list(plan.actions.all()) if plan else [],
        "milestones": list(plan.milestones.all()) if plan else [],
        "year_zero": [item.__dict__ for item in services.year_zero_items(plan)],
    }


@router.get("/{area_id}", response=PlanOut)
def get_plan(request, area_id: RecordId):
    area = area_for_viewing(request.user, area_id)
    return _plan_document(area, AreaPlan.objects.filter(area=area).first())


@router.put("/{area_id}/vision", response=PlanOut)
def put_vision(request, area_id: RecordId, payload: VisionIn):
    area = area_for_editing(request.user, area_id)
    plan = services.set_vision(request.user, services.plan_for(request.user, area), payload.vision)
    return _plan_document(area, plan)


@router.post("/{area_id}/priorities", response={201: PriorityOut})
def post_priority(request, area_id: RecordId, payload: PriorityIn):
    area = area_for_editing(request.user, area_id)
    plan = services.plan_for(request.user, area)
    return Status(
        201, services.add_priority(request.user, plan, theme=payload.theme, title=payload.title)
    )


@router.post("/{area_id}/actions", response={201: ActionOut})
def post_action(request, area_id: RecordId, payload: ActionIn):
    area = area_for_editing(request.user, area_id)
    plan = services.plan_for(request.user, area)
    priority = None
    if payload.priority_id is not None:
        priority = get_object_or_404(plan.priorities, pk=payload.priority_id)
    action = services.add_action(
        request.user,
        plan,
        description=payload.description,
        owner=payload.owner,
        due_on=payload.due_on,
        priority=priority,
    )
    return Status(201, action)


@router.patch("/{area_id}/actions/{action_id}", response=ActionOut)
def patch_action(request, area_id: RecordId, action_id: RecordId, payload: ActionPatch):
    area = area_for_editing(request.user, area_id)
    action = get_object_or_404(Action, pk=action_id, plan__area=area)
    return services.set_action_status(request.user, action, payload.status)


@router.post("/{area_id}/milestones", response={201: MilestoneOut})
def post_milestone(request, area_id: RecordId, payload: MilestoneIn):
    area = area_for_editing(request.user, area_id)
    plan = services.plan_for(request.user, area)
    milestone = services.add_milestone(
        request.user, plan, title=payload.title, target_on=payload.target_on
    )
    return Status(201, milestone)


@router.patch("/{area_id}/milestones/{milestone_id}", response=MilestoneOut)
def patch_milestone(request, area_id: RecordId, milestone_id: RecordId, payload: MilestonePatch):
    area = area_for_editing(request.user, area_id)
    milestone = get_object_or_404(Milestone, pk=milestone_id, plan__area=area)
    return services.set_milestone_reached(request.user, milestone, payload.reached_on)


@router.put("/{area_id}/year-zero/{item}", response=PlanOut)
def put_year_zero(request, area_id: RecordId, item: str, payload: YearZeroIn):
    area = area_for_editing(request.user, area_id)
    if item not in dict(YEAR_ZERO_CHECKLIST):
        raise InputError(
            _('"%(item)s" is not a Year Zero checklist item; choose one of %(items)s.')
            % {"item": item, "items": ", ".join(dict(YEAR_ZERO_CHECKLIST))},
            field="item",
            value=item,
        )
    plan = services.plan_for(request.user, area)
    services.set_year_zero(request.user, plan, item, payload.done_on)
    return _plan_document(area, plan)
