"""Every CSV and XLSX file n4c writes goes through `n4c.spreadsheets`, so a cell such as
`=HYPERLINK(...)` is shown as text in a spreadsheet, never run as a formula (OWASP's advice)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from n4c import rights
from n4c.cli.output import write_table
from n4c.errors import InputError
from n4c.spending.grants import Problem
from n4c.spending.problems import write_problems_csv
from n4c.spending.store import ImportCounts
from n4c.spreadsheets import write_xlsx

LINK = '=HYPERLINK("http://example.com","x")'
SAFE = "'" + LINK
SRC = Path(__file__).parents[1] / "src" / "n4c"


def _assets_csv(folder: Path) -> str:
    asset = rights.Asset(name=LINK, kind="physical", postcode="M1 1AE")
    with (folder / "out.csv").open("w", encoding="utf-8", newline="") as stream:
        rights.write_assets_csv([asset], stream)
    return (folder / "out.csv").read_text(encoding="utf-8")


def _register_export(folder: Path) -> str:
    return rights.assets_to_text([rights.Asset(name=LINK, kind="social", postcode="M1 1AE")])


def _rejections_csv(folder: Path) -> str:
    error = InputError("is not a UK postcode.", row=1, field="postcode", value=LINK)
    buffer = io.StringIO()
    rights.write_rejections_csv([rights.RejectedRow(1, (error,), {"postcode": LINK})], buffer)
    return buffer.getvalue()


def _problems_csv(folder: Path) -> str:
    problem = Problem(1, LINK, "amountAwarded", LINK, "is not a number.", "error")
    buffer = io.StringIO()
    write_problems_csv([ImportCounts(Path("grants.json"), problems=[problem])], buffer)
    return buffer.getvalue()


def _table_csv(folder: Path) -> str:
    write_table(pd.DataFrame({"area_name": [LINK], "total": [100]}), folder / "table.csv")
    return (folder / "table.csv").read_text(encoding="utf-8")


#: Each writer of a CSV file, named by the commands and pages that use it.
def _platform_export(file_format: str) -> bytes:
    from n4c.platform.core.exports import export_response

    table = pd.DataFrame({"name": [LINK], "amount_gbp": [-5]})
    return export_response({"t": table}, name="t", file_format=file_format).content


def _platform_csv(folder: Path) -> str:
    return _platform_export("csv").decode("utf-8")


CSV_WRITERS: dict[str, Callable[[Path], str]] = {
    "rights check-assets --out": _assets_csv,
    "platform register export (assets_to_text)": _register_export,
    "rights check-assets --rejected": _rejections_csv,
    "spending import --problems": _problems_csv,
    "allocate --out/--fairness/--scenarios, needs and spending --out": _table_csv,
    # Referrals, the monthly report, support histories and the rollout plan.
    "platform list downloads (core.exports)": _platform_csv,
}


@pytest.mark.parametrize("writer", sorted(CSV_WRITERS))
def test_each_csv_writer_neutralises_a_formula_cell(writer: str, tmp_path: Path) -> None:
    cells = [cell for row in csv.reader(io.StringIO(CSV_WRITERS[writer](tmp_path))) for cell in row]
    assert SAFE in cells
    assert LINK not in cells


def test_the_workbook_writer_stores_a_formula_cell_as_text(tmp_path: Path) -> None:
    """`allocate --xlsx` writes through this function."""
    path = write_xlsx({"allocation": pd.DataFrame({"area_name": [LINK]})}, tmp_path / "a.xlsx")
    cell = openpyxl.load_workbook(path)["allocation"]["A2"]
    assert (cell.value, cell.data_type) == (SAFE, "s")


def test_the_platform_downloads_store_a_formula_cell_as_text() -> None:
    """Referrals, the monthly report, support histories and the rollout download this way."""
    sheet = openpyxl.load_workbook(io.BytesIO(_platform_export("xlsx")))["t"]
    assert (sheet["A2"].value, sheet["A2"].data_type) == (SAFE, "s")
    assert sheet["B2"].value == -5


#: Writers of formats that are not spreadsheets, whose text must come back exactly as written.
NOT_SPREADSHEETS = {
    # Pabulib's .pb files are read by participatory budgeting tools; pabutools reads a
    # neutralised name as a different name, so a round trip would change the election.
    "panels/pabulib.py",
}


def test_no_module_writes_csv_or_xlsx_but_the_spreadsheets_module() -> None:
    """A new writer that bypassed the cell rules would need a case above; none may exist."""
    writing = re.compile(r"csv\.writer|DictWriter|\.to_csv\(|\.to_excel\(|Workbook\(")
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "tests" not in path.parts
        and path.name != "spreadsheets.py"
        and path.relative_to(SRC).as_posix() not in NOT_SPREADSHEETS
        and writing.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
