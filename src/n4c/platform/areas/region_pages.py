"""Regions (hubs) as staff see them: the list with each one's areas, and one region's areas.

The regions app holds the geography and knows nothing of areas, so the pages that list a
region's areas live here; ``n4c.platform.urls`` keeps them at ``/regions/``.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from n4c.platform.areas.access import areas_visible_to
from n4c.platform.regions.models import Region

__all__ = ["region_detail", "region_list", "regions_with_area_counts"]


def regions_with_area_counts(user) -> QuerySet[Region]:
    """Every region with its number of areas, for the staff; nothing for anyone else."""
    if not user.has_perm("regions.view_region"):
        return Region.objects.none()
    return Region.objects.annotate(area_count=Count("areas"))


def _require_staff(user) -> None:
    if not user.has_perm("regions.view_region"):
        raise PermissionDenied(_("Regions are for the Network's staff."))


@login_required
def region_list(request):
    _require_staff(request.user)
    regions = regions_with_area_counts(request.user)
    return render(request, "areas/region_list.html", {"regions": regions})


@login_required
def region_detail(request, code: str):
    _require_staff(request.user)
    region = get_object_or_404(Region, code=code)
    areas = areas_visible_to(request.user).filter(region=region)
    return render(request, "areas/region_detail.html", {"region": region, "areas": areas})
