"""The rights CLI contract: `n4c rights deadlines --event ... --date ... [--json]` and friends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

RIGHTS_FILES = Path(__file__).resolve().parents[1] / "src" / "n4c" / "rights" / "tests" / "files"


def test_deadlines_json_gives_every_date_with_its_rule(run_n4c) -> None:
    result = run_n4c(
        "rights", "deadlines", "--event", "notice-of-disposal", "--date", "2026-03-01", "--json"
    )
    dates = json.loads(result.stdout)
    assert [(d["rule_id"], d["date"], d["status"]) for d in dates] == [
        ("acv.interim-moratorium", "2026-04-11", "applies"),
        ("acv.request-to-bid", "2026-04-11", "applies"),
        ("acv.full-moratorium", "2026-08-31", "conditional"),
        ("acv.protected-period", "2027-08-31", "applies"),
    ]
    assert {d["rule_version"] for d in dates} == {"2012-09-21"}
    assert dates[0]["citation"] == "Localism Act 2011 s.95(1), (2) and (6)"
    assert "Computed 4 date(s) from the notice-of-disposal on 2026-03-01" in result.stderr


def test_deadlines_table_ends_with_one_summary_line(run_n4c) -> None:
    result = run_n4c("rights", "deadlines", "--event", "nomination", "--date", "2026-01-05")
    assert "Sun 01 Mar 2026" in result.stdout
    assert "acv.listing-decision" in result.stdout
    assert (
        result.stdout.strip().splitlines()[-1].startswith("Computed 1 date(s) from the nomination")
    )


def test_a_request_to_bid_uses_the_notice_date_given_with_also(run_n4c) -> None:
    failed = run_n4c(
        "rights", "deadlines", "--event", "request-to-bid", "--date", "2026-03-20", check=False
    )
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert "--also notice-of-disposal=YYYY-MM-DD" in " ".join(failed.stderr.split())
    result = run_n4c(
        "rights",
        "deadlines",
        "--event",
        "request-to-bid",
        "--date",
        "2026-03-20",
        "--also",
        "notice-of-disposal=2026-03-02",
        "--json",
    )
    assert [(d["rule_id"], d["date"], d["status"]) for d in json.loads(result.stdout)] == [
        ("acv.full-moratorium", "2026-09-01", "applies")
    ]


def test_a_reform_rule_file_changes_the_answer_without_code(run_n4c) -> None:
    result = run_n4c(
        "rights",
        "deadlines",
        "--event",
        "notice-of-disposal",
        "--date",
        "2027-03-01",
        "--json",
        "--rules",
        str(RIGHTS_FILES / "community_right_to_buy_2027.toml"),
    )
    full = next(d for d in json.loads(result.stdout) if d["rule_id"] == "acv.full-moratorium")
    assert (full["date"], full["rule_version"]) == ("2028-02-29", "2027-01-01")


def test_a_bad_date_or_event_is_one_sentence(run_n4c) -> None:
    bad_date = run_n4c(
        "rights", "deadlines", "--event", "nomination", "--date", "1/3/2026", check=False
    )
    assert bad_date.returncode == 1
    assert "'1/3/2026' is not a date; enter it as YYYY-MM-DD" in bad_date.stderr
    bad_event = run_n4c(
        "rights", "deadlines", "--event", "sale", "--date", "2026-03-01", check=False
    )
    assert "'sale' is not an event any rule counts from" in bad_event.stderr


def test_rules_lists_the_rules_in_force_on_a_date(run_n4c) -> None:
    result = run_n4c("rights", "rules", "--on", "2015-01-01", "--json")
    ids = [r["id"] for r in json.loads(result.stdout)]
    assert "acv.interim-moratorium" in ids and "np.area-decision" not in ids
    assert "rules in force on 2015-01-01" in result.stderr


def test_check_assets_counts_and_writes_rejections(run_n4c, tmp_path: Path) -> None:
    rejected = tmp_path / "rejected.csv"
    clean = tmp_path / "clean.csv"
    result = run_n4c(
        "rights",
        "check-assets",
        str(RIGHTS_FILES / "assets_mixed.csv"),
        "--out",
        str(clean),
        "--rejected",
        str(rejected),
    )
    assert "Read 8 rows: 3 stored, 5 rejected" in " ".join(result.stdout.split())
    assert 'row 4, field "postcode"' in result.stdout
    assert len(clean.read_text(encoding="utf-8").splitlines()) == 4
    assert len(rejected.read_text(encoding="utf-8").splitlines()) == 9


def test_the_event_help_names_every_built_in_event() -> None:
    import typer.main

    from n4c.cli.rights import rights_app
    from n4c.rights import default_rulebook

    command = typer.main.get_command(rights_app).commands["deadlines"]  # type: ignore[attr-defined]
    event_help = next(p.help for p in command.params if p.name == "event")
    assert [e for e in default_rulebook().events if e not in event_help] == []


def test_also_must_be_event_equals_date(run_n4c) -> None:
    """`--also` is parsed by the CLI; the rights library takes dates, not flag strings."""
    result = run_n4c(
        "rights", "deadlines", "--event", "request-to-bid", "--date", "2026-03-20",
        "--also", "notice-of-disposal", check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "field \"--also\": 'notice-of-disposal' is not EVENT=YYYY-MM-DD." in result.stderr
    bad = run_n4c(
        "rights", "deadlines", "--event", "request-to-bid", "--date", "2026-03-20",
        "--also", "notice-of-disposal=2026-02-30", check=False,
    )  # fmt: skip
    assert "field \"--also\": '2026-02-30' is not a date" in bad.stderr


def test_check_assets_out_dash_neutralises_formulas_and_reads_back(run_n4c, tmp_path: Path) -> None:
    register = tmp_path / "register.csv"
    register.write_text(
        "name,kind,postcode,latitude,longitude,use\n"
        "=cmd|' /C calc'!A0,physical,,53.4808,-2.2426,+44 0161 123\n"
        "Moss Side Library,physical,M1 1AE,,,Library\n",
        encoding="utf-8",
    )
    result = run_n4c("rights", "check-assets", str(register), "--out", "-")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["name"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["use"] == "'+44 0161 123"
    assert rows[0]["longitude"] == "-2.2426"
    assert "Read 2 rows: 2 stored, 0 rejected" in " ".join(result.stderr.split())
    clean = tmp_path / "clean.csv"
    clean.write_text(result.stdout, encoding="utf-8")
    again = run_n4c("rights", "check-assets", str(clean), "--out", "-")
    assert again.stdout == result.stdout


def test_a_far_date_is_refused_with_the_option_named(run_n4c) -> None:
    result = run_n4c(
        "rights", "deadlines", "--event", "notice-of-disposal", "--date", "9999-12-31", check=False
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        'Error: field "--date": Enter a date from 1990 to 2100; 9999-12-31 is outside that range.'
    )


def test_the_deadlines_and_their_notes_stay_english(run_n4c) -> None:
    """The platform shows these words in the reader's language; the command line keeps English."""
    result = run_n4c(
        "rights", "deadlines", "--event", "notice-of-disposal", "--date", "2026-03-02", "--json"
    )
    dates = {d["rule_id"]: d for d in json.loads(result.stdout)}
    assert dates["acv.interim-moratorium"]["title"] == "Interim moratorium ends"
    assert dates["acv.full-moratorium"]["status_note"].startswith(
        "Only if a community interest group asks in writing to bid"
    )
