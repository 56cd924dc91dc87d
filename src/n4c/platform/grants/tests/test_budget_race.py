"""Decisions at the same moment, against the live server: the budget is never overspent.

Twelve awards of £1,000 are sent together against a capital budget of £5,000; the panel's row
lock (PostgreSQL) or the writer's lock taken at the start of each transaction (SQLite) makes
them take turns, so five are awarded and seven refused with the budget's sentence, and no
request fails."""

from __future__ import annotations

import secrets
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.conf import settings
from django.db.models import Sum
from django.test import Client

from n4c.platform.grants.models import Application, Phase
from n4c.platform.grants.tests.conftest import move_to

pytestmark = pytest.mark.django_db(transaction=True)

ATTEMPTS = 12


def _signed_in(user, base_url: str) -> tuple[requests.Session, str]:
    client = Client()
    client.force_login(user)
    token = secrets.token_hex(16)
    session = requests.Session()
    session.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=ATTEMPTS))
    session.cookies.set(settings.SESSION_COOKIE_NAME, client.cookies["sessionid"].value)
    session.cookies.set(settings.CSRF_COOKIE_NAME, token)
    session.headers.update({"Referer": base_url})
    return session, token


def test_awards_sent_together_never_overspend_the_budget(
    live_server, panel, adviser, make_application
):
    applications = [make_application(amount_gbp=1000) for _ in range(ATTEMPTS)]
    move_to(panel, Phase.DECIDING)
    session, token = _signed_in(adviser, live_server.url)
    barrier = threading.Barrier(ATTEMPTS)

    def decide(application: Application) -> tuple[int, str]:
        barrier.wait(timeout=10)
        answer = session.post(
            f"{live_server.url}/grants/applications/{application.pk}/decide/",
            data={"outcome": "awarded", "reasons": "Strong.", "csrfmiddlewaretoken": token},
            allow_redirects=False,
            timeout=60,
        )
        return answer.status_code, answer.text

    try:
        with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
            answers = list(pool.map(decide, applications))
    finally:
        session.close()
    statuses = sorted(status for status, _ in answers)
    assert statuses == [302] * 5 + [400] * 7
    assert all("That would overspend the capital budget" in text for s, text in answers if s == 400)
    awarded = Application.objects.filter(panel=panel).aggregate(total=Sum("awarded_gbp"))
    assert awarded["total"] == 5000
