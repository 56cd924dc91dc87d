"""``{% area_asset_map area %}``: a compact asset map for the area's own page.

The area page shows it without the areas app knowing about assets beyond this one tag; the
assets come from :func:`assets_visible_to`, so someone who may not see them sees nothing.
"""

from __future__ import annotations

from django import template

from n4c.platform.assets.access import assets_visible_to, can_view_area_assets
from n4c.platform.assets.mapping import MapPoint, asset_map_svg

register = template.Library()


@register.inclusion_tag("assets/area_map.html", takes_context=True)
def area_asset_map(context, area) -> dict[str, object]:
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    assets = list(assets_visible_to(user).filter(area=area)) if signed_in else []
    # Assets found prove the user may see them; only an empty register needs the second query.
    shown = bool(assets) or (signed_in and can_view_area_assets(user, area))
    points = [
        MapPoint(a.name, a.kind, a.latitude, a.longitude, a.get_absolute_url())
        for a in assets
        if a.latitude is not None and a.longitude is not None
    ]
    return {
        "area": area,
        "shown": shown,
        "assets": assets,
        "unmapped": len(assets) - len(points),
        "map_svg": asset_map_svg(points, width=480, height=300),
    }
