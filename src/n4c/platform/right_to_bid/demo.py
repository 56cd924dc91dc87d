"""Demo right-to-bid cases on the demo registers, with dates around today, so the calendar has
something coming up. Idempotent: an asset that already has a case is left alone."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from n4c.platform.areas.models import Area
from n4c.platform.assets.models import Asset
from n4c.platform.right_to_bid.models import AssetCase, Nomination
from n4c.platform.right_to_bid.nominations import start_nomination
from n4c.platform.right_to_bid.services import open_case, record_event

__all__ = ["seed"]

# The pub has had a disposal notice and a group asked to bid; the hall has just been nominated.
# Days before ``today``, so the moratorium and the listing decision both still lie ahead. The
# references are those of the demo register (see n4c.platform.assets.demo).
_CASES = [
    (
        "PUB",
        "Sale of the pub: residents' group bids",
        [("nomination", 400), ("listing", 350), ("notice-of-disposal", 30), ("request-to-bid", 20)],
    ),
    ("HALL", "Nomination by the residents' association", [("nomination", 10)]),
]


@transaction.atomic
def seed(areas: list[Area], actor, today: dt.date) -> str:
    """The demo hook: cases on the demo pubs and halls; says how many cases are open."""
    for reference, title, events in _CASES:
        for asset in Asset.objects.filter(area__in=areas, reference=reference, cases=None):
            first = today - dt.timedelta(days=max(days for _, days in events))
            case = open_case(actor, asset, title=title, opened_on=first)
            for event, days in events:
                record_event(actor, case, event=event, date=today - dt.timedelta(days=days))
    _seed_draft_nomination(areas)
    count = AssetCase.objects.filter(closed_on__isnull=True).count()
    drafts = Nomination.objects.filter(status=Nomination.Status.DRAFT).count()
    return (
        f"{count} open rights case{'' if count == 1 else 's'}, "
        f"{drafts} nomination{'' if drafts == 1 else 's'} to check"
    )


def _seed_draft_nomination(areas: list[Area]) -> None:
    """A partnership member's draft nomination of the youth club, waiting in staff's queue."""
    for asset in Asset.objects.filter(area__in=areas, reference="YOUTH", nominations=None):
        member = asset.area.partnership_members.first()
        if member is None:
            continue
        start_nomination(
            member,
            asset.area,
            {
                "asset": asset,
                "asset_name": asset.name,
                "description": "A youth club that meets two nights a week in a rented room.",
                "occupants": "The youth club's volunteers.",
                "reasons": "It is the only place for young people to meet on weekday evenings; "
                "about 40 go each week.",
                "nominator_name": "Friends of the Youth Club",
                "nominator_body": "unincorporated-body",
                "registered_members": 24,
            },
        )
