"""The budget votes' API: members read their own area's votes and send their own ballot once;
the refusals come in the API's one error shape, with the ballot page's sentences."""

from __future__ import annotations

import pytest

from n4c.platform.budgets.models import Ballot, BudgetVote
from n4c.platform.budgets.tests.conftest import proposal_ids

pytestmark = pytest.mark.django_db


def _ballot(client, vote, points):
    return client.post(
        f"/api/budgets/{vote.pk}/ballot", {"points": points}, content_type="application/json"
    )


def test_a_member_lists_and_reads_their_areas_votes(vote, member, client_for):
    client = client_for(member.account)
    listed = client.get(f"/api/budgets/area/{vote.area_id}").json()
    assert [(v["id"], v["phase"]) for v in listed] == [(vote.pk, "voting")]
    read = client.get(f"/api/budgets/{vote.pk}").json()
    assert [p["title"] for p in read["proposals"]] == ["Benches", "Bulbs", "Bins"]
    assert read["voted"] is False
    assert read["results"] is None


def test_a_member_sends_their_ballot_once(vote, member, client_for):
    client = client_for(member.account)
    ids = proposal_ids(vote)
    answer = _ballot(client, vote, {ids["Bins"]: 1})
    assert answer.status_code == 201
    assert answer.json()["points"] == {ids["Bins"]: 1}
    again = _ballot(client, vote, {ids["Bulbs"]: 1})
    assert again.status_code == 422
    assert again.json() == {
        "detail": [
            {
                "loc": ["body"],
                "msg": "Jo Bloggs has already voted in this vote online. Each resident votes once.",
                "type": "already_voted",
            }
        ]
    }
    assert Ballot.objects.get(vote=vote, resident=member).points == {ids["Bins"]: 1}
    assert client.get(f"/api/budgets/{vote.pk}").json()["voted"] is True


def test_a_ballot_breaking_the_rules_is_refused_with_the_reason(vote, member, client_for):
    answer = _ballot(client_for(member.account), vote, {})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["msg"] == "Choose at least one proposal."


def test_a_member_cannot_read_or_vote_in_another_areas_vote(far, make_vote, member, client_for):
    elsewhere = make_vote(far)
    client = client_for(member.account)
    assert client.get(f"/api/budgets/area/{far.pk}").status_code == 404
    assert client.get(f"/api/budgets/{elsewhere.pk}").status_code == 404
    answer = _ballot(client, elsewhere, {proposal_ids(elsewhere)["Bins"]: 1})
    assert answer.status_code == 404
    assert answer.json()["detail"][0]["type"] == "not_found"
    assert not elsewhere.ballots.exists()


def test_staff_cannot_vote_as_a_resident(vote, national, client_for):
    answer = _ballot(client_for(national), vote, {proposal_ids(vote)["Bins"]: 1})
    assert answer.status_code == 403
    assert answer.json()["detail"] == [
        {
            "loc": [],
            "msg": "Only members of Home ward's partnership can vote here.",
            "type": "permission_denied",
        }
    ]


def test_results_show_once_published_to_members(home, make_vote, member, national, client_for):
    closed = make_vote(home, phase=BudgetVote.Phase.CLOSED)
    client = client_for(member.account)
    assert client.get(f"/api/budgets/{closed.pk}").json()["results"] is None
    staff_view = client_for(national).get(f"/api/budgets/{closed.pk}").json()
    assert staff_view["results"]["rule"] == closed.counting_rule
    published = make_vote(home, phase=BudgetVote.Phase.PUBLISHED)
    results = client.get(f"/api/budgets/{published.pk}").json()["results"]
    assert {r["title"] for r in results["proposals"]} == {"Benches", "Bulbs", "Bins"}
    assert all(r["reason"] for r in results["proposals"])


def test_signed_out_is_answered_401(vote, client):
    answer = client.get(f"/api/budgets/{vote.pk}")
    assert answer.status_code == 401
    assert answer.json()["detail"][0]["type"] == "not_authenticated"
