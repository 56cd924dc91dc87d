"""The area a request is about, fetched through the core access rules, for every app of mine.

A missing area and one the user may not see both answer 404, so a page does not reveal
which areas exist; an area the user may see but not change answers 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from n4c.platform.areas.access import areas_editable_by, areas_visible_to
from n4c.platform.areas.models import Area

__all__ = ["area_for_editing", "area_for_viewing"]


def area_for_viewing(user, area_id: int) -> Area:
    area = areas_visible_to(user).select_related("region").filter(pk=area_id).first()
    if area is None:
        raise Http404("There is no area with that number that you can see.")
    return area


def area_for_editing(user, area_id: int) -> Area:
    area = area_for_viewing(user, area_id)
    if not areas_editable_by(user).filter(pk=area.pk).exists():
        raise PermissionDenied("You can read this area but not change it.")
    return area
