"""The SQLite file the platform creates is readable and writable by its owner only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from n4c.platform.core.sqlite.base import DatabaseWrapper

pytestmark = pytest.mark.django_db


@pytest.fixture
def everyone_may_read():
    """The usual umask, under which a new file is readable by everyone (0644)."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _connect(path: Path) -> None:
    database = DatabaseWrapper(
        {
            "ENGINE": "n4c.platform.core.sqlite",
            "NAME": str(path),
            "OPTIONS": {},
            "TIME_ZONE": None,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
            "TEST": {},
        },
        alias="private-file-test",
    )
    try:
        with database.cursor() as cursor:
            cursor.execute("CREATE TABLE t (x integer)")
    finally:
        database.close()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_sqlite_file_is_made_owner_only(tmp_path, everyone_may_read):
    path = tmp_path / "platform.sqlite3"
    _connect(path)
    assert _mode(path) == 0o600


def test_an_sqlite_file_made_readable_by_others_is_narrowed(tmp_path, everyone_may_read):
    path = tmp_path / "platform.sqlite3"
    path.touch(mode=0o644)
    path.chmod(0o644)
    _connect(path)
    assert _mode(path) == 0o600
