"""Who may see and change assets and cases: exactly who may see and change their area.

Every queryset of this app starts here, from the areas' own access rules.
"""

from __future__ import annotations

import secrets

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from n4c.platform.areas.access import (
    area_for_viewing,
    areas_visible_to,
    can_edit_area,
    can_view_area,
)
from n4c.platform.areas.models import Area
from n4c.platform.assets.models import Asset, AssetCase, CalendarFeed, PlanCase

__all__ = [
    "area_for_editing",
    "area_for_feed",
    "area_for_viewing",
    "assets_visible_to",
    "can_edit_area_assets",
    "can_view_area_assets",
    "cases_visible_to",
    "plan_cases_visible_to",
]


def assets_visible_to(user) -> QuerySet[Asset]:
    return Asset.objects.filter(area__in=areas_visible_to(user))


def cases_visible_to(user) -> QuerySet[AssetCase]:
    return AssetCase.objects.filter(asset__area__in=areas_visible_to(user))


def plan_cases_visible_to(user) -> QuerySet[PlanCase]:
    return PlanCase.objects.filter(area__in=areas_visible_to(user))


def can_view_area_assets(user, area: Area) -> bool:
    return can_view_area(user, area)


def can_edit_area_assets(user, area: Area) -> bool:
    return can_edit_area(user, area)


def area_for_editing(user, area: Area) -> Area:
    if not can_edit_area_assets(user, area):
        raise PermissionDenied("You can read this area's assets but not change them.")
    return area


def area_for_feed(area_id: int, token: str) -> Area:
    """The area whose calendar feed this secret opens; a 404 for any wrong, old or empty token.

    The token stands in for a session (calendar apps cannot sign in), so it is compared in
    constant time and a wrong one answers exactly as a missing area does.
    """
    feed = CalendarFeed.objects.select_related("area").filter(area_id=area_id).first()
    if feed is None or not token or not secrets.compare_digest(feed.token, token):
        raise Http404("There is no calendar feed at this address.")
    return feed.area
