"""The deadline pages: the calendar across areas, an area's .ics, and who may see them."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.conf import settings
from django.urls import reverse

from n4c.platform.right_to_bid.tests.test_pages import case_with_events

pytestmark = pytest.mark.django_db


def test_the_calendar_lists_deadlines_per_region(client_for, national, area, other_area):
    today = dt.date.today()
    case_with_events(area, {"nomination": today})
    case_with_events(other_area, {"listing-notice": today})
    client = client_for(national)
    everything = client.get(reverse("deadlines:calendar")).content.decode()
    assert (
        "Council decides whether to list" in everything
        and "Owner asks the council to review" in everything
    )
    north_east = client.get(reverse("deadlines:calendar"), {"region": "E12000001"}).content.decode()
    assert "Owner asks the council to review" in north_east
    assert "Council decides whether to list" not in north_east


def test_the_area_feed_is_icalendar_with_one_event_per_date(client_for, national, area, other_area):
    case_with_events(area, {"notice-of-disposal": dt.date(2026, 3, 1)})
    case_with_events(other_area, {"nomination": dt.date(2026, 3, 1)})
    response = client_for(national).get(reverse("deadlines:ics", args=[area.pk]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(e.decoded("dtstart") for e in events) == [
        dt.date(2026, 4, 11),
        dt.date(2026, 4, 11),
        dt.date(2026, 8, 31),
        dt.date(2027, 8, 31),
    ]
    assert all("The Red Lion" in str(e["summary"]) for e in events)


def test_another_areas_resident_is_refused_everywhere(client_for, resident_elsewhere, area):
    case = case_with_events(area, {"nomination": dt.date(2026, 3, 1)})
    client = client_for(resident_elsewhere)
    for url in (
        reverse("assets:register", args=[area.pk]),
        reverse("assets:export", args=[area.pk]),
        reverse("deadlines:ics", args=[area.pk]),
        case.get_absolute_url(),
        case.asset.get_absolute_url(),
    ):
        assert client.get(url).status_code == 403, url


def test_the_calendar_in_polish_gives_the_deadline_titles_in_polish(client_for, national, area):
    case_with_events(area, {"notice-of-disposal": dt.date.today()})
    client = client_for(national)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pl"
    page = client.get(reverse("deadlines:calendar")).content.decode()
    assert "Koniec tymczasowego moratorium" in page
    assert "Interim moratorium ends" not in page
    assert "Grupa interesu społecznego prosi na piśmie o uznanie za potencjalnego oferenta" in page


def test_the_area_feed_stays_english_for_a_polish_reader(client_for, national, area):
    """A calendar app subscribes to one address for everyone, so the feed keeps one language."""
    case_with_events(area, {"notice-of-disposal": dt.date(2026, 3, 1)})
    client = client_for(national)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pl"
    feed = client.get(reverse("deadlines:ics", args=[area.pk])).content.decode()
    assert "Interim moratorium ends" in feed
