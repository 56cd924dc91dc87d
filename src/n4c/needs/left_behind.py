"""The 'left behind' result n4c writes: the table, its agreement with the published list, the listing.

The rule lives in :mod:`n4c.needs.wards` (:func:`~n4c.needs.wards.ward_table` and
:func:`~n4c.needs.wards.left_behind_lsoa21`); this module shapes what they return into the
table ``n4c leftbehind`` writes, and keeps that result in ``N4C_DATA_DIR/cache/results/``
beside the dataset cache. Its key is made of every input dataset's registered checksum (each
source file checked against it first), the parameters, n4c's version and the source code of
the modules that compute it, so new data or changed code always recomputes. A second run
then reads one file and imports no pandas. ``cached=False`` recomputes and stores afresh.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import n4c
from n4c.data.cache import digest, read_result, source_digest, write_result
from n4c.data.registry import checksum
from n4c.errors import InputError

if TYPE_CHECKING:
    pass

__all__ = [
    "LEFT_BEHIND_YEARS",
    "LeftBehindAgreement",
    "LeftBehindResult",
    "check_ward_geojson",
    "find_left_behind",
]

LEFT_BEHIND_YEARS = (2019, 2025)

#: Every dataset the rule reads for each year (a test checks that nothing else is read).
_INPUTS = {
    2019: ("imd2019_lsoa11_scores", "lookup_lsoa11_ward17", "cni2019_ward17"),
    2025: ("imd2025_lsoa21", "cni2023_lsoa21"),
}
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
class LeftBehindResult:
    """The 'left behind' areas of one year, as written and listed by ``n4c leftbehind``."""

    year: int
    population: str
    #: what the rows are: "wards" (2019) or "LSOAs (2021)" (2025)
    areas: str
    agreement: LeftBehindAgreement
    #: the whole table as CSV, flags written ``true``/``false``
    csv: str
    listing_columns: tuple[str, ...]
    #: the left-behind areas, most deprived (lowest IMD rank) first
    listing: tuple[tuple[Any, ...], ...]
    from_cache: bool = False

    def write_csv(self, path: str | Path) -> None:
        """Write the table to ``path``, creating its folder."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.csv.encode("utf-8"))

    def write_ward_geojson(self, path: str | Path) -> int:
        """Write the left-behind wards' shapes (2019 only); return how many were written."""
        check_ward_geojson(self.year)
        from n4c.needs.boundaries import write_ward_geojson
        from n4c.needs.wards import left_behind_listing

        wards = left_behind_listing(2019, population=self.population).table  # type: ignore[arg-type]
        return write_ward_geojson(wards, path, only_left_behind=True)


def check_ward_geojson(year: int) -> None:
    """Ward shapes exist for 2019 only: say so before any file is written."""
    if year != 2019:
        raise InputError(
            "GeoJSON output is for ward shapes (2019); LSOA 2021 boundaries are not in the data.",
            field="geojson",
        )


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def _compute(year: int, population: str) -> dict[str, Any]:
    import io

    from n4c.needs.wards import left_behind_listing
    from n4c.spreadsheets import write_frame_csv

    listing = left_behind_listing(year, population=population)  # type: ignore[arg-type]
    listed = listing.most_deprived(len(listing.table)).rename(
        columns={listing.code_column: "code", listing.name_column: "name"}
    )
    csv = io.StringIO()
    write_frame_csv(listing.table, csv)
    return {
        "year": year,
        "population": population,
        "areas": listing.areas,
        "agreement": asdict(listing.agreement),
        "csv": csv.getvalue(),
        "listing_columns": list(listed.columns),
        "listing": [[_plain(v) for v in row] for row in listed.itertuples(index=False, name=None)],
    }


def _result(body: dict[str, Any], *, from_cache: bool) -> LeftBehindResult:
    agreement = body["agreement"]
    return LeftBehindResult(
        year=int(body["year"]),
        population=str(body["population"]),
        areas=str(body["areas"]),
        agreement=LeftBehindAgreement(
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
    )


def find_left_behind(
    year: int = 2019, *, population: str = "mid2015", cached: bool = True
) -> LeftBehindResult:
    """The 'left behind' areas of ``year``, compared with the published list.

    Parameters
    ----------
    year : {2019, 2025}
        2019: wards (IMD 2019 × CNI 2019); 2025: LSOA 2021 (IMD 2025 × CNI 2023).
    population : {"mid2015", "mid2017", "mid2019"}
        Population weights for the 2019 ward IMD scores (unused for 2025).
    cached : bool
        Use the stored result when its inputs, parameters and code are unchanged; ``False``
        recomputes it (and stores the new result).

    Returns
    -------
    LeftBehindResult

    Raises
    ------
    InputError
        If the year or the population year is not one n4c holds.
    DataMissingError
        If an input dataset is missing or fails its checksum, cached result or not.
    """
    if year not in LEFT_BEHIND_YEARS:
        raise InputError(
            f"{year} is not a year n4c can test; choose 2019 or 2025.", field="year", value=year
        )
    inputs = list(_INPUTS[year])
    if year == 2019:
        if population not in _POPULATION_DATASETS:
            # Not a population year n4c holds: the rule itself says so, in its own words.
            return _result(_compute(year, population), from_cache=False)
        inputs.append(_POPULATION_DATASETS[population])
    else:
        population = "mid2015"
    kind = f"leftbehind-{year}-{population}"
    key = digest(
        {
            "kind": kind,
            "inputs": {name: _checked(name) for name in inputs},
            "n4c": n4c.__version__,
            "code": source_digest(*_CODE),
        }
    )
    if cached:
        stored = read_result(kind, key)
        if stored is not None:
            return _result(stored, from_cache=True)
    body = _compute(year, population)
    write_result(kind, key, body)
    return _result(body, from_cache=False)


def _checked(name: str) -> str:
    """The checksum of dataset ``name`` after checking its file is present and matches it."""
    return checksum(name)
