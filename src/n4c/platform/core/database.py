"""The platform's SQLite file is readable by its owner only: it holds personal data.

SQLite creates the file when Django first connects, with the process's umask (usually leaving
it readable by everyone on the machine). :func:`keep_sqlite_private`, connected to Django's
``connection_created`` in the settings, narrows it to 0600 at that first connection, before
anything is written to it, and narrows a file made earlier the same way. SQLite gives its
journal and WAL files the database file's permissions, so they follow.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

__all__ = ["PRIVATE_FILE_MODE", "keep_sqlite_private"]

#: Read and write for the owner, nothing for anyone else.
PRIVATE_FILE_MODE = 0o600


def keep_sqlite_private(sender: Any, connection: Any, **_signal_arguments: Any) -> None:
    """A ``connection_created`` receiver: make a SQLite database file owner-only."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return
    path = Path(connection.settings_dict["NAME"])
    if path.is_file() and stat.S_IMODE(path.stat().st_mode) & 0o077:
        path.chmod(PRIVATE_FILE_MODE)
