"""Assigning people to areas: the capacity check, the hand-over and the audit trail together."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from n4c.platform.areas.access import can_edit_area
from n4c.platform.areas.models import Area
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.caseloads.access import check_assignable
from n4c.platform.caseloads.capacity import check_capacity
from n4c.platform.caseloads.models import Assignment, AssignmentRole
from n4c.platform.core.acting import is_platform
from n4c.platform.core.conflicts import ConflictError, unique_or
from n4c.platform.core.months import month_end, month_starts
from n4c.platform.people.access import role_of
from n4c.platform.people.models import Role, display_name

__all__ = ["assign", "can_assign", "caseload_by_month", "end_assignment", "unhanded_areas"]


def can_assign(user, area) -> bool:
    """The national team and the area's hub lead name its adviser and community worker."""
    role = role_of(user)
    return role in (Role.NATIONAL_TEAM, Role.HUB_LEAD) and can_edit_area(user, area)


@transaction.atomic
def assign(actor, area, person, role: str, *, started_on: dt.date | None = None) -> Assignment:
    """Make ``person`` the area's adviser or community worker, ending whoever held it before."""
    if not is_platform(actor) and not can_assign(actor, area):
        raise PermissionDenied(
            _("Only the national team and the area's hub lead can assign staff.")
        )
    # Lock the area's row, then the person's (always in that order, so two assignments cannot
    # wait for each other): two assignments to one area hand over one after the other, and two
    # to one person cannot both pass the limit. SQLite has no row locks; there every write
    # transaction begins IMMEDIATE (settings.SQLITE_OPTIONS), which serialises them the same.
    Area.objects.select_for_update().filter(pk=area.pk).first()
    get_user_model().objects.select_for_update().filter(pk=person.pk).first()
    check_assignable(actor, person)
    check_capacity(person, role, area=area)
    started_on = started_on or dt.date.today()
    current = Assignment.objects.filter(area=area, role=role, ended_on__isnull=True).first()
    if current is not None:
        if current.person_id == person.pk:
            return current
        end_assignment(actor, current, ended_on=started_on)
    taken = ConflictError(
        _(
            "Someone else was made this area's adviser at the same moment. Reload the page to "
            "see who, and try again."
        )
        if role == AssignmentRole.ADVISER
        else _(
            "Someone else was made this area's community worker at the same moment. Reload the "
            "page to see who, and try again."
        )
    )
    with unique_or(Assignment, ("area", "role"), taken):
        assignment = Assignment.objects.create(
            area=area, person=person, role=role, started_on=started_on
        )
    record_change(actor, assignment, AuditEvent.Action.CREATED)
    return assignment


def end_assignment(actor, assignment: Assignment, *, ended_on: dt.date | None = None) -> None:
    before = snapshot(assignment)
    assignment.ended_on = ended_on or dt.date.today()
    assignment.save(update_fields=["ended_on"])
    record_change(actor, assignment, AuditEvent.Action.CHANGED, before=before)


def unhanded_areas(person) -> str | None:
    """Why ``person`` may not change role or hub or stop signing in yet: the areas they hold.

    Registered with ``people.services.register_holding_check``, so the staff directory refuses
    the change until the areas are handed over.
    """
    held = Assignment.objects.filter(person=person, ended_on__isnull=True).count()
    if not held:
        return None
    return ngettext(
        "%(name)s holds %(held)s current assignment; end or hand them over on their caseload "
        "page first, so no area is left without its adviser or community worker unnoticed.",
        "%(name)s holds %(held)s current assignments; end or hand them over on their caseload "
        "page first, so no area is left without its adviser or community worker unnoticed.",
        held,
    ) % {"name": display_name(person), "held": held}


def caseload_by_month(
    first_month: dt.date, last_month: dt.date, *, assignments=None, today: dt.date | None = None
) -> list[tuple[dt.date, int]]:
    """Areas held at the end of each month from ``first_month`` to ``last_month`` (``today``
    for the month under way), one (month start, count) pair a month.

    ``assignments`` is the queryset to count (one person's, one region's); all when None.
    One query however many months.
    """
    months = month_starts(first_month, last_month)
    if not months:
        return []
    today = today or dt.date.today()
    queryset = assignments if assignments is not None else Assignment.objects.all()
    spans = list(
        queryset.filter(started_on__lte=month_end(months[-1])).values_list("started_on", "ended_on")
    )
    counts = []
    for month in months:
        day = min(month_end(month), max(today, month))
        held = sum(1 for start, end in spans if start <= day and (end is None or end >= day))
        counts.append((month, held))
    return counts
