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
            ["summarise", "--year", "2025"],
            "2025 is not available yet for area summaries and sensitivity",
        ),
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
