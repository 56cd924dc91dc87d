"""Robust reading of amounts, dates and codes: what files really hold, and clear refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from n4c.spending import normalise_code, parse_amount_pence, parse_date


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=10**10))
def test_whole_pence_survive_every_written_form(pence: int) -> None:
    """An amount written as a number, as text, with £ and thousands separators gives the same pence."""
    pounds, rest = divmod(pence, 100)
    text = f"{pounds}.{rest:02d}"
    assert parse_amount_pence(text) == pence
    assert parse_amount_pence(f" £{pounds:,}.{rest:02d} ") == pence
    assert parse_amount_pence(float(text)) == pence


@settings(deadline=None)
@given(st.text(alphabet="abcxyz !?%", min_size=1))
def test_text_that_is_not_a_number_is_refused_with_the_value_quoted(text: str) -> None:
    with pytest.raises(ValueError, match=r"is not an amount; write a number such as 1234\.50"):
        parse_amount_pence(text)


@pytest.mark.parametrize("value", [True, None, float("nan"), float("inf"), [1]])
def test_values_that_are_not_amounts_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="is not an amount"):
        parse_amount_pence(value)


def test_halves_of_a_penny_round_away_from_zero_despite_binary_floats() -> None:
    assert parse_amount_pence(0.285) == 29
    assert parse_amount_pence(-0.285) == -29


@settings(deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_iso_dates_date_times_and_day_first_dates_read_the_same_day(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == (day, False)
    assert parse_date(f" {day.isoformat()}T10:30:00+01:00 ") == (day, False)
    assert parse_date(f"{day.isoformat()}T00:00:00Z") == (day, False)
    assert parse_date(day.strftime("%d/%m/%Y")) == (day, True)


@pytest.mark.parametrize("text", ["2019-02-30", "31/02/2019", "13-03-2015", "next week", ""])
def test_impossible_or_unreadable_dates_are_refused_with_the_standard_form(text: str) -> None:
    with pytest.raises(
        ValueError, match=r"is not a date; write it as YYYY-MM-DD, like 2019-04-01\."
    ):
        parse_date(text)


@settings(deadline=None)
@given(
    st.sampled_from(["E01000001", "E05000026", "S92000003", "E12000007"]),
    st.text(alphabet=" \t\n", max_size=3),
    st.text(alphabet=" \t\n", max_size=3),
)
def test_codes_lose_stray_spaces_and_case(code: str, before: str, after: str) -> None:
    """Published files hold codes like "S92000003 "; they must still match."""
    assert normalise_code(f"{before}{code.lower()}{after}") == code


@pytest.mark.parametrize("value", [10**12, 1e12, "1000000000000", 10**30])
def test_amounts_beyond_a_trillion_pounds_are_refused_not_overflowed(value: object) -> None:
    with pytest.raises(ValueError, match=r"more than £1 trillion, larger than any grant"):
        parse_amount_pence(value)
