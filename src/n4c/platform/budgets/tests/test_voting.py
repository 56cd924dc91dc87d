"""Members vote online in their own area only; staff enter paper ballots that a second person
checks; each resident votes once, online or on paper; the phases run in order."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.urls import reverse

from n4c.platform.audit.models import AuditEvent
from n4c.platform.budgets import counting, services
from n4c.platform.budgets.models import Ballot, BudgetVote
from n4c.platform.budgets.tests.conftest import proposal_ids
from n4c.platform.people.models import Role
from n4c.platform.residents.models import Resident

pytestmark = pytest.mark.django_db


def _tick(vote, *titles) -> dict[str, str]:
    ids = proposal_ids(vote)
    return {f"proposal_{ids[title]}": "on" for title in titles}


def test_a_member_votes_online_in_their_own_area(vote, member, client_for):
    client = client_for(member.account)
    url = reverse("budgets:ballot", args=[vote.pk])
    assert "Send my vote" in client.get(url).content.decode()
    answer = client.post(url, _tick(vote, "Benches", "Bins"), follow=True)
    assert "your vote has been recorded" in answer.content.decode()
    ballot = Ballot.objects.get(vote=vote, resident=member)
    ids = proposal_ids(vote)
    assert ballot.points == {ids["Benches"]: 1, ids["Bins"]: 1}
    assert ballot.method == Ballot.Method.ONLINE
    assert AuditEvent.objects.filter(model="budgets.ballot", object_id=str(ballot.pk)).exists()


def test_a_second_vote_from_a_page_opened_earlier_is_refused_with_the_reason(
    vote, member, client_for
):
    client = client_for(member.account)
    url = reverse("budgets:ballot", args=[vote.pk])
    client.post(url, _tick(vote, "Bins"))
    answer = client.post(url, _tick(vote, "Bulbs"))
    page = answer.content.decode()
    assert "Jo Bloggs has already voted in this vote online. Each resident votes once." in page
    assert "You have voted." in page
    assert Ballot.objects.get(vote=vote, resident=member).points == {proposal_ids(vote)["Bins"]: 1}


def test_a_member_cannot_see_or_vote_in_another_areas_vote(far, make_vote, member, client_for):
    elsewhere = make_vote(far)
    client = client_for(member.account)
    url = reverse("budgets:ballot", args=[elsewhere.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, _tick(elsewhere, "Bins")).status_code == 404
    assert not elsewhere.ballots.exists()


def test_a_member_of_the_area_without_a_resident_record_cannot_vote(vote, home, make_person):
    account = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(account)
    from django.test import Client

    client = Client()
    client.force_login(account)
    url = reverse("budgets:ballot", args=[vote.pk])
    answer = client.post(url, _tick(vote, "Bins"))
    assert "Only members of Home ward's partnership can vote here." in answer.content.decode()
    assert not vote.ballots.exists()


def test_a_member_cannot_reach_the_staff_pages(vote, member, client_for):
    client = client_for(member.account)
    for name, args in [
        ("budgets:detail", [vote.pk]),
        ("budgets:paper", [vote.pk]),
        ("budgets:export", [vote.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 403, name


def test_a_member_reaches_their_ballot_from_the_area_page(vote, member, client_for):
    """The area page links to the area's votes; each links a member to its ballot, and they
    cannot set up a vote there."""
    client = client_for(member.account)
    votes_url = reverse("budgets:area", args=[vote.area_id])
    assert votes_url in client.get(reverse("areas:detail", args=[vote.area_id])).content.decode()
    page = client.get(votes_url).content.decode()
    assert reverse("budgets:ballot", args=[vote.pk]) in page
    assert f'href="{reverse("budgets:detail", args=[vote.pk])}"' not in page
    assert "Set up a vote" not in page
    answer = client.post(votes_url, {"title": "Mine", "budget_gbp": 10})
    assert answer.status_code == 403
    assert not BudgetVote.objects.filter(title="Mine").exists()


def test_staff_who_cannot_change_the_area_cannot_run_its_vote(vote, other_region, make_person):
    from django.test import Client

    lead_elsewhere = make_person(Role.HUB_LEAD, other_region)
    client = Client()
    client.force_login(lead_elsewhere)
    assert client.get(reverse("budgets:detail", args=[vote.pk])).status_code == 403
    assert client.get(reverse("budgets:paper", args=[vote.pk])).status_code == 403


def test_a_resident_votes_once_online(vote, member):
    services.cast_ballot(member.account, vote, member, {proposal_ids(vote)["Bins"]: 1})
    with pytest.raises(ValidationError) as refused:
        services.cast_ballot(member.account, vote, member, {proposal_ids(vote)["Bulbs"]: 1})
    assert refused.value.messages == [
        "Jo Bloggs has already voted in this vote online. Each resident votes once."
    ]


def test_a_second_ballot_at_the_same_moment_is_refused_by_the_database(vote, member, monkeypatch):
    """Two submits at once both pass the service's check; the unique constraint stops the second
    and the person sees the same sentence."""
    checked = services.ballot_points

    def the_other_request_gets_there_first(*args, **kwargs):
        Ballot.objects.create(vote=vote, resident=member, points={}, method="online")
        return checked(*args, **kwargs)

    monkeypatch.setattr(services, "ballot_points", the_other_request_gets_there_first)
    with pytest.raises(ValidationError) as refused:
        services.cast_ballot(member.account, vote, member, {proposal_ids(vote)["Bins"]: 1})
    assert refused.value.messages == [
        "Jo Bloggs has already voted in this vote. Each resident votes once."
    ]
    assert isinstance(refused.value.__cause__, IntegrityError)


def test_a_resident_who_voted_on_paper_cannot_vote_online(vote, member, adviser, client_for):
    services.cast_ballot(adviser, vote, member, {proposal_ids(vote)["Bins"]: 1}, method="paper")
    client = client_for(member.account)
    page = client.get(reverse("budgets:ballot", args=[vote.pk])).content.decode()
    assert "You have voted." in page
    with pytest.raises(ValidationError, match="already voted in this vote on paper"):
        services.cast_ballot(member.account, vote, member, {proposal_ids(vote)["Bulbs"]: 1})


def test_a_paper_ballot_for_someone_who_voted_online_is_refused_on_the_form(
    vote, member, adviser, client_for
):
    services.cast_ballot(member.account, vote, member, {proposal_ids(vote)["Bins"]: 1})
    answer = client_for(adviser).post(
        reverse("budgets:paper", args=[vote.pk]),
        {"resident": member.pk, **_tick(vote, "Bulbs")},
    )
    assert answer.status_code == 200
    assert (
        "Jo Bloggs has already voted in this vote online. Each resident votes once."
        in answer.content.decode()
    )
    assert vote.ballots.count() == 1


def test_a_paper_ballot_counts_only_once_someone_else_checks_it(
    vote, member, adviser, worker, client_for
):
    client_for(adviser).post(
        reverse("budgets:paper", args=[vote.pk]), {"resident": member.pk, **_tick(vote, "Bins")}
    )
    ballot = Ballot.objects.get(vote=vote, resident=member)
    assert ballot.method == Ballot.Method.PAPER and ballot.entered_by == adviser
    assert counting.election_of(vote).ballots == ()
    with pytest.raises(ValidationError, match="You entered this ballot, so someone else"):
        services.check_paper_ballot(adviser, ballot)
    client_for(worker).post(reverse("budgets:check", args=[vote.pk, ballot.pk]))
    ballot.refresh_from_db()
    assert ballot.checked_by == worker
    assert [b.projects for b in counting.election_of(vote).ballots] == [
        (proposal_ids(vote)["Bins"],)
    ]


def test_the_same_person_checking_their_own_entry_sees_why_on_the_page(
    vote, member, adviser, client_for
):
    ballot = services.cast_ballot(
        adviser, vote, member, {proposal_ids(vote)["Bins"]: 1}, method="paper"
    )
    page = client_for(adviser).post(
        reverse("budgets:check", args=[vote.pk, ballot.pk]), follow=True
    )
    assert "someone else must check it against the paper" in page.content.decode()
    ballot.refresh_from_db()
    assert ballot.checked_at is None


def test_phases_go_in_order_and_are_never_skipped(home, make_vote, adviser):
    vote = make_vote(home, phase=BudgetVote.Phase.PROPOSALS)
    with pytest.raises(ValidationError) as refused:
        services.advance_phase(adviser, vote, BudgetVote.Phase.CLOSED)
    assert refused.value.messages == [
        "A vote that is “collecting proposals” cannot move to “voting closed”; phases go in "
        "order: collecting proposals, voting open, voting closed, results published."
    ]
    services.advance_phase(adviser, vote, BudgetVote.Phase.VOTING)
    with pytest.raises(ValidationError, match="only be added while they are being collected"):
        services.add_proposal(adviser, vote, title="Late", cost_gbp=10)


def test_ballots_are_cast_only_while_voting_is_open(home, make_vote, member, adviser):
    for phase in (BudgetVote.Phase.PROPOSALS, BudgetVote.Phase.CLOSED):
        vote = make_vote(home, phase=phase)
        with pytest.raises(ValidationError, match=r"Voting is not open in this vote\."):
            services.cast_ballot(member.account, vote, member, {proposal_ids(vote)["Bins"]: 1})


def test_voting_cannot_open_without_proposals(home, adviser):
    vote = services.open_vote(adviser, home, title="Empty", budget_gbp=100)
    with pytest.raises(ValidationError, match=r"Add at least one proposal before voting opens\."):
        services.advance_phase(adviser, vote, BudgetVote.Phase.VOTING)


def test_results_are_not_published_while_a_paper_ballot_is_unchecked(vote, member, adviser):
    services.cast_ballot(adviser, vote, member, {proposal_ids(vote)["Bins"]: 1}, method="paper")
    vote = services.advance_phase(adviser, vote, BudgetVote.Phase.CLOSED)
    with pytest.raises(ValidationError) as refused:
        services.advance_phase(adviser, vote, BudgetVote.Phase.PUBLISHED)
    assert refused.value.messages == [
        "1 paper ballot is not checked yet. Have a second person check them before publishing "
        "the results."
    ]


def test_an_approval_ballot_keeps_to_the_most_a_person_may_tick(home, make_vote, member):
    vote = make_vote(home, max_approvals=2)
    ids = proposal_ids(vote)
    with pytest.raises(ValidationError) as refused:
        services.cast_ballot(member.account, vote, member, dict.fromkeys(ids.values(), 1))
    assert refused.value.messages == ["Choose at most 2 proposals; this ballot chooses 3."]


def test_an_empty_ballot_is_refused_on_the_form(vote, member, client_for):
    answer = client_for(member.account).post(reverse("budgets:ballot", args=[vote.pk]), {})
    assert "Choose at least one proposal." in answer.content.decode()
    assert not vote.ballots.exists()


def test_every_change_is_audited(vote, member, adviser, worker):
    ballot = services.cast_ballot(
        adviser, vote, member, {proposal_ids(vote)["Bins"]: 1}, method="paper"
    )
    services.check_paper_ballot(worker, ballot)
    actions = list(
        AuditEvent.objects.filter(model__startswith="budgets.")
        .order_by("pk")
        .values_list("model", "action")
    )
    assert actions == [
        ("budgets.budgetvote", "created"),
        *[("budgets.proposal", "created")] * 3,
        ("budgets.budgetvote", "changed"),
        ("budgets.ballot", "created"),
        ("budgets.ballot", "changed"),
    ]


def test_the_audit_log_keeps_that_a_ballot_was_cast_but_never_its_choices(
    vote, member, adviser, worker
):
    online = services.cast_ballot(member.account, vote, member, {proposal_ids(vote)["Bins"]: 1})
    other = Resident.objects.create(
        area=vote.area, full_name="Pat Paper", joined_on=member.joined_on
    )
    paper = services.cast_ballot(
        adviser, vote, other, {proposal_ids(vote)["Bulbs"]: 1}, method="paper"
    )
    services.check_paper_ballot(worker, paper)
    events = AuditEvent.objects.filter(model="budgets.ballot")
    for event in events:
        for values in (event.before or {}, event.after or {}):
            assert not {"resident", "points", "voter_label"} & set(values)
    created = events.get(object_id=str(online.pk)).after
    assert created == {
        "id": online.pk,
        "vote": vote.pk,
        "method": "online",
        "entered_by": member.account.pk,
        "checked_by": None,
        "checked_at": None,
    }
    checked = events.get(object_id=str(paper.pk), action="changed").after
    assert checked["method"] == "paper" and checked["entered_by"] == adviser.pk
    assert checked["checked_by"] == worker.pk and checked["checked_at"]


def test_the_services_refuse_those_who_may_not_run_the_vote(vote, member, make_member):
    """The rule holds wherever the service is called from, not only on the pages."""
    neighbour = make_member(vote.area, "Sam")
    bins = {proposal_ids(vote)["Bins"]: 1}
    with pytest.raises(PermissionDenied, match="only your own ballot"):
        services.cast_ballot(member.account, vote, neighbour, bins)
    with pytest.raises(PermissionDenied, match="not run it"):
        services.cast_ballot(member.account, vote, neighbour, bins, method="paper")
    with pytest.raises(PermissionDenied, match="not run it"):
        services.advance_phase(member.account, vote, BudgetVote.Phase.CLOSED)
    assert not vote.ballots.exists()


def test_the_checker_sees_what_was_entered_beside_the_check_button(
    vote, member, adviser, worker, client_for
):
    answer = client_for(adviser).post(
        reverse("budgets:paper", args=[vote.pk]),
        {"resident": member.pk, **_tick(vote, "Bins", "Bulbs")},
        follow=True,
    )
    ballot = vote.ballots.get()
    assert f"Paper ballot {ballot.pk} entered. Write {ballot.pk} on the paper" in (
        answer.content.decode()
    )
    page = client_for(worker).get(reverse("budgets:detail", args=[vote.pk])).content.decode()
    # By the number written on the paper: no page ties a person to their choices.
    assert f"<td>{ballot.pk}</td><td>Bulbs; Bins</td>" in page
    assert member.full_name not in page
    assert "I have checked it against the paper" in page
