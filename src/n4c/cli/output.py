"""Where the ``n4c`` command's words and data go, the same way for every command.

- Words go to standard output, or to standard error when standard output carries data
  (``--out -`` or ``--json``), so that ``n4c ... --out - > file.csv`` holds nothing but the CSV.
- Nothing printed is read as rich markup: a message that names ``[fund]`` shows ``[fund]``.
- A missing value in a table reads "no data", with a note under the table saying why.
- Every CSV goes through :mod:`n4c.spreadsheets` (``true``/``false``, empty cells for missing
  values, formula-like text neutralised).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from n4c.errors import InputError
from n4c.spreadsheets import is_missing as missing
from n4c.spreadsheets import plain_value

if TYPE_CHECKING:
    import pandas as pd
    from rich.console import Console
    from rich.table import Table

__all__ = [
    "NO_DATA",
    "STDOUT",
    "LazyConsole",
    "cell_text",
    "check_output_file",
    "console",
    "err_console",
    "files_only",
    "is_stdout",
    "missing",
    "opened",
    "print_json",
    "print_table",
    "where",
    "words_for",
    "write_table",
]

#: The file name that means standard output, as in most Unix tools.
STDOUT = "-"
#: What a table shows where a value is missing.
NO_DATA = "no data"


class LazyConsole:
    """A rich console made on first use, so that importing the CLI does not import rich.

    Markup and highlighting are off: text prints as written.
    """

    def __init__(self, *, stderr: bool) -> None:
        self._stderr = stderr
        self._console: Console | None = None

    @property
    def real(self) -> Console:
        """The rich console itself (for progress bars)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=self._stderr, markup=False, highlight=False)
        return self._console

    def print(self, *objects: object, **options: Any) -> None:
        """Print as :meth:`rich.console.Console.print` does."""
        self.real.print(*objects, **options)


console = LazyConsole(stderr=False)
err_console = LazyConsole(stderr=True)


def is_stdout(path: Path | str | bool | None) -> bool:
    """Whether ``path`` is ``-``, meaning standard output."""
    return isinstance(path, str | Path) and str(path) == STDOUT


def words_for(data: Mapping[str, Path | str | bool | None]) -> LazyConsole:
    """The console for summaries: standard error if any data goes to standard output.

    ``data`` maps each data option to its value: a path (``-`` means standard output) or, for
    a ``--json`` flag that prints, ``True``. Two options that would both print data to
    standard output are refused, since the two could not be told apart.
    """
    for option, value in data.items():
        if isinstance(value, str | Path) and not is_stdout(value):
            check_output_file(value, option=option)
    printing = [name for name, value in data.items() if value is True or is_stdout(value)]
    if len(printing) > 1:
        together = "both" if len(printing) == 2 else "all"
        raise InputError(
            f"{' and '.join(printing)} would {together} print to standard output; send all "
            "but one to a file.",
            field=printing[1],
        )
    return err_console if printing else console


def check_output_file(path: Path | str, *, option: str) -> None:
    """Refuse, before any work, an output file that is a folder or sits where nothing can be written.

    The nearest folder that exists must be one this user may write to; anything the operating
    system still refuses later is reported by the CLI's one error handler.
    """
    target = Path(path)
    if target.is_dir():
        raise InputError(
            f"{target} is a folder; give a file name, like {target / 'result.csv'}.",
            field=option,
            value=str(path),
        )
    nearest = target.parent
    while not nearest.exists() and nearest != nearest.parent:
        nearest = nearest.parent
    if not nearest.is_dir() or not os.access(nearest, os.W_OK | os.X_OK):
        raise InputError(
            f"cannot write {target}: {nearest} is not a folder you may write to.",
            field=option,
            value=str(path),
        )


def files_only(files: Mapping[str, Path | str | None]) -> None:
    """Refuse ``-`` for options whose output is binary or several files (charts, workbooks)."""
    for option, value in files.items():
        if is_stdout(value):
            raise InputError(
                "this output is a file (or a folder of files), not text; give a file or folder "
                "name instead of -.",
                field=option,
            )


@contextmanager
def opened(path: Path | str) -> Iterator[IO[str]]:
    """A text stream for ``path``: standard output for ``-``, else the file (folders made)."""
    if is_stdout(path):
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as stream:
        yield stream


def where(path: Path | str) -> str:
    """How a summary names the place data went."""
    return "standard output" if is_stdout(path) else str(path)


def write_table(frame: pd.DataFrame, path: Path | str) -> str:
    """Write ``frame`` as CSV to ``path`` (``-`` for standard output); return where it went."""
    from n4c.spreadsheets import write_frame_csv

    with opened(path) as stream:
        write_frame_csv(frame, stream)
    return "the table to standard output" if is_stdout(path) else str(path)


def write_text(text: str, path: Path | str) -> str:
    """Write ``text`` (already in the CSV rules' form) to ``path`` or standard output."""
    with opened(path) as stream:
        stream.write(text)
    return "the table to standard output" if is_stdout(path) else str(path)


def print_json(document: object) -> None:
    """Print ``document`` as JSON on standard output, missing numbers as ``null``."""
    text = json.dumps(_json_ready(document), indent=2, ensure_ascii=False)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _json_ready(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(v) for v in value]
    if missing(value):
        return None
    if isinstance(value, Path):
        return str(value)
    return plain_value(value)


def cell_text(value: object, form: str | Callable[[object], str] = "{}") -> str:
    """A table cell: ``value`` formatted by ``form`` (a format string or a function), or "no data"."""
    if missing(value):
        return NO_DATA
    return form(value) if callable(form) else form.format(value)


def print_table(
    table: Table, rows: Sequence[Sequence[str]], notes: Sequence[str] = (), *, to: LazyConsole
) -> None:
    """Print ``table`` with ``rows``; under it, each note if "no data" appears in the rows."""
    for row in rows:
        table.add_row(*row)
    to.print(table)
    if any(NO_DATA in row for row in rows):
        for note in notes:
            to.print(f"{NO_DATA}: {note}", soft_wrap=True)
