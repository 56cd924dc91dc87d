"""The engine: exact totals, floors and caps, need monotonicity, years and capital/revenue."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from n4c.allocation import allocate, load_spec, parse_spec, split_by_year
from n4c.allocation.formula import BELOW_MINIMUM, CAP, FLOOR
from n4c.errors import InputError

from .conftest import FILES


def _areas(populations: list[int], needs: list[int]) -> pd.DataFrame:
    n = len(populations)
    return pd.DataFrame(
        {
            "area_code": [f"A{i:04d}" for i in range(n)],
            "area_name": [f"Area {i}" for i in range(n)],
            "population": populations,
            "imd_score": [float(v) for v in needs],
        }
    )


def _fund(pot: int, method: str = "need", **formula: object) -> dict:
    spec = {
        "fund": {"name": "Test", "pot_gbp": pot, "years": 3, "capital_percent": 40},
        "formula": {"method": method, **formula},
    }
    if method == "blend":
        spec["formula"].setdefault("per_capita_percent", 30)
        spec["formula"].setdefault("need_percent", 70)
    return spec


area_lists = st.integers(min_value=2, max_value=40).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(min_value=1, max_value=20_000), min_size=n, max_size=n),
        st.lists(st.integers(min_value=1, max_value=90), min_size=n, max_size=n),
    )
)
methods = st.sampled_from(["equal", "per_capita", "need", "blend"])
pots = st.integers(min_value=0, max_value=5 * 10**9)


@settings(max_examples=60, deadline=None)
@given(area_lists, methods, pots)
def test_totals_add_up_exactly_to_the_pot(areas: tuple, method: str, pot: int) -> None:
    """Areas, years, capital plus revenue: every way of adding up gives the pot to the pound."""
    table = allocate(parse_spec(_fund(pot, method)), _areas(*areas)).table
    assert table["total"].sum() == pot
    assert (table["capital"] + table["revenue"] == table["total"]).all()
    assert (table[["year_1", "year_2", "year_3"]].sum(axis=1) == table["total"]).all()
    assert table["capital"].sum() == int(np.floor(pot * 0.4 + 0.5))


@settings(max_examples=60, deadline=None)
@given(
    area_lists, st.sampled_from(["need", "blend"]), st.integers(min_value=10_000, max_value=10**9)
)
def test_more_need_never_gets_less(areas: tuple, method: str, pot: int) -> None:
    """With equal populations, an area with a higher need score gets at least as much."""
    _, needs = areas
    table = allocate(parse_spec(_fund(pot, method)), _areas([5000] * len(needs), needs)).table
    amounts = table["total"].to_numpy()
    order = np.argsort(needs, kind="stable")
    for lower, higher in itertools.pairwise(order):
        if needs[higher] > needs[lower]:
            assert amounts[higher] >= amounts[lower]


@settings(max_examples=60, deadline=None)
@given(area_lists, methods, st.integers(min_value=1_000_000, max_value=10**9), st.data())
def test_floors_and_caps_are_respected(
    areas: tuple, method: str, pot: int, data: st.DataObject
) -> None:
    """No eligible area falls below the floor or rises above the cap, after rounding too."""
    n = len(areas[0])
    floor = data.draw(st.integers(min_value=0, max_value=pot // n))
    cap = data.draw(st.integers(min_value=max(floor, -(-pot // n)), max_value=pot))
    table = allocate(
        parse_spec(_fund(pot, method, floor_gbp=floor, cap_gbp=cap)), _areas(*areas)
    ).table
    assert table["total"].sum() == pot
    assert table["total"].min() >= floor
    assert table["total"].max() <= cap


@settings(max_examples=40, deadline=None)
@given(area_lists, methods, pots, st.randoms(use_true_random=False))
def test_row_order_changes_nothing(areas: tuple, method: str, pot: int, shuffler) -> None:
    """Shuffling the areas gives the same amount to each area (results come sorted by code)."""
    frame = _areas(*areas)
    fund = parse_spec(_fund(pot, method))
    shuffled = frame.sample(frac=1.0, random_state=shuffler.randint(0, 10**6))
    first = allocate(fund, frame).summary()
    second = allocate(fund, shuffled).summary()
    pd.testing.assert_frame_equal(first, second)
    pd.testing.assert_frame_equal(first, allocate(fund, frame).summary())


def test_good_fund_on_five_areas(five_areas) -> None:
    """The hand-made fund: three eligible wards, the floor lifts the smallest, years follow the profile."""
    result = allocate(load_spec(FILES / "good_fund.toml"), five_areas)
    table = result.table.set_index("area_code")
    assert table["eligible"].tolist() == [True, True, True, False, False]
    assert table.loc[["E05000004", "E05000005"], "total"].tolist() == [0, 0]
    assert table["total"].sum() == 1_000_000
    assert (table.loc[table["eligible"], "total"] >= 100_000).all()
    assert table["capital"].sum() == 250_000
    years = table[["year_1", "year_2", "year_3", "year_4"]].sum().to_numpy()
    assert np.allclose(years, [100_000, 200_000, 300_000, 400_000], atol=3)
    assert table.loc["E05000004", "main_reason"] == "IMD decile 7 is above the maximum 3."


def test_blend_gives_thirty_percent_by_head_and_seventy_by_need() -> None:
    """Two areas, same population, need 3:1: 30/70 blend gives 15% + 52.5% and 15% + 17.5%."""
    table = allocate(parse_spec(_fund(1_000_000, "blend")), _areas([100, 100], [75, 25])).table
    assert table["total"].tolist() == [675_000, 325_000]


def test_floor_and_cap_redistribute_the_rest_by_formula() -> None:
    """Per head 2:3:15 of £100,000 with a £20,000 floor and £60,000 cap gives 20/20/60."""
    spec = _fund(100_000, "per_capita", floor_gbp=20_000, cap_gbp=60_000)
    table = allocate(parse_spec(spec), _areas([1000, 1500, 7500], [1, 1, 1])).table
    assert table["total"].tolist() == [20_000, 20_000, 60_000]
    assert table["main_status"].tolist() == [FLOOR, FLOOR, CAP]


def test_minimum_viable_amount_drops_small_shares_and_respreads_them() -> None:
    """Shares below £15,000 are not worth making: that area gets nothing, the others share its money."""
    spec = _fund(100_000, "per_capita", minimum_viable_gbp=15_000)
    table = allocate(parse_spec(spec), _areas([1000, 4000, 5000], [1, 1, 1])).table
    assert table["total"].tolist() == [0, 44_444, 55_556]
    assert table["main_status"].tolist()[0] == BELOW_MINIMUM


def test_exponential_rank_weights_favour_the_most_deprived_steeply() -> None:
    """The top-ranked area of four gets far more than its score alone would give it."""
    score = allocate(parse_spec(_fund(1_000_000, "need")), _areas([1] * 4, [40, 30, 20, 10])).table
    ranked = allocate(
        parse_spec(_fund(1_000_000, "need", need_weight="exponential_rank")),
        _areas([1] * 4, [40, 30, 20, 10]),
    ).table
    assert ranked["total"].iloc[0] > score["total"].iloc[0]
    assert ranked["total"].sum() == score["total"].sum() == 1_000_000


def test_areas_without_a_need_value_are_not_funded_by_need(five_areas) -> None:
    table = allocate(parse_spec(_fund(90_000, "need")), five_areas).table.set_index("area_code")
    assert table.loc["E05000005", "total"] == 0
    assert (
        table.loc["E05000005", "main_reason"] == "has no imd_score, so its need cannot be weighed."
    )


def test_amount_per_area_sets_the_pot_from_the_eligible_count(five_areas) -> None:
    raw = {
        "fund": {"name": "x", "amount_per_area_gbp": 250_000, "years": 2},
        "eligibility": {"imd_decile_max": 1},
    }
    result = allocate(parse_spec(raw), five_areas)
    assert result.pot_gbp == 500_000
    assert result.table["total"].tolist() == [250_000, 250_000, 0, 0, 0]


def test_select_top_keeps_the_areas_most_in_need_and_says_why_not(five_areas) -> None:
    raw = {
        "fund": {"name": "x", "amount_per_area_gbp": 1_000},
        "eligibility": {"select_top": 2, "rank_by": "cni_rank"},
    }
    table = allocate(parse_spec(raw), five_areas).table.set_index("area_code")
    assert table.index[table["total"] > 0].tolist() == ["E05000001", "E05000003"]
    assert "not among the 2 most in need by cni_rank (position 3)" in str(
        table.loc["E05000002", "main_reason"]
    )


def test_capacity_ring_fence_follows_its_own_rule_and_counts_as_revenue(five_areas) -> None:
    """5% of £1m goes equally to the one 'left behind' ward; the rest by need to decile 1-3 wards."""
    raw = _fund(1_000_000, "need")
    raw["eligibility"] = {"imd_decile_max": 3}
    raw["capacity"] = {
        "percent": 5,
        "eligibility": {"left_behind": True},
        "formula": {"method": "equal"},
    }
    result = allocate(parse_spec(raw), five_areas)
    table = result.table.set_index("area_code")
    assert (result.main_pot_gbp, result.capacity_pot_gbp) == (950_000, 50_000)
    assert table["capacity"].tolist() == [50_000, 0, 0, 0, 0]
    assert table["total"].sum() == 1_000_000
    assert table["capital"].sum() == 380_000  # 40% of the main share only
    assert (table["revenue"] >= table["capacity"]).all()


def test_no_eligible_area_is_a_clear_error(five_areas) -> None:
    raw = _fund(1_000, "equal")
    raw["eligibility"] = {"population_min": 50_000}
    with pytest.raises(Exception, match="no area is eligible"):
        allocate(parse_spec(raw), five_areas)


def test_split_by_year_keeps_each_area_and_the_capital_total_exact() -> None:
    capital, revenue = split_by_year([333_333, 1, 999_999], (20.0, 30.0, 50.0), (100.0, 50.0, 0.0))
    totals = capital.sum(axis=1) + revenue.sum(axis=1)
    assert totals.tolist() == [333_333, 1, 999_999]
    assert capital.sum() == round((333_333 + 1 + 999_999) * 0.35)
    assert (capital[:, 2] == 0).all() and (revenue[:, 0] == 0).all()


def test_areas_paid_by_another_fund_are_left_out(five_areas) -> None:
    """An allocation CSV from another fund excludes the areas it paid (total > 0), and says so."""
    table = allocate(load_spec(FILES / "excludes_other_fund.toml"), five_areas).table
    table = table.set_index("area_code")
    assert table["total"].tolist() == [0, 45_000, 45_000, 0, 0]
    assert table.loc["E05000001", "main_reason"] == (
        "already funded by another fund (other_fund_allocation.csv)."
    )


@settings(max_examples=40, deadline=None)
@given(area_lists, methods, st.integers(min_value=1_000_000, max_value=10**9), st.data())
def test_minimum_viable_amount_is_all_or_nothing(areas: tuple, method: str, pot: int, data) -> None:
    """Every area gets nothing or at least the minimum viable amount, and the pot is still spent."""
    # Up to an equal share, so the largest share always reaches it.
    minimum = data.draw(st.integers(min_value=0, max_value=pot // len(areas[0])))
    spec = _fund(pot, method, minimum_viable_gbp=minimum)
    table = allocate(parse_spec(spec), _areas(*areas)).table
    assert table["total"].sum() == pot
    paid = table.loc[table["total"] > 0, "total"]
    assert (paid >= minimum).all()


@settings(max_examples=40, deadline=None)
@given(area_lists, methods, pots, st.integers(min_value=0, max_value=100))
def test_ring_fence_and_main_share_add_up_to_the_pot(
    areas: tuple, method: str, pot: int, percent: int
) -> None:
    """The ring-fenced share is its percentage of the pot to the pound; both parts are exact."""
    populations, needs = areas
    frame = _areas(populations, needs).assign(left_behind=[i % 2 == 0 for i in range(len(needs))])
    spec = _fund(pot, method)
    spec["capacity"] = {"percent": percent, "eligibility": {"left_behind": True}}
    result = allocate(parse_spec(spec), frame)
    table = result.table
    assert table["total"].sum() == pot
    assert (
        table["capacity"].sum()
        == result.capacity_pot_gbp
        == int(np.floor(pot * percent / 100 + 0.5))
    )
    assert (table.loc[~table["left_behind"], "capacity"] == 0).all()
    assert (table["capacity"] <= table["revenue"]).all()


def test_a_minimum_no_area_reaches_is_named() -> None:
    spec = _fund(100_000, "equal", minimum_viable_gbp=60_000)
    with pytest.raises(
        InputError, match="no area's share reaches the minimum viable amount £60,000"
    ) as caught:
        allocate(parse_spec(spec), _areas([10, 10], [1, 1]))
    assert caught.value.field == "formula.minimum_viable_gbp"


@settings(max_examples=30, deadline=None)
@given(
    area_lists, st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=6), st.data()
)
def test_many_scenarios_at_once_equal_one_at_a_time(areas: tuple, blends: list[int], data) -> None:
    """The vectorised path (used by the benchmark) gives each scenario the same pounds as alone."""
    from n4c.allocation import largest_remainder, spread_pot

    populations, needs = areas
    n, scenarios = len(populations), len(blends)
    population = np.array(populations, dtype=float)
    need = population * np.array(needs, dtype=float)
    pot = data.draw(st.integers(min_value=n * 1_000, max_value=10**8))
    floor = data.draw(st.sampled_from([0, 500]))
    components = np.stack([np.tile(population, (scenarios, 1)), np.tile(need, (scenarios, 1))])
    shares = np.array([[1 - b / 100 for b in blends], [b / 100 for b in blends]])
    together = spread_pot(components, shares, np.ones((scenarios, n), bool), pot, floor_gbp=floor)
    rounded = largest_remainder(together.amounts_gbp, np.full(scenarios, pot))
    for s, blend in enumerate(blends):
        alone = spread_pot(
            np.stack([population, need]),
            [1 - blend / 100, blend / 100],
            np.ones(n, bool),
            pot,
            floor_gbp=floor,
        )
        assert (largest_remainder(alone.amounts_gbp, [pot])[0] == rounded[s]).all()
