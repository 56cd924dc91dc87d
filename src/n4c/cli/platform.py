"""``n4c platform …`` and ``n4c serve``: the Network's web platform from the command line."""

from __future__ import annotations

import typer

from n4c.cli.output import console

platform_app = typer.Typer(
    help="The Network's web platform: demo data and Django management.", no_args_is_help=True
)


def _migrate(quiet: bool = True) -> None:
    from n4c.platform.management import manage

    manage(["migrate", "--no-input", *(["--verbosity", "0"] if quiet else [])])


@platform_app.command("seed-demo")
def seed_demo_command(
    areas: int = typer.Option(
        100, min=1, max=1_000, help="How many left-behind wards become demo areas."
    ),
) -> None:
    """Create the demo Network from real data (idempotent) and print the demo logins."""
    from rich.progress import Progress, SpinnerColumn, TextColumn
    from rich.text import Text

    _migrate()
    from n4c.platform.demo import DEMO_PASSWORD, seed_demo

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=console.real) as bar:
        task = bar.add_task("Making the demo", total=None)
        summary = seed_demo(areas=areas, progress=lambda m: bar.update(task, description=m))
    console.print(Text.assemble("Demo logins (password for all: ", (DEMO_PASSWORD, "bold"), "):"))
    for username, what in summary.logins:
        console.print(f"  {username:<34} {what}")
    console.print(
        f"Demo ready: {summary.areas} areas in {summary.regions} regions, {summary.people} "
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
    port: int = typer.Option(8000, min=1, max=65_535, help="Port on 127.0.0.1."),
    threads: int = typer.Option(8, min=1, max=256, help="Worker threads in each process."),
    workers: int = typer.Option(
        1,
        min=1,
        max=64,
        help="Server processes (gunicorn). More than one needs N4C_CACHE_URL set to a shared "
        "Redis cache; about one per CPU core suits a busy server.",
    ),
) -> None:
    """Serve the platform on 127.0.0.1 (migrating the database first)."""
    from n4c.platform.server import serve

    serve(port=port, threads=threads, workers=workers, announce=console.print)


def register(app: typer.Typer) -> None:
    """Add this concept's commands to the n4c app."""
    app.add_typer(platform_app, name="platform")
    app.command("serve")(serve_command)
