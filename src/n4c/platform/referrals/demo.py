"""Demo partners (one per specialism, made-up names) and referrals from some demo areas."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from n4c.platform.areas.models import Area, Stage
from n4c.platform.referrals import services
from n4c.platform.referrals.models import Partner, Referral, Specialism

__all__ = ["seed", "seed_referrals"]

_PARTNERS = {
    Specialism.PLANNING: (
        "Demo Planning Aid",
        "Help with neighbourhood plans and planning applications.",
    ),
    Specialism.FINANCE: (
        "Demo Community Finance",
        "Budgets, bank accounts and grant applications.",
    ),
    Specialism.LEGAL: ("Demo Law Centre", "Setting up a charity or company; leases and contracts."),
    Specialism.COMMUNICATIONS: ("Demo Stories Studio", "Newsletters, social media and film."),
    Specialism.COMMUNITY_OWNERSHIP: (
        "Demo Community Shares",
        "Buying and running a building together.",
    ),
}
_NEEDS = {
    Specialism.PLANNING: "Comment on a planning application for the shopping parade.",
    Specialism.FINANCE: "Set up the partnership's bank account and budget.",
    Specialism.LEGAL: "Choose a legal form for the partnership.",
    Specialism.COMMUNICATIONS: "Start a quarterly newsletter.",
    Specialism.COMMUNITY_OWNERSHIP: "Bid for the pub that has closed.",
}


@transaction.atomic
def seed_referrals(areas: list[Area], actor, today: dt.date) -> int:
    """Make the demo partners and refer about a third of active areas; returns referrals made."""
    partners = {}
    for specialism, (name, description) in _PARTNERS.items():
        partner = Partner.objects.filter(name=name).first()
        if partner is None:
            partner = services.add_partner(
                actor, name=name, specialism=specialism, description=description
            )
        partners[specialism] = partner
    rng = random.Random(2025)
    made = 0
    for area in areas:
        if area.stage != Stage.ACTIVE:
            continue
        # Draw for every active area, so a second run makes the same choices as the first.
        chosen, specialism = rng.random() <= 1 / 3, rng.choice(list(_PARTNERS))
        days_ago = rng.randrange(20, 300)
        if not chosen or Referral.objects.filter(area=area).exists():
            continue
        referral = services.refer(
            actor,
            area,
            partners[specialism],
            need=_NEEDS[specialism],
            referred_on=today - dt.timedelta(days=days_ago),
        )
        if (today - referral.referred_on).days > 120:
            services.update_referral(
                actor,
                referral,
                status=Referral.Status.COMPLETED,
                outcome="Done: the partnership has what it needed.",
                closed_on=referral.referred_on + dt.timedelta(days=90),
            )
        made += 1
    return made


def seed(areas: list[Area], actor, today: dt.date) -> str:
    """The demo hook: partners and referrals; says how many exist."""
    seed_referrals(areas, actor, today)
    return f"{Referral.objects.count()} referrals to {Partner.objects.count()} partners"
