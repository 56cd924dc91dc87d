"""Area pages: the list, one area with its baseline and people, adding and changing an area."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string

from n4c.platform.areas.access import areas_editable_by, areas_visible_to, can_edit_area
from n4c.platform.areas.forms import AreaChangeForm, AreaCreateForm
from n4c.platform.areas.hooks import area_links, area_panels
from n4c.platform.areas.models import Stage
from n4c.platform.areas.services import can_create_areas, change_area, create_area
from n4c.platform.regions.models import Region


@login_required
def area_list(request):
    areas = areas_visible_to(request.user).select_related("region")
    region_code = request.GET.get("region", "")
    stage = request.GET.get("stage", "")
    if region_code:
        areas = areas.filter(region__code=region_code)
    if stage in Stage.values:
        areas = areas.filter(stage=stage)
    page = Paginator(areas, 50).get_page(request.GET.get("page"))
    # Filtering through htmx swaps in the results alone; the full page works without it. When
    # htmx restores a page from history it needs the whole page, not the part.
    results_only = request.htmx and not request.htmx.history_restore_request
    response = render(
        request,
        "areas/_area_results.html" if results_only else "areas/area_list.html",
        {
            "page": page,
            "regions": Region.objects.all(),
            "stages": Stage.choices,
            "region_code": region_code,
            "stage": stage,
            "can_create": can_create_areas(request.user),
        },
    )
    # The same address answers a part or the whole page, so caches must tell them apart.
    patch_vary_headers(response, ("HX-Request",))
    return response


@login_required
def area_detail(request, pk: int):
    area = get_object_or_404(areas_visible_to(request.user).select_related("region"), pk=pk)
    # Imported here: these apps sit above areas and read it, not the other way round.
    from n4c.platform.caseloads.models import Assignment
    from n4c.platform.caseloads.services import can_assign
    from n4c.platform.support_log.freshness import FRAGMENT_SECONDS, support_version

    today = dt.date.today()
    month_start = today.replace(day=1)
    # All lazy: the template caches the part that shows them, so they run only when stale.
    assignments = Assignment.objects.filter(area=area, ended_on__isnull=True).select_related(
        "person"
    )
    entries = area.support_entries.select_related("person").order_by("-date", "-id")[:20]
    this_month = area.support_entries.filter(date__gte=month_start, date__lte=today)
    return render(
        request,
        "areas/area_detail.html",
        {
            "area": area,
            "assignments": assignments,
            "entries": entries,
            # A callable: the template calls it only if it renders the fragment.
            "days_this_month": lambda: this_month.aggregate(days=Sum("days"))["days"] or 0,
            "today": today,
            "version": support_version(),
            "fragment_seconds": FRAGMENT_SECONDS,
            "can_edit": can_edit_area(request.user, area),
            "can_assign": can_assign(request.user, area),
            "area_links": _area_links(request.user, area),
            "area_panels": _area_panels(request, area),
        },
    )


def _area_links(user, area) -> list[tuple[str, str]]:
    """The other apps' pages about this area that this user may open."""
    links = [
        (link.label, reverse(link.url_name, args=[area.pk]))
        for link in area_links
        if link.check is None or link.check(user, area)
    ]
    for label, url_name, *check in settings.AREA_PAGE_LINKS:
        if check and not import_string(check[0])(user, area):
            continue
        links.append((label, reverse(url_name, args=[area.pk])))
    return links


def _area_panels(request, area) -> list[str]:
    """The other apps' panels about this area that this user may see, rendered."""
    return [
        render_to_string(panel.template_name, panel.context_function(request, area), request)
        for panel in area_panels
        if panel.check is None or panel.check(request.user, area)
    ]


@login_required
def area_create(request):
    if not can_create_areas(request.user):
        raise PermissionDenied("Only the national team and hub leads can create areas.")
    form = AreaCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            area = create_area(request.user, **form.cleaned_data)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, f"{area.name} added.")
            return redirect(area)
    return render(request, "areas/area_form.html", {"form": form, "title": "Add an area"})


@login_required
def area_edit(request, pk: int):
    area = get_object_or_404(areas_editable_by(request.user), pk=pk)
    form = AreaChangeForm(request.POST or None, instance=area)
    if request.method == "POST" and form.is_valid():
        change_area(request.user, area, **form.cleaned_data)
        messages.success(request, f"{area.name} saved.")
        return redirect(area)
    return render(request, "areas/area_form.html", {"form": form, "title": f"Change {area.name}"})
