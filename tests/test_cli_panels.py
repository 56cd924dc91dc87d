"""The participatory budgeting CLI contract: `n4c panels count FILE.pb --rule R --json`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

FILES = Path(__file__).resolve().parents[1] / "src" / "n4c" / "panels" / "tests" / "files"
EXAMPLE = str(FILES / "wieliczka_approval.pb")


def test_greedy_json_gives_the_funded_proposals_and_every_proposals_votes(run_n4c) -> None:
    result = run_n4c("panels", "count", EXAMPLE, "--rule", "greedy", "--json")
    document = json.loads(result.stdout)
    assert document["selected"] == ["4", "5"]
    assert (document["budget"], document["spent"]) == (2500, 2400)
    projects = {p["id"]: p for p in document["projects"]}
    assert {i: (p["cost"], p["votes"], p["selected"]) for i, p in projects.items()} == {
        "1": (600, 4, False),
        "2": (800, 4, False),
        "4": (1400, 6, True),
        "5": (1000, 5, True),
        "7": (1200, 3, False),
    }
    assert projects["1"]["reason"] == "Not funded: £600 needed, £100 left."
    assert "Counted 10 ballots on 5 proposals by greedy: 2 funded for £2,400 of £2,500." in (
        " ".join(result.stderr.split())
    )


def test_equal_shares_json_summarises_what_the_voters_paid(run_n4c) -> None:
    result = run_n4c("panels", "count", EXAMPLE, "--rule", "equal-shares", "--json")
    document = json.loads(result.stdout)
    assert document["selected"] == ["4"]
    assert document["spent"] == 1400
    assert document["voters"]["paid_something"] == 6
    assert document["voters"]["share"] == 250


def test_a_completion_and_a_payments_table(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "payments.csv"
    result = run_n4c(
        "panels", "count", EXAMPLE, "--rule", "equal-shares", "--completion", "utilitarian",
        "--payments", str(out), "--json",
    )  # fmt: skip
    document = json.loads(result.stdout)
    assert document["completion"] == "utilitarian"
    assert document["selected"][0] == "4" and len(document["selected"]) > 1
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {row["project_id"] for row in rows} == {"4"}
    assert len(rows) == 6
    assert sum(float(row["paid"]) for row in rows) == pytest.approx(1400)


def test_the_table_explains_each_proposal_and_the_voters_shares(run_n4c) -> None:
    result = run_n4c("panels", "count", EXAMPLE, "--rule", "equal-shares")
    words = " ".join(result.stdout.split())
    assert "Each of 10 voters had a share of £250." in words
    assert result.stdout.strip().splitlines()[-1].startswith("Counted 10 ballots on 5 proposals")
    assert "effective votes" in words


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.pb"], "missing.pb: the file does not exist. Check the path."),
        ([EXAMPLE, "--rule", "borda"],
         'field "--rule": "borda" is not a counting rule; choose greedy, knapsack or equal-shares.'),
        ([EXAMPLE, "--rule", "equal-shares", "--completion", "more"],
         'field "--completion": "more" is not a completion; choose add1 or utilitarian.'),
        ([EXAMPLE, "--completion", "add1"],
         'field "completion": greedy spends all it can already, so it takes no completion.'),
        ([str(FILES / "ordinal.pb"), "--rule", "equal-shares"],
         'field "rule": equal shares needs approval, scoring or cumulative ballots, not ranked ones.'),
        ([EXAMPLE, "--payments", "p.csv"],
         'field "--payments": only equal shares has voters\' payments; add --rule equal-shares.'),
    ],
)  # fmt: skip
def test_bad_input_is_one_sentence_without_a_traceback(run_n4c, args, message) -> None:
    result = run_n4c("panels", "count", *args, "--json", check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"Error: {message}" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr


def test_a_malformed_file_names_its_section_and_line(run_n4c, tmp_path: Path) -> None:
    bad = tmp_path / "bad.pb"
    bad.write_text(
        "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;60\n"
        "VOTES\nvoter_id;vote\na;1,9\n",
        encoding="utf-8",
    )
    result = run_n4c("panels", "count", str(bad), check=False)
    assert result.returncode == 1
    assert (
        "Error: bad.pb, line 10, section VOTES: voter a voted for 9, which is not in PROJECTS."
        in " ".join(result.stderr.split())
    )
    assert "Traceback" not in result.stderr


def test_the_rules_named_in_help_are_the_librarys() -> None:
    from n4c import panels
    from n4c.cli import panels as cli

    assert cli.RULES == panels.RULES
    assert cli.COMPLETIONS == panels.COMPLETIONS
