"""Benchmark: writes at the same moment under a mixed load, on SQLite and PostgreSQL: no 5xx, no
row lost, no caseload over its limit.

Set-up, on each database in turn: 40 areas in one region, 10 advisers each holding one of the
first 10 areas, 5 more advisers for the other 30 areas with a caseload limit of 3, and the
national team, each signed in with a session of their own. The platform is served by
``n4c serve`` (one waitress process of 8 threads) in a subprocess on 127.0.0.1.

The load: 20 clients, each a thread with its own keep-alive connections, 100 requests each
(2,000 in all), closed loop, no think time, in a fixed random mix:

- 35% support entries, by the adviser of the client's area (API; each should be stored);
- 10% assignments of a capped adviser to one of the 30 areas (API; stored, handed over, or
  refused at the limit);
- 10% partners, named from a pool of 40 (API; the first of each name stored, the rest refused);
- 10% Year Zero ticks on the client's area and 10% attendance at one of 3 events (API puts);
- 25% reads: the area's page and its support entries in the API.

Afterwards the database is counted: rows written must equal the rows acknowledged (answered
201, or for the puts the distinct items answered 200), and no adviser may hold more areas than
the limit. It prints; it does not assert (as the other benchmarks).

Run: ``.venv/bin/python benchmarks/reliability.py`` (``--database-url`` runs one database only;
the default runs a new SQLite file, then the database ``n4c_reliability`` on PostgreSQL at
127.0.0.1:5432 if it answers, dropped afterwards).
"""

from __future__ import annotations

import sys
from pathlib import Path

# benchmarks/platform.py hides the standard library's `platform` module from a script run in
# this folder (its folder comes first on sys.path), so take that folder off the path first.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import secrets  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402

import httpx  # noqa: E402

CLIENTS = 20
REQUESTS_PER_CLIENT = 100
CAP = 3
POSTGRESQL_URL = "postgresql://postgres@127.0.0.1:5432/n4c_reliability"
MIX = [
    ("support entry", 35),
    ("assignment", 10),
    ("partner", 10),
    ("year zero", 10),
    ("attendance", 10),
    ("area page", 15),
    ("entries list", 10),
]
YEAR_ZERO_ITEMS = ["partnership_formed", "terms_of_reference", "community_conversations"]


def _prepare() -> dict:
    """Migrate and make the people, areas and events; returns their ids and session cookies."""
    from n4c.platform.management import manage, setup

    setup()
    manage(["migrate", "--no-input", "--verbosity", "0"])
    from django.contrib.auth import get_user_model
    from django.test import Client

    from n4c.platform.areas.models import Area, Stage
    from n4c.platform.caseloads.models import Assignment
    from n4c.platform.events.models import Event
    from n4c.platform.people.models import Profile, Role
    from n4c.platform.regions.models import Region

    region = Region.objects.create(code="E12000002", name="North West")
    areas = [
        Area.objects.create(
            name=f"Area {n}",
            region=region,
            ward17_codes=[f"E05{n:06d}"],
            stage=Stage.ACTIVE,
            population=6000,
            imd_score=55.0,
            imd_rank=10,
            imd_decile=1,
            cni_rank=20,
            left_behind=True,
        )
        for n in range(1, 41)
    ]

    def person(username: str, role):
        user = get_user_model().objects.create_user(username, first_name=username, last_name="X")
        Profile.objects.create(user=user, role=role, region=region)
        client = Client()
        client.force_login(user)
        return user, client.cookies["sessionid"].value

    national = person("national", Role.NATIONAL_TEAM)
    advisers = []
    for n, area in enumerate(areas[:10]):
        adviser = person(f"adviser-{n}", Role.ADVISER)
        Assignment.objects.create(
            area=area, person=adviser[0], role="adviser", started_on=dt.date(2026, 1, 1)
        )
        advisers.append((area.pk, adviser[1]))
    capped = [person(f"capped-{n}", Role.ADVISER)[0].pk for n in range(5)]
    events = [
        Event.objects.create(
            title=f"Gathering {n}", scope="national", starts_on=dt.date(2026, 6, n)
        )
        for n in range(1, 4)
    ]
    from django.db import connections

    connections.close_all()
    return {
        "national": national[1],
        "advisers": advisers,
        "capped": capped,
        "caseload_areas": [a.pk for a in areas[10:]],
        "events": [e.pk for e in events],
    }


def _client(base: str, session: str) -> httpx.Client:
    token = secrets.token_hex(16)
    return httpx.Client(
        base_url=base,
        cookies={"sessionid": session, "csrftoken": token},
        headers={"X-CSRFToken": token, "Referer": base},
        timeout=60,
    )


class _Tally:
    """What the clients were answered, shared between their threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: Counter[str] = Counter()
        self.by_kind: Counter[tuple[str, str]] = Counter()
        self.timings: list[float] = []
        # What each write acknowledged: the new row's id (201), or the item put (200).
        self.acknowledged: dict[str, set[object]] = {kind: set() for kind, _ in MIX}

    def add(self, kind: str, status: int | str, ms: float, row: object) -> None:
        with self.lock:
            self.statuses[str(status)] += 1
            self.by_kind[(kind, str(status))] += 1
            self.timings.append(ms)
            if status in (200, 201) and row is not None:
                self.acknowledged[kind].add(row)


def _run_client(index: int, base: str, data: dict, tally: _Tally, barrier) -> None:
    rng = random.Random(index)
    area_id, adviser_session = data["advisers"][index % len(data["advisers"])]
    adviser, national = _client(base, adviser_session), _client(base, data["national"])
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    barrier.wait()
    try:
        for _ in range(REQUESTS_PER_CLIENT):
            kind = rng.choices(kinds, weights)[0]
            put_key: tuple[int, ...] | None = None
            body: dict | None = None
            client, method = national, "POST"
            if kind == "support entry":
                client, path = adviser, "/api/support-log/entries"
                body = {"area_id": area_id, "date": "2026-03-02", "kind": "call", "days": "0.5"}
            elif kind == "assignment":
                path = "/api/caseloads/assignments"
                body = {
                    "area_id": rng.choice(data["caseload_areas"]),
                    "person_id": rng.choice(data["capped"]),
                    "role": "adviser",
                }
            elif kind == "partner":
                path = "/api/referrals/partners"
                body = {"name": f"Partner {rng.randrange(40)}", "specialism": "planning"}
            elif kind == "year zero":
                item = rng.randrange(len(YEAR_ZERO_ITEMS))
                put_key = (area_id, item)
                client, method = adviser, "PUT"
                path = f"/api/plans/{area_id}/year-zero/{YEAR_ZERO_ITEMS[item]}"
                body = {"done_on": f"2026-02-{rng.randrange(1, 28):02d}"}
            elif kind == "attendance":
                event = rng.choice(data["events"])
                put_key = (event, area_id)
                method, path = "PUT", f"/api/events/{event}/attendance"
                body = {"area_id": area_id, "people": rng.randrange(5, 50)}
            elif kind == "area page":
                client, method, path = adviser, "GET", f"/areas/{area_id}/"
            else:
                client, method = adviser, "GET"
                path = f"/api/support-log/entries?area_id={area_id}"
            start = time.perf_counter()
            row: object = None
            try:
                response = client.request(method, path, json=body)
                status: int | str = response.status_code
                if status == 201:
                    row = response.json()["id"]
                elif status == 200 and put_key is not None:
                    row = put_key
            except httpx.TransportError as error:
                status = type(error).__name__
            tally.add(kind, status, (time.perf_counter() - start) * 1000, row)
    finally:
        adviser.close()
        national.close()


def _counted(data: dict, tally: _Tally) -> tuple[list[tuple[str, int, int, int]], int]:
    """(what, rows in the database, rows acknowledged, rows lost or never acknowledged) for
    every kind of write, and how many advisers hold more areas than the limit."""
    from django.db.models import Count

    from n4c.platform.caseloads.models import Assignment
    from n4c.platform.events.models import Attendance
    from n4c.platform.plans.models import YearZeroCheck
    from n4c.platform.referrals.models import Partner
    from n4c.platform.support_log.models import SupportEntry

    items = YearZeroCheck.objects.values_list("plan__area_id", "item")
    stored: dict[str, set[object]] = {
        "support entry": set(SupportEntry.objects.values_list("id", flat=True)),
        "assignment": set(
            Assignment.objects.filter(area_id__in=data["caseload_areas"]).values_list(
                "id", flat=True
            )
        ),
        "partner": set(Partner.objects.values_list("id", flat=True)),
        "year zero": {(area, YEAR_ZERO_ITEMS.index(item)) for area, item in items},
        "attendance": set(Attendance.objects.values_list("event_id", "area_id")),
    }
    over_limit = (
        Assignment.objects.filter(ended_on__isnull=True)
        .values("person")
        .annotate(held=Count("id"))
        .filter(held__gt=CAP)
        .count()
    )
    return [
        (kind, len(rows), len(tally.acknowledged[kind]), len(rows ^ tally.acknowledged[kind]))
        for kind, rows in stored.items()
    ], over_limit


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _one_database(url: str) -> int:
    """Set up, serve, load and count one database (run in a process of its own)."""
    os.environ["DATABASE_URL"] = url
    os.environ["N4C_ADVISER_MAX_AREAS"] = str(CAP)
    os.environ["N4C_CACHE_URL"] = ""
    data = _prepare()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "n4c", "serve", "--port", str(port), "--threads", "8"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/accounts/login/", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    print("The server did not start.")
                    return 1
                time.sleep(0.3)
        tally = _Tally()
        barrier = threading.Barrier(CLIENTS)
        threads = [
            threading.Thread(target=_run_client, args=(i, base, data, tally, barrier))
            for i in range(CLIENTS)
        ]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=10)
    total = sum(tally.statuses.values())
    errors = {s: n for s, n in sorted(tally.statuses.items()) if not s.startswith(("2", "3"))}
    server_errors = sum(n for s, n in tally.statuses.items() if not s.isdigit() or s[0] == "5")
    print(
        f"{_engine(url)}: {total} requests from {CLIENTS} clients in {wall:.1f} s "
        f"({total / wall:.0f} req/s), p50 {statistics.median(tally.timings):.0f} ms, "
        f"p95 {_percentile(tally.timings, 0.95):.0f} ms"
    )
    print(f"  answers: {dict(sorted(tally.statuses.items()))}")
    for kind, _ in MIX:
        answers = {s: n for (k, s), n in sorted(tally.by_kind.items()) if k == kind}
        print(f"    {kind}: {answers}")
    print(f"  refusals and errors by status: {errors or 'none'}; 5xx or no answer: {server_errors}")
    lost = 0
    counted, over_limit = _counted(data, tally)
    for what, rows, acknowledged, differing in counted:
        print(f"  {what} rows: {rows} in the database, {acknowledged} acknowledged")
        lost += differing
    print(f"  rows lost, or stored but not acknowledged: {lost}")
    print(f"  advisers over the caseload limit of {CAP}: {over_limit}")
    return 0


def _engine(url: str) -> str:
    return "SQLite" if url.startswith("sqlite") else "PostgreSQL"


def _postgresql_database(url: str, *, drop: bool) -> bool:
    """Create (or with ``drop``, drop) the benchmark's database; False when none answers."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    try:
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if not drop:
                conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        print(f"PostgreSQL is not reachable at {url}: {error}".strip())
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="Run this database only, already empty.")
    args = parser.parse_args()
    os.environ.setdefault("N4C_DATA_DIR", tempfile.mkdtemp(prefix="n4c-reliability-"))
    os.environ["N4C_SECRET_KEY"] = "benchmark-only-secret-key-" + "x" * 30
    if args.database_url:
        return _one_database(args.database_url)
    print(
        f"{CLIENTS} clients, {CLIENTS * REQUESTS_PER_CLIENT} requests on each database; "
        f"{os.cpu_count()} CPU cores shared by the clients, the server and the database."
    )
    sqlite_folder = Path(tempfile.mkdtemp(prefix="n4c-reliability-"))
    sqlite_url = "sqlite:///" + str(sqlite_folder / "db.sqlite3")
    runs = [sqlite_url]
    if _postgresql_database(POSTGRESQL_URL, drop=False):
        runs.append(POSTGRESQL_URL)
    failed = 0
    for url in runs:
        failed |= subprocess.call([sys.executable, __file__, "--database-url", url])
    if POSTGRESQL_URL in runs:
        _postgresql_database(POSTGRESQL_URL, drop=True)
    shutil.rmtree(sqlite_folder)
    return failed


if __name__ == "__main__":
    sys.exit(main())
