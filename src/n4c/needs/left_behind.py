"""The 'left behind' result n4c writes: the table, its agreement with the published list, the listing.

The rule lives in :mod:`n4c.needs.wards` (:func:`~n4c.needs.wards.ward_table` and
:func:`~n4c.needs.wards.left_behind_lsoa21`) and :mod:`n4c.needs.wards24` (2024 wards, with
the comparison with 2019 in :mod:`n4c.needs.left_behind_change`); this module shapes what they
return into the table ``n4c leftbehind`` writes, and keeps that result in
``N4C_DATA_DIR/cache/results/``
beside the dataset cache. Its key is made of every input dataset's registered checksum (each
source file checked against it first), the parameters, n4c's version and the source code of
the modules that compute it, so new data or changed code always recomputes. A second run
then reads one file and imports no pandas. ``cached=False`` recomputes and stores afresh.
"""

from __future__ import annotations

import io
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from n4c.data.cache import stored_result
from n4c.data.registry import checksum, population_dataset_2025
from n4c.errors import InputError

if TYPE_CHECKING:
    from n4c.needs.councils import Council

__all__ = [
    "LEFT_BEHIND_LEVELS",
    "LEFT_BEHIND_YEARS",
    "LeftBehindAgreement",
    "LeftBehindComparison",
    "LeftBehindResult",
    "check_left_behind_level",
    "check_ward_geojson",
    "find_left_behind",
]

LEFT_BEHIND_YEARS = (2019, 2025)

#: The levels the 'left behind' test can be run at, and each year's default.
LeftBehindLevel = Literal["ward", "lsoa"]
LEFT_BEHIND_LEVELS: dict[int, tuple[LeftBehindLevel, ...]] = {
    2019: ("ward",),
    2025: ("lsoa", "ward"),
}


def check_left_behind_level(
    year: int, level: str | None, *, field: str = "level"
) -> LeftBehindLevel:
    """The level to test ``year`` at: ``level``, or the year's default (2019 wards, 2025 LSOAs).

    Raises
    ------
    InputError
        If ``level`` is not ward or lsoa, or ``year`` has no list at that level.
    """
    levels = LEFT_BEHIND_LEVELS[year]
    if level is None:
        return levels[0]
    if level not in ("ward", "lsoa"):
        raise InputError(
            f"\"{level}\" is not a level for the 'left behind' test; choose ward or lsoa.",
            field=field,
            value=level,
        )
    if level not in levels:
        raise InputError(
            f"{year} has no LSOA list: the 2019 'left behind' list is of wards (December 2017). "
            "Choose --level ward, or --year 2025 for LSOAs 2021.",
            field=field,
            value=level,
        )
    return level  # type: ignore[return-value]


#: Every dataset the rule reads for each year (a test checks that nothing else is read).
_INPUTS = {
    2019: ("imd2019_lsoa11_scores", "imd2019_lsoa11", "lookup_lsoa11_ward17", "cni2019_ward17"),
    2025: ("imd2025_lsoa21", "cni2023_lsoa21", "lookup_lsoa21_ward24_lad24"),
}
#: What 2024 wards read besides: the ward lookup, and the 2019 list (mid-2015 weights) to
#: set beside them; the 2025 population (File 6 or Census 2021) is added as found.
_WARD24_INPUTS = (
    "imd2025_lsoa21",
    "cni2023_lsoa21",
    "lookup_lsoa21_ward24_lad24",
    "lookup_lsoa11_lsoa21",
    *_INPUTS[2019],
    "imd2019_population_denominators",
)
#: The population dataset each 2019 population year reads, as n4c.needs.wards does.
_POPULATION_DATASETS = {
    "mid2015": "imd2019_population_denominators",
    "mid2017": "population17_lsoa11",
    "mid2019": "population19_lsoa11",
}
#: The modules whose code decides the result: a change to any of them recomputes it.
_CODE = (
    "n4c.needs.left_behind",
    "n4c.needs.wards",
    "n4c.needs.wards24",
    "n4c.needs.ward_domains",
    "n4c.needs.councils",
    "n4c.needs.left_behind_change",
    "n4c.needs.transform",
    "n4c.data.loaders",
    "n4c.data.registry",
    "n4c.data.cache",
)


@dataclass(frozen=True)
class LeftBehindAgreement:
    """How a computed 'left behind' list compares with a published one."""

    predicted: int
    published: int
    matched: int
    false_positives: tuple[str, ...]
    missed: tuple[str, ...]


@dataclass(frozen=True)
class LeftBehindComparison:
    """The published 2019 wards beside the 2025 'left behind' wards (see ``left_behind_change``)."""

    published_2019: int
    still_in: int
    found_2025: int
    new: int
    #: one row per ward of either list, as CSV (``year,ward_code,…,status``)
    csv: str


@dataclass(frozen=True)
class LeftBehindResult:
    """The 'left behind' areas of one year, as written and listed by ``n4c leftbehind``."""

    year: int
    population: str
    #: what the rows are: "wards" (2019), "LSOAs (2021)" or "wards (2024)" (2025)
    areas: str
    #: beside the published list; ``None`` where there is none (2024 wards)
    agreement: LeftBehindAgreement | None
    #: the whole table as CSV, flags written ``true``/``false``
    csv: str
    listing_columns: tuple[str, ...]
    #: the left-behind areas, most deprived (lowest IMD rank) first
    listing: tuple[tuple[Any, ...], ...]
    from_cache: bool = False
    #: "ward" or "lsoa"
    level: str = "ward"
    #: the rules and sources behind the table, a sentence each
    notes: tuple[str, ...] = ()
    #: 2024 wards only: the comparison with the published 2019 list
    comparison: LeftBehindComparison | None = None
    #: the council whose rows these are (:meth:`for_council`); ``None`` for all of England
    council: Council | None = None

    def for_council(self, council: Council) -> LeftBehindResult:
        """This result kept to ``council``'s rows; ranks, deciles and cut-offs stay national.

        The agreement with the published list counts the council's rows only (its areas on
        either list). The comparison with the 2019 list (2024 wards) stays national: its
        2019 wards are on the 2019 boundaries, which do not nest in the 2024 councils.
        Reads the stored national table, so the council needs no new computation.
        """
        from n4c.needs.councils import filter_csv_by_council

        text, header, kept = filter_csv_by_council(self.csv, council)
        codes = {row[0] for row in kept}
        return replace(
            self,
            csv=text,
            listing=tuple(row for row in self.listing if row[0] in codes),
            agreement=None
            if self.agreement is None
            else _council_agreement(self.agreement, header, kept, codes),
            council=council,
        )

    def write_csv(self, path: str | Path) -> None:
        """Write the table to ``path``, creating its folder."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.csv.encode("utf-8"))

    def write_ward_geojson(self, path: str | Path) -> int:
        """Write the left-behind wards' shapes (wards only); return how many were written."""
        check_ward_geojson(self.year, self.level)
        from n4c.needs.boundaries import write_ward_geojson
        from n4c.needs.councils import filter_by_council
        from n4c.needs.wards import left_behind_listing

        wards = left_behind_listing(
            self.year,
            population=self.population,  # type: ignore[arg-type]
            level=self.level,
        ).table
        wards = filter_by_council(wards, self.council)
        return write_ward_geojson(
            wards, path, only_left_behind=True, ward_year=2017 if self.year == 2019 else 2024
        )


def _council_agreement(
    national: LeftBehindAgreement,
    header: list[str],
    rows: list[list[str]],
    codes: set[str],
) -> LeftBehindAgreement:
    """The agreement with the published list over one council's rows (flags ``true``/``false``)."""
    ours, theirs = header.index("left_behind"), header.index("left_behind_published")
    both = [row for row in rows if row[ours] == "true" and row[theirs] == "true"]
    return LeftBehindAgreement(
        predicted=sum(row[ours] == "true" for row in rows),
        published=sum(row[theirs] == "true" for row in rows),
        matched=len(both),
        false_positives=tuple(c for c in national.false_positives if c in codes),
        missed=tuple(c for c in national.missed if c in codes),
    )


def check_ward_geojson(year: int, level: str | None = None, *, field: str = "geojson") -> None:
    """Shapes are written for wards only: say so before any file is written."""
    if year != 2019 and level != "ward":
        raise InputError(
            "GeoJSON output is for ward shapes (2019) and 2024 wards (2025 with --level ward); "
            "n4c does not write LSOA shapes.",
            field=field,
        )


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


_DOMAIN_NOTE = (
    "The domain columns show what drives each result: a ward's IMD domain rank orders wards by "
    "the population-weighted mean of its LSOAs' domain ranks (1 = most deprived, decile "
    "ceil(rank × 10 / N)); its CNI domains are {cni}."
)


def _notes(year: int, level: str, table: Any) -> list[str]:
    """The rules behind a table, in sentences, for the command's output."""
    if level != "ward":
        return [
            "The domain columns show what drives each result: each LSOA's published IMD 2025 "
            "domain ranks and deciles and CNI 2023 domain scores and ranks."
        ]
    if year == 2019:
        return [_DOMAIN_NOTE.format(cni="OCSI's published ward domain scores and ranks")]
    n_wards, cut = int(table.attrs["wards_scored"]), int(table.attrs["imd_cut"])
    return [
        "These 2024 wards are n4c's own estimate: OCSI has published no 'left behind' list "
        "on 2024 wards.",
        "A ward's IMD score is the population-weighted mean of its LSOAs' IMD 2025 scores and "
        "its CNI score the same mean of their CNI 2023 scores; a ward is left behind in decile "
        f"1 of both, by ceil(rank × 10 / N) over N = {n_wards:,} wards: the worst {cut:,} on "
        "each.",
        f"Population weights: {table.attrs['population_source']}.",
        _DOMAIN_NOTE.format(
            cni="the population-weighted means of its LSOAs' CNI 2023 domain scores, ranked "
            "1 for the highest need"
        ),
    ]


def _comparison(table: Any, population: str) -> dict[str, Any]:
    from n4c.needs.left_behind_change import compare_left_behind_years
    from n4c.needs.wards import ward_table
    from n4c.spreadsheets import write_frame_csv

    change = compare_left_behind_years(ward_table(2019, population=population), table)  # type: ignore[arg-type]
    csv = io.StringIO()
    write_frame_csv(change.table, csv)
    return {
        "published_2019": change.published_2019,
        "still_in": change.still_in,
        "found_2025": change.found_2025,
        "new": change.new,
        "csv": csv.getvalue(),
    }


def _compute(year: int, population: str, level: str) -> dict[str, Any]:
    from n4c.needs.wards import left_behind_listing
    from n4c.spreadsheets import write_frame_csv

    listing = left_behind_listing(year, population=population, level=level)  # type: ignore[arg-type]
    listed = listing.most_deprived(len(listing.table)).rename(
        columns={listing.code_column: "code", listing.name_column: "name"}
    )
    csv = io.StringIO()
    write_frame_csv(listing.table, csv)
    compared = year == 2025 and level == "ward"
    return {
        "year": year,
        "population": population,
        "level": level,
        "areas": listing.areas,
        "agreement": None if listing.agreement is None else asdict(listing.agreement),
        "csv": csv.getvalue(),
        "listing_columns": list(listed.columns),
        "listing": [[_plain(v) for v in row] for row in listed.itertuples(index=False, name=None)],
        "notes": _notes(year, level, listing.table),
        "comparison": _comparison(listing.table, "mid2015") if compared else None,
    }


def _result(body: dict[str, Any], *, from_cache: bool) -> LeftBehindResult:
    agreement, comparison = body["agreement"], body.get("comparison")
    return LeftBehindResult(
        year=int(body["year"]),
        population=str(body["population"]),
        areas=str(body["areas"]),
        agreement=None
        if agreement is None
        else LeftBehindAgreement(
            predicted=int(agreement["predicted"]),
            published=int(agreement["published"]),
            matched=int(agreement["matched"]),
            false_positives=tuple(agreement["false_positives"]),
            missed=tuple(agreement["missed"]),
        ),
        csv=str(body["csv"]),
        listing_columns=tuple(body["listing_columns"]),
        listing=tuple(tuple(row) for row in body["listing"]),
        from_cache=from_cache,
        level=str(body["level"]),
        notes=tuple(body["notes"]),
        comparison=None if comparison is None else LeftBehindComparison(**comparison),
    )


def find_left_behind(
    year: int = 2019,
    *,
    population: str = "mid2015",
    level: str | None = None,
    cached: bool = True,
) -> LeftBehindResult:
    """The 'left behind' areas of ``year``, compared with the published list.

    Parameters
    ----------
    year : {2019, 2025}
        2019: wards (IMD 2019 × CNI 2019); 2025: LSOA 2021 (IMD 2025 × CNI 2023), or 2024
        wards with ``level="ward"`` (n4c's own estimate, set beside the 2019 list).
    population : {"mid2015", "mid2017", "mid2019"}
        Population weights for the 2019 ward IMD scores (unused for 2025).
    level : {"ward", "lsoa"}, optional
        The year's default when omitted: wards for 2019, LSOAs for 2025.
    cached : bool
        Use the stored result when its inputs, parameters and code are unchanged; ``False``
        recomputes it (and stores the new result).

    Returns
    -------
    LeftBehindResult

    Raises
    ------
    InputError
        If the year, level or population year is not one n4c holds.
    DataMissingError
        If an input dataset is missing or fails its checksum, cached result or not.
    """
    if year not in LEFT_BEHIND_YEARS:
        raise InputError(
            f"{year} is not a year n4c can test; choose 2019 or 2025.", field="year", value=year
        )
    level = check_left_behind_level(year, level)
    inputs = list(_INPUTS[year])
    if year == 2019:
        if population not in _POPULATION_DATASETS:
            # Not a population year n4c holds: the rule itself says so, in its own words.
            return _result(_compute(year, population, level), from_cache=False)
        inputs.append(_POPULATION_DATASETS[population])
    else:
        population = "mid2015"
    kind = f"leftbehind-{year}-{population}"
    if level == "ward" and year == 2025:
        inputs = [*_WARD24_INPUTS, population_dataset_2025()]
        kind = "leftbehind-2025-ward24"
    body, from_cache = stored_result(
        kind,
        lambda: _compute(year, population, level),
        inputs={name: checksum(name) for name in inputs},
        code=_CODE,
        cached=cached,
    )
    return _result(body, from_cache=from_cache)
