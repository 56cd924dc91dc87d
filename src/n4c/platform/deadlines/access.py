"""The one way into an area's calendar without a session: its feed's secret token."""

from __future__ import annotations

import secrets

from django.http import Http404
from django.utils.translation import gettext as _

from n4c.platform.areas.models import Area
from n4c.platform.deadlines.models import CalendarFeed

__all__ = ["area_for_feed"]


def area_for_feed(area_id: int, token: str) -> Area:
    """The area whose calendar feed this secret opens; a 404 for any wrong, old or empty token.

    The token stands in for a session (calendar apps cannot sign in), so it is compared in
    constant time and a wrong one answers exactly as a missing area does.
    """
    feed = CalendarFeed.objects.select_related("area").filter(area_id=area_id).first()
    if feed is None or not token or not secrets.compare_digest(feed.token, token):
        raise Http404(_("There is no calendar feed at this address."))
    return feed.area
