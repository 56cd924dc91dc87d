"""Largest-remainder rounding: whole pounds, exact totals, bounds kept, no chance involved."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from n4c.allocation import largest_remainder

weights = st.lists(
    st.floats(min_value=0.0, max_value=1e6, allow_nan=False), min_size=1, max_size=60
).filter(lambda w: sum(w) > 0)


@given(weights, st.integers(min_value=0, max_value=10**10))
def test_rounded_amounts_add_up_exactly_and_stay_within_a_pound(w: list[float], total: int) -> None:
    """Every amount is its exact share rounded down or up, and the total is exact."""
    shares = np.array(w) / sum(w) * total
    rounded = largest_remainder(shares, total)
    assert rounded.sum() == total
    assert (np.abs(rounded - shares) < 1 + 1e-6).all()


@given(weights, st.integers(min_value=0, max_value=10**9))
def test_rounding_is_deterministic(w: list[float], total: int) -> None:
    shares = np.array(w) / sum(w) * total
    assert (largest_remainder(shares, total) == largest_remainder(shares.copy(), total)).all()


def test_ties_go_to_the_earlier_position() -> None:
    """Three equal thirds of £2: the first two get the spare pounds, always."""
    assert largest_remainder([2 / 3, 2 / 3, 2 / 3], 2).tolist() == [1, 1, 0]


def test_a_capped_amount_never_takes_an_extra_pound() -> None:
    """A remainder on a capped area goes to the next area instead."""
    assert largest_remainder([10.0, 0.5, 0.5], 11, upper=[10, 100, 100]).tolist() == [10, 1, 0]


def test_each_scenario_row_reaches_its_own_total() -> None:
    rounded = largest_remainder([[0.5, 0.5, 1.0], [2.5, 2.5, 5.0]], [2, 10])
    assert rounded.sum(axis=1).tolist() == [2, 10]
