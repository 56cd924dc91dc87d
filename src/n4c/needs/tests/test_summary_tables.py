"""The summary tables `n4c needs summarise` writes: cached while their inputs stay the same."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pandas as pd
import pytest

from n4c.data import load
from n4c.needs import summaries
from n4c.needs.councils import resolve_council
from n4c.needs.summary_tables import SUMMARY_AREAS, find_summary


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("N4C_DATA_DIR", str(folder))
    return folder


def test_the_levels_offered_are_the_levels_computed() -> None:
    assert {y: set(levels) for y, levels in SUMMARY_AREAS.items()} == {
        y: set(levels) for y, levels in summaries._AREAS.items()
    }


def test_a_second_run_reads_the_stored_table(data_dir: Path) -> None:
    first = find_summary(2025, "lad")
    second = find_summary(2025, "lad")
    assert not first.from_cache and second.from_cache
    assert second.csv == first.csv
    assert (second.areas, second.lsoas) == (296, 33_755)
    assert second.highest_average_score[:2] == ("E06000009", "Blackpool")
    assert second.population_source.startswith("Census 2021 usual residents")
    assert not find_summary(2025, "lad", cached=False).from_cache


def test_a_council_view_is_stored_apart_from_england(data_dir: Path) -> None:
    england = find_summary(2025, "ward")
    blackpool = find_summary(2025, "ward", council=resolve_council("Blackpool", year=2025))
    assert blackpool.council == ("E06000009", "Blackpool") and blackpool.areas == 21
    assert find_summary(2025, "ward").from_cache
    table = pd.read_csv(io.StringIO(blackpool.csv))
    assert set(table["lad_code"]) == {"E06000009"}
    assert england.areas == 6_784


def test_with_file_6_on_the_machine_its_figures_weight_the_2025_summaries(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File 6 (here made from doubled Census counts) replaces the stand-in, says so, and a
    table stored without it is not reused."""
    assert not find_summary(2025, "lad").from_cache
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    for file in Path(os.environ["N4C_DATA_MIRROR"]).iterdir():
        os.symlink(file, mirror / file.name)
    census = load("population21_lsoa21_census")
    census = census[census["lsoa21_code"].str.startswith("E")]
    with gzip.open(
        mirror / "imd2025_england_lsoa21_population_denominators.csv.gz", "wt", encoding="utf-8"
    ) as handle:
        handle.write(
            '"LSOA code (2021)","LSOA name (2021)","Total population: mid 2022",'
            '"Dependent Children aged 0-15: mid 2022",'
            '"Older population aged 60 and over: mid 2022",'
            '"Working age population 18-66 (for use with Employment Deprivation Domain): '
            'mid 2022"\n'
        )
        for code, people in zip(census["lsoa21_code"], census["total_residents"], strict=True):
            handle.write(f"{code},{code},{people * 2},0,0,0\n")
    monkeypatch.setenv("N4C_DATA_MIRROR", str(mirror))
    summaries._imd_lsoas.cache_clear()
    try:
        summary = find_summary(2025, "lad")
    finally:
        summaries._imd_lsoas.cache_clear()
    assert not summary.from_cache
    assert summary.population_source == "IoD 2025 population denominators, mid-2022 (File 6)"
    table = pd.read_csv(io.StringIO(summary.csv))
    assert set(table["population_source"]) == {"IoD 2025 File 6, mid-2022"}
    assert table["population"].sum() == 2 * 56_490_108
