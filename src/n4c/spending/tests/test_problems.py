"""The problems table of an import: one row per problem, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from n4c.spending import PROBLEM_COLUMNS, ImportCounts, Problem, write_problems_csv


def test_each_problem_is_one_row_naming_file_grant_and_field() -> None:
    counts = ImportCounts(
        path=Path("grants.json"),
        problems=[
            Problem(1, "360G-x-1", "amountAwarded", "=1+2", "not a number.", "error"),
            Problem(2, None, "beneficiaryLocation", {"geoCode": "S92000003"}, "outside England.", "warning"),
        ],
    )  # fmt: skip
    buffer = io.StringIO()
    assert write_problems_csv([counts], buffer) == 2
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert tuple(rows[0]) == PROBLEM_COLUMNS
    assert rows[0] == {
        "file": "grants.json",
        "grant": "1",
        "grant_id": "360G-x-1",
        "field": "amountAwarded",
        "value": "'=1+2",
        "severity": "error",
        "message": "not a number.",
    }
    assert rows[1]["grant_id"] == ""
    assert rows[1]["value"] == '{"geoCode": "S92000003"}'
