"""The grants database (DuckDB) and importing 360Giving files into it.

One file is one transaction: a file that cannot be read to its end (broken JSON, say) stores
nothing, and the grants already in the database stay as they were. Grants are written in
batches of rows through DataFrames, not one INSERT per grant. The grant ``id`` is the key:
importing a grant again replaces it, so re-importing a file never duplicates. Checked grants
are staged in temporary tables first, so duplicate ids within a file can be settled (the first
one wins) however the checking was shared out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

import duckdb
import numpy as np
import pandas as pd

from n4c import config
from n4c.errors import InputError
from n4c.spending.batches import SECOND_HALF, Batch, checked_batches
from n4c.spending.geography import Geography, load_geography
from n4c.spending.grants import Problem
from n4c.spending.reading import open_grant_file

__all__ = ["GrantStore", "ImportCounts", "database_path", "import_grants"]

PROBLEMS_KEPT = 1_000

_STAGING = """
CREATE OR REPLACE TEMP TABLE staged_grants (
    grant_index BIGINT, grant_id VARCHAR, title VARCHAR, funder_id VARCHAR,
    funder_name VARCHAR, recipient_id VARCHAR, recipient_name VARCHAR, amount_pence BIGINT,
    award_date DATE, location_source VARCHAR, unlocated_reason VARCHAR);
CREATE OR REPLACE TEMP TABLE staged_locations (
    grant_index BIGINT, grant_id VARCHAR, position INTEGER, source VARCHAR, geo_code VARCHAR,
    level VARCHAR, amount_pence BIGINT, grant_share DOUBLE, reason VARCHAR);
"""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS grants (
    grant_id VARCHAR, source_file VARCHAR, title VARCHAR, funder_id VARCHAR,
    funder_name VARCHAR, recipient_id VARCHAR, recipient_name VARCHAR, amount_pence BIGINT,
    award_date DATE, location_source VARCHAR, unlocated_reason VARCHAR);
CREATE TABLE IF NOT EXISTS grant_locations (
    grant_id VARCHAR, position INTEGER, source VARCHAR, geo_code VARCHAR, level VARCHAR,
    amount_pence BIGINT, grant_share DOUBLE, reason VARCHAR);
CREATE TABLE IF NOT EXISTS problems (
    source_file VARCHAR, grant_index BIGINT, grant_id VARCHAR, field VARCHAR, value VARCHAR,
    severity VARCHAR, message VARCHAR);
CREATE TABLE IF NOT EXISTS imports (
    source_file VARCHAR, imported_at TIMESTAMP, read BIGINT, stored BIGINT, rejected BIGINT,
    located BIGINT, unlocated BIGINT, warnings BIGINT);
"""


def database_path() -> Path:
    """Where the grants database lives: ``grants.duckdb`` in the n4c data folder."""
    return config.data_dir() / "grants.duckdb"


@dataclass
class ImportCounts:
    """What importing one file did. ``read == stored + rejected`` always holds."""

    path: Path
    #: The text encoding the file was read with ("" for a workbook).
    encoding: str = "UTF-8"
    read: int = 0
    stored: int = 0
    rejected: int = 0
    located: int = 0
    unlocated: int = 0
    replaced: int = 0
    warnings: int = 0
    problems: list[Problem] = field(default_factory=list)
    problems_by_field: Counter[tuple[str, str]] = field(default_factory=Counter)
    unlocated_reasons: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """One sentence: read, stored, rejected, located, unlocated."""
        return (
            f"{self.path.name}: read {self.read:,} grants: {self.stored:,} stored, "
            f"{self.rejected:,} rejected; {self.located:,} located, {self.unlocated:,} unlocated"
            f"{f'; {self.warnings:,} warnings' if self.warnings else ''}."
        )


class GrantStore:
    """The grants database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else database_path()
        if read_only and not self.path.exists():
            from n4c.errors import DataMissingError

            raise DataMissingError(
                f"There is no grants database at {self.path} yet. "
                "Import 360Giving files first: n4c spending import FILE..."
            )
        if self.path.is_dir():
            raise InputError(
                "is a folder; the grants database is a file.",
                path=self.path,
                hint="Give a file name, such as grants.duckdb.",
            )
        try:
            self.connection = duckdb.connect(str(self.path), read_only=read_only)
            if not read_only:
                self.connection.execute(_SCHEMA)
        except duckdb.Error as error:
            raise InputError(
                f"cannot be opened as a grants database ({str(error).splitlines()[0]}).",
                path=self.path,
                hint="Give a file n4c spending import made, or a new file name in a folder you "
                "may write to.",
            ) from None

    def __enter__(self) -> GrantStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def grant_count(self) -> int:
        row = self.connection.execute("SELECT count(*) FROM grants").fetchall()[0]
        return int(row[0]) if row else 0

    def import_file(
        self,
        path: Path,
        geography: Geography,
        *,
        progress: Callable[[int], None] | None = None,
        parts: int | None = None,
    ) -> ImportCounts:
        """Check, place and store every grant of one file, in one transaction.

        ``parts`` processes check the grants (see :func:`n4c.spending.batches.checked_batches`).
        """
        path = Path(path)
        opened = open_grant_file(path)  # fails early on a missing or unknown file
        titles = opened.titles
        source = str(path.resolve())
        counts = ImportCounts(path, encoding=opened.encoding)
        problems: list[Problem] = []
        con = self.connection
        con.begin()
        try:
            con.execute(_STAGING)
            for batch in checked_batches(path, geography, parts=parts):
                if batch.restart:
                    con.execute(_STAGING)
                    counts.read = counts.rejected = 0
                    problems.clear()
                    continue
                if batch.first_half is not None:
                    self._renumber_second_half(batch.first_half, problems)
                counts.read += batch.read
                counts.rejected += batch.rejected
                problems.extend(batch.problems)
                self._stage(batch)
                if progress is not None:
                    progress(counts.read)
            problems.extend(self._settle_duplicates(titles.get("id", "id")))
            self._store_staged(source, counts, problems)
            con.commit()
        except BaseException:
            con.rollback()
            raise
        finally:
            con.execute("DROP TABLE IF EXISTS staged_grants; DROP TABLE IF EXISTS staged_locations")
        return counts

    def _stage(self, batch: Batch) -> None:
        con = self.connection
        if len(batch):
            grants = pd.DataFrame(batch.grants)
            for column in ("grant_index", "award_date", "amount_pence"):
                grants[column] = grants[column].astype(np.int64)
            con.register("batch_grants", grants)
            con.execute(
                """INSERT INTO staged_grants SELECT grant_index, grant_id, title, funder_id,
                funder_name, recipient_id, recipient_name, amount_pence,
                DATE '1970-01-01' + CAST(award_date AS INTEGER), location_source,
                unlocated_reason FROM batch_grants"""
            )
            con.unregister("batch_grants")
        if batch.locations["grant_id"]:
            locations = pd.DataFrame(batch.locations)
            for column in ("grant_index", "amount_pence"):
                locations[column] = locations[column].astype(np.int64)
            locations["position"] = locations["position"].astype(np.int32)
            con.register("batch_locations", locations)
            con.execute("INSERT INTO staged_locations SELECT * FROM batch_locations")
            con.unregister("batch_locations")

    def _renumber_second_half(self, first_half: int, problems: list[Problem]) -> None:
        shift = first_half - SECOND_HALF
        for table in ("staged_grants", "staged_locations"):
            self.connection.execute(
                f"UPDATE {table} SET grant_index = grant_index + ? WHERE grant_index >= ?",
                [shift, SECOND_HALF],
            )
        for problem in problems:
            if problem.grant_index >= SECOND_HALF:
                problem.grant_index += shift

    def _settle_duplicates(self, id_field: str) -> list[Problem]:
        """Reject every grant whose id an earlier grant of the file already has."""
        rows = self.connection.execute(
            """SELECT grant_index, grant_id, first_index FROM (
                   SELECT grant_index, grant_id,
                          min(grant_index) OVER (PARTITION BY grant_id) AS first_index
                   FROM staged_grants)
               WHERE grant_index > first_index ORDER BY grant_index"""
        ).fetchall()
        if rows:
            self.connection.execute(
                """DELETE FROM staged_grants s WHERE grant_index > (
                       SELECT min(t.grant_index) FROM staged_grants t WHERE t.grant_id = s.grant_id);
                   DELETE FROM staged_locations
                   WHERE grant_index NOT IN (SELECT grant_index FROM staged_grants)"""
            )
        return [
            Problem(
                index,
                grant_id,
                id_field,
                grant_id,
                f"the id is already used by grant {first:,} of this file; grant ids must be "
                "unique, so this one was not stored.",
                "error",
            )
            for index, grant_id, first in rows
        ]

    def _store_staged(self, source: str, counts: ImportCounts, problems: list[Problem]) -> None:
        con = self.connection
        counts.replaced = int(
            con.execute(
                "DELETE FROM grants WHERE grant_id IN (SELECT grant_id FROM staged_grants)"
            ).fetchall()[0][0]
        )
        con.execute(
            "DELETE FROM grant_locations WHERE grant_id IN (SELECT grant_id FROM staged_grants)"
        )
        con.execute(
            """INSERT INTO grants SELECT grant_id, ?, title, funder_id, funder_name, recipient_id,
                   recipient_name, amount_pence, award_date, location_source, unlocated_reason
               FROM staged_grants ORDER BY grant_index""",
            [source],
        )
        con.execute(
            """INSERT INTO grant_locations SELECT grant_id, position, source, geo_code, level,
                   amount_pence, grant_share, reason
               FROM staged_locations ORDER BY grant_index, position"""
        )
        for reason, number in con.execute(
            """SELECT coalesce(unlocated_reason, ''), count(*) FROM staged_grants
               GROUP BY ALL ORDER BY 2 DESC"""
        ).fetchall():
            if reason:
                counts.unlocated += number
                counts.unlocated_reasons[reason] = number
            else:
                counts.located += number
        counts.stored = counts.located + counts.unlocated
        counts.rejected = counts.read - counts.stored
        problems.sort(key=lambda p: p.grant_index)
        for problem in problems:
            counts.warnings += problem.severity == "warning"
            counts.problems_by_field[(problem.field, problem.severity)] += 1
        counts.problems = problems[:PROBLEMS_KEPT]
        con.execute("DELETE FROM problems WHERE source_file = ?", [source])
        if problems:
            frame = pd.DataFrame(
                {
                    "source_file": source,
                    "grant_index": [p.grant_index for p in problems],
                    "grant_id": [p.grant_id for p in problems],
                    "field": [p.field for p in problems],
                    "value": [None if p.value is None else str(p.value) for p in problems],
                    "severity": [p.severity for p in problems],
                    "message": [p.message for p in problems],
                }
            )
            con.register("batch_problems", frame)
            con.execute("INSERT INTO problems SELECT * FROM batch_problems")
            con.unregister("batch_problems")
        con.execute(
            "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                source,
                dt.datetime.now(dt.UTC).replace(tzinfo=None),
                counts.read,
                counts.stored,
                counts.rejected,
                counts.located,
                counts.unlocated,
                counts.warnings,
            ],
        )


def import_grants(
    paths: Iterable[Path],
    *,
    database: Path | None = None,
    geography: Geography | None = None,
    progress: Callable[[int], None] | None = None,
    parts: int | None = None,
) -> list[ImportCounts]:
    """Import 360Giving files into the grants database; one transaction per file.

    Raises
    ------
    InputError
        If a file cannot be read to its end (such as broken JSON); nothing from that file is
        stored, and files imported before it stay imported.
    """
    geography = geography if geography is not None else load_geography()
    with GrantStore(database) as store:
        return [
            store.import_file(Path(p), geography, progress=progress, parts=parts) for p in paths
        ]
