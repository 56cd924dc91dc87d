"""The guided right to bid across the rights apps: the task list and letters, each case's own
events, withdrawing a mistaken event, met deadlines, and nominations members start and staff send."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from n4c import rights
from n4c.platform.assets.models import Asset
from n4c.platform.audit.models import AuditEvent
from n4c.platform.deadlines.services import area_calendar, upcoming_deadlines
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan
from n4c.platform.neighbourhood_planning.services import record_plan_stage
from n4c.platform.right_to_bid.forms import EventForm
from n4c.platform.right_to_bid.models import AssetCase, CaseEvent, Nomination
from n4c.platform.right_to_bid.services import case_deadlines, record_event, withdraw_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def pub(area):
    return Asset.objects.create(
        area=area,
        name="The Red Lion",
        kind="physical",
        postcode="M1 1AE",
        owner="Big Pub Co",
        status="listed",
    )


def _case(national, asset, events):
    case = AssetCase.objects.create(asset=asset, title="Sale", opened_on=dt.date(2025, 1, 1))
    for event, day in events.items():
        record_event(national, case, event=event, date=day)
    return case


def _days_ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


def test_the_task_list_page_follows_the_case_from_nomination_to_protected_period(
    client_for, national, pub
):
    events = {
        "nomination": _days_ago(400),
        "listing": _days_ago(350),
        "notice-of-disposal": _days_ago(30),
        "request-to-bid": _days_ago(20),
    }
    _case(national, pub, events)
    page = client_for(national).get(reverse("right_to_bid:journey", args=[pub.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    for title in (
        "Nominate the asset",
        "The council lists the asset",
        "The owner gives notice of disposal",
        "Interim moratorium",
        "Ask to be treated as a potential bidder",
        "Full moratorium",
        "Protected period",
    ):
        assert title in text
    engine = {d.rule_id: d.date for d in rights.case_deadlines(events)}
    for rule_id in ("acv.interim-moratorium", "acv.full-moratorium", "acv.protected-period"):
        assert f"Until {rights.long_date(engine[rule_id])}" in text
    assert f"By {rights.long_date(engine['acv.request-to-bid'])}" in text
    assert text.count(">Done<") == 4  # nomination, listing, notice, request
    assert text.count(">In progress<") == 3
    assert "Community nomination: The Red Lion" in text
    assert "Big Pub Co" in text


def test_the_letters_download_as_text_filled_from_the_asset(client_for, national, pub):
    client = client_for(national)
    nomination = client.get(reverse("right_to_bid:letter", args=[pub.pk, "nomination"]))
    assert nomination["Content-Type"] == "text/plain; charset=utf-8"
    assert "attachment" in nomination["Content-Disposition"]
    body = nomination.content.decode()
    assert "The Red Lion, M1 1AE." in body and "[TO ADD: the boundaries" in body
    request = client.get(reverse("right_to_bid:letter", args=[pub.pk, "request-to-bid"]))
    assert "[TO ADD: the date the council received the owner's notice]" in request.content.decode()
    missing = client.get(reverse("right_to_bid:letter", args=[pub.pk, "eviction"]))
    assert missing.status_code == 404


def test_a_right_to_bid_case_neither_offers_nor_accepts_neighbourhood_plan_stages(
    national, pub, area
):
    offered = {value for value, _ in EventForm().fields["event"].choices}
    assert "notice-of-disposal" in offered and "referendum-held" not in offered
    case = _case(national, pub, {})
    with pytest.raises(ValidationError, match="is a neighbourhood-plan stage, not an event"):
        record_event(national, case, event="referendum-held", date=dt.date(2026, 3, 1))
    plan = NeighbourhoodPlan.objects.create(area=area, title="Plan", opened_on=dt.date(2026, 1, 1))
    with pytest.raises(ValidationError, match="an event of a right-to-bid case"):
        record_plan_stage(national, plan, event="notice-of-disposal", date=dt.date(2026, 3, 1))


def test_a_case_page_refuses_a_plan_stage_and_shows_conditions_as_sentences(
    client_for, national, pub
):
    case = _case(national, pub, {"notice-of-disposal": dt.date(2026, 3, 2)})
    client = client_for(national)
    page = client.post(case.get_absolute_url(), {"event": "referendum-held", "date": "2026-03-05"})
    assert "from the list" in page.content.decode()
    assert not case.events.filter(event="referendum-held").exists()
    text = client.get(case.get_absolute_url()).content.decode()
    assert "if</span>" not in text
    assert "Only if a community interest group asks in writing to bid" in text


def test_a_withdrawn_event_is_kept_with_its_reason_and_no_longer_counts(
    client_for, national, pub, area
):
    case = _case(national, pub, {"notice-of-disposal": _days_ago(5)})
    mistake = case.events.get()
    assert upcoming_deadlines([case], start=timezone.localdate(), days=600)
    client = client_for(national)
    response = client.post(
        case.get_absolute_url(),
        {"action": "withdraw", "event_id": mistake.pk, "reason": "Typed on the wrong case."},
        follow=True,
    )
    assert "Event withdrawn" in response.content.decode()
    mistake.refresh_from_db()
    assert (
        mistake.withdrawn_at is not None and mistake.withdrawn_reason == "Typed on the wrong case."
    )
    audit = AuditEvent.objects.filter(model="right_to_bid.caseevent", object_id=str(mistake.pk))
    change = audit.get(action=AuditEvent.Action.CHANGED)
    assert change.after["withdrawn_reason"] == "Typed on the wrong case."
    assert change.before["withdrawn_reason"] == ""
    assert case_deadlines(case) == []
    assert upcoming_deadlines([case], start=timezone.localdate(), days=600) == []
    ics = area_calendar(area, [case], [], url=lambda path: path).decode()
    assert "VEVENT" not in ics
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Withdrawn</strong> Typed on the wrong case." in page
    # The right date can now be recorded in its place.
    record_event(national, case, event="notice-of-disposal", date=_days_ago(3))
    assert case.events.filter(withdrawn_at__isnull=True).count() == 1


def test_a_withdrawal_needs_a_reason_and_happens_once(national, pub):
    case = _case(national, pub, {"nomination": dt.date(2026, 1, 5)})
    event = case.events.get()
    with pytest.raises(ValidationError, match="Enter why the event is being withdrawn"):
        withdraw_event(national, case, event_id=event.pk, reason="  ")
    withdraw_event(national, case, event_id=event.pk, reason="Wrong date.")
    with pytest.raises(ValidationError, match="already been withdrawn"):
        withdraw_event(national, case, event_id=event.pk, reason="Again.")


def test_a_withdrawn_event_sends_no_reminder(national, pub, adviser):
    from n4c.platform.deadlines.reminders import send_deadline_reminders

    case = _case(national, pub, {"nomination": _days_ago(0)})
    withdraw_event(national, case, event_id=case.events.get().pk, reason="Not nominated yet.")
    report = send_deadline_reminders(today=_days_ago(0), lead_days=[56], dry_run=True)
    assert report.sent == 0


def test_a_met_deadline_shows_as_met_in_the_case_calendar_and_feed(client_for, national, pub, area):
    case = _case(
        national, pub, {"notice-of-disposal": _days_ago(10), "request-to-bid": _days_ago(5)}
    )
    met_on = rights.long_date(_days_ago(5))
    client = client_for(national)
    calendar = client.get(reverse("deadlines:calendar")).content.decode()
    row = calendar.split("Community interest group asks in writing")[1].split("</tr>")[0]
    assert f'tag-ok">Met on {met_on}.</strong>' in row
    assert f"Met on {met_on}." in client.get(case.get_absolute_url()).content.decode()
    asset_page = client.get(pub.get_absolute_url()).content.decode()
    step = asset_page.split("5. Ask to be treated as a potential bidder")[1].split("</li>")[0]
    assert f"Asked in writing on {met_on}." in step
    assert 'tag-ok">Met</strong>' in step and ">Done<" in step
    ics = area_calendar(area, [case], [], url=lambda path: path).decode().replace("\r\n ", "")
    assert "SUMMARY:Met: Community interest group asks" in ics
    assert "SUMMARY:Deadline: Community interest group asks" not in ics


def test_a_met_deadline_sends_no_reminder(national, pub, adviser):
    from n4c.platform.deadlines.reminders import send_deadline_reminders

    case = _case(
        national, pub, {"notice-of-disposal": _days_ago(7), "request-to-bid": _days_ago(1)}
    )
    request = next(d for d in case_deadlines(case) if d.rule_id == "acv.request-to-bid")
    ahead = (request.date - timezone.localdate()).days
    report = send_deadline_reminders(today=timezone.localdate(), lead_days=[ahead], dry_run=True)
    # The interim moratorium ends the same day and is still reminded; the met request is not.
    assert report.sent == 1


def test_the_rights_calendar_is_in_the_main_navigation_for_staff_only(
    client_for, national, resident_elsewhere, other_area
):
    link = f'href="{reverse("deadlines:calendar")}">Rights calendar'
    assert link in client_for(national).get(reverse("areas:list")).content.decode()
    member_page = client_for(resident_elsewhere).get(reverse("areas:list")).content.decode()
    assert link not in member_page


NOMINATION = {
    "asset_name": "The Old Library",
    "address": "3 Church Lane",
    "postcode": "M9 4DH",
    "description": "A library used for clubs.",
    "reasons": "Homework club and a lunch club meet here.",
    "nominator_name": "Friends of the Old Library",
    "nominator_body": "unincorporated-body",
    "registered_members": "23",
}


def test_a_member_starts_a_nomination_and_staff_check_and_send_it(
    client_for, national, resident_elsewhere, other_area
):
    member = client_for(resident_elsewhere)
    url = reverse("right_to_bid:nominate", args=[other_area.pk])
    area_page = member.get(other_area.get_absolute_url()).content.decode()
    assert f'href="{url}"' in area_page
    # The register is closed to members, so the form does not list its assets.
    assert 'name="asset"' not in member.get(url).content.decode()
    saved = member.post(url, NOMINATION, follow=True)
    assert "Staff will check it" in saved.content.decode()
    draft = Nomination.objects.get()
    assert draft.status == Nomination.Status.DRAFT and draft.started_by == resident_elsewhere
    assert member.get(draft.get_absolute_url()).status_code == 403
    assert member.get(reverse("right_to_bid:nominations")).status_code == 403

    staff = client_for(national)
    queue = staff.get(reverse("right_to_bid:nominations")).content.decode()
    assert "The Old Library" in queue
    changed = staff.post(
        draft.get_absolute_url(),
        {**NOMINATION, "action": "change", "boundaries": "The building and its garden."},
        follow=True,
    )
    assert "Nomination changed." in changed.content.decode()
    assert "The building and its garden." in changed.content.decode()
    sent_on = _days_ago(2)
    staff.post(draft.get_absolute_url(), {"action": "send", "sent_on": sent_on.isoformat()})
    draft.refresh_from_db()
    assert draft.status == Nomination.Status.SENT and draft.sent_on == sent_on
    assert draft.asset is not None and draft.asset.status == "nominated"
    event = CaseEvent.objects.get(case=draft.case)
    assert (event.event, event.date) == ("nomination", sent_on)
    decision = next(d for d in case_deadlines(draft.case) if d.rule_id == "acv.listing-decision")
    assert decision.date == rights.event_deadlines("nomination", sent_on)[0].date
    audited = AuditEvent.objects.filter(model="right_to_bid.nomination", object_id=str(draft.pk))
    assert audited.filter(action=AuditEvent.Action.CREATED).exists()
    assert audited.filter(action=AuditEvent.Action.CHANGED).count() == 2
    again = staff.post(
        draft.get_absolute_url(), {"action": "send", "sent_on": sent_on.isoformat()}, follow=True
    )
    assert "can no longer be changed" in again.content.decode()


def test_a_member_cannot_nominate_in_another_area(client_for, resident_elsewhere, area, national):
    member = client_for(resident_elsewhere)
    url = reverse("right_to_bid:nominate", args=[area.pk])
    assert member.get(url).status_code == 404
    assert member.post(url, NOMINATION).status_code == 404
    from n4c.platform.right_to_bid.nominations import start_nomination

    with pytest.raises(PermissionDenied):
        start_nomination(resident_elsewhere, area, NOMINATION)
    assert not Nomination.objects.exists()
