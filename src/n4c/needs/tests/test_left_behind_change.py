"""The published 2019 'left behind' wards beside the 2025 estimate, through their LSOAs."""

from __future__ import annotations

import pandas as pd
import pytest

from n4c.needs import LeftBehindChange, compare_left_behind_years, ward24_table, ward_table
from n4c.needs.left_behind_change import CHANGE_COLUMNS


@pytest.fixture(scope="module")
def change() -> LeftBehindChange:
    return compare_left_behind_years(ward_table(2019), ward24_table())


def _row(change: LeftBehindChange, year: int, code: str) -> pd.Series:
    rows = change.table[(change.table["year"] == year) & (change.table["ward_code"] == code)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_every_published_ward_and_every_2025_ward_is_a_row(change: LeftBehindChange) -> None:
    table = change.table
    assert tuple(table.columns) == CHANGE_COLUMNS
    published = ward_table(2019)
    assert set(table.loc[table["year"] == 2019, "ward_code"]) == set(
        published.loc[published["left_behind_published"], "ward17_code"]
    )
    assert change.published_2019 == 225
    wards24 = ward24_table()
    assert set(table.loc[table["year"] == 2025, "ward_code"]) == set(
        wards24.loc[wards24["left_behind"], "ward_code"]
    )
    assert change.found_2025 == int(wards24["left_behind"].sum())


def test_the_counts_are_the_statuses_by_the_half_rule(change: LeftBehindChange) -> None:
    table = change.table
    then, now = table[table["year"] == 2019], table[table["year"] == 2025]
    assert change.still_in == int((then["status"] == "still in").sum())
    assert change.still_in == int((then["overlap_share"] >= 0.5).sum())
    assert (
        change.new == int((now["status"] == "new").sum()) == int((now["overlap_share"] < 0.5).sum())
    )
    assert set(then["status"]) == {"still in", "out"}
    assert set(now["status"]) == {"new", "continuing"}
    assert table["overlap_share"].between(0, 1).all()
    assert (change.still_in, change.new) == (114, 83)


def test_jaywick_s_golf_green_is_still_in_and_dover_s_town_and_pier_is_out(
    change: LeftBehindChange,
) -> None:
    """Golf Green (Tendring) lies wholly in 2025 left-behind wards; Town and Pier in none."""
    golf_green = _row(change, 2019, "E05004235")
    assert (golf_green["ward_name"], golf_green["status"]) == ("Golf Green", "still in")
    assert golf_green["overlap_share"] == 1.0
    town_and_pier = _row(change, 2019, "E05004961")
    assert (town_and_pier["ward_name"], town_and_pier["status"]) == ("Town and Pier", "out")
    assert town_and_pier["overlap_share"] == 0.0
    jaywick = _row(change, 2025, "E05011963")
    assert (jaywick["ward_name"], jaywick["status"]) == (
        "West Clacton & Jaywick Sands",
        "continuing",
    )
