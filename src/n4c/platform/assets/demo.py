"""Demo assets: a pub, a hall, a green space and a youth club in a few demo areas, two
right-to-bid cases and a neighbourhood plan with dates around today, so the calendar has
something coming up.

The places are made up, as a demo's must be, but never their geography: each asset sits at a
point inside one of its area's real LSOAs (ONS best-fit lookup and LSOA 2011 boundaries), and an
area whose wards have no LSOA in the lookup gets no demo assets rather than invented ones.
Idempotent: an area that already has assets, or a case that already exists, is left alone.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from n4c.platform.areas.models import Area, Stage
from n4c.platform.assets.models import Asset, AssetCase, PlanCase
from n4c.platform.assets.services import (
    add_asset,
    open_case,
    open_plan_case,
    record_event,
    record_plan_stage,
)

__all__ = ["DEMO_AREAS", "seed", "seed_assets"]

#: How many active demo areas get a register.
DEMO_AREAS = 4

# (reference, name, kind, owner, condition, status, use); "{place}" is the area's first word.
_ASSETS = [
    ("PUB", "The {place} Arms", "physical", "Regional Pub Company Ltd", "fair", "for-sale", "Pub"),
    ("HALL", "{place} Community Hall", "physical", "Parish church", "poor", "in-use", "Hall hire"),
    ("PARK", "{place} Rec", "physical", "Local council", "good", "in-use", "Green space"),
    ("YOUTH", "{place} Youth Club", "social", "", "unknown", "at-risk", "Youth club, two nights"),
]
# The pub has had a disposal notice and a group asked to bid; the hall has just been nominated.
# Days before ``today``, so the moratorium and the listing decision both still lie ahead.
_CASES = [
    (
        "PUB",
        "Sale of the pub: residents' group bids",
        [("nomination", 400), ("listing", 350), ("notice-of-disposal", 30), ("request-to-bid", 20)],
    ),
    ("HALL", "Nomination by the residents' association", [("nomination", 10)]),
]

# The first demo area is also writing a neighbourhood plan: its draft is out for consultation.
_PLAN_STAGES = [
    ("area-application-publicised", 200),
    ("forum-designated", 120),
    ("pre-submission-publicised", 14),
]


def _area_points(areas: list[Area]) -> dict[int, list[tuple[str, float, float]]]:
    """Each area's LSOAs with a point inside each (latitude, longitude), in code order."""
    from n4c.data import load
    from n4c.needs.boundaries import lsoa_shapes

    lookup = load("lookup_lsoa11_ward17")
    shapes = lsoa_shapes()
    points: dict[int, list[tuple[str, float, float]]] = {}
    for area in areas:
        codes = sorted(lookup.loc[lookup["ward17_code"].isin(area.ward17_codes), "lsoa11_code"])
        # A representative point always lies inside the shape, unlike a centroid of a crescent.
        inside = [(c, shapes[c].representative_point()) for c in codes if c in shapes.index]
        if inside:
            points[area.pk] = [(c, round(p.y, 5), round(p.x, 5)) for c, p in inside]
    return points


@transaction.atomic
def seed_assets(areas: list[Area], actor, today: dt.date) -> int:
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
        place = area.name.split(",")[0].split(" ")[0]
        assets = {}
        for n, (reference, name, kind, owner, condition, status, use) in enumerate(_ASSETS):
            lsoa_code, latitude, longitude = lsoas[n % len(lsoas)]
            assets[reference] = add_asset(
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
        for reference, title, events in _CASES:
            first = today - dt.timedelta(days=max(days for _, days in events))
            case = open_case(actor, assets[reference], title=title, opened_on=first)
            for event, days in events:
                record_event(actor, case, event=event, date=today - dt.timedelta(days=days))
        if not PlanCase.objects.filter(area__in=areas).exists():
            plan = open_plan_case(
                actor,
                area,
                title=f"{place} neighbourhood plan",
                opened_on=today - dt.timedelta(days=_PLAN_STAGES[0][1]),
            )
            for event, days in _PLAN_STAGES:
                record_plan_stage(actor, plan, event=event, date=today - dt.timedelta(days=days))
    return made


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def seed(areas: list[Area], actor, today: dt.date) -> str:
    """The demo hook: asset registers for a few demo areas; says what exists."""
    seed_assets(areas, actor, today)
    return ", ".join(
        [
            _count(Asset.objects.count(), "community asset"),
            _count(AssetCase.objects.filter(closed_on__isnull=True).count(), "open rights case"),
            _count(PlanCase.objects.filter(closed_on__isnull=True).count(), "neighbourhood plan"),
        ]
    )
