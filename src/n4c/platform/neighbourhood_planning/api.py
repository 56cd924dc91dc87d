"""JSON API of neighbourhood plans, mounted at ``/api/assets/`` beside the register.

Bad input answers 422 with each field's location and the same sentence the forms show, and a
change by someone who may only read the area 403 (both by the handlers in ``platform/api.py``).
"""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.responses import Status

from n4c.platform.assets.access import area_for_editing, area_for_viewing
from n4c.platform.assets.api import DeadlineOut, EventIn, WithdrawIn
from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of
from n4c.platform.neighbourhood_planning.access import plans_visible_to
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan
from n4c.platform.neighbourhood_planning.services import (
    open_plan,
    plan_deadlines,
    record_plan_stage,
    withdraw_stage,
)

router = Router(tags=["neighbourhood planning"])
url_prefix = "assets"


class PlanIn(Schema):
    title: str
    opened_on: dt.date


class PlanOut(Schema):
    id: int
    area_id: int
    title: str
    opened_on: dt.date
    closed_on: dt.date | None


@router.get("/areas/{area_id}/plans", response=list[PlanOut])
def list_plans(request, area_id: RecordId, page: Query[Page]):
    area = area_for_viewing(request.user, area_id)
    return page_of(plans_visible_to(request.user).filter(area=area), page)


@router.post("/areas/{area_id}/plans", response={201: PlanOut})
def create_plan(request, area_id: RecordId, payload: PlanIn):
    area = area_for_editing(request.user, area_for_viewing(request.user, area_id))
    return Status(201, open_plan(request.user, area, **payload.dict()))


@router.post("/plans/{plan_id}/stages", response={201: list[DeadlineOut]})
def create_plan_stage(request, plan_id: RecordId, payload: EventIn):
    """Record a neighbourhood-plan stage; answers with the plan's dates including it."""
    plan: NeighbourhoodPlan = get_object_or_404(
        plans_visible_to(request.user).select_related("area"), pk=plan_id
    )
    area_for_editing(request.user, plan.area)
    record_plan_stage(request.user, plan, **payload.dict())
    return Status(201, [d.as_dict() for d in plan_deadlines(plan)])


@router.post("/plans/{plan_id}/stages/{stage_id}/withdraw", response=list[DeadlineOut])
def withdraw_plan_stage(request, plan_id: RecordId, stage_id: RecordId, payload: WithdrawIn):
    """Withdraw a stage entered by mistake; answers with the plan's dates without it."""
    plan: NeighbourhoodPlan = get_object_or_404(
        plans_visible_to(request.user).select_related("area"), pk=plan_id
    )
    area_for_editing(request.user, plan.area)
    withdraw_stage(request.user, plan, event_id=stage_id, reason=payload.reason)
    return [d.as_dict() for d in plan_deadlines(plan)]


@router.get("/plans/{plan_id}/deadlines", response=list[DeadlineOut])
def list_plan_deadlines(request, plan_id: RecordId, page: Query[Page]):
    plan = get_object_or_404(plans_visible_to(request.user), pk=plan_id)
    return [d.as_dict() for d in page_of(plan_deadlines(plan), page)]
