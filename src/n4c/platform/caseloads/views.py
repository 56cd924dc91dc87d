"""Assigning staff to an area, and the caseload boards per person and per region."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from n4c.platform.areas.access import areas_visible_to
from n4c.platform.caseloads.capacity import limit_for
from n4c.platform.caseloads.forms import AssignmentForm
from n4c.platform.caseloads.models import Assignment, AssignmentRole
from n4c.platform.caseloads.services import assign, can_assign
from n4c.platform.core.forms import apply_service
from n4c.platform.people.access import is_staff_role
from n4c.platform.regions.models import Region


def _require_staff(user) -> None:
    if not is_staff_role(user):
        raise PermissionDenied(_("Caseloads are for the Network's staff."))


@login_required
def assign_staff(request, area_pk: int):
    area = get_object_or_404(areas_visible_to(request.user), pk=area_pk)
    if not can_assign(request.user, area):
        raise PermissionDenied(
            _("Only the national team and the area's hub lead can assign staff.")
        )
    form = AssignmentForm(request.POST or None, area=area, actor=request.user)
    if request.method == "POST":
        # The form checks the limit as the page was filled in; the service checks it again
        # under a lock, and its refusal (someone assigned at the same moment) shows on the form.
        assignment = apply_service(
            form, lambda data: assign(request.user, area, data["person"], data["role"])
        )
        if assignment is not None:
            messages.success(
                request,
                _("%(person)s is now the %(role)s for %(area)s.")
                % {
                    "person": assignment.person.get_full_name(),
                    "role": assignment.get_role_display().lower(),
                    "area": area.name,
                },
            )
            return redirect(area)
    return render(request, "caseloads/assign.html", {"form": form, "area": area})


@login_required
def person_board(request, user_pk: int):
    _require_staff(request.user)
    person = get_object_or_404(get_user_model().objects.select_related("profile"), pk=user_pk)
    month_start = dt.date.today().replace(day=1)
    assignments = (
        Assignment.objects.filter(person=person, ended_on__isnull=True)
        .select_related("area", "area__region")
        .annotate(
            days_this_month=Sum(
                "area__support_entries__days",
                filter=Q(
                    area__support_entries__person=person,
                    area__support_entries__date__gte=month_start,
                ),
            )
        )
    )
    role = getattr(getattr(person, "profile", None), "role", None)
    limit = limit_for(role) if role in AssignmentRole.values else None
    return render(
        request,
        "caseloads/person_board.html",
        {"person": person, "assignments": assignments, "limit": limit},
    )


@login_required
def region_board(request, code: str):
    _require_staff(request.user)
    region = get_object_or_404(Region, code=code)
    staff = (
        get_user_model()
        .objects.filter(profile__region=region, profile__role__in=AssignmentRole.values)
        .select_related("profile")
        .annotate(areas_held=Count("assignments", filter=Q(assignments__ended_on__isnull=True)))
        .order_by("profile__role", "last_name")
    )
    rows = [{"person": p, "held": p.areas_held, "limit": limit_for(p.profile.role)} for p in staff]
    areas = region.areas.annotate(
        advisers=Count(
            "assignments",
            filter=Q(assignments__ended_on__isnull=True, assignments__role=AssignmentRole.ADVISER),
        ),
        community_workers=Count(
            "assignments",
            filter=Q(
                assignments__ended_on__isnull=True,
                assignments__role=AssignmentRole.COMMUNITY_WORKER,
            ),
        ),
    )
    uncovered = [
        a for a in areas if a.stage == "active" and (not a.advisers or not a.community_workers)
    ]
    return render(
        request,
        "caseloads/region_board.html",
        {"region": region, "rows": rows, "uncovered": uncovered},
    )
