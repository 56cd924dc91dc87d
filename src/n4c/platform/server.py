"""Serving the platform: waitress for one process, gunicorn for several sharing a Redis cache.

``n4c serve`` calls :func:`serve`; the checks and the choice of server live here so that any
other way of starting the platform gets the same rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from n4c import config
from n4c.errors import N4CError

__all__ = ["check_workers", "serve"]

HOST = "127.0.0.1"


def check_workers(workers: int) -> None:
    """Refuse a number of processes the platform cannot run correctly.

    More than one process needs a cache they share (``N4C_CACHE_URL``): otherwise a change
    cached in one would not show in the others, and sign-in throttling would count apart.
    """
    if workers < 1:
        raise N4CError(f"The platform needs 1 or more worker processes, not {workers}.")
    if workers > 1 and not config.get("N4C_CACHE_URL"):
        raise N4CError(
            f"Serving with {workers} workers needs a cache they share, or a change in one would "
            "not show in the others and sign-in throttling would count apart. Set "
            "N4C_CACHE_URL=redis://127.0.0.1:6379/0, or serve with one worker."
        )


def serve(
    *,
    port: int,
    threads: int = 8,
    workers: int = 1,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Migrate the database, then serve the platform on 127.0.0.1 until stopped.

    ``announce`` receives one sentence saying where the platform is, once it is about to
    answer. Raises :class:`~n4c.errors.N4CError` for a bad number of workers or a port in use.
    """
    check_workers(workers)
    from n4c.platform.management import manage

    manage(["migrate", "--no-input", "--verbosity", "0"])
    from n4c.platform.wsgi import application

    if announce is not None:
        announce(
            f"Serving the platform at http://{HOST}:{port}/ with {workers} "
            f"process{'es' if workers > 1 else ''} of {threads} threads (Ctrl+C stops it)."
        )
    try:
        if workers == 1:
            import waitress

            waitress.serve(
                application, host=HOST, port=port, threads=threads, ident="n4c", _quiet=True
            )
        else:
            _serve_processes(application, port=port, workers=workers, threads=threads)
    except OSError as error:
        raise N4CError(
            f"Could not serve on port {port}: {error.strerror}. Choose another port."
        ) from error


def _serve_processes(application: Any, *, port: int, workers: int, threads: int) -> None:
    """Several processes, so requests use every core (one Python process is held to one)."""
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    # Migrating opened a database connection; forked workers must not share it.
    connections.close_all()

    class _Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{HOST}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("loglevel", "warning")

        def load(self) -> Any:
            return application

    _Server().run()
