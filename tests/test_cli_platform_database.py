"""The platform's database file, made by `n4c platform manage migrate`, is owner-only."""

from __future__ import annotations

import os
import stat


def test_migrating_makes_the_sqlite_file_readable_by_its_owner_only(run_n4c, tmp_path) -> None:
    previous = os.umask(0o022)  # the child inherits the usual umask, not a stricter one
    try:
        run_n4c("platform", "manage", "migrate", "--no-input", "--verbosity", "0")
    finally:
        os.umask(previous)
    path = tmp_path / "n4c-data" / "platform.sqlite3"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
