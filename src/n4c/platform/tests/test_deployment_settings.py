"""The HTTPS settings from n4c.config reach Django and change what the platform answers.

Django reads its settings once, so each case starts a fresh Python with the environment set.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

_PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
plain = Client().get("/accounts/login/")
secure = Client().get("/accounts/login/", secure=True)
print(json.dumps({
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
    "hsts": secure.get("Strict-Transport-Security", ""),
    "csrf_cookie_secure": bool(secure.cookies["csrftoken"]["secure"]) if "csrftoken" in secure.cookies else None,
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "proxy": settings.SECURE_PROXY_SSL_HEADER,
    "origins": settings.CSRF_TRUSTED_ORIGINS,
}))
"""


def _platform_with(tmp_path: Path, **environment: str) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("N4C_") and key not in ("DATABASE_URL", "PYTEST_CURRENT_TEST")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="n4c.platform.settings",
        N4C_DATA_DIR=str(tmp_path),
        N4C_ALLOWED_HOSTS="testserver",
        **environment,
    )
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_by_default_the_platform_answers_plain_http_without_https_headers(tmp_path):
    found = _platform_with(tmp_path)
    assert found["plain_status"] == 200
    assert found["hsts"] == ""
    assert found["csrf_cookie_secure"] is False and found["session_secure"] is False
    assert found["proxy"] is None and found["origins"] == []


def test_the_https_settings_redirect_send_hsts_and_mark_cookies_secure(tmp_path):
    found = _platform_with(
        tmp_path,
        N4C_SECURE_COOKIES="1",
        N4C_HSTS_SECONDS="31536000",
        N4C_HSTS_INCLUDE_SUBDOMAINS="1",
        N4C_SSL_REDIRECT="1",
        N4C_PROXY_SSL_HEADER="X-Forwarded-Proto",
        N4C_CSRF_TRUSTED_ORIGINS="https://n4c.example.org",
    )
    assert found["plain_status"] == 301
    assert found["plain_location"] == "https://testserver/accounts/login/"
    assert found["hsts"] == "max-age=31536000; includeSubDomains"
    assert found["csrf_cookie_secure"] is True and found["session_secure"] is True
    assert found["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert found["origins"] == ["https://n4c.example.org"]
