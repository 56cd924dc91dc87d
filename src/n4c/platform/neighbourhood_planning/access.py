"""Who may see neighbourhood plans: whoever may see their area."""

from __future__ import annotations

from django.db.models import QuerySet

from n4c.platform.areas.access import areas_visible_to
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan

__all__ = ["plans_visible_to"]


def plans_visible_to(user) -> QuerySet[NeighbourhoodPlan]:
    return NeighbourhoodPlan.objects.filter(area__in=areas_visible_to(user))
