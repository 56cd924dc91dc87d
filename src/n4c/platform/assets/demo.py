"""Demo assets: a pub, a hall, a green space and a youth club in a few demo areas (the
right-to-bid and neighbourhood-planning demos then give some of them cases and a plan).

The places are made up, as a demo's must be, but never their geography: each asset sits at a
point inside one of its area's real LSOAs (ONS best-fit lookup and LSOA 2011 boundaries), and an
area whose wards have no LSOA in the lookup gets no demo assets rather than invented ones.
Idempotent: an area that already has assets is left alone.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from n4c.platform.areas.models import Area, Stage
from n4c.platform.assets.models import Asset
from n4c.platform.assets.services import add_asset

__all__ = ["DEMO_AREAS", "demo_place", "seed", "seed_assets"]

#: How many active demo areas get a register.
DEMO_AREAS = 4

# (reference, name, kind, owner, condition, status, use); "{place}" is the area's first word.
_ASSETS = [
    ("PUB", "The {place} Arms", "physical", "Regional Pub Company Ltd", "fair", "for-sale", "Pub"),
    ("HALL", "{place} Community Hall", "physical", "Parish church", "poor", "in-use", "Hall hire"),
    ("PARK", "{place} Rec", "physical", "Local council", "good", "in-use", "Green space"),
    ("YOUTH", "{place} Youth Club", "social", "", "unknown", "at-risk", "Youth club, two nights"),
]


def _area_points(areas: list[Area]) -> dict[int, list[tuple[str, float, float]]]:
    """Each area's LSOAs with a point inside each (latitude, longitude), in code order."""
    from n4c.needs import area_lsoas
    from n4c.needs.boundaries import lsoa_shapes

    shapes = lsoa_shapes()
    points: dict[int, list[tuple[str, float, float]]] = {}
    for area in areas:
        geography, area_codes, _ = area.area_codes()
        codes, _ = area_lsoas(geography, area_codes)
        # A representative point always lies inside the shape, unlike a centroid of a crescent.
        inside = [(c, shapes[c].representative_point()) for c in codes if c in shapes.index]
        if inside:
            points[area.pk] = [(c, round(p.y, 5), round(p.x, 5)) for c, p in inside]
    return points


@transaction.atomic
def seed_assets(areas: list[Area], actor) -> int:
    """Registers for the first few active areas with LSOAs; returns how many assets were made."""
    candidates = [
        a for a in areas if a.stage == Stage.ACTIVE and not Asset.objects.filter(area=a).exists()
    ][:DEMO_AREAS]
    already = Asset.objects.filter(area__in=areas).values("area").distinct().count()
    candidates = candidates[: max(0, DEMO_AREAS - already)]
    if not candidates:
        return 0
    points = _area_points(candidates)
    made = 0
    for area in candidates:
        lsoas = points.get(area.pk)
        if not lsoas:
            continue
        place = demo_place(area)
        for n, (reference, name, kind, owner, condition, status, use) in enumerate(_ASSETS):
            lsoa_code, latitude, longitude = lsoas[n % len(lsoas)]
            add_asset(
                actor,
                area,
                {
                    "reference": reference,
                    "name": name.format(place=place),
                    "kind": kind,
                    "owner": owner,
                    "latitude": latitude,
                    "longitude": longitude,
                    "lsoa_code": lsoa_code,
                    "condition": condition,
                    "status": status,
                    "use": use,
                },
            )
            made += 1
    return made


def demo_place(area: Area) -> str:
    """The word demo places are named after: "Moss" for "Moss Side, Manchester"."""
    return area.name.split(",")[0].split(" ")[0]


def seed(areas: list[Area], actor, today: dt.date) -> str:
    """The demo hook: asset registers for a few demo areas; says what exists."""
    seed_assets(areas, actor)
    count = Asset.objects.count()
    return f"{count} community asset{'' if count == 1 else 's'}"
