"""Reading grants one at a time from 360Giving JSON packages and spreadsheets (CSV, XLSX).

JSON is streamed with ijson, so a file of a million grants never sits in memory as a list.
Spreadsheets use the standard's column titles ("Beneficiary Location:Geographic Code"); each
row becomes a grant nested as in the JSON standard, and columns n4c does not read are ignored.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import ijson

from n4c.errors import InputError
from n4c.spending.standard import SPREADSHEET_TITLES, key_for_title

__all__ = ["GrantFile", "open_grant_file"]

FORMATS = (".json", ".csv", ".xlsx")


@dataclass
class GrantFile:
    """A grant file being read: (number, grant) in order, and how its fields are named.

    The number is the grant's 1-based place in a JSON file, or its data row in a spreadsheet.
    """

    path: Path
    grants: Iterator[tuple[int, object]]
    amounts_as_text: bool
    titles: dict[str, str] = field(default_factory=dict)


def open_grant_file(path: Path) -> GrantFile:
    """Open a 360Giving file by its extension (.json, .csv or .xlsx) for reading grant by grant."""
    path = Path(path)
    if not path.is_file():
        raise InputError("the file does not exist.", path=path, hint="Check the path.")
    suffix = path.suffix.lower()
    if suffix == ".json":
        return GrantFile(path, _json_grants(path), amounts_as_text=False)
    if suffix == ".csv":
        header, rows = _csv_rows(path)
    elif suffix == ".xlsx":
        header, rows = _xlsx_rows(path)
    else:
        raise InputError(
            f'"{path.suffix}" files are not 360Giving data n4c can read.',
            path=path,
            hint="Give a JSON package (.json) or a spreadsheet with the standard's column titles (.csv, .xlsx).",
        )
    keys = [key_for_title(str(title)) if title is not None else None for title in header]
    if "id" not in keys or "amountAwarded" not in keys:
        raise InputError(
            'the header has no "Identifier" or no "Amount Awarded" column, so these are not '
            "360Giving grants with the standard's column titles.",
            path=path,
            row=0,
            hint="Export the data with column titles, as the 360Giving template does.",
        )
    # Problems name the user's own column; fields without a column get the standard's title.
    titles = {key: title for title, key in SPREADSHEET_TITLES.items()}
    titles.update({key: str(title).strip() for key, title in zip(keys, header, strict=True) if key})
    return GrantFile(path, _nest_rows(keys, rows), amounts_as_text=True, titles=titles)


def _json_grants(path: Path) -> Iterator[tuple[int, object]]:
    read = 0
    with path.open("rb") as handle:
        try:
            for grant in ijson.items(handle, "grants.item", use_float=True):
                read += 1
                yield read, grant
        except ijson.JSONError as error:
            raise InputError(
                f"the file is not valid JSON (after {read:,} complete grants, near grant "
                f"{read + 1:,}): {str(error).splitlines()[0]}. Nothing from this file was stored.",
                path=path,
                hint="Fix the file (a JSON validator shows the exact place) and import it again.",
            ) from error
    if read == 0:
        raise InputError(
            'the file has no grants; a 360Giving JSON package is an object with a "grants" list.',
            path=path,
            hint="Check that this is a 360Giving file, or export it again from its source.",
        )


def _csv_rows(path: Path) -> tuple[list[str], Iterator[list[object]]]:
    handle = path.open(encoding="utf-8-sig", newline="")
    reader = csv.reader(handle)
    try:
        header = next(reader)
    except StopIteration:
        handle.close()
        raise InputError("the file is empty.", path=path, hint="Export the grants again.") from None
    except UnicodeDecodeError as error:
        handle.close()
        raise InputError(
            "the file is not UTF-8 text.", path=path, hint="Save it as CSV UTF-8 and import again."
        ) from error

    def rows() -> Iterator[list[object]]:
        with handle:
            try:
                yield from reader
            except (UnicodeDecodeError, csv.Error) as error:
                raise InputError(
                    f"the file cannot be read as CSV UTF-8 ({error}). Nothing from this file was stored.",
                    path=path,
                    row=reader.line_num,
                    hint="Save it as CSV UTF-8 and import again.",
                ) from error

    return header, rows()


def _xlsx_rows(path: Path) -> tuple[list[str], Iterator[list[object]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise InputError(
            f"the workbook cannot be opened ({error}).",
            path=path,
            hint="Open and save it again in a spreadsheet program, or export CSV.",
        ) from error
    sheet = book["grants"] if "grants" in book.sheetnames else book.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    header = [str(v) if v is not None else None for v in next(values, ())]

    def rows() -> Iterator[list[object]]:
        try:
            for row in values:
                yield list(row)
        finally:
            book.close()

    return header, rows()  # type: ignore[return-value]


def _nest_rows(
    keys: list[str | None], rows: Iterator[list[object]]
) -> Iterator[tuple[int, object]]:
    for number, row in enumerate(rows, start=1):
        if all(value is None or (isinstance(value, str) and not value.strip()) for value in row):
            continue
        grant: dict = {}
        for key, value in zip(keys, row, strict=False):
            if key is None or value is None or (isinstance(value, str) and not value.strip()):
                continue
            _set_path(grant, key, value.strip() if isinstance(value, str) else value)
        yield number, grant


def _set_path(target: dict, path: str, value: object) -> None:
    parts = path.split("/")
    node: dict | list = target
    for part, following in itertools.pairwise(parts):
        empty: dict | list = [] if following.isdigit() else {}
        if isinstance(node, list):
            position = int(part)
            while len(node) <= position:
                node.append({})
            node = node[position]
        else:
            node = node.setdefault(part, empty)
    if isinstance(node, list):  # pragma: no cover - titles never end in an index
        return
    node[parts[-1]] = value
