"""The grant pages, both ways: each person does what their part allows, and no more."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from n4c.platform.audit.models import AuditEvent
from n4c.platform.grants import services
from n4c.platform.grants.models import Application, Panel, Phase
from n4c.platform.grants.tests.conftest import application_fields, move_to

pytestmark = pytest.mark.django_db


def _form(**changes) -> dict:
    return application_fields(**changes) | {"consent_given": "on"}


def test_a_member_applies_on_the_page_and_reads_their_application(panel, applicant, client_for):
    client = client_for(applicant)
    page = client.get(reverse("grants:panel", args=[panel.pk])).content.decode()
    assert "Open for applications" in page and reverse("grants:apply", args=[panel.pk]) in page
    answer = client.post(reverse("grants:apply", args=[panel.pk]), _form())
    application = Application.objects.get()
    assert answer.status_code == 302 and answer.url == application.get_absolute_url()
    page = client.get(answer.url).content.decode()
    assert "alex@example.com" in page
    assert "40 hours at £12.21 an hour: £488.40" in page
    assert "<dt>Total match funding</dt><dd>£938.40</dd>" in page


def test_the_application_form_shows_the_services_refusal(panel, applicant, client_for):
    answer = client_for(applicant).post(
        reverse("grants:apply", args=[panel.pk]), _form(amount_gbp=10)
    )
    assert answer.status_code == 400
    assert "Ask for between £250 and £2,500." in answer.content.decode()


def test_a_member_of_another_area_cannot_see_or_apply_to_the_panel(
    panel, far, make_member, client_for
):
    client = client_for(make_member(far, name="Far Resident"))
    assert client.get(reverse("grants:panel", args=[panel.pk])).status_code == 404
    assert client.post(reverse("grants:apply", args=[panel.pk]), _form()).status_code == 404
    assert not Application.objects.exists()


def test_a_member_cannot_add_a_panel_or_seat_anyone(home, panel, applicant, client_for, national):
    client = client_for(applicant)
    assert client.post(reverse("grants:area", args=[home.pk]), {"name": "Mine"}).status_code == 403
    answer = client.post(reverse("grants:add_seat", args=[panel.pk]), {"person": national.pk})
    assert answer.status_code == 403
    assert Panel.objects.count() == 1 and not panel.memberships.exists()


def _panel_form(**changes) -> dict:
    return {
        "name": "Spring grants",
        "capital_budget_gbp": 1000,
        "revenue_budget_gbp": 1000,
        "min_grant_gbp": 100,
        "max_grant_gbp": 500,
        "who_may_apply": "both",
        "what_may_be_funded": "Anything that helps",
        "criteria": "Benefit",
        "volunteer_hour_rate_gbp": "12.21",
        "opens_on": "2027-04-01",
        "assessment_from": "2027-05-01",
        "decision_from": "2027-06-01",
        "announce_on": "2027-06-15",
    } | changes


def test_staff_take_a_panels_budget_from_an_allocation_file(home, adviser, client_for):
    document = {
        "fund": {"name": "Demo fund"},
        "areas": [
            {
                "area_code": home.ward17_codes[0],
                "area_name": home.name,
                "capital_gbp": 12_000,
                "revenue_gbp": 8_000,
            }
        ],
    }
    upload = SimpleUploadedFile("allocation.json", json.dumps(document).encode())
    form = _panel_form(capital_budget_gbp="", revenue_budget_gbp="", allocation=upload)
    answer = client_for(adviser).post(reverse("grants:area", args=[home.pk]), form)
    assert answer.status_code == 302
    panel = Panel.objects.get()
    assert (panel.capital_budget_gbp, panel.revenue_budget_gbp, panel.budget_source) == (
        12_000,
        8_000,
        "Allocated by Demo fund",
    )
    missing = client_for(adviser).post(
        reverse("grants:area", args=[home.pk]), _panel_form(capital_budget_gbp="")
    )
    assert missing.status_code == 400
    assert "Enter the budget in whole pounds, or choose an allocation." in missing.content.decode()


def test_staff_add_a_panel_and_seat_a_partnership_member(home, adviser, applicant, client_for):
    client = client_for(adviser)
    answer = client.post(reverse("grants:area", args=[home.pk]), _panel_form())
    panel = Panel.objects.get(name="Spring grants")
    assert answer.status_code == 302
    answer = client.post(reverse("grants:add_seat", args=[panel.pk]), {"person": applicant.pk})
    assert answer.status_code == 302 and panel.memberships.get().person == applicant
    assert AuditEvent.objects.filter(model="grants.panelmember", action="created").exists()


def test_a_conflicted_panel_member_is_refused_scoring_on_the_page(
    make_application, panel, panellist, client_for
):
    application = make_application()
    move_to(panel, Phase.ASSESSING)
    client = client_for(panellist)
    declared = client.post(
        reverse("grants:declare", args=[application.pk]),
        {"conflicted": "yes", "details": "I run this club."},
    )
    assert declared.status_code == 302
    page = client.get(reverse("grants:application", args=[application.pk])).content.decode()
    assert "I run this club. (cannot score, vote or decide)" in page
    assert reverse("grants:score", args=[application.pk]) not in page
    answer = client.post(
        reverse("grants:score", args=[application.pk]), {"criterion_0": "5", "criterion_1": "5"}
    )
    assert answer.status_code == 403


def test_someone_not_on_the_panel_cannot_declare_or_score(
    make_application, panel, make_member, client_for
):
    application = make_application()
    move_to(panel, Phase.ASSESSING)
    client = client_for(make_member(name="Nosy Neighbour"))
    assert client.get(reverse("grants:application", args=[application.pk])).status_code == 404
    answer = client.post(reverse("grants:declare", args=[application.pk]), {"conflicted": "no"})
    assert answer.status_code == 404


def test_panel_members_lose_sight_of_the_applicants_email_once_decided(
    make_application, panel, panellist, adviser, client_for
):
    application = make_application(applicant_kind="individual", organisation_name="")
    url = reverse("grants:application", args=[application.pk])
    assert "alex@example.com" in client_for(panellist).get(url).content.decode()
    move_to(panel, Phase.DECIDING)
    answer = client_for(adviser).post(
        reverse("grants:decide", args=[application.pk]),
        {"outcome": "declined", "reasons": "Another grant covers this."},
    )
    assert answer.status_code == 302
    page = client_for(panellist).get(url).content.decode()
    assert "alex@example.com" not in page and "Alex Applicant" not in page
    panel_page = client_for(panellist).get(reverse("grants:panel", args=[panel.pk]))
    assert "Alex Applicant" not in panel_page.content.decode()
    assert "alex@example.com" in client_for(adviser).get(url).content.decode()


def test_a_panel_member_scores_and_votes_on_the_page(
    make_application, panel, panellist, client_for
):
    application = make_application()
    move_to(panel, Phase.ASSESSING)
    client = client_for(panellist)
    client.post(reverse("grants:declare", args=[application.pk]), {"conflicted": "no"})
    answer = client.post(
        reverse("grants:score", args=[application.pk]), {"criterion_0": "4", "criterion_1": "2"}
    )
    assert answer.status_code == 302
    assert services.score_summary(application) == {
        "Benefit to the area": 4.0,
        "Value for money": 2.0,
    }
    early = client.post(reverse("grants:vote", args=[application.pk]), {"choice": "award"})
    assert early.status_code == 400
    assert "Votes and decisions can only be recorded while the panel is deciding." in (
        early.content.decode()
    )
    move_to(panel, Phase.DECIDING)
    answer = client.post(reverse("grants:vote", args=[application.pk]), {"choice": "award"})
    assert answer.status_code == 302
    page = client.get(answer.url).content.decode()
    assert "<dt>Award in full</dt><dd>1</dd>" in page
    assert "<dt>Benefit to the area</dt><dd>4.0 out of 5</dd>" in page


@pytest.mark.parametrize("phase", list(Phase))
def test_each_page_shows_the_phase_to_staff_and_panel_members(
    phase, home, make_application, panel, panellist, adviser, client_for
):
    application = make_application()
    move_to(panel, phase)
    for person in (adviser, panellist):
        client = client_for(person)
        page = client.get(reverse("grants:panel", args=[panel.pk])).content.decode()
        assert phase.label in page
        assert client.get(reverse("grants:application", args=[application.pk])).status_code == 200
        assert client.get(reverse("grants:area", args=[home.pk])).status_code == 200
    announced = phase == Phase.ANNOUNCED
    page = client_for(adviser).get(reverse("grants:panel", args=[panel.pk])).content.decode()
    assert (reverse("grants:published", args=[panel.pk]) in page) == announced
