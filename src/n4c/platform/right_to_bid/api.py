"""JSON API of right-to-bid cases, mounted at ``/api/assets/`` beside the register.

Bad input answers 422 with each field's location and the same sentence the forms show, and a
change by someone who may only read the area 403 (both by the handlers in ``platform/api.py``).
"""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.responses import Status

from n4c.platform.assets.access import area_for_editing, assets_visible_to
from n4c.platform.assets.api import DeadlineOut, EventIn, WithdrawIn
from n4c.platform.assets.models import Asset
from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of
from n4c.platform.right_to_bid.access import cases_visible_to
from n4c.platform.right_to_bid.models import AssetCase
from n4c.platform.right_to_bid.services import (
    agree_extension,
    case_deadlines,
    close_case,
    open_case,
    record_event,
    withdraw_event,
)

router = Router(tags=["right to bid"])
url_prefix = "assets"


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


class ExtensionIn(Schema):
    rule_id: str
    extended_to: dt.date
    note: str = ""


class CloseIn(Schema):
    closed_on: dt.date


def _editable_case(request, case_id: int) -> AssetCase:
    case: AssetCase = get_object_or_404(
        cases_visible_to(request.user).select_related("asset__area"), pk=case_id
    )
    area_for_editing(request.user, case.asset.area)
    return case


@router.get("/assets/{asset_id}/cases", response=list[CaseOut])
def list_cases(request, asset_id: RecordId, page: Query[Page]):
    asset = get_object_or_404(assets_visible_to(request.user), pk=asset_id)
    return page_of(asset.cases.all(), page)


@router.post("/assets/{asset_id}/cases", response={201: CaseOut})
def create_case(request, asset_id: RecordId, payload: CaseIn):
    asset: Asset = get_object_or_404(
        assets_visible_to(request.user).select_related("area"), pk=asset_id
    )
    area_for_editing(request.user, asset.area)
    return Status(201, open_case(request.user, asset, **payload.dict()))


@router.post("/cases/{case_id}/events", response={201: list[DeadlineOut]})
def create_event(request, case_id: RecordId, payload: EventIn):
    """Record an event; answers with the case's deadlines including it."""
    case = _editable_case(request, case_id)
    record_event(request.user, case, **payload.dict())
    return Status(201, [d.as_dict() for d in case_deadlines(case)])


@router.post("/cases/{case_id}/events/{event_id}/withdraw", response=list[DeadlineOut])
def withdraw(request, case_id: RecordId, event_id: RecordId, payload: WithdrawIn):
    """Withdraw an event entered by mistake; answers with the case's deadlines without it."""
    case = _editable_case(request, case_id)
    withdraw_event(request.user, case, event_id=event_id, reason=payload.reason)
    return [d.as_dict() for d in case_deadlines(case)]


@router.post("/cases/{case_id}/extensions", response={201: list[DeadlineOut]})
def create_extension(request, case_id: RecordId, payload: ExtensionIn):
    """Record a later date agreed in writing; answers with the case's deadlines."""
    case = _editable_case(request, case_id)
    agree_extension(request.user, case, **payload.dict())
    return Status(201, [d.as_dict() for d in case_deadlines(case)])


@router.post("/cases/{case_id}/close", response=CaseOut)
def close(request, case_id: RecordId, payload: CloseIn):
    return close_case(request.user, _editable_case(request, case_id), closed_on=payload.closed_on)


@router.get("/cases/{case_id}/deadlines", response=list[DeadlineOut])
def list_case_deadlines(request, case_id: RecordId, page: Query[Page]):
    case = get_object_or_404(cases_visible_to(request.user), pk=case_id)
    return [d.as_dict() for d in page_of(case_deadlines(case), page)]
