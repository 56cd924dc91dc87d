"""The one progress bar every long ``n4c`` command shows, so they all look and behave alike."""

from __future__ import annotations

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from n4c.cli.output import LazyConsole

__all__ = ["progress_bar"]


def progress_bar(console: LazyConsole, *, description: str = "{task.description}") -> Progress:
    """A transient bar with a description, the count done of the total and the time taken.

    Tasks added with ``total=None`` show a pulsing bar, for work whose size is not known.
    """
    return Progress(
        TextColumn(description),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console.real,
        transient=True,
    )
