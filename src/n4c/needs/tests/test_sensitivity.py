"""Monte Carlo sensitivity of the 'left behind' test: exact at the official weights, seeded, sound."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from n4c.data import load
from n4c.errors import InputError
from n4c.needs.sensitivity import (
    _rank_rows,
    draw_domain_weights,
    left_behind_sensitivity,
    sensitivity_inputs,
    transformed_domains,
    ward_weight_matrix,
)
from n4c.needs.wards import lsoa_populations, ward_table, weighted_ward_scores

DOMAINS = [
    "Income",
    "Employment",
    "Education",
    "Health",
    "Crime",
    "Housing_and_Access",
    "Environment",
]
OFFICIAL = np.array([0.225, 0.225, 0.135, 0.135, 0.093, 0.093, 0.093])


@pytest.fixture(scope="module")
def result() -> pd.DataFrame:
    return left_behind_sensitivity(2019, replications=200, seed=7, chunk=64)


def test_at_the_official_weights_every_run_finds_the_same_wards_as_the_left_behind_test() -> None:
    """With draws pinned to the official weights and mid-2015 people, p is 1 for exactly the
    225 wards the deterministic test flags and 0 elsewhere."""
    pinned = left_behind_sensitivity(
        2019, replications=3, seed=1, concentration=1e12, population_years=("mid2015",)
    )
    flagged = set(ward_table(2019).query("left_behind")["ward17_code"])
    assert set(pinned.loc[pinned["p_left_behind"] == 1, "ward_code"]) == flagged
    assert set(pinned["p_left_behind"].unique()) == {0.0, 1.0}
    # Only wards whose scores tie to about 1e-6 may swap places under the residual jitter.
    assert (pinned["rank_p95"] - pinned["rank_p05"]).max() <= 1


def test_ward_scores_by_the_domain_shortcut_equal_the_lsoa_route() -> None:
    """w @ (Xᵀ A) equals weighting LSOA scores w @ Xᵀ by population within each ward."""
    inputs = sensitivity_inputs(2019)
    weights = np.array([0.3, 0.15, 0.15, 0.1, 0.1, 0.1, 0.099])
    shortcut = weights @ inputs.domain_by_ward["mid2017"]

    ranks = load("imd2019_lsoa11")
    lsoa_scores = pd.Series(
        transformed_domains(ranks, [f"{d}_rank" for d in DOMAINS]) @ weights,
        index=ranks["lsoa11_code"].to_numpy(),
    )
    lookup = load("lookup_lsoa11_ward17").set_index("lsoa11_code")["ward17_code"]
    direct = weighted_ward_scores(lsoa_scores, lookup, lsoa_populations("mid2017"))["imd_score"]
    codes = inputs.ward_codes[inputs.scored]
    assert np.abs(direct.reindex(codes).to_numpy() - shortcut).max() < 1e-9


def test_the_same_seed_gives_the_same_table_and_another_seed_does_not(
    result: pd.DataFrame,
) -> None:
    again = left_behind_sensitivity(2019, replications=200, seed=7, chunk=50)
    pd.testing.assert_frame_equal(result, again)
    other = left_behind_sensitivity(2019, replications=200, seed=8)
    assert not result["p_left_behind"].equals(other["p_left_behind"])


def test_the_table_has_the_contract_columns_and_sound_values(result: pd.DataFrame) -> None:
    assert list(result.columns[:4]) == ["ward_code", "p_left_behind", "rank_p05", "rank_p95"]
    assert len(result) == 7_421
    assert result["p_left_behind"].between(0, 1).all()
    assert (result["rank_p05"] <= result["rank_median"]).all()
    assert (result["rank_median"] <= result["rank_p95"]).all()
    assert result["rank_p05"].min() >= 1 and result["rank_p95"].max() <= 7_421
    # The CNI does not vary: a ward outside its worst 743 can never be left behind.
    assert (result.loc[result["cni_rank"] > 743, "p_left_behind"] == 0).all()
    # Varying weights moves some wards across the cut-off.
    assert ((result["p_left_behind"] > 0) & (result["p_left_behind"] < 1)).sum() > 20


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"replications": 0}, "replications and chunk must be at least 1"),
        ({"population_years": ("mid2016",)}, "population years must be some of mid2015"),
        ({"concentration": 0.0}, "the concentration must be a positive number"),
        ({"year": 2025}, "2025 is not available"),
    ],
)
def test_unusable_settings_are_refused_with_a_reason(arguments: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        left_behind_sensitivity(**{"year": 2019, "replications": 2, **arguments})


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), concentration=st.floats(0.5, 1e6))
def test_drawn_weights_keep_the_official_total(seed: int, concentration: float) -> None:
    weights = draw_domain_weights(
        OFFICIAL, 50, concentration=concentration, rng=np.random.default_rng(seed)
    )
    assert weights.shape == (50, 7)
    assert np.allclose(weights.sum(axis=1), 0.999)
    assert (weights >= 0).all()


def test_drawn_weights_centre_on_the_official_weights() -> None:
    weights = draw_domain_weights(OFFICIAL, 20_000, concentration=100, rng=np.random.default_rng(3))
    assert np.abs(weights.mean(axis=0) - OFFICIAL).max() < 0.002


@settings(max_examples=60, deadline=None)
@given(
    scores=st.lists(
        st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=5, max_size=5),
        min_size=1,
        max_size=6,
    )
)
def test_ranks_in_each_replication_are_a_permutation_with_one_the_highest(
    scores: list[list[float]],
) -> None:
    matrix = np.array(scores)
    ranks = _rank_rows(matrix)
    for row, values in zip(ranks, matrix, strict=True):
        assert sorted(row.tolist()) == [1, 2, 3, 4, 5]
        assert values[row == 1][0] == values.max()


@settings(max_examples=60, deadline=None)
@given(
    wards=st.lists(st.integers(-1, 3), min_size=1, max_size=20),
    data=st.data(),
)
def test_each_wards_population_weights_sum_to_one(wards: list[int], data: st.DataObject) -> None:
    people = np.array(
        data.draw(st.lists(st.integers(1, 5000), min_size=len(wards), max_size=len(wards))),
        dtype=float,
    )
    matrix = ward_weight_matrix(np.array(wards), people, 4).toarray()
    for ward in range(4):
        expected = 1.0 if ward in wards else 0.0
        assert matrix[:, ward].sum() == pytest.approx(expected)
    outside = np.array(wards) == -1
    assert (matrix[outside] == 0).all()
