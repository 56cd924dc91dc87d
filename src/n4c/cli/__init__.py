"""The ``n4c`` command: parses arguments, calls the analytics packages and the platform, prints.

Each concept has its own module here that adds its commands to the one Typer app, so that
``n4c <noun> <verb>`` reads the same everywhere. Errors that n4c raises on purpose
(:class:`~n4c.errors.N4CError`) print as one sentence and exit 1; ``--debug`` shows the traceback.

Start-up stays quick: at module level these modules import only Typer, rich and the light parts
of n4c (errors, config); pandas, numpy, the analytics packages and Django are imported inside
the commands that need them, so ``n4c --help`` pays for none of them.
"""

from __future__ import annotations

import sys

import typer

from n4c.cli.output import err_console
from n4c.errors import N4CError

__all__ = ["app", "main"]

app = typer.Typer(
    name="n4c",
    help="n4c: find need, fund by need, map spending, run the Network for Communities, protect community rights.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    # Plain help: rich's help boxes would import a Markdown parser on every `--help`.
    rich_markup_mode=None,
)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("n4c")
    except PackageNotFoundError:  # running from a source tree that was never installed
        from n4c import __version__

        return __version__


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"n4c {_version()}")
        raise typer.Exit()


@app.callback()
def _options(
    show_version: bool = typer.Option(
        False,
        "--version",
        callback=_show_version,
        is_eager=True,
        help="Print the version of n4c and stop.",
    ),
) -> None:
    # Options of `n4c` itself; each command has its own.
    return None


def _register_commands() -> None:
    from n4c.cli import (
        allocation,
        data,
        doctor,
        needs,
        panels,
        platform,
        rights,
        rollout,
        spending,
    )

    for module in (data, needs, allocation, spending, platform, rights, rollout, panels, doctor):
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
        from rich.text import Text

        # Text, not markup: a message naming the [fund] section must keep its brackets.
        err_console.print(Text.assemble(("Error:", "red"), " ", str(error)), soft_wrap=True)
        sys.exit(1)
