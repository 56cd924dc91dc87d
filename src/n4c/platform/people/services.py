"""Adding staff and changing their role, hub or access, with the rules of who may do it.

- The national team adds and changes anyone on the staff.
- A hub lead adds and changes the advisers and community workers of their own hub.
- Everyone else on the staff may read the directory; no one else sees it.

A new person gets no password: the page that adds them shows a one-time link (Django's password
reset token, so it stops working once used or after N4C_PASSWORD_LINK_HOURS) for them to set
their own, and e-mails it when an address is given. Nobody ever chooses a password for someone.
A link is made only under :func:`~n4c.platform.people.access.password_link_refusal`'s rule, and
making it and using it are both in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.people.access import (
    HUB_LEAD_MANAGES,
    STAFF_ROLES,
    can_manage,
    password_link_refusal,
    region_id_of,
    role_of,
)
from n4c.platform.people.models import Profile, Role, display_name
from n4c.platform.regions.models import Region

__all__ = [
    "REGIONAL_ROLES",
    "add_person",
    "can_manage",
    "change_person",
    "create_account",
    "issue_set_password_link",
    "link_hours",
    "recipient_language",
    "register_holding_check",
    "roles_addable_by",
    "send_set_password_link",
    "set_password_path",
    "staff_visible_to",
]

#: Roles that belong to one hub, so need a region.
REGIONAL_ROLES = frozenset({Role.HUB_LEAD, Role.ADVISER, Role.COMMUNITY_WORKER})


def staff_visible_to(user) -> QuerySet[Profile]:
    if role_of(user) not in STAFF_ROLES:
        return Profile.objects.none()
    return Profile.objects.filter(role__in=STAFF_ROLES).select_related("user", "region")


def roles_addable_by(user) -> list[Role]:
    role = role_of(user)
    if role == Role.NATIONAL_TEAM:
        return [Role(value) for value in Role.values if value in STAFF_ROLES]
    if role == Role.HUB_LEAD:
        return list(HUB_LEAD_MANAGES)
    return []


def _check(actor, role: str, region: Region | None) -> None:
    if role not in roles_addable_by(actor):
        raise ValidationError({"role": _("You cannot give that role; ask the national team.")})
    if role in REGIONAL_ROLES and region is None:
        raise ValidationError({"region": _("Choose the hub this person works in.")})
    if role_of(actor) == Role.HUB_LEAD and (region is None or region.pk != region_id_of(actor)):
        raise ValidationError({"region": _("A hub lead adds and changes people of their own hub.")})


# What apps above people hold of a person (caseloads: their areas) must not be left unnoticed
# when the person changes role or hub or stops signing in; each app registers, from its
# AppConfig.ready, a check giving the reason to refuse (or None), so people knows none of them.
_HOLDING_CHECKS: list[Callable[[Any], str | None]] = []


def register_holding_check(check: Callable[[Any], str | None]) -> None:
    """Refuse moving or stopping a person while ``check(user)`` gives a reason."""
    if check not in _HOLDING_CHECKS:
        _HOLDING_CHECKS.append(check)


def create_account(
    *,
    username: str,
    first_name: str,
    last_name: str = "",
    email: str = "",
    role: str,
    region: Region | None = None,
    language: str = "",
):
    """A user with a profile (in ``language`` if known) and no usable password, for the
    one-time link to set one.

    Raises
    ------
    ValidationError
        On ``username`` if the name is taken, whatever its letter case.
    """
    users = get_user_model()
    if users.objects.filter(username__iexact=username).exists():
        taken = _("The user name “%(username)s” is taken; choose another.")
        raise ValidationError({"username": taken % {"username": username}})
    user = users(username=username, first_name=first_name, last_name=last_name, email=email)
    user.set_unusable_password()
    user.save()
    Profile.objects.create(user=user, role=role, region=region, language=language)
    return user


@transaction.atomic
def add_person(
    actor,
    *,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    region: Region | None,
):
    """Create the account and profile; the person sets their password through the link."""
    _check(actor, role, region)
    user = create_account(
        username=username, first_name=first_name, last_name=last_name, email=email,
        role=role, region=region,
    )  # fmt: skip
    profile = user.profile
    record_change(actor, user, AuditEvent.Action.CREATED)
    record_change(actor, profile, AuditEvent.Action.CREATED)
    return user


@transaction.atomic
def change_person(actor, profile: Profile, *, role: str, region: Region | None, active: bool):
    """Change a person's role, hub or access; refused while it would orphan their areas."""
    if not can_manage(actor, profile):
        raise ValidationError(_("You cannot change this person; ask the national team."))
    _check(actor, role, region)
    user = profile.user
    if not active or role != profile.role or region != profile.region:
        for check in _HOLDING_CHECKS:
            reason = check(user)
            if reason:
                raise ValidationError(reason)
    before_profile, before_user = snapshot(profile), snapshot(user)
    profile.role, profile.region = role, region
    profile.save()
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
        record_change(actor, user, AuditEvent.Action.CHANGED, before=before_user)
    record_change(actor, profile, AuditEvent.Action.CHANGED, before=before_profile)
    return profile


def issue_set_password_link(actor, user) -> str:
    """The address of a new link for ``user`` to set their password, if ``actor`` may make one.

    Raises
    ------
    PermissionDenied
        With :func:`~n4c.platform.people.access.password_link_refusal`'s reason.
    """
    refusal = password_link_refusal(actor, user)
    if refusal:
        raise PermissionDenied(refusal)
    record_change(actor, user, AuditEvent.Action.LINK_ISSUED)
    return set_password_path(user)


def set_password_path(user) -> str:
    """The one-time address at which ``user`` sets their own password (no check: see
    :func:`issue_set_password_link`)."""
    return reverse(
        "set_password",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )


def link_hours() -> int:
    """How many hours a link to set a password works for (N4C_PASSWORD_LINK_HOURS)."""
    return settings.PASSWORD_RESET_TIMEOUT // 3600


def recipient_language(user) -> str:
    """The language to write to ``user`` in: the one they chose (``people.languages``), else
    the platform's default (not the sender's, who may read another language)."""
    chosen = Profile.objects.filter(user=user).values_list("language", flat=True).first()
    if chosen and translation.check_for_language(chosen):
        return chosen
    return settings.LANGUAGE_CODE


def send_set_password_link(user, link: str) -> None:
    """E-mail ``user`` their link, in their own language when they have chosen one."""
    hours = link_hours()
    with translation.override(recipient_language(user)):
        body = ngettext(
            "Hello %(name)s,\n\nYour user name is %(username)s. Choose your password here (the "
            "link works once, for %(hours)s hour):\n\n%(link)s\n",
            "Hello %(name)s,\n\nYour user name is %(username)s. Choose your password here (the "
            "link works once, for %(hours)s hours):\n\n%(link)s\n",
            hours,
        ) % {
            "name": display_name(user),
            "username": user.get_username(),
            "hours": hours,
            "link": link,
        }
        send_mail(_("Your Network for Communities account"), body, None, [user.email])
