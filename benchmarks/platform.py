"""Benchmark: the area page and the monthly report answer in p95 < 150 ms under 50 clients.

Set-up, on PostgreSQL: the demo Network (100 real left-behind wards as areas, about 40 staff
within their caseload limits), then support entries topped up to 100,000 over the last year.
The platform is served by ``n4c serve`` in a subprocess on 127.0.0.1 (``--workers`` gunicorn
processes sharing a Redis cache, or one waitress process with ``--workers 1``).

The load: 50 clients, each a coroutine with its own keep-alive connection (plain HTTP/1.1 on asyncio
streams in this one process, so the load generator costs little CPU), all signed in
as the national team. Each page is measured on its own, in two load models:

- closed loop, no think time: each client sends its next request as soon as the last answer
  arrives, until the page's bounded number of requests is spent. This is the harshest model:
  with 50 clients the latency is 50 / throughput whatever the server does.
- think time: each client pauses ``--think-seconds`` (default 1 s) after each answer, as a
  person reading a page would, for ``--think-duration`` seconds (default 20 s); the clients
  start spread over the first pause rather than all at once.

Latency is measured at the client, from request to the last byte. Each page is also timed with
one client alone, which is the server's own time per request without queueing.

Run: ``N4C_DATA_MIRROR=../shared/data .venv/bin/python benchmarks/platform.py``
(``--database-url`` chooses the server; the database ``n4c_bench`` is created if missing and
dropped afterwards unless ``--keep``; the seeding is idempotent, so a kept database is reused.)
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file's name hides the standard library's `platform` module when run as a script (its
# folder comes first on sys.path), so take that folder off the path before anything imports it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import httpx  # noqa: E402

GOAL_P95_MS = 150.0
CLIENTS = 50
ENTRIES = 100_000
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/n4c_bench"
DEFAULT_CACHE_URL = "redis://127.0.0.1:6379/0"


def _ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def _drop_database(url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _prepare(url: str) -> dict[str, object]:
    """Migrate, seed the demo and top up the support log; returns area ids and a login."""
    os.environ["DATABASE_URL"] = url
    from n4c.platform.management import manage, setup

    setup()
    manage(["migrate", "--no-input", "--verbosity", "0"])
    import datetime as dt
    from decimal import Decimal

    from n4c.platform.caseloads.models import Assignment
    from n4c.platform.demo import DEMO_PASSWORD, seed_demo
    from n4c.platform.people.models import Profile
    from n4c.platform.support_log.models import Kind, SupportEntry

    summary = seed_demo(areas=100)
    assignments = list(
        Assignment.objects.filter(ended_on__isnull=True).values_list("area_id", "person_id", "role")
    )
    rng = random.Random(5)
    today = dt.date.today()
    missing = ENTRIES - SupportEntry.objects.count()
    kinds = list(Kind.values)
    batch = []
    for _ in range(missing):
        area_id, person_id, role = rng.choice(assignments)
        batch.append(
            SupportEntry(
                area_id=area_id,
                person_id=person_id,
                role=role,
                date=today - dt.timedelta(days=rng.randrange(0, 365)),
                kind=rng.choice(kinds),
                days=Decimal("0.5"),
                notes="Benchmark entry.",
            )
        )
    SupportEntry.objects.bulk_create(batch, batch_size=5000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    staff = Profile.objects.exclude(role__in=["partnership_member"]).count()
    return {
        "areas": list(Assignment.objects.values_list("area_id", flat=True).distinct()),
        "area_count": summary.areas,
        "staff": staff,
        "entries": SupportEntry.objects.count(),
        "password": DEMO_PASSWORD,
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sign_in(base: str, password: str) -> httpx.Cookies:
    with httpx.Client(base_url=base) as client:
        page = client.get("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        response = client.post(
            "/accounts/login/",
            data={"username": "national", "password": password, "csrfmiddlewaretoken": token},
        )
        if response.status_code != 302:
            raise SystemExit("Could not sign in to the benchmark server.")
        return client.cookies


async def _client(
    port: int,
    cookie_header: str,
    paths: list[str],
    timings: list[float],
    *,
    think_seconds: float,
    until: float,
    rng: random.Random,
) -> None:
    """One client on one keep-alive connection: requests the paths in turn, thinking between.

    Plain HTTP/1.1 over asyncio streams, not httpx: the clients share the server's two cores,
    and httpx costs several milliseconds of CPU a request, which would be measured as latency.
    """
    if think_seconds:
        # People do not all click at once: each client starts at its own point in its pause.
        await asyncio.sleep(rng.uniform(0, think_seconds))
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for path in paths:
            if time.perf_counter() > until:
                return
            start = time.perf_counter()
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie_header}\r\n"
                "Accept: text/html\r\n\r\n".encode("ascii")
            )
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", head)
            if length is None:
                raise SystemExit(f"{path} answered without a Content-Length; cannot keep alive.")
            await reader.readexactly(int(length.group(1)))
            timings.append((time.perf_counter() - start) * 1000)
            if status != 200:
                raise SystemExit(f"{path} answered {status}")
            if think_seconds:
                await asyncio.sleep(think_seconds)
    finally:
        writer.close()


def _drive(
    port: int,
    cookies: httpx.Cookies,
    paths: list[str],
    clients: int,
    *,
    think_seconds: float = 0.0,
    duration_seconds: float = 120.0,
) -> tuple[list[float], float]:
    """Latencies in ms of ``clients`` concurrent clients sharing ``paths``, and the wall time."""
    timings: list[float] = []
    shares = [paths[i::clients] for i in range(clients)]
    cookie_header = "; ".join(f"{name}={value}" for name, value in cookies.items())
    rng = random.Random(11)

    async def run() -> None:
        until = time.perf_counter() + duration_seconds
        await asyncio.gather(
            *(
                _client(
                    port,
                    cookie_header,
                    share,
                    timings,
                    think_seconds=think_seconds,
                    until=until,
                    rng=rng,
                )
                for share in shares
            )
        )

    start = time.perf_counter()
    asyncio.run(run())
    return timings, time.perf_counter() - start


def _report(name: str, model: str, timings: list[float], wall: float) -> bool:
    """Prints one line of results; True when the p95 meets the goal."""
    p95 = _percentile(timings, 0.95)
    print(
        f"{name:<15} {model}: {len(timings)} requests, p50 {statistics.median(timings):.1f} ms, "
        f"p95 {p95:.1f} ms, p99 {_percentile(timings, 0.99):.1f} ms, "
        f"{len(timings) / wall:.0f} req/s; p95 / goal {GOAL_P95_MS:.0f} ms = {p95 / GOAL_P95_MS:.2f}"
        f" ({'meets' if p95 < GOAL_P95_MS else 'misses'} the goal)"
    )
    return p95 < GOAL_P95_MS


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("N4C_BENCH_DATABASE_URL", DEFAULT_URL)
    )
    parser.add_argument(
        "--cache-url",
        default=os.environ.get("N4C_BENCH_CACHE_URL", DEFAULT_CACHE_URL),
        help="Shared cache for several workers; empty serves one waitress process.",
    )
    parser.add_argument("--requests", type=int, default=2000, help="Requests per page, no think.")
    parser.add_argument("--workers", type=int, default=2, help="Server processes.")
    parser.add_argument("--threads", type=int, default=4, help="Threads in each process.")
    parser.add_argument("--think-seconds", type=float, default=1.0)
    parser.add_argument("--think-duration", type=float, default=20.0)
    parser.add_argument(
        "--keep", action="store_true", help="Keep the database afterwards, to reuse its data."
    )
    args = parser.parse_args()
    if not args.cache_url:
        args.workers = 1

    os.environ.setdefault("N4C_DATA_DIR", tempfile.mkdtemp(prefix="n4c-bench-"))
    os.environ["N4C_SECRET_KEY"] = "benchmark-only-secret-key-" + "x" * 30
    os.environ["N4C_CACHE_URL"] = args.cache_url
    try:
        _ensure_database(args.database_url)
    except Exception as error:  # the benchmark needs a server; say so plainly
        print(f"PostgreSQL is not reachable at {args.database_url}: {error}")
        return 1
    start = time.perf_counter()
    data = _prepare(args.database_url)
    print(
        f"Set-up: {data['area_count']} areas, {data['staff']} staff, {data['entries']:,} support "
        f"entries on PostgreSQL in {time.perf_counter() - start:.1f} s"
    )

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": args.database_url}
    command = [sys.executable, "-m", "n4c", "serve", "--port", str(port)]
    command += ["--workers", str(args.workers), "--threads", str(args.threads)]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    served_by = (
        f"{args.workers} gunicorn processes of {args.threads} threads, Redis cache"
        if args.workers > 1
        else f"1 waitress process of {args.threads} threads, in-process cache"
    )
    print(
        f"Server: {served_by}; {os.cpu_count()} CPU cores shared with the clients and PostgreSQL."
    )
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
        cookies = _sign_in(base, str(data["password"]))
        rng = random.Random(7)
        areas = list(data["areas"])
        month = time.strftime("%Y-%m")
        pages = {
            "area page": [f"/areas/{rng.choice(areas)}/" for _ in range(args.requests)],
            "monthly report": [f"/support-log/report/?month={month}"] * args.requests,
        }
        # Warm up every worker: connections, template loading, the first query plans.
        _drive(port, cookies, pages["area page"][:200] + pages["monthly report"][:200], CLIENTS)
        met = {"closed": True, "think": True}
        client_cpu = time.process_time()
        for name, paths in pages.items():
            alone, wall = _drive(port, cookies, paths[:200], 1)
            _report(name, "1 client alone, no think time", alone, wall)
            timings, wall = _drive(port, cookies, paths, CLIENTS)
            met["closed"] &= _report(name, f"{CLIENTS} clients, no think time", timings, wall)
            timings, wall = _drive(
                port,
                cookies,
                paths * 50,
                CLIENTS,
                think_seconds=args.think_seconds,
                duration_seconds=args.think_duration,
            )
            met["think"] &= _report(
                name,
                f"{CLIENTS} clients, {args.think_seconds:g} s think time, "
                f"{args.think_duration:g} s",
                timings,
                wall,
            )
        print(
            f"The load generator used {time.process_time() - client_cpu:.1f} s of CPU in all. "
            f"Goal p95 < {GOAL_P95_MS:.0f} ms under {CLIENTS} clients: "
            f"{'met' if met['closed'] else 'not met'} with no think time, "
            f"{'met' if met['think'] else 'not met'} with {args.think_seconds:g} s think time."
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
        if not args.keep:
            _drop_database(args.database_url)
    return 0 if met["closed"] and met["think"] else 1


if __name__ == "__main__":
    sys.exit(main())
