"""A demo budget vote, plainly made up: voting open, with paper ballots waiting to be checked."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from n4c.platform.areas.models import Area
from n4c.platform.budgets import services
from n4c.platform.budgets.models import Ballot, BudgetVote

__all__ = ["seed", "seed_budget_vote"]

_PROPOSALS = [
    (
        "Planters along the high street",
        1_800,
        "Wooden planters, filled and looked after by volunteers.",
    ),
    (
        "Youth club open on Fridays",
        3_000,
        "A youth worker and the hall for a year of Friday evenings.",
    ),
    ("New benches in the park", 1_200, "Four benches by the play area."),
    (
        "Community fridge",
        900,
        "A fridge in the library for surplus food, with a year's running costs.",
    ),
]


@transaction.atomic
def seed_budget_vote(areas: list[Area], actor, today: dt.date) -> int:
    """Give a vote, voting open, to the area of the demo's resident login (or else the first
    area with partnership members); returns votes held."""
    held = [a for a in areas if a.residents.exists()]
    signed_in = [a for a in held if a.residents.filter(account__isnull=False).exists()]
    area = next(iter(signed_in or held), None)
    if area is not None and not BudgetVote.objects.filter(area=area).exists():
        vote = services.open_vote(
            actor, area, title="Spend £5,000 on our area", budget_gbp=5_000, max_approvals=3
        )
        for title, cost, description in _PROPOSALS:
            services.add_proposal(actor, vote, title=title, cost_gbp=cost, description=description)
        vote = services.advance_phase(actor, vote, BudgetVote.Phase.VOTING)
        ids = [str(p.pk) for p in vote.proposals.all()]
        # Paper ballots of the members without a sign-in, for staff to check; the demo's
        # resident login votes online.
        for n, resident in enumerate(area.residents.filter(account__isnull=True)):
            services.cast_ballot(
                actor, vote, resident, dict.fromkeys(ids[n % 2 :: 2], 1), method=Ballot.Method.PAPER
            )
    return BudgetVote.objects.count()


def seed(areas: list[Area], actor, today: dt.date) -> str:
    """The demo hook: one budget vote; says how many are held."""
    votes = seed_budget_vote(areas, actor, today)
    return f"{votes} budget vote{'' if votes == 1 else 's'}"
