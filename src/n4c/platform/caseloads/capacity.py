"""The caseload limit, in one function that the form, API, admin and seeding all call."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import pluralize

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
    label = AssignmentRole(role).label.lower()
    a_label = f"an {label}" if label[0] in "aeiou" else f"a {label}"
    if role_of(person) != role:
        raise ValidationError(
            f"{display_name(person)} is not {a_label}. Choose {a_label}.", code="wrong_role"
        )
    current = Assignment.objects.filter(person=person, ended_on__isnull=True)
    if area is not None and current.filter(area=area).exists():
        return
    limit = limit_for(role)
    held = current.count()
    if held >= limit:
        raise ValidationError(
            f"{display_name(person)} already holds {held} area{pluralize(held)}, the limit for {a_label} "
            f"is {limit}. End one of their assignments first or choose someone else.",
            code="over_capacity",
        )
