"""The assets app's link and map on each area's page, registered here until that app does it.

Delete this module (and its call in ``AreasConfig.ready``) once the asset apps register their
own with :mod:`n4c.platform.areas.hooks`. It imports nothing from them: the link is a URL name
and the map is drawn by their template tag.
"""

from __future__ import annotations

from n4c.platform.areas.hooks import register_area_link, register_area_panel

__all__ = ["register_assets_on_the_area_page"]


def _no_context(request, area) -> dict:
    return {}


def register_assets_on_the_area_page() -> None:
    register_area_link("Community assets and rights", "assets:register", order=10)
    register_area_panel("asset_map", "areas/legacy_asset_map.html", _no_context, order=90)
