"""Matched comparators for supported wards, on the published 2019 ward data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from n4c.errors import InputError
from n4c.evaluate import MATCHING_VARIABLES, find_comparators, match_comparators, read_area_codes
from n4c.evaluate.comparators import ward_matching_table

# Five wards of OCSI's 2019 'left behind' list, in five regions.
LEFT_BEHIND = ["E05000652", "E05000981", "E05001087", "E05001180", "E05002452"]


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return ward_matching_table()


@pytest.fixture(scope="module")
def chosen():
    return find_comparators(LEFT_BEHIND, pool="left-behind", k=3)


def test_the_example_wards_are_on_the_published_list(table) -> None:
    assert table.loc[LEFT_BEHIND, "left_behind_published"].all()
    assert int(table["left_behind_published"].sum()) == 225


def test_every_supported_ward_gets_k_comparators_none_twice(chosen) -> None:
    assert sorted(chosen.matches) == sorted(LEFT_BEHIND)
    used = [code for comparators in chosen.matches.values() for code in comparators]
    assert all(len(comparators) == 3 for comparators in chosen.matches.values())
    assert len(used) == len(set(used)) == 15


def test_supported_wards_are_never_their_own_comparators(chosen, table) -> None:
    used = {code for comparators in chosen.matches.values() for code in comparators}
    assert not used & set(LEFT_BEHIND)
    assert table.loc[sorted(used), "left_behind_published"].all()
    assert chosen.pool_size == 225 - len(LEFT_BEHIND)


def test_matching_improves_balance_on_most_variables(chosen) -> None:
    assert set(chosen.balance) == set(MATCHING_VARIABLES)
    better = [
        name
        for name, smd in chosen.balance.items()
        if abs(smd["smd_after"]) < abs(smd["smd_before"])
    ]
    assert len(better) > len(MATCHING_VARIABLES) / 2, chosen.balance


def test_the_deprived_pool_holds_deciles_one_and_two(table) -> None:
    chosen = find_comparators(LEFT_BEHIND[:2], pool="deprived", k=2)
    used = [code for comparators in chosen.matches.values() for code in comparators]
    assert set(table.loc[used, "imd_decile"]) <= {1, 2}
    assert chosen.pool_size == int(table["imd_decile"].isin([1, 2]).sum()) - 2


def test_the_version_freezes_the_selection_and_changes_with_the_method(chosen) -> None:
    again = find_comparators(list(reversed(LEFT_BEHIND)), pool="left-behind", k=3)
    assert again.version == chosen.version
    assert again.matches == chosen.matches
    assert find_comparators(LEFT_BEHIND, k=2).version != chosen.version
    assert find_comparators(LEFT_BEHIND, k=3, with_replacement=True).version != chosen.version


def test_comparators_come_from_the_same_region_while_the_pool_allows(chosen, table) -> None:
    same = sum(
        table.loc[code, "region"] == table.loc[comparator, "region"]
        for code, comparators in chosen.matches.items()
        for comparator in comparators
    )
    assert same == 15 - chosen.cross_region_matches


def _toy() -> pd.DataFrame:
    return pd.DataFrame(
        {"x": [0.0, 0.1, 0.2, 5.0, 9.0], "region": ["A"] * 5},
        index=[f"E0500000{i}" for i in range(1, 6)],
    )


def test_without_replacement_the_pairs_minimise_the_total_distance() -> None:
    """Greedy, in the order given, would pair 0.0 with its nearest (0.1), leaving 0.15 the ward at
    −0.3 (0.55 in all); the optimal pairs cost 0.35."""
    table = pd.DataFrame(
        {"x": [0.0, 0.15, 0.1, -0.3], "region": ["A"] * 4},
        index=[f"E0500000{i}" for i in range(1, 5)],
    )
    chosen = match_comparators(
        table, ["E05000001", "E05000002"], ["E05000003", "E05000004"], variables=["x"], k=1
    )
    assert chosen.matches == {"E05000001": ["E05000004"], "E05000002": ["E05000003"]}


def test_with_replacement_a_comparator_may_serve_twice() -> None:
    chosen = match_comparators(
        _toy(),
        ["E05000001", "E05000002"],
        ["E05000003", "E05000005"],
        variables=["x"],
        k=1,
        with_replacement=True,
    )
    assert chosen.matches == {"E05000001": ["E05000003"], "E05000002": ["E05000003"]}


def test_another_region_is_used_only_when_the_own_region_runs_out() -> None:
    table = pd.DataFrame(
        {"x": [0.0, 0.05, 5.0, 0.01], "region": ["A", "B", "A", "B"]},
        index=["E05000001", "E05000002", "E05000003", "E05000004"],
    )
    one = match_comparators(table, ["E05000001"], list(table.index), variables=["x"], k=1)
    assert one.matches == {"E05000001": ["E05000003"]}
    assert one.cross_region_matches == 0
    two = match_comparators(table, ["E05000001"], list(table.index), variables=["x"], k=2)
    # Its own region's one ward first, then the nearest ward of another region.
    assert two.matches == {"E05000001": ["E05000003", "E05000004"]}
    assert two.cross_region_matches == 1


def test_an_unknown_code_is_named() -> None:
    with pytest.raises(InputError, match='"E05999999" is not a ward of December 2017'):
        find_comparators(["E05000652", "E05999999"])


def test_a_code_of_the_wrong_shape_is_named() -> None:
    with pytest.raises(InputError, match=r'"E0100001" is not an English ward code \(expected E05'):
        find_comparators(["E0100001"])


def test_a_pool_too_small_without_replacement_is_refused() -> None:
    with pytest.raises(
        InputError, match=r"has 220 wards besides the supported ones, too few for 50 "
    ):
        find_comparators(LEFT_BEHIND, k=50)


def test_k_below_one_is_refused() -> None:
    with pytest.raises(InputError, match="k must be at least 1"):
        find_comparators(LEFT_BEHIND, k=0)


def test_an_unknown_pool_is_refused() -> None:
    with pytest.raises(InputError, match='"everyone" is not a pool n4c knows'):
        find_comparators(LEFT_BEHIND, pool="everyone")


def test_a_ward_listed_twice_is_refused() -> None:
    with pytest.raises(InputError, match='"E05000652" is listed twice'):
        find_comparators(["E05000652", "E05000652"])


def test_codes_are_read_from_a_list_a_file_or_a_csv(tmp_path: Path) -> None:
    assert read_area_codes("E05000652, E05001585") == ["E05000652", "E05001585"]
    lines = tmp_path / "wards.txt"
    lines.write_text("E05000652\nE05001585\n", encoding="utf-8")
    assert read_area_codes(str(lines)) == ["E05000652", "E05001585"]
    table = tmp_path / "wards.csv"
    table.write_text("name,ward17_code\nBreightmet,E05000652\n", encoding="utf-8")
    assert read_area_codes(str(table)) == ["E05000652"]


def test_a_csv_without_a_code_column_is_refused(tmp_path: Path) -> None:
    table = tmp_path / "wards.csv"
    table.write_text("name,place\nBreightmet,Bolton\n", encoding="utf-8")
    with pytest.raises(InputError, match="has no column of ward codes"):
        read_area_codes(str(table))


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_area_codes(str(tmp_path / "wards.csv"))


_RANDOM = pd.DataFrame(
    {
        "x": np.random.default_rng(3).normal(size=30),
        "z": np.random.default_rng(4).normal(size=30),
        "region": ["A", "B", "C"] * 10,
    },
    index=[f"E05{i:06d}" for i in range(30)],
)


@given(st.permutations(list(_RANDOM.index[6:])), st.booleans())
def test_the_order_of_the_pool_changes_no_match(pool, with_replacement) -> None:
    supported = list(_RANDOM.index[:6])
    first = match_comparators(
        _RANDOM, supported, list(_RANDOM.index[6:]), variables=["x", "z"], k=3,
        with_replacement=with_replacement,
    )  # fmt: skip
    again = match_comparators(
        _RANDOM, supported, pool, variables=["x", "z"], k=3, with_replacement=with_replacement
    )
    assert again.matches == first.matches
    assert again.version == first.version


@given(st.integers(min_value=1, max_value=4), st.integers(min_value=1, max_value=6))
def test_without_replacement_no_comparator_is_used_twice(k, supported_count) -> None:
    supported = list(_RANDOM.index[:supported_count])
    chosen = match_comparators(_RANDOM, supported, list(_RANDOM.index), variables=["x", "z"], k=k)
    used = [code for comparators in chosen.matches.values() for code in comparators]
    assert len(used) == len(set(used)) == k * supported_count
    assert not set(used) & set(supported)


def test_warnings_are_remade_from_the_kept_selection_in_english_on_the_cli() -> None:
    from n4c.evaluate.comparators import warnings_for

    kept = {
        "balance": {"a": {"smd_after": 0.5}, "b": {"smd_after": 0.0}},
        "cross_region_matches": 2,
    }
    said = warnings_for(kept)
    assert said[0] == (
        "1 of 2 variables are not balanced after matching (|SMD| of 0.1 or more): a."
    )
    assert said[1].startswith("2 comparators come from another region")
