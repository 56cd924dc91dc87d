"""``n4c platform …`` and ``n4c serve``: the Network's web platform from the command line."""

from __future__ import annotations

import typer
from rich.console import Console

from n4c.errors import N4CError

console = Console()
platform_app = typer.Typer(
    help="The Network's web platform: demo data and Django management.", no_args_is_help=True
)


def _migrate(quiet: bool = True) -> None:
    from n4c.platform.management import manage

    manage(["migrate", "--no-input", *(["--verbosity", "0"] if quiet else [])])


@platform_app.command("seed-demo")
def seed_demo_command(
    areas: int = typer.Option(100, help="How many left-behind wards become demo areas."),
) -> None:
    """Create the demo Network from real data (idempotent) and print the demo logins."""
    from rich.progress import Progress, SpinnerColumn, TextColumn

    _migrate()
    from n4c.platform.demo import DEMO_PASSWORD, seed_demo

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=console) as bar:
        task = bar.add_task("Seeding the demo", total=None)
        summary = seed_demo(areas=areas, progress=lambda m: bar.update(task, description=m))
    console.print("Demo logins (password for all: [bold]" + DEMO_PASSWORD + "[/bold]):")
    for username, what in summary.logins:
        console.print(f"  {username:<34} {what}")
    console.print(
        f"Seeded the demo: {summary.areas} areas in {summary.regions} regions, {summary.people} "
        f"people, {summary.assignments} current assignments, {summary.support_entries:,} "
        "support entries" + "".join(f", {extra}" for extra in summary.extras) + "."
    )


@platform_app.command(
    "manage",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
)
def manage_command(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. `n4c platform manage migrate`."""
    from n4c.platform.management import manage

    manage(list(ctx.args))


def serve_command(
    port: int = typer.Option(8000, help="Port on 127.0.0.1."),
    threads: int = typer.Option(8, help="Worker threads in each process."),
    workers: int = typer.Option(
        1,
        help="Server processes (gunicorn). More than one needs N4C_CACHE_URL set to a shared "
        "Redis cache; about one per CPU core suits a busy server.",
    ),
) -> None:
    """Serve the platform on 127.0.0.1 (migrating the database first)."""
    from n4c import config

    if workers < 1:
        raise N4CError(f"--workers must be 1 or more, not {workers}.")
    if workers > 1 and not config.get("N4C_CACHE_URL"):
        raise N4CError(
            f"Serving with {workers} workers needs a cache they share, or a change in one would "
            "not show in the others and sign-in throttling would count apart. Set "
            "N4C_CACHE_URL=redis://127.0.0.1:6379/0, or serve with --workers 1."
        )
    _migrate()
    from n4c.platform.wsgi import application

    console.print(
        f"Serving the platform at http://127.0.0.1:{port}/ with {workers} "
        f"process{'es' if workers > 1 else ''} of {threads} threads (Ctrl+C stops it)."
    )
    try:
        if workers == 1:
            import waitress

            waitress.serve(
                application, host="127.0.0.1", port=port, threads=threads, ident="n4c", _quiet=True
            )
        else:
            _serve_processes(application, port=port, workers=workers, threads=threads)
    except OSError as error:
        raise N4CError(
            f"Could not serve on port {port}: {error.strerror}. Choose another --port."
        ) from error


def _serve_processes(application, *, port: int, workers: int, threads: int) -> None:
    """Several processes, so requests use every core (one Python process is held to one)."""
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    # Migrating opened a database connection; forked workers must not share it.
    connections.close_all()

    class _Server(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", f"127.0.0.1:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("loglevel", "warning")

        def load(self):
            return application

    _Server().run()


def register(app: typer.Typer) -> None:
    """Add this concept's commands to the n4c app."""
    app.add_typer(platform_app, name="platform")
    app.command("serve")(serve_command)
