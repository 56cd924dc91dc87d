"""Benchmark: the area page and the monthly report answer in p95 < 150 ms under 50 clients.

Set-up, on PostgreSQL: the demo Network (100 real left-behind wards as areas, about 40 staff
within their caseload limits), then support entries topped up to 100,000 over the last year.
The platform is served by ``n4c serve`` (waitress) in a subprocess on 127.0.0.1, and 50
concurrent clients (threads, each with its own httpx connection, signed in) request area pages
and monthly reports back to back, with no pause between requests, for a bounded number of
requests. Latency is measured at the client, from request to the last byte.

Run: ``N4C_DATA_MIRROR=../shared/data .venv/bin/python benchmarks/platform.py``
(``--database-url`` chooses the server; the database ``n4c_bench`` is created if missing; the
demo seeding is idempotent, so a second run reuses the data.) Each page is also timed with one
client alone, which is the server's own time per request without queueing.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file's name hides the standard library's `platform` module when run as a script (its
# folder comes first on sys.path), so take that folder off the path before anything imports it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from concurrent.futures import ThreadPoolExecutor  # noqa: E402

import httpx  # noqa: E402

GOAL_P95_MS = 150.0
CLIENTS = 50
ENTRIES = 100_000
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/n4c_bench"


def _ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


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


def _drive(base: str, cookies: httpx.Cookies, paths: list[str], clients: int) -> list[float]:
    timings: list[float] = []
    lock = threading.Lock()
    local = threading.local()

    def fetch(path: str) -> None:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=base, cookies=cookies, timeout=30)
        start = time.perf_counter()
        response = local.client.get(path)
        elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        with lock:
            timings.append(elapsed)

    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(fetch, paths))
    return timings


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("N4C_BENCH_DATABASE_URL", DEFAULT_URL)
    )
    parser.add_argument("--requests", type=int, default=1000, help="Requests per page kind.")
    parser.add_argument("--threads", type=int, default=8, help="Server worker threads.")
    args = parser.parse_args()

    os.environ.setdefault("N4C_DATA_DIR", tempfile.mkdtemp(prefix="n4c-bench-"))
    os.environ["N4C_SECRET_KEY"] = "benchmark-only-secret-key-" + "x" * 30
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
    server = subprocess.Popen(
        [sys.executable, "-m", "n4c", "serve", "--port", str(port), "--threads", str(args.threads)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
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
        # Warm up: connections, template loading, the first query plans.
        _drive(base, cookies, pages["area page"][:50] + pages["monthly report"][:50], CLIENTS)
        failed = False
        for name, paths in pages.items():
            alone = _drive(base, cookies, paths[:100], 1)
            print(
                f"{name:<15} 100 requests, 1 client: p50 {statistics.median(alone):.1f} ms, "
                f"p95 {_percentile(alone, 0.95):.1f} ms"
            )
            start = time.perf_counter()
            timings = _drive(base, cookies, paths, CLIENTS)
            wall = time.perf_counter() - start
            p95 = _percentile(timings, 0.95)
            failed |= p95 >= GOAL_P95_MS
            print(
                f"{name:<15} {len(timings)} requests, {CLIENTS} clients: "
                f"p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
                f"p99 {_percentile(timings, 0.99):.1f} ms, {len(timings) / wall:.0f} req/s; "
                f"p95 / goal {GOAL_P95_MS:.0f} ms = {p95 / GOAL_P95_MS:.2f}"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
