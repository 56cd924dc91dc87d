"""A member proposes an item for their area's plan; the chair or staff accept it into the plan
or decline it with a reason, and the member who proposed it sees what happened."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from n4c.platform.audit.models import AuditEvent
from n4c.platform.core.conflicts import ConflictError
from n4c.platform.partnership import services
from n4c.platform.partnership.models import Proposal
from n4c.platform.plans.models import Action

pytestmark = pytest.mark.django_db


def test_a_member_proposes_and_sees_it_waiting(home, member_of, client_for):
    account, resident = member_of(home)
    client = client_for(account)
    response = client.post(
        reverse("partnership:propose", args=[home.pk]),
        {"description": "Fix the play park", "owner": "Residents", "due_on": "2027-05-01"},
    )
    proposal = Proposal.objects.get()
    assert response.url == proposal.get_absolute_url()
    assert proposal.proposer == resident and proposal.status == Proposal.Status.WAITING
    page = client.get(reverse("partnership:workspace", args=[home.pk])).content.decode()
    assert "Fix the play park" in page and "Waiting for an answer" in page and ">You<" in page
    event = AuditEvent.objects.get(model="partnership.proposal")
    assert event.action == AuditEvent.Action.CREATED and event.actor == account


def test_a_proposal_without_a_due_date_is_refused_with_the_plan_form_words(
    home, member_of, client_for
):
    account, _ = member_of(home)
    response = client_for(account).post(
        reverse("partnership:propose", args=[home.pk]), {"description": "A bench", "owner": "Jo"}
    )
    assert response.status_code == 400
    assert "Enter the due date, like 27 3 2027." in response.content.decode()


def test_accepting_puts_the_item_in_the_plan_and_the_proposer_sees_it(
    home, adviser, client_for, waiting_proposal
):
    response = client_for(adviser).post(
        reverse("partnership:accept", args=[home.pk, waiting_proposal.pk]),
        {"reason": "Agreed at the March meeting."},
    )
    assert response.status_code == 302
    waiting_proposal.refresh_from_db()
    action = Action.objects.get()
    assert waiting_proposal.action == action
    assert (action.description, action.owner, action.due_on) == (
        "Plant fruit trees",
        "Garden group",
        dt.date(2027, 3, 1),
    )
    assert action.plan.area == home
    proposer = client_for(waiting_proposal.proposer.account)
    page = proposer.get(waiting_proposal.get_absolute_url()).content.decode()
    assert "Accepted into the plan" in page and "Agreed at the March meeting." in page
    plan = proposer.get(reverse("plans:detail", args=[home.pk])).content.decode()
    assert "Plant fruit trees" in plan
    changes = AuditEvent.objects.filter(model="partnership.proposal", action="changed").get()
    assert changes.changed_fields()["status"] == ("waiting", "accepted")
    assert AuditEvent.objects.filter(model="plans.action", action="created").count() == 1


def test_declining_needs_a_reason_which_the_proposer_reads(
    home, adviser, client_for, waiting_proposal
):
    client = client_for(adviser)
    url = reverse("partnership:decline", args=[home.pk, waiting_proposal.pk])
    refused = client.post(url, {"reason": "  "})
    assert refused.status_code == 400
    assert "Enter why the proposal is declined, so the member who made it knows." in (
        refused.content.decode()
    )
    assert client.post(url, {"reason": "The council is doing this already."}).status_code == 302
    page = client_for(waiting_proposal.proposer.account).get(waiting_proposal.get_absolute_url())
    text = page.content.decode()
    assert "Declined" in text and "The council is doing this already." in text
    assert not Action.objects.exists()


def test_a_proposal_is_answered_once(home, adviser, waiting_proposal):
    services.decline_proposal(adviser, waiting_proposal, reason="Not now.")
    with pytest.raises(ConflictError) as refused:
        services.accept_proposal(adviser, waiting_proposal)
    assert refused.value.messages == ["This proposal has been answered already: declined."]
    assert not Action.objects.exists()


def test_a_member_proposes_through_the_api(home, member_of, client_for):
    account, _ = member_of(home)
    client = client_for(account)
    response = client.post(
        f"/api/partnership/{home.pk}/proposals",
        {"description": "Litter pick", "owner": "Youth club", "due_on": "2027-04-01"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["status"] == "waiting"
    listed = client.get(f"/api/partnership/{home.pk}/proposals").json()
    assert [p["description"] for p in listed] == ["Litter pick"]
