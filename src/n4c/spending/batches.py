"""Reading and checking a grant file in batches, in one process or split across two.

A big JSON file is checked by two processes at once: each streams the whole file (parsing is
the cheap part) and checks every other grant (checking is the dear part). Batches come back
to the process that writes the database, in any order; each row carries its grant number so
that duplicate ids are settled afterwards, the first occurrence in the file winning.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import queue
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from n4c.errors import N4CError
from n4c.spending.geography import Geography
from n4c.spending.grants import CheckedGrant, Problem, check_grant
from n4c.spending.reading import open_grant_file

__all__ = ["Batch", "checked_batches"]

BATCH_GRANTS = 100_000
# Below this size a second process costs more to start than it saves.
PARALLEL_MIN_BYTES = 50_000_000
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_GRANT_COLUMNS = (
    "grant_index", "grant_id", "title", "funder_id", "funder_name", "recipient_id",
    "recipient_name", "amount_pence", "award_date", "location_source", "unlocated_reason",
)  # fmt: skip
_LOCATION_COLUMNS = (
    "grant_index", "grant_id", "position", "source", "geo_code", "level", "amount_pence",
    "grant_share", "reason",
)  # fmt: skip


@dataclass
class Batch:
    """Column lists for a batch of checked grants, their locations, problems and counts."""

    grants: dict[str, list] = field(default_factory=lambda: {c: [] for c in _GRANT_COLUMNS})
    locations: dict[str, list] = field(default_factory=lambda: {c: [] for c in _LOCATION_COLUMNS})
    problems: list[Problem] = field(default_factory=list)
    read: int = 0
    rejected: int = 0

    def __len__(self) -> int:
        return len(self.grants["grant_id"])

    def add(self, index: int, grant: CheckedGrant) -> None:
        g = self.grants
        g["grant_index"].append(index)
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
            loc["grant_index"].append(index)
            loc["grant_id"].append(grant.grant_id)
            loc["position"].append(location.position)
            loc["source"].append(location.source)
            loc["geo_code"].append(location.geo_code)
            loc["level"].append(location.level)
            loc["amount_pence"].append(location.amount_pence)
            loc["grant_share"].append(location.grant_share)
            loc["reason"].append(location.reason)


def _check_part(path: Path, geography: Geography, part: int, parts: int) -> Iterator[Batch]:
    grant_file = open_grant_file(path)
    batch = Batch()
    for index, raw in grant_file.grants:
        if index % parts != part:
            continue
        batch.read += 1
        grant, problems = check_grant(
            raw,
            index,
            geography,
            amounts_as_text=grant_file.amounts_as_text,
            titles=grant_file.titles,
        )
        if grant is None:
            batch.rejected += 1
        else:
            batch.add(index, grant)
        if problems:
            batch.problems.extend(problems)
        if batch.read >= BATCH_GRANTS:
            yield batch
            batch = Batch()
    yield batch


def _worker(
    path: Path, geography: Geography, part: int, parts: int, results: multiprocessing.Queue
) -> None:
    try:
        for batch in _check_part(path, geography, part, parts):
            results.put(("batch", batch))
    except N4CError as error:
        results.put(("error", error))
    except Exception as error:  # anything else still has to reach the parent, or it waits
        results.put(("error", N4CError(f"checking {path.name} failed: {error!r}")))
    results.put(("done", part))


def _parts_for(path: Path) -> int:
    if path.suffix.lower() != ".json" or path.stat().st_size < PARALLEL_MIN_BYTES:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return 2 if (os.cpu_count() or 1) >= 2 else 1


def checked_batches(
    path: Path, geography: Geography, *, parts: int | None = None
) -> Iterator[Batch]:
    """Batches of checked grants of one file; grant numbers say their place in the file.

    ``parts`` processes share the checking (default: two for a JSON file over 50 MB on a
    machine with two cores or more, else one, in this process).

    Raises
    ------
    InputError
        If the file cannot be read to its end; the batches already yielded must be discarded.
    """
    parts = _parts_for(path) if parts is None else parts
    if parts == 1:
        yield from _check_part(path, geography, 0, 1)
        return
    # Fork, so the workers share the geography already in memory instead of loading it again.
    context = multiprocessing.get_context("fork")
    results: multiprocessing.Queue = context.Queue(maxsize=4)
    workers = [
        context.Process(target=_worker, args=(path, geography, part, parts, results), daemon=True)
        for part in range(parts)
    ]
    for worker in workers:
        worker.start()
    running = parts
    try:
        while running:
            try:
                kind, payload = results.get(timeout=5)
            except queue.Empty:
                if not any(worker.is_alive() for worker in workers):
                    raise N4CError(f"checking {path.name} stopped unexpectedly.") from None
                continue
            if kind == "batch":
                yield payload
            elif kind == "error":
                raise payload
            else:
                running -= 1
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
