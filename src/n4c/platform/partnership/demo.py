"""The demo partnership at work: the "chair" login chairs the first area's partnership, whose
members have proposed plan items (one accepted, one declined, one waiting) and decided by vote
(one decision closed with its count, one open)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from n4c.platform.areas.models import Area
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.partnership import services
from n4c.platform.partnership.models import Decision, Proposal
from n4c.platform.residents.models import Resident

__all__ = ["seed", "seed_workspace"]

_PROPOSALS = [
    ("Open the community hall on Saturday mornings", "Hall committee", 60, "accept", ""),
    (
        "Ask the council for a new bus shelter",
        "Transport group",
        90,
        "decline",
        "The council has already agreed one for next spring.",
    ),
    ("Start a weekly walking group", "Demo Member Three", 45, "wait", ""),
]


def _chair_record(actor, area: Area) -> Resident | None:
    """The first area's chair, signing in as the "chair" login."""
    account = get_user_model().objects.filter(username="chair").first()
    if account is None:
        return None
    record = Resident.objects.filter(account=account).first()
    if record is not None:
        return record
    record = Resident.objects.filter(
        area=area, partnership_role=Resident.PartnershipRole.CHAIR, account__isnull=True
    ).first()
    if record is not None:
        before = snapshot(record)
        record.account = account
        record.save(update_fields=["account"])
        record_change(actor, record, AuditEvent.Action.CHANGED, before=before)
    return record


@transaction.atomic
def seed_workspace(areas: list[Area], actor, today: dt.date) -> tuple[int, int]:
    """Proposals and decisions in the first area; returns (proposals, decisions) held."""
    area = areas[0] if areas else None
    chair = _chair_record(actor, area) if area else None
    if area is None or chair is None or Proposal.objects.filter(area=area).exists():
        return Proposal.objects.count(), Decision.objects.count()
    members = list(Resident.objects.filter(area=area, erased_at__isnull=True))
    proposer = next((m for m in members if m.account_id and m.pk != chair.pk), chair)
    waiting = None
    for description, owner, days, answer, reason in _PROPOSALS:
        proposal = services.propose(
            proposer.account or actor,
            proposer,
            description=description,
            owner=owner,
            due_on=today + dt.timedelta(days=days),
            why="Residents asked for it at the summer fun day.",
        )
        if answer == "accept":
            services.accept_proposal(
                chair.account, proposal, reason="Agreed at the partnership meeting."
            )
        elif answer == "decline":
            services.decline_proposal(chair.account, proposal, reason=reason)
        else:
            waiting = proposal
    adopted = services.open_decision(
        chair.account, area, question="Adopt the plan for the next two years", options=["Yes", "No"]
    )
    for index, member in enumerate(members):
        option = adopted.options.all()[0 if index % 4 != 3 else 1]
        services.cast_vote(member.account or actor, member, adopted, option)
    services.close_decision(
        chair.account,
        adopted,
        reasons="Most members said the plan reflects what residents asked for.",
    )
    services.open_decision(
        chair.account,
        area,
        question=f"Accept the proposal: {waiting.description}" if waiting else "Meet monthly",
        options=["Yes", "No", "Talk about it at the next meeting"],
        proposal=waiting,
    )
    return Proposal.objects.count(), Decision.objects.count()


def seed(areas: list[Area], actor, today: dt.date) -> str:
    """The demo hook: a chair, proposals and decisions; says how many are held."""
    proposals, decisions = seed_workspace(areas, actor, today)
    return f"{proposals} proposals and {decisions} partnership decisions"
