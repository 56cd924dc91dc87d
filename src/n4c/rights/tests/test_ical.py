"""The iCalendar feed: one all-day event per deadline, stable ids, rule and citation in the text."""

from __future__ import annotations

import datetime as dt

import icalendar

from n4c.rights import CalendarEntry, case_deadlines, deadlines_calendar

STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def test_each_deadline_is_an_all_day_event_with_its_rule():
    dates = case_deadlines({"notice-of-disposal": dt.date(2026, 3, 1)})
    ics = deadlines_calendar(
        [CalendarEntry(d, "The Red Lion", "case-7", "https://n4c.example/c/7") for d in dates],
        name="Ward X",
        stamp=STAMP,
    )
    calendar = icalendar.Calendar.from_ical(ics)
    events = calendar.walk("VEVENT")
    assert str(calendar["X-WR-CALNAME"]) == "Ward X"
    assert [e.decoded("dtstart") for e in events] == [d.date for d in dates]
    assert all(e.decoded("dtend") - e.decoded("dtstart") == dt.timedelta(days=1) for e in events)
    assert len({str(e["uid"]) for e in events}) == len(dates)
    first = events[0]
    assert str(first["summary"]) == "Ends: Interim moratorium ends (The Red Lion)"
    assert "Localism Act 2011 s.95(1), (2) and (6)" in str(first["description"])
    conditional = next(e for e in events if "Full moratorium" in str(e["summary"]))
    assert "asks in writing to bid" in str(conditional["description"])


def test_the_same_case_gives_the_same_ids_so_calendars_update_in_place():
    dates = case_deadlines({"nomination": dt.date(2026, 1, 5)})
    one = deadlines_calendar([CalendarEntry(dates[0], "Hall", "case-1")], name="A", stamp=STAMP)
    two = deadlines_calendar([CalendarEntry(dates[0], "Hall", "case-1")], name="A", stamp=STAMP)
    assert one == two
    assert b"UID:case-1-acv.listing-decision@n4c" in one
