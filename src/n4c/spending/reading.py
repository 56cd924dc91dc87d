"""Reading grants one at a time from 360Giving JSON packages and spreadsheets (CSV, XLSX).

JSON is streamed with ijson, so a file of a million grants never sits in memory as a list. A
big package can also be read as two byte ranges that meet at a grant boundary, so two
processes each parse half of it (see :func:`split_json_package`).
Spreadsheets use the standard's column titles ("Beneficiary Location:Geographic Code"); each
row becomes a grant nested as in the JSON standard, and columns n4c does not read are ignored.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import cast

import ijson

from n4c.errors import InputError
from n4c.spending.standard import SPREADSHEET_TITLES, key_for_title
from n4c.textfiles import UserText, detect_encoding

__all__ = [
    "MAX_GRANT_BYTES",
    "MAX_JSON_DEPTH",
    "GrantFile",
    "JsonSplit",
    "open_grant_file",
    "open_json_part",
    "split_json_package",
]

FORMATS = (".json", ".csv", ".xlsx")
#: How deeply lists and objects may nest in a JSON package. A 360Giving grant nests about 5
#: deep; a parser's memory grows with the square of the depth, so 200 KB nested 100,000 deep
#: would otherwise take gigabytes.
MAX_JSON_DEPTH = 32
#: The largest one grant may be in a JSON package; a grant is usually 1 to 5 KB.
MAX_GRANT_BYTES = 1_000_000
#: How much of a file is looked at to tell its encoding.
_ENCODING_SAMPLE_BYTES = 1_000_000


@dataclass
class GrantFile:
    """A grant file being read: (number, grant) in order, and how its fields are named.

    The number is the grant's 1-based place in a JSON file, or its data row in a spreadsheet.
    """

    path: Path
    grants: Iterator[tuple[int, object]]
    amounts_as_text: bool
    titles: dict[str, str] = field(default_factory=dict)
    #: The text encoding, as a person knows it ("UTF-8", "Windows-1252"); "" for a workbook.
    encoding: str = "UTF-8"


def open_grant_file(path: Path) -> GrantFile:
    """Open a 360Giving file by its extension (.json, .csv or .xlsx) for reading grant by grant."""
    path = Path(path)
    if path.is_dir():
        raise InputError(
            "is a folder; give the 360Giving files in it.",
            path=path,
            hint="For example: DIR/*.json",
        )
    if not path.is_file():
        raise InputError("the file does not exist.", path=path, hint="Check the path.")
    suffix = path.suffix.lower()
    encoding = "UTF-8"
    if suffix == ".json":
        with path.open("rb") as sample:
            codec = detect_encoding(sample.read(_ENCODING_SAMPLE_BYTES), name=path)
        return GrantFile(
            path,
            _json_grants(path, encoding=codec),
            amounts_as_text=False,
            encoding=_encoding_name(codec),
        )
    if suffix == ".csv":
        header, rows, encoding = _csv_rows(path)
    elif suffix == ".xlsx":
        header, rows = _xlsx_rows(path)
        encoding = ""
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
    return GrantFile(
        path, _nest_rows(keys, rows), amounts_as_text=True, titles=titles, encoding=encoding
    )


class _TooDeep(Exception):
    """Raised by :class:`_DepthGuard` when the JSON nests deeper than :data:`MAX_JSON_DEPTH`."""


class _TooLarge(Exception):
    """Raised by :class:`_DepthGuard` when one grant is larger than :data:`MAX_GRANT_BYTES`."""


_STEP = tuple(1 if byte in b"[{" else -1 if byte in b"]}" else 0 for byte in range(256))
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'"[]{}')
_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_STRING = re.compile(rb'"[^"]*"')
_UTF8_BOM = b"\xef\xbb\xbf"


class _DepthGuard:
    """Passes a JSON byte stream through, refusing it once lists and objects nest too deeply
    or one grant grows past :data:`MAX_GRANT_BYTES`.

    Brackets are counted outside strings, a chunk at a time with bytes methods, so the check
    costs little beside parsing. A grant's size is counted to the chunk (64 KB or so):
    bytes read while the depth stays at ``grant_depth`` or below it (inside one grant). A
    UTF-8 byte-order mark at the start is dropped.
    """

    def __init__(self, stream: object, *, grant_depth: int) -> None:
        self._stream = stream
        self._grant_depth = grant_depth
        self._grant_bytes = 0
        self._depth = 0
        self._in_string = False
        self._escaped = False
        self._start = True

    def read(self, size: int = -1) -> bytes:
        chunk: bytes = self._stream.read(size)  # type: ignore[attr-defined]
        if self._start and chunk:
            self._start = False
            chunk = chunk.removeprefix(_UTF8_BOM)
        low = self._count(chunk)
        if low < self._grant_depth:
            self._grant_bytes = 0
        else:
            self._grant_bytes += len(chunk)
            if self._grant_bytes > MAX_GRANT_BYTES:
                raise _TooLarge
        return chunk

    def _count(self, chunk: bytes) -> int:
        """Follow the nesting through ``chunk``; return the lowest depth reached in it."""
        data = chunk[1:] if self._escaped and chunk else chunk
        self._escaped = False
        data = _ESCAPE.sub(b"", data)
        if data.endswith(b"\\"):
            self._escaped, data = True, data[:-1]
        marks = data.translate(None, _NOT_STRUCTURE)
        if self._in_string:
            end = marks.find(b'"')
            if end < 0:
                return self._depth
            marks, self._in_string = marks[end + 1 :], False
        marks = _STRING.sub(b"", marks)
        if b'"' in marks:
            marks, self._in_string = marks[: marks.index(b'"')], True
        if not marks:
            return self._depth
        depths = list(accumulate(map(_STEP.__getitem__, marks), initial=self._depth))
        self._depth = depths[-1]
        if max(depths) > MAX_JSON_DEPTH:
            raise _TooDeep
        return min(depths)


class _Transcoder:
    """Passes a byte stream in another encoding through as UTF-8, which the parser needs."""

    def __init__(self, stream: object, encoding: str) -> None:
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder(encoding)()

    def read(self, size: int = -1) -> bytes:
        chunk: bytes = self._stream.read(size)  # type: ignore[attr-defined]
        if size == 0:
            return b""
        return self._decoder.decode(chunk, final=not chunk).encode("utf-8")


def _encoding_name(codec: str) -> str:
    return "UTF-8" if codec.startswith("utf-8") else UserText("", codec).encoding_name


def _json_grants(
    path: Path,
    stream: _ByteRange | None = None,
    prefix: str = "grants.item",
    *,
    encoding: str = "utf-8-sig",
) -> Iterator[tuple[int, object]]:
    read = 0
    with stream or path.open("rb") as handle:
        source = handle if encoding == "utf-8-sig" else _Transcoder(handle, encoding)
        try:
            # Numbers as Decimal, so an amount past what a float holds (10**30, 1e400) is
            # refused for its grant, with the field named, rather than the file as bad JSON.
            # Grants sit in {"grants": [...]}, or in [...] for the second half of a split file.
            guard = _DepthGuard(source, grant_depth=prefix.count(".") + 2)
            for grant in ijson.items(guard, prefix, use_float=False):
                read += 1
                yield read, grant
        except _TooDeep:
            raise InputError(
                f"lists or objects nest more than {MAX_JSON_DEPTH} deep (after {read:,} "
                f"complete grants, near grant {read + 1:,}); a 360Giving grant nests about 5 "
                "deep. Nothing from this file was stored.",
                path=path,
                hint="Check that this is a 360Giving file, or export it again from its source.",
            ) from None
        except _TooLarge:
            raise InputError(
                f"grant {read + 1:,} (after {read:,} complete grants) is larger than "
                f"{MAX_GRANT_BYTES // 1_000_000} MB; a 360Giving grant is a few kilobytes. "
                "Nothing from this file was stored.",
                path=path,
                hint="Check that this is a 360Giving file, or export it again from its source.",
            ) from None
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


@dataclass(frozen=True)
class JsonSplit:
    """Where a JSON package splits in two at a grant boundary, in bytes.

    The first part is ``[0, first_stop)`` closed with ``]}``; the second is
    ``[second_start, second_stop)`` (from a grant's ``{`` to the ``]`` closing the list),
    opened with ``[``. Each part is then a JSON document of its own.
    """

    first_stop: int
    second_start: int
    second_stop: int


class _ByteRange:
    """A file-like view of ``before + file[start:stop] + after`` for ijson to read."""

    def __init__(self, path: Path, start: int, stop: int, before: bytes, after: bytes) -> None:
        self._handle = path.open("rb")
        self._handle.seek(start)
        self._left = stop - start
        self._before, self._after = before, after

    def read(self, size: int = -1) -> bytes:
        size = size if size >= 0 else 1 << 62
        head, self._before = self._before[:size], self._before[size:]
        body = self._handle.read(min(size - len(head), self._left)) if self._left else b""
        self._left -= len(body)
        data = head + body
        if not self._left and len(data) < size:
            tail, self._after = self._after[: size - len(data)], self._after[size - len(data) :]
            data += tail
        return data

    def __enter__(self) -> _ByteRange:
        return self

    def __exit__(self, *_: object) -> None:
        self._handle.close()


_HEAD = re.compile(
    rb'^(?:\xef\xbb\xbf)?\s*\{\s*"grants"\s*:\s*\[\s*\{\s*("[A-Za-z]+")\s*:\s*'
    rb'(?:"(?:[^"\\]|\\.)*"|-?[0-9.eE+-]+)\s*,\s*("[A-Za-z]+")\s*:'
)
_TAIL = re.compile(rb"\}\s*(\])\s*\}\s*$")
_SCAN_BYTES = 1 << 20


def split_json_package(path: Path) -> JsonSplit | None:
    """Find a grant boundary near the middle of a JSON package, or None if there is no safe one.

    The package must start ``{"grants": [`` and end with that list, as 360Giving packages do.
    A boundary is ``}, {`` followed by the same first two keys as the first grant. Text inside
    a string cannot look like that (its quotes are escaped) and nested objects (organisations,
    locations) have other keys, but a nested list of grant-like objects could, so a split is
    only a proposal: a part that is not valid JSON when read means the split was wrong, and
    the caller reads the file whole instead.
    """
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = _HEAD.match(handle.read(64 * 1024))
        handle.seek(max(0, size - 256))
        tail_bytes = handle.read()
        tail = _TAIL.search(tail_bytes)
        if head is None or tail is None:
            return None
        second_stop = size - len(tail_bytes) + tail.end(1)
        key, second_key = (re.escape(k) for k in head.groups())
        boundary = re.compile(
            rb"\}\s*,\s*(\{)\s*"
            + key
            + rb'\s*:\s*(?:"(?:[^"\\]|\\.)*"|-?[0-9.eE+-]+)\s*,\s*'
            + second_key
            + rb"\s*:"
        )
        position = size // 2
        while position < second_stop:
            handle.seek(position)
            chunk = handle.read(_SCAN_BYTES + 4096)  # overlap, so no boundary falls between reads
            found = boundary.search(chunk)
            if found and position + found.start(1) < second_stop:
                return JsonSplit(
                    first_stop=position + found.start() + 1,
                    second_start=position + found.start(1),
                    second_stop=second_stop,
                )
            position += _SCAN_BYTES
    return None


def open_json_part(path: Path, split: JsonSplit, part: int) -> GrantFile:
    """The grants of one part (0 or 1) of a split JSON package, numbered from 1 in that part."""
    if part == 0:
        stream = _ByteRange(path, 0, split.first_stop, b"", b"]}")
        grants = _json_grants(path, stream)
    else:
        stream = _ByteRange(path, split.second_start, split.second_stop, b"[", b"")
        grants = _json_grants(path, stream, prefix="item")
    return GrantFile(path, grants, amounts_as_text=False)


def _csv_rows(path: Path) -> tuple[list[str], Iterator[list[object]], str]:
    with path.open("rb") as sample:
        encoding = detect_encoding(sample.read(_ENCODING_SAMPLE_BYTES), name=path)
    handle = path.open(encoding=encoding, newline="")
    reader = csv.reader(handle)
    words = _encoding_name(encoding)

    def unreadable(error: Exception) -> InputError:
        return InputError(
            f"the file cannot be read as CSV ({words}) ({error}). Nothing from this file was "
            "stored.",
            path=path,
            row=max(reader.line_num - 1, 0),
            hint="Save it as CSV UTF-8 and import again.",
        )

    try:
        header = next(reader)
    except StopIteration:
        handle.close()
        raise InputError("the file is empty.", path=path, hint="Export the grants again.") from None
    except (UnicodeDecodeError, csv.Error) as error:
        handle.close()
        raise unreadable(error) from None

    def rows() -> Iterator[list[object]]:
        with handle:
            try:
                for row in reader:
                    if any("\x00" in cell for cell in row):
                        raise InputError(
                            "holds a NUL character, which text never does; the file may be "
                            "damaged. Nothing from this file was stored.",
                            path=path,
                            row=reader.line_num - 1,
                            hint="Remove the character, or export the file again.",
                        )
                    yield cast(list[object], row)
            except (UnicodeDecodeError, csv.Error) as error:
                raise unreadable(error) from None

    return header, rows(), words


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
