"""A resident's budget ballots in their own export, the one place their choices are shown, and
their erasure: the ballot stays in the count without the link to the person."""

from __future__ import annotations

from typing import Any

from n4c.platform.residents.models import Resident

__all__ = ["erase_ballots", "export_ballots"]


def export_ballots(resident: Resident) -> list[dict[str, Any]]:
    """Each ballot ``resident`` cast: the vote, how and when, and the points they gave."""
    ballots = resident.budget_ballots.select_related("vote").order_by("cast_at", "id")
    return [
        {
            "vote": ballot.vote.title,
            "method": ballot.get_method_display(),
            "cast_at": ballot.cast_at.isoformat(),
            "choices": {
                proposal.title: ballot.points[str(proposal.pk)]
                for proposal in ballot.vote.proposals.all()
                if ballot.points.get(str(proposal.pk))
            },
        }
        for ballot in ballots
    ]


def erase_ballots(actor, resident: Resident) -> None:
    """Unlink ``resident`` from their ballots; the ballots still count, whose no one can tell."""
    resident.budget_ballots.update(resident=None)
