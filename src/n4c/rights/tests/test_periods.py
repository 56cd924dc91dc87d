"""Calendar arithmetic of statutory periods: 'beginning with', 'after', month ends, leap years."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from n4c.rights.periods import COUNTINGS, UNITS, describe_period, period_end

D = dt.date


@pytest.mark.parametrize(
    ("start", "amount", "unit", "counting", "expected"),
    [
        # "Six weeks beginning with 1 March" counts 1 March as day 1: it ends on 11 April.
        (D(2026, 3, 1), 6, "weeks", "beginning_with", D(2026, 4, 11)),
        (D(2026, 3, 1), 1, "days", "beginning_with", D(2026, 3, 1)),
        (D(2026, 3, 1), 6, "weeks", "after", D(2026, 4, 12)),
        (D(2026, 3, 1), 6, "weeks", "from_day_after", D(2026, 4, 13)),
        (D(2026, 3, 1), 28, "days", "before", D(2026, 2, 1)),
        # Months: the corresponding date, or the month's last day when there is none.
        (D(2026, 3, 15), 6, "months", "beginning_with", D(2026, 9, 14)),
        (D(2026, 3, 1), 6, "months", "beginning_with", D(2026, 8, 31)),
        (D(2025, 8, 31), 6, "months", "beginning_with", D(2026, 2, 28)),
        (D(2023, 8, 31), 6, "months", "beginning_with", D(2024, 2, 29)),
        (D(2023, 8, 30), 6, "months", "beginning_with", D(2024, 2, 29)),
        (D(2023, 8, 29), 6, "months", "beginning_with", D(2024, 2, 28)),
        (D(2026, 1, 31), 6, "months", "beginning_with", D(2026, 7, 30)),
        (D(2025, 8, 31), 6, "months", "after", D(2026, 2, 28)),
        (D(2026, 1, 31), 1, "months", "after", D(2026, 2, 28)),
        (D(2026, 3, 31), 1, "months", "before", D(2026, 2, 28)),
        # Years on 29 February: no corresponding date four years out of five.
        (D(2024, 2, 29), 5, "years", "beginning_with", D(2029, 2, 28)),
        (D(2024, 2, 29), 4, "years", "beginning_with", D(2028, 2, 28)),
        (D(2024, 3, 1), 5, "years", "beginning_with", D(2029, 2, 28)),
        (D(2024, 2, 29), 1, "years", "after", D(2025, 2, 28)),
        # Counting runs through Christmas and New Year: no bank holiday is skipped.
        (D(2025, 12, 25), 8, "weeks", "beginning_with", D(2026, 2, 18)),
        (D(2025, 12, 24), 3, "days", "after", D(2025, 12, 27)),
    ],
)
def test_period_end_follows_the_statutory_wording(start, amount, unit, counting, expected):
    assert period_end(start, amount, unit, counting) == expected


def test_bad_arguments_say_what_is_allowed():
    with pytest.raises(ValueError, match="cannot be negative"):
        period_end(D(2026, 1, 1), -1, "days", "after")
    with pytest.raises(ValueError, match="Unknown unit 'fortnights'"):
        period_end(D(2026, 1, 1), 1, "fortnights", "after")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Unknown counting 'around'"):
        period_end(D(2026, 1, 1), 1, "days", "around")  # type: ignore[arg-type]


def test_describe_period_uses_the_singular_for_one():
    assert describe_period(1, "months", "after", D(2026, 1, 2)) == "1 month after 2026-01-02"


dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2200, 12, 31))
amounts = st.integers(min_value=0, max_value=120)


@given(start=dates, weeks=amounts)
def test_weeks_beginning_with_span_exactly_seven_days_each(start, weeks):
    """A period of N weeks beginning with a day holds exactly 7N days, that day included."""
    end = period_end(start, weeks, "weeks", "beginning_with")
    assert (end - start).days + 1 == 7 * weeks


@given(start=dates, amount=st.integers(min_value=1, max_value=120), unit=st.sampled_from(UNITS))
def test_forward_periods_never_end_before_they_start(start, amount, unit):
    for counting in ("beginning_with", "after", "from_day_after"):
        assert period_end(start, amount, unit, counting) >= start  # type: ignore[arg-type]
    assert period_end(start, amount, unit, "before") < start


@given(
    first=dates,
    gap_days=st.integers(min_value=0, max_value=400),
    amount=amounts,
    unit=st.sampled_from(UNITS),
    counting=st.sampled_from(COUNTINGS),
)
def test_a_later_start_never_gives_an_earlier_end(first, gap_days, amount, unit, counting):
    second = first + dt.timedelta(days=gap_days)
    assert period_end(first, amount, unit, counting) <= period_end(second, amount, unit, counting)


@given(start=dates, months=st.integers(min_value=1, max_value=60))
def test_months_beginning_with_end_the_day_before_the_corresponding_date(start, months):
    """The day after the period is the corresponding date, or the 1st after a too-short month."""
    end = period_end(start, months, "months", "beginning_with")
    following = end + dt.timedelta(days=1)
    year, month0 = divmod(start.year * 12 + start.month - 1 + months, 12)
    if start.day == 1:
        assert following == D(year, month0 + 1, 1)
    else:
        assert (end.year, end.month) == (year, month0 + 1)
        assert following.day == start.day or (following.day == 1 and end.day < start.day)
