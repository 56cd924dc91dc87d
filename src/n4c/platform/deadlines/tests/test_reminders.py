"""Reminders: e-mailed at each lead time to the area's staff and the case contact, never twice."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from n4c.platform.assets.models import Asset
from n4c.platform.deadlines.models import ReminderSent
from n4c.platform.people.models import Profile
from n4c.platform.right_to_bid.models import AssetCase, CaseEvent

pytestmark = pytest.mark.django_db

NOMINATION = dt.date(2026, 1, 5)  # the listing decision is due on 1 March 2026


@pytest.fixture
def case(area, adviser):
    asset = Asset.objects.create(area=area, name="The Red Lion", kind="physical", postcode="M1 1AE")
    case = AssetCase.objects.create(
        asset=asset, title="Nomination", opened_on=NOMINATION, contact_email="group@example.org"
    )
    CaseEvent.objects.create(case=case, event="nomination", date=NOMINATION)
    return case


def _run(*args: str) -> str:
    out = StringIO()
    call_command("send_deadline_reminders", *args, stdout=out)
    return out.getvalue()


def test_a_reminder_goes_out_at_the_lead_time_to_staff_and_contact(case):
    output = _run("--today", "2026-02-22", "--lead-days", "7")
    assert output.strip() == (
        "Checked 1 open cases: sent 1 reminders, 0 already sent, 0 with nobody to tell."
    )
    (message,) = mail.outbox
    assert message.to == ["adviser@example.org", "group@example.org"]
    assert (
        message.subject
        == "Council decides whether to list the nominated land in 7 days: The Red Lion"
    )
    assert "Sunday 01 March 2026" in message.body and "SI 2012/2421 reg 7" in message.body


def test_running_again_sends_nothing_twice(case):
    _run("--today", "2026-02-22", "--lead-days", "7")
    output = _run("--today", "2026-02-22", "--lead-days", "7")
    assert "sent 0 reminders, 1 already sent" in output
    assert len(mail.outbox) == 1
    assert ReminderSent.objects.get().lead_days == 7


def test_no_reminder_on_other_days_or_for_closed_cases(case):
    assert "sent 0 reminders" in _run("--today", "2026-02-21", "--lead-days", "7")
    case.closed_on = dt.date(2026, 2, 1)
    case.save()
    assert "Checked 0 open cases" in _run("--today", "2026-02-22", "--lead-days", "7")
    assert mail.outbox == []


def test_lead_times_come_from_the_setting(case, monkeypatch):
    monkeypatch.setenv("N4C_REMINDER_LEAD_DAYS", "3,1")
    assert "sent 1 reminders" in _run("--today", "2026-02-26")
    monkeypatch.setenv("N4C_REMINDER_LEAD_DAYS", "three")
    with pytest.raises(CommandError, match="Lead days must be whole numbers"):
        _run("--today", "2026-02-26")


def test_a_dry_run_counts_without_sending(case):
    assert _run("--today", "2026-02-22", "--lead-days", "7", "--dry-run").startswith("Dry run: ")
    assert mail.outbox == [] and ReminderSent.objects.count() == 0


def test_a_recipient_who_chose_a_language_reads_the_reminder_in_it(case, adviser):
    Profile.objects.filter(user=adviser).update(language="pl")
    _run("--today", "2026-02-22", "--lead-days", "7")
    polish, english = sorted(mail.outbox, key=lambda m: m.to)
    assert polish.to == ["adviser@example.org"] and english.to == ["group@example.org"]
    assert polish.subject.endswith(" za 7 dni: The Red Lion")
    assert "Obiekt: The Red Lion" in polish.body and "01 marca 2026 (za 7 dni)" in polish.body
    assert english.subject.endswith(" in 7 days: The Red Lion")
    assert ReminderSent.objects.get().recipients == 2


def test_the_rules_words_in_a_reminder_follow_the_recipients_language(case, adviser):
    Profile.objects.filter(user=adviser).update(language="pl")
    _run("--today", "2026-02-22", "--lead-days", "7")
    polish, english = sorted(mail.outbox, key=lambda m: m.to)
    title = "Rada decyduje, czy wpisać zgłoszony teren na listę"
    assert polish.subject.startswith(title) and title in polish.body
    assert "8 tygodni licząc od 2026-01-05 (wliczając ten dzień)" in polish.body
    assert "SI 2012/2421 reg 7" in polish.body
    assert english.subject.startswith("Council decides whether to list the nominated land")
    assert "8 weeks beginning with 2026-01-05" in english.body
