"""Regions (hubs): the list, and one region's areas by stage."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from n4c.platform.areas.access import areas_visible_to
from n4c.platform.people.access import is_staff_role
from n4c.platform.regions.models import Region


@login_required
def region_list(request):
    if not is_staff_role(request.user):
        raise PermissionDenied("Regions are for the Network's staff.")
    regions = Region.objects.annotate(area_count=Count("areas"))
    return render(request, "regions/region_list.html", {"regions": regions})


@login_required
def region_detail(request, code: str):
    if not is_staff_role(request.user):
        raise PermissionDenied("Regions are for the Network's staff.")
    region = get_object_or_404(Region, code=code)
    areas = areas_visible_to(request.user).filter(region=region)
    return render(request, "regions/region_detail.html", {"region": region, "areas": areas})
