"""A one-page HTML report of grant money for one area or one funder.

The page is self-contained (charts inline as SVG) so it can be e-mailed or printed. No PDF:
no well-kept HTML-to-PDF library is among n4c's dependencies; print the page to PDF from a
browser instead.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import IO

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from n4c.errors import InputError
from n4c.spending.analysis import analyse, placed_by_area
from n4c.spending.charts import concentration_curve, groups_over_time, per_head_by_decile
from n4c.spending.fairshare import place_amounts
from n4c.spending.geography import Geography
from n4c.spending.store import GrantStore

__all__ = ["area_report", "funder_report"]

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; color: #0b0c0c; }
table { border-collapse: collapse; margin: 1rem 0; } th, td { padding: .25rem .6rem; }
th { text-align: left; border-bottom: 2px solid #0b0c0c; } td { border-bottom: 1px solid #b1b4b6; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } figure { display: inline-block; margin: 0; }
.charts svg { max-width: 28rem; height: auto; }
"""


def _svg(figure: plt.Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg")
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.find("<svg") :]


def _table(frame: pd.DataFrame, caption: str) -> str:
    head = "".join(f"<th scope='col'>{html.escape(str(c))}</th>" for c in frame.columns)
    body = []
    for row in frame.itertuples(index=False):
        cells = []
        for value in row:
            if isinstance(value, (float, np.floating)) and np.isnan(value):
                cells.append("<td class='n'>no data</td>")
            elif isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
                value, bool
            ):
                cells.append(
                    f"<td class='n'>{value:,.2f}</td>"
                    if isinstance(value, (float, np.floating))
                    else f"<td class='n'>{value:,}</td>"
                )
            else:
                cells.append(f"<td>{html.escape(str(value))}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _page(title: str, sections: list[str]) -> str:
    return (
        "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>{''.join(sections)}"
        "<p><small>Made by n4c from 360Giving data. Grants are placed by beneficiary location, "
        "else recipient location; a grant to a larger area is shared among its LSOAs by "
        "population (IoD 2019 mid-2015 denominators).</small></p></body></html>"
    )


def area_report(
    store: GrantStore, geography: Geography, code: str, out: Path | IO[str]
) -> Path | None:
    """Write the report for one area (LSOA, MSOA, ward, district, region): money reaching it.

    ``out`` is a file path (returned) or an open text stream (``None`` is returned).
    """
    rows = geography.lsoa_rows(code.strip().upper())
    if len(rows) == 0:
        _, reason = geography.place(code.strip().upper())
        raise InputError(
            reason or f'"{code}" has no LSOAs.',
            field="--area",
            value=code,
            hint="Give an English LSOA, MSOA, ward (2017), district (2019) or region code.",
        )
    code = code.strip().upper()
    lsoas = geography.lsoas
    inside = np.zeros(len(lsoas), dtype=bool)
    inside[rows] = True
    yearly = place_amounts(placed_by_area(store, by="year"), geography, slice_column="year")
    yearly = yearly[inside[yearly["lsoa_row"].to_numpy()]]
    people = int(lsoas["population"].to_numpy()[rows].sum())
    placed = store.connection.execute(
        "SELECT coalesce(sum(amount_pence), 0) FROM grant_locations WHERE level IS NOT NULL"
    ).fetchall()[0]
    amount = int(yearly["amount_pence"].sum()) / 100
    england = (int(placed[0]) if placed else 0) / 100 / max(int(lsoas["population"].sum()), 1)
    summary = pd.DataFrame(
        {
            "measure": ["People (mid-2015)", "LSOAs", "Grant money placed here (£)",
                        "Grants placed here (shares)", "£ per head here", "£ per head, England"],
            "value": [f"{people:,}", f"{len(rows):,}", f"{amount:,.2f}",
                      f"{yearly['grants'].sum():,.2f}", f"{amount / max(people, 1):,.2f}",
                      f"{england:,.2f}"],
        }
    )  # fmt: skip
    per_year = yearly.groupby("year", as_index=False).agg(
        amount_pence=("amount_pence", "sum"), grants=("grants", "sum")
    )
    per_year["amount"] = per_year.pop("amount_pence") / 100
    per_year["per_head"] = per_year["amount"] / max(people, 1)
    per_year["year"] = per_year["year"].astype(str)
    name = _area_name(lsoas, rows, code)
    funders, grants = _money_reaching(store, geography, rows)
    sections = [
        _table(summary, f"Grant money reaching {name} ({code})"),
        _table(per_year.round(2), "By award year"),
        _table(
            funders, "Funders whose money reaches the area (shares of area-wide grants included)"
        ),
        _table(grants, "The 20 grants putting most money into the area"),
    ]
    return _save(_page(f"Grant money in {name}", sections), out)


def _money_reaching(
    store: GrantStore, geography: Geography, rows: np.ndarray
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Top funders and grants for an area; a wider area's grant counts by its people's share."""
    inside = np.zeros(len(geography.lsoas), dtype=bool)
    inside[rows] = True
    areas = np.repeat(np.arange(len(geography.area_codes)), np.diff(geography.offsets))
    people = geography.population[geography.members].astype(float)
    total = np.bincount(areas, weights=people, minlength=len(geography.area_codes))
    within = np.bincount(
        areas, weights=people * inside[geography.members], minlength=len(geography.area_codes)
    )
    keep = within > 0
    overlaps = pd.DataFrame(
        {"geo_code": geography.area_codes[keep], "fraction": within[keep] / total[keep]}
    )
    con = store.connection
    con.register("area_overlaps", overlaps)
    try:
        funders = con.execute(
            """SELECT any_value(g.funder_name) AS funder, g.funder_id AS "org id",
                      round(sum(l.grant_share * o.fraction), 2) AS grants,
                      round(sum(l.amount_pence * o.fraction) / 100, 2) AS "£ here"
               FROM grant_locations l JOIN area_overlaps o USING (geo_code)
               JOIN grants g USING (grant_id)
               GROUP BY g.funder_id ORDER BY "£ here" DESC LIMIT 10"""
        ).df()
        grants = con.execute(
            """SELECT g.grant_id AS grant, g.title, g.funder_name AS funder,
                      g.recipient_name AS recipient, CAST(g.award_date AS VARCHAR) AS awarded,
                      g.amount_pence / 100 AS "£ awarded",
                      round(sum(l.amount_pence * o.fraction) / 100, 2) AS "£ here",
                      string_agg(l.geo_code, ' ') AS "placed at"
               FROM grant_locations l JOIN area_overlaps o USING (geo_code)
               JOIN grants g USING (grant_id)
               GROUP BY ALL ORDER BY "£ here" DESC, grant LIMIT 20"""
        ).df()
    finally:
        con.unregister("area_overlaps")
    return funders, grants


def _area_name(lsoas: pd.DataFrame, rows: np.ndarray, code: str) -> str:
    for column, name in (("lsoa11_code", "lsoa11_name"), ("lad19_code", "lad19_name")):
        match = lsoas.iloc[rows]
        if (match[column] == code).all() and name in lsoas.columns:
            return str(match[name].iloc[0])
    return code


def funder_report(
    store: GrantStore, geography: Geography, funder_id: str, out: Path | IO[str]
) -> Path | None:
    """Write the report for one funder: its fair share by group and decile, over time.

    ``out`` is a file path (returned) or an open text stream (``None`` is returned).
    """
    result = analyse(store, geography, funder_id=funder_id.strip(), with_funders=True)
    funder = result.funders.iloc[0]
    summary = pd.DataFrame(
        {
            "measure": ["Grants", "Amount awarded (£)", "Grants placed in England",
                        "Amount placed in England (£)", "Concentration index (negative = to deprived areas)",
                        "Share to the most deprived 10% of LSOAs", "Share to the most deprived 20% of LSOAs"],
            "value": [f"{result.grants:,}", f"{result.amount:,.2f}", f"{result.located_grants:,}",
                      f"{result.located_amount:,.2f}",
                      "no data (no grant money placed in England)" if np.isnan(result.concentration.index) else f"{result.concentration.index:+.3f}",
                      _share(result.concentration.share_most_deprived_10, result.concentration.population_most_deprived_10),
                      _share(result.concentration.share_most_deprived_20, result.concentration.population_most_deprived_20)],
        }
    )  # fmt: skip
    charts = "".join(
        f"<figure>{_svg(figure)}</figure>"
        for figure in (
            per_head_by_decile(result.deciles),
            concentration_curve(result.concentration),
            groups_over_time(result.years),
        )
    )
    sections = [
        _table(summary, str(funder["funder_name"])),
        _table(result.groups, "Per head by group (£)"),
        _table(result.deciles, "Per head by IMD 2019 decile (£)"),
        f"<div class='charts'>{charts}</div>",
    ]
    return _save(_page(f"Grants from {funder['funder_name']}", sections), out)


def _save(text: str, out: Path | IO[str]) -> Path | None:
    if isinstance(out, str | Path):
        Path(out).write_text(text, encoding="utf-8")
        return Path(out)
    out.write(text)
    return None


def _share(share: float, people: float) -> str:
    # No money placed in England: there is no share to show.
    return (
        "no data (no grant money placed in England)"
        if np.isnan(share)
        else f"{share:.1%} (people {people:.1%})"
    )
