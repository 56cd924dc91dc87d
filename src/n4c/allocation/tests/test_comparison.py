"""Comparing a fund with others and with simulated competitive bidding, in the library."""

from __future__ import annotations

import pandas as pd

from n4c.allocation import (
    BIDDING_SCENARIO,
    allocate,
    bidding_amounts,
    compare_scenarios,
    parse_spec,
)


def _fund(method: str) -> object:
    return parse_spec({"fund": {"name": method, "pot_gbp": 100_000}, "formula": {"method": method}})


def test_bidding_spends_the_same_pot_as_the_fund(five_areas: pd.DataFrame) -> None:
    result = allocate(_fund("need"), five_areas)  # type: ignore[arg-type]
    amounts = bidding_amounts(result, seed=3)
    assert int(amounts.sum()) == result.pot_gbp == 100_000
    assert (amounts == bidding_amounts(result, seed=3)).all()


def test_each_scenario_gets_one_row_of_measures_and_a_group_report(
    five_areas: pd.DataFrame,
) -> None:
    need = allocate(_fund("need"), five_areas)  # type: ignore[arg-type]
    equal = allocate(_fund("equal"), five_areas)  # type: ignore[arg-type]
    comparison = compare_scenarios(
        {
            "need": need.table["total"],
            "equal": equal.table["total"],
            BIDDING_SCENARIO: bidding_amounts(need),
        },
        need.table,
    )
    assert comparison.measures.index.tolist() == ["need", "equal", BIDDING_SCENARIO]
    assert set(comparison.reports) == {"need", "equal", BIDDING_SCENARIO}
    # Money by need goes more to the most deprived than the same money shared equally.
    measures = comparison.measures["concentration_index"]
    assert measures["need"] < measures["equal"]
