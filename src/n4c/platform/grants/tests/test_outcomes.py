"""Each decided applicant is e-mailed the decision once, after the announcement date."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from n4c.platform.audit.models import AuditEvent
from n4c.platform.grants import services
from n4c.platform.grants.models import Phase
from n4c.platform.grants.outcomes import send_outcomes
from n4c.platform.grants.tests.conftest import move_to
from n4c.platform.people.models import Profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(panel, adviser, make_application):
    awarded = make_application(contact_email="club@example.com")
    reduced = make_application(amount_gbp=1000, contact_email="reduced@example.com")
    waiting = make_application(contact_email="waiting@example.com")
    move_to(panel, Phase.DECIDING)
    services.decide(adviser, awarded, outcome="awarded", reasons="A strong case.")
    services.decide(adviser, reduced, outcome="reduced", awarded_gbp=400, reasons="Part only.")
    return awarded, reduced, waiting


def test_decisions_are_emailed_once_with_the_reasons(decided, panel, adviser, client_for):
    move_to(panel, Phase.ANNOUNCED)
    answer = client_for(adviser).post(reverse("grants:send_outcomes", args=[panel.pk]))
    assert answer.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["club@example.com", "reduced@example.com"]
    reduced = next(m for m in mail.outbox if m.to == ["reduced@example.com"])
    assert reduced.subject == "Home ward small grants 2027: the panel's decision"
    assert "The panel has awarded you £400, less than the £1,000 you asked for." in reduced.body
    assert "Part only." in reduced.body
    assert send_outcomes(adviser, panel) == 0  # nobody is told twice
    assert len(mail.outbox) == 2
    assert AuditEvent.objects.filter(model="grants.application", action="changed").count() == 4


def test_decisions_are_not_emailed_before_the_announcement(decided, panel, adviser):
    with pytest.raises(ValidationError, match="only be sent or published once they are announced"):
        send_outcomes(adviser, panel)
    assert mail.outbox == []


def test_only_staff_running_the_panel_send_the_decisions(decided, panel, panellist):
    move_to(panel, Phase.ANNOUNCED)
    with pytest.raises(PermissionDenied):
        send_outcomes(panellist, panel)
    assert mail.outbox == []


def test_an_applicant_who_chose_urdu_is_told_in_urdu_and_others_in_english(
    panel, adviser, applicant, make_application
):
    Profile.objects.filter(user=applicant).update(language="ur")
    theirs = make_application(contact_email="alex@example.com")
    entered = make_application(actor=adviser, contact_email="staff-entered@example.com")
    move_to(panel, Phase.DECIDING)
    for application in (theirs, entered):
        services.decide(adviser, application, outcome="declined", reasons="Not this time.")
    move_to(panel, Phase.ANNOUNCED)
    assert send_outcomes(adviser, panel) == 2
    urdu = next(m for m in mail.outbox if m.to == ["alex@example.com"])
    english = next(m for m in mail.outbox if m.to == ["staff-entered@example.com"])
    assert urdu.subject == "Home ward small grants 2027: پینل کا فیصلہ"
    assert "پینل نے اس درخواست کے لیے رقم نہ دینے کا فیصلہ کیا ہے۔" in urdu.body
    assert "Not this time." in urdu.body
    assert "The panel has decided not to fund this application." in english.body
