"""The partnership decides by vote: the chair opens a decision with options, each member votes
once (in the service and the database, even at the same moment), the chair closes it and the
result is kept with its counts and reasons."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.urls import reverse

from n4c.platform.audit.models import AuditEvent
from n4c.platform.core.conflicts import ConflictError
from n4c.platform.partnership import services
from n4c.platform.partnership.models import Decision, Vote
from n4c.platform.residents.models import Resident

ALREADY = "You have already voted on this decision. Each member votes once."


@pytest.mark.django_db
def test_the_chair_opens_a_decision_with_at_least_two_options(home, member_of, client_for):
    chair, _ = member_of(home, Resident.PartnershipRole.CHAIR)
    client = client_for(chair)
    url = reverse("partnership:open_decision", args=[home.pk])
    refused = client.post(url, {"question": "Adopt the plan", "options": "Yes\n\n"})
    assert refused.status_code == 400
    assert "Enter at least two options, one on each line." in refused.content.decode()
    assert client.post(url, {"question": "Adopt the plan", "options": "Yes\nNo"}).status_code == 302
    decision = Decision.objects.get()
    assert [o.label for o in decision.options.all()] == ["Yes", "No"]
    assert decision.opened_by == chair
    assert AuditEvent.objects.filter(model="partnership.decision", action="created").exists()
    assert AuditEvent.objects.filter(model="partnership.decisionoption").count() == 2


@pytest.mark.django_db
def test_a_member_votes_once_and_a_second_vote_is_a_form_error(
    home, member_of, client_for, open_decision
):
    account, resident = member_of(home)
    client = client_for(account)
    yes, no = open_decision.options.all()[:2]
    url = reverse("partnership:vote", args=[home.pk, open_decision.pk])
    form = client.get(open_decision.get_absolute_url()).content.decode()
    assert f'type="radio" name="option" value="{yes.pk}"' in form
    assert client.post(url, {"option": yes.pk, "reason": "It is ready."}).status_code == 302
    again = client.post(url, {"option": no.pk})
    assert again.status_code == 400
    assert ALREADY in again.content.decode()
    assert Vote.objects.get().voter == resident
    page = client.get(open_decision.get_absolute_url()).content.decode()
    assert "You voted for “Yes”" in page


@pytest.mark.django_db
def test_a_second_vote_through_the_api_answers_409(home, member_of, client_for, open_decision):
    account, _ = member_of(home)
    client = client_for(account)
    url = f"/api/partnership/{home.pk}/decisions/{open_decision.pk}/votes"
    option = open_decision.options.first()
    assert (
        client.post(url, {"option_id": option.pk}, content_type="application/json").status_code
        == 201
    )
    again = client.post(url, {"option_id": option.pk}, content_type="application/json")
    assert again.status_code == 409
    assert again.json() == {"detail": [{"loc": ["body"], "msg": ALREADY, "type": "conflict"}]}


@pytest.mark.django_db
def test_the_database_refuses_a_second_vote_the_service_did_not_see(
    home, member_of, open_decision, monkeypatch
):
    account, resident = member_of(home)
    option = open_decision.options.first()
    services.cast_vote(account, resident, open_decision, option)
    # As when two requests both pass the check before either writes.
    monkeypatch.setattr(services, "_has_voted", lambda decision, voter: False)
    with pytest.raises(ConflictError) as refused:
        services.cast_vote(account, resident, open_decision, option)
    assert refused.value.messages == [ALREADY]
    with pytest.raises(IntegrityError):
        Vote.objects.create(decision=open_decision, option=option, voter=resident)


@pytest.mark.django_db(transaction=True)
def test_votes_cast_at_the_same_moment_count_once(home, member_of, adviser):
    account, resident = member_of(home)
    decision = services.open_decision(
        adviser, home, question="Adopt the plan", options=["Yes", "No"]
    )
    option = decision.options.first()
    threads = 6
    barrier = threading.Barrier(threads)
    outcomes: list[str] = []

    def vote() -> None:
        try:
            barrier.wait()
            services.cast_vote(account, resident, decision, option)
            outcomes.append("cast")
        except ConflictError as refused:
            outcomes.append(refused.messages[0])
        finally:
            connection.close()

    workers = [threading.Thread(target=vote) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert Counter(outcomes) == {"cast": 1, ALREADY: threads - 1}
    assert Vote.objects.filter(decision=decision).count() == 1


@pytest.mark.django_db
def test_closing_keeps_the_counts_the_result_and_the_reasons(
    home, member_of, client_for, open_decision
):
    yes, no, _ = open_decision.options.all()
    for option in (yes, yes, no):
        account, resident = member_of(home)
        services.cast_vote(account, resident, open_decision, option, reason=f"I say {option}.")
    chair, _ = member_of(home, Resident.PartnershipRole.CHAIR)
    client = client_for(chair)
    response = client.post(
        reverse("partnership:close", args=[home.pk, open_decision.pk]),
        {"reasons": "Most members want to start now."},
    )
    assert response.status_code == 302
    open_decision.refresh_from_db()
    assert open_decision.status == Decision.Status.CLOSED
    assert open_decision.counts == {"Yes": 2, "No": 1, "Not yet": 0}
    assert open_decision.outcome == "“Yes”, with 2 of 3 votes."
    assert open_decision.reasons == "Most members want to start now."
    page = client.get(open_decision.get_absolute_url()).content.decode()
    assert "Most members want to start now." in page and "I say No." in page
    closing = AuditEvent.objects.get(model="partnership.decision", action="changed")
    assert closing.changed_fields()["status"] == ("open", "closed")
    assert AuditEvent.objects.filter(model="partnership.vote", action="created").count() == 3


@pytest.mark.django_db
def test_a_closed_decision_takes_no_votes(home, member_of, adviser, open_decision):
    account, resident = member_of(home)
    services.close_decision(adviser, open_decision)
    open_decision.refresh_from_db()
    assert open_decision.outcome == "No votes were cast."
    with pytest.raises(ValidationError, match="This decision is closed, so it takes no more votes"):
        services.cast_vote(account, resident, open_decision, open_decision.options.first())


@pytest.mark.django_db
def test_a_tie_is_reported_as_no_clear_result(home, member_of, adviser):
    decision = services.open_decision(adviser, home, question="Which day", options=["Mon", "Tue"])
    for option in decision.options.all():
        account, resident = member_of(home)
        services.cast_vote(account, resident, decision, option)
    closed = services.close_decision(adviser, decision)
    assert closed.outcome == "No clear result: “Mon” and “Tue” tied with 1 each, of 2 votes."


@pytest.mark.django_db
def test_a_vote_shows_in_the_audit_log(home, member_of, national, client_for, open_decision):
    account, resident = member_of(home)
    yes = open_decision.options.get(label="Yes")
    vote = services.cast_vote(account, resident, open_decision, yes, reason="Sounds fair")
    page = client_for(national).get(reverse("audit:list")).content.decode()
    assert "partnership.vote" in page and "A vote on “Adopt the plan”" in page
    # The reasons are shown without names, so the log never ties an option or reason to a voter.
    event = AuditEvent.objects.get(model="partnership.vote", object_id=str(vote.pk))
    assert event.after == {"id": vote.pk, "decision": open_decision.pk}
    assert "Sounds fair" not in page and "“Yes”" not in page
