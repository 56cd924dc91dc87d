"""Partnership members in the JSON API: list, add, record consent, export and erase."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from n4c.platform.areas.access import area_for_editing
from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of
from n4c.platform.residents import gdpr
from n4c.platform.residents.access import residents_visible_to
from n4c.platform.residents.models import Consent, Resident

router = Router(tags=["residents"])


class ResidentOut(Schema):
    id: int
    area_id: int
    full_name: str
    email: str
    phone: str
    partnership_role: str
    joined_on: dt.date
    erased_at: dt.datetime | None


class ResidentIn(Schema):
    area_id: RecordId
    full_name: str
    email: str = ""
    phone: str = ""
    partnership_role: Resident.PartnershipRole = Resident.PartnershipRole.MEMBER
    joined_on: dt.date
    #: How they agreed to be contacted (to ``gdpr.CONTACT_WORDING``); needed to keep an email
    #: address or phone number.
    contact_consent_method: Consent.Method | None = None


class ConsentIn(Schema):
    purpose: Consent.Purpose
    given: bool
    wording: str
    method: Consent.Method


class ConsentOut(Schema):
    id: int
    purpose: str
    given: bool
    wording: str
    method: str
    recorded_at: dt.datetime
    withdrawn_at: dt.datetime | None


class EraseIn(Schema):
    mode: Literal["anonymise", "delete"]


@router.get("/", response=list[ResidentOut])
def list_residents(request, page: Query[Page], area_id: RecordId | None = None):
    residents = residents_visible_to(request.user)
    return page_of(residents.filter(area_id=area_id) if area_id is not None else residents, page)


@router.post("/", response={201: ResidentOut})
def add_resident(request, payload: ResidentIn):
    data = payload.dict()
    data["contact_consent_method"] = data["contact_consent_method"] or ""
    area = area_for_editing(request.user, data.pop("area_id"))
    return Status(201, gdpr.add_resident(request.user, area=area, **data))


@router.post("/{resident_id}/consents", response={201: ConsentOut})
def add_consent(request, resident_id: RecordId, payload: ConsentIn):
    resident = get_object_or_404(residents_visible_to(request.user), pk=resident_id)
    return Status(201, gdpr.record_consent(request.user, resident, **payload.dict()))


@router.get("/{resident_id}/export", response=dict[str, Any])
def export_resident(request, resident_id: RecordId):
    return gdpr.export_resident(
        request.user, get_object_or_404(residents_visible_to(request.user), pk=resident_id)
    )


@router.post("/{resident_id}/erase", response={204: None})
def erase_resident(request, resident_id: RecordId, payload: EraseIn):
    resident = get_object_or_404(residents_visible_to(request.user), pk=resident_id)
    gdpr.erase_resident(request.user, resident, mode=payload.mode)
    return Status(204, None)
