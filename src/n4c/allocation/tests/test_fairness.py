"""Fairness measures: known values from the research note, and group totals that add up."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from n4c.allocation.fairness import GROUP_ORDER, fairness_groups, fairness_measures

TEN_DECILES = pd.DataFrame(
    {
        "population": [100] * 10,
        "imd_rank": range(1, 11),
        "imd_decile": range(1, 11),
        "imd_score": [50.0 - 5 * d for d in range(10)],
        "left_behind": [True] + [False] * 9,
    }
)


@pytest.mark.parametrize(
    ("amounts", "index"),
    [
        ([100] * 10, 0.0),  # equal per head
        ([1000] + [0] * 9, -0.9),  # all to the most deprived tenth
        (list(range(10, 0, -1)), -0.3),  # linear pro-deprived gradient 10..1
    ],
)
def test_concentration_index_matches_the_worked_examples(amounts: list[int], index: float) -> None:
    """The three checks in funding-anchors §3: 0, −0.9 and −0.30."""
    measures = fairness_measures(amounts, TEN_DECILES)
    assert measures["concentration_index"].iloc[0] == pytest.approx(index)


def test_gini_of_all_money_to_one_tenth_is_0_9() -> None:
    assert fairness_measures([[1000] + [0] * 9], TEN_DECILES)["gini_per_head"].iloc[
        0
    ] == pytest.approx(0.9)


def test_shares_and_left_behind_ratio() -> None:
    amounts = [300, 100, 100] + [50] * 7
    measures = fairness_measures(amounts, TEN_DECILES).iloc[0]
    assert measures["share_most_deprived_10pc"] == pytest.approx(300 / 850)
    assert measures["share_most_deprived_20pc"] == pytest.approx(400 / 850)
    assert measures["fair_share_ratio_10pc"] == pytest.approx(300 / 850 / 0.1)
    # Nobody else is in decile 1, so there is no 'other deprived' group to compare with.
    assert np.isnan(measures["left_behind_ratio"])


def test_groups_come_in_the_report_order() -> None:
    report = fairness_groups([10] * 10, TEN_DECILES)
    assert tuple(report["group"]) == GROUP_ORDER
    assert list(report.columns[:5]) == ["group", "areas", "population", "total", "per_head"]


@given(st.lists(st.integers(min_value=0, max_value=10**7), min_size=10, max_size=10))
def test_deciles_and_status_groups_each_add_up_to_the_whole(amounts: list[int]) -> None:
    """The ten deciles, and left behind + other deprived + rest, each cover every pound and person."""
    report = fairness_groups(amounts, TEN_DECILES).set_index("group")
    deciles = report.loc[[f"imd_decile_{d}" for d in range(1, 11)]]
    statuses = report.loc[["left_behind", "other_deprived", "rest"]]
    for part in (deciles, statuses):
        assert part["total"].sum() == sum(amounts)
        assert part["population"].sum() == 1000


def test_measures_for_many_scenarios_equal_one_at_a_time() -> None:
    rng = np.random.default_rng(1)
    amounts = rng.integers(0, 1000, size=(5, 10))
    together = fairness_measures(amounts, TEN_DECILES)
    for s in range(5):
        pd.testing.assert_frame_equal(
            together.iloc[[s]].reset_index(drop=True), fairness_measures(amounts[s], TEN_DECILES)
        )
