"""Calendar months, as the monthly figures and their charts count them."""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = ["month_end", "month_starts", "months_back"]


def month_end(month_start: dt.date) -> dt.date:
    """The last day of ``month_start``'s month."""
    return month_start.replace(day=calendar.monthrange(month_start.year, month_start.month)[1])


def month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first day of each month from ``first``'s month to ``last``'s, in order."""
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = month_end(month) + dt.timedelta(days=1)
    return months


def months_back(today: dt.date, count: int) -> dt.date:
    """The first day of the month ``count - 1`` months before ``today``'s (so that ``count``
    months end with this one)."""
    index = today.year * 12 + today.month - 1 - (count - 1)
    return dt.date(index // 12, index % 12 + 1, 1)
