"""Demo plans: a vision, priorities, actions, milestones and Year Zero progress for demo areas.

Idempotent: an area that already has a plan is left alone. The content is made up, as a demo's
must be; the stage decides how far along each plan is.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from n4c.platform.areas.models import Area, Stage
from n4c.platform.plans import services
from n4c.platform.plans.models import YEAR_ZERO_CHECKLIST, AreaPlan, Theme

__all__ = ["seed", "seed_plans"]

_PRIORITIES = {
    Theme.YOUNG_PEOPLE: (
        "Somewhere for young people to go",
        "Reopen the youth club two nights a week",
    ),
    Theme.HOUSING: ("Better-kept homes and streets", "Hold a landlords' forum with the council"),
    Theme.GREEN_SPACES: ("A park people want to use", "Plant the community orchard"),
    Theme.COMMUNITY_SPACES: ("A building the community runs", "Agree a lease for the old library"),
    Theme.JOBS_AND_SKILLS: ("Local jobs and training", "Run a jobs fair with local employers"),
    Theme.MONEY: ("Help with money and debt", "Start a weekly advice drop-in"),
    Theme.HEALTH: ("Feeling well", "Set up a walking group"),
    Theme.SAFETY: ("Feeling safe at night", "Ask for better street lighting on the main road"),
}


@transaction.atomic
def seed_plans(areas: list[Area], actor, today: dt.date) -> int:
    """Give each area in Year Zero or later a plan; returns how many plans were made."""
    rng = random.Random(2024)
    made = 0
    for area in areas:
        if area.stage not in (Stage.YEAR_ZERO, Stage.ACTIVE, Stage.MOVING_ON):
            continue
        if AreaPlan.objects.filter(area=area).exists():
            continue
        plan = services.plan_for(actor, area)
        items = [item for item, _ in YEAR_ZERO_CHECKLIST]
        done = len(items) if area.stage != Stage.YEAR_ZERO else rng.randrange(2, len(items) - 1)
        for n, item in enumerate(items[:done]):
            services.set_year_zero(actor, plan, item, today - dt.timedelta(days=330 - 30 * n))
        if area.stage == Stage.YEAR_ZERO:
            made += 1
            continue
        services.set_vision(
            actor,
            plan,
            f"{area.name.split(',')[0]} is a place where people look out for each other.",
        )
        for theme in rng.sample(list(_PRIORITIES), 3):
            title, action = _PRIORITIES[theme]
            priority = services.add_priority(actor, plan, theme=theme, title=title)
            created = services.add_action(
                actor,
                plan,
                description=action,
                owner=rng.choice(["Partnership chair", "Community worker", "Youth sub-group"]),
                due_on=today + dt.timedelta(days=rng.randrange(-60, 240)),
                priority=priority,
            )
            if created.due_on < today:
                services.set_action_status(actor, created, rng.choice(["done", "in_progress"]))
        services.add_milestone(
            actor,
            plan,
            title="Plan shared at a community open day",
            target_on=today - dt.timedelta(days=60),
        )
        services.add_milestone(
            actor, plan, title="First annual review", target_on=today + dt.timedelta(days=300)
        )
        made += 1
    return made


def seed(areas: list[Area], actor, today: dt.date) -> str:
    """The demo hook: plans for the demo areas; says how many plans exist."""
    seed_plans(areas, actor, today)
    return f"{AreaPlan.objects.count()} area plans"
