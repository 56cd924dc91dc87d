"""Ward scores and the 'left behind' test against OCSI's published list."""

from __future__ import annotations

import pandas as pd
import pytest

from n4c.errors import InputError
from n4c.needs import (
    compare_left_behind,
    left_behind_lsoa21,
    lsoa_table,
    ward_table,
    weighted_ward_scores,
)


@pytest.fixture(scope="module")
def wards() -> pd.DataFrame:
    return ward_table(2019)


def test_the_rule_reproduces_at_least_219_of_the_225_published_wards(wards: pd.DataFrame) -> None:
    agreement = compare_left_behind(wards)
    assert agreement.published == 225
    assert agreement.matched >= 219
    assert agreement.predicted == 225


def test_the_cut_offs_are_the_worst_tenth_of_wards_on_each_index(wards: pd.DataFrame) -> None:
    assert wards.attrs["imd_cut"] == wards.attrs["wards_scored"] // 10 == 742
    assert wards.attrs["cni_cut"] == 743
    flagged = wards[wards["left_behind"]]
    assert flagged["imd_rank"].max() <= 742 and flagged["cni_rank"].max() <= 743


def test_every_cni_ward_is_kept_even_without_lsoas(wards: pd.DataFrame) -> None:
    """A ward that the best-fit lookup gives no LSOA is kept, unscored and not left behind."""
    assert len(wards) == 7_433
    empty = wards[wards["lsoa_count"] == 0]
    assert len(empty) == 7_433 - 7_421
    assert empty["imd_score"].isna().all() and not empty["left_behind"].any()


def test_population_weights_can_be_another_year() -> None:
    agreement = compare_left_behind(ward_table(2019, population="mid2019"))
    assert agreement.matched >= 215


def test_an_unknown_population_year_is_refused() -> None:
    with pytest.raises(InputError, match='"mid2016" is not a population year'):
        ward_table(2019, population="mid2016")  # type: ignore[arg-type]


def test_an_lsoa_without_a_ward_is_reported_not_dropped() -> None:
    scores = pd.Series({"E01000001": 10.0, "E01000002": 20.0})
    with pytest.raises(
        InputError, match="1 LSOAs have no ward in the LSOA→ward lookup, for example E01000002"
    ):
        weighted_ward_scores(
            scores,
            pd.Series({"E01000001": "E05000001"}),
            pd.Series({"E01000001": 1, "E01000002": 1}),
        )


def test_the_lsoa_table_covers_england_and_sums_its_population() -> None:
    table = lsoa_table(2019)
    assert len(table) == 32_844 and table["lsoa11_code"].is_unique
    assert (
        table["population"].sum()
        == ward_table(2019)["population"].sum()
        + table.loc[table["ward_imd_decile"].isna(), "population"].sum()
    )


def test_the_lsoa_2021_variant_agrees_with_the_flag_shipped_with_cni_2023() -> None:
    agreement = compare_left_behind(left_behind_lsoa21(), code_column="lsoa21_code")
    assert agreement.published == 1_262
    assert agreement.matched >= 1_260


def test_the_lsoa_2021_variant_shows_each_lsoa_s_published_domains() -> None:
    table = left_behind_lsoa21()
    assert list(table.columns[:3]) == ["lsoa21_code", "lsoa21_name", "imd_score"]
    assert table["income_decile"].between(1, 10).all()
    assert table["civic_assets_rank"].notna().all()
    assert (table.loc[table["left_behind"], "income_decile"] <= 3).all()
