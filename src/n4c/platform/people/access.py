"""Who someone is in the Network. Every permission decision starts from :func:`role_of`."""

from __future__ import annotations

from n4c.platform.people.models import Profile, Role

__all__ = ["is_national_team", "is_staff_role", "region_id_of", "role_of"]

# Roles that work for the Network (not residents), and so may read every area.
STAFF_ROLES = frozenset(
    {Role.NATIONAL_TEAM, Role.HUB_LEAD, Role.ADVISER, Role.COMMUNITY_WORKER, Role.SPECIALIST}
)


def _profile(user) -> Profile | None:
    if not user.is_authenticated:
        return None
    try:
        return user.profile
    except Profile.DoesNotExist:
        return None


def role_of(user) -> Role | str | None:
    """The user's role; a Django superuser without a profile counts as the national team."""
    profile = _profile(user)
    if profile is not None:
        return profile.role
    if user.is_authenticated and user.is_superuser:
        return Role.NATIONAL_TEAM
    return None


def is_national_team(user) -> bool:
    return role_of(user) == Role.NATIONAL_TEAM


def is_staff_role(user) -> bool:
    """Works for the Network (national team, hub lead, adviser, community worker, specialist)."""
    return role_of(user) in STAFF_ROLES


def region_id_of(user) -> int | None:
    profile = _profile(user)
    return profile.region_id if profile is not None else None
