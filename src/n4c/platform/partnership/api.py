"""The partnership workspace in the JSON API: read an area's proposals and decisions, propose
a plan item and vote. A second vote answers 409; errors come in the API's one shape."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of
from n4c.platform.partnership import services
from n4c.platform.partnership.access import area_for, member_record
from n4c.platform.plans.models import Priority

router = Router(tags=["partnership"])


class ProposalOut(Schema):
    id: int
    description: str
    owner: str
    due_on: dt.date
    priority_id: int | None
    why: str
    status: str
    reason: str
    proposed_at: dt.datetime
    answered_at: dt.datetime | None
    action_id: int | None


class ProposalIn(Schema):
    description: str
    owner: str
    due_on: dt.date
    priority_id: int | None = None
    why: str = ""


class OptionOut(Schema):
    id: int
    label: str


class DecisionOut(Schema):
    id: int
    question: str
    proposal_id: int | None
    status: str
    options: list[OptionOut]
    counts: dict[str, int]
    outcome: str
    reasons: str
    opened_at: dt.datetime
    closed_at: dt.datetime | None

    @staticmethod
    def resolve_options(obj) -> list:
        return list(obj.options.all())


class VoteIn(Schema):
    option_id: RecordId
    reason: str = ""


class VoteOut(Schema):
    id: int
    decision_id: int
    option_id: int
    reason: str
    cast_at: dt.datetime


@router.get("/{area_id}/proposals", response=list[ProposalOut])
def list_proposals(request, area_id: RecordId, page: Query[Page]):
    return page_of(area_for(request.user, area_id, "read").proposals.all(), page)


@router.post("/{area_id}/proposals", response={201: ProposalOut})
def add_proposal(request, area_id: RecordId, payload: ProposalIn):
    area = area_for(request.user, area_id, "propose")
    priority = None
    if payload.priority_id is not None:
        priority = get_object_or_404(Priority, plan__area=area, pk=payload.priority_id)
    proposal = services.propose(
        request.user,
        member_record(request.user, area),
        description=payload.description,
        owner=payload.owner,
        due_on=payload.due_on,
        priority=priority,
        why=payload.why,
    )
    return Status(201, proposal)


@router.get("/{area_id}/decisions", response=list[DecisionOut])
def list_decisions(request, area_id: RecordId, page: Query[Page]):
    area = area_for(request.user, area_id, "read")
    return page_of(area.decisions.prefetch_related("options"), page)


@router.get("/{area_id}/decisions/{decision_id}", response=DecisionOut)
def get_decision(request, area_id: RecordId, decision_id: RecordId):
    area = area_for(request.user, area_id, "read")
    return get_object_or_404(area.decisions, pk=decision_id)


@router.post("/{area_id}/decisions/{decision_id}/votes", response={201: VoteOut})
def add_vote(request, area_id: RecordId, decision_id: RecordId, payload: VoteIn):
    area = area_for(request.user, area_id, "vote")
    decision = get_object_or_404(area.decisions, pk=decision_id)
    option = get_object_or_404(decision.options, pk=payload.option_id)
    vote = services.cast_vote(
        request.user, member_record(request.user, area), decision, option, reason=payload.reason
    )
    return Status(201, vote)
