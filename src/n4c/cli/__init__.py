"""The ``n4c`` command: parses arguments, calls the analytics packages and the platform, prints.

Each concept has its own module here that adds its commands to the one Typer app, so that
``n4c <noun> <verb>`` reads the same everywhere. Errors that n4c raises on purpose
(:class:`~n4c.errors.N4CError`) print as one sentence and exit 1, and so does every other
failure (a file that cannot be read or written, an unexpected error): :func:`main` is the one
place that turns them into words. ``--debug`` shows the traceback instead. Every number option
refuses NaN and infinity before a command runs.

Start-up stays quick: at module level these modules import only Typer, rich and the light parts
of n4c (errors, config); pandas, numpy, the analytics packages and Django are imported inside
the commands that need them, so ``n4c --help`` pays for none of them.
"""

from __future__ import annotations

import copy
import math
import sys
from typing import Any

import typer

from n4c.cli.output import err_console
from n4c.errors import N4CError

__all__ = ["app", "command", "main"]

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
        evaluate,
        maps,
        needs,
        panels,
        plain,
        platform,
        profile,
        rights,
        rollout,
        spending,
    )

    for module in (
        data,
        needs,
        allocation,
        spending,
        maps,
        profile,
        platform,
        rights,
        rollout,
        panels,
        evaluate,
        plain,
        doctor,
    ):
        module.register(app)


_register_commands()


def _refusing_non_finite(kind: type) -> type:
    """A subclass of Click's float type ``kind`` that refuses ``nan`` and ``inf``, which
    Python's ``float()`` accepts."""

    class Finite(kind):  # type: ignore[valid-type,misc]
        def convert(self, value: Any, param: Any, ctx: Any) -> Any:
            number = super().convert(value, param, ctx)
            if isinstance(number, float) and not math.isfinite(number):
                self.fail(
                    f"{value!r} is not a number n4c can use; give a number, like 3.", param, ctx
                )
            return number

    return Finite


def _finite_floats(command: Any) -> Any:
    for param in command.params:
        kind = type(param.type)
        # Typer carries its own copy of Click, so the type is known by its name.
        if kind.__name__ in ("FloatParamType", "FloatRange"):
            finite = copy.copy(param.type)
            finite.__class__ = _refusing_non_finite(kind)
            param.type = finite
    for sub in getattr(command, "commands", {}).values():
        _finite_floats(sub)
    return command


def command() -> Any:
    """The ``n4c`` command as Click runs it, its number options refusing NaN and infinity."""
    return _finite_floats(typer.main.get_command(app))


def _words_for_failure(error: BaseException) -> str:
    """One sentence for a failure that is not an N4CError."""
    if isinstance(error, OSError):
        name = error.filename if error.filename is not None else "a file"
        reason = error.strerror or type(error).__name__
        return f"could not use {name} ({reason.rstrip('.')}). Check the path and its permissions."
    if isinstance(error, MemoryError | RecursionError):
        return (
            "the input is too large or too deeply nested to handle; check that it is the file "
            "you meant."
        )
    return (
        f"n4c stopped on an unexpected problem ({type(error).__name__}: {error}). Run the "
        "command again with --debug to see where, and report it."
    )


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``n4c`` console script: the one place failures become one sentence."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    if debug:
        args.remove("--debug")
    try:
        command().main(args=args, prog_name="n4c", standalone_mode=True)
    except Exception as error:  # every failure, so that none ends in a traceback
        if debug:
            raise
        from rich.text import Text

        text = str(error) if isinstance(error, N4CError) else _words_for_failure(error)
        # Text, not markup: a message naming the [fund] section must keep its brackets.
        err_console.print(Text.assemble(("Error:", "red"), " ", text), soft_wrap=True)
        sys.exit(1)
