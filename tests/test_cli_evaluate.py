"""The evaluation CLI contract: `n4c evaluate comparators|did|example ... --json`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np

WARDS = ["E05000652", "E05000981", "E05001087"]  # on the 2019 'left behind' list


def _panel(path: Path, *, effect: float, starts: tuple[int, ...] = (2,)) -> Path:
    rng = np.random.default_rng(0)
    lines = ["ward,year,supported,after,score,days"]
    for u in range(60):
        supported = u < 30
        start = starts[u % len(starts)]
        for t in range(5):
            after = int(supported and t >= start)
            score = rng.normal(0, 1) + u % 7 + 0.3 * t + effect * after
            lines.append(f"w{u},{2015 + t},{int(supported)},{after},{score:.5f},{3 * after}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_comparators_json_gives_matches_and_balance_for_every_variable(run_n4c) -> None:
    result = run_n4c(
        "evaluate", "comparators", "--areas", ",".join(WARDS), "--pool", "left-behind",
        "--k", "3", "--json",
    )  # fmt: skip
    document = json.loads(result.stdout)
    assert sorted(document["matches"]) == sorted(WARDS)
    used = [code for comparators in document["matches"].values() for code in comparators]
    assert len(used) == len(set(used)) == 9 and not set(used) & set(WARDS)
    assert set(document["balance"]) == set(document["variables"])
    for smd in document["balance"].values():
        assert set(smd) == {"smd_before", "smd_after"}
    assert len(document["version"]) == 16
    assert document["pool_size"] == 222
    assert "Matched 3 wards to 3 comparators each from the left-behind pool" in result.stderr


def test_comparators_read_a_file_and_write_the_pairs(run_n4c, tmp_path: Path) -> None:
    areas = tmp_path / "areas.csv"
    areas.write_text("ward_code,name\nE05000652,Breightmet\n", encoding="utf-8")
    pairs = tmp_path / "pairs.csv"
    result = run_n4c(
        "evaluate", "comparators", "--areas", str(areas), "--pool", "deprived", "--k", "2",
        "--with-replacement", "--out", str(pairs),
    )  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(pairs.read_text(encoding="utf-8"))))
    assert [(r["ward17_code"], r["rank"]) for r in rows] == [("E05000652", "1"), ("E05000652", "2")]
    assert "Balance: standardised mean differences" in result.stdout


def test_did_json_gives_the_contract_keys_and_covers_the_effect(run_n4c, tmp_path: Path) -> None:
    data = _panel(tmp_path / "panel.csv", effect=2.0)
    result = run_n4c(
        "evaluate", "did", "--data", str(data), "--unit", "ward", "--time", "year",
        "--treated", "supported", "--post", "after", "--outcome", "score", "--json",
    )  # fmt: skip
    document = json.loads(result.stdout)
    assert {"estimate", "se", "ci_low", "ci_high", "n_units", "n_obs"} <= set(document)
    assert (document["n_units"], document["n_obs"]) == (60, 300)
    assert document["ci_low"] < 2.0 < document["ci_high"]
    assert any(a.startswith("Parallel trends") for a in document["assumptions"])


def test_did_event_study_and_dose(run_n4c, tmp_path: Path) -> None:
    data = _panel(tmp_path / "panel.csv", effect=1.0, starts=(2, 3))
    common = ["evaluate", "did", "--data", str(data), "--unit", "ward", "--time", "year",
              "--treated", "supported", "--post", "after", "--outcome", "score"]  # fmt: skip
    study = json.loads(run_n4c(*common, "--event-study", "--json").stdout)
    periods = [row["relative_period"] for row in study["event_study"]]
    assert periods == [-3, -2, -1, 0, 1, 2]
    assert study["pre_trend_p_value"] is not None
    dose = json.loads(run_n4c(*common, "--dose", "days", "--json").stdout)
    assert dose["ci_low"] < 1.0 / 3 < dose["ci_high"]


def test_did_refuses_an_unbalanced_panel_unless_allowed(run_n4c, tmp_path: Path) -> None:
    data = _panel(tmp_path / "panel.csv", effect=1.0)
    lines = data.read_text(encoding="utf-8").splitlines()
    data.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    common = ["evaluate", "did", "--data", str(data), "--unit", "ward", "--time", "year",
              "--treated", "supported", "--post", "after", "--outcome", "score"]  # fmt: skip
    refused = run_n4c(*common, check=False)
    assert refused.returncode == 1
    assert 'the panel is unbalanced: 1 of 60 units lack some periods (unit "w59"' in refused.stderr
    allowed = run_n4c(*common, "--allow-unbalanced", "--json")
    assert json.loads(allowed.stdout)["n_obs"] == 299
    assert "Warning: The panel is unbalanced" in allowed.stderr


def test_example_writes_the_panel_and_says_it_is_an_association(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "example.csv"
    result = run_n4c("evaluate", "example", "--out", str(out), "--json")
    document = json.loads(result.stdout)
    assert (document["n_units"], document["n_obs"]) == (450, 900)
    assert "not the effect of any programme" in document["statement"]
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header == "ward17_code,ward17_name,year,treated,post,imd_score,imd_rank,matched_to"


def test_example_2019_to_2025_compares_ranks_of_2024_wards(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "example.csv"
    result = run_n4c("evaluate", "example", "--editions", "2019-2025", "--out", str(out), "--json")
    document = json.loads(result.stdout)
    assert document["n_units"] == 2 * 218 and document["n_obs"] == 4 * 218
    assert "Ranks, not scores, compare across editions" in document["statement"]
    assert abs(document["balance"]["rank_2019"]["smd_after"]) < 0.05
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header == "ward24_code,ward24_name,year,treated,post,imd_rank,imd_decile,matched_to"
