"""Councils (local authority districts): find one by code or name, and view need by council.

Each IMD edition is published on the local authorities of its own time: IoD 2019 figures sit
in the 317 English local authorities of 2019 (File 6), IoD 2025 figures in the 296 of 2024
(the ONS best-fit LSOA 2021 → ward 2024 → local authority 2024 lookup). A council is always
looked up in the edition that matches the data's year, so "Aylesbury Vale" is a council for
2019 figures and not for 2025 ones (it became part of Buckinghamshire in 2020).

:func:`resolve_council` turns what a person typed (``E06000009``, ``blackpool``,
``City of Bristol``, ``St Helens``) into a :class:`Council`, or says which councils come
closest. :func:`council_columns` adds ``lad_code`` and ``lad_name`` to a table of LSOAs,
wards or MSOAs, :func:`filter_by_council` keeps one council's rows, and
:func:`council_view` does both. Every ``n4c needs`` command uses them, so a council means the
same thing everywhere.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import pandas as pd

from n4c.data import load
from n4c.errors import InputError
from n4c.geography import GSS_PATTERN, name_words

__all__ = [
    "COUNCIL_EDITIONS",
    "Council",
    "council_columns",
    "council_view",
    "filter_by_council",
    "filter_csv_by_council",
    "list_councils",
    "lsoa_councils",
    "resolve_council",
    "ward_councils",
]

#: The local authority boundaries each IMD year's figures are published on.
COUNCIL_EDITIONS = {2019: 2019, 2025: 2024}

Geography = Literal["lsoa", "ward", "msoa", "lad"]

# Words that people add to or leave out of a council's name without meaning another council:
# "Blackpool Council", "City of Bristol", "Herefordshire, County of", "Wigan Borough Council".
_FILLER = frozenset({"borough", "city", "council", "county", "district", "metropolitan", "of"})


@dataclass(frozen=True)
class Council:
    """A local authority district of one edition: its GSS code and its ONS name."""

    code: str
    name: str
    #: the year of the boundaries, 2019 or 2024
    edition: int


def _edition(year: int) -> int:
    if year not in COUNCIL_EDITIONS:
        years = " or ".join(str(y) for y in COUNCIL_EDITIONS)
        raise InputError(
            f"{year} has no local authority edition in n4c; choose {years}.",
            field="year",
            value=year,
        )
    return COUNCIL_EDITIONS[year]


@lru_cache(maxsize=2)
def _lsoa_councils(year: int) -> pd.DataFrame:
    if _edition(year) == 2019:
        table = load("imd2019_population_denominators")
        columns = {"lsoa11_code": "lsoa_code", "lad19_code": "lad_code", "lad19_name": "lad_name"}
    else:
        table = load("lookup_lsoa21_ward24_lad24")
        table = table[table["lsoa21_code"].str.startswith("E")]
        columns = {
            "lsoa21_code": "lsoa_code",
            "ltla24_code": "lad_code",
            "ltla24_name": "lad_name",
        }
    return table.loc[:, list(columns)].rename(columns=columns).reset_index(drop=True)


def lsoa_councils(year: int) -> pd.DataFrame:
    """Each English LSOA of the year's edition with its council: ``lsoa_code, lad_code, lad_name``.

    LSOAs nest in local authorities, so each has exactly one (2019: LSOA 2011 in the 2019
    authorities of File 6; 2025: LSOA 2021 in the 2024 authorities of the ONS lookup).
    """
    return _lsoa_councils(year).copy()


def _best_fit(lookup: pd.DataFrame, code_column: str, year: int) -> pd.DataFrame:
    # An area matched to LSOAs by best fit takes the council holding most of its LSOAs (the
    # lowest code on a tie), so every area has exactly one.
    pairs = lookup.rename(columns={code_column: "area_code"}).merge(
        _lsoa_councils(year), on="lsoa_code", how="inner"
    )
    counts = pairs.groupby(["area_code", "lad_code", "lad_name"], as_index=False).size()
    counts = counts.sort_values(["area_code", "size", "lad_code"], ascending=[True, False, True])
    return counts.drop_duplicates("area_code").loc[:, ["area_code", "lad_code", "lad_name"]]


@lru_cache(maxsize=3)
def _area_councils(year: int, geography: str) -> pd.DataFrame:
    edition = _edition(year)
    if geography == "ward" and edition == 2024:
        lookup = load("lookup_lsoa21_ward24_lad24")
        lookup = lookup[lookup["lsoa21_code"].str.startswith("E")]
        wards = lookup.drop_duplicates("ward24_code").rename(
            columns={
                "ward24_code": "area_code",
                "ltla24_code": "lad_code",
                "ltla24_name": "lad_name",
            }
        )
        return wards.loc[:, ["area_code", "lad_code", "lad_name"]].sort_values("area_code")
    if geography == "ward":
        lookup = load("lookup_lsoa11_ward17").rename(columns={"lsoa11_code": "lsoa_code"})
        return _best_fit(lookup, "ward17_code", year)
    if geography == "msoa" and edition == 2019:
        lookup = load("lookup_lsoa11_msoa11").rename(columns={"lsoa11_code": "lsoa_code"})
        return _best_fit(lookup, "msoa11_code", year)
    raise InputError(
        f"n4c has no {geography} to local authority lookup for IMD {year}.",
        field="geography",
        value=geography,
    )


def ward_councils(year: int) -> pd.DataFrame:
    """Each English ward of the year's edition with its council: ``ward_code, lad_code, lad_name``.

    2025: 2024 wards from the ONS lookup, each inside one 2024 authority. 2019: 2017 wards,
    each given the 2019 authority that holds most of its LSOAs.
    """
    wards = _area_councils(year, "ward").rename(columns={"area_code": "ward_code"})
    return wards.reset_index(drop=True)


@lru_cache(maxsize=2)
def _councils(year: int) -> pd.DataFrame:
    return (
        _lsoa_councils(year)
        .drop_duplicates("lad_code")
        .loc[:, ["lad_code", "lad_name"]]
        .sort_values("lad_code")
        .reset_index(drop=True)
    )


def list_councils(year: int) -> pd.DataFrame:
    """Every English council of the edition matching ``year``: ``lad_code, lad_name``, by code.

    Examples
    --------
    >>> len(list_councils(2019)), len(list_councils(2025))
    (317, 296)
    """
    return _councils(year).copy()


def _forms(text: str) -> tuple[str, str, str]:
    words = name_words(text)
    return (
        " ".join(words),
        " ".join(sorted(words)),
        " ".join(sorted(w for w in words if w not in _FILLER)),
    )


def _council(row: pd.Series, edition: int) -> Council:
    return Council(code=str(row["lad_code"]), name=str(row["lad_name"]), edition=edition)


def resolve_council(text: str, *, year: int) -> Council:
    """The council that ``text`` names, in the local authority edition of ``year``'s data.

    ``text`` is a GSS code (any case) or a name. Names match without regard to case, accents,
    punctuation, word order or words such as "council", "city of" and "borough".

    Parameters
    ----------
    text : str
        What the person typed, e.g. ``"E06000009"``, ``"blackpool"`` or ``"City of Bristol"``.
    year : {2019, 2025}
        The IMD year of the figures: 2019 looks in the 2019 authorities, 2025 in the 2024 ones.

    Returns
    -------
    Council
        Its code, ONS name and the year of the boundaries.

    Raises
    ------
    InputError
        If no council or more than one matches; the message names the closest councils.

    Examples
    --------
    >>> resolve_council("blackpool", year=2025)
    Council(code='E06000009', name='Blackpool', edition=2024)
    >>> resolve_council("City of Bristol", year=2019).code
    'E06000023'
    """
    edition = _edition(year)
    table = _councils(year)
    typed = text.strip()
    if not name_words(typed):
        raise InputError(
            "Enter a council's code or name, like E06000009 or Blackpool.",
            field="--lad",
            value=text,
        )
    if GSS_PATTERN.match(typed.upper()):
        found = table[table["lad_code"] == typed.upper()]
        if len(found) == 1:
            return _council(found.iloc[0], edition)
        raise _unknown(typed, year, by_code=True)
    forms = _forms(typed)
    names = table["lad_name"].map(_forms)
    for position in range(3):
        if not forms[position]:
            break
        found = table[names.map(lambda f, p=position: f[p]) == forms[position]]
        if len(found) == 1:
            return _council(found.iloc[0], edition)
        if len(found) > 1:
            listed = _listed(found["lad_name"].tolist(), "or")
            raise InputError(
                f'"{typed}" could be {listed}; give the full name or the code.',
                field="--lad",
                value=typed,
            )
    raise _unknown(typed, year, by_code=False)


def _listed(names: list[str], joiner: str) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {joiner} {names[-1]}"


def _unknown(typed: str, year: int, *, by_code: bool) -> InputError:
    edition = _edition(year)
    table = _councils(year)
    if by_code:
        choices = dict(zip(table["lad_code"], table["lad_name"], strict=True))
        key = typed.upper()
    else:
        choices = {_forms(name)[0]: name for name in table["lad_name"]}
        key = _forms(typed)[0]
    # Names that hold every word typed ("Newcastle") come first, then the nearest spellings.
    holding = [form for form in choices if key and f" {key} " in f" {form} "]
    near = difflib.get_close_matches(key, list(choices), n=3, cutoff=0.6)
    close = [
        f"{choices[k]} ({k})" if by_code else choices[k]
        for k in list(dict.fromkeys([*holding, *near]))[:3]
    ]
    other = _in_other_edition(typed, year, by_code=by_code)
    if other is not None:
        hint = f"it is {other}, used for IMD {_other_year(year)} figures"
    elif len(close) == 1:
        hint = f"the closest is {close[0]}"
    elif close:
        hint = f"the closest are {_listed(close, 'and')}"
    else:
        hint = "give an ONS name, like Blackpool, or a code, like E06000009"
    return InputError(
        f'"{typed}" is not a {edition} local authority in England (IMD {year} figures); {hint}.',
        field="--lad",
        value=typed,
    )


def _other_year(year: int) -> int:
    return next(y for y in COUNCIL_EDITIONS if y != year)


def _in_other_edition(typed: str, year: int, *, by_code: bool) -> str | None:
    other = _councils(_other_year(year))
    if by_code:
        found = other[other["lad_code"] == typed.upper()]
    else:
        found = other[other["lad_name"].map(lambda n: _forms(n)[0]) == _forms(typed)[0]]
    if found.empty:
        return None
    row = found.iloc[0]
    edition = COUNCIL_EDITIONS[_other_year(year)]
    return f"{row['lad_name']} ({row['lad_code']}) in the {edition} edition"


def council_columns(
    frame: pd.DataFrame, *, year: int, geography: Geography, code_column: str
) -> pd.DataFrame:
    """``frame`` with ``lad_code`` and ``lad_name`` added from its LSOA, ward or council codes.

    Parameters
    ----------
    frame : pandas.DataFrame
        A table with one LSOA, ward or council code per row (in ``code_column``).
    year : {2019, 2025}
        The IMD year of the figures, which fixes the LSOA, ward and council editions.
    geography : {"lsoa", "ward", "msoa", "lad"}
        What the codes are (MSOAs for 2019 only; wards and MSOAs take the council holding
        most of their LSOAs).
    code_column : str
        The column holding the codes.

    Returns
    -------
    pandas.DataFrame
        A copy with ``lad_code`` and ``lad_name`` (replacing any already there), in the same
        row order; a code outside the edition gets blanks.
    """
    if geography == "lsoa":
        lookup = _lsoa_councils(year).set_index("lsoa_code")
    elif geography in ("ward", "msoa"):
        lookup = _area_councils(year, geography).set_index("area_code")
    else:
        lookup = _councils(year).set_index("lad_code").assign(lad_code=lambda t: t.index)
    codes = frame[code_column].astype(str)
    result = frame.drop(columns=["lad_code", "lad_name"], errors="ignore").copy()
    for column in ("lad_code", "lad_name"):
        result[column] = lookup[column].reindex(codes).to_numpy()
    return result


def filter_by_council(frame: pd.DataFrame, council: Council | None) -> pd.DataFrame:
    """The rows of ``frame`` (which has ``lad_code``) in ``council``; all rows when ``None``."""
    if council is None:
        return frame
    if "lad_code" not in frame.columns:
        raise InputError(
            "the table has no lad_code column; add it with council_columns first.",
            field="lad_code",
        )
    return frame[frame["lad_code"] == council.code].reset_index(drop=True)


def council_view(
    frame: pd.DataFrame,
    *,
    year: int,
    geography: Geography,
    code_column: str,
    council: Council | None = None,
) -> pd.DataFrame:
    """``frame`` with its councils added (:func:`council_columns`), then only ``council``'s rows.

    Every ``n4c needs`` command writes its LSOA, ward or council table through this, so each
    carries ``lad_code`` and ``lad_name`` and ``--lad`` keeps the same rows everywhere.
    Ranks and other national figures are left as they are: a council's view of England.
    """
    added = council_columns(frame, year=year, geography=geography, code_column=code_column)
    return filter_by_council(added, council)


def filter_csv_by_council(text: str, council: Council) -> tuple[str, list[str], list[list[str]]]:
    """The rows of CSV ``text`` (a stored national table with ``lad_code``) in ``council``.

    For results kept as CSV text (``n4c leftbehind``, ``n4c needs change``): the kept rows are
    written back exactly as they were, so a council's file holds the national file's rows.

    Returns
    -------
    tuple
        The kept rows as CSV text, the header, and the kept rows as lists of cells.
    """
    # Each record's own lines are kept as they were read, so nothing is written afresh (the
    # cell rules of n4c.spreadsheets were applied once, when the national table was written).
    consumed: list[str] = []

    def lines() -> Iterator[str]:
        for line in io.StringIO(text):
            consumed.append(line)
            yield line

    reader = csv.reader(lines())
    header = next(reader, [])
    if "lad_code" not in header:
        raise InputError(
            "the table has no lad_code column; add it with council_columns first.",
            field="lad_code",
        )
    at, kept, written = header.index("lad_code"), [], ["".join(consumed)]
    consumed.clear()
    for row in reader:
        if row[at] == council.code:
            kept.append(row)
            written.append("".join(consumed))
        consumed.clear()
    return "".join(written), header, kept
