"""The LSOA 2021 lookups, Census 2021 counts and boundaries load as published; damage is refused."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from n4c.data import (
    DATASETS,
    dataset_path,
    fetch,
    load,
    load_features,
    population_for_2025,
    population_label,
    population_words,
    read_features,
    read_validated,
)
from n4c.data.registry import get_dataset
from n4c.errors import DataMissingError, InputError

FILE6 = "imd2025_population_denominators"


def test_the_ward_lookup_covers_england_as_published() -> None:
    frame = load("lookup_lsoa21_ward24_lad24")
    assert len(frame) == 35_672
    england = frame[frame["lsoa21_code"].str.startswith("E")]
    assert len(england) == 33_755
    assert england["ward24_code"].nunique() == 6_784
    assert england["ltla24_code"].nunique() == 296
    oddity = england.set_index("lsoa21_code").loc["E01027305", "ltla24_code"]
    assert oddity == "E07000177"


def test_the_lsoa_change_lookup_keeps_its_change_codes() -> None:
    frame = load("lookup_lsoa11_lsoa21")
    assert len(frame) == 35_795
    assert frame["change_code"].value_counts().to_dict() == {
        "U": 33_647,
        "S": 1_900,
        "M": 239,
        "X": 9,
    }


def test_census_counts_sum_to_englands_population() -> None:
    frame = load("population21_lsoa21_census")
    assert len(frame) == 35_672
    assert frame["total_residents"].dtype == "int64"
    assert (
        int(frame[frame["lsoa21_code"].str.startswith("E")]["total_residents"].sum()) == 56_490_108
    )


def test_the_boundaries_hold_one_shape_per_english_lsoa() -> None:
    features = load_features("boundaries_lsoa21")
    codes = {f["properties"]["lsoa21_code"] for f in features}
    assert len(codes) == 33_755
    assert all(code.startswith("E01") for code in codes)


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "damaged.csv"
    path.write_text(text, encoding="utf-8")
    return path


CHANGES = "lsoa11_name,lsoa11_code,change_code,lsoa21_name,lsoa21_code,ltla22_name,ltla22_code\n"


@pytest.mark.parametrize(
    ("dataset", "text", "message"),
    [
        (
            "lookup_lsoa11_lsoa21",
            CHANGES + "A 001A,E01011949,Z,A 001A,E01011949,Hartlepool,E06000001\n",
            'row 1, field "change_code": "Z" is not one of U, S, M, X',
        ),
        (
            "lookup_lsoa11_lsoa21",
            CHANGES
            + "A 001A,E01011949,S,A 001B,E01035000,Hartlepool,E06000001\n"
            + "A 001A,E01011949,S,A 001B,E01035000,Hartlepool,E06000001\n",
            '"E01011949 and E01035000" appears twice (first at row 1); each pair must appear once',
        ),
        (
            "lookup_lsoa21_ward24_lad24",
            "lsoa21_name,lsoa21_code,ward24_name,ward24_code,ltla24_name,ltla24_code\n"
            "M 014A,E01012049,Ladgate,E05009861,Middlesbrough,E05000002\n",
            '"E05000002" is not a local authority code',
        ),
        (
            "population21_lsoa21_census",
            "lsoa21_code,total_residents\nE01000001,1474\nE01000002,0\n",
            'row 2, field "total_residents": "0" is less than 1, which is not plausible',
        ),
        (
            "population21_lsoa21_census",
            "lsoa21_code,total_residents\nE01000001,1474000\n",
            '"1474000" is more than 50,000, which is not plausible',
        ),
    ],
)
def test_a_damaged_file_is_refused_with_row_and_field(
    tmp_path: Path, dataset: str, text: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        read_validated(_csv(tmp_path, text), get_dataset(dataset))
    assert message in str(caught.value)


def _geojson(tmp_path: Path, features: list[dict]) -> Path:
    path = tmp_path / "shapes.geojson.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump({"type": "FeatureCollection", "features": features}, handle)
    return path


def _feature(code: str, geometry: dict | None) -> dict:
    return {
        "type": "Feature",
        "properties": {"lsoa21_code": code, "lsoa21_name": "Somewhere 001A"},
        "geometry": geometry,
    }


SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [0, 0]]]}
BOUNDARIES = get_dataset("boundaries_lsoa21")


@pytest.mark.parametrize(
    ("features", "message"),
    [
        ([_feature("E0100001", SQUARE)], '"E0100001" is not an LSOA code'),
        (
            [_feature("E01000001", SQUARE), _feature("E01000001", SQUARE)],
            '"E01000001" appears twice',
        ),
        ([_feature("E01000001", None)], 'field "geometry": "E01000001" has no shape'),
        ([_feature("E01000001", SQUARE)], "holds 1 shapes, but the registered release has 33,755"),
    ],
)
def test_damaged_boundaries_are_refused(tmp_path: Path, features: list[dict], message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_features(_geojson(tmp_path, features), BOUNDARIES)
    assert message in str(caught.value)


def test_boundaries_that_are_not_geojson_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "shapes.geojson.gz"
    path.write_bytes(b"\x1f\x8b\x08not really gzip")
    with pytest.raises(InputError, match="could not be read as a GeoJSON feature collection"):
        read_features(path, BOUNDARIES)


def test_only_file_6_is_left_out_of_the_bundle() -> None:
    assert [n for n, d in DATASETS.items() if d.optional] == [FILE6]


def test_file_6_says_where_to_get_it_when_missing() -> None:
    with pytest.raises(DataMissingError) as caught:
        dataset_path(FILE6)
    message = str(caught.value)
    assert "english-indices-of-deprivation-2025" in message
    assert DATASETS[FILE6].filename in message and "N4C_DATA_MIRROR" in message
    with pytest.raises(DataMissingError, match="not part of the n4c data bundle"):
        fetch(FILE6)


def test_without_file_6_census_counts_stand_in_and_say_so() -> None:
    population = population_for_2025()
    assert not population.official
    assert population.dataset == "population21_lsoa21_census"
    assert "Census 2021" in population.source and "not equal to" in population.source
    assert len(population.frame) == 33_755
    assert int(population.frame["population"].sum()) == 56_490_108


FILE6_HEADER = (
    '"LSOA code (2021)","LSOA name (2021)","Total population: mid 2022",'
    '"Dependent Children aged 0-15: mid 2022","Older population aged 60 and over: mid 2022",'
    '"Working age population 18-66 (for use with Employment Deprivation Domain): mid 2022"\n'
)


def _mirror_with_file6(tmp_path: Path, rows: str, monkeypatch: pytest.MonkeyPatch) -> None:
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    for name in ("population21_lsoa21_census",):
        source = dataset_path(name)
        os.symlink(source, mirror / source.name)
    with gzip.open(mirror / DATASETS[FILE6].filename, "wt", encoding="utf-8") as handle:
        handle.write(FILE6_HEADER + rows)
    monkeypatch.setenv("N4C_DATA_MIRROR", str(mirror))


def test_with_file_6_its_mid_2022_figures_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _mirror_with_file6(
        tmp_path,
        "E01000001,City of London 001A,1795,149,520,1248\n"
        "E01000002,City of London 001B,1600,140,400,1100\n",
        monkeypatch,
    )
    population = population_for_2025()
    assert population.official and population.dataset == FILE6
    assert population.source == "IoD 2025 population denominators, mid-2022 (File 6)"
    # The columns beside each figure and the report's sentence name the same population.
    assert population.label == population_label(2025) == "IoD 2025 File 6, mid-2022"
    assert population_words(2025).source == population.source
    assert population.frame.to_dict("list") == {
        "lsoa21_code": ["E01000001", "E01000002"],
        "population": [1795, 1600],
    }


def test_a_damaged_file_6_is_refused_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _mirror_with_file6(
        tmp_path, "E01000001,City of London 001A,about 1800,149,520,1248\n", monkeypatch
    )
    with pytest.raises(InputError, match='"about 1800" is not a number'):
        population_for_2025()
