"""Who may see cases: whoever may see their asset's area (see :mod:`n4c.platform.assets.access`)."""

from __future__ import annotations

from django.db.models import QuerySet

from n4c.platform.areas.access import areas_visible_to
from n4c.platform.right_to_bid.models import AssetCase, Nomination

__all__ = ["cases_visible_to", "nominations_visible_to"]


def cases_visible_to(user) -> QuerySet[AssetCase]:
    return AssetCase.objects.filter(asset__area__in=areas_visible_to(user))


def nominations_visible_to(user) -> QuerySet[Nomination]:
    """Nominations in the areas the user may see (a member: their own area's)."""
    return Nomination.objects.filter(area__in=areas_visible_to(user))
