"""Budget votes in the JSON API: list an area's votes, read one with its proposals (and its
results once the ballot page would show them), and send one's own ballot. The rules are the
pages' own (``budgets.access`` and ``budgets.services``); a second ballot is refused with the
same sentence the ballot page shows, answered 422."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status

from n4c import panels
from n4c.platform.areas.access import area_for_viewing
from n4c.platform.budgets import counting, services
from n4c.platform.budgets.access import (
    may_read_results,
    resident_voting_as,
    vote_for_viewing,
    votes_visible_to,
)
from n4c.platform.budgets.models import BudgetVote
from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of

router = Router(tags=["budgets"])


class VoteOut(Schema):
    id: int
    area_id: int
    title: str
    budget_gbp: int
    ballot_type: str
    max_approvals: int | None
    max_points: int
    counting_rule: str
    phase: str


class ProposalOut(Schema):
    id: int
    title: str
    cost_gbp: int
    description: str


class ResultOut(Schema):
    proposal_id: int
    title: str
    cost_gbp: float
    votes: float
    funded: bool
    funded_in: int | None
    reason: str


class ResultsOut(Schema):
    rule: str
    spent_gbp: float
    proposals: list[ResultOut]
    voters: str


class VoteDetailOut(VoteOut):
    proposals: list[ProposalOut]
    voted: bool
    results: ResultsOut | None


class BallotIn(Schema):
    #: Points given to each proposal, by proposal id: 1 ticks a proposal on an approval ballot.
    points: dict[str, int]


class BallotOut(Schema):
    id: int
    vote_id: int
    points: dict[str, int]
    method: str


def _vote(vote: BudgetVote) -> dict:
    return {field: getattr(vote, field) for field in VoteOut.model_fields}


def _results(vote: BudgetVote) -> dict:
    """What the results page shows: each proposal's result and reason, and who paid for what."""
    outcome = counting.count_vote(vote)
    payments = outcome.payments
    return {
        "rule": outcome.rule,
        "spent_gbp": outcome.spent,
        "proposals": [
            {
                "proposal_id": int(result.id),
                "title": result.name,
                "cost_gbp": result.cost,
                "votes": result.votes,
                "funded": result.selected,
                "funded_in": result.funded_in,
                "reason": result.reason,
            }
            for result in outcome.projects
        ],
        "voters": (
            panels.voters_sentence(payments, outcome.currency)
            if payments is not None and payments.voter_ids
            else ""
        ),
    }


@router.get("/area/{area_id}", response=list[VoteOut])
def list_budget_votes(request, area_id: RecordId, page: Query[Page]):
    area = area_for_viewing(request.user, area_id)
    votes = page_of(votes_visible_to(request.user).filter(area=area), page)
    return [_vote(vote) for vote in votes]


@router.get("/{vote_id}", response=VoteDetailOut)
def get_budget_vote(request, vote_id: RecordId):
    vote = vote_for_viewing(request.user, vote_id)
    resident = resident_voting_as(request.user, vote)
    return {
        **_vote(vote),
        "proposals": list(vote.proposals.all()),
        "voted": resident is not None and vote.ballots.filter(resident=resident).exists(),
        "results": _results(vote) if may_read_results(request.user, vote) else None,
    }


@router.post("/{vote_id}/ballot", response={201: BallotOut})
def cast_ballot(request, vote_id: RecordId, payload: BallotIn):
    """One's own ballot, once, while voting is open; only a member of the area's partnership
    votes."""
    vote = vote_for_viewing(request.user, vote_id)
    resident = resident_voting_as(request.user, vote)
    if resident is None:
        raise PermissionDenied(
            _("Only members of %(name)s's partnership can vote here.") % {"name": vote.area.name}
        )
    ballot = services.cast_ballot(request.user, vote, resident, payload.points)
    return Status(201, ballot)
