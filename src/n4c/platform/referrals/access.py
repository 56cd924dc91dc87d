"""Who may see and change partners and referrals, decided once here.

Referrals follow their area: seen by whoever sees the area, made and updated by whoever may
change it. The partner directory is for the Network's staff; the national team keeps every
partner, a hub lead those of their own region (not those working across England).
"""

from __future__ import annotations

from django.db.models import QuerySet

from n4c.platform.areas.access import areas_visible_to
from n4c.platform.people.access import is_staff_role, region_id_of, role_of
from n4c.platform.people.models import Role
from n4c.platform.referrals.models import Partner, Referral
from n4c.platform.regions.models import Region

__all__ = [
    "can_manage_partner",
    "can_manage_partners",
    "partner_regions_for",
    "partners_visible_to",
    "referrals_visible_to",
]


def partners_visible_to(user) -> QuerySet[Partner]:
    if is_staff_role(user):
        return Partner.objects.select_related("region")
    return Partner.objects.none()


def can_manage_partners(user) -> bool:
    """Whether ``user`` adds partners at all (see :func:`can_manage_partner` for which)."""
    return role_of(user) in (Role.NATIONAL_TEAM, Role.HUB_LEAD)


def partner_regions_for(user) -> QuerySet[Region]:
    """The regions whose partners ``user`` keeps: all for the national team, a hub lead's own."""
    role = role_of(user)
    if role == Role.NATIONAL_TEAM:
        return Region.objects.all()
    if role == Role.HUB_LEAD:
        return Region.objects.filter(pk=region_id_of(user))
    return Region.objects.none()


def can_manage_partner(user, region_id: int | None) -> bool:
    """Whether ``user`` keeps a partner of the region ``region_id`` (None: across England, which
    only the national team keeps)."""
    if role_of(user) == Role.NATIONAL_TEAM:
        return True
    return region_id is not None and partner_regions_for(user).filter(pk=region_id).exists()


def referrals_visible_to(user) -> QuerySet[Referral]:
    return Referral.objects.filter(area__in=areas_visible_to(user)).select_related(
        "area", "partner"
    )
