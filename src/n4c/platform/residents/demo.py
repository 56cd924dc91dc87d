"""Demo partnership members, plainly made up, with their consents."""

from __future__ import annotations

import datetime as dt

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


@transaction.atomic
def seed_residents(areas: list[Area], actor, today: dt.date) -> int:
    """Give the first few areas three made-up members each; returns members held."""
    for area in areas[:5]:
        if Resident.objects.filter(area=area).exists():
            continue
        for name, role in _MEMBERS:
            resident = gdpr.add_resident(
                actor,
                area=area,
                full_name=name,
                partnership_role=role,
                joined_on=today - dt.timedelta(days=200),
            )
            gdpr.record_consent(
                actor,
                resident,
                purpose=Consent.Purpose.CONTACT,
                given=True,
                wording="We may contact you about the partnership's meetings and work.",
                method=Consent.Method.PAPER_FORM,
            )
    return Resident.objects.count()


def seed(areas: list[Area], actor, today: dt.date) -> str:
    """The demo hook: made-up partnership members; says how many are held."""
    return f"{seed_residents(areas, actor, today)} partnership members on record"
