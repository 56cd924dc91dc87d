"""Deadline pages: the calendar across areas, an area's .ics (signed in, or at its secret address),
and the register page's sections on upcoming dates and the calendar address.

Every queryset starts from the access functions; the dates all come from services.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from n4c.platform.areas.access import areas_visible_to
from n4c.platform.assets.access import area_for_editing, area_for_viewing, can_edit_area_assets
from n4c.platform.core.ids import parse_id
from n4c.platform.deadlines.access import area_for_feed
from n4c.platform.deadlines.models import CalendarFeed
from n4c.platform.deadlines.services import (
    area_calendar,
    renew_calendar_feed,
    stop_calendar_feed,
    upcoming_deadlines,
)
from n4c.platform.neighbourhood_planning.access import plans_visible_to
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan
from n4c.platform.regions.models import Region
from n4c.platform.right_to_bid.access import cases_visible_to
from n4c.platform.right_to_bid.models import AssetCase

CALENDAR_DAYS = 180


def _cases(queryset):
    return queryset.select_related("asset__area__region").prefetch_related("events", "extensions")


def _plans(queryset):
    return queryset.select_related("area__region").prefetch_related("stages")


def area_deadlines_panel(request, area) -> dict:
    """The register page's section: the area's upcoming dates, with its calendar links."""
    cases = _cases(cases_visible_to(request.user).filter(asset__area=area))
    plans = _plans(plans_visible_to(request.user).filter(area=area))
    return {
        "area": area,
        "upcoming": upcoming_deadlines([*cases, *plans], start=dt.date.today(), days=CALENDAR_DAYS),
    }


def area_feed_panel(request, area) -> dict:
    """The register page's section: the area's subscribable address, and its buttons for editors."""
    return {
        "area": area,
        "feed": CalendarFeed.objects.filter(area=area).first(),
        "can_edit": can_edit_area_assets(request.user, area),
    }


@login_required
def calendar(request):
    """Upcoming deadlines across the areas the user may see, for one region or area if asked."""
    cases = _cases(cases_visible_to(request.user))
    plans = _plans(plans_visible_to(request.user))
    region_code = request.GET.get("region", "")
    area_id = request.GET.get("area", "")
    if region_code:
        cases = cases.filter(asset__area__region__code=region_code)
        plans = plans.filter(area__region__code=region_code)
    area_key = parse_id(area_id)
    if area_key is not None:
        cases = cases.filter(asset__area_id=area_key)
        plans = plans.filter(area_id=area_key)
    try:
        days = max(1, min(int(request.GET.get("days", CALENDAR_DAYS)), 3 * 365))
    except ValueError:
        days = CALENDAR_DAYS
    today = dt.date.today()
    return render(
        request,
        "deadlines/calendar.html",
        {
            "upcoming": upcoming_deadlines([*cases, *plans], start=today, days=days),
            "regions": Region.objects.all(),
            "areas": areas_visible_to(request.user),
            "region_code": region_code,
            "area_id": area_id,
            "days": days,
            "today": today,
        },
    )


@login_required
def area_ics(request, area_id: int):
    area = area_for_viewing(request.user, area_id)
    return _ics(
        request,
        area,
        cases_visible_to(request.user).filter(asset__area=area),
        plans_visible_to(request.user).filter(area=area),
    )


def area_feed(request, area_id: int, token: str):
    """The same calendar at a secret address, for calendar apps that cannot sign in."""
    area = area_for_feed(area_id, token)
    response = _ics(
        request,
        area,
        AssetCase.objects.filter(asset__area=area),
        NeighbourhoodPlan.objects.filter(area=area),
    )
    response["Cache-Control"] = "private, max-age=900"  # untranslated: an HTTP header
    return response


def _ics(request, area, cases, plans) -> HttpResponse:
    body = area_calendar(
        area,
        cases.filter(closed_on__isnull=True)
        .select_related("asset")
        .prefetch_related("events", "extensions"),
        plans.filter(closed_on__isnull=True).prefetch_related("stages"),
        url=request.build_absolute_uri,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = f'inline; filename="area-{area.pk}-deadlines.ics"'
    response["Content-Disposition"] = disposition  # untranslated: an HTTP header
    return response


@login_required
@require_POST
def feed_change(request, area_id: int):
    """Turn the subscribable feed on, give it a new address, or turn it off."""
    area = area_for_editing(request.user, area_for_viewing(request.user, area_id))
    if request.POST.get("action") == "stop":
        if stop_calendar_feed(area):
            messages.success(request, _("Calendar feed turned off; its address no longer works."))
    else:
        renew_calendar_feed(request.user, area)
        messages.success(
            request, _("Calendar feed address made. Any earlier address no longer works.")
        )
    return redirect("assets:register", area_id=area.pk)
