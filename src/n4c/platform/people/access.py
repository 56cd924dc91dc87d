"""Who someone is in the Network. Every permission decision starts from :func:`role_of`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from n4c.platform.core.acting import Actor, is_platform
from n4c.platform.people.models import Profile, Role

__all__ = [
    "can_manage",
    "is_national_team",
    "is_staff_role",
    "may_change_account",
    "password_link_refusal",
    "region_id_of",
    "register_account_keeper",
    "role_of",
]

# Roles that work for the Network (not residents), and so may read every area.
STAFF_ROLES = frozenset(
    {Role.NATIONAL_TEAM, Role.HUB_LEAD, Role.ADVISER, Role.COMMUNITY_WORKER, Role.SPECIALIST}
)
#: The roles a hub lead adds and changes, in their own hub.
HUB_LEAD_MANAGES = (Role.ADVISER, Role.COMMUNITY_WORKER)


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


def can_manage(user, profile: Profile) -> bool:
    """Whether ``user`` may change this member of staff's role, hub or access."""
    if profile.user_id == user.pk:
        return False  # no one changes their own role or locks themselves out
    role = role_of(user)
    if role == Role.NATIONAL_TEAM:
        return profile.role in STAFF_ROLES
    if role == Role.HUB_LEAD:
        return profile.role in HUB_LEAD_MANAGES and profile.region_id == region_id_of(user)
    return False


# Who looks after a partnership member's sign-in is known to the apps above people (residents:
# those who may change the member's area); each registers, from its AppConfig.ready, a check
# ``keeps(actor, account)``, so people knows none of them.
_ACCOUNT_KEEPERS: list[Callable[[Any, Any], bool]] = []


def register_account_keeper(keeps: Callable[[Any, Any], bool]) -> None:
    """Let ``keeps(actor, account)`` entitle someone to change a partnership member's sign-in."""
    if keeps not in _ACCOUNT_KEEPERS:
        _ACCOUNT_KEEPERS.append(keeps)


def may_change_account(actor: Actor, account) -> bool:
    """Whether ``actor`` is entitled to change ``account``'s sign-in.

    Accounts with access to the admin site only by a superuser; staff by those who manage them
    (:func:`can_manage`); a partnership member by the national team and by whoever an app above
    people entitles (those who may change the member's area). No one changes their own here.
    """
    if is_platform(actor):
        return True
    if not actor.is_authenticated or not actor.is_active or actor.pk == account.pk:
        return False
    if account.is_superuser or account.is_staff:
        return bool(actor.is_superuser)
    profile = _profile(account)
    if profile is None:
        return bool(actor.is_superuser)
    if profile.role == Role.PARTNERSHIP_MEMBER:
        return is_national_team(actor) or any(keeps(actor, account) for keeps in _ACCOUNT_KEEPERS)
    return can_manage(actor, profile)


def password_link_refusal(actor: Actor, account) -> str | None:
    """Why ``actor`` may not make a link for ``account`` to set its password, or None.

    A link lets whoever holds it choose the password, so it is made only by someone entitled to
    change the account, and only for an account whose owner has not chosen a password yet; once
    they have, only the national team resets it (when the owner asks them to).
    """
    if not may_change_account(actor, account):
        return _("You cannot make a link for this person; ask the national team.")
    if account.has_usable_password() and not (is_platform(actor) or is_national_team(actor)):
        return _(
            "They have chosen a password already, so only the national team can reset it. "
            "If they have forgotten it, they should ask the national team."
        )
    return None
