"""The rollout CLI contract: `n4c rollout --areas 100 --years 3 --json`."""

from __future__ import annotations

import json
from pathlib import Path


def test_rollout_json_gives_staff_by_role_and_yearly_cost(run_n4c) -> None:
    result = run_n4c("rollout", "--areas", "100", "--years", "3", "--json")
    document = json.loads(result.stdout)
    years = document["rollout"]
    assert [y["areas"] for y in years] == [34, 67, 100]
    last = years[-1]
    assert last["staff"]["adviser"] == 10
    assert last["staff"]["community_worker"] == 20
    assert last["staff_by_group"]["cross_cutting"] == 10
    assert 3_430_000 <= last["total_cost_gbp"] <= 3_570_000


def test_rollout_tables_end_with_one_summary_line(run_n4c) -> None:
    result = run_n4c("rollout", "--areas", "50", "--years", "2")
    # 5 advisers, 10 community workers, 2 hub leads and one of each other cross-cutting role.
    last_line = result.stdout.strip().splitlines()[-1]
    assert last_line.startswith("Planned 2 years to 50 areas with n4c defaults: 21 posts")


def test_rollout_reads_an_assumptions_file(run_n4c, tmp_path: Path) -> None:
    file = tmp_path / "mine.toml"
    file.write_text('[[roles]]\nkey = "adviser"\nareas_per_post = 5\n', encoding="utf-8")
    result = run_n4c("rollout", "--assumptions", str(file), "--json")
    assert json.loads(result.stdout)["rollout"][-1]["staff"]["adviser"] == 20


def test_a_bad_assumptions_file_is_one_sentence_without_a_traceback(
    run_n4c, tmp_path: Path
) -> None:
    file = tmp_path / "bad.toml"
    file.write_text("[costs]\non_costs_percent = -1\n", encoding="utf-8")
    result = run_n4c("rollout", "--assumptions", str(file), check=False)
    assert result.returncode == 1
    assert (
        'bad.toml, field "costs.on_costs_percent": "-1" must be a number from 0 to 100.'
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_rollout_past_its_bounds_is_one_sentence(run_n4c) -> None:
    result = run_n4c("rollout", "--years", "1000000", check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "must be a whole number from 1 to 20, not 1000000." in result.stderr
