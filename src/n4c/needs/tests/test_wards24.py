"""'Left behind' 2024 wards: n4c's own estimate from IMD 2025 and CNI 2023, on the real files."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from n4c.data import load, population_for_2025
from n4c.errors import InputError
from n4c.needs import left_behind_listing, rank_ward_means, ward24_table
from n4c.needs.ward_domains import CNI_DOMAINS, IMD_DOMAINS
from n4c.needs.wards24 import WARD24_COLUMNS


@pytest.fixture(scope="module")
def wards() -> pd.DataFrame:
    return ward24_table()


def test_every_english_2024_ward_with_an_lsoa_in_the_lookup_is_a_row(wards: pd.DataFrame) -> None:
    lookup = load("lookup_lsoa21_ward24_lad24")
    england = lookup[lookup["lsoa21_code"].str.startswith("E")]
    assert len(wards) == england["ward24_code"].nunique() == 6_784
    assert wards["ward_code"].is_unique
    assert set(wards["ward_code"]) == set(england["ward24_code"])
    assert wards["lsoa_count"].sum() == len(england) == 33_755


def test_the_table_starts_with_the_contract_columns(wards: pd.DataFrame) -> None:
    assert tuple(wards.columns[: len(WARD24_COLUMNS)]) == WARD24_COLUMNS == (
        "ward_code", "ward_name", "lad_code", "lad_name", "imd_score", "imd_rank",
        "cni_score", "cni_rank", "left_behind",
    )  # fmt: skip
    for name in IMD_DOMAINS:
        assert {f"{name}_rank", f"{name}_decile"} <= set(wards.columns)
    for name in CNI_DOMAINS:
        assert {f"{name}_score", f"{name}_rank"} <= set(wards.columns)


def test_left_behind_is_the_worst_tenth_on_both_indices(wards: pd.DataFrame) -> None:
    """The count is stated, plausible for 10% of both, and is the rule applied to the table."""
    cut = wards.attrs["imd_cut"]
    assert cut == wards.attrs["cni_cut"] == len(wards) // 10 == 678
    recomputed = (wards["imd_rank"] <= cut) & (wards["cni_rank"] <= cut)
    assert (wards["left_behind"] == recomputed).all()
    assert 100 <= int(wards["left_behind"].sum()) <= 400
    assert int(wards["left_behind"].sum()) == 195


def test_a_ward_score_is_the_population_weighted_mean_of_its_lsoas(wards: pd.DataFrame) -> None:
    lookup = load("lookup_lsoa21_ward24_lad24")
    ward = wards.loc[wards["ward_code"] == "E05011963"].iloc[0]  # West Clacton & Jaywick Sands
    members = lookup.loc[lookup["ward24_code"] == ward["ward_code"], "lsoa21_code"]
    people = population_for_2025().frame.set_index("lsoa21_code")["population"][members]
    imd = load("imd2025_lsoa21").set_index("lsoa21_code")["IMD_score"][members]
    cni = load("cni2023_lsoa21").set_index("lsoa21_code")["Community Needs Index 2023 Score"]
    assert ward["imd_score"] == pytest.approx(np.average(imd, weights=people))
    assert ward["cni_score"] == pytest.approx(np.average(cni[members], weights=people))
    assert ward["population"] == people.sum()


def test_ranks_are_one_for_the_most_deprived_and_the_highest_need(wards: pd.DataFrame) -> None:
    for index in ("imd", "cni", *CNI_DOMAINS):
        ranked = wards.sort_values(f"{index}_rank")
        assert ranked[f"{index}_rank"].tolist() == list(range(1, len(wards) + 1))
        assert ranked[f"{index}_score"].is_monotonic_decreasing
    for name in IMD_DOMAINS:
        assert sorted(wards[f"{name}_rank"]) == list(range(1, len(wards) + 1))
        assert set(wards[f"{name}_decile"]) == set(range(1, 11))


def test_the_most_deprived_wards_lead_on_income_and_employment(wards: pd.DataFrame) -> None:
    """The domain columns explain the result: left-behind wards are income-deprived wards."""
    flagged = wards[wards["left_behind"]]
    assert flagged["income_decile"].median() == 1
    assert flagged["income_decile"].max() <= 3


def test_the_population_source_is_named_as_the_summaries_name_it(wards: pd.DataFrame) -> None:
    assert set(wards["population_source"]) == {population_for_2025().label}
    assert set(wards["population_source"]) <= {
        "Census 2021 usual residents (standing in for IoD 2025 File 6)",
        "IoD 2025 File 6, mid-2022",
    }
    assert (
        "Census 2021" in wards.attrs["population_source"]
        or "File 6" in (wards.attrs["population_source"])
    )


def test_ward_means_rank_the_highest_first() -> None:
    scores = pd.DataFrame({"cni": [10.0, 40.0, 5.0]}, index=["E01000001", "E01000002", "E01000003"])
    wards = pd.Series(
        {"E01000001": "E05000002", "E01000002": "E05000002", "E01000003": "E05000001"}
    )
    people = pd.Series({"E01000001": 3000, "E01000002": 1000, "E01000003": 1500})
    ranked = rank_ward_means(
        scores, wards, people, ward_column="ward24_code", lsoa_column="lsoa21_code"
    )
    assert ranked["cni_rank"].to_dict() == {"E05000001": 2, "E05000002": 1}
    assert ranked.index.name == "ward24_code"


def test_the_listing_offers_2024_wards_at_ward_level_only_for_2025() -> None:
    listing = left_behind_listing(2025, level="ward")
    assert listing.agreement is None and listing.areas == "wards (2024)"
    assert left_behind_listing(2025).areas == "LSOAs (2021)"
    with pytest.raises(InputError, match="2019 has no LSOA list"):
        left_behind_listing(2019, level="lsoa")
    with pytest.raises(InputError, match="\"msoa\" is not a level for the 'left behind' test"):
        left_behind_listing(2025, level="msoa")
