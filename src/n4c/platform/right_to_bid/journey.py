"""An asset's right to bid as a task list, and its template letters filled in from its record.

The steps and their dates come from :func:`n4c.rights.asset_journey` (the deadline engine's
dates); the case they follow is the asset's latest open case, with its extensions.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.utils.translation import gettext_lazy as _

from n4c import rights
from n4c.platform.assets.models import Asset
from n4c.platform.assets.services import clock_events
from n4c.platform.right_to_bid.models import AssetCase, Nomination
from n4c.platform.right_to_bid.nominations import letter_details as nomination_details
from n4c.platform.right_to_bid.services import case_deadlines, case_extensions

__all__ = ["LETTERS", "Letter", "asset_letter", "journey_case", "journey_of"]

Letter = Literal["nomination", "request-to-bid"]
#: The template letters, by the name in their address, with their titles. The titles are
#: translated with the pages around them; the letters stay English (``n4c.rights.letters``), as
#: they go to councils, which work in English.
LETTERS: dict[str, str] = {
    "nomination": _("Nomination letter to the council"),
    "request-to-bid": _("Request to be treated as a potential bidder"),
}


def journey_case(asset: Asset) -> AssetCase | None:
    """The case the task list follows: the latest open one (or the latest, if all are closed)."""
    cases = asset.cases.all()
    return cases.filter(closed_on__isnull=True).first() or cases.first()


def journey_of(asset: Asset, *, today: dt.date) -> tuple[AssetCase | None, list[rights.Step]]:
    """The asset's case and the seven steps of its journey, as they stand on ``today``."""
    case = journey_case(asset)
    events = clock_events(case.events.all()) if case is not None else {}
    steps = rights.asset_journey(
        events,
        today=today,
        extensions=case_extensions(case) if case is not None else None,
    )
    return case, steps


def _details(asset: Asset) -> rights.LetterDetails:
    nomination = asset.nominations.order_by("-started_at").first()
    if isinstance(nomination, Nomination):
        return nomination_details(nomination)
    return rights.LetterDetails(
        asset_name=asset.name,
        address=asset.postcode,
        description=asset.use,
        owners=asset.owner,
    )


def asset_letter(asset: Asset, letter: str, *, today: dt.date) -> str:
    """A template letter about ``asset``, filled in from its record, its nomination and its
    case's dates; what is not known is a marked placeholder."""
    details = _details(asset)
    if letter == "nomination":
        return rights.nomination_letter(details, on=today)
    if letter == "request-to-bid":
        case = journey_case(asset)
        deadlines = case_deadlines(case) if case is not None else []
        request = next((d for d in deadlines if d.rule_id == "acv.request-to-bid"), None)
        return rights.request_to_bid_letter(details, deadline=request, on=today)
    expected = ", ".join(LETTERS)
    raise ValueError(f"No letter {letter!r}; expected one of {expected}.")  # untranslated: a bug
