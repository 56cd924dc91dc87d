"""Who may see and change partners and referrals, decided once here.

Referrals follow their area: seen by whoever sees the area, made and updated by whoever may
change it. The partner directory is for the Network's staff; the national team and hub leads
keep it up to date.
"""

from __future__ import annotations

from django.db.models import QuerySet

from n4c.platform.areas.access import areas_visible_to
from n4c.platform.people.access import is_staff_role, role_of
from n4c.platform.people.models import Role
from n4c.platform.referrals.models import Partner, Referral

__all__ = ["can_manage_partners", "partners_visible_to", "referrals_visible_to"]


def partners_visible_to(user) -> QuerySet[Partner]:
    if is_staff_role(user):
        return Partner.objects.select_related("region")
    return Partner.objects.none()


def can_manage_partners(user) -> bool:
    return role_of(user) in (Role.NATIONAL_TEAM, Role.HUB_LEAD)


def referrals_visible_to(user) -> QuerySet[Referral]:
    return Referral.objects.filter(area__in=areas_visible_to(user)).select_related(
        "area", "partner"
    )
