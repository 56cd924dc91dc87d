"""Results are counted by n4c.panels on the stored ballots, explained per proposal, shown to
members only once published, and travel to and from Pabulib files."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from n4c import panels
from n4c.platform.budgets import counting, services
from n4c.platform.budgets.models import Ballot, BudgetVote
from n4c.platform.budgets.tests.conftest import proposal_ids

pytestmark = pytest.mark.django_db

#: Who ticks what: five residents.
CHOICES = [["Benches", "Bins"], ["Benches"], ["Bulbs"], ["Bulbs", "Bins"], ["Bins"]]


@pytest.fixture
def voted(vote, make_member, adviser, worker):
    """Five ballots in ``vote``: four online, one on paper checked by a second person."""
    ids = proposal_ids(vote)
    for n, titles in enumerate(CHOICES):
        resident = make_member(vote.area, f"Resident {n}")
        points = {ids[title]: 1 for title in titles}
        if n == 0:
            ballot = services.cast_ballot(adviser, vote, resident, points, method="paper")
            services.check_paper_ballot(worker, ballot)
        else:
            services.cast_ballot(resident.account, vote, resident, points)
    return vote


def _by_hand(vote: BudgetVote) -> panels.Election:
    """The same vote written out directly for the core, without the platform's conversion."""
    ids = proposal_ids(vote)
    ballots = [b.pk for b in vote.ballots.order_by("pk")]
    return panels.Election(
        1000,
        "approval",
        (
            panels.Project(ids["Benches"], 600, "Benches"),
            panels.Project(ids["Bulbs"], 500, "Bulbs"),
            panels.Project(ids["Bins"], 300, "Bins"),
        ),
        tuple(
            panels.Ballot.approval(str(pk), [ids[t] for t in titles])
            for pk, titles in zip(ballots, CHOICES, strict=True)
        ),
    )


@pytest.mark.parametrize("rule", ["greedy", "equal-shares"])
def test_the_count_is_the_cores_count_of_the_same_ballots(voted, rule):
    voted.counting_rule = rule
    voted.save()
    got = counting.count_vote(voted)
    expected = panels.count(_by_hand(voted), rule=rule)
    assert got.selected == expected.selected
    assert [p.reason for p in got.projects] == [p.reason for p in expected.projects]
    assert got.spent == expected.spent


def test_an_unchecked_paper_ballot_is_not_counted(vote, member, adviser):
    services.cast_ballot(adviser, vote, member, {proposal_ids(vote)["Bins"]: 1}, method="paper")
    assert counting.count_vote(vote).selected == ()
    assert counting.election_of(vote).votes() == dict.fromkeys(proposal_ids(vote).values(), 0)


def test_members_see_results_only_once_published(voted, adviser, client_for):
    member = voted.ballots.filter(method=Ballot.Method.ONLINE).first().resident.account
    url = reverse("budgets:results", args=[voted.pk])
    voted = services.advance_phase(adviser, voted, BudgetVote.Phase.CLOSED)
    assert client_for(member).get(url).status_code == 404
    assert client_for(adviser).get(url).status_code == 200
    services.advance_phase(adviser, voted, BudgetVote.Phase.PUBLISHED)
    page = client_for(member).get(url).content.decode()
    expected = panels.count(_by_hand(voted), rule="equal-shares")
    for result in expected.projects:
        assert result.reason in page
    assert panels.voters_sentence(expected.payments) in page


def test_the_voting_page_links_a_member_to_published_results(voted, adviser, client_for):
    member = voted.ballots.filter(method=Ballot.Method.ONLINE).first().resident.account
    voted = services.advance_phase(adviser, voted, BudgetVote.Phase.CLOSED)
    page = client_for(member).get(reverse("budgets:ballot", args=[voted.pk])).content.decode()
    assert "The results will appear here once they are published." in page
    services.advance_phase(adviser, voted, BudgetVote.Phase.PUBLISHED)
    page = client_for(member).get(reverse("budgets:ballot", args=[voted.pk])).content.decode()
    assert reverse("budgets:results", args=[voted.pk]) in page


def test_a_vote_goes_to_a_pb_file_and_back_unchanged(voted, adviser, home, client_for):
    voted = services.advance_phase(adviser, voted, BudgetVote.Phase.CLOSED)
    answer = client_for(adviser).get(reverse("budgets:export", args=[voted.pk]))
    text = answer.content.decode()
    assert answer["Content-Disposition"] == f'attachment; filename="budget-vote-{voted.pk}.pb"'
    original = panels.parse_pb(text)
    assert original == counting.election_of(voted)
    upload = SimpleUploadedFile("vote.pb", text.encode())
    answer = client_for(adviser).post(
        reverse("budgets:import", args=[home.pk]),
        {"file": upload, "counting_rule": "equal-shares"},
        follow=True,
    )
    assert "Imported 3 proposals and 5 ballots." in answer.content.decode()
    imported = BudgetVote.objects.exclude(pk=voted.pk).get()
    assert imported.phase == BudgetVote.Phase.CLOSED
    again = panels.parse_pb(counting.export_pb(adviser, imported))
    # Proposals get new numbers here; everything else is as it was.
    renumber = dict(
        zip((p.id for p in again.projects), (p.id for p in original.projects), strict=True)
    )
    assert [(p.cost, p.name) for p in again.projects] == [
        (p.cost, p.name) for p in original.projects
    ]
    assert [(b.voter_id, tuple(renumber[p] for p in b.projects)) for b in again.ballots] == [
        (b.voter_id, b.projects) for b in original.ballots
    ]
    renumbered = tuple(renumber[p] for p in counting.count_vote(imported).selected)
    assert renumbered == counting.count_vote(voted).selected


def test_the_pb_file_names_no_voter_by_any_number_or_name_kept_here(voted, adviser):
    voted = services.advance_phase(adviser, voted, BudgetVote.Phase.CLOSED)
    text = counting.export_pb(adviser, voted)
    ids = [b.voter_id for b in panels.parse_pb(text).ballots]
    ballots = list(voted.ballots.select_related("resident"))
    known = {str(n) for b in ballots for n in (b.pk, b.resident_id)}
    assert len(set(ids)) == len(ballots) and not set(ids) & known
    assert not any(b.resident.full_name in text for b in ballots)
    # Lines are in the ids' order, not the order the ballots were cast.
    assert ids == sorted(ids)
    assert panels.parse_pb(counting.export_pb(adviser, voted)).ballots == tuple(
        panels.parse_pb(text).ballots
    )


def test_a_malformed_pb_file_is_refused_with_the_cores_message(home, adviser, client_for):
    text = (
        "META\nkey;value\nbudget;1000\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;lots\n"
        "VOTES\nvoter_id;vote\na;1\n"
    )
    with pytest.raises(panels.PbFileError) as core:
        panels.parse_pb(text, path="bad.pb")
    answer = client_for(adviser).post(
        reverse("budgets:import", args=[home.pk]),
        {"file": SimpleUploadedFile("bad.pb", text.encode()), "counting_rule": "greedy"},
    )
    page = answer.content.decode()
    assert answer.status_code == 200
    assert str(core.value).startswith("bad.pb, line 7")
    assert escape(str(core.value)) in page
    assert not BudgetVote.objects.exists()


def test_a_ranked_pb_file_is_refused_in_plain_words(home, adviser, client_for):
    text = (
        "META\nkey;value\nbudget;1000\nvote_type;ordinal\nPROJECTS\nproject_id;cost\n1;600\n"
        "VOTES\nvoter_id;vote\na;1\n"
    )
    answer = client_for(adviser).post(
        reverse("budgets:import", args=[home.pk]),
        {"file": SimpleUploadedFile("ranked.pb", text.encode()), "counting_rule": "greedy"},
    )
    assert (
        "ranked.pb, section META: the vote_type is &quot;ordinal&quot;; the platform takes "
        "approval or scoring ballots only." in answer.content.decode()
    )
    assert not BudgetVote.objects.exists()


def test_a_scoring_vote_counts_the_points_given(home, make_vote, member, make_member):
    vote = make_vote(home, ballot_type="scoring", max_points=5, counting_rule="greedy")
    ids = proposal_ids(vote)
    services.cast_ballot(member.account, vote, member, {ids["Bulbs"]: 5, ids["Bins"]: 2})
    other = make_member(home, "Sam")
    services.cast_ballot(other.account, vote, other, {ids["Benches"]: 3})
    assert counting.election_of(vote).votes() == {
        ids["Benches"]: 3,
        ids["Bulbs"]: 5,
        ids["Bins"]: 2,
    }
    assert counting.count_vote(vote).selected == (ids["Bulbs"], ids["Bins"])


@pytest.mark.parametrize(
    ("language", "funded", "shares"),
    [
        ("pl", "Sfinansowano w rundzie 1", "Każdy z 5 głosujących miał udział w wysokości"),
        ("ur", "راؤنڈ 1 میں رقم دی گئی", "5 ووٹروں میں سے ہر ایک کا حصہ"),
    ],
)
def test_a_member_reads_why_each_proposal_won_or_lost_in_their_language(
    voted, adviser, client_for, language, funded, shares
):
    """The reasons come from the core (n4c.panels), which speaks the page's language."""
    member = voted.ballots.filter(method=Ballot.Method.ONLINE).first().resident.account
    voted = services.advance_phase(adviser, voted, BudgetVote.Phase.CLOSED)
    services.advance_phase(adviser, voted, BudgetVote.Phase.PUBLISHED)
    client = client_for(member)
    client.cookies["n4c_language"] = language
    page = client.get(reverse("budgets:results", args=[voted.pk])).content.decode()
    assert funded in page, page
    assert shares in page
    assert "Funded in round" not in page and "voters had a share" not in page
    with translation.override(None):
        english = panels.count(_by_hand(voted), rule="equal-shares")
    assert english.projects[0].reason.startswith(("Funded", "Not funded"))


def test_a_malformed_pb_file_is_refused_in_the_reader_s_language(home, adviser, client_for):
    text = (
        "META\nkey;value\nbudget;1000\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;lots\n"
        "VOTES\nvoter_id;vote\na;1\n"
    )
    client = client_for(adviser)
    client.cookies["n4c_language"] = "pl"
    page = client.post(
        reverse("budgets:import", args=[home.pk]),
        {"file": SimpleUploadedFile("bad.pb", text.encode()), "counting_rule": "greedy"},
    ).content.decode()
    assert (
        "bad.pb, linia 7, sekcja PROJECTS: koszt propozycji 1: musi to być liczba co najmniej 0, "
        "a nie „lots”." in page
    )
    assert not BudgetVote.objects.exists()


def test_a_polish_reader_s_amounts_group_thousands_with_a_space(
    home, make_vote, member, adviser, client_for
):
    """Figures inside the reasons and on the page are written the Polish way: £7 433."""
    vote = make_vote(
        home, phase=BudgetVote.Phase.PROPOSALS, budget_gbp=12000, counting_rule="greedy"
    )
    roof = services.add_proposal(adviser, vote, title="Hall roof", cost_gbp=7433)
    vote = services.advance_phase(adviser, vote, BudgetVote.Phase.VOTING)
    services.cast_ballot(member.account, vote, member, {roof.pk: 1})
    for phase in (BudgetVote.Phase.CLOSED, BudgetVote.Phase.PUBLISHED):
        vote = services.advance_phase(adviser, vote, phase)
    client = client_for(member.account)
    client.cookies["n4c_language"] = "pl"
    page = client.get(reverse("budgets:results", args=[vote.pk])).content.decode()
    assert "Sfinansowano: 1 głos; £7\xa0433 zmieściło się w pozostałych £12\xa0000." in page, page
    assert "7,433" not in page and "12,000" not in page
    with translation.override("en-gb"):
        english = counting.count_vote(vote)
    assert english.projects[-1].reason == "Funded: 1 vote; £7,433 fitted in the £12,000 left."
