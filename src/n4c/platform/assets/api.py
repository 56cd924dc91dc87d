"""JSON API of community assets and rights, mounted at ``/api/assets/``.

Bad input answers 422 with each field's location and the same sentence the forms show.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.responses import Status

from n4c import rights
from n4c.platform.assets.access import (
    area_for_editing,
    area_for_viewing,
    assets_visible_to,
    cases_visible_to,
    plan_cases_visible_to,
)
from n4c.platform.assets.models import Asset, AssetCase, PlanCase
from n4c.platform.assets.services import (
    add_asset,
    agree_extension,
    case_deadlines,
    close_case,
    open_case,
    open_plan_case,
    record_event,
    record_plan_stage,
    upcoming_deadlines,
)

router = Router(tags=["assets"])


class AssetIn(Schema):
    name: str
    kind: str
    reference: str = ""
    owner: str = ""
    postcode: str = ""
    latitude: float | None = None
    longitude: float | None = None
    lsoa_code: str = ""
    condition: str = ""
    status: str = ""
    use: str = ""


class AssetOut(Schema):
    id: int
    area_id: int
    reference: str
    name: str
    kind: str
    owner: str
    postcode: str
    latitude: float | None
    longitude: float | None
    lsoa_code: str
    condition: str
    status: str
    use: str


class CaseIn(Schema):
    title: str
    opened_on: dt.date
    contact_email: str = ""


class CaseOut(Schema):
    id: int
    asset_id: int
    title: str
    opened_on: dt.date
    closed_on: dt.date | None


class PlanCaseIn(Schema):
    title: str
    opened_on: dt.date


class PlanCaseOut(Schema):
    id: int
    area_id: int
    title: str
    opened_on: dt.date
    closed_on: dt.date | None


class EventIn(Schema):
    event: str
    date: dt.date
    note: str = ""


class ExtensionIn(Schema):
    rule_id: str
    extended_to: dt.date
    note: str = ""


class CloseIn(Schema):
    closed_on: dt.date


class DeadlineOut(Schema):
    date: dt.date
    kind: str
    title: str
    who: str
    rule_id: str
    rule_version: str
    citation: str
    source_url: str
    trigger_event: str
    trigger_date: dt.date
    period: str
    status: str
    condition: str
    reason: str
    extended: bool


class UpcomingOut(DeadlineOut):
    case_id: int
    asset_id: int
    area_id: int


class RuleOut(Schema):
    id: str
    version: str
    event: str
    requires: str | None
    title: str
    amount: int
    unit: str
    counting: str
    kind: str
    citation: str
    source: str


def _unprocessable(error: ValidationError, where: str = "body") -> NinjaValidationError:
    return NinjaValidationError(
        [
            {"loc": [where, field], "msg": message, "type": "value_error"}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    )


def _editable_area(request, area_id: int):
    area = area_for_viewing(request.user, area_id)
    try:
        return area_for_editing(request.user, area)
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from error


@router.get("/areas/{area_id}/assets", response=list[AssetOut])
def list_assets(request, area_id: int):
    area = area_for_viewing(request.user, area_id)
    return assets_visible_to(request.user).filter(area=area)


@router.post("/areas/{area_id}/assets", response={201: AssetOut})
def create_asset(request, area_id: int, payload: AssetIn):
    area = _editable_area(request, area_id)
    try:
        return Status(201, add_asset(request.user, area, payload.dict()))
    except ValidationError as error:
        raise _unprocessable(error) from error


@router.get("/assets/{asset_id}/cases", response=list[CaseOut])
def list_cases(request, asset_id: int):
    asset = get_object_or_404(assets_visible_to(request.user), pk=asset_id)
    return asset.cases.all()


@router.post("/assets/{asset_id}/cases", response={201: CaseOut})
def create_case(request, asset_id: int, payload: CaseIn):
    asset: Asset = get_object_or_404(assets_visible_to(request.user), pk=asset_id)
    _editable_area(request, asset.area_id)
    try:
        return Status(201, open_case(request.user, asset, **payload.dict()))
    except ValidationError as error:
        raise _unprocessable(error) from error


@router.post("/cases/{case_id}/events", response={201: list[DeadlineOut]})
def create_event(request, case_id: int, payload: EventIn):
    """Record an event; answers with the case's deadlines including it."""
    case: AssetCase = get_object_or_404(
        cases_visible_to(request.user).select_related("asset"), pk=case_id
    )
    _editable_area(request, case.asset.area_id)
    try:
        record_event(request.user, case, **payload.dict())
    except ValidationError as error:
        raise _unprocessable(error) from error
    return Status(201, [d.as_dict() for d in case_deadlines(case)])


def _editable_case(request, case_id: int) -> AssetCase:
    case: AssetCase = get_object_or_404(
        cases_visible_to(request.user).select_related("asset"), pk=case_id
    )
    _editable_area(request, case.asset.area_id)
    return case


@router.post("/cases/{case_id}/extensions", response={201: list[DeadlineOut]})
def create_extension(request, case_id: int, payload: ExtensionIn):
    """Record a later date agreed in writing; answers with the case's deadlines."""
    case = _editable_case(request, case_id)
    try:
        agree_extension(request.user, case, **payload.dict())
    except ValidationError as error:
        raise _unprocessable(error) from error
    return Status(201, [d.as_dict() for d in case_deadlines(case)])


@router.post("/cases/{case_id}/close", response=CaseOut)
def close(request, case_id: int, payload: CloseIn):
    case = _editable_case(request, case_id)
    try:
        return close_case(request.user, case, closed_on=payload.closed_on)
    except ValidationError as error:
        raise _unprocessable(error) from error


@router.get("/cases/{case_id}/deadlines", response=list[DeadlineOut])
def list_case_deadlines(request, case_id: int):
    case = get_object_or_404(cases_visible_to(request.user), pk=case_id)
    return [d.as_dict() for d in case_deadlines(case)]


@router.get("/areas/{area_id}/plans", response=list[PlanCaseOut])
def list_plan_cases(request, area_id: int):
    area = area_for_viewing(request.user, area_id)
    return plan_cases_visible_to(request.user).filter(area=area)


@router.post("/areas/{area_id}/plans", response={201: PlanCaseOut})
def create_plan_case(request, area_id: int, payload: PlanCaseIn):
    area = _editable_area(request, area_id)
    try:
        return Status(201, open_plan_case(request.user, area, **payload.dict()))
    except ValidationError as error:
        raise _unprocessable(error) from error


@router.post("/plans/{plan_id}/stages", response={201: list[DeadlineOut]})
def create_plan_stage(request, plan_id: int, payload: EventIn):
    """Record a neighbourhood-plan stage; answers with the plan's dates including it."""
    case: PlanCase = get_object_or_404(plan_cases_visible_to(request.user), pk=plan_id)
    _editable_area(request, case.area_id)
    try:
        record_plan_stage(request.user, case, **payload.dict())
    except ValidationError as error:
        raise _unprocessable(error) from error
    return Status(201, [d.as_dict() for d in case_deadlines(case)])


@router.get("/plans/{plan_id}/deadlines", response=list[DeadlineOut])
def list_plan_deadlines(request, plan_id: int):
    case = get_object_or_404(plan_cases_visible_to(request.user), pk=plan_id)
    return [d.as_dict() for d in case_deadlines(case)]


@router.get("/deadlines", response=list[UpcomingOut])
def list_upcoming(request, region: str = "", area: int | None = None, days: int = 180):
    """Upcoming deadlines of open cases in the areas you can see, optionally one region or area."""
    cases = (
        cases_visible_to(request.user)
        .select_related("asset")
        .prefetch_related("events", "extensions")
    )
    if region:
        cases = cases.filter(asset__area__region__code=region)
    if area is not None:
        cases = cases.filter(asset__area_id=area)
    found = upcoming_deadlines(cases, start=dt.date.today(), days=max(1, min(days, 3 * 365)))
    return [
        {
            **item.deadline.as_dict(),
            "case_id": item.case.pk,
            "asset_id": item.case.asset_id,
            "area_id": item.case.asset.area_id,
        }
        for item in found
    ]


@router.get("/rules", response=list[RuleOut])
def list_rules(request, on: dt.date | None = None):
    """The statutory rules in force on a date (default today), each with its citation."""
    return [
        {
            "id": r.id,
            "version": r.version,
            "event": r.event,
            "requires": r.requires,
            "title": r.title,
            "amount": r.amount,
            "unit": r.unit,
            "counting": r.counting,
            "kind": r.kind,
            "citation": r.citation,
            "source": r.source,
        }
        for r in rights.default_rulebook().in_force(on or dt.date.today())
    ]
