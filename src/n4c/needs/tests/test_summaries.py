"""The six official IoD summary measures, by hand, on the published MSOA figures and as properties."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from n4c.data import load
from n4c.errors import InputError
from n4c.needs.summaries import (
    extent_weights,
    summarise_areas,
    summarise_imd,
    summarise_imd2019,
)

MEASURES = [
    "average_score",
    "average_rank",
    "proportion_most_deprived_10pct",
    "extent",
    "local_concentration",
]


def _two_areas() -> pd.DataFrame:
    # N = 100 nationally. Area "X" has four LSOAs, "Y" one.
    return pd.DataFrame(
        {
            "area": ["X", "X", "X", "X", "Y"],
            "imd_score": [70.0, 45.0, 20.0, 8.0, 12.0],
            "imd_rank": [3, 12, 25, 60, 50],
            "population": [500, 1500, 2000, 1000, 1200],
            "income": [200.0, 300.0, np.nan, 50.0, 40.0],
            "employment": [100.0, 120.0, 80.0, 30.0, 20.0],
        }
    )


def test_each_measure_matches_a_hand_calculation() -> None:
    """Hand-worked: population weights, reversed ranks, ceil percentiles, a partial LSOA."""
    table = summarise_areas(
        _two_areas(),
        area_column="area",
        n_national=100,
        income_column="income",
        employment_column="employment",
    ).set_index("area_code")
    x = table.loc["X"]
    people = 500 + 1500 + 2000 + 1000
    assert x["average_score"] == pytest.approx(
        (500 * 70 + 1500 * 45 + 2000 * 20 + 1000 * 8) / people
    )
    # Reversed ranks: 101 − rank.
    assert x["average_rank"] == pytest.approx(
        (500 * 98 + 1500 * 89 + 2000 * 76 + 1000 * 41) / people
    )
    # Only rank 3 is in decile 1 (ceil(rank / 100 × 10) = 1).
    assert x["proportion_most_deprived_10pct"] == pytest.approx(1 / 4)
    # Percentiles 3, 12, 25, 60: weights 1, 0.95 − 0.9/19, 0.95 − 14 × 0.9/19, 0.
    step = 0.9 / 19
    assert x["extent"] == pytest.approx(
        (500 * 1 + 1500 * (0.95 - step) + 2000 * (0.95 - 14 * step)) / people
    )
    # 10% of 5,000 people = 500: exactly the most deprived LSOA.
    assert x["local_concentration"] == pytest.approx(98.0)
    # Blank numerators count as none.
    assert x["income_scale"] == 550 and x["employment_scale"] == 330
    assert x["lsoa_count"] == 4 and x["population"] == people


def test_local_concentration_takes_part_of_the_lsoa_that_crosses_ten_percent() -> None:
    """10% of 4,000 = 400 people: 300 from the worst LSOA and 100 of the next one's 700."""
    lsoas = pd.DataFrame(
        {
            "area": ["A", "A", "A"],
            "imd_score": [50.0, 30.0, 10.0],
            "imd_rank": [5, 20, 70],
            "population": [300, 700, 3000],
        }
    )
    table = summarise_areas(lsoas, area_column="area", n_national=100)
    assert table.loc[0, "local_concentration"] == pytest.approx((300 * 96 + 100 * 81) / 400)


def test_areas_are_ranked_with_one_as_the_most_deprived() -> None:
    table = summarise_areas(_two_areas(), area_column="area", n_national=100).set_index("area_code")
    assert table.loc["X", "rank_average_score"] == 1
    assert table.loc["Y", "rank_average_score"] == 2
    # Y has no LSOA in decile 1; X does.
    assert table.loc["X", "rank_proportion_most_deprived_10pct"] == 1
    # Without numerator columns the scales are blank and unranked.
    assert table["income_scale"].isna().all() and table["rank_income_scale"].isna().all()


def test_extent_uses_the_official_percentile_rule_over_the_national_count() -> None:
    """Percentile = ceil(rank / N × 100): with N = 32,844, rank 3,284 is in the 10th, 3,285 the 11th."""
    weights = extent_weights(np.array([3284, 3285, 9853, 9854]), 32_844)
    assert weights.tolist() == pytest.approx([1.0, 0.95, 0.05, 0.0])
    assert extent_weights(np.array([20]), 100)[0] == pytest.approx(0.95 - 9 * 0.9 / 19)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda f: f.drop(columns="imd_rank"), "imd_rank", "has no column 'imd_rank'"),
        (
            lambda f: f.assign(imd_score=[1.0, np.nan, 3.0, 4.0, 5.0]),
            "imd_score",
            "have no imd_score",
        ),
        (lambda f: f.assign(imd_rank=[3, 12, 25, 60, 101]), "imd_rank", "outside 1 to 100"),
        (lambda f: f.assign(population=[1, 2, 3, -4, 5]), "population", "negative"),
        (lambda f: f.assign(population=[1, 2, 3, 4, 0]), "population", "no population"),
    ],
)
def test_bad_input_is_reported_with_the_field_and_what_to_do(change, field, message) -> None:
    with pytest.raises(InputError, match=message) as caught:
        summarise_areas(change(_two_areas()), area_column="area", n_national=100)
    assert caught.value.field == field


def test_a_rank_beyond_the_rows_asks_for_the_national_count() -> None:
    with pytest.raises(InputError, match="pass n_national"):
        summarise_areas(_two_areas(), area_column="area")


def test_an_unknown_level_is_refused_by_name() -> None:
    with pytest.raises(
        InputError, match='"county" is not a summary level; choose one of lad, ward, msoa'
    ):
        summarise_imd2019("county")  # type: ignore[arg-type]


# --- Properties ---------------------------------------------------------------------------

lsoa_rows = st.lists(
    st.tuples(
        st.sampled_from(["A", "B", "C"]),
        st.floats(0, 90, allow_nan=False),
        st.integers(1, 200),
        st.integers(1, 5_000),
    ),
    min_size=1,
    max_size=30,
)


def _frame(rows: list[tuple[str, float, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["area", "imd_score", "imd_rank", "population"])


@settings(max_examples=60, deadline=None)
@given(
    score=st.floats(0, 100, allow_nan=False),
    rank=st.integers(1, 200),
    people=st.integers(1, 10_000),
)
def test_one_lsoa_aggregates_to_itself(score: float, rank: int, people: int) -> None:
    table = summarise_areas(
        _frame([("A", score, rank, people)]), area_column="area", n_national=200
    )
    row = table.iloc[0]
    assert row["average_score"] == pytest.approx(score)
    assert row["average_rank"] == pytest.approx(201 - rank)
    assert row["local_concentration"] == pytest.approx(201 - rank)
    assert row["proportion_most_deprived_10pct"] == (1.0 if math.ceil(rank / 20) == 1 else 0.0)
    assert row["extent"] == pytest.approx(extent_weights(np.array([rank]), 200)[0])


@settings(max_examples=60, deadline=None)
@given(rows=lsoa_rows, seed=st.integers(0, 2**32 - 1))
def test_row_order_changes_nothing(rows: list[tuple[str, float, int, int]], seed: int) -> None:
    frame = _frame(rows)
    shuffled = frame.sample(frac=1.0, random_state=seed % (2**32 - 1))
    first = summarise_areas(frame, area_column="area", n_national=200)
    second = summarise_areas(shuffled, area_column="area", n_national=200)
    pd.testing.assert_frame_equal(first, second, rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(rows=lsoa_rows, factor=st.integers(2, 50))
def test_measures_are_bounded_and_unchanged_by_scaling_every_population(
    rows: list[tuple[str, float, int, int]], factor: int
) -> None:
    frame = _frame(rows)
    table = summarise_areas(frame, area_column="area", n_national=200)
    assert table["extent"].between(0, 1).all()
    assert table["proportion_most_deprived_10pct"].between(0, 1).all()
    assert table["average_rank"].between(1, 200).all()
    assert (table["local_concentration"] >= table["average_rank"] - 1e-9).all()
    scaled = summarise_areas(
        frame.assign(population=frame["population"] * factor), area_column="area", n_national=200
    )
    pd.testing.assert_frame_equal(table[MEASURES], scaled[MEASURES], rtol=1e-9, check_exact=False)


# --- Real data ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def msoas() -> pd.DataFrame:
    ours = summarise_imd2019("msoa").set_index("area_code")
    published = load("imd2019_msoa11").set_index("msoa11_code")
    return ours.join(published, how="inner")


def test_msoa_average_scores_match_the_published_msoa_scores(msoas: pd.DataFrame) -> None:
    """humaniverse/IMD built its MSOA scores the same way from File 7 and File 6."""
    assert len(msoas) == 6_791
    assert np.abs(msoas["average_score"] - msoas["Score"]).max() < 1e-9


def test_msoa_proportions_match_the_published_msoa_proportions(msoas: pd.DataFrame) -> None:
    assert np.abs(msoas["proportion_most_deprived_10pct"] - msoas["Proportion"]).max() < 1e-12


@pytest.fixture(scope="module")
def local_authorities() -> pd.DataFrame:
    return summarise_imd2019("lad")


def test_every_lsoa_and_person_is_counted_once_in_local_authorities(
    local_authorities: pd.DataFrame,
) -> None:
    denominators = load("imd2019_population_denominators")
    assert len(local_authorities) == 317
    assert local_authorities["lsoa_count"].sum() == 32_844
    assert local_authorities["population"].sum() == denominators["pop_total_mid2015"].sum()
    for measure in MEASURES:
        assert local_authorities[f"rank_{measure}"].min() == 1


def test_the_most_deprived_local_authorities_are_the_ones_the_release_names(
    local_authorities: pd.DataFrame,
) -> None:
    """The IoD 2019 Statistical Release: Blackpool is most deprived on average score, and
    Middlesbrough has the largest share of LSOAs in the most deprived decile (about 49%)."""
    first = local_authorities.set_index("rank_average_score").loc[1]
    assert first["area_name"] == "Blackpool"
    share = local_authorities.set_index("rank_proportion_most_deprived_10pct").loc[1]
    assert share["area_name"] == "Middlesbrough"
    assert round(share["proportion_most_deprived_10pct"], 2) == 0.49


def test_ward_summaries_cover_every_lsoa_in_england() -> None:
    wards = summarise_imd2019("ward")
    assert wards["lsoa_count"].sum() == 32_844
    assert len(wards) == 7_427


# --- IoD 2025 -----------------------------------------------------------------------------

CENSUS_LABEL = "Census 2021 usual residents (standing in for IoD 2025 File 6)"


@pytest.fixture(scope="module")
def local_authorities_2025() -> pd.DataFrame:
    return summarise_imd(2025, "lad")


def test_2025_local_authorities_are_the_296_of_2024_with_every_lsoa_once(
    local_authorities_2025: pd.DataFrame,
) -> None:
    table = local_authorities_2025
    assert len(table) == 296
    assert table["lsoa_count"].sum() == 33_755
    assert table["area_code"].str.match(r"^E0[6-9]").all()
    for measure in [*MEASURES, "income_scale", "employment_scale"]:
        assert table[f"rank_{measure}"].min() == 1
        assert table[measure].notna().all()


def test_blackpool_is_the_most_deprived_local_authority_on_average_score_in_2025(
    local_authorities_2025: pd.DataFrame,
) -> None:
    """As in 2019, Blackpool leads the IoD 2025 local authority summaries on average score."""
    first = local_authorities_2025.set_index("rank_average_score").loc[1]
    assert first["area_name"] == "Blackpool"
    assert first["area_code"] == "E06000009"


def test_2025_summaries_have_the_2019_columns_and_say_where_the_people_come_from(
    local_authorities_2025: pd.DataFrame,
) -> None:
    """Without File 6 the Census 2021 counts stand in, and every row says so."""
    assert list(local_authorities_2025.columns) == list(summarise_imd2019("lad").columns)
    assert set(local_authorities_2025["population_source"]) == {CENSUS_LABEL}
    assert local_authorities_2025["population"].sum() == 56_490_108


def test_2025_ward_summaries_cover_every_2024_ward_in_the_lookup() -> None:
    lookup = load("lookup_lsoa21_ward24_lad24")
    england = lookup[lookup["lsoa21_code"].str.startswith("E")]
    wards = summarise_imd(2025, "ward")
    assert len(wards) == 6_784
    assert set(wards["area_code"]) == set(england["ward24_code"])
    assert wards["lsoa_count"].sum() == 33_755
    named = england.drop_duplicates("ward24_code").set_index("ward24_code")["ward24_name"]
    assert (wards.set_index("area_code")["area_name"] == named.reindex(wards["area_code"])).all()


@pytest.mark.parametrize(
    ("year", "level", "message"),
    [
        (
            2025,
            "msoa",
            "msoa summaries are not available for IMD 2025; choose lad (local authority 2024) "
            "or ward (ward 2024).",
        ),
        (2025, "county", '"county" is not a summary level; choose one of lad, ward, msoa.'),
        (2017, "lad", "2017 is not"),
    ],
)
def test_an_unsupported_year_and_level_is_one_clear_sentence(
    year: int, level: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        summarise_imd(year, level)  # type: ignore[arg-type]
    assert message in str(caught.value)
