"""Change between IoD editions, as ``n4c needs change`` writes it: the table and its summary.

The rule lives in :mod:`n4c.needs.editions` (:func:`~n4c.needs.editions.compare_editions`):
ranks, not scores, compare across editions, and ``rank_change`` is the earlier rank minus the
later one, so a positive change means relatively more deprived in the later edition. This
module checks the request, and keeps each result in ``N4C_DATA_DIR/cache/results/`` under a
key made of every input dataset's checksum, the request, n4c's version and the source code
that computes it, as the 'left behind' result is kept: a second run reads one file and imports
no pandas. May import ``n4c.data``; never the platform.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from n4c.data.cache import stored_result
from n4c.data.registry import checksum, checksum_if_present
from n4c.errors import InputError

if TYPE_CHECKING:
    from n4c.needs.councils import Council

__all__ = [
    "CHANGE_LEVELS",
    "CHANGE_PAIRS",
    "ChangeLevel",
    "EditionChange",
    "check_change",
    "find_change",
]

ChangeLevel = Literal["lsoa", "ward", "lad"]
CHANGE_LEVELS: tuple[ChangeLevel, ...] = ("lsoa", "ward", "lad")
#: The (earlier, later) edition pairs n4c compares.
CHANGE_PAIRS: tuple[tuple[int, int], ...] = ((2015, 2019), (2015, 2025), (2019, 2025))

#: Every dataset the rule may read for each later edition (and the earlier one's own file).
_INPUTS = {
    2019: ("imd2019_population_denominators", "lookup_lsoa11_ward17", "cni2019_ward17"),
    2025: (
        "imd2019_population_denominators",
        "lookup_lsoa11_lsoa21",
        "lookup_lsoa21_ward24_lad24",
        "imd2025_lsoa21",
        "population21_lsoa21_census",
    ),
}
_EDITION_INPUTS = {
    2015: ("imd2015_lsoa11",),
    2019: ("imd2019_lsoa11", "imd2019_lsoa11_scores"),
    2025: (),
}
#: Used when present (the IoD 2025's own denominators), so its presence is part of the key.
_OPTIONAL_INPUTS = ("imd2025_population_denominators",)
_CODE = (
    "n4c.needs.change",
    "n4c.needs.editions",
    "n4c.needs.councils",
    "n4c.needs.wards",
    "n4c.needs.transform",
    "n4c.data.loaders",
    "n4c.data.registry",
    "n4c.data.cache",
    "n4c.spreadsheets",
)
_AREAS = {"lsoa": "LSOAs", "ward": "wards", "lad": "local authorities"}


def check_change(from_year: int, to_year: int, level: str) -> None:
    """Refuse a pair of editions or a level that n4c does not compare, in one sentence."""
    if (from_year, to_year) not in CHANGE_PAIRS:
        pairs = ", ".join(f"{a} to {b}" for a, b in CHANGE_PAIRS)
        raise InputError(
            f"n4c cannot compare IoD {from_year} with IoD {to_year}; choose one of {pairs} "
            "(the earlier edition first).",
            field="--from",
            value=from_year,
        )
    if level not in CHANGE_LEVELS:
        raise InputError(
            f'"{level}" is not a level n4c compares; choose one of {", ".join(CHANGE_LEVELS)}.',
            field="--level",
            value=level,
        )


@dataclass(frozen=True)
class EditionChange:
    """The change between two IoD editions, as written and summarised by ``n4c needs change``."""

    from_year: int
    to_year: int
    level: str
    #: what the rows are, in words ("LSOAs (2021)", "wards", "local authorities")
    areas: str
    rows: int
    #: rows with a rank in both editions
    compared: int
    #: LSOAs 2021 with an irregular change (ONS code X): no earlier value is estimated
    irregular: int
    to_a_more_deprived_decile: int
    to_a_less_deprived_decile: int
    #: which populations weighted each edition, by year (empty when none were needed)
    population_sources: dict[str, str]
    #: the whole table as CSV
    csv: str
    from_cache: bool = False
    #: the council whose rows these are (:meth:`for_council`); ``None`` for all of England
    council: Council | None = None

    def for_council(self, council: Council) -> EditionChange:
        """This change kept to ``council``'s rows (the later edition's councils), recounted.

        Ranks, deciles and their changes stay national; the counts cover the kept rows.
        Reads the stored national table, so the council needs no new computation.
        """
        from n4c.needs.councils import filter_csv_by_council

        text, header, rows = filter_csv_by_council(self.csv, council)
        cell = {name: at for at, name in enumerate(header)}

        # An area without a rank in both editions has blank changes: it moved neither way.
        deciles = [int(row[cell["decile_change"]] or 0) for row in rows]
        if "lsoas_not_converted" in cell:
            irregular = sum(int(row[cell["lsoas_not_converted"]] or 0) for row in rows)
        elif "change_code" in cell:
            irregular = sum(row[cell["change_code"]] == "X" for row in rows)
        else:
            irregular = 0
        return replace(
            self,
            rows=len(rows),
            compared=sum(row[cell["rank_change"]] != "" for row in rows),
            irregular=irregular,
            to_a_more_deprived_decile=sum(change > 0 for change in deciles),
            to_a_less_deprived_decile=sum(change < 0 for change in deciles),
            csv=text,
            council=council,
        )

    def write_csv(self, path: str | Path) -> None:
        """Write the table to ``path``, creating its folder."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.csv.encode("utf-8"))


def find_change(
    from_year: int, to_year: int, *, level: str = "lsoa", cached: bool = True
) -> EditionChange:
    """Each area's IMD rank and decile in two editions and the change, with its summary.

    Parameters
    ----------
    from_year, to_year : int
        The earlier and the later edition: 2015 → 2019, 2015 → 2025 or 2019 → 2025.
    level : {"lsoa", "ward", "lad"}
        LSOAs of the later edition, or its wards or local authorities.
    cached : bool
        Use the stored result when its inputs, request and code are unchanged; ``False``
        recomputes it (and stores the new result).

    Returns
    -------
    EditionChange

    Raises
    ------
    InputError
        If the pair of editions or the level is not one n4c compares.
    DataMissingError
        If an input dataset is missing or fails its checksum, cached result or not.
    """
    check_change(from_year, to_year, level)
    inputs = (*_EDITION_INPUTS[from_year], *_EDITION_INPUTS[to_year], *_INPUTS[to_year])
    kind = f"change-{from_year}-{to_year}-{level}"
    body, from_cache = stored_result(
        kind,
        lambda: _compute(from_year, to_year, level),
        inputs={
            **{name: checksum(name) for name in inputs},
            **{name: checksum_if_present(name) for name in _OPTIONAL_INPUTS},
        },
        code=_CODE,
        cached=cached,
    )
    return _result(body, from_cache=from_cache)


def _compute(from_year: int, to_year: int, level: str) -> dict[str, Any]:
    import io

    from n4c.needs.editions import compare_editions
    from n4c.spreadsheets import write_frame_csv

    comparison = compare_editions(from_year, to_year, level=level)
    table = comparison.table
    csv = io.StringIO()
    write_frame_csv(table, csv)
    areas = _AREAS[level] + (" (2021)" if level == "lsoa" and to_year == 2025 else "")
    return {
        "from_year": from_year,
        "to_year": to_year,
        "level": level,
        "areas": areas,
        "rows": len(table),
        "compared": comparison.compared,
        "irregular": comparison.irregular,
        "to_a_more_deprived_decile": int((table["decile_change"] > 0).sum()),
        "to_a_less_deprived_decile": int((table["decile_change"] < 0).sum()),
        "population_sources": {str(k): v for k, v in comparison.population_sources.items()},
        "csv": csv.getvalue(),
    }


def _result(body: dict[str, Any], *, from_cache: bool) -> EditionChange:
    return EditionChange(
        from_year=int(body["from_year"]),
        to_year=int(body["to_year"]),
        level=str(body["level"]),
        areas=str(body["areas"]),
        rows=int(body["rows"]),
        compared=int(body["compared"]),
        irregular=int(body["irregular"]),
        to_a_more_deprived_decile=int(body["to_a_more_deprived_decile"]),
        to_a_less_deprived_decile=int(body["to_a_less_deprived_decile"]),
        population_sources={str(k): str(v) for k, v in body["population_sources"].items()},
        csv=str(body["csv"]),
        from_cache=from_cache,
    )
