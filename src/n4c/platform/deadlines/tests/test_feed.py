"""The subscribable calendar feed: a secret address that works without signing in."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.test import Client
from django.urls import reverse

from n4c.platform.assets.models import Asset
from n4c.platform.deadlines.models import CalendarFeed
from n4c.platform.right_to_bid.models import AssetCase, CaseEvent

pytestmark = pytest.mark.django_db


def _case(area, event: str, date: dt.date) -> AssetCase:
    asset = Asset.objects.create(area=area, name="The Red Lion", kind="physical")
    case = AssetCase.objects.create(asset=asset, title="Sale", opened_on=date)
    CaseEvent.objects.create(case=case, event=event, date=date)
    return case


def _change(client, area, action: str):
    return client.post(reverse("deadlines:feed_change", args=[area.pk]), {"action": action})


def test_the_feed_address_works_without_a_session(client_for, adviser, area):
    _case(area, "notice-of-disposal", dt.date(2026, 3, 1))
    assert _change(client_for(adviser), area, "renew").status_code == 302
    feed = CalendarFeed.objects.get(area=area)
    assert len(feed.token) >= 40
    response = Client().get(feed.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert dt.date(2026, 4, 11) in {e.decoded("dtstart") for e in events}


def test_a_wrong_empty_or_other_areas_token_answers_404(client_for, national, area, other_area):
    client = client_for(national)
    _change(client, area, "renew")
    _change(client, other_area, "renew")
    token = CalendarFeed.objects.get(area=area).token
    anonymous = Client()
    for area_id, wrong in (
        (area.pk, token[:-1] + ("A" if token[-1] != "A" else "B")),
        (area.pk, "x"),
        (other_area.pk, token),
        (area.pk + other_area.pk + 1, token),
    ):
        url = reverse("deadlines:feed", args=[area_id, wrong])
        assert anonymous.get(url).status_code == 404, url


def test_a_new_address_stops_the_old_one_and_turning_off_stops_both(client_for, adviser, area):
    client = client_for(adviser)
    _change(client, area, "renew")
    old = CalendarFeed.objects.get(area=area).get_absolute_url()
    page = client.post(
        reverse("deadlines:feed_change", args=[area.pk]), {"action": "renew"}, follow=True
    ).content.decode()
    assert "Any earlier address no longer works." in page
    new = CalendarFeed.objects.get(area=area).get_absolute_url()
    assert new != old
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200
    _change(client, area, "stop")
    assert not CalendarFeed.objects.filter(area=area).exists()
    assert Client().get(new).status_code == 404


def test_only_those_who_may_change_the_area_manage_its_feed(
    client_for, specialist, resident_elsewhere, area
):
    assert _change(client_for(specialist), area, "renew").status_code == 403
    assert _change(client_for(resident_elsewhere), area, "renew").status_code == 403
    assert not CalendarFeed.objects.exists()


def test_the_register_shows_the_address_to_viewers_and_the_buttons_to_editors(
    client_for, national, specialist, area
):
    _change(client_for(national), area, "renew")
    feed = CalendarFeed.objects.get(area=area)
    register = reverse("assets:register", args=[area.pk])
    seen = client_for(specialist).get(register).content.decode()
    assert f"http://testserver{feed.get_absolute_url()}" in seen
    assert "Make a new address" not in seen
    edited = client_for(national).get(register).content.decode()
    assert "Make a new address (the old one stops working)" in edited
    assert "Turn the calendar address off" in edited
