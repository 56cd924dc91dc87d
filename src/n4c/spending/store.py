"""The grants database (DuckDB) and importing 360Giving files into it.

One file is one transaction: a file that cannot be read to its end (broken JSON, say) stores
nothing, and the grants already in the database stay as they were. Grants are written in
batches of rows through DataFrames, not one INSERT per grant. The grant ``id`` is the key:
importing a grant again replaces it, so re-importing a file never duplicates.
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
from n4c.spending.geography import Geography, load_geography
from n4c.spending.grants import CheckedGrant, Problem, check_grant
from n4c.spending.reading import open_grant_file

__all__ = ["GrantStore", "ImportCounts", "database_path", "import_grants"]

BATCH_GRANTS = 100_000
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
PROBLEMS_KEPT = 1_000

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


class _Batch:
    """Column lists for one batch of grants, their locations and their problems."""

    def __init__(self) -> None:
        self.grants: dict[str, list] = {
            name: []
            for name in (
                "grant_id", "title", "funder_id", "funder_name", "recipient_id",
                "recipient_name", "amount_pence", "award_date", "location_source",
                "unlocated_reason",
            )
        }  # fmt: skip
        self.locations: dict[str, list] = {
            name: []
            for name in (
                "grant_id", "position", "source", "geo_code", "level", "amount_pence",
                "grant_share", "reason",
            )
        }  # fmt: skip
        self.problems: list[Problem] = []

    def __len__(self) -> int:
        return len(self.grants["grant_id"])

    def add(self, grant: CheckedGrant) -> None:
        g = self.grants
        g["grant_id"].append(grant.grant_id)
        g["title"].append(grant.title)
        g["funder_id"].append(grant.funder_id)
        g["funder_name"].append(grant.funder_name)
        g["recipient_id"].append(grant.recipient_id)
        g["recipient_name"].append(grant.recipient_name)
        g["amount_pence"].append(grant.amount_pence)
        # Days since 1970-01-01: numpy converts a list of date objects about 15 times slower.
        g["award_date"].append(grant.award_date.toordinal() - _EPOCH_ORDINAL)
        g["location_source"].append(grant.location_source)
        g["unlocated_reason"].append(grant.unlocated_reason)
        loc = self.locations
        for location in grant.locations:
            loc["grant_id"].append(grant.grant_id)
            loc["position"].append(location.position)
            loc["source"].append(location.source)
            loc["geo_code"].append(location.geo_code)
            loc["level"].append(location.level)
            loc["amount_pence"].append(location.amount_pence)
            loc["grant_share"].append(location.grant_share)
            loc["reason"].append(location.reason)


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
        self.connection = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            self.connection.execute(_SCHEMA)

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
    ) -> ImportCounts:
        """Check, place and store every grant of one file, in one transaction."""
        grant_file = open_grant_file(Path(path))
        source = str(Path(path).resolve())
        counts = ImportCounts(Path(path))
        con = self.connection
        con.begin()
        try:
            con.execute("DELETE FROM problems WHERE source_file = ?", [source])
            seen: dict[str, int] = {}
            batch = _Batch()
            for index, raw in grant_file.grants:
                counts.read += 1
                grant, problems = check_grant(
                    raw,
                    index,
                    geography,
                    amounts_as_text=grant_file.amounts_as_text,
                    titles=grant_file.titles,
                )
                if grant is not None and grant.grant_id in seen:
                    problems.append(
                        Problem(
                            index,
                            grant.grant_id,
                            grant_file.titles.get("id", "id"),
                            grant.grant_id,
                            f"the id is already used by grant {seen[grant.grant_id]:,} of this "
                            "file; grant ids must be unique, so this one was not stored.",
                            "error",
                        )
                    )
                    grant = None
                if grant is None:
                    counts.rejected += 1
                else:
                    seen[grant.grant_id] = index
                    counts.stored += 1
                    if grant.unlocated_reason is None:
                        counts.located += 1
                    else:
                        counts.unlocated += 1
                        counts.unlocated_reasons[grant.unlocated_reason] += 1
                    batch.add(grant)
                for problem in problems:
                    counts.warnings += problem.severity == "warning"
                    counts.problems_by_field[(problem.field, problem.severity)] += 1
                    if len(counts.problems) < PROBLEMS_KEPT:
                        counts.problems.append(problem)
                batch.problems.extend(problems)
                if len(batch) >= BATCH_GRANTS:
                    counts.replaced += self._write(batch, source)
                    batch = _Batch()
                    if progress is not None:
                        progress(counts.read)
            counts.replaced += self._write(batch, source)
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
            con.commit()
        except BaseException:
            con.rollback()
            raise
        if progress is not None:
            progress(counts.read)
        return counts

    def _write(self, batch: _Batch, source: str) -> int:
        con = self.connection
        replaced = 0
        if len(batch):
            grants = pd.DataFrame(batch.grants)
            grants["award_date"] = grants["award_date"].astype(np.int64)
            grants["amount_pence"] = grants["amount_pence"].astype(np.int64)
            con.register("batch_grants", grants)
            row = con.execute(
                "DELETE FROM grants WHERE grant_id IN (SELECT grant_id FROM batch_grants)"
            ).fetchall()[0]
            replaced = int(row[0]) if row else 0
            con.execute(
                "DELETE FROM grant_locations WHERE grant_id IN (SELECT grant_id FROM batch_grants)"
            )
            con.execute(
                """INSERT INTO grants SELECT grant_id, ?, title, funder_id, funder_name,
                recipient_id, recipient_name, amount_pence, DATE '1970-01-01' + CAST(award_date AS INTEGER),
                location_source, unlocated_reason FROM batch_grants""",
                [source],
            )
            con.unregister("batch_grants")
            if batch.locations["grant_id"]:
                locations = pd.DataFrame(batch.locations)
                locations["amount_pence"] = locations["amount_pence"].astype(np.int64)
                locations["position"] = locations["position"].astype(np.int32)
                con.register("batch_locations", locations)
                con.execute("INSERT INTO grant_locations SELECT * FROM batch_locations")
                con.unregister("batch_locations")
        if batch.problems:
            problems = pd.DataFrame(
                {
                    "source_file": source,
                    "grant_index": [p.grant_index for p in batch.problems],
                    "grant_id": [p.grant_id for p in batch.problems],
                    "field": [p.field for p in batch.problems],
                    "value": [None if p.value is None else str(p.value) for p in batch.problems],
                    "severity": [p.severity for p in batch.problems],
                    "message": [p.message for p in batch.problems],
                }
            )
            con.register("batch_problems", problems)
            con.execute("INSERT INTO problems SELECT * FROM batch_problems")
            con.unregister("batch_problems")
        return replaced


def import_grants(
    paths: Iterable[Path],
    *,
    database: Path | None = None,
    geography: Geography | None = None,
    progress: Callable[[int], None] | None = None,
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
        return [store.import_file(Path(p), geography, progress=progress) for p in paths]
