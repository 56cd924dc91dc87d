"""The caseload limit, in one function that the form, API, admin and seeding all call."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from n4c.platform.caseloads.models import Assignment, AssignmentRole
from n4c.platform.people.access import role_of
from n4c.platform.people.models import display_name

__all__ = ["check_capacity", "limit_for", "open_caseload"]


def limit_for(role: str) -> int:
    """Most areas one person may hold in ``role`` (N4C_ADVISER_MAX_AREAS and friends)."""
    if role == AssignmentRole.ADVISER:
        return settings.ADVISER_MAX_AREAS
    return settings.COMMUNITY_WORKER_MAX_AREAS


def open_caseload(person) -> int:
    """Areas the person holds now."""
    return Assignment.objects.filter(person=person, ended_on__isnull=True).count()


def check_capacity(person, role: str, *, area=None) -> None:
    """Refuse, with a message a person can act on, an assignment beyond the caseload limit.

    Also refuses someone whose own role is not ``role`` (a community worker cannot be an
    area's adviser). ``area`` is the area being assigned: holding it already is not extra load.
    """
    adviser = role == AssignmentRole.ADVISER
    name = display_name(person)
    if role_of(person) != role:
        message = (
            _("%(name)s is not an adviser. Choose an adviser.")
            if adviser
            else _("%(name)s is not a community worker. Choose a community worker.")
        )
        raise ValidationError(message % {"name": name}, code="wrong_role")
    current = Assignment.objects.filter(person=person, ended_on__isnull=True)
    if area is not None and current.filter(area=area).exists():
        return
    limit = limit_for(role)
    held = current.count()
    if held >= limit:
        if adviser:
            message = ngettext(
                "%(name)s already holds %(held)s area, the limit for an adviser is %(limit)s. "
                "End one of their assignments first or choose someone else.",
                "%(name)s already holds %(held)s areas, the limit for an adviser is %(limit)s. "
                "End one of their assignments first or choose someone else.",
                held,
            )
        else:
            message = ngettext(
                "%(name)s already holds %(held)s area, the limit for a community worker is "
                "%(limit)s. End one of their assignments first or choose someone else.",
                "%(name)s already holds %(held)s areas, the limit for a community worker is "
                "%(limit)s. End one of their assignments first or choose someone else.",
                held,
            )
        raise ValidationError(
            message % {"name": name, "held": held, "limit": limit}, code="over_capacity"
        )
