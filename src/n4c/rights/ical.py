"""Statutory deadlines as an iCalendar (RFC 5545) feed, for any calendar program to subscribe to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import icalendar

from n4c.rights.deadlines import Deadline

__all__ = ["CalendarEntry", "deadlines_calendar"]

_KIND_WORDS = {"deadline": "Deadline", "period_end": "Ends", "earliest": "Earliest"}


@dataclass(frozen=True)
class CalendarEntry:
    """One deadline of one case, with a stable id so calendar programs update, not duplicate."""

    deadline: Deadline
    case_label: str
    uid: str
    url: str = ""


def deadlines_calendar(
    entries: Iterable[CalendarEntry], *, name: str, stamp: dt.datetime | None = None
) -> bytes:
    """An all-day event per deadline, saying its rule and citation; returns the .ics bytes.

    ``stamp`` fixes DTSTAMP (tests); by default it is now, in UTC.

    >>> import datetime as dt
    >>> from n4c.rights import event_deadlines
    >>> deadline = event_deadlines("nomination", dt.date(2026, 1, 5))[0]
    >>> ics = deadlines_calendar([CalendarEntry(deadline, "Red Lion", "case-1")], name="Area",
    ...                          stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)).decode()
    >>> "DTSTART;VALUE=DATE:20260301" in ics and "SUMMARY:Deadline: Council decides" in ics
    True
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//n4c//community rights deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    moment = stamp or dt.datetime.now(dt.UTC)
    for entry in entries:
        deadline = entry.deadline
        event = icalendar.Event()
        event.add("uid", f"{entry.uid}-{deadline.rule_id}@n4c")
        event.add("dtstamp", moment)
        event.add("dtstart", deadline.date)
        event.add("dtend", deadline.date + dt.timedelta(days=1))
        kind = "Met" if deadline.met_on is not None else _KIND_WORDS[deadline.kind]
        event.add("summary", f"{kind}: {deadline.title} ({entry.case_label})")
        lines = [
            f"{deadline.period}.",
            f"Rule {deadline.rule_id}, version {deadline.rule_version}: {deadline.citation}.",
        ]
        if deadline.status_note:
            lines.append(deadline.status_note)
        if deadline.note:
            lines.append(deadline.note)
        event.add("description", "\n".join(lines))
        if entry.url:
            event.add("url", entry.url)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
