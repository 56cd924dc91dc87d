"""Areas frames: checks, custom neighbourhoods of LSOAs, and England's wards and LSOAs."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from n4c.allocation import aggregate_neighbourhoods, check_areas, load_areas
from n4c.errors import InputError

from .conftest import FILES

LSOAS = pd.DataFrame(
    {
        "lsoa11_code": ["A", "B", "C"],
        "population": [1000, 3000, 2000],
        "imd_score": [60.0, 20.0, 10.0],
        "ward17_code": ["W1", "W2", "W2"],
        "ward_left_behind": [True, False, False],
        "cni_score": [90.0, 10.0, 10.0],
    }
)
WARD_SCORES = pd.Series([5.0, 15.0, 25.0, 35.0, 45.0, 55.0, 65.0, 75.0, 85.0, 95.0])


def test_duplicate_area_code_names_its_row() -> None:
    frame = pd.DataFrame(
        {"area_code": ["A", "B", "A"], "area_name": list("abc"), "population": [1, 2, 3]}
    )
    with pytest.raises(InputError, match='area code "A" appears more than once') as caught:
        check_areas(frame)
    assert (caught.value.row, caught.value.field) == (3, "area_code")


def test_negative_population_is_refused() -> None:
    frame = pd.DataFrame({"area_code": ["A"], "area_name": ["a"], "population": [-5]})
    with pytest.raises(InputError, match='population "-5" must be a number of at least 0'):
        check_areas(frame)


def test_neighbourhood_population_sums_and_need_is_population_weighted() -> None:
    members = pd.DataFrame(
        {
            "neighbourhood_code": ["N1", "N1"],
            "neighbourhood_name": ["n", "n"],
            "lsoa11_code": ["A", "B"],
        }
    )
    row = aggregate_neighbourhoods(members, LSOAS, WARD_SCORES).iloc[0]
    assert row["population"] == 4000
    assert row["imd_score"] == pytest.approx((60 * 1000 + 20 * 3000) / 4000)
    assert row["cni_score"] == pytest.approx((90 * 1000 + 10 * 3000) / 4000)
    # A quarter of its people live in the 'left behind' ward: not a majority.
    assert row["left_behind_share"] == pytest.approx(0.25)
    assert not row["left_behind"]


def test_unknown_lsoa_in_a_neighbourhood_is_named() -> None:
    members = pd.DataFrame(
        {"neighbourhood_code": ["N1"], "neighbourhood_name": ["n"], "lsoa11_code": ["Z"]}
    )
    with pytest.raises(InputError, match='"Z" is not an English LSOA 2011 code') as caught:
        aggregate_neighbourhoods(members, LSOAS, WARD_SCORES)
    assert caught.value.row == 1


def test_an_lsoa_in_two_neighbourhoods_is_refused() -> None:
    members = pd.DataFrame(
        {
            "neighbourhood_code": ["N1", "N2"],
            "neighbourhood_name": ["n", "m"],
            "lsoa11_code": ["A", "A"],
        }
    )
    with pytest.raises(InputError, match='LSOA "A" is in more than one neighbourhood'):
        aggregate_neighbourhoods(members, LSOAS, WARD_SCORES)


needs_data = pytest.mark.skipif(
    not os.environ.get("N4C_DATA_MIRROR"), reason="needs the data mirror"
)


@needs_data
def test_custom_neighbourhoods_from_real_lsoas() -> None:
    areas = load_areas("custom", 2019, custom_areas=FILES / "neighbourhoods.csv")
    assert areas["area_code"].tolist() == ["N001", "N002"]
    assert areas["lsoa_count"].tolist() == [2, 1]
    assert areas["imd_decile"].between(1, 10).all()


@needs_data
def test_lsoa_level_carries_its_ward_flag_and_cni(england_wards) -> None:
    areas = load_areas("lsoa", 2019)
    assert len(areas) == 32_844
    assert {"left_behind", "cni_rank", "imd_decile"} <= set(areas.columns)
    assert areas["area_code"].is_monotonic_increasing


def test_other_years_are_refused() -> None:
    with pytest.raises(InputError, match="2025 is not available yet") as caught:
        load_areas("ward", 2025)
    assert caught.value.field == "--year"


@needs_data
def test_a_fund_over_custom_neighbourhoods(tmp_path) -> None:
    """A spec at the custom level reads its neighbourhoods relative to the spec file."""
    from n4c.allocation import allocate, load_spec

    (tmp_path / "neighbourhoods.csv").write_text(
        (FILES / "neighbourhoods.csv").read_text(encoding="utf-8"), encoding="utf-8"
    )
    spec = tmp_path / "fund.toml"
    spec.write_text(
        '[fund]\nname = "n"\nlevel = "custom"\ncustom_areas = "neighbourhoods.csv"\n'
        'pot_gbp = 100_001\n[formula]\nmethod = "need"\n',
        encoding="utf-8",
    )
    fund = load_spec(spec)
    table = allocate(fund, load_areas("custom", 2019, custom_areas=fund.custom_areas)).table
    assert table["area_code"].tolist() == ["N001", "N002"]
    assert table["total"].sum() == 100_001


def test_neighbourhoods_carry_ocsi_s_flag_by_the_same_group_rule() -> None:
    """OCSI's flag for a neighbourhood is the one group rule applied to OCSI's ward flags."""
    lsoas = LSOAS.assign(ward_left_behind_published=[True, True, False])
    members = pd.DataFrame(
        {
            "neighbourhood_code": ["N1", "N1", "N2"],
            "neighbourhood_name": ["n", "n", "m"],
            "lsoa11_code": ["A", "B", "C"],
        }
    )
    frame = aggregate_neighbourhoods(members, lsoas, WARD_SCORES).set_index("area_code")
    assert [bool(frame.loc["N1", c]) for c in ("left_behind", "left_behind_published")] == [
        False,
        True,
    ]
    assert [bool(frame.loc["N2", c]) for c in ("left_behind", "left_behind_published")] == [
        False,
        False,
    ]


def test_neighbourhood_and_platform_ward_groups_share_one_rule() -> None:
    """Half the residents in left-behind wards is not a majority, in either place."""
    from n4c.needs import group_is_left_behind

    lsoas = LSOAS.assign(population=[2000, 1000, 1000])
    members = pd.DataFrame(
        {
            "neighbourhood_code": ["N1"] * 3,
            "neighbourhood_name": ["n"] * 3,
            "lsoa11_code": list("ABC"),
        }
    )
    row = aggregate_neighbourhoods(members, lsoas, WARD_SCORES).iloc[0]
    assert row["left_behind_share"] == pytest.approx(0.5)
    assert bool(row["left_behind"]) is bool(group_is_left_behind([0.5])[0]) is False
