"""The area summary tables ``n4c needs summarise`` writes, kept in the result cache.

The measures are computed in :mod:`n4c.needs.summaries`; this module says which year and level
pairs exist (without importing pandas, so a bad option is refused at once) and keeps each
finished table, as CSV with its headline figures, in ``N4C_DATA_DIR/cache/results/``, the way
:mod:`n4c.needs.left_behind` keeps the 'left behind' table. The key is made of every input
dataset's checksum (each file checked against it first; IoD 2025 File 6 counts by whether it is
present and what it holds), the year, level and council, n4c's version and the source code of
the modules that compute it, so new data or changed code always recomputes. A repeated run then
reads one file and imports no pandas.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from n4c.data.cache import stored_result
from n4c.data.registry import checksum, checksum_if_present
from n4c.errors import InputError
from n4c.geography import check_year

if TYPE_CHECKING:
    from n4c.needs.councils import Council

__all__ = [
    "SUMMARY_AREAS",
    "SUMMARY_LEVELS",
    "AreaSummary",
    "SummaryLevel",
    "check_summary",
    "find_summary",
]

SummaryLevel = Literal["lad", "ward", "msoa"]
SUMMARY_LEVELS: tuple[SummaryLevel, ...] = ("lad", "ward", "msoa")

#: The levels each IMD year is summarised at, and what each is, for help and messages.
SUMMARY_AREAS: dict[int, dict[SummaryLevel, str]] = {
    2019: {"lad": "local authority 2019", "ward": "ward 2017", "msoa": "MSOA 2011"},
    2025: {"lad": "local authority 2024", "ward": "ward 2024"},
}

#: Every dataset each year's summaries read (File 6 of 2025 only when it is present).
_INPUTS = {
    2019: (
        "imd2019_population_denominators",
        "imd2019_lsoa11_scores",
        "imd2019_lsoa11",
        "imd2019_indicators",
        "lookup_lsoa11_ward17",
        "lookup_lsoa11_msoa11",
        "cni2019_ward17",
    ),
    2025: (
        "imd2025_lsoa21",
        "imd2025_indicators",
        "lookup_lsoa21_ward24_lad24",
        "population21_lsoa21_census",
    ),
}
_OPTIONAL_INPUTS = {2025: ("imd2025_population_denominators",)}
#: The modules whose code decides the table: a change to any of them recomputes it.
_CODE = (
    "n4c.needs.summary_tables",
    "n4c.needs.summaries",
    "n4c.needs.councils",
    "n4c.data.loaders",
    "n4c.data.registry",
    "n4c.data.cache",
    "n4c.spreadsheets",
)


def check_summary(year: int, level: str) -> SummaryLevel:
    """``level`` if n4c can summarise ``year``'s IMD at it; otherwise an :class:`InputError`.

    Examples
    --------
    >>> check_summary(2025, "ward")
    'ward'
    >>> check_summary(2025, "msoa")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    n4c.errors.InputError: field "--level": msoa summaries are not available for IMD 2025; ...
    """
    check_year(year, supported=tuple(SUMMARY_AREAS), purpose="area summaries", field="--year")
    if level not in SUMMARY_LEVELS:
        raise InputError(
            f'"{level}" is not a summary level; choose one of {", ".join(SUMMARY_LEVELS)}.',
            field="--level",
            value=level,
        )
    if level not in SUMMARY_AREAS[year]:
        choices = " or ".join(f"{key} ({what})" for key, what in SUMMARY_AREAS[year].items())
        raise InputError(
            f"{level} summaries are not available for IMD {year}; choose {choices}.",
            field="--level",
            value=level,
        )
    return level  # type: ignore[return-value]


@dataclass(frozen=True)
class AreaSummary:
    """One summary table as ``n4c needs summarise`` writes it, with its headline figures."""

    year: int
    level: SummaryLevel
    #: the council whose areas the table keeps (code, name), or ``None`` for all of England
    council: tuple[str, str] | None
    #: the whole table as CSV
    csv: str
    areas: int
    lsoas: int
    #: the area with the highest average score: code, name and score
    highest_average_score: tuple[str, str, float]
    #: where the population weights come from, in a sentence
    population_source: str
    from_cache: bool = False


def _compute(year: int, level: SummaryLevel, council: Council | None) -> dict[str, Any]:
    import io

    from n4c.needs.councils import council_view
    from n4c.needs.summaries import summarise_imd, summary_population_source
    from n4c.spreadsheets import write_frame_csv

    table = council_view(
        summarise_imd(year, level),
        year=year,
        geography=level,
        code_column="area_code",
        council=council,
    )
    most = table.sort_values("rank_average_score").iloc[0]
    csv = io.StringIO()
    write_frame_csv(table, csv)
    return {
        "csv": csv.getvalue(),
        "areas": len(table),
        "lsoas": int(table["lsoa_count"].sum()),
        "highest_average_score": [
            str(most["area_code"]),
            str(most["area_name"]),
            float(most["average_score"]),
        ],
        "population_source": summary_population_source(year),
    }


def _inputs(year: int) -> dict[str, str | None]:
    return {
        **{name: checksum(name) for name in _INPUTS[year]},
        **{name: checksum_if_present(name) for name in _OPTIONAL_INPUTS.get(year, ())},
    }


def find_summary(
    year: int, level: str, *, council: Council | None = None, cached: bool = True
) -> AreaSummary:
    """The summary table of ``year``'s IMD at ``level``, for England or one council.

    Parameters
    ----------
    year : {2019, 2025}
        The IMD edition.
    level : {"lad", "ward", "msoa"}
        The higher geography (MSOAs for 2019 only).
    council : Council, optional
        Keep only this council's areas (from :func:`n4c.needs.councils.resolve_council`, for
        the same year); ranks stay national.
    cached : bool
        Use the stored table when its inputs, parameters and code are unchanged; ``False``
        recomputes it (and stores the new one).

    Returns
    -------
    AreaSummary
        The :func:`n4c.needs.summaries.summarise_imd` table with ``lad_code`` and
        ``lad_name``, as CSV, and its headline figures.

    Raises
    ------
    InputError
        If the year and level do not go together.
    DataMissingError
        If an input dataset is missing or fails its checksum, cached table or not.
    """
    checked = check_summary(year, level)
    # One file per council too, so a council's view never pushes out England's table.
    kind = f"summary-{year}-{checked}-{'england' if council is None else council.code}"
    body, from_cache = stored_result(
        kind,
        lambda: _compute(year, checked, council),
        inputs=_inputs(year),
        code=_CODE,
        cached=cached,
    )
    code, name, score = body["highest_average_score"]
    return AreaSummary(
        year=year,
        level=checked,
        council=None if council is None else (council.code, council.name),
        csv=str(body["csv"]),
        areas=int(body["areas"]),
        lsoas=int(body["lsoas"]),
        highest_average_score=(str(code), str(name), float(score)),
        population_source=str(body["population_source"]),
        from_cache=from_cache,
    )
