"""Standardised mean differences: the balance measure the comparators report."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from n4c.evaluate import balance_table, standardised_mean_difference

values = st.lists(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=2, max_size=30
)


@given(values, values)
def test_swapping_the_groups_changes_only_the_sign(first, second) -> None:
    one = standardised_mean_difference(np.array(first), np.array(second))
    other = standardised_mean_difference(np.array(second), np.array(first))
    if math.isnan(one):
        assert math.isnan(other)
    else:
        assert math.isclose(one, -other, rel_tol=1e-9, abs_tol=1e-12)


@given(values)
def test_identical_groups_have_no_difference(group) -> None:
    assert standardised_mean_difference(np.array(group), np.array(group)) == 0.0


# Whole numbers, so that adding the shift is exact and rounding cannot mimic a difference.
whole = st.lists(st.integers(min_value=-1000, max_value=1000), min_size=2, max_size=30)


@given(whole, whole, st.integers(min_value=-1000, max_value=1000))
def test_shifting_both_groups_by_the_same_amount_changes_nothing(first, second, shift) -> None:
    before = standardised_mean_difference(np.array(first, float), np.array(second, float))
    after = standardised_mean_difference(
        np.array(first, float) + shift, np.array(second, float) + shift
    )
    if math.isnan(before):
        assert math.isnan(after)
    else:
        assert math.isclose(before, after, rel_tol=1e-9, abs_tol=1e-9)


def test_a_difference_of_one_pooled_standard_deviation_is_one() -> None:
    assert standardised_mean_difference(np.array([1.0, 3.0]), np.array([0.0, 2.0])) == (
        1 / math.sqrt(2)
    )


def test_different_means_with_no_spread_have_no_scale() -> None:
    assert math.isnan(standardised_mean_difference(np.array([1.0, 1.0]), np.array([2.0, 2.0])))


def test_after_matching_uses_the_scale_from_before() -> None:
    """A smaller SMD after matching means the means moved closer, whatever the spread."""
    supported = pd.DataFrame({"x": [1.0, 3.0]})
    pool = pd.DataFrame({"x": [0.0, 2.0, 10.0, 12.0]})
    matched = pool.iloc[[0, 1]]
    table = balance_table(supported, pool, matched, ["x"])
    scale = math.sqrt((np.var([1.0, 3.0], ddof=1) + np.var(pool["x"], ddof=1)) / 2)
    assert math.isclose(table["x"]["smd_after"], 1.0 / scale)
    assert math.isclose(table["x"]["smd_before"], (2.0 - 6.0) / scale)
