"""The cell rules every CSV and XLSX file of n4c follows: safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from n4c.spreadsheets import (
    FORMULA_TRIGGERS,
    neutralise_text,
    restore_text,
    write_frame_csv,
    write_xlsx,
)


@given(st.text())
def test_quoting_can_always_be_undone_exactly(text: str) -> None:
    assert restore_text(neutralise_text(text)) == text


@given(st.text())
def test_no_written_text_starts_like_a_formula(text: str) -> None:
    assert not neutralise_text(text).startswith(FORMULA_TRIGGERS)


def test_cells_follow_the_rules_by_type_not_by_look() -> None:
    frame = pd.DataFrame(
        {
            "name": ["=1+2", "-5 Street", "@SUM(A1)", "\tTab", "Moss Side", None],
            "amount": [-5, 0, 1, 2, 3, 4],
            "share": [0.5, np.nan, -0.25, 1.0, 0.0, 2.5],
            "left_behind": [True, False, True, False, True, False],
        }
    )
    buffer = io.StringIO()
    assert write_frame_csv(frame, buffer) == 6
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert rows[0] == ["name", "amount", "share", "left_behind"]
    assert [r[0] for r in rows[1:]] == [
        "'=1+2",
        "'-5 Street",
        "'@SUM(A1)",
        "'\tTab",
        "Moss Side",
        "",
    ]
    assert [r[1] for r in rows[1:]] == ["-5", "0", "1", "2", "3", "4"]
    assert [r[2] for r in rows[1:]] == ["0.5", "", "-0.25", "1.0", "0.0", "2.5"]
    assert {r[3] for r in rows[1:]} == {"true", "false"}
    assert "nan" not in buffer.getvalue().lower()


def test_a_workbook_never_stores_text_as_a_formula(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"name": ['=HYPERLINK("http://example.com")', "Ok\x07"], "amount": [-5, np.nan]}
    )
    path = write_xlsx({"areas": frame}, tmp_path / "areas.xlsx")
    sheet = openpyxl.load_workbook(path)["areas"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert [c.data_type for c in cells if c.data_type == "f"] == []
    assert sheet["A2"].value == '\'=HYPERLINK("http://example.com")'
    assert sheet["A3"].value == "Ok"
    assert (sheet["B2"].value, sheet["B2"].data_type) == (-5, "n")
    assert sheet["B3"].value is None
