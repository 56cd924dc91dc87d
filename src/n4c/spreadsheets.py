"""Every CSV and XLSX file n4c writes goes through these cell rules, so all of them read alike.

- Booleans are ``true`` and ``false``.
- A missing value (``None``, NaN, ``NaT``, ``pd.NA``) is an empty cell, never ``nan``.
- Text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a single
  quote in front, so a spreadsheet shows it as text instead of running it as a formula (OWASP's
  advice on CSV injection). Whether a cell is text is decided by the type of its value, never by
  how it looks: numbers stay numbers, negative ones too, while the text ``"-5"`` in a name column
  is neutralised like any other text.
- In XLSX, text is always stored as a string cell, never as a formula; numbers, booleans and
  dates keep their own cell types. Characters that XLSX cannot hold (control characters other
  than tab, line feed and carriage return) are left out.

Files n4c reads back (such as asset registers) undo the quote with :func:`restore_text`.
Pure Python: pandas is only touched through the frames it is given.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DATE",
    "FORMULA_TRIGGERS",
    "GBP",
    "GBP_PENCE",
    "WHOLE",
    "csv_cell",
    "frame_rows",
    "is_missing",
    "neutralise_text",
    "plain_value",
    "restore_text",
    "write_csv",
    "write_frame_csv",
    "write_xlsx",
]

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Control characters the XLSX format (XML 1.0) cannot store.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Target = str | Path | IO[str]


def _formula_like(text: str) -> bool:
    # Leading quotes are looked past, so that quoting can always be undone exactly.
    return text.lstrip("'").startswith(FORMULA_TRIGGERS)


def neutralise_text(text: str) -> str:
    """``text`` with a single quote in front if a spreadsheet would read it as a formula.

    Text that already starts with quotes before such a character gets one more, so that
    :func:`restore_text` gives back exactly what was written.

    >>> neutralise_text("=1+2")
    "'=1+2"
    >>> neutralise_text("-5"), neutralise_text("Moss Side"), neutralise_text("'Tis")
    ("'-5", 'Moss Side', "'Tis")
    """
    return f"'{text}" if _formula_like(text) else text


def restore_text(text: str) -> str:
    """Undo :func:`neutralise_text` on a cell read back from a file n4c wrote.

    >>> restore_text("'=1+2"), restore_text("'Tis the season"), restore_text("''-")
    ('=1+2', "'Tis the season", "'-")
    """
    if text.startswith("'") and _formula_like(text[1:]):
        return text[1:]
    return text


def plain_value(value: object) -> object:
    """A numpy scalar (``numpy.int64``, ``numpy.bool_`` ...) as the Python value it holds."""
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def is_missing(value: object) -> bool:
    """Whether a value is missing: ``None``, NaN, ``NaT`` or ``pd.NA``."""
    value = plain_value(value)
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, float) and math.isnan(value)


def csv_cell(value: object) -> object:
    """One value as n4c writes it into a CSV cell (see the module's rules).

    >>> [csv_cell(v) for v in (True, None, float("nan"), -5, "-5", "Moss Side")]
    ['true', '', '', -5, "'-5", 'Moss Side']
    """
    value = plain_value(value)
    if is_missing(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return neutralise_text(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


@contextmanager
def _text_stream(target: Target) -> Iterator[IO[str]]:
    if isinstance(target, str | Path):
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as stream:
            yield stream
    else:
        yield target


def write_csv(header: Sequence[str], rows: Iterable[Sequence[object]], target: Target) -> int:
    """Write ``header`` and ``rows`` as CSV by the module's rules; return the rows written.

    ``target`` is a path (its folder is made if needed) or an open text stream.
    """
    with _text_stream(target) as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow([csv_cell(name) for name in header])
        count = 0
        for row in rows:
            writer.writerow([csv_cell(value) for value in row])
            count += 1
        stream.flush()
    return count


def frame_rows(frame: pd.DataFrame) -> Iterator[tuple[Any, ...]]:
    """A frame's rows as tuples of plain Python values (numbers, text, booleans, ``None``)."""
    yield from frame.astype(object).itertuples(index=False, name=None)


def write_frame_csv(frame: pd.DataFrame, target: Target) -> int:
    """Write a table (without its index) as CSV by the module's rules; return the rows written."""
    return write_csv([str(c) for c in frame.columns], frame_rows(frame), target)


def _xlsx_value(value: object) -> object:
    value = plain_value(value)
    if is_missing(value):
        return None
    if isinstance(value, str):
        return neutralise_text(_NOT_XML.sub("", value))
    return value


#: Excel number formats by name, for ``write_xlsx(..., formats={"amount_gbp": GBP})``.
GBP = '"£"#,##0'
GBP_PENCE = '"£"#,##0.00'
WHOLE = "#,##0"
DATE = "d mmm yyyy"
#: Widest column :func:`write_xlsx` sets by itself, in characters.
_MAX_WIDTH = 60


def _sheet(book, title: str, frame: pd.DataFrame, formats: Mapping[str, str], ready: bool) -> None:
    sheet = book.create_sheet(title)
    header = [str(c) for c in frame.columns]
    rows = [header, *frame_rows(frame)]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c, value=_xlsx_value(value))
            if isinstance(cell.value, str):
                # openpyxl reads any text starting with "=" as a formula: never for our cells.
                cell.data_type = "s"
            elif r > 1 and header[c - 1] in formats:
                cell.number_format = formats[header[c - 1]]
    if not ready or not header:
        return
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for c in range(1, len(header) + 1):
        longest = max(len(str(row[c - 1] if row[c - 1] is not None else "")) for row in rows)
        sheet.column_dimensions[get_column_letter(c)].width = min(_MAX_WIDTH, longest + 2)
    for cell in sheet[1]:
        cell.font = Font(bold=True)


def write_xlsx(
    sheets: Mapping[str, pd.DataFrame],
    target: str | Path | IO[bytes],
    *,
    formats: Mapping[str, str] | None = None,
    ready_to_read: bool = False,
) -> str | Path | IO[bytes]:
    """A workbook with one sheet per table (in the order given), by the module's rules.

    ``target`` is a path (its folder is made if needed) or an open binary stream. ``formats``
    gives a column's Excel number format by its name (:data:`GBP`, :data:`DATE`, ...), in every
    sheet that has it. ``ready_to_read`` makes each sheet ready for a person: a bold, frozen
    header row with an auto-filter, and columns as wide as their longest value.
    """
    from openpyxl import Workbook

    if isinstance(target, str | Path):
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    book.remove(book.active)
    for title, frame in sheets.items():
        _sheet(book, title, frame, formats or {}, ready_to_read)
    book.save(target)
    return target
