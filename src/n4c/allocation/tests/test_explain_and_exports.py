"""Explanations in words, and the CSV, XLSX, JSON and chart exports."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from n4c.allocation import allocate, load_spec, parse_spec
from n4c.allocation.chart import compare_chart
from n4c.allocation.explain import explain_allocation, explain_area
from n4c.allocation.exports import write_csv, write_json, write_xlsx
from n4c.allocation.fairness import fairness_groups
from n4c.errors import InputError

from .conftest import FILES


@pytest.fixture
def good(five_areas):
    return allocate(load_spec(FILES / "good_fund.toml"), five_areas)


def test_explanation_walks_through_each_step(good) -> None:
    """Eligibility, the formula in words, the floor, rounding and the yearly split."""
    text = explain_area(good, "E05000002")
    assert text.startswith("Southgate (E05000002), population 6,000.")
    assert "30% of the pot by population and 70% by population times need weight" in text
    assert "Rounded to whole pounds (largest remainder)" in text
    assert "by year: year_1 £" in text


def test_explanation_says_why_an_area_gets_nothing(good) -> None:
    text = explain_area(good, "E05000004")
    assert "not eligible: IMD decile 7 is above the maximum 3." in text
    assert text.endswith("It receives nothing from this fund.")


def test_explanation_names_the_floor(five_areas) -> None:
    raw = {
        "fund": {"name": "x", "pot_gbp": 100_000},
        "formula": {"method": "per_capita", "floor_gbp": 15_000},
    }
    text = explain_area(allocate(parse_spec(raw), five_areas), "E05000005")
    assert "That is below the floor, so it was raised to £15,000." in text


def test_explaining_an_unknown_area_is_an_error(good) -> None:
    with pytest.raises(InputError, match='"E05999999" is not one of the 5 areas'):
        explain_area(good, "E05999999")


def test_csv_has_the_contract_columns(good, tmp_path: Path) -> None:
    frame = pd.read_csv(write_csv(good, tmp_path / "a.csv"))
    assert list(frame.columns) == [
        "area_code", "area_name", "eligible", "population", "capital", "revenue", "capacity", "total",
        "year_1", "year_2", "year_3", "year_4",
    ]  # fmt: skip
    assert frame["total"].sum() == 1_000_000


def test_xlsx_holds_allocation_fairness_measures_and_fund(good, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_xlsx(good, tmp_path / "a.xlsx"))
    assert book.sheetnames == ["allocation", "fairness", "measures", "fund", "rules"]
    sheet = book["allocation"]
    header = [cell.value for cell in sheet[1]]
    assert header[-1] == "explanation"
    totals = [row[header.index("total")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sum(totals) == 1_000_000


def test_the_workbook_is_ready_for_a_funder(five_areas, tmp_path: Path) -> None:
    councils = ["Blackpool", "Blackpool", "Leeds", "Leeds", "Hull"]
    fund = allocate(load_spec(FILES / "good_fund.toml"), five_areas.assign(lad19_name=councils))
    book = openpyxl.load_workbook(write_xlsx(fund, tmp_path / "a.xlsx"))
    sheet = book["allocation"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["area_code", "area_name", "council"]
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == councils
    total = sheet.cell(row=2, column=header.index("total") + 1)
    assert total.number_format == '"£"#,##0' and isinstance(total.value, int)
    assert sheet.cell(row=2, column=header.index("population") + 1).number_format == "#,##0"
    for name in book.sheetnames:
        assert book[name].freeze_panes == "A2"
        assert book[name].auto_filter.ref.startswith("A1:")
        assert book[name]["A1"].font.b
    assert sheet.column_dimensions["C"].width == len("Blackpool") + 2
    rules = {row[0]: row[1:] for row in book["rules"].iter_rows(min_row=2, values_only=True)}
    assert rules["Pot"][0] == 1_000_000
    assert book["rules"]["B2"].number_format == '"£"#,##0'
    assert {"Floor for each funded area", "Cap for each area", "IMD deciles"} <= set(rules)
    assert rules["Formula"][1] == fund.fund.formula.method


def test_json_holds_each_area_with_its_explanation(good, tmp_path: Path) -> None:
    document = json.loads(write_json(good, tmp_path / "a.json").read_text(encoding="utf-8"))
    assert document["fund"]["pot_gbp"] == 1_000_000
    assert len(document["areas"]) == 5
    first = document["areas"][0]
    assert sum(first["by_year_gbp"].values()) == first["total_gbp"]
    assert first["explanation"] == explain_allocation(good).iloc[0]
    assert [g["group"] for g in document["fairness"]["groups"]][:2] == [
        "imd_decile_1",
        "imd_decile_2",
    ]


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_chart_is_written_as_png_or_svg(good, tmp_path: Path, suffix: str, magic: bytes) -> None:
    report = fairness_groups(good.table["total"].to_numpy(), good.table)
    path = compare_chart({"A": report, "B": report}, tmp_path / f"chart{suffix}")
    assert path.read_bytes().startswith(magic)


def test_chart_refuses_other_formats(good, tmp_path: Path) -> None:
    report = fairness_groups(good.table["total"].to_numpy(), good.table)
    with pytest.raises(InputError, match="PNG or SVG"):
        compare_chart({"A": report}, tmp_path / "chart.pdf")
