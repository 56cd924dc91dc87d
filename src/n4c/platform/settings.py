"""Django settings for the platform, every value read from :mod:`n4c.config`."""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from n4c import config

BASE_DIR = Path(__file__).resolve().parent

# The platform's own apps, each after every app it imports (a test holds the list to that, and
# pyproject's import-linter contracts hold the layers: audit, regions, people at the bottom,
# then areas, then the apps about work in areas, then the pages over all of them). urls.py and
# api.py mount each one that has a urls.py / api.py, so adding an app here is the only change
# they need; an app adds to each area's page from its AppConfig.ready (see areas.hooks).
PLATFORM_APPS = [
    "n4c.platform.plain",
    "n4c.platform.audit",
    "n4c.platform.regions",
    "n4c.platform.people",
    "n4c.platform.areas",
    "n4c.platform.caseloads",
    "n4c.platform.support_log",
    "n4c.platform.assets",
    "n4c.platform.right_to_bid",
    "n4c.platform.neighbourhood_planning",
    "n4c.platform.deadlines",
    "n4c.platform.plans",
    "n4c.platform.referrals",
    "n4c.platform.events",
    "n4c.platform.resources",
    "n4c.platform.residents",
    "n4c.platform.partnership",
    "n4c.platform.covenants",
    "n4c.platform.measures",
    "n4c.platform.grants",
    "n4c.platform.budgets",
    "n4c.platform.maps",
    "n4c.platform.surveys",
    "n4c.platform.rollout",
    "n4c.platform.home",
    "n4c.platform.search",
]

# Under pytest nothing may be written to the user's data folder, so the key is a throwaway.
_UNDER_PYTEST = "pytest" in sys.modules


def _secret_key() -> str:
    configured = config.get("N4C_SECRET_KEY")
    if configured:
        return configured
    if _UNDER_PYTEST:
        return "n4c-tests-only-" + "x" * 40
    path = config.data_dir() / "platform_secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def _database_url() -> str:
    configured = config.get("DATABASE_URL")
    if configured:
        return configured
    if _UNDER_PYTEST:
        # pytest-django swaps in a test database; this file is never opened.
        return "sqlite:///" + str(config.get("N4C_DATA_DIR") / "platform.sqlite3")
    return "sqlite:///" + str(config.data_dir() / "platform.sqlite3")


SECRET_KEY = _secret_key()
DEBUG: bool = config.get("N4C_DEBUG")
ALLOWED_HOSTS: list[str] = config.get("N4C_ALLOWED_HOSTS")
# pytest-django's live server answers on localhost; Django's test client uses "testserver".
if _UNDER_PYTEST:
    ALLOWED_HOSTS += ["testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    # For its templates and static files: the API docs' Swagger UI is served from here.
    "ninja",
    # Shared parts, no pages of its own: teaches the analytics core the page's language.
    "n4c.platform.core",
    *PLATFORM_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "n4c.platform.core.nul_characters.RefuseNulCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "n4c.platform.areas.middleware.MembersReadOnlyTheirArea",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # After authentication: no page a signed-in person sees is stored (it may hold personal data).
    "n4c.platform.core.privacy.NoStoreForSignedIn",
]

ROOT_URLCONF = "n4c.platform.urls"
WSGI_APPLICATION = "n4c.platform.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "n4c.platform.people.context.current_role",
            ],
        },
    },
]

# SQLite serves one writer at a time. So that concurrent writers queue rather than fail with
# "database is locked": write-ahead logging (readers never wait for the writer), a busy timeout
# that waits for the writer ahead, and BEGIN IMMEDIATE for every transaction, which takes the
# write lock at its start: a transaction that reads first and writes later cannot wait its
# turn when another wrote in between (SQLite answers "locked" at once), so each asks first.
# With WAL, synchronous=NORMAL loses no committed data when the process crashes (only the last
# commits, should the machine itself lose power).
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def _databases() -> dict[str, dict]:
    database: dict = dict(dj_database_url.parse(_database_url(), conn_max_age=60))
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {**database.get("OPTIONS", {}), **SQLITE_OPTIONS}
        if _UNDER_PYTEST:
            # A file, not SQLite's default of memory, so that the live server's threads each
            # open their own connection and the concurrency tests meet real locking. One file
            # per process: pytest-xdist's workers and other test runs do not share it.
            database["TEST"] = {
                "NAME": str(Path(tempfile.gettempdir()) / f"n4c-tests-{os.getpid()}.sqlite3")
            }
    return {"default": database}


DATABASES = _databases()
# The SQLite file holds personal data: Django's backend, making the file owner-only (0600).
# Not under pytest, which knows SQLite by Django's own engine name only (its test file is
# temporary and in the temporary folder).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and not _UNDER_PYTEST:
    DATABASES["default"]["ENGINE"] = "n4c.platform.core.sqlite"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The signed-in user comes with their profile (role, region) in one query, not two.
AUTHENTICATION_BACKENDS = ["n4c.platform.people.backends.ProfileBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"


def _caches() -> dict[str, dict[str, object]]:
    """Memory in this process by default; Redis when several server processes must agree.

    Login throttling, sessions and the support version that keeps cached fragments fresh all
    live here, so with more than one worker they need the shared cache.
    """
    url = config.get("N4C_CACHE_URL")
    if not url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return {
        "default": {
            "BACKEND": "n4c.platform.shared_cache.SharedRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "n4c",
        }
    }


CACHES = _caches()

LANGUAGE_CODE = "en-gb"
# Residents' languages (README "Languages"): each named in its own language, as a chooser shows
# it. Urdu reads right to left. The translations are in locale/ (.po and compiled .mo files).
LANGUAGES = [("en-gb", "English"), ("pl", "Polski"), ("ur", "اردو")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["n4c.platform.formats"]
LANGUAGE_COOKIE_NAME = "n4c_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Staff-written content in a reader's language when no one has translated it: None (off), or
# the dotted path of a callable (text, language_code) -> str (see resources.translations).
MACHINE_TRANSLATION: str | None = config.get("N4C_MACHINE_TRANSLATION") or None
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# No collectstatic step: whitenoise serves the apps' static folders straight from the package.
STATIC_ROOT = None
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Sessions read from the cache and written through to the database: one query fewer a page.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Every script and style comes from the platform's own static files: no inline <script>, no
# on...= handlers, no style attributes (a test scans the templates), no other site. Images may
# be data: addresses, as the favicon and Swagger UI's icons are.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
    }
}


def _proxy_ssl_header() -> tuple[str, str] | None:
    """The proxy's header as Django reads it (``X-Forwarded-Proto`` is ``HTTP_X_FORWARDED_PROTO``)."""
    header: str = config.get("N4C_PROXY_SSL_HEADER")
    return ("HTTP_" + header.upper().replace("-", "_"), "https") if header else None


# Serving over HTTPS (README "Deployment"): each is off by default, for the demo on http://.
SESSION_COOKIE_SECURE: bool = config.get("N4C_SECURE_COOKIES")
CSRF_COOKIE_SECURE: bool = config.get("N4C_SECURE_COOKIES")
SECURE_HSTS_SECONDS: int = config.get("N4C_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS: bool = config.get("N4C_HSTS_INCLUDE_SUBDOMAINS")
SECURE_SSL_REDIRECT: bool = config.get("N4C_SSL_REDIRECT")
SECURE_PROXY_SSL_HEADER = _proxy_ssl_header()
CSRF_TRUSTED_ORIGINS: list[str] = config.get("N4C_CSRF_TRUSTED_ORIGINS")

EMAIL_BACKEND = config.get("N4C_EMAIL_BACKEND")
DEFAULT_FROM_EMAIL = config.get("N4C_EMAIL_FROM")
EMAIL_HOST = config.get("N4C_EMAIL_HOST")
EMAIL_PORT: int = config.get("N4C_EMAIL_PORT")
EMAIL_HOST_USER = config.get("N4C_EMAIL_USER")
EMAIL_HOST_PASSWORD = config.get("N4C_EMAIL_PASSWORD")
EMAIL_USE_TLS: bool = config.get("N4C_EMAIL_TLS")

# Limits from n4c.config, read here once for the apps.
ADVISER_MAX_AREAS: int = config.get("N4C_ADVISER_MAX_AREAS")
COMMUNITY_WORKER_MAX_AREAS: int = config.get("N4C_COMMUNITY_WORKER_MAX_AREAS")
SUPPORT_DAYS_PER_MONTH: int = config.get("N4C_SUPPORT_DAYS_PER_MONTH")
LOGIN_MAX_FAILURES: int = config.get("N4C_LOGIN_MAX_FAILURES")
LOGIN_LOCKOUT_MINUTES: int = config.get("N4C_LOGIN_LOCKOUT_MINUTES")
# Links to set a password are Django's password-reset tokens: they expire after this.
PASSWORD_RESET_TIMEOUT: int = config.get("N4C_PASSWORD_LINK_HOURS") * 3600

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
