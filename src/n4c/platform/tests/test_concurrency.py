"""Requests at the same moment, against the live server: no 500, no cap exceeded, no row lost.

Threads send their requests together (a barrier releases them at once) over plain HTTP with
their own signed-in sessions, to the server pytest-django runs in a thread, on the test
database: a file under SQLite (see settings), or PostgreSQL with
``DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test``. Every write a request answered
with a 2xx must be in the database, and nothing else.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import requests.adapters
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from n4c.platform.assets.models import Asset
from n4c.platform.caseloads.models import Assignment
from n4c.platform.events.models import Attendance, Event
from n4c.platform.people.models import Profile, Role
from n4c.platform.plans.models import YearZeroCheck
from n4c.platform.referrals.models import Partner
from n4c.platform.resources.models import Resource, Tag
from n4c.platform.right_to_bid.models import AssetCase, CaseEvent
from n4c.platform.right_to_bid.services import event_choices
from n4c.platform.support_log.models import SupportEntry

pytestmark = pytest.mark.django_db(transaction=True)

CLIENTS = 20


@pytest.fixture
def session_for(live_server):
    """A ``requests`` session signed in as the user, with a CSRF token for changes."""
    sessions: list[requests.Session] = []

    def make(user) -> requests.Session:
        client = Client()
        client.force_login(user)  # no password to hash: the session is made directly
        token = secrets.token_hex(16)  # 32 characters, as Django's own unmasked secret
        session = requests.Session()
        session.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=CLIENTS))
        session.cookies.set(settings.SESSION_COOKIE_NAME, client.cookies["sessionid"].value)
        session.cookies.set(settings.CSRF_COOKIE_NAME, token)
        session.headers.update({"X-CSRFToken": token, "Referer": live_server.url})
        session.base_url = live_server.url  # type: ignore[attr-defined]
        sessions.append(session)
        return session

    yield make
    # The server's thread for each kept-alive connection closes its database connection when
    # the connection closes, so none is left open when the test database is dropped.
    for session in sessions:
        session.close()


@pytest.fixture
def staff(region):
    """A person in ``role`` with a session-ready account (no password: none is needed)."""
    counter = iter(range(1, 10_000))

    def make(role: str):
        n = next(counter)
        user = get_user_model().objects.create_user(
            f"{role}-{n}", first_name=role, last_name=f"{n}"
        )
        Profile.objects.create(user=user, role=role, region=region)
        return user

    return make


def _together(requests_to_send: list[Callable[[], requests.Response]]) -> list[int]:
    """Send every request at once (as far as threads can) and return their statuses in order."""
    barrier = threading.Barrier(min(CLIENTS, len(requests_to_send)))

    def send(index_and_request) -> int:
        index, request = index_and_request
        if index < barrier.parties:
            barrier.wait(timeout=10)
        return request().status_code

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        return list(pool.map(send, enumerate(requests_to_send)))


def _post(session: requests.Session, path: str, body: dict) -> Callable[[], requests.Response]:
    return lambda: session.post(session.base_url + path, json=body, timeout=60)  # type: ignore[attr-defined]


def _put(session: requests.Session, path: str, body: dict) -> Callable[[], requests.Response]:
    return lambda: session.put(session.base_url + path, json=body, timeout=60)  # type: ignore[attr-defined]


def _no_server_error(statuses: list[int]) -> Counter[int]:
    counts = Counter(statuses)
    assert not [s for s in statuses if s >= 500], counts
    return counts


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own settings")
def test_sqlite_logs_ahead_waits_for_the_writer_and_locks_at_the_start() -> None:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20_000
    assert connection.transaction_mode == "IMMEDIATE"


def test_a_hundred_support_entries_at_once_are_all_stored(
    region, make_area, staff, session_for
) -> None:
    sessions = []
    for _ in range(4):
        adviser, area = staff(Role.ADVISER), make_area(region)
        Assignment.objects.create(
            area=area, person=adviser, role="adviser", started_on=dt.date(2026, 1, 1)
        )
        sessions.append((session_for(adviser), area))
    entries = [
        _post(
            session,
            "/api/support-log/entries",
            {"area_id": area.pk, "date": "2026-03-02", "kind": "call", "days": "0.5"},
        )
        for i in range(100)
        for session, area in [sessions[i % len(sessions)]]
    ]
    counts = _no_server_error(_together(entries))
    assert counts == {201: 100}
    assert SupportEntry.objects.count() == 100


def test_assignments_at_the_cap_never_exceed_it_on_the_page_or_in_the_api(
    region, make_area, staff, session_for, settings
) -> None:
    settings.ADVISER_MAX_AREAS = 3
    adviser, national = staff(Role.ADVISER), staff(Role.NATIONAL_TEAM)
    session = session_for(national)
    areas = [make_area(region) for _ in range(12)]
    token = session.cookies[settings.CSRF_COOKIE_NAME]

    def by_page(area) -> Callable[[], requests.Response]:
        return lambda: session.post(
            f"{session.base_url}/caseloads/areas/{area.pk}/assign/",  # type: ignore[attr-defined]
            data={"role": "adviser", "person": adviser.pk, "csrfmiddlewaretoken": token},
            allow_redirects=False,
            timeout=60,
        )

    attempts = [
        by_page(area)
        if i % 2
        else _post(
            session,
            "/api/caseloads/assignments",
            {"area_id": area.pk, "person_id": adviser.pk, "role": "adviser"},
        )
        for i, area in enumerate(areas)
    ]
    counts = _no_server_error(_together(attempts))
    # Accepted: 201 from the API, 302 from the page; refused: 422, or the form again (200).
    assert counts[201] + counts[302] == 3
    assert counts[422] + counts[200] == 9
    assert Assignment.objects.filter(person=adviser, ended_on__isnull=True).count() == 3


def test_advisers_named_for_one_area_at_once_hand_over_one_after_the_other(
    region, make_area, staff, session_for
) -> None:
    area, national = make_area(region), staff(Role.NATIONAL_TEAM)
    session = session_for(national)
    advisers = [staff(Role.ADVISER) for _ in range(10)]
    counts = _no_server_error(
        _together(
            [
                _post(
                    session,
                    "/api/caseloads/assignments",
                    {"area_id": area.pk, "person_id": a.pk, "role": "adviser"},
                )
                for a in advisers
            ]
        )
    )
    assert counts == {201: 10}
    assert Assignment.objects.filter(area=area, role="adviser").count() == 10
    assert Assignment.objects.filter(area=area, role="adviser", ended_on__isnull=True).count() == 1


def test_one_partner_name_added_at_once_is_stored_once(staff, session_for) -> None:
    session = session_for(staff(Role.NATIONAL_TEAM))
    body = {"name": "Locality", "specialism": "planning"}
    counts = _no_server_error(
        _together([_post(session, "/api/referrals/partners", body) for _ in range(10)])
    )
    assert counts == {201: 1, 422: 9}
    assert Partner.objects.filter(name="Locality").count() == 1


def test_one_asset_reference_added_at_once_is_stored_once(home, staff, session_for) -> None:
    session = session_for(staff(Role.NATIONAL_TEAM))
    body = {"reference": "A1", "name": "The old library", "kind": "physical", "postcode": "FY1 1AA"}
    counts = _no_server_error(
        _together([_post(session, f"/api/assets/areas/{home.pk}/assets", body) for _ in range(10)])
    )
    assert counts == {201: 1, 422: 9}
    assert Asset.objects.filter(area=home, reference="A1").count() == 1


def test_one_case_event_recorded_at_once_is_stored_once(home, staff, session_for) -> None:
    session = session_for(staff(Role.NATIONAL_TEAM))
    asset = Asset.objects.create(area=home, name="Hall", kind="physical", postcode="FY1 1AA")
    case = AssetCase.objects.create(asset=asset, title="Nomination", opened_on=dt.date(2026, 1, 5))
    body = {"event": event_choices()[0], "date": "2026-01-05"}
    counts = _no_server_error(
        _together([_post(session, f"/api/assets/cases/{case.pk}/events", body) for _ in range(10)])
    )
    assert counts == {201: 1, 422: 9}
    assert CaseEvent.objects.filter(case=case).count() == 1


def test_year_zero_ticks_and_attendance_put_at_once_make_one_row_each_the_last_winning(
    home, staff, session_for
) -> None:
    session = session_for(staff(Role.NATIONAL_TEAM))
    event = Event.objects.create(title="Gathering", scope="national", starts_on=dt.date(2026, 6, 1))
    ticks = [
        _put(
            session,
            f"/api/plans/{home.pk}/year-zero/partnership_formed",
            {"done_on": "2026-02-0" + str(1 + i % 9)},
        )
        for i in range(10)
    ]
    attendance = [
        _put(session, f"/api/events/{event.pk}/attendance", {"area_id": home.pk, "people": 10 + i})
        for i in range(10)
    ]
    counts = _no_server_error(_together(ticks + attendance))
    # The first put stores the row; the others, one after the other, correct it.
    assert counts == {200: 20}
    (tick,) = YearZeroCheck.objects.filter(plan__area=home, item="partnership_formed")
    assert tick.done_on.month == 2
    (came,) = Attendance.objects.filter(event=event, area=home)
    assert 10 <= came.people < 20


def test_resources_added_at_once_with_a_new_tag_share_one_tag(staff, session_for) -> None:
    session = session_for(staff(Role.NATIONAL_TEAM))
    counts = _no_server_error(
        _together(
            [
                _post(
                    session,
                    "/api/resources/",
                    {
                        "title": f"Guide {i}",
                        "kind": "guidance",
                        "summary": "How to run a meeting.",
                        "tags": ["meetings"],
                    },
                )
                for i in range(10)
            ]
        )
    )
    assert counts == {201: 10}
    assert Tag.objects.filter(name="meetings").count() == 1
    assert Resource.objects.filter(tags__name="meetings").count() == 10
