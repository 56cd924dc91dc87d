"""The needs CLI contract: command names, columns and messages that outside checks rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd


def test_combine_writes_the_contract_columns(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "imd2025.csv"
    result = run_n4c("needs", "combine", "--year", "2025", "--out", str(out))
    frame = pd.read_csv(out)
    assert list(frame.columns) == [
        "lsoa_code",
        "imd_score",
        "imd_rank",
        "imd_decile",
        "lad_code",
        "lad_name",
    ]
    assert len(frame) == 33_755
    assert frame["lad_code"].nunique() == 296
    assert "33,755 ranks (100.00%) equal the published ones" in result.stdout


def test_leftbehind_writes_wards_and_reports_agreement(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "left_behind.csv"
    result = run_n4c("leftbehind", "--year", "2019", "--out", str(out))
    frame = pd.read_csv(out, dtype={"left_behind": str})
    assert list(frame.columns[:6]) == [
        "ward_code",
        "ward_name",
        "imd_score",
        "imd_rank",
        "cni_rank",
        "left_behind",
    ]
    assert set(frame["left_behind"]) == {"true", "false"}
    assert (frame["left_behind"] == "true").sum() == 225
    # OCSI's published flag sits beside n4c's, with the reason where they differ.
    assert list(frame.columns[6:8]) == ["left_behind_published", "left_behind_difference"]
    assert (frame["left_behind_published"].astype(str).str.lower() == "true").sum() == 225
    assert frame["left_behind_difference"].notna().sum() == 12
    assert "219 of the 225 published agree" in " ".join(result.stdout.split())


def test_a_bad_year_is_one_clear_sentence_without_a_traceback(run_n4c, tmp_path: Path) -> None:
    result = run_n4c(
        "needs", "combine", "--year", "2017", "--out", str(tmp_path / "x.csv"), check=False
    )
    assert result.returncode == 1
    assert "2017 is not an IMD year n4c holds; choose 2019 or 2025." in result.stderr
    assert "Traceback" not in result.stderr


def test_every_command_has_help(run_n4c) -> None:
    for command in (
        ["--help"],
        ["needs", "--help"],
        ["needs", "combine", "--help"],
        ["leftbehind", "--help"],
        ["data", "--help"],
    ):
        assert "Usage" in run_n4c(*command).stdout


def test_leftbehind_json_gives_the_comparison_and_the_listed_wards(run_n4c, tmp_path: Path) -> None:
    result = run_n4c("leftbehind", "--out", str(tmp_path / "lb.csv"), "--top", "3", "--json")
    document = json.loads(result.stdout)
    assert (document["found"], document["published"], document["agree"]) == (225, 225, 219)
    assert len(document["extra"]) == len(document["missed"]) == 6
    assert [w["imd_rank"] for w in document["most_deprived"]] == sorted(
        w["imd_rank"] for w in document["most_deprived"]
    )
    assert len(document["most_deprived"]) == 3
    assert "219 of the 225 published agree" in " ".join(result.stderr.split())


def test_combine_for_one_council_keeps_its_lsoas_with_national_ranks(
    run_n4c, tmp_path: Path
) -> None:
    out = tmp_path / "blackpool.csv"
    result = run_n4c("needs", "combine", "--year", "2019", "--lad", "Blackpool", "--out", str(out))
    frame = pd.read_csv(out)
    assert len(frame) == 94
    assert set(frame["lad_name"]) == {"Blackpool"} and set(frame["lad_code"]) == {"E06000009"}
    # Ranks stay national: rank 1 (Jaywick) is in Tendring, rank 2 in Blackpool.
    assert frame["imd_rank"].min() == 2
    assert "Kept the 94 LSOAs in Blackpool (E06000009)." in " ".join(result.stdout.split())


def test_combine_refuses_a_council_with_a_composite_spec(run_n4c, tmp_path: Path) -> None:
    spec = tmp_path / "spec.toml"
    spec.write_text("[index]\n", encoding="utf-8")
    result = run_n4c(
        "needs", "combine", "--spec", str(spec), "--lad", "Blackpool", "--out", "-", check=False
    )
    assert result.returncode == 1
    assert "--lad works with the official IMD, not with --spec" in result.stderr
