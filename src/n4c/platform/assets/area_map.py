"""The compact asset map on an area's own page, registered there as a panel.

Who may see an area may see its assets, so the map is the same for everyone who reads its
language: it is drawn once per area and language and kept in the cache under a version that
every change to an asset bumps, so the area page costs no asset query and no drawing while the
register is unchanged.
"""

from __future__ import annotations

from django.utils.translation import get_language

from n4c.platform.assets.mapping import MapPoint, area_outline_rings, asset_map_svg
from n4c.platform.assets.models import Asset
from n4c.platform.core.fragments import FragmentVersion, cached_fragment
from n4c.rights.assets import Asset as RegisterAsset

__all__ = ["ASSETS_VERSION", "area_map_context", "register_assets"]

#: Bumped by every change to an asset (``AssetsConfig.ready``).
ASSETS_VERSION = FragmentVersion("assets")


def _drawn(area) -> dict:
    assets = list(Asset.objects.filter(area=area))
    points = [
        MapPoint(
            a.name, a.kind, a.latitude, a.longitude, a.get_absolute_url(), a.get_kind_display()
        )
        for a in assets
        if a.latitude is not None and a.longitude is not None
    ]
    return {
        "asset_count": len(assets),
        "unmapped": len(assets) - len(points),
        # The boundary frames the assets; an area with none mapped shows no map at all.
        "map_svg": asset_map_svg(
            points, width=480, height=300, outline=area_outline_rings(area) if points else None
        ),
    }


def area_map_context(request, area) -> dict:
    """The panel's context; the area page shows it only to those who may see the area's assets."""
    # The map's words (its title, each asset's kind) are in the page's language: one entry each.
    key = f"area-assets:{area.pk}:{get_language()}"
    drawn = cached_fragment(key, ASSETS_VERSION, lambda: _drawn(area))
    return {"area": area, **drawn}


def register_assets(area) -> list[RegisterAsset]:
    """The area's assets as register entries, for the map on the area's profile."""
    return [
        RegisterAsset(
            name=a.name,
            kind=a.kind,
            latitude=a.latitude,
            longitude=a.longitude,
            postcode=a.postcode,
        )
        for a in Asset.objects.filter(area=area)
    ]
