"""Statutory periods: the calendar arithmetic behind every deadline.

Legislation words its periods in a few fixed ways, and each way counts differently:

- "a period of N weeks **beginning with** the date of X" counts X itself as day 1, so six weeks
  beginning with 1 March ends on 11 April (X + 7N − 1 days);
- "N weeks **after** X" or "within 28 days **of** X" (and "not less than 6 weeks **from** X")
  starts counting the day after X, so it ends on X + 7N days;
- "the date N weeks **from the date immediately following** X" (Neighbourhood Planning
  regulations 6A, 9A, 17A, 18A) is (X + 1 day) + 7N days;
- "not later than N days **before** X" is X − N days.

Months and years follow the corresponding-date rule (Dodds v Walker [1981] 1 WLR 1441): a
period counted from a date ends on the same day-number in the later month; where that month
is too short the period ends on its last day. Counting is in calendar days: weekends and bank
holidays neither stop nor extend a period unless the statute says "working days", and none of
the rules n4c holds does.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from dateutil.relativedelta import relativedelta

from n4c.errors import InputError
from n4c.words import gettext as _
from n4c.words import gettext_noop, ngettext

__all__ = [
    "COUNTINGS",
    "EVENT_YEARS",
    "UNITS",
    "Counting",
    "Unit",
    "check_event_date",
    "describe_period",
    "period_end",
    "shown_date",
]

Unit = Literal["days", "weeks", "months", "years"]
Counting = Literal["beginning_with", "after", "from_day_after", "before"]

UNITS: tuple[str, ...] = get_args(Unit)
COUNTINGS: tuple[str, ...] = get_args(Counting)

_ONE_DAY = dt.timedelta(days=1)

#: The years an event that starts a statutory clock may fall in. The Localism Act dates from
#: 2011; the margins leave room for old records and long plans, and keep every period counted
#: from an event far inside the dates a computer can hold (9999-12-31 plus six weeks cannot).
EVENT_YEARS = (1990, 2100)


def check_event_date(day: dt.date, *, field: str = "date") -> dt.date:
    """``day`` if it is a plausible date for an event that starts a statutory clock.

    Raises
    ------
    InputError
        Naming ``field``, when the year is before 1990 or after 2100 (usually a typing mistake).

    Examples
    --------
    >>> check_event_date(dt.date(9999, 12, 31))
    Traceback (most recent call last):
    ...
    n4c.errors.InputError: field "date": Enter a date from 1990 to 2100; 9999-12-31 is outside that range.
    """
    first, last = EVENT_YEARS
    if not first <= day.year <= last:
        raise InputError(
            _("Enter a date from %(first)s to %(last)s; %(day)s is outside that range.")
            % {"first": first, "last": last, "day": day.isoformat()},
            field=field,
            value=day.isoformat(),
        )
    return day


def _shift(start: dt.date, amount: int, unit: Unit) -> tuple[dt.date, bool]:
    """``start`` moved by ``amount`` units, and whether a month end clamped the day-number."""
    if unit == "days":
        return start + dt.timedelta(days=amount), False
    if unit == "weeks":
        return start + dt.timedelta(weeks=amount), False
    months = amount if unit == "months" else 12 * amount
    moved = start + relativedelta(months=months)
    return moved, moved.day != start.day


def period_end(start: dt.date, amount: int, unit: Unit, counting: Counting) -> dt.date:
    """The date on which a statutory period counted from ``start`` ends.

    Parameters
    ----------
    start
        The date the statute counts from (the trigger: a notice received, a nomination made).
    amount, unit
        The length of the period, e.g. ``6, "weeks"``.
    counting
        How the statute words it: ``"beginning_with"`` (``start`` is day 1), ``"after"``
        (the day after ``start`` is day 1), ``"from_day_after"`` ("N weeks from the date
        immediately following ``start``") or ``"before"`` (the latest date N units before
        ``start``).

    Returns
    -------
    datetime.date
        The last day of the period (for ``"before"``, the latest day that is early enough).

    Raises
    ------
    ValueError
        If ``amount`` is negative or ``unit`` or ``counting`` is unknown.

    Examples
    --------
    >>> import datetime as dt
    >>> period_end(dt.date(2026, 3, 1), 6, "weeks", "beginning_with")
    datetime.date(2026, 4, 11)
    >>> period_end(dt.date(2026, 3, 1), 6, "months", "beginning_with")
    datetime.date(2026, 8, 31)
    >>> period_end(dt.date(2025, 8, 31), 6, "months", "beginning_with")
    datetime.date(2026, 2, 28)
    >>> period_end(dt.date(2026, 1, 31), 28, "days", "after")
    datetime.date(2026, 2, 28)
    >>> period_end(dt.date(2026, 6, 4), 28, "days", "before")
    datetime.date(2026, 5, 7)
    """
    if amount < 0:
        raise ValueError(
            f"A period cannot be negative; got {amount} {unit}."  # untranslated: a code error
        )
    if unit not in UNITS:
        raise ValueError(
            f"Unknown unit {unit!r}; expected one of {', '.join(UNITS)}."  # untranslated: a code error
        )
    if counting == "beginning_with":
        moved, clamped = _shift(start, amount, unit)
        # The period ends the day before the corresponding date; when the later month has no
        # corresponding date (31 August + 6 months) it ends on that month's last day instead.
        return moved if clamped else moved - _ONE_DAY
    if counting == "after":
        return _shift(start, amount, unit)[0]
    if counting == "from_day_after":
        return _shift(start + _ONE_DAY, amount, unit)[0]
    if counting == "before":
        return _shift(start, -amount, unit)[0]
    raise ValueError(
        f"Unknown counting {counting!r}; expected one of {', '.join(COUNTINGS)}."  # untranslated: a code error
    )


def describe_period(amount: int, unit: Unit, counting: Counting, start: dt.date) -> str:
    """The period in words, as the statute puts it: "6 weeks beginning with 2026-03-01".

    >>> import datetime as dt
    >>> describe_period(8, "weeks", "beginning_with", dt.date(2026, 3, 1))
    '8 weeks beginning with 2026-03-01'
    """
    values = {"amount": amount}
    if unit == "days":
        length = ngettext("%(amount)s day", "%(amount)s days", amount) % values
    elif unit == "weeks":
        length = ngettext("%(amount)s week", "%(amount)s weeks", amount) % values
    elif unit == "months":
        length = ngettext("%(amount)s month", "%(amount)s months", amount) % values
    else:
        length = ngettext("%(amount)s year", "%(amount)s years", amount) % values
    words = {
        "beginning_with": _("%(length)s beginning with %(start)s"),
        "after": _("%(length)s after %(start)s"),
        "from_day_after": _("%(length)s from the day after %(start)s"),
        "before": _("%(length)s before %(start)s"),
    }[counting]
    return words % {"length": length, "start": start.isoformat()}


#: A date in words for each month, whole, so a language can give the month its own form
#: (Polish says "5 stycznia 2026").
_DATES_IN_WORDS = (
    gettext_noop("%(day)s January %(year)s"),
    gettext_noop("%(day)s February %(year)s"),
    gettext_noop("%(day)s March %(year)s"),
    gettext_noop("%(day)s April %(year)s"),
    gettext_noop("%(day)s May %(year)s"),
    gettext_noop("%(day)s June %(year)s"),
    gettext_noop("%(day)s July %(year)s"),
    gettext_noop("%(day)s August %(year)s"),
    gettext_noop("%(day)s September %(year)s"),
    gettext_noop("%(day)s October %(year)s"),
    gettext_noop("%(day)s November %(year)s"),
    gettext_noop("%(day)s December %(year)s"),
)


def shown_date(day: dt.date) -> str:
    """A date in words in the reader's language; :func:`n4c.rights.long_date` in English (the letters').

    >>> shown_date(dt.date(2026, 3, 1))
    '1 March 2026'
    """
    return _(_DATES_IN_WORDS[day.month - 1]) % {"day": day.day, "year": day.year}
