"""What this machine has and lacks for n4c: data, database, shared cache and the browser for tests.

Each check returns a :class:`Check` with what was found and, when something is missing, the
one thing to do about it. Nothing here imports Django, pandas or the platform's settings, so
``n4c doctor`` answers in a moment even on a machine where those would fail.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from n4c import config
from n4c.data.cache import cache_dir
from n4c.data.registry import DATASETS, dataset_path
from n4c.errors import DataMissingError

__all__ = ["CHROMIUM", "Check", "database_url", "run_checks"]

#: Where the browser tests find Debian's Chromium (`make test` installs it there).
CHROMIUM = Path("/usr/bin/chromium")
#: The platform's SQLite file in N4C_DATA_DIR when DATABASE_URL is empty (as its settings say).
SQLITE_FILE = "platform.sqlite3"
_TIMEOUT_SECONDS = 3


@dataclass(frozen=True)
class Check:
    """One thing n4c needs: whether it is here, what was found, and what to do if not."""

    name: str
    ok: bool
    detail: str
    action: str = ""
    #: ``False`` for what only some uses need (the browser tests, a shared cache)
    required: bool = True

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _data_folder() -> Check:
    folder = Path(config.get("N4C_DATA_DIR")).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder):
            pass
    except OSError as error:
        return Check(
            "Data folder",
            False,
            f"{folder} cannot be written ({error.strerror or error}).",
            "Set N4C_DATA_DIR to a folder you can write.",
        )
    return Check("Data folder", True, f"{folder} (N4C_DATA_DIR) can be written.")


def _mirror() -> Check:
    mirror = config.mirror_dir()
    if mirror is None:
        return Check(
            "Data mirror",
            True,
            "N4C_DATA_MIRROR is not set: datasets are read from the data folder.",
            required=False,
        )
    if not mirror.is_dir():
        return Check(
            "Data mirror",
            False,
            f"N4C_DATA_MIRROR names {mirror}, which is not a folder.",
            "Point N4C_DATA_MIRROR at the folder holding the datasets, or unset it.",
        )
    return Check("Data mirror", True, f"{mirror} (N4C_DATA_MIRROR).")


def _datasets() -> list[Check]:
    checks = []
    for name, dataset in DATASETS.items():
        try:
            path = dataset_path(name)
        except DataMissingError as error:
            action = (
                f"Download it from {dataset.source_url} if you need it."
                if dataset.optional
                else f"Run `n4c data fetch {name}`."
            )
            checks.append(
                Check(f"Dataset {name}", False, str(error), action, required=not dataset.optional)
            )
        else:
            checked = "checksum matches" if dataset.sha256 else "checked on its columns when read"
            checks.append(Check(f"Dataset {name}", True, f"{path}, {checked}."))
    return checks


def _dataset_cache() -> Check:
    folder = cache_dir()
    files = [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    size_mib = sum(p.stat().st_size for p in files) / 2**20
    return Check(
        "Dataset cache",
        True,
        f"{folder}: {len(files):,} files, {size_mib:,.1f} MiB (delete the folder to clear it).",
        required=False,
    )


def database_url() -> str:
    """The platform database's URL, as the platform's settings work it out."""
    return config.get("DATABASE_URL") or "sqlite:///" + str(
        Path(config.get("N4C_DATA_DIR")).expanduser() / SQLITE_FILE
    )


def _sqlite(path: Path) -> Check:
    if not path.exists():
        writable = os.access(path.parent if path.parent.exists() else Path.cwd(), os.W_OK)
        if writable:
            return Check(
                "Platform database",
                True,
                f"SQLite file {path} does not exist yet; `n4c serve` creates it.",
            )
        return Check(
            "Platform database",
            False,
            f"SQLite file {path} does not exist and its folder cannot be written.",
            "Set N4C_DATA_DIR to a folder you can write, or DATABASE_URL to a database.",
        )
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=_TIMEOUT_SECONDS) as db:
            applied = db.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
    except sqlite3.Error as error:
        return Check(
            "Platform database",
            False,
            f"SQLite file {path} cannot be read as the platform's database ({error}).",
            "Run `n4c platform manage migrate`, or move the file aside and run it.",
        )
    return Check("Platform database", True, f"SQLite file {path}: {applied:,} migrations applied.")


def _postgres(url: str) -> Check:
    import psycopg

    parts = urlsplit(url)
    # Never print the password: host, port and database name are enough to recognise it.
    shown = f"{parts.hostname or 'localhost'}:{parts.port or 5432}{parts.path}"
    try:
        with psycopg.connect(url, connect_timeout=_TIMEOUT_SECONDS) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        first_line = (
            str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        )
        return Check(
            "Platform database",
            False,
            f"PostgreSQL at {shown} cannot be reached ({first_line}).",
            "Start the server or correct DATABASE_URL.",
        )
    return Check("Platform database", True, f"PostgreSQL at {shown} answers.")


def _database() -> Check:
    try:
        url = database_url()
    except config.SettingError as error:
        return Check(
            "Platform database",
            False,
            str(error),
            "Set DATABASE_URL to a SQLite or PostgreSQL address.",
        )
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        # sqlite:///relative.db and sqlite:////absolute/path.db, as dj-database-url reads them
        return _sqlite(Path(unquote(url.split(":///", 1)[1])) if ":///" in url else Path(""))
    if scheme in ("postgres", "postgresql", "pgsql"):
        return _postgres(url.replace("pgsql://", "postgresql://", 1))
    return Check(
        "Platform database",
        False,
        f"DATABASE_URL uses {scheme or 'no'} scheme; n4c runs on SQLite or PostgreSQL.",
        "Set DATABASE_URL to a postgresql:// address, or leave it empty for SQLite.",
    )


def _redis() -> Check:
    url = config.get("N4C_CACHE_URL")
    if not url:
        return Check(
            "Shared cache (Redis)",
            True,
            "N4C_CACHE_URL is not set: each server process keeps its own cache (one worker only).",
            required=False,
        )
    import redis

    try:
        redis.Redis.from_url(
            url, socket_connect_timeout=_TIMEOUT_SECONDS, socket_timeout=_TIMEOUT_SECONDS
        ).ping()
    except (redis.RedisError, ValueError, OSError) as error:
        return Check(
            "Shared cache (Redis)",
            False,
            f"Redis at {url} does not answer ({error}).",
            "Start Redis or correct N4C_CACHE_URL.",
        )
    return Check("Shared cache (Redis)", True, f"Redis at {url} answers.")


#: The settings for serving over HTTPS, all off for the local demo (README "Deployment").
DEPLOYMENT_SETTINGS = (
    "N4C_SECURE_COOKIES",
    "N4C_HSTS_SECONDS",
    "N4C_HSTS_INCLUDE_SUBDOMAINS",
    "N4C_SSL_REDIRECT",
    "N4C_PROXY_SSL_HEADER",
    "N4C_CSRF_TRUSTED_ORIGINS",
)


def _deployment() -> Check:
    try:
        values = {name: config.get(name) for name in DEPLOYMENT_SETTINGS}
    except config.SettingError as error:
        return Check(
            "HTTPS settings",
            False,
            str(error),
            f"Correct {error.name}, or unset it for its default.",
        )
    on = [name for name, value in values.items() if value]
    if not on:
        return Check(
            "HTTPS settings",
            True,
            'All off, right for the demo on http://; see README "Deployment" to serve over HTTPS.',
            required=False,
        )
    return Check("HTTPS settings", True, "Set: " + ", ".join(on) + ".", required=False)


def _chromium(path: Path = CHROMIUM) -> Check:
    if path.is_file() and os.access(path, os.X_OK):
        return Check("Chromium", True, f"{path} (for the browser tests).", required=False)
    return Check(
        "Chromium",
        False,
        f"{path} is missing; only the browser tests need it.",
        "Run `make test` as root, or `sudo apt-get install -y chromium fonts-dejavu-core`.",
        required=False,
    )


def run_checks() -> list[Check]:
    """Every check, in the order a newcomer meets them: data, database, cache, HTTPS, browser."""
    return [
        _data_folder(),
        _mirror(),
        *_datasets(),
        _dataset_cache(),
        _database(),
        _redis(),
        _deployment(),
        _chromium(),
    ]
