"""Regions in the JSON API: each hub with its number of areas."""

from __future__ import annotations

from django.db.models import Count
from ninja import Router, Schema

from n4c.platform.people.access import is_staff_role
from n4c.platform.regions.models import Region

router = Router(tags=["regions"])


class RegionOut(Schema):
    code: str
    name: str
    area_count: int


@router.get("/", response=list[RegionOut])
def list_regions(request):
    if not is_staff_role(request.user):
        return Region.objects.none()
    return Region.objects.annotate(area_count=Count("areas"))
