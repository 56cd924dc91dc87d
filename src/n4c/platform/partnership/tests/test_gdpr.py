"""A member's export holds their proposals and votes; erasing them removes the link to the
person, and their votes still count, without a name."""

from __future__ import annotations

import pytest

from n4c.platform.audit.models import AuditEvent
from n4c.platform.partnership import services
from n4c.platform.partnership.models import Proposal, Vote
from n4c.platform.residents import gdpr

pytestmark = pytest.mark.django_db


def test_the_export_of_a_member_holds_their_proposals_and_votes(
    home, member_of, national, open_decision, waiting_proposal
):
    account, resident = waiting_proposal.proposer.account, waiting_proposal.proposer
    services.cast_vote(
        account, resident, open_decision, open_decision.options.first(), reason="Yes!"
    )
    export = gdpr.export_resident(national, resident)
    assert [p["description"] for p in export["elsewhere"]["partnership"]["proposals"]] == [
        "Plant fruit trees"
    ]
    assert export["elsewhere"]["partnership"]["votes"][0] | {"cast_at": ""} == {
        "decision": "Adopt the plan",
        "option": "Yes",
        "reason": "Yes!",
        "cast_at": "",
    }


@pytest.mark.parametrize("mode", ["anonymise", "delete"])
def test_erasure_unlinks_the_member_and_keeps_their_vote_in_the_count(
    home, national, adviser, open_decision, waiting_proposal, mode
):
    resident = waiting_proposal.proposer
    services.cast_vote(
        resident.account, resident, open_decision, open_decision.options.first(), reason="Mine."
    )
    gdpr.erase_resident(national, resident, mode=mode)
    vote = Vote.objects.get()
    assert (vote.voter, vote.reason) == (None, "")
    assert Proposal.objects.get().proposer is None
    vote_events = AuditEvent.objects.filter(model="partnership.vote")
    assert [(e.before, e.after) for e in vote_events] == [(None, None)]
    proposal_event = AuditEvent.objects.get(model="partnership.proposal")
    assert proposal_event.after["proposer"] is None
    assert services.close_decision(adviser, open_decision).counts["Yes"] == 1
