"""An area's neighbourhood profile: its wards or LSOAs as an ``n4c.profiles`` place, built and
cached. An area drawn on 2017 wards is profiled on the IMD 2019; one drawn on 2024 wards or
LSOAs 2021 on the IMD 2025.

The page and the CLI (``n4c profile area:12``) both start here. A built profile is cached per
area, its wards and name, the data version (the checksums of the datasets it reads) and the
version of the apps that add points to its map, so a new data file, a change to the area's wards
or a changed asset makes a new one. Its words are in the reader's language, so it is kept per
language too. The areas app knows nothing of the apps above it: the assets
app registers the area's assets here (:func:`register_profile_assets`), as it registers its
panel in :mod:`n4c.platform.areas.hooks`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db import DatabaseError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from n4c.errors import InputError
from n4c.platform.areas.models import Area, Geography
from n4c.platform.core.fragments import FragmentVersion
from n4c.rights.assets import Asset

if TYPE_CHECKING:
    from n4c.profiles import ProfileArea

__all__ = [
    "area_profile_parts",
    "profile_area",
    "profile_area_by_id",
    "profile_assets",
    "register_profile_assets",
]

#: A day; the key changes with the data and the area, so age only frees space.
_CACHE_SECONDS = 24 * 60 * 60


AssetsOf = Callable[[Area], Sequence[Asset]]
_asset_sources: dict[str, tuple[AssetsOf, FragmentVersion]] = {}


def register_profile_assets(name: str, assets_of: AssetsOf, version: FragmentVersion) -> None:
    """Draw ``assets_of(area)`` on each area's profile map; ``version`` changes with them."""
    _asset_sources[name] = (assets_of, version)


def profile_assets(area: Area) -> list[Asset]:
    """Every registered app's assets of the area, for its profile's map."""
    return [asset for assets_of, _ in _asset_sources.values() for asset in assets_of(area)]


def profile_area(area: Area) -> ProfileArea:
    """The area's wards or LSOAs as the place of a profile."""
    from n4c.profiles import area_for_codes, area_for_wards  # pandas, so not at start-up

    if area.geography in (Geography.WARD24, Geography.LSOA21):
        return area_for_codes(
            area.name, str(area.geography), list(area.codes), code=f"area:{area.pk}"
        )
    return area_for_wards(area.name, area.wards17(), code=f"area:{area.pk}")


def profile_area_by_id(pk: int) -> ProfileArea:
    """The platform area numbered ``pk`` as the place of a profile, or an error saying why not."""
    try:
        area = Area.objects.get(pk=pk)
    except Area.DoesNotExist:
        raise InputError(
            _("there is no platform area %(pk)s.") % {"pk": pk},
            field="PLACE",
            value=f"area:{pk}",
            hint=_("Area ids are the numbers in the platform's area addresses, like /areas/12/."),
        ) from None
    except DatabaseError:
        raise InputError(
            _("the platform's database is not set up, so n4c cannot find the area."),
            field="PLACE",
            value=f"area:{pk}",
            hint=_("Set it up with `n4c platform seed-demo`, or give a ward or council instead."),
        ) from None
    return profile_area(area)


def _key(area: Area) -> str:
    from n4c.profiles import data_version

    wards = f"{area.geography}:{','.join(area.codes)}"
    points = ",".join(f"{n}{v.current()}" for n, (_, v) in sorted(_asset_sources.items()))
    digest = hashlib.sha256(f"{area.name}|{wards}|{points}".encode()).hexdigest()[:16]
    return f"areas:profile:{area.pk}:{digest}:{data_version()}:{get_language()}"


def area_profile_parts(area: Area, *, map_src: str) -> dict[str, str]:
    """The profile's body (HTML, with the map as ``<img src=map_src>``) and map (SVG), cached."""
    from n4c.profiles import build_profile, render_body

    key = _key(area)
    parts = cache.get(key)
    if parts is None or parts.get("map_src") != map_src:
        profile = build_profile(
            profile_area(area), assets=profile_assets(area), language=get_language() or ""
        )
        parts = {
            "body": render_body(profile, map_src=map_src),
            "map_svg": profile.map_svg,
            "title": profile.title,
            "map_src": map_src,
        }
        cache.set(key, parts, _CACHE_SECONDS)
    return parts
