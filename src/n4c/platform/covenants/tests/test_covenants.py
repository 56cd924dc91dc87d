"""Community covenants through the API and the pages: who records and who reads, when a
commitment is late, and what the audit log keeps."""

from __future__ import annotations

import datetime as dt

import pytest

from n4c.platform.audit.models import AuditEvent
from n4c.platform.covenants.models import Commitment
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


def _post(client, url, data):
    return client.post(url, data=data, content_type="application/json")


def _sign(client, area, organisation="Blackpool Council", sector="council"):
    return _post(
        client,
        f"/api/covenants/{area.pk}/signatories",
        {
            "organisation": organisation,
            "sector": sector,
            "signed_by": "Sam Khan, Chief Executive",
            "signed_on": "2026-04-01",
        },
    )


def test_an_adviser_records_signatures_commitments_and_reviews(adviser, home, client_for):
    client = client_for(adviser)
    signed = _sign(client, home)
    assert signed.status_code == 201
    signatory_id = signed.json()["id"]
    made = _post(
        client,
        f"/api/covenants/{home.pk}/signatories/{signatory_id}/commitments",
        {"description": "Reopen the library two days a week", "due_on": "2026-09-30"},
    )
    assert made.status_code == 201
    assert made.json()["status"] == "open"
    review = _post(
        client,
        f"/api/covenants/{home.pk}/signatories/{signatory_id}/review-points",
        {"review_on": "2099-03-01", "note": "Library hours"},
    )
    assert review.status_code == 201
    kept = client.patch(
        f"/api/covenants/{home.pk}/commitments/{made.json()['id']}",
        data={"status": "kept", "kept_on": "2026-09-01"},
        content_type="application/json",
    )
    assert kept.json()["state"] == "kept"

    covenant = client.get(f"/api/covenants/{home.pk}").json()
    assert [s["organisation"] for s in covenant["signatories"]] == ["Blackpool Council"]
    assert covenant["upcoming_reviews"] == [
        {
            "signatory_id": signatory_id,
            "organisation": "Blackpool Council",
            "review_on": "2099-03-01",
            "note": "Library hours",
        }
    ]
    models = AuditEvent.objects.filter(actor=adviser).values_list("model", "action")
    assert ("covenants.signatory", "created") in models
    assert ("covenants.commitment", "created") in models
    assert ("covenants.commitment", "changed") in models
    assert ("covenants.reviewpoint", "created") in models


def test_an_open_commitment_is_late_only_after_its_due_date():
    commitment = Commitment(description="Fix the lights", due_on=dt.date(2026, 6, 30))
    assert commitment.state_on(dt.date(2026, 6, 30)) == Commitment.State.DUE
    assert commitment.state_on(dt.date(2026, 7, 1)) == Commitment.State.LATE
    commitment.status = Commitment.Status.KEPT
    assert commitment.state_on(dt.date(2026, 7, 1)) == Commitment.State.KEPT
    commitment.status = Commitment.Status.DROPPED
    assert commitment.state_on(dt.date(2026, 7, 1)) == Commitment.State.DROPPED


def test_the_api_says_late_for_an_open_commitment_past_its_date(adviser, home, client_for):
    client = client_for(adviser)
    signatory_id = _sign(client, home).json()["id"]
    _post(
        client,
        f"/api/covenants/{home.pk}/signatories/{signatory_id}/commitments",
        {"description": "Survey the flats", "due_on": "2020-01-31"},
    )
    [commitment] = client.get(f"/api/covenants/{home.pk}").json()["signatories"][0]["commitments"]
    assert (commitment["status"], commitment["state"]) == ("open", "late")


def test_kept_needs_its_date_in_the_projects_error_shape(adviser, home, client_for):
    client = client_for(adviser)
    signatory_id = _sign(client, home).json()["id"]
    made = _post(
        client,
        f"/api/covenants/{home.pk}/signatories/{signatory_id}/commitments",
        {"description": "Survey the flats", "due_on": "2026-01-31"},
    ).json()
    answer = client.patch(
        f"/api/covenants/{home.pk}/commitments/{made['id']}",
        data={"status": "kept"},
        content_type="application/json",
    )
    assert answer.status_code == 422
    assert answer.json() == {
        "detail": [
            {
                "loc": ["body", "kept_on"],
                "msg": "Enter the date the commitment was kept.",
                "type": "invalid",
            }
        ]
    }


def test_the_same_organisation_signs_once(adviser, home, client_for):
    client = client_for(adviser)
    _sign(client, home)
    again = _sign(client, home, organisation="blackpool council ")
    assert again.status_code == 422
    assert again.json()["detail"][0]["msg"] == (
        "blackpool council has already signed this plan; add to its commitments."
    )


def test_only_those_who_may_change_the_area_record(home, far, adviser, make_person, client_for):
    """A specialist, a member and an adviser elsewhere read but cannot sign; far is unseen."""
    specialist = make_person(Role.SPECIALIST)
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    for reader in (specialist, member):
        client = client_for(reader)
        assert client.get(f"/api/covenants/{home.pk}").status_code == 200
        refused = _sign(client, home)
        assert refused.status_code == 403
        assert refused.json()["detail"][0]["type"] == "permission_denied"
    assert client_for(member).get(f"/api/covenants/{far.pk}").status_code == 404
    assert _sign(client_for(adviser), far).status_code == 403


def test_the_form_shows_each_fields_error(adviser, home, client_for):
    page = client_for(adviser).post(f"/covenants/{home.pk}/sign/", {"sector": "council"})
    assert page.status_code == 400
    text = page.content.decode()
    assert "Enter the organisation, like Blackpool Council." in text
    assert "Enter the name and job title of the person who signed." in text
    assert "Enter the date, like 27 3 2027." in text


def test_the_covenant_shows_on_the_plan_and_area_pages(adviser, home, client_for, make_person):
    client = client_for(adviser)
    signatory_id = _sign(client, home, "Lancashire Police", "police").json()["id"]
    client.post(
        f"/covenants/{home.pk}/signatories/{signatory_id}/commitments/",
        {
            f"c{signatory_id}-description": "Walk the estate weekly",
            f"c{signatory_id}-due_on": "2020-05-01",
        },
    )
    client.post(
        f"/covenants/{home.pk}/signatories/{signatory_id}/reviews/",
        {f"r{signatory_id}-review_on": "2099-05-01", f"r{signatory_id}-note": "Patrols"},
    )
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    reader = client_for(member)
    plan = reader.get(f"/plans/{home.pk}/").content.decode()
    assert "Walk the estate weekly" in plan and "Late" in plan
    area = reader.get(f"/areas/{home.pk}/").content.decode()
    assert "Signed by Lancashire Police (police)." in area
    assert "Of 1 commitment: 0 kept, 1 late, 0 not yet due, 0 dropped." in area
    assert "1 May 2099: Lancashire Police, Patrols" in area


def test_the_demo_covenant_has_three_partners_and_is_made_once(home, national):
    from n4c.platform.covenants.demo import seed
    from n4c.platform.covenants.services import summarise

    today = dt.date(2026, 11, 1)
    assert seed([home], national, today) == "3 covenant signatures"
    assert seed([home], national, today) == "3 covenant signatures"
    covenant = summarise(home, today)
    assert [s.sector for s in covenant.signatories] == ["council", "health", "police"]
    assert (covenant.tally.kept, covenant.tally.late, covenant.tally.due) == (1, 1, 2)
    assert len(covenant.reviews) == 3


def test_kept_without_a_date_is_refused_beside_the_commitment(adviser, home, client_for):
    client = client_for(adviser)
    signatory_id = _sign(client, home).json()["id"]
    made = _post(
        client,
        f"/api/covenants/{home.pk}/signatories/{signatory_id}/commitments",
        {"description": "Survey the flats", "due_on": "2026-01-31"},
    ).json()
    page = client.post(f"/covenants/{home.pk}/commitments/{made['id']}/status/", {"status": "kept"})
    assert page.status_code == 400
    assert "Enter the date the commitment was kept." in page.content.decode()
    assert Commitment.objects.get().status == Commitment.Status.OPEN
