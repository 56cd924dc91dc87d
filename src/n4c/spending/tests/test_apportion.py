"""Apportionment by population: amounts are conserved to the penny."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from n4c.spending import apportion_pence, split_equally

groups_strategy = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=10**13),
        st.lists(st.integers(min_value=0, max_value=60_000_000), min_size=1, max_size=30),
    ),
    min_size=1,
    max_size=8,
)


@settings(deadline=None)
@given(groups_strategy)
def test_each_group_adds_up_to_its_total_and_each_share_is_within_a_penny(groups) -> None:
    totals = np.array([total for total, _ in groups], dtype=np.int64)
    membership = np.concatenate([np.full(len(w), g) for g, (_, w) in enumerate(groups)])
    weights = np.concatenate([np.array(w, dtype=np.int64) for _, w in groups])
    shares = apportion_pence(totals, membership, weights)
    assert shares.dtype == np.int64
    assert (shares >= 0).all()
    sums = np.bincount(membership, weights=shares, minlength=len(groups))
    assert [round(s) for s in sums] == totals.tolist()
    for g, (total, w) in enumerate(groups):
        w = np.array(w, dtype=object)
        mine = shares[membership == g]
        if sum(w) == 0:
            w = np.ones(len(w), dtype=object)
        exact = [total * x / sum(w) for x in w]  # Fractions would be slower; floats suffice here
        assert all(
            abs(int(m) - e) < 1.0 + 1e-6 * max(1.0, e) for m, e in zip(mine, exact, strict=True)
        )


@settings(deadline=None)
@given(groups_strategy, st.randoms())
def test_the_order_of_the_rows_changes_no_share(groups, random) -> None:
    totals = np.array([total for total, _ in groups], dtype=np.int64)
    membership = np.concatenate([np.full(len(w), g) for g, (_, w) in enumerate(groups)])
    weights = np.concatenate([np.array(w, dtype=np.int64) for _, w in groups])
    # Distinct weights within a group, so no tie is broken by row order.
    weights = weights * 1000 + np.arange(len(weights))
    order = list(range(len(weights)))
    random.shuffle(order)
    plain = apportion_pence(totals, membership, weights)
    shuffled = apportion_pence(totals, membership[order], weights[order])
    assert shuffled.tolist() == plain[order].tolist()


def test_a_grant_to_england_of_a_billion_pounds_is_shared_exactly() -> None:
    weights = np.full(32_844, 1_700, dtype=np.int64)
    shares = apportion_pence(np.array([10**11 + 7]), np.zeros(32_844, dtype=np.int64), weights)
    assert shares.sum() == 10**11 + 7
    assert shares.max() - shares.min() <= 1


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=1, max_value=50))
def test_equal_splits_add_up_and_differ_by_at_most_a_penny(total: int, parts: int) -> None:
    shares = split_equally(total, parts)
    assert sum(shares) == total and max(shares) - min(shares) <= 1
