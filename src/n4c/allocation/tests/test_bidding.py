"""The simulated competitive-bidding baseline."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from n4c.allocation.bidding import simulate_bidding
from n4c.errors import InputError

AREAS = pd.DataFrame({"population": [5000] * 40, "cni_rank": range(1, 41)})


def test_bids_spend_the_exact_pot_and_repeat_with_the_same_seed() -> None:
    first = simulate_bidding(AREAS, 1_000_001, 100_000, seed=7)
    assert first.sum() == 1_000_001
    assert (first == simulate_bidding(AREAS, 1_000_001, 100_000, seed=7)).all()


def test_capacity_moves_money_away_from_the_areas_most_in_need() -> None:
    """With capacity mattering, the ten highest-need areas win less than the ten lowest-need ones."""
    amounts = simulate_bidding(AREAS, 1_000_000, 100_000, capacity_strength=3.0, runs=500)
    assert amounts[:10].sum() < amounts[-10:].sum() / 3


def test_a_fair_lottery_spreads_money_roughly_evenly() -> None:
    amounts = simulate_bidding(AREAS, 1_000_000, 100_000, capacity_strength=0.0, runs=2000)
    assert np.abs(amounts - 25_000).max() < 6_000


def test_areas_without_people_do_not_bid() -> None:
    areas = AREAS.assign(population=[0] + [5000] * 39)
    assert simulate_bidding(areas, 1_000_000, 100_000)[0] == 0


def test_a_missing_cni_rank_column_is_named() -> None:
    with pytest.raises(InputError, match='needs a "cni_rank" column'):
        simulate_bidding(AREAS.drop(columns="cni_rank"), 100, 10)


@pytest.mark.parametrize("strength", [float("nan"), float("inf"), -1.0, 1e30])
def test_a_capacity_strength_outside_0_to_20_is_refused(strength: float) -> None:
    with pytest.raises(InputError, match="must be a number from 0 to 20"):
        simulate_bidding(AREAS, 1_000_000, 100_000, capacity_strength=strength)
