"""The ``n4c needs summarise`` and ``n4c needs sensitivity`` contract: names, columns, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

SUMMARY_COLUMNS = [
    "area_code",
    "average_score",
    "average_rank",
    "proportion_most_deprived_10pct",
    "extent",
    "local_concentration",
]


@pytest.mark.parametrize(("level", "areas"), [("lad", 317), ("ward", 7_427), ("msoa", 6_791)])
def test_summarise_writes_the_contract_columns(
    run_n4c, tmp_path: Path, level: str, areas: int
) -> None:
    out = tmp_path / f"{level}.csv"
    result = run_n4c("needs", "summarise", "--year", "2019", "--level", level, "--out", str(out))
    frame = pd.read_csv(out)
    assert list(frame.columns[:6]) == SUMMARY_COLUMNS
    assert len(frame) == areas
    assert f"Summarised IMD 2019 for {areas:,} areas ({level}) from 32,844 LSOAs" in " ".join(
        result.stdout.split()
    )


def test_sensitivity_writes_the_contract_columns_and_is_reproducible(
    run_n4c, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    arguments = ["needs", "sensitivity", "--year", "2019", "--replications", "50", "--seed", "3"]
    result = run_n4c(*arguments, "--out", str(first))
    run_n4c(*arguments, "--out", str(second))
    frame = pd.read_csv(first)
    assert list(frame.columns[:4]) == ["ward_code", "p_left_behind", "rank_p05", "rank_p95"]
    assert len(frame) == 7_421
    assert first.read_bytes() == second.read_bytes()
    assert "Ran 50 replications over 7,421 wards (seed 3" in " ".join(result.stdout.split())


def test_leftbehind_geojson_holds_the_left_behind_ward_shapes(run_n4c, tmp_path: Path) -> None:
    geojson = tmp_path / "wards.geojson"
    run_n4c(
        "leftbehind", "--year", "2019", "--out", str(tmp_path / "lb.csv"), "--geojson", str(geojson)
    )
    features = json.loads(geojson.read_text(encoding="utf-8"))["features"]
    assert len(features) == 225
    assert all(f["properties"]["left_behind"] is True for f in features)
    assert all(f["geometry"]["type"] in {"Polygon", "MultiPolygon"} for f in features)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["summarise", "--level", "county"], '"county" is not a summary level'),
        (
            ["summarise", "--year", "2025", "--level", "msoa"],
            "msoa summaries are not available for IMD 2025; choose lad (local authority 2024) "
            "or ward (ward 2024).",
        ),
        (
            ["summarise", "--year", "2025", "--lad", "Blakpool"],
            '"Blakpool" is not a 2024 local authority in England (IMD 2025 figures); '
            "the closest is Blackpool.",
        ),
        (
            ["summarise", "--year", "2025", "--lad", "E07000004"],
            "it is Aylesbury Vale (E07000004) in the 2019 edition, used for IMD 2019 figures.",
        ),
        (["sensitivity", "--year", "2025"], "2025 is not available yet for sensitivity"),
        (["sensitivity", "--concentration", "-1"], "the concentration must be a positive number"),
    ],
)
def test_bad_options_are_one_clear_sentence(
    run_n4c, tmp_path: Path, arguments: list[str], message: str
) -> None:
    result = run_n4c("needs", *arguments, "--out", str(tmp_path / "x.csv"), check=False)
    assert result.returncode == 1
    assert message in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr


def test_summarise_and_sensitivity_json_give_the_summary_figures(run_n4c, tmp_path: Path) -> None:
    summary = json.loads(
        run_n4c(
            "needs", "summarise", "--level", "lad", "--out", str(tmp_path / "l.csv"), "--json"
        ).stdout
    )
    assert (summary["areas"], summary["lsoas"]) == (317, 32_844)
    assert summary["highest_average_score"]["area_name"] == "Blackpool"
    result = run_n4c(
        "needs", "sensitivity", "--replications", "5", "--out", str(tmp_path / "s.csv"), "--json"
    )
    robust = json.loads(result.stdout)
    assert (robust["replications"], robust["wards"]) == (5, 7_421)
    assert robust["left_behind_in_every_replication"] <= 225
    assert "Ran 5 replications over 7,421 wards" in " ".join(result.stderr.split())


CENSUS_SOURCE = "Census 2021 usual residents (standing in for IoD 2025 File 6)"


@pytest.mark.parametrize(("level", "areas"), [("lad", 296), ("ward", 6_784)])
def test_summarise_2025_writes_the_2019_columns_and_the_population_source(
    run_n4c, tmp_path: Path, level: str, areas: int
) -> None:
    out = tmp_path / f"{level}.csv"
    result = run_n4c("needs", "summarise", "--year", "2025", "--level", level, "--out", str(out))
    frame = pd.read_csv(out)
    assert list(frame.columns[:6]) == SUMMARY_COLUMNS
    assert list(frame.columns[-3:]) == ["population_source", "lad_code", "lad_name"]
    assert len(frame) == areas
    assert set(frame["population_source"]) == {CENSUS_SOURCE}
    assert frame["lad_code"].notna().all()
    words = " ".join(result.stdout.split())
    assert f"Summarised IMD 2025 for {areas:,} areas ({level}) from 33,755 LSOAs" in words
    assert "Population weights: Census 2021 usual residents (ONS), standing in for" in words


@pytest.mark.parametrize("council", ["blackpool", "E06000009", "BLACKPOOL"])
def test_summarise_for_one_council_by_name_or_code(run_n4c, tmp_path: Path, council: str) -> None:
    out = tmp_path / "wards.csv"
    result = run_n4c(
        "needs", "summarise", "--year", "2025", "--level", "ward", "--lad", council,
        "--out", str(out), "--json",
    )  # fmt: skip
    frame = pd.read_csv(out)
    assert len(frame) == 21
    assert set(frame["lad_name"]) == {"Blackpool"}
    # Ranks stay national: Blackpool holds England's most deprived 2024 ward on average score.
    assert frame["rank_average_score"].min() == 1
    summary = json.loads(result.stdout)
    assert summary["council"] == {"code": "E06000009", "name": "Blackpool"}
    assert summary["population_source"].startswith("Census 2021 usual residents")
    assert "in Blackpool (E06000009)" in " ".join(result.stderr.split())


def test_summarise_2019_for_one_council_uses_the_2019_authorities(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "lad.csv"
    run_n4c("needs", "summarise", "--lad", "Aylesbury Vale", "--out", str(out))
    frame = pd.read_csv(out)
    assert frame[["area_code", "lad_code", "lad_name"]].values.tolist() == [
        ["E07000004", "E07000004", "Aylesbury Vale"]
    ]
    assert frame.loc[0, "population_source"] == "IoD 2019 File 6, mid-2015"


def test_sensitivity_for_one_council_keeps_its_wards(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    result = run_n4c(
        "needs", "sensitivity", "--replications", "5", "--lad", "Blackpool", "--out", str(out)
    )
    frame = pd.read_csv(out)
    assert list(frame.columns[-2:]) == ["lad_code", "lad_name"]
    assert len(frame) == 21 and set(frame["lad_code"]) == {"E06000009"}
    assert "over 21 wards in Blackpool (E06000009)" in " ".join(result.stdout.split())
