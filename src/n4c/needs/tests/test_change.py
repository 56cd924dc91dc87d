"""Change between IoD editions, on the published files: conversion codes, ranks, areas, the cache."""

from __future__ import annotations

import dataclasses
import io
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from n4c.data import DATASETS, dataset_path, load, loaders
from n4c.errors import InputError
from n4c.needs import change
from n4c.needs.change import check_change, find_change
from n4c.needs.editions import compare_editions

# Real examples from the ONS LSOA 2011 → 2021 lookup.
SPLIT_PARENT, SPLIT_PARTS = "E01033468", ("E01035189", "E01035190")  # Middlesbrough 001G
MERGED, MERGED_PARENTS = "E01035188", ("E01011973", "E01011976")  # Hartlepool 015C
IRREGULAR = {"E01035581", "E01035582", "E01035608", "E01035609", "E01035624", "E01035637"}


@pytest.fixture(scope="module")
def lsoa_2019_2025() -> pd.DataFrame:
    return compare_editions(2019, 2025, level="lsoa").table.set_index("lsoa21_code")


@pytest.fixture(scope="module")
def imd2019() -> pd.DataFrame:
    scores = load("imd2019_lsoa11_scores").set_index("lsoa11_code")["IMD_score"]
    return load("imd2019_lsoa11").set_index("lsoa11_code").assign(IMD_score=scores)


def test_the_examples_carry_the_codes_the_lookup_gives_them() -> None:
    lookup = load("lookup_lsoa11_lsoa21").set_index("lsoa21_code")
    assert set(lookup.loc[list(SPLIT_PARTS), "lsoa11_code"]) == {SPLIT_PARENT}
    assert set(lookup.loc[list(SPLIT_PARTS), "change_code"]) == {"S"}
    assert sorted(lookup.loc[[MERGED], "lsoa11_code"]) == sorted(MERGED_PARENTS)
    assert set(lookup.loc[[MERGED], "change_code"]) == {"M"}
    assert set(lookup.index[lookup["change_code"] == "X"]) == IRREGULAR


def test_a_split_lsoa_inherits_its_parents_published_values(lsoa_2019_2025, imd2019) -> None:
    parent = imd2019.loc[SPLIT_PARENT]
    for part in SPLIT_PARTS:
        row = lsoa_2019_2025.loc[part]
        assert row["change_code"] == "S"
        assert row["lsoa11_codes"] == SPLIT_PARENT
        assert row["score_2019"] == parent["IMD_score"]
        assert row["rank_2019"] == parent["IMD_rank"]
        assert row["decile_2019"] == parent["IMD_decile"]


def test_a_merged_lsoa_gets_the_population_weighted_score_ranked_among_the_editions_lsoas(
    lsoa_2019_2025, imd2019
) -> None:
    people = load("imd2019_population_denominators").set_index("lsoa11_code")["pop_total_mid2015"]
    parents = list(MERGED_PARENTS)
    expected = float(
        (imd2019.loc[parents, "IMD_score"] * people[parents]).sum() / people[parents].sum()
    )
    rank = 1 + int((imd2019["IMD_score"] > expected).sum())
    row = lsoa_2019_2025.loc[MERGED]
    assert row["change_code"] == "M"
    assert row["score_2019"] == pytest.approx(expected, abs=1e-12)
    assert row["rank_2019"] == rank
    assert row["decile_2019"] == int(np.ceil(rank / 32_844 * 10))
    assert row["population_source_2019"] == "IoD 2019 File 6, mid-2015"


def test_irregular_lsoas_are_listed_with_a_reason_never_given_a_value(lsoa_2019_2025) -> None:
    irregular = lsoa_2019_2025[lsoa_2019_2025["change_code"] == "X"]
    assert set(irregular.index) == IRREGULAR
    assert irregular[["score_2019", "rank_2019", "decile_2019", "rank_change"]].isna().all().all()
    assert irregular["rank_2025"].notna().all()
    assert irregular.loc["E01035637", "note"] == (
        "Irregular boundary change (ONS code X) from LSOAs 2011 E01008187, E01027506: "
        "no earlier value is estimated."
    )
    assert (lsoa_2019_2025.loc[lsoa_2019_2025["change_code"] != "X", "note"] == "").all()


def test_2019_to_2025_lists_every_lsoa_2021_with_its_published_2025_rank(lsoa_2019_2025) -> None:
    published = load("imd2025_lsoa21").set_index("lsoa21_code")
    assert len(lsoa_2019_2025) == 33_755
    assert int(lsoa_2019_2025["rank_change"].notna().sum()) == 33_755 - len(IRREGULAR)
    assert (
        lsoa_2019_2025["rank_2025"] == published["IMD_rank"].reindex(lsoa_2019_2025.index)
    ).all()
    unchanged = lsoa_2019_2025[lsoa_2019_2025["change_code"] == "U"]
    assert (unchanged["lsoa11_codes"] == unchanged.index).all()


def test_rank_change_is_the_earlier_rank_minus_the_later_one(lsoa_2019_2025) -> None:
    """Positive: nearer rank 1 in the later edition, relatively more deprived."""
    table = lsoa_2019_2025.dropna(subset=["rank_2019"])
    assert (table["rank_change"] == table["rank_2019"] - table["rank_2025"]).all()
    assert (table["decile_change"] == table["decile_2019"] - table["decile_2025"]).all()


@pytest.mark.parametrize(("from_year", "to_year"), [(2015, 2019), (2019, 2025)])
@pytest.mark.parametrize("level", ["lsoa", "ward", "lad"])
def test_every_row_carries_the_later_editions_council(
    from_year: int, to_year: int, level: str
) -> None:
    table = compare_editions(from_year, to_year, level=level).table
    edition = "lad19" if to_year == 2019 else "lad24"
    assert list(table.columns[-2:]) == ["lad_code", "lad_name"]
    assert (table["lad_code"] == table[f"{edition}_code"]).all()
    assert (table["lad_name"] == table[f"{edition}_name"]).all()


@pytest.mark.parametrize(
    ("level", "council", "rows", "irregular"),
    [("lsoa", "E06000009", 94, 0), ("lsoa", "Gateshead", 126, 1), ("ward", "Stevenage", 13, 1)],
)
def test_a_council_keeps_its_rows_and_counts_them_again(
    tmp_path: Path, monkeypatch, level: str, council: str, rows: int, irregular: int
) -> None:
    """The council's view is the national table's rows in it; the summary counts only those."""
    from n4c.needs.councils import resolve_council

    monkeypatch.setenv("N4C_DATA_DIR", str(tmp_path))
    national = find_change(2019, 2025, level=level)
    found = resolve_council(council, year=2025)
    result = national.for_council(found)
    everywhere = pd.read_csv(io.StringIO(national.csv), dtype={"note": str})
    expected = everywhere[everywhere["lad_code"] == found.code].reset_index(drop=True)
    table = pd.read_csv(io.StringIO(result.csv), dtype={"note": str})
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)
    assert result.rows == len(table) == rows
    assert result.irregular == irregular
    assert result.compared == int(table["rank_change"].notna().sum())
    assert result.to_a_more_deprived_decile == int((table["decile_change"] > 0).sum())
    assert result.to_a_less_deprived_decile == int((table["decile_change"] < 0).sum())


def test_2015_to_2019_needs_no_conversion_and_keeps_both_published_ranks(imd2019) -> None:
    table = compare_editions(2015, 2019, level="lsoa").table.set_index("lsoa11_code")
    imd2015 = load("imd2015_lsoa11").set_index("lsoa11_code")
    assert len(table) == 32_844
    assert (table["rank_2015"] == imd2015["IMD_rank"].reindex(table.index)).all()
    assert (table["rank_2019"] == imd2019["IMD_rank"].reindex(table.index)).all()
    assert "change_code" not in table.columns
    assert table[["lad19_code", "lad19_name"]].notna().all().all()


@pytest.mark.parametrize(
    ("from_year", "to_year", "level", "areas"),
    [
        (2015, 2019, "ward", 7_427),
        (2015, 2019, "lad", 317),
        (2019, 2025, "ward", 6_784),
        (2015, 2025, "lad", 296),
    ],
)
def test_wards_and_local_authorities_are_ranked_within_each_edition(
    from_year: int, to_year: int, level: str, areas: int
) -> None:
    table = compare_editions(from_year, to_year, level=level).table
    assert len(table) == areas
    for year in (from_year, to_year):
        assert sorted(table[f"rank_{year}"]) == list(range(1, areas + 1))
        assert table[f"population_source_{year}"].str.len().gt(0).all()
    assert table["lsoa_count"].sum() == (32_844 if to_year == 2019 else 33_755)


def test_a_ward_with_an_irregular_lsoa_is_scored_from_its_other_lsoas_and_says_so() -> None:
    table = compare_editions(2019, 2025, level="ward").table.set_index("ward24_code")
    marked = table[table["lsoas_not_converted"] > 0]
    assert marked["lsoas_not_converted"].sum() == len(IRREGULAR)
    assert marked["rank_2019"].notna().all()
    assert (marked["note"].str.contains("irregular boundary change")).all()


def test_a_ward_2024_score_weights_a_split_lsoa_by_its_share_of_the_parent(imd2019) -> None:
    """A split LSOA's 2019 population is its parent's, shared as the 2025 weights share it."""
    geography = load("lookup_lsoa21_ward24_lad24").set_index("lsoa21_code")
    ward = str(geography.at[SPLIT_PARTS[0], "ward24_code"])
    members = geography.index[geography["ward24_code"] == ward]
    lookup = load("lookup_lsoa11_lsoa21").set_index("lsoa21_code").loc[members]
    assert set(lookup["change_code"]) == {"U", "S"}
    census = load("population21_lsoa21_census").set_index("lsoa21_code")["total_residents"]
    people = load("imd2019_population_denominators").set_index("lsoa11_code")["pop_total_mid2015"]
    every = load("lookup_lsoa11_lsoa21")
    weights = {}
    for lsoa21, lsoa11 in lookup["lsoa11_code"].items():
        parts = every.loc[every["lsoa11_code"] == lsoa11, "lsoa21_code"]
        weights[lsoa21] = people[lsoa11] * census[str(lsoa21)] / census[parts].sum()
    scores = imd2019.loc[lookup["lsoa11_code"], "IMD_score"].to_numpy()
    expected = float(np.dot(scores, list(weights.values())) / sum(weights.values()))
    table = compare_editions(2019, 2025, level="ward").table.set_index("ward24_code")
    assert table.loc[ward, "score_2019"] == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            (2025, 2019, "lsoa"),
            "n4c cannot compare IoD 2025 with IoD 2019; choose one of 2015 to 2019, "
            "2015 to 2025, 2019 to 2025 (the earlier edition first).",
        ),
        (
            (2019, 2025, "msoa"),
            '"msoa" is not a level n4c compares; choose one of lsoa, ward, lad.',
        ),
    ],
)
def test_a_pair_or_level_n4c_does_not_compare_is_refused(args, message: str) -> None:
    with pytest.raises(InputError) as raised:
        check_change(*args)
    assert raised.value.message == message


@pytest.mark.parametrize(("from_year", "to_year"), change.CHANGE_PAIRS)
def test_the_result_reads_only_its_declared_inputs_and_is_then_read_back(
    from_year: int, to_year: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A mirror holding only the declared inputs is enough; the second call reads the cache."""
    names = (
        *change._EDITION_INPUTS[from_year],
        *change._EDITION_INPUTS[to_year],
        *change._INPUTS[to_year],
    )
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    for name in names:
        shutil.copy(dataset_path(name), mirror / DATASETS[name].filename)
    monkeypatch.setenv("N4C_DATA_MIRROR", str(mirror))
    monkeypatch.setenv("N4C_DATA_DIR", str(tmp_path / "home"))
    loaders._load_cached.cache_clear()
    try:
        first = find_change(from_year, to_year, level="ward")
        assert not first.from_cache
        loaders._load_cached.cache_clear()

        def refuse(*args: object) -> None:
            raise AssertionError("computed although a stored result is valid")

        monkeypatch.setattr(change, "_compute", refuse)
        second = find_change(from_year, to_year, level="ward")
        assert second.from_cache
        assert dataclasses.replace(second, from_cache=False) == first
    finally:
        loaders._load_cached.cache_clear()


def test_carrying_to_lsoa_2021_keeps_every_person_but_those_of_irregular_lsoas() -> None:
    """Splits share their parent's population out and merges add theirs up: none lost or made."""
    table = compare_editions(2019, 2025, level="ward").table
    people = load("imd2019_population_denominators").set_index("lsoa11_code")["pop_total_mid2015"]
    lookup = load("lookup_lsoa11_lsoa21")
    irregular = lookup.loc[lookup["change_code"] == "X", "lsoa11_code"].unique()
    # Each ward's population is rounded to whole people; one LSOA holds over 1,000.
    expected = people.sum() - people[irregular].sum()
    assert table["population_2019"].sum() == pytest.approx(expected, abs=50)
    census = load("population21_lsoa21_census")
    england = census.loc[census["lsoa21_code"].str.startswith("E"), "total_residents"]
    assert table["population_2025"].sum() == england.sum() == 56_490_108
