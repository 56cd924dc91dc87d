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
from n4c.spreadsheets import GBP, GBP_PENCE, WHOLE, write_frame_csv
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


def _rule_rows(allocation: Allocation) -> list[tuple[str, object, str]]:
    """The fund's rules for a funder to read: (rule, amount in pounds, setting)."""
    fund, formula, eligibility = (
        allocation.fund,
        allocation.fund.formula,
        allocation.fund.eligibility,
    )
    deciles = (eligibility.imd_decile_min, eligibility.imd_decile_max)
    sizes = (eligibility.population_min, eligibility.population_max)
    rows: list[tuple[str, object, str]] = [
        ("Pot", allocation.pot_gbp, ""),
        ("Floor for each funded area", formula.floor_gbp, ""),
        ("Cap for each area", formula.cap_gbp, "" if formula.cap_gbp else "No cap"),
        ("Smallest award worth making", formula.minimum_viable_gbp, ""),
        ("Formula", None, formula.method),
        ("Only 'left behind' areas", None, _yes_no(eligibility.left_behind)),
        ("IMD deciles", None, "{} to {}".format(*(d or "any" for d in deciles))),
        ("Population", None, "{} to {}".format(*(f"{n:,}" if n else "any" for n in sizes))),
        ("Areas left out", None, ", ".join(eligibility.exclude_codes)),
        ("Funded elsewhere", None, eligibility.funded_elsewhere_source),
        ("Most areas funded", None, str(eligibility.select_top or "no limit")),
        ("Source of the rules", None, fund.source),
    ]
    return rows


def _yes_no(value: bool | None) -> str:
    return "Not a rule" if value is None else ("Yes" if value else "No")


def write_xlsx(allocation: Allocation, path: str | Path) -> Path:
    """A workbook ready for a funder: the allocation (with each area's council and
    explanation), the fairness report, its measures, the fund and its rules; amounts in
    pounds, a frozen header row with a filter, and columns fitted to their values."""
    table = allocation.summary().copy()
    if "lad19_name" in allocation.table.columns:
        table.insert(2, "council", allocation.table["lad19_name"].to_numpy())
    table["explanation"] = explain_allocation(allocation).to_numpy()
    groups = fairness_groups(allocation.table["total"].to_numpy(), allocation.table)
    measures = fairness_measures(
        allocation.table["total"].to_numpy(), allocation.table
    ).T.reset_index()
    measures.columns = ["measure", "value"]
    fund = pd.DataFrame(_fund_rows(allocation), columns=["field", "value"])
    rules = pd.DataFrame(_rule_rows(allocation), columns=["rule", "amount_gbp", "setting"])
    pounds = ["capital", "revenue", "capacity", "total", "amount_gbp", *allocation.year_labels]
    formats = {column: GBP for column in pounds} | {"per_head": GBP_PENCE, "population": WHOLE}
    sheets = {"allocation": table, "fairness": groups, "measures": measures, "fund": fund}
    path = Path(path)
    write_workbook(sheets | {"rules": rules}, path, formats=formats, ready_to_read=True)
    return path


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
