"""Demo partnership members, plainly made up, with their consents."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from n4c.platform.areas.models import Area
from n4c.platform.residents import gdpr
from n4c.platform.residents.models import Consent, Resident

__all__ = ["seed", "seed_residents"]

_MEMBERS = [
    ("Demo Member One", "chair"),
    ("Demo Member Two", "treasurer"),
    ("Demo Member Three", "member"),
]


def _member(actor, method: str, **fields) -> Resident:
    """A made-up member who agreed to be contacted, given through ``method``."""
    resident = gdpr.add_resident(actor, **fields)
    gdpr.record_consent(
        actor,
        resident,
        purpose=Consent.Purpose.CONTACT,
        given=True,
        wording="We may contact you about the partnership's meetings and work.",
        method=method,
    )
    return resident


@transaction.atomic
def seed_residents(areas: list[Area], actor, today: dt.date) -> int:
    """Give the first few areas three made-up members each; returns members held."""
    for area in areas[:5]:
        if Resident.objects.filter(area=area).exists():
            continue
        for name, role in _MEMBERS:
            _member(
                actor,
                Consent.Method.PAPER_FORM,
                area=area,
                full_name=name,
                partnership_role=role,
                joined_on=today - dt.timedelta(days=200),
            )
    _record_for_the_demo_login(actor, today)
    return Resident.objects.count()


def _record_for_the_demo_login(actor, today: dt.date) -> None:
    """The demo's "resident" login is a partnership member: give it the member record that
    every sign-in of a resident has, so its export and erasure work as for anyone."""
    account = (
        get_user_model().objects.filter(username="resident", resident_record__isnull=True).first()
    )
    area = Area.objects.filter(partnership_members=account).first() if account else None
    if account is None or area is None:
        return
    _member(
        actor,
        Consent.Method.ONLINE_FORM,
        area=area,
        full_name=account.get_full_name(),
        partnership_role=Resident.PartnershipRole.MEMBER,
        joined_on=today - dt.timedelta(days=120),
        account=account,
    )


def seed(areas: list[Area], actor, today: dt.date) -> str:
    """The demo hook: made-up partnership members; says how many are held."""
    return f"{seed_residents(areas, actor, today)} partnership members on record"
