"""A demo covenant: three partners sign the first demo area's plan, with commitments (one kept,
one late, the rest due) and review dates. Made up, as a demo's must be; idempotent."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from n4c.platform.areas.models import Area
from n4c.platform.covenants import services
from n4c.platform.covenants.models import Commitment, Sector, Signatory

__all__ = ["seed"]

# (organisation, sector, who signed, [(commitment, days from today it is due)])
_PARTNERS = [
    (
        "Demo Borough Council",
        Sector.COUNCIL,
        "Chief Executive",
        [("Keep the library open on Saturdays", -120), ("Resurface the play area", 90)],
    ),
    (
        "Demo Integrated Care Board",
        Sector.HEALTH,
        "Director of Communities",
        [("Run a monthly health check clinic at the community centre", -30)],
    ),
    (
        "Demo Constabulary",
        Sector.POLICE,
        "Neighbourhood Inspector",
        [("Walk the estate with residents every fortnight", 60)],
    ),
]


@transaction.atomic
def seed_covenant(area: Area, actor, today: dt.date) -> None:
    if Signatory.objects.filter(plan__area=area).exists():
        return
    for n, (organisation, sector, signed_by, commitments) in enumerate(_PARTNERS):
        signatory = services.sign(
            actor,
            area,
            organisation=organisation,
            sector=sector,
            signed_by=f"{signed_by} (demo)",
            signed_on=today - dt.timedelta(days=200 - 10 * n),
        )
        for description, due_in in commitments:
            commitment = services.add_commitment(
                actor, signatory, description=description, due_on=today + dt.timedelta(days=due_in)
            )
            if n == 0 and due_in < 0:
                services.set_commitment_status(
                    actor,
                    commitment,
                    status=Commitment.Status.KEPT,
                    kept_on=commitment.due_on - dt.timedelta(days=7),
                )
        services.add_review_point(
            actor,
            signatory,
            review_on=today + dt.timedelta(days=45 + 30 * n),
            note="Six-monthly review with the partnership",
        )


def seed(areas: list[Area], actor, today: dt.date) -> str:
    """The demo hook: a covenant for the first demo area; says how many partners have signed."""
    if areas:
        seed_covenant(areas[0], actor, today)
    return f"{Signatory.objects.count()} covenant signatures"
