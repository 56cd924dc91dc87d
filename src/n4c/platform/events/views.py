"""Event pages (list, one event with attendance) and an area's peers with suggestions."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from n4c.platform.areas.access import (
    area_for_editing,
    area_for_viewing,
    areas_editable_by,
    areas_visible_to,
)
from n4c.platform.core.forms import apply_service, form_status
from n4c.platform.core.sorting import sorted_page
from n4c.platform.events import services
from n4c.platform.events.access import can_run_event, events_visible_to, peer_links_visible_to
from n4c.platform.events.forms import AttendanceForm, EventForm, PeerLinkForm
from n4c.platform.events.models import Event
from n4c.platform.people.access import region_id_of


def _may_add_events(user) -> bool:
    return can_run_event(user, scope=Event.Scope.NATIONAL, region_id=None) or can_run_event(
        user, scope=Event.Scope.REGIONAL, region_id=region_id_of(user)
    )


@login_required
def event_list(request):
    form = (
        EventForm(request.POST or None, actor=request.user)
        if _may_add_events(request.user)
        else None
    )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only the national team and hub leads can add events."))
        event = apply_service(form, lambda data: services.add_event(request.user, **data))
        if event is not None:
            messages.success(request, _("%(title)s is added.") % {"title": event.title})
            return redirect(event)
    today = dt.date.today()
    events = events_visible_to(request.user)
    past = sorted_page(
        request,
        events.filter(starts_on__lt=today),
        sorts={"date": "starts_on", "title": "title"},
        default="date",
        default_order="desc",
    )
    return render(
        request,
        "events/event_list.html",
        {
            "upcoming": events.filter(starts_on__gte=today).order_by("starts_on"),
            "past": past.page,
            "listing": past,
            "form": form,
        },
        status=form_status(form) if form is not None else 200,
    )


@login_required
def event_detail(request, pk: int):
    event = get_object_or_404(events_visible_to(request.user), pk=pk)
    editable = areas_editable_by(request.user)
    form = AttendanceForm(request.POST or None, areas=editable) if editable.exists() else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("You can record attendance only for areas you work with."))
        attendance = apply_service(
            form,
            lambda data: services.record_attendance(
                request.user, event, area_for_editing(request.user, data["area"].pk), data["people"]
            ),
        )
        if attendance is not None:
            messages.success(
                request, _("Attendance from %(area)s is recorded.") % {"area": attendance.area}
            )
            return redirect(event)
    attendances = event.attendances.filter(area__in=areas_visible_to(request.user)).select_related(
        "area"
    )
    return render(
        request,
        "events/event_detail.html",
        {"event": event, "attendances": attendances, "form": form},
        status=400 if form is not None and form.errors else 200,
    )


@login_required
def peers(request, area_id: int):
    area = area_for_viewing(request.user, area_id)
    visible = areas_visible_to(request.user)
    can_edit = areas_editable_by(request.user).filter(pk=area.pk).exists()
    form = (
        PeerLinkForm(request.POST or None, areas=visible.exclude(pk=area.pk)) if can_edit else None
    )
    if request.method == "POST":
        area = area_for_editing(request.user, area_id)
        assert form is not None
        link = apply_service(
            form,
            lambda data: services.link_peers(
                request.user,
                area,
                data["other_area"],
                purpose=data["purpose"],
                started_on=data["started_on"],
            ),
        )
        if link is not None:
            messages.success(
                request,
                _("%(area)s and %(other)s are now peers.")
                % {"area": area, "other": form.cleaned_data["other_area"]},
            )
            return redirect("events:peers", area.pk)
    links = peer_links_visible_to(request.user).filter(first_area=area) | peer_links_visible_to(
        request.user
    ).filter(second_area=area)
    return render(
        request,
        "events/peers.html",
        {
            "area": area,
            "links": [(link, link.other(area)) for link in links],
            "suggestions": services.peer_suggestions(area, visible),
            "form": form,
            "today": dt.date.today(),
        },
        status=400 if form is not None and form.errors else 200,
    )
