"""Partners and referrals through the JSON API and pages: rules both ways, outcomes required."""

from __future__ import annotations

import datetime as dt

import pytest

from n4c.platform.audit.models import AuditEvent
from n4c.platform.people.models import Role
from n4c.platform.referrals.models import Partner, Referral

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(db):
    return Partner.objects.create(name="Plunkett UK", specialism="community_ownership")


def _json(client, method, url, data):
    return getattr(client, method)(url, data=data, content_type="application/json")


def test_a_community_worker_refers_their_area_and_records_the_outcome(
    worker, home, partner, client_for
):
    client = client_for(worker)
    made = _json(
        client,
        "post",
        "/api/referrals/",
        {
            "area_id": home.pk,
            "partner_id": partner.pk,
            "need": "Buy the pub",
            "referred_on": "2026-03-02",
        },
    )
    assert made.status_code == 201
    assert made.json()["status"] == "requested"
    url = f"/api/referrals/{made.json()['id']}"
    closed = _json(
        client,
        "patch",
        url,
        {"status": "completed", "outcome": "Share offer launched.", "closed_on": "2026-09-01"},
    )
    assert closed.status_code == 200
    assert closed.json()["outcome"] == "Share offer launched."
    assert AuditEvent.objects.filter(model="referrals.referral", actor=worker).count() == 2


def test_closing_a_referral_needs_its_outcome(worker, home, partner, client_for):
    referral = Referral.objects.create(
        area=home, partner=partner, need="Legal help", referred_on=dt.date(2026, 3, 2)
    )
    response = _json(
        client_for(worker),
        "patch",
        f"/api/referrals/{referral.pk}",
        {"status": "declined", "closed_on": "2026-04-01"},
    )
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "outcome"],
            "msg": "Enter the outcome: what came of the referral, in a sentence or two.",
            "type": "invalid",
        }
    ]


def test_a_community_worker_cannot_refer_another_area(worker, far, partner, client_for):
    response = _json(
        client_for(worker),
        "post",
        "/api/referrals/",
        {"area_id": far.pk, "partner_id": partner.pk, "need": "x", "referred_on": "2026-03-02"},
    )
    assert response.status_code == 403
    assert not Referral.objects.exists()


def test_a_partnership_member_sees_no_referrals_nor_partners(
    make_person, home, far, partner, client_for
):
    for area in (home, far):
        Referral.objects.create(
            area=area, partner=partner, need="x", referred_on=dt.date(2026, 1, 5)
        )
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    client = client_for(member)
    # Referrals name the area's needs and partners: work for the Network's staff.
    assert client.get("/api/referrals/").status_code == 403
    assert client.get(f"/referrals/area/{home.pk}/").status_code == 403
    assert client.get("/api/referrals/partners").status_code == 403
    assert client.get("/referrals/partners/").status_code == 403


def test_only_the_national_team_and_hub_leads_add_partners(national, worker, client_for):
    body = {"name": "Locality", "specialism": "community_ownership"}
    refused = _json(client_for(worker), "post", "/api/referrals/partners", body)
    assert refused.status_code == 403
    assert (
        refused.json()["detail"][0]["msg"]
        == "Only the national team and hub leads can add partners."
    )
    assert _json(client_for(national), "post", "/api/referrals/partners", body).status_code == 201


def test_the_area_page_makes_a_referral_and_lists_it(worker, home, partner, client_for):
    client = client_for(worker)
    response = client.post(
        f"/referrals/area/{home.pk}/",
        {
            "partner": partner.pk,
            "need": "A business plan for the café",
            "referred_on": "2026-05-01",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/referrals/area/{home.pk}/").content.decode()
    assert "A business plan for the café" in page
    assert "Plunkett UK" in page


def test_the_area_page_form_says_what_is_missing(worker, home, partner, client_for):
    response = client_for(worker).post(
        f"/referrals/area/{home.pk}/", {"partner": partner.pk, "referred_on": "2026-05-01"}
    )
    assert response.status_code == 400
    assert "Enter what the area needs help with." in response.content.decode()


def test_a_hub_lead_adds_partners_for_their_own_region_only(
    region, other_region, make_person, client_for
):
    client = client_for(make_person(Role.HUB_LEAD, region))
    refusal = (
        "A hub lead adds partners for their own region only; ask the national team to add one "
        "for another region or for all of England."
    )
    for region_id in (other_region.pk, None):
        body = {"name": "Far help", "specialism": "legal", "region_id": region_id}
        refused = _json(client, "post", "/api/referrals/partners", body)
        assert refused.status_code == 403
        assert refused.json()["detail"][0]["msg"] == refusal
    page = client.post(
        "/referrals/partners/",
        {"name": "Far help", "specialism": "legal", "region": other_region.pk},
    )
    assert page.status_code == 400
    assert "Choose your own region." in page.content.decode()
    assert not Partner.objects.exists()
    body = {"name": "Near help", "specialism": "legal", "region_id": region.pk}
    assert _json(client, "post", "/api/referrals/partners", body).status_code == 201
    page = client.post(
        "/referrals/partners/", {"name": "Nearer help", "specialism": "legal", "region": region.pk}
    )
    assert page.status_code == 302
    assert sorted(Partner.objects.values_list("name", flat=True)) == ["Near help", "Nearer help"]


def test_the_national_team_adds_partners_anywhere(national, other_region, client_for):
    client = client_for(national)
    for name, region_id in (("Far help", other_region.pk), ("Everywhere help", None)):
        body = {"name": name, "specialism": "legal", "region_id": region_id}
        assert _json(client, "post", "/api/referrals/partners", body).status_code == 201
