"""The asset register: a community's buildings, land, groups and cultural assets.

An :class:`Asset` is one thing a community values: physical (a building, land, a green space),
social (a group, a club) or cultural (a festival, a tradition, a collection). Each has an owner,
a location (a postcode or WGS84 coordinates, and optionally its LSOA), its condition, its status
(in use, nominated, listed, for sale...) and its use. :func:`validate_asset` is the one check
every way in shares (CSV import, the platform's forms and API); :func:`read_assets_csv` applies
it to every row and counts: rows read = assets stored + rows rejected, each rejection naming its
row and field.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, cast, get_args

from n4c.errors import InputError
from n4c.geography import code_shape
from n4c.spreadsheets import restore_text, write_csv
from n4c.textfiles import decode_text, read_text
from n4c.words import gettext as _
from n4c.words import ngettext, number

__all__ = [
    "ASSET_COLUMNS",
    "CONDITIONS",
    "KINDS",
    "STATUSES",
    "Asset",
    "AssetImport",
    "RejectedRow",
    "assets_to_text",
    "normalise_postcode",
    "read_assets_csv",
    "validate_asset",
    "write_assets_csv",
    "write_rejections_csv",
]

AssetKind = Literal["physical", "social", "cultural"]
Condition = Literal["good", "fair", "poor", "derelict", "unknown"]
Status = Literal[
    "in-use", "at-risk", "nominated", "listed", "for-sale", "community-owned", "closed", "lost"
]
KINDS: tuple[str, ...] = get_args(AssetKind)
CONDITIONS: tuple[str, ...] = get_args(Condition)
STATUSES: tuple[str, ...] = get_args(Status)

#: Columns of the register CSV, in the order export writes them.
ASSET_COLUMNS = (
    "asset_id",
    "name",
    "kind",
    "owner",
    "postcode",
    "latitude",
    "longitude",
    "lsoa_code",
    "condition",
    "status",
    "use",
)
_REQUIRED_COLUMNS = ("name", "kind")

# The Royal Mail format (outward code, space, inward code) as the UK government data standard
# writes it; GIR 0AA is the one historic exception. Checked after normalise_postcode.
_POSTCODE = re.compile(
    r"^(GIR 0AA|(?:[A-Z][0-9]{1,2}|[A-Z][A-HJ-Y][0-9]{1,2}|[A-Z][0-9][A-Z]|[A-Z][A-HJ-Y][0-9][A-Z]?) [0-9][A-Z]{2})$"
)
# 2011 and 2021 LSOAs share one code shape.
_LSOA = code_shape("lsoa")
# A box around the United Kingdom, so swapped or zero coordinates are caught.
_LATITUDE_RANGE = (49.8, 60.95)
_LONGITUDE_RANGE = (-8.7, 1.8)


@dataclass(frozen=True)
class Asset:
    """One community asset, validated."""

    name: str
    kind: AssetKind
    asset_id: str = ""
    owner: str = ""
    postcode: str = ""
    latitude: float | None = None
    longitude: float | None = None
    lsoa_code: str = ""
    condition: Condition = "unknown"
    status: Status = "in-use"
    use: str = ""

    def as_row(self) -> dict[str, str]:
        """The asset as CSV text fields, in :data:`ASSET_COLUMNS` order."""
        values = asdict(self)
        return {c: "" if values[c] is None else str(values[c]) for c in ASSET_COLUMNS}


@dataclass(frozen=True)
class RejectedRow:
    """A row that was not stored, with every problem found in it."""

    row: int
    errors: tuple[InputError, ...]
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass
class AssetImport:
    """The result of reading a register CSV: what was stored and what was rejected."""

    assets: list[Asset]
    rejected: list[RejectedRow]
    rows_read: int
    path: str = ""
    #: The data row each stored asset came from, in the same order as ``assets``.
    asset_rows: list[int] = field(default_factory=list)
    #: The encoding the file was read with, as a person knows it ("" for a text stream).
    encoding: str = ""

    def summary(self) -> str:
        """One sentence: ``Read 12 rows: 10 stored, 2 rejected.``, naming any encoding but UTF-8."""
        counts = {
            "rows": number(self.rows_read),
            "stored": number(len(self.assets)),
            "rejected": number(len(self.rejected)),
            "encoding": self.encoding,
        }
        if self.encoding in ("", "UTF-8"):
            return (
                ngettext(
                    "Read %(rows)s row: %(stored)s stored, %(rejected)s rejected.",
                    "Read %(rows)s rows: %(stored)s stored, %(rejected)s rejected.",
                    self.rows_read,
                )
                % counts
            )
        return (
            ngettext(
                "Read %(rows)s row (%(encoding)s text): %(stored)s stored, %(rejected)s rejected.",
                "Read %(rows)s rows (%(encoding)s text): %(stored)s stored, %(rejected)s rejected.",
                self.rows_read,
            )
            % counts
        )


def normalise_postcode(text: str) -> str:
    """Upper case with one space before the inward code: ``"sw1a1aa"`` becomes ``"SW1A 1AA"``.

    >>> normalise_postcode(" sw1a1aa ")
    'SW1A 1AA'
    """
    compact = re.sub(r"\s+", "", text).upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


class _Problems:
    """Collects every problem in one asset's fields, each naming its row and field."""

    def __init__(self, row: int | None, path: str | Path | None) -> None:
        self.row, self.path = row, path
        self.errors: list[InputError] = []

    def add(self, message: str, field: str, value: object = None, hint: str | None = None) -> None:
        self.errors.append(
            InputError(message, path=self.path, row=self.row, field=field, value=value, hint=hint)
        )


def _coordinate(
    fields: Mapping[str, str], name: str, bounds: tuple[float, float], problems: _Problems
) -> float | None:
    text = (fields.get(name) or "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        problems.add(
            _("%(text)s is not a number; enter decimal degrees, like 53.4808.")
            % {"text": repr(text)},
            name,
            text,
        )
        return None
    if not bounds[0] <= value <= bounds[1]:
        problems.add(
            _(
                "%(value)s is outside the United Kingdom (%(low)s to %(high)s); check that "
                "latitude and longitude are not swapped."
            )
            % {"value": value, "low": bounds[0], "high": bounds[1]},
            name,
            text,
        )
        return None
    return value


def _choice(
    fields: Mapping[str, str],
    name: str,
    allowed: tuple[str, ...],
    default: str,
    problems: _Problems,
) -> str:
    text = (fields.get(name) or "").strip().lower()
    if not text:
        return default
    if text not in allowed:
        problems.add(
            _("%(text)s is not a %(column)s; enter one of %(allowed)s.")
            % {"text": repr(text), "column": name, "allowed": ", ".join(allowed)},
            name,
            text,
        )
    return text


def validate_asset(
    fields: Mapping[str, str], *, row: int | None = None, path: str | Path | None = None
) -> tuple[Asset | None, list[InputError]]:
    """Check one asset's fields; return the asset, or None and every problem found.

    >>> asset, errors = validate_asset({"name": "The Red Lion", "kind": "physical", "postcode": "m1 1ae"})
    >>> asset.postcode, errors
    ('M1 1AE', [])
    >>> _, errors = validate_asset({"name": "Hall", "kind": "physical", "postcode": "M1"})
    >>> print(errors[0])
    field "postcode": 'M1' is not a UK postcode. Enter a postcode, like SW1A 1AA.
    """
    problems = _Problems(row, path)
    name = (fields.get("name") or "").strip()
    if not name:
        problems.add(_("Enter the asset's name."), "name")
    kind = _choice(fields, "kind", KINDS, "", problems)
    if not kind:
        problems.add(_("Enter the kind of asset: %(kinds)s.") % {"kinds": ", ".join(KINDS)}, "kind")
    postcode = ""
    raw_postcode = (fields.get("postcode") or "").strip()
    if raw_postcode:
        postcode = normalise_postcode(raw_postcode)
        if not _POSTCODE.match(postcode):
            problems.add(
                _("%(postcode)s is not a UK postcode.") % {"postcode": repr(raw_postcode)},
                "postcode",
                raw_postcode,
                _("Enter a postcode, like SW1A 1AA."),
            )
    latitude = _coordinate(fields, "latitude", _LATITUDE_RANGE, problems)
    longitude = _coordinate(fields, "longitude", _LONGITUDE_RANGE, problems)
    given = [(fields.get(c) or "").strip() != "" for c in ("latitude", "longitude")]
    if given[0] != given[1]:
        problems.add(
            _("Enter both latitude and longitude, or neither."),
            "longitude" if given[0] else "latitude",
        )
    if not raw_postcode and not any(given):
        problems.add(
            _("Enter where the asset is: a postcode, or latitude and longitude."), "postcode"
        )
    lsoa_code = (fields.get("lsoa_code") or "").strip().upper()
    if lsoa_code and not _LSOA.matches(lsoa_code):
        problems.add(
            f"{lsoa_code!r} is not {_LSOA.rule[:-1]}, like {_LSOA.example}).",
            "lsoa_code",
            lsoa_code,
        )
    condition = _choice(fields, "condition", CONDITIONS, "unknown", problems)
    status = _choice(fields, "status", STATUSES, "in-use", problems)
    if problems.errors:
        return None, problems.errors
    asset = Asset(
        name=name,
        kind=cast(AssetKind, kind),
        asset_id=(fields.get("asset_id") or "").strip(),
        owner=(fields.get("owner") or "").strip(),
        postcode=postcode,
        latitude=latitude,
        longitude=longitude,
        lsoa_code=lsoa_code,
        condition=cast(Condition, condition),
        status=cast(Status, status),
        use=(fields.get("use") or "").strip(),
    )
    return asset, []


def _check_header(header: Iterable[str] | None, path: str | Path | None) -> None:
    columns = [c.strip() for c in (header or [])]
    missing = [c for c in _REQUIRED_COLUMNS if c not in columns]
    unknown = [c for c in columns if c not in ASSET_COLUMNS]
    if missing or unknown:
        problem = (
            _("is missing the column(s) %(columns)s.") % {"columns": ", ".join(missing)}
            if missing
            else _("has column(s) n4c does not know: %(columns)s.")
            % {"columns": ", ".join(unknown)}
        )
        raise InputError(
            problem,
            path=path,
            row=0,
            field=(missing or unknown)[0],
            hint=_("The register's columns are: %(columns)s.")
            % {"columns": ", ".join(ASSET_COLUMNS)},
        )


def read_assets_csv(
    source: str | Path | bytes | IO[str], *, name: str | None = None
) -> AssetImport:
    """Read an asset register CSV, validating each row; bad rows are rejected, not repaired.

    Parameters
    ----------
    source
        A path, the bytes of a file (an upload, say; decoded by :mod:`n4c.textfiles`) or an
        open text stream, of CSV with the columns in :data:`ASSET_COLUMNS` (``name`` and
        ``kind`` required; the others may be left out).
    name
        The file name to use in messages when ``source`` is bytes or a stream.

    Returns
    -------
    AssetImport
        The stored assets, the rejected rows (each with its row number and field errors) and
        the number of rows read, which always equals stored plus rejected.

    Raises
    ------
    InputError
        If the file cannot be read as text, or the header lacks a required column or has an
        unknown one.

    Examples
    --------
    >>> import io
    >>> text = "name,kind,postcode\\nRed Lion,physical,M1 1AE\\nChoir,social,nowhere\\n"
    >>> result = read_assets_csv(io.StringIO(text))
    >>> result.summary()
    'Read 2 rows: 1 stored, 1 rejected.'
    >>> print(result.rejected[0].errors[0])
    row 2, field "postcode": 'nowhere' is not a UK postcode. Enter a postcode, like SW1A 1AA.
    """
    if isinstance(source, bytes):
        decoded = decode_text(source, name=name, rows=True)
    elif isinstance(source, str | Path):
        decoded = read_text(source, rows=True)
        name = name or str(source)
    else:
        return _read(cast(IO[str], source), name)
    result = _read(io.StringIO(decoded.text, newline=""), name)
    result.encoding = decoded.encoding_name
    return result


def _read(stream: IO[str], path: str | Path | None) -> AssetImport:
    reader = csv.DictReader(stream)
    _check_header(reader.fieldnames, path)
    assets: list[Asset] = []
    asset_rows: list[int] = []
    rejected: list[RejectedRow] = []
    seen_ids: dict[str, int] = {}
    rows_read = 0
    for row_number, raw in enumerate(_rows(reader, path), start=1):
        rows_read += 1
        # A register n4c exported has formula-like text quoted (n4c.spreadsheets); undo that.
        fields = {(k or "").strip(): restore_text(v or "") for k, v in raw.items() if k is not None}
        asset, errors = validate_asset(fields, row=row_number, path=path)
        if None in raw:
            errors.append(
                InputError(
                    _("has more values than the header has columns."), path=path, row=row_number
                )
            )
        asset_id = (fields.get("asset_id") or "").strip()
        if asset_id and asset_id in seen_ids:
            errors.append(
                InputError(
                    _("asset_id %(id)s is already used by row %(row)s; each asset needs its own.")
                    % {"id": repr(asset_id), "row": seen_ids[asset_id]},
                    path=path,
                    row=row_number,
                    field="asset_id",
                    value=asset_id,
                )
            )
        if errors or asset is None:
            rejected.append(RejectedRow(row_number, tuple(errors), fields))
            continue
        if asset_id:
            seen_ids[asset_id] = row_number
        assets.append(asset)
        asset_rows.append(row_number)
    return AssetImport(assets, rejected, rows_read, str(path or ""), asset_rows)


def _rows(reader: csv.DictReader, path: str | Path | None) -> Iterator[dict[str | Any, Any]]:
    try:
        yield from reader
    except csv.Error as error:
        # A field over the csv module's limit, or an unclosed quote: the file is not a register.
        raise InputError(
            _("cannot be read as CSV after row %(row)s (%(error)s).")
            % {"row": number(reader.line_num - 1), "error": error},
            path=path,
            hint=_("Check the file is the register you meant, saved as CSV."),
        ) from None


def write_assets_csv(assets: Iterable[Asset], target: str | Path | IO[str]) -> int:
    """Write assets as register CSV (the columns :func:`read_assets_csv` reads); return rows written.

    Written by n4c's cell rules (:mod:`n4c.spreadsheets`): coordinates stay numbers, and text
    a spreadsheet would run as a formula is quoted (reading the file back removes the quote).
    """
    rows = ([getattr(asset, c) for c in ASSET_COLUMNS] for asset in assets)
    return write_csv(ASSET_COLUMNS, rows, target)


def write_rejections_csv(rejected: Iterable[RejectedRow], target: str | Path | IO[str]) -> int:
    """One line per problem: row, field, value and the message; return lines written."""
    rows = (
        [
            item.row,
            error.field or "",
            error.value,
            error.message + (f" {error.hint}" if error.hint else ""),
        ]
        for item in rejected
        for error in item.errors
    )
    return write_csv(["row", "field", "value", "message"], rows, target)


def assets_to_text(assets: Iterable[Asset]) -> str:
    """The register CSV as text (for downloads)."""
    buffer = io.StringIO()
    write_assets_csv(assets, buffer)
    return buffer.getvalue()
