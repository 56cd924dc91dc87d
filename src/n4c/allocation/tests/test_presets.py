"""The presets on England's wards: each gives the published envelope to the pound."""

from __future__ import annotations

from n4c.allocation import allocate, load_preset
from n4c.allocation.fairness import fairness_measures


def test_big_local_gives_150_wards_one_million_each_over_15_years(england_wards) -> None:
    table = allocate(load_preset("big_local"), england_wards).table
    funded = table[table["total"] > 0]
    assert len(funded) == 150
    assert set(funded["total"]) == {1_000_000}
    assert set(funded["imd_decile"]) <= {1, 2}
    assert table["total"].sum() == 150_000_000
    assert (funded[[f"year_{y}" for y in range(1, 16)]].sum(axis=1) == 1_000_000).all()


def test_pride_in_place_gives_169_left_behind_wards_20m_at_75_25(england_wards) -> None:
    table = allocate(load_preset("pride_in_place"), england_wards).table
    funded = table[table["total"] > 0]
    assert len(funded) == 169
    assert funded["left_behind"].all()
    assert set(funded["total"]) == {20_000_000}
    assert table["capital"].sum() == 169 * 15_000_000
    assert table["revenue"].sum() == 169 * 5_000_000


def test_community_wealth_fund_keeps_awards_between_1m_and_2_5m(england_wards) -> None:
    table = allocate(load_preset("community_wealth_fund"), england_wards).table
    funded = table[table["total"] > 0]
    assert table["total"].sum() == 175_000_000
    assert funded["total"].between(1_000_000, 2_500_000).all()
    assert funded["population"].between(5_000, 15_000).all()
    assert funded["left_behind"].all()


def test_capacity_ring_fence_puts_72_05m_into_the_225_left_behind_wards(england_wards) -> None:
    result = allocate(load_preset("capacity_ring_fence"), england_wards)
    table = result.table
    assert result.capacity_pot_gbp == 72_050_000
    assert table["capacity"].sum() == 72_050_000
    assert (table["capacity"] > 0).sum() == 225
    assert table.loc[table["capacity"] > 0, "left_behind"].all()
    assert table["total"].sum() == 1_441_000_000
    # The needs-based fund concentrates money in deprived wards: a negative concentration index.
    assert fairness_measures(table["total"].to_numpy(), table)["concentration_index"].iloc[0] < -0.5
