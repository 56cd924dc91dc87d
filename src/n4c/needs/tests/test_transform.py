"""Ranking without scipy: the same ranks as ``scipy.stats.rankdata``, ties included."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from n4c.needs.transform import rank, rank_most_deprived_first

scipy_stats = pytest.importorskip("scipy.stats")

# Few distinct values, so most draws have ties; infinities and signed zeros are values too.
tied = st.lists(st.integers(-3, 3).map(float), max_size=60)
anything = st.lists(st.floats(allow_nan=False, width=32), max_size=60)


@given(values=st.one_of(tied, anything), method=st.sampled_from(["average", "min", "ordinal"]))
def test_ranks_equal_scipys_rankdata_for_every_method(values: list[float], method: str) -> None:
    """Tied values share the average or the lowest rank, or keep their order, as scipy does."""
    ours = rank(values, method=method)  # type: ignore[arg-type]
    theirs = scipy_stats.rankdata(values, method=method).astype(np.float64)
    np.testing.assert_array_equal(ours, theirs)


def test_a_missing_value_makes_every_rank_missing() -> None:
    """A NaN has no place in the order, so no rank is given (scipy's default behaviour)."""
    assert np.isnan(rank([1.0, np.nan, 3.0])).all()


def test_the_highest_score_is_ranked_first_and_ties_share_the_lowest_rank() -> None:
    """Published ranks: 1 for the most deprived, tied areas take the same rank and skip the next."""
    assert rank_most_deprived_first([5.0, 9.0, 9.0, 1.0]).tolist() == [3.0, 1.0, 1.0, 4.0]


def test_an_empty_input_gives_no_ranks() -> None:
    """Nothing to rank is not an error."""
    assert rank([]).size == 0
