"""The shipped district-to-region lookup covers every English district of 2019 exactly once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from n4c.data import lad_regions, load
from n4c.errors import InputError

# Districts per region, December 2019 (ONS): they add up to England's 317 districts.
EXPECTED_DISTRICTS_PER_REGION = {
    "North East": 12,
    "North West": 39,
    "Yorkshire and The Humber": 21,
    "East Midlands": 40,
    "West Midlands": 30,
    "East of England": 45,
    "London": 33,
    "South East": 67,
    "South West": 30,
}
HEADER = "lad19_code,lad19_name,region19_code,region19_name\n"


@pytest.fixture(scope="module")
def regions() -> pd.DataFrame:
    return lad_regions()


@pytest.fixture(scope="module")
def denominators(tmp_path_factory: pytest.TempPathFactory) -> Iterator[pd.DataFrame]:
    """The IoD 2019 denominators file, read from N4C_DATA_MIRROR, keeping the user's home untouched."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("N4C_DATA_DIR", str(tmp_path_factory.mktemp("home")))
        yield load("imd2019_population_denominators")


def test_every_english_district_appears_once(regions: pd.DataFrame) -> None:
    assert len(regions) == 317
    assert regions["lad19_code"].is_unique
    assert list(regions.columns) == ["lad19_code", "lad19_name", "region19_code", "region19_name"]


def test_districts_per_region_match_ons_counts(regions: pd.DataFrame) -> None:
    assert regions["region19_name"].value_counts().to_dict() == EXPECTED_DISTRICTS_PER_REGION
    assert regions["region19_code"].nunique() == 9
    assert (regions.groupby("region19_code")["region19_name"].nunique() == 1).all()


@pytest.mark.parametrize(
    ("lad19_code", "lad19_name", "region19_code", "region19_name"),
    [
        ("E06000001", "Hartlepool", "E12000001", "North East"),
        ("E09000001", "City of London", "E12000007", "London"),
        # April 2019 districts that replaced older ones.
        ("E06000058", "Bournemouth, Christchurch and Poole", "E12000009", "South West"),
        ("E07000244", "East Suffolk", "E12000006", "East of England"),
        ("E07000246", "Somerset West and Taunton", "E12000009", "South West"),
    ],
)
def test_known_districts_sit_in_their_region(
    regions: pd.DataFrame, lad19_code: str, lad19_name: str, region19_code: str, region19_name: str
) -> None:
    row = regions.set_index("lad19_code").loc[lad19_code]
    assert (row["lad19_name"], row["region19_code"], row["region19_name"]) == (
        lad19_name,
        region19_code,
        region19_name,
    )


def test_every_district_in_the_iod_files_has_a_region_under_the_same_name(
    regions: pd.DataFrame, denominators: pd.DataFrame
) -> None:
    published = denominators[["lad19_code", "lad19_name"]].drop_duplicates()
    joined = published.merge(
        regions, on="lad19_code", how="outer", suffixes=("", "_lookup"), indicator=True
    )
    assert joined["_merge"].eq("both").all(), joined.loc[
        joined["_merge"] != "both", "lad19_code"
    ].tolist()
    assert (joined["lad19_name"] == joined["lad19_name_lookup"]).all()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "W06000001,Isle of Anglesey,W92000004,Wales\n",
            'row 1, field "lad19_code": "W06000001" is not an English local authority code '
            "(expected E06 to E09 and 6 digits).",
        ),
        (
            "E06000001,Hartlepool,E1200001,North East\n",
            'row 1, field "region19_code": "E1200001" is not an English region code (expected E12 and 6 digits).',
        ),
        (
            "E06000001,Hartlepool,E12000001,North East\nE06000001,Hartlepool,E12000001,North East\n",
            'row 2, field "lad19_code": "E06000001" appears twice; each district must appear once.',
        ),
        (
            "E06000001,,E12000001,North East\n",
            'row 1, field "lad19_name": is blank, but every district needs a name.',
        ),
    ],
)
def test_a_damaged_lookup_names_row_field_and_remedy(
    tmp_path: Path, body: str, message: str
) -> None:
    path = tmp_path / "lad19_region19.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        lad_regions(path=path)
    assert (
        str(caught.value)
        == f"lad19_region19.csv, {message} This file ships with n4c; reinstall n4c to restore it."
    )


def test_a_lookup_without_region_names_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lad19_region19.csv"
    path.write_text(
        "lad19_code,lad19_name,region19_code\nE06000001,Hartlepool,E12000001\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match="the column 'region19_name' is missing"):
        lad_regions(path=path)
