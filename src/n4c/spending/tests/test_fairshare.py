"""Fair share per head: groups, deciles, the concentration index and its sign."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from n4c.spending import (
    Geography,
    by_decile,
    by_funder,
    concentration,
    fair_share,
    place_amounts,
)


def placed(*rows: tuple[str, int, float]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["geo_code", "amount_pence", "grants"])


def test_a_district_grant_is_shared_by_population_to_the_penny(tiny: Geography) -> None:
    money = place_amounts(placed(("E09000001", 100_001, 1.0)), tiny)
    assert money["amount_pence"].tolist() == [10_000, 20_000, 30_000, 40_001]
    assert money["grants"].round(6).tolist() == [0.1, 0.2, 0.3, 0.4]


@settings(deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                ["E01000001", "E01000004", "E02000001", "E05000002", "E09000001", "E12000007"]
            ),
            st.integers(min_value=0, max_value=10**12),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_placing_conserves_every_penny_and_every_grant(tiny: Geography, rows) -> None:
    frame = placed(*[(code, pence, 1.0) for code, pence in rows])
    money = place_amounts(frame, tiny)
    assert int(money["amount_pence"].sum()) == sum(p for _, p in rows)
    assert money["grants"].sum() == pytest.approx(len(rows))
    groups = fair_share(money, tiny.lsoas)
    england = groups.set_index("group").loc["england"]
    assert round(england["amount"] * 100) == sum(p for _, p in rows)


def test_groups_follow_the_left_behind_and_deprived_wards(tiny: Geography) -> None:
    money = place_amounts(placed(("E01000001", 1000_00, 1.0), ("E01000003", 3000_00, 1.0)), tiny)
    table = fair_share(money, tiny.lsoas).set_index("group")
    assert table.loc["left_behind", "population"] == 3000
    assert table.loc["left_behind", "per_head"] == pytest.approx(1000 / 3000, abs=1e-4)
    assert table.loc["other_deprived", "amount"] == 3000.0
    assert table.loc["rest_of_england", "amount"] == 0.0
    assert list(table.index) == ["left_behind", "other_deprived", "rest_of_england", "england"]


def test_equal_money_per_head_gives_a_zero_index_and_shares_equal_to_people(
    tiny: Geography,
) -> None:
    money = place_amounts(placed(("E12000007", 10_000_00, 10.0)), tiny)
    result = concentration(money, tiny.lsoas)
    assert result.index == pytest.approx(0.0, abs=1e-9)
    assert result.share_most_deprived_10 == pytest.approx(result.population_most_deprived_10)
    deciles = by_decile(money, tiny.lsoas).set_index("imd_decile")
    peopled = deciles[deciles["population"] > 0]
    assert peopled.index.tolist() == [1, 2, 10]
    assert peopled["per_head"].tolist() == [1.0, 1.0, 1.0]


def test_money_only_in_the_most_deprived_lsoa_gives_a_negative_index(tiny: Geography) -> None:
    """Most deprived first: negative means money goes to deprived areas."""
    money = place_amounts(placed(("E01000001", 500_00, 1.0)), tiny)
    result = concentration(money, tiny.lsoas)
    # Fractional rank of the first LSOA is 0.05 of 10,000 people: CI = 2 × (0.05 − 0.5).
    assert result.index == pytest.approx(-0.9)
    assert result.share_most_deprived_10 == 1.0


def test_the_lsoa_index_matches_the_covariance_formula_on_random_money() -> None:
    rng = np.random.default_rng(4)
    n = 200
    lsoas = pd.DataFrame(
        {
            "population": rng.integers(500, 3000, n),
            "imd_rank": rng.permutation(n) + 1,
            "imd_decile": 1,
        }
    )
    pence = rng.integers(0, 10**6, n)
    money = pd.DataFrame({"lsoa_row": np.arange(n), "amount_pence": pence, "grants": 1.0})
    order = np.argsort(lsoas["imd_rank"].to_numpy())
    w = lsoas["population"].to_numpy(dtype=float)[order]
    y = pence[order] / w
    r = (np.cumsum(w) - w / 2) / w.sum()
    mu = (w * y).sum() / w.sum()
    expected = 2 / mu * np.sum(w / w.sum() * (y - mu) * (r - 0.5))
    assert concentration(money, lsoas).index == pytest.approx(expected)


def test_each_funder_gets_its_own_rates_and_index(tiny: Geography) -> None:
    per_funder = pd.DataFrame(
        {
            "funder": ["GB-CHC-1", "GB-CHC-2"],
            "geo_code": ["E01000001", "E09000001"],
            "amount_pence": [300_00, 1000_00],
            "grants": [1.0, 1.0],
        }
    )
    funders = pd.DataFrame(
        {
            "funder_id": ["GB-CHC-1", "GB-CHC-2"],
            "funder_name": ["One", "Two"],
            "grants": [1, 2],
            "amount": [300.0, 1500.0],
        }
    )
    table = by_funder(per_funder, tiny, funders).set_index("funder_id")
    assert table.loc["GB-CHC-1", "per_head_left_behind"] == pytest.approx(0.1)
    assert table.loc["GB-CHC-1", "per_head_rest_of_england"] == 0.0
    assert table.loc["GB-CHC-2", "per_head_england"] == pytest.approx(0.1)
    assert table.loc["GB-CHC-2", "placed_amount"] == 1000.0
    assert table.index.tolist() == ["GB-CHC-2", "GB-CHC-1"]
