"""Exports: an allocation (and its fairness report) as CSV, XLSX or JSON.

CSV and XLSX follow n4c's cell rules (:mod:`n4c.spreadsheets`): ``true``/``false``, empty
cells for missing values and text that a spreadsheet would run as a formula neutralised.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from n4c.allocation.allocations import Allocation
from n4c.allocation.explain import explain_allocation
from n4c.allocation.fairness import fairness_groups, fairness_measures
from n4c.spreadsheets import write_frame_csv
from n4c.spreadsheets import write_xlsx as write_workbook

__all__ = ["allocation_document", "write_csv", "write_json", "write_xlsx"]


def _fund_rows(allocation: Allocation) -> list[tuple[str, object]]:
    fund = allocation.fund
    rows: list[tuple[str, object]] = [
        ("name", fund.name),
        ("source", fund.source),
        ("level", fund.level),
        ("pot_gbp", allocation.pot_gbp),
        ("main_pot_gbp", allocation.main_pot_gbp),
        ("capacity_pot_gbp", allocation.capacity_pot_gbp),
        ("years", ", ".join(fund.year_labels)),
        ("profile_percent", ", ".join(f"{p:g}" for p in fund.profile_percent)),
        ("capital_percent", ", ".join(f"{p:g}" for p in fund.capital_percent)),
        ("formula", fund.formula.method),
        ("areas_funded", int((allocation.table["total"] > 0).sum())),
    ]
    rows += [(f"pooled: {name}", amount) for name, amount in fund.pooled]
    return rows


def write_csv(allocation: Allocation, path: str | Path) -> Path:
    """The per-area table (contract columns) as CSV."""
    path = Path(path)
    write_frame_csv(allocation.summary(), path)
    return path


def write_xlsx(allocation: Allocation, path: str | Path) -> Path:
    """A workbook: the allocation with explanations, the fairness report and the fund."""
    table = allocation.summary().copy()
    table["explanation"] = explain_allocation(allocation).to_numpy()
    groups = fairness_groups(allocation.table["total"].to_numpy(), allocation.table)
    measures = fairness_measures(
        allocation.table["total"].to_numpy(), allocation.table
    ).T.reset_index()
    measures.columns = ["measure", "value"]
    fund = pd.DataFrame(_fund_rows(allocation), columns=["field", "value"])
    return write_workbook(
        {"allocation": table, "fairness": groups, "measures": measures, "fund": fund}, path
    )


def allocation_document(allocation: Allocation) -> dict[str, object]:
    """The allocation as plain JSON-ready data: fund, areas with explanations, fairness."""
    table = allocation.summary()
    explanations = explain_allocation(allocation)
    areas = []
    for record, explanation in zip(table.to_dict(orient="records"), explanations, strict=True):
        areas.append(
            {
                "area_code": record["area_code"],
                "area_name": record["area_name"],
                "eligible": bool(record["eligible"]),
                "population": int(record["population"]),
                "capital_gbp": int(record["capital"]),
                "revenue_gbp": int(record["revenue"]),
                "capacity_gbp": int(record["capacity"]),
                "total_gbp": int(record["total"]),
                "by_year_gbp": {label: int(record[label]) for label in allocation.year_labels},
                "explanation": explanation,
            }
        )
    totals = allocation.table["total"].to_numpy()
    measures = fairness_measures(totals, allocation.table).iloc[0]
    return {
        "fund": dict(_fund_rows(allocation)),
        "areas": areas,
        "fairness": {
            "groups": fairness_groups(totals, allocation.table).to_dict(orient="records"),
            "measures": {k: (None if pd.isna(v) else float(v)) for k, v in measures.items()},
        },
    }


def write_json(allocation: Allocation, path: str | Path) -> Path:
    """The allocation document (:func:`allocation_document`) as JSON."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(allocation_document(allocation), indent=1, default=_plain), encoding="utf-8"
    )
    return path


def _plain(value: object) -> object:
    # numpy and pandas scalars that the json module does not know.
    if hasattr(value, "item"):
        return value.item()  # type: ignore[no-any-return]
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
