"""Logging support for an area, and the monthly report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject

from n4c.errors import InputError
from n4c.platform.areas.access import areas_visible_to
from n4c.platform.core.fragments import FRAGMENT_SECONDS
from n4c.platform.people.access import is_staff_role
from n4c.platform.plain.wording import days_text
from n4c.platform.regions.models import Region
from n4c.platform.support_log.forms import SupportEntryForm
from n4c.platform.support_log.freshness import SUPPORT_VERSION
from n4c.platform.support_log.report import monthly_report, parse_month
from n4c.platform.support_log.services import can_log_support, log_support


@login_required
def entry_create(request, area_pk: int):
    area = get_object_or_404(areas_visible_to(request.user), pk=area_pk)
    if not can_log_support(request.user, area):
        raise PermissionDenied(
            "Only the area's adviser or community worker can log support for it."
        )
    form = SupportEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        entry = log_support(request.user, area, **form.cleaned_data)
        messages.success(request, f"Logged {days_text(entry.days)} of support for {area.name}.")
        return redirect(area)
    return render(request, "support_log/entry_form.html", {"form": form, "area": area})


@login_required
def report(request):
    if not is_staff_role(request.user):
        raise PermissionDenied("The monthly report is for the Network's staff.")
    error = None
    try:
        month_start = parse_month(request.GET.get("month"))
    except InputError as exc:
        error = exc.message
        month_start = parse_month(None)
    region_code = request.GET.get("region", "")
    areas = areas_visible_to(request.user)
    if region_code:
        areas = areas.filter(region__code=region_code)
    return render(
        request,
        "support_log/report.html",
        {
            # Lazy: computed only when the cached fragment has gone stale.
            "report": SimpleLazyObject(lambda: monthly_report(month_start, areas=areas)),
            "month_start": month_start,
            "version": SUPPORT_VERSION.current(),
            "fragment_seconds": FRAGMENT_SECONDS,
            "month": f"{month_start:%Y-%m}",
            "regions": Region.objects.all(),
            "region_code": region_code,
            "error": error,
        },
    )
