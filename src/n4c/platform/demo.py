"""The demo Network: real left-behind wards as areas, staff within their limits, a year of support.

Everything here is idempotent: running it again finds what exists and adds only what is missing.
Areas, regions and baselines come from the published data; the people and their support log
are made up, as a demo must be, and say so in their names.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify

from n4c.platform.areas.models import Area, Stage
from n4c.platform.areas.services import create_area
from n4c.platform.caseloads.capacity import limit_for
from n4c.platform.caseloads.models import Assignment, AssignmentRole
from n4c.platform.caseloads.services import assign
from n4c.platform.core.acting import PLATFORM
from n4c.platform.core.months import month_starts, months_back
from n4c.platform.people.models import Profile, Role
from n4c.platform.regions.models import Region
from n4c.platform.regions.services import load_regions
from n4c.platform.support_log.models import Kind, SupportEntry

__all__ = ["DEMO_PASSWORD", "DemoSummary", "seed_demo"]

DEMO_PASSWORD = "n4c-demo-password"

# The order stages are handed out in, so that most demo areas are active and each stage shows.
_STAGE_CYCLE = [Stage.ACTIVE] * 6 + [
    Stage.YEAR_ZERO,
    Stage.YEAR_ZERO,
    Stage.OUTREACH,
    Stage.PROSPECT,
]
_SUPPORTED_STAGES = {Stage.ACTIVE, Stage.YEAR_ZERO, Stage.MOVING_ON}
_FIRST_NAMES = [
    "Aisha", "Ben", "Chloe", "Dev", "Ellen", "Farid", "Grace", "Harry", "Imani", "Jack",
    "Kiran", "Laura", "Mo", "Nadia", "Owen", "Priya", "Quinn", "Rosa", "Sam", "Tariq",
]  # fmt: skip
_LAST_NAMES = [
    "Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Hughes", "Iqbal",
    "Jones", "Khan", "Lewis", "Murphy", "Nolan", "Owens", "Patel", "Quinn", "Roberts",
]  # fmt: skip


@dataclass
class DemoSummary:
    regions: int
    areas: int
    people: int
    assignments: int
    support_entries: int
    logins: list[tuple[str, str]]
    extras: list[str]


def _person(username: str, first: str, last: str, role: str, region: Region | None):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": first, "last_name": last}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    Profile.objects.update_or_create(user=user, defaults={"role": role, "region": region})
    return user


def _name(index: int) -> tuple[str, str]:
    return _FIRST_NAMES[index % len(_FIRST_NAMES)], _LAST_NAMES[(index * 7) % len(_LAST_NAMES)]


def seed_demo(
    *,
    areas: int = 100,
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Create the demo Network; returns what exists afterwards and the demo logins."""
    from n4c.needs import ward_table

    say = progress or (lambda message: None)
    today = today or dt.date.today()
    say("Loading regions and local authorities")
    load_regions()
    say("Choosing left-behind wards")
    wards = ward_table()
    chosen = wards[wards["left_behind"]].sort_values(["imd_rank", "ward17_code"]).head(areas)
    with transaction.atomic():
        national = _person("national", "Nia", "National", Role.NATIONAL_TEAM, None)
        say(f"Creating {len(chosen)} areas")
        made = []
        for index, ward in enumerate(chosen.itertuples(index=False)):
            name = f"{ward.ward17_name}, {ward.lad19_name}"
            area = Area.objects.filter(name=name).first()
            if area is None:
                area = create_area(
                    national,
                    name=name,
                    codes=[ward.ward17_code],
                    stage=_STAGE_CYCLE[index % len(_STAGE_CYCLE)],
                )
            made.append(area)
        say("Creating staff within caseload limits")
        # The first day of the month a year before this one.
        start = months_back(today, 13)
        logins = [("national", "National team")]
        staff_index = 0
        for region in Region.objects.filter(areas__in=made).distinct().order_by("name"):
            slug = slugify(region.name)
            lead = _person(f"hub-{slug}", *_name(staff_index), Role.HUB_LEAD, region)
            staff_index += 1
            if not logins[1:]:
                logins.append((lead.username, f"Hub lead, {region.name}"))
            region_areas = [
                a for a in made if a.region_id == region.pk and a.stage in _SUPPORTED_STAGES
            ]
            for role, prefix in (
                (AssignmentRole.ADVISER, "adviser"),
                (AssignmentRole.COMMUNITY_WORKER, "worker"),
            ):
                posts = max(1, math.ceil(len(region_areas) / limit_for(role)))
                people = [
                    _person(f"{prefix}-{slug}-{n + 1}", *_name(staff_index + n), role, region)
                    for n in range(posts)
                ]
                staff_index += posts
                for i, area in enumerate(region_areas):
                    # Round robin keeps everyone under the limit, and assign() checks it anyway.
                    assign(PLATFORM, area, people[i % posts], role, started_on=start)
                if len(logins) < 4 and role == AssignmentRole.ADVISER:
                    logins.append((people[0].username, f"Adviser, {region.name}"))
                elif len(logins) < 4:
                    logins.append((people[0].username, f"Community worker, {region.name}"))
        member = _person("resident", "Rae", "Resident", Role.PARTNERSHIP_MEMBER, None)
        # The sign-in of the first area's chair, a made-up member of its partnership.
        chair = _person("chair", "Demo Member", "One", Role.PARTNERSHIP_MEMBER, None)
        if made:
            made[0].partnership_members.add(member, chair)
        logins.append(
            ("resident", f"Partnership member, {made[0].name}" if made else "Partnership member")
        )
        logins.append(
            ("chair", f"Partnership chair, {made[0].name}" if made else "Partnership chair")
        )
        say("Logging a year of support")
        _seed_support(made, today)
        extras = []
        for seed in _app_seeders():
            say(f"Seeding {seed.__module__.rsplit('.', 2)[-2]}")
            extras.append(seed(made, national, today))
    return DemoSummary(
        regions=Region.objects.filter(areas__isnull=False).distinct().count(),
        areas=Area.objects.count(),
        people=Profile.objects.count(),
        assignments=Assignment.objects.filter(ended_on__isnull=True).count(),
        support_entries=SupportEntry.objects.count(),
        logins=logins,
        extras=[e for e in extras if e],
    )


def _app_seeders() -> list[Callable[[list[Area], object, dt.date], str]]:
    """Each other app's demo: a ``seed(areas, actor, today) -> str`` in ``<app>/demo.py``.

    The string it returns is a short phrase for the summary, like "100 area plans"; it must be
    idempotent, like everything here.
    """
    from importlib import import_module
    from importlib.util import find_spec

    from django.conf import settings

    seeders = []
    for dotted in settings.PLATFORM_APPS:
        if dotted.startswith("n4c.platform.") and find_spec(f"{dotted}.demo") is not None:
            seed = getattr(import_module(f"{dotted}.demo"), "seed", None)
            if callable(seed):
                seeders.append(seed)
    return seeders


def _seed_support(areas: list[Area], today: dt.date) -> None:
    rng = random.Random(2019)
    kinds = [Kind.VISIT, Kind.VISIT, Kind.MEETING, Kind.CALL, Kind.TRAINING, Kind.EVENT]
    notes = {
        Kind.VISIT: "Walked the estate with partnership members.",
        Kind.CALL: "Catch-up call with the partnership chair.",
        Kind.MEETING: "Partnership meeting: priorities and next steps.",
        Kind.TRAINING: "Training session for residents on running meetings.",
        Kind.EVENT: "Community event in the local centre.",
    }
    already = set(SupportEntry.objects.values_list("area_id", flat=True).distinct())
    entries = []
    for assignment in Assignment.objects.filter(area__in=areas, ended_on__isnull=True):
        if assignment.area_id in already:
            continue
        for month in month_starts(assignment.started_on, today):
            # Most months meet the two committed days; about one in six falls short, as in life.
            target = Decimal("2.0") if rng.random() > 1 / 6 else Decimal("1.0")
            logged = Decimal(0)
            while logged < target:
                days = Decimal("0.5") if rng.random() < 0.5 else Decimal("1.0")
                days = min(days, target - logged)
                date = month + dt.timedelta(days=rng.randrange(0, 27))
                if date > today:
                    break
                kind = rng.choice(kinds)
                entries.append(
                    SupportEntry(
                        area_id=assignment.area_id,
                        person_id=assignment.person_id,
                        role=assignment.role,
                        date=date,
                        kind=kind,
                        days=days,
                        notes=notes[kind],
                    )
                )
                logged += days
    SupportEntry.objects.bulk_create(entries, batch_size=2000)
