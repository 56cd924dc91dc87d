"""Support entries and the monthly report in the JSON API."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from ninja import Query, Router, Schema, Status

from n4c.platform.areas.access import areas_visible_to
from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of
from n4c.platform.people.access import is_staff_role
from n4c.platform.support_log.models import Kind, SupportEntry
from n4c.platform.support_log.report import monthly_report, parse_month
from n4c.platform.support_log.services import log_support

router = Router(tags=["support log"])


class EntryOut(Schema):
    id: int
    area_id: int
    person_id: int
    role: str
    date: dt.date
    kind: str
    days: Decimal
    notes: str
    follow_ups: str


class EntryIn(Schema):
    area_id: RecordId
    date: dt.date
    kind: Kind
    days: Decimal
    notes: str = ""
    follow_ups: str = ""


class LineOut(Schema):
    key: int | str
    label: str
    region: str
    committed_days: float
    expected_days: float
    delivered_days: float
    gap_days: float


class ReportOut(Schema):
    month_start: dt.date
    month_end: dt.date
    committed_days: float
    expected_days: float
    delivered_days: float
    in_progress: bool
    by_region: list[LineOut]
    by_person: list[LineOut]
    by_area: list[LineOut]


@router.get("/entries", response=list[EntryOut])
def list_entries(request, area_id: RecordId, page: Query[Page]):
    area = get_object_or_404(areas_visible_to(request.user), pk=area_id)
    return page_of(SupportEntry.objects.filter(area=area).order_by("-date", "-id"), page)


@router.post("/entries", response={201: EntryOut})
def add_entry(request, payload: EntryIn):
    area = get_object_or_404(areas_visible_to(request.user), pk=payload.area_id)
    fields = payload.dict(exclude={"area_id"})
    return Status(201, log_support(request.user, area, **fields))


@router.get("/report", response=ReportOut)
def report(request, month: str | None = None, region: str | None = None):
    if not is_staff_role(request.user):
        raise PermissionDenied(gettext("The monthly report is for the Network's staff."))
    areas = areas_visible_to(request.user)
    if region:
        areas = areas.filter(region__code=region)
    return monthly_report(parse_month(month), areas=areas)
