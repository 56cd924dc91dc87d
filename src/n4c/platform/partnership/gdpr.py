"""A member's proposals and votes in their export, and their erasure: the link to the person
goes (and their words in the audit log), the proposals stay as the partnership's record and the
votes stay, without a name, in the counts."""

from __future__ import annotations

from typing import Any

from n4c.platform.audit.models import AuditEvent
from n4c.platform.partnership.models import Proposal, Vote
from n4c.platform.residents.models import Resident

__all__ = ["erase_member", "export_member"]


def export_member(resident: Resident) -> dict[str, Any]:
    """What the workspace holds on ``resident``: their proposals and their votes."""
    return {
        "proposals": [
            {
                "description": p.description,
                "owner": p.owner,
                "due_on": p.due_on.isoformat(),
                "why": p.why,
                "status": p.get_status_display(),
                "reason": p.reason,
                "proposed_at": p.proposed_at.isoformat(),
            }
            for p in resident.proposals.order_by("proposed_at", "id")
        ],
        "votes": [
            {
                "decision": v.decision.question,
                "option": v.option.label,
                "reason": v.reason,
                "cast_at": v.cast_at.isoformat(),
            }
            for v in resident.votes.select_related("decision", "option").order_by("cast_at")
        ],
    }


def erase_member(actor, resident: Resident) -> None:
    """Unlink ``resident`` from their proposals and votes; their vote reasons go, and the audit
    entries of their votes keep no values (they name the voter)."""
    vote_ids = [str(pk) for pk in resident.votes.values_list("pk", flat=True)]
    AuditEvent.objects.filter(model=Vote._meta.label_lower, object_id__in=vote_ids).update(
        before=None, after=None
    )
    proposal_ids = [str(pk) for pk in resident.proposals.values_list("pk", flat=True)]
    for event in AuditEvent.objects.filter(
        model=Proposal._meta.label_lower, object_id__in=proposal_ids
    ):
        for state in (event.before, event.after):
            if state and "proposer" in state:
                state["proposer"] = None
        event.save(update_fields=["before", "after"])
    resident.votes.update(voter=None, reason="")
    resident.proposals.update(proposer=None)
