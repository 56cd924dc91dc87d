"""The backend module Django loads for ``ENGINE = "n4c.platform.core.sqlite"``."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from django.db.backends.sqlite3 import base

__all__ = ["PRIVATE_FILE_MODE", "DatabaseWrapper", "make_private"]

#: Read and write for the owner, nothing for anyone else.
PRIVATE_FILE_MODE = 0o600


def make_private(path: Path) -> None:
    """Create ``path`` empty and owner-only if it is missing; narrow it if others may read it.

    Creating it here, before SQLite opens it, leaves no moment in which it is readable by others.
    """
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE))
    except FileExistsError:
        if path.is_file() and stat.S_IMODE(path.stat().st_mode) & 0o077:
            path.chmod(PRIVATE_FILE_MODE)


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        if not self.is_in_memory_db() and not str(conn_params["database"]).startswith("file:"):
            make_private(Path(conn_params["database"]))
        return super().get_new_connection(conn_params)
