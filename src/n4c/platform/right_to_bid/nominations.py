"""Nominations a partnership member starts and staff check, edit and send to the council.

A member (in their own area only) writes a draft; staff see it in a queue, change what needs
changing and mark it sent on the day it went, which opens a right-to-bid case on the asset with
its nomination event. Every change is audited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c import rights
from n4c.platform.areas.access import can_edit_area, can_view_area
from n4c.platform.areas.models import Area
from n4c.platform.assets.services import add_asset, change_asset
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.right_to_bid.models import Nomination
from n4c.platform.right_to_bid.services import open_case, record_event

__all__ = [
    "NOMINATION_FIELDS",
    "change_nomination",
    "letter_details",
    "nomination_letter",
    "send_nomination",
    "start_nomination",
]

#: What a member fills in and staff may change before sending.
NOMINATION_FIELDS = (
    "asset",
    "asset_name",
    "address",
    "postcode",
    "description",
    "boundaries",
    "occupants",
    "owners",
    "reasons",
    "nominator_name",
    "nominator_body",
    "registered_members",
    "contact",
    "council",
)


def _check_asset(nomination: Nomination) -> None:
    if nomination.asset is not None and nomination.asset.area_id != nomination.area_id:
        raise ValidationError({"asset": _("Choose an asset in this area's register.")})


@transaction.atomic
def start_nomination(actor, area: Area, fields: Mapping[str, object]) -> Nomination:
    """A draft nomination for staff to check; anyone who may see the area may start one."""
    if not can_view_area(actor, area):
        raise PermissionDenied(_("You can start a nomination only in your own area."))
    values = {k: v for k, v in fields.items() if k in NOMINATION_FIELDS}
    nomination = Nomination(area=area, started_by=actor, **values)
    _check_asset(nomination)
    nomination.full_clean()
    nomination.save()
    record_change(actor, nomination, AuditEvent.Action.CREATED)
    return nomination


def _for_staff(actor, nomination: Nomination) -> None:
    if not can_edit_area(actor, nomination.area):
        raise PermissionDenied(_("Only staff who work with this area can check and send it."))
    if nomination.status != Nomination.Status.DRAFT:
        raise ValidationError(_("This nomination has been sent; it can no longer be changed."))


@transaction.atomic
def change_nomination(actor, nomination: Nomination, fields: Mapping[str, object]) -> Nomination:
    """Staff correct or complete a draft before it is sent."""
    _for_staff(actor, nomination)
    before = snapshot(nomination)
    for key, value in fields.items():
        if key in NOMINATION_FIELDS:
            setattr(nomination, key, value)
    _check_asset(nomination)
    nomination.full_clean()
    nomination.save()
    record_change(actor, nomination, AuditEvent.Action.CHANGED, before=before)
    return nomination


@transaction.atomic
def send_nomination(actor, nomination: Nomination, *, sent_on: dt.date) -> Nomination:
    """Mark the draft sent on ``sent_on``: the asset (added to the register if it is not there
    yet) gets a right-to-bid case whose nomination event is that day."""
    _for_staff(actor, nomination)
    if sent_on > timezone.localdate():
        raise ValidationError({"sent_on": _("The date it was sent must be today or in the past.")})
    asset = nomination.asset
    if asset is None:
        asset = add_asset(
            actor,
            nomination.area,
            {
                "name": nomination.asset_name,
                "kind": "physical",
                "owner": nomination.owners[:200],
                "postcode": nomination.postcode,
                "status": "nominated",
                "use": nomination.description[:300],
            },
        )
    elif asset.status in ("in-use", "at-risk"):
        change_asset(actor, asset, {"status": "nominated"})
    case = open_case(
        actor,
        asset,
        # The case's title and note, written in the language of whoever sends it.
        title=(gettext("Nomination by %(group)s") % {"group": nomination.nominator_name})[:200],
        opened_on=sent_on,
    )
    record_event(
        actor, case, event="nomination", date=sent_on, note=gettext("Nomination letter sent.")
    )
    before = snapshot(nomination)
    nomination.asset = asset
    nomination.case = case
    nomination.status = Nomination.Status.SENT
    nomination.sent_on = sent_on
    nomination.sent_by = actor if actor is not None and actor.is_authenticated else None
    nomination.save()
    record_change(actor, nomination, AuditEvent.Action.CHANGED, before=before)
    return nomination


def letter_details(nomination: Nomination) -> rights.LetterDetails:
    """What the nomination says, for the template letters."""
    return rights.LetterDetails(
        asset_name=nomination.asset_name,
        address=nomination.address or nomination.postcode,
        description=nomination.description,
        boundaries=nomination.boundaries,
        owners=nomination.owners,
        occupants=nomination.occupants,
        reasons=nomination.reasons,
        nominator_name=nomination.nominator_name,
        nominator_body=nomination.nominator_body,
        registered_members=nomination.registered_members,
        contact=nomination.contact,
        council=nomination.council,
    )


def nomination_letter(nomination: Nomination) -> str:
    """The nomination letter to the council, dated the day it was sent (or today)."""
    return rights.nomination_letter(
        letter_details(nomination), on=nomination.sent_on or timezone.localdate()
    )
