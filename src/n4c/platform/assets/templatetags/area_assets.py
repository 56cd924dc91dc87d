"""``{% area_asset_map area %}``: a compact asset map for the area's own page.

The area page shows it without the areas app knowing about assets beyond this one tag. Who
may see an area may see its assets, so the map is the same for everyone shown it: it is
rendered once per area and kept in the cache under a version that every change to an asset
bumps, so the area page costs no asset query and no drawing while the register is unchanged.
"""

from __future__ import annotations

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from n4c.platform.assets.access import can_view_area_assets
from n4c.platform.assets.mapping import MapPoint, asset_map_svg
from n4c.platform.assets.models import Asset
from n4c.platform.support_log.freshness import FRAGMENT_SECONDS, bump_version_of, version_of

register = template.Library()

_VERSION_KEY = "n4c-assets-version"


def bump_assets_version(**_signal_arguments) -> None:
    bump_version_of(_VERSION_KEY)


def _render_map(area) -> str:
    assets = list(Asset.objects.filter(area=area))
    points = [
        MapPoint(a.name, a.kind, a.latitude, a.longitude, a.get_absolute_url())
        for a in assets
        if a.latitude is not None and a.longitude is not None
    ]
    return render_to_string(
        "assets/area_map.html",
        {
            "area": area,
            "assets": assets,
            "unmapped": len(assets) - len(points),
            "map_svg": asset_map_svg(points, width=480, height=300),
        },
    )


@register.simple_tag(takes_context=True)
def area_asset_map(context, area) -> SafeString:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not can_view_area_assets(user, area):
        return mark_safe("")
    key = f"n4c-area-assets:{area.pk}:{version_of(_VERSION_KEY)}"
    html = cache.get(key)
    if html is None:
        html = _render_map(area)
        cache.set(key, html, FRAGMENT_SECONDS)
    return mark_safe(html)  # rendered by the template engine above, which escaped it
