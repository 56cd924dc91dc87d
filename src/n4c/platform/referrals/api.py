"""Partners and referrals in the JSON API."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from n4c.platform.areas.access import area_for_editing
from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of
from n4c.platform.referrals import services
from n4c.platform.referrals.access import partners_visible_to, referrals_visible_to
from n4c.platform.referrals.models import Referral, Specialism

router = Router(tags=["referrals"])


class PartnerOut(Schema):
    id: int
    name: str
    specialism: str
    region_id: int | None
    email: str
    website: str
    description: str


class PartnerIn(Schema):
    name: str
    specialism: Specialism
    region_id: RecordId | None = None
    email: str = ""
    website: str = ""
    description: str = ""


class ReferralOut(Schema):
    id: int
    area_id: int
    partner_id: int
    need: str
    status: str
    outcome: str
    referred_on: dt.date
    closed_on: dt.date | None


class ReferralIn(Schema):
    area_id: RecordId
    partner_id: RecordId
    need: str
    referred_on: dt.date


class ReferralPatch(Schema):
    status: Referral.Status
    outcome: str = ""
    closed_on: dt.date | None = None


@router.get("/partners", response=list[PartnerOut])
def list_partners(request, page: Query[Page], specialism: Specialism | None = None):
    partners = partners_visible_to(request.user)
    return page_of(partners.filter(specialism=specialism) if specialism else partners, page)


@router.post("/partners", response={201: PartnerOut})
def add_partner(request, payload: PartnerIn):
    return Status(201, services.add_partner(request.user, **payload.dict()))


@router.get("/", response=list[ReferralOut])
def list_referrals(
    request,
    page: Query[Page],
    area_id: RecordId | None = None,
    status: Referral.Status | None = None,
):
    referrals = referrals_visible_to(request.user)
    if area_id is not None:
        referrals = referrals.filter(area_id=area_id)
    if status:
        referrals = referrals.filter(status=status)
    return page_of(referrals, page)


@router.post("/", response={201: ReferralOut})
def add_referral(request, payload: ReferralIn):
    area = area_for_editing(request.user, payload.area_id)
    partner = get_object_or_404(partners_visible_to(request.user), pk=payload.partner_id)
    referral = services.refer(
        request.user, area, partner, need=payload.need, referred_on=payload.referred_on
    )
    return Status(201, referral)


@router.patch("/{referral_id}", response=ReferralOut)
def patch_referral(request, referral_id: RecordId, payload: ReferralPatch):
    referral = get_object_or_404(referrals_visible_to(request.user), pk=referral_id)
    area_for_editing(request.user, referral.area_id)
    return services.update_referral(request.user, referral, **payload.dict())
