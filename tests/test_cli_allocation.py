"""The allocation CLI contract: `n4c allocate` columns, exact totals, fairness rows, presets, errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

SPEC = """
[fund]
name = "Test fund"
pot_gbp = 10_000_001
years = 3
capital_percent = 60

[eligibility]
imd_decile_max = 2

[formula]
method = "blend"
per_capita_percent = 30
need_percent = 70
floor_gbp = 2_000
"""


def test_allocate_writes_the_contract_columns_and_exact_totals(run_n4c, tmp_path: Path) -> None:
    spec = tmp_path / "fund.toml"
    spec.write_text(SPEC, encoding="utf-8")
    out, fairness, chart = tmp_path / "out.csv", tmp_path / "fairness.csv", tmp_path / "chart.svg"
    result = run_n4c(
        "allocate", str(spec), "--year", "2019", "--out", str(out), "--fairness", str(fairness),
        "--chart", str(chart), "--explain", "E05000028",
    )  # fmt: skip
    frame = pd.read_csv(out)
    assert (
        list(frame.columns[:7])
        == ["area_code", "area_name", "eligible", "population", "capital", "revenue", "capacity"][
            :7
        ]
    )
    assert {"total", "year_1", "year_2", "year_3"} <= set(frame.columns)
    assert len(frame) == 7_433
    assert frame["total"].sum() == 10_000_001
    assert (frame[["year_1", "year_2", "year_3"]].sum(axis=1) == frame["total"]).all()
    assert (frame["capital"] + frame["revenue"] == frame["total"]).all()
    report = pd.read_csv(fairness)
    assert list(report.columns[:5]) == ["group", "areas", "population", "total", "per_head"]
    assert report["group"].tolist() == [f"imd_decile_{d}" for d in range(1, 11)] + [
        "left_behind",
        "other_deprived",
        "rest",
    ]
    assert chart.read_text(encoding="utf-8").startswith("<?xml")
    assert "Becontree (E05000028)" in result.stdout
    assert "Competitive bidding (simulated)" in result.stdout
    assert "Allocated £10,000,001 of Test fund to 1,484 of 7,433 wards" in result.stdout


def test_each_preset_runs(run_n4c, tmp_path: Path) -> None:
    listing = run_n4c("allocate", "--list-presets")
    assert "4 presets." in listing.stdout
    for name, pot in (("big_local", 150_000_000), ("pride_in_place", 3_380_000_000),
                      ("community_wealth_fund", 175_000_000), ("capacity_ring_fence", 1_441_000_000)):  # fmt: skip
        out = tmp_path / f"{name}.csv"
        run_n4c(
            "allocate",
            "--preset",
            name,
            "--out",
            str(out),
            "--json",
            str(tmp_path / f"{name}.json"),
        )
        assert pd.read_csv(out)["total"].sum() == pot, name


def test_a_bad_spec_names_the_field_without_a_traceback(run_n4c, tmp_path: Path) -> None:
    spec = tmp_path / "bad.toml"
    spec.write_text(
        SPEC.replace("floor_gbp = 2_000", "floor_gbp = 2_000\ncap_gbp = 1_000"), encoding="utf-8"
    )
    result = run_n4c("allocate", str(spec), "--out", str(tmp_path / "x.csv"), check=False)
    assert result.returncode == 1
    assert (
        'bad.toml, field "formula.cap_gbp": the cap £1,000 is below the floor £2,000'
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_spec_and_preset_together_are_refused(run_n4c, tmp_path: Path) -> None:
    spec = tmp_path / "fund.toml"
    spec.write_text(SPEC, encoding="utf-8")
    result = run_n4c("allocate", str(spec), "--preset", "big_local", check=False)
    assert result.returncode == 1
    assert "give a fund specification file or --preset NAME, not both." in result.stderr
