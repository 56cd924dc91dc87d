"""The problems table of an import: one row per problem found, for a person to work through.

Each row names the file, the grant (its number in the file and its id), the field as the
user's file names it, the value found, the severity and the message. Written by n4c's cell
rules (:mod:`n4c.spreadsheets`), so a value copied from the file cannot run as a formula.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from n4c.spending.store import ImportCounts
from n4c.spreadsheets import write_csv

__all__ = ["PROBLEM_COLUMNS", "problem_rows", "write_problems_csv"]

#: Columns of the problems table, in order.
PROBLEM_COLUMNS = ("file", "grant", "grant_id", "field", "value", "severity", "message")


def _value(value: object) -> object:
    # A JSON object or list found in a field is shown as the JSON text the file held.
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def problem_rows(results: Iterable[ImportCounts]) -> Iterator[tuple[object, ...]]:
    """One row per problem of each imported file, in :data:`PROBLEM_COLUMNS` order."""
    for counts in results:
        for problem in counts.problems:
            yield (
                counts.path.name,
                problem.grant_index,
                problem.grant_id,
                problem.field,
                _value(problem.value),
                problem.severity,
                problem.message,
            )


def write_problems_csv(results: Iterable[ImportCounts], target: str | Path | IO[str]) -> int:
    """Write the problems table of ``results`` as CSV; return the number of problems written."""
    return write_csv(PROBLEM_COLUMNS, problem_rows(results), target)
