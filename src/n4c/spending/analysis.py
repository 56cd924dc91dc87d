"""Questions asked of the grants database: placed money by area, year and funder.

DuckDB sums the placed pence per area code (a few tens of thousands of rows, however many
grants); :func:`n4c.spending.fairshare.place_amounts` then shares them among LSOAs.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from n4c.errors import InputError
from n4c.spending.fairshare import (
    Concentration,
    Slice,
    by_decile,
    by_funder,
    by_year,
    concentration,
    fair_share,
    place_amounts,
)
from n4c.spending.geography import Geography
from n4c.spending.store import GrantStore

__all__ = ["Analysis", "analyse", "placed_by_area"]

_SLICES = {"all": None, "year": "year(g.award_date)", "funder": "g.funder_id"}


def placed_by_area(
    store: GrantStore,
    *,
    by: Slice = "all",
    award_years: tuple[int, int] | None = None,
    funder_id: str | None = None,
) -> pd.DataFrame:
    """Placed pence and grants per area code (and per year or funder when ``by`` says so)."""
    where = ["l.level IS NOT NULL"]
    parameters: list[object] = []
    if award_years is not None:
        where.append("year(g.award_date) BETWEEN ? AND ?")
        parameters.extend(award_years)
    if funder_id is not None:
        where.append("g.funder_id = ?")
        parameters.append(funder_id)
    expression = _SLICES[by]
    select = f"{expression} AS {by}, " if expression else ""
    group = f"{by}, " if expression else ""
    query = f"""
        SELECT {select}l.geo_code, CAST(sum(l.amount_pence) AS BIGINT) AS amount_pence,
               sum(l.grant_share) AS grants
        FROM grant_locations l JOIN grants g USING (grant_id)
        WHERE {" AND ".join(where)}
        GROUP BY {group}l.geo_code
    """
    return store.connection.execute(query, parameters).df()


@dataclass(frozen=True)
class Analysis:
    """Fair-share results for one selection of grants (all, some years, one funder)."""

    grants: int
    amount: float
    located_grants: int
    located_amount: float
    groups: pd.DataFrame
    deciles: pd.DataFrame
    concentration: Concentration
    years: pd.DataFrame
    funders: pd.DataFrame
    lsoa_amounts: pd.DataFrame


def analyse(
    store: GrantStore,
    geography: Geography,
    *,
    award_years: tuple[int, int] | None = None,
    funder_id: str | None = None,
    with_funders: bool = True,
) -> Analysis:
    """Per head by group, by IMD decile, by year and by funder; concentration and top shares.

    Raises
    ------
    InputError
        If no grants match the selection.
    """
    where = []
    parameters: list[object] = []
    if award_years is not None:
        where.append("year(award_date) BETWEEN ? AND ?")
        parameters.extend(award_years)
    if funder_id is not None:
        where.append("funder_id = ?")
        parameters.append(funder_id)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    row = store.connection.execute(
        f"""SELECT count(*), coalesce(sum(amount_pence), 0),
                   count(*) FILTER (WHERE unlocated_reason IS NULL),
                   coalesce(sum(amount_pence) FILTER (WHERE unlocated_reason IS NULL), 0)
            FROM grants {clause}""",
        parameters,
    ).fetchall()[0]
    assert row is not None
    if row[0] == 0:
        raise InputError(
            "no grants in the database match this selection.",
            hint="Import 360Giving files with `n4c spending import FILE...`, or widen the selection.",
        )
    lsoas = geography.lsoas
    placed = placed_by_area(store, award_years=award_years, funder_id=funder_id)
    lsoa_amounts = place_amounts(placed, geography)
    yearly = placed_by_area(store, by="year", award_years=award_years, funder_id=funder_id)
    years = by_year(place_amounts(yearly, geography, slice_column="year"), lsoas)
    funders = pd.DataFrame()
    if with_funders:
        totals = store.connection.execute(
            f"""SELECT funder_id, any_value(funder_name) AS funder_name, count(*) AS grants,
                       sum(amount_pence) / 100 AS amount
                FROM grants {clause} GROUP BY funder_id""",
            parameters,
        ).df()
        per_funder = placed_by_area(
            store, by="funder", award_years=award_years, funder_id=funder_id
        )
        funders = by_funder(per_funder, geography, totals)
    return Analysis(
        grants=int(row[0]),
        amount=int(row[1]) / 100,
        located_grants=int(row[2]),
        located_amount=int(row[3]) / 100,
        groups=fair_share(lsoa_amounts, lsoas),
        deciles=by_decile(lsoa_amounts, lsoas),
        concentration=concentration(lsoa_amounts, lsoas),
        years=years,
        funders=funders,
        lsoa_amounts=lsoa_amounts,
    )
