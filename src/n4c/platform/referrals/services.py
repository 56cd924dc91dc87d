"""Making and updating referrals and partners; views, the API and the seed all call these."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from n4c.platform.areas.models import Area
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.core.conflicts import unique_or
from n4c.platform.referrals.access import can_manage_partner, can_manage_partners
from n4c.platform.referrals.models import Partner, Referral

__all__ = ["add_partner", "refer", "referrals_by_outcome", "update_referral"]


@transaction.atomic
def add_partner(actor, **fields) -> Partner:
    if not can_manage_partners(actor):
        raise PermissionDenied(_("Only the national team and hub leads can add partners."))
    partner = Partner(**fields)
    if not can_manage_partner(actor, partner.region_id):
        raise PermissionDenied(
            _(
                "A hub lead adds partners for their own region only; ask the national team to "
                "add one for another region or for all of England."
            )
        )
    partner.full_clean()
    # A partner of the same name added at the same moment: the same refusal as full_clean's.
    with unique_or(Partner, ("name",), partner.unique_error_message(Partner, ("name",))):
        partner.save()
    record_change(actor, partner, AuditEvent.Action.CREATED)
    return partner


def refer(actor, area: Area, partner: Partner, *, need: str, referred_on: dt.date) -> Referral:
    """Refer ``area`` to ``partner``; the caller has checked the actor may change the area."""
    referral = Referral(
        area=area, partner=partner, need=need.strip(), referred_on=referred_on, referred_by=actor
    )
    referral.full_clean()
    referral.save()
    record_change(actor, referral, AuditEvent.Action.CREATED)
    return referral


def update_referral(
    actor, referral: Referral, *, status: str, outcome: str = "", closed_on: dt.date | None = None
) -> Referral:
    """Move a referral on; closing one (completed, declined, withdrawn) needs its outcome and date."""
    before = snapshot(referral)
    referral.status = status
    referral.outcome = outcome.strip() or referral.outcome
    if status not in Referral.CLOSED:
        closed_on = None
    referral.closed_on = closed_on
    referral.full_clean()
    referral.save()
    record_change(actor, referral, AuditEvent.Action.CHANGED, before=before)
    return referral


def referrals_by_outcome(referrals) -> list[tuple[str, int]]:
    """How many of ``referrals`` (a queryset, e.g. ``referrals_visible_to(user)``) stand at
    each status, in the order a referral moves through them, as (label, count) pairs."""
    counts = dict(referrals.values_list("status").annotate(n=Count("pk")).order_by())
    return [(label, counts.get(value, 0)) for value, label in Referral.Status.choices]
