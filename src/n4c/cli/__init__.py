"""The ``n4c`` command: parses arguments, calls the analytics packages and the platform, prints.

Each concept has its own module here that adds its commands to the one Typer app, so that
``n4c <noun> <verb>`` reads the same everywhere. Errors that n4c raises on purpose
(:class:`~n4c.errors.N4CError`) print as one sentence and exit 1; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from n4c.errors import N4CError

__all__ = ["app", "main"]

app = typer.Typer(
    name="n4c",
    help="n4c: find need, fund by need, map spending, run the Network for Communities, protect community rights.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err_console = Console(stderr=True)


def _register_commands() -> None:
    # Imported here so `n4c --help` costs one import per concept and nothing more.
    from n4c.cli import allocation, data, doctor, needs, platform, rights, rollout, spending

    for module in (data, needs, allocation, spending, platform, rights, rollout, doctor):
        module.register(app)


_register_commands()


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``n4c`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    if debug:
        args.remove("--debug")
    try:
        app(args=args, prog_name="n4c", standalone_mode=True)
    except N4CError as error:
        if debug:
            raise
        err_console.print(f"[red]Error:[/red] {error}", highlight=False, soft_wrap=True)
        sys.exit(1)
