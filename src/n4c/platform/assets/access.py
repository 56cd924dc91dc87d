"""Who may see and change assets: exactly who may see and change their area.

Every queryset of the community-rights apps starts from here or from the areas' own rules.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from n4c.platform.areas.access import (
    area_for_viewing,
    areas_visible_to,
    can_edit_area,
    can_view_area,
)
from n4c.platform.areas.models import Area
from n4c.platform.assets.models import Asset

__all__ = [
    "area_for_editing",
    "area_for_viewing",
    "assets_visible_to",
    "can_edit_area_assets",
    "can_view_area_assets",
]


def assets_visible_to(user) -> QuerySet[Asset]:
    return Asset.objects.filter(area__in=areas_visible_to(user))


def can_view_area_assets(user, area: Area) -> bool:
    return can_view_area(user, area)


def can_edit_area_assets(user, area: Area) -> bool:
    return can_edit_area(user, area)


def area_for_editing(user, area: Area) -> Area:
    if not can_edit_area_assets(user, area):
        raise PermissionDenied(_("You can read this area's assets but not change them."))
    return area
