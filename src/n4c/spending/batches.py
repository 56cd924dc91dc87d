"""Reading and checking a grant file in batches, in one process or split across two.

A big JSON file is checked by two processes at once. Usually the file splits at a grant
boundary near its middle and each process parses and checks one half. When no safe boundary
is found, or a half turns out not to be valid JSON on its own, each process streams the whole
file instead (parsing is the cheaper part) and checks every other grant; a file that is
really broken is reported from that reading, so its message counts grants from the start.

Batches come back to the process that writes the database, in any order; each row carries its
grant number so that duplicate ids are settled afterwards, the first occurrence in the file
winning. The second half cannot know how many grants the first has until the first is done,
so its numbers start at :data:`SECOND_HALF` and the last batch says how to renumber them.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import queue
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from n4c.errors import InputError, N4CError
from n4c.spending.geography import Geography
from n4c.spending.grants import CheckedGrant, Problem, check_grant
from n4c.spending.reading import (
    GrantFile,
    JsonSplit,
    open_grant_file,
    open_json_part,
    split_json_package,
)

__all__ = ["SECOND_HALF", "Batch", "checked_batches"]

BATCH_GRANTS = 100_000
# Below this size a second process costs more to start than it saves.
PARALLEL_MIN_BYTES = 50_000_000
# Grant numbers of the second half of a split file start here until renumbered.
SECOND_HALF = 1 << 40
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
    part: int = 0
    # True on an empty batch meaning "forget every batch before me": a split read failed and
    # the file is being read again whole.
    restart: bool = False
    # On the last batch of a split read: how many grants the first half had, so numbers from
    # SECOND_HALF become first_half + 1, first_half + 2, ...
    first_half: int | None = None

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


def _check(
    grant_file: GrantFile,
    geography: Geography,
    *,
    part: int = 0,
    parts: int = 1,
    base: int = 0,
) -> Iterator[Batch]:
    """Check the grants of ``grant_file`` numbered ``part`` modulo ``parts``, numbering from ``base``."""
    batch = Batch(part=part)
    for index, raw in grant_file.grants:
        if index % parts != part % parts:
            continue
        batch.read += 1
        grant, problems = check_grant(
            raw,
            base + index,
            geography,
            amounts_as_text=grant_file.amounts_as_text,
            titles=grant_file.titles,
        )
        if grant is None:
            batch.rejected += 1
        else:
            batch.add(base + index, grant)
        if problems:
            batch.problems.extend(problems)
        if batch.read >= BATCH_GRANTS:
            yield batch
            batch = Batch(part=part)
    yield batch


def _worker(
    path: Path, job: Callable[[], Iterator[Batch]], part: int, results: multiprocessing.Queue
) -> None:
    try:
        for batch in job():
            results.put(("batch", batch))
    except N4CError as error:
        results.put(("error", error))
    except Exception as error:  # anything else still has to reach the parent, or it waits
        results.put(("error", N4CError(f"checking {path.name} failed: {error!r}")))
    results.put(("done", part))


def _in_processes(path: Path, jobs: list[Callable[[], Iterator[Batch]]]) -> Iterator[Batch]:
    # Fork, so the workers share the geography already in memory instead of loading it again.
    context = multiprocessing.get_context("fork")
    results: multiprocessing.Queue = context.Queue(maxsize=4)
    workers = [
        context.Process(target=_worker, args=(path, job, part, results), daemon=True)
        for part, job in enumerate(jobs)
    ]
    for worker in workers:
        worker.start()
    running = len(workers)
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


def _split_read(path: Path, geography: Geography, split: JsonSplit) -> Iterator[Batch]:
    """Each of two processes parses and checks one half of a JSON package.

    Raises
    ------
    InputError
        If a half is not valid JSON on its own: the split was wrong or the file is broken.
    """
    first_half = 0
    jobs = [
        lambda: _check(open_json_part(path, split, 0), geography),
        lambda: _check(open_json_part(path, split, 1), geography, part=1, base=SECOND_HALF),
    ]
    for batch in _in_processes(path, jobs):
        if batch.part == 0:
            first_half += batch.read
        yield batch
    yield Batch(first_half=first_half)


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
    machine with two cores or more, else one, in this process). The caller must honour two
    kinds of empty batch: ``restart`` (discard every batch so far) and ``first_half``
    (renumber grants from :data:`SECOND_HALF` to follow the first half's).

    Raises
    ------
    InputError
        If the file cannot be read to its end; the batches already yielded must be discarded.
    """
    parts = _parts_for(path) if parts is None else parts
    if parts == 1:
        yield from _check(open_grant_file(path), geography)
        return
    split = split_json_package(path) if parts == 2 and path.suffix.lower() == ".json" else None
    if split is not None:
        try:
            yield from _split_read(path, geography, split)
            return
        except InputError:
            yield Batch(restart=True)
    yield from _in_processes(
        path,
        [
            lambda part=part: _check(open_grant_file(path), geography, part=part, parts=parts)  # type: ignore[misc]
            for part in range(parts)
        ],
    )
