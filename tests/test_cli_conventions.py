"""Conventions every `n4c` command keeps: quick help, --version, `--out -`, --json, safe CSV and XLSX."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import openpyxl
import pytest

HEAVY = ("pandas", "numpy", "django", "matplotlib", "scipy", "shapely", "duckdb")

# Walks every command and asks for its help in one process, then reports what got imported.
_EVERY_HELP = """
import json, sys
import typer
from n4c.cli import app

def walk(command, path):
    yield path
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from walk(sub, [*path, name])

root = typer.main.get_command(app)
helped = []
for path in walk(root, []):
    if path == ["platform", "manage"]:
        continue  # passes every argument, --help too, to Django's own manage.py
    try:
        root.main(args=[*path, "--help"], prog_name="n4c", standalone_mode=False)
    except SystemExit:
        pass
    helped.append(" ".join(path))
heavy = sorted(m for m in sys.modules if m.split(".")[0] in %r)
print(json.dumps({"helped": helped, "heavy": heavy}))
"""

AREAS = (
    "neighbourhood_code,neighbourhood_name,lsoa11_code\n"
    'N1,"=HYPERLINK(""http://example.com"",""x"")",E01000001\n'
    "N2,-5 Street,E01000002\n"
    "N3,@SUM(A1),E01000003\n"
    "N4,Moss Side,E01005200\n"
)
FUND = """
[fund]
name = "=1+2 fund"
level = "custom"
custom_areas = "areas.csv"
pot_gbp = 40_000
years = 1

[formula]
method = "equal"
"""


def test_help_of_every_command_imports_no_heavy_library() -> None:
    """`n4c … --help` stays quick because nothing heavy is imported before a command runs."""
    result = subprocess.run(
        [sys.executable, "-c", _EVERY_HELP % (HEAVY,)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"allocate", "spending fairshare", "needs sensitivity", "serve"} <= set(report["helped"])
    assert report["heavy"] == []


def test_the_sensitivity_default_shown_in_help_is_the_librarys() -> None:
    from n4c.cli.needs_measures import CONCENTRATION
    from n4c.needs.sensitivity import DEFAULT_CONCENTRATION

    assert CONCENTRATION == DEFAULT_CONCENTRATION


def test_version_prints_the_installed_version(run_n4c) -> None:
    assert run_n4c("--version").stdout == f"n4c {version('n4c')}\n"


def test_out_dash_writes_the_csv_to_standard_output_and_nothing_else(run_n4c) -> None:
    result = run_n4c("needs", "summarise", "--level", "lad", "--out", "-")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 317
    assert list(rows[0])[:2] == ["area_code", "average_score"]
    assert "Wrote the table to standard output." in " ".join(result.stderr.split())
    assert not (Path.cwd() / "-").exists()


def test_two_data_outputs_on_standard_output_are_refused(run_n4c) -> None:
    result = run_n4c(
        "rights", "check-assets", "x.csv", "--out", "-", "--rejected", "-", check=False
    )
    assert result.returncode == 1
    assert (
        'field "--rejected": --out and --rejected would both print to standard output; send all '
        "but one to a file." in " ".join(result.stderr.split())
    )


def test_a_spec_error_keeps_bracketed_words(run_n4c, tmp_path: Path) -> None:
    """Text in square brackets is printed as it is, never read as terminal markup."""
    spec = tmp_path / "bad.toml"
    spec.write_text('[fund]\nname = "x"\nlevel = "[bold]ward[/bold]"\n', encoding="utf-8")
    result = run_n4c("allocate", str(spec), check=False)
    assert result.returncode == 1
    assert (
        'bad.toml, field "fund.level": "[bold]ward[/bold]" is not allowed; choose one of ward, '
        "lsoa, custom." in " ".join(result.stderr.split())
    )


@pytest.fixture(scope="module")
def allocated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """One allocation of a fund over four neighbourhoods with formula-like names."""
    folder = tmp_path_factory.mktemp("allocate")
    (folder / "areas.csv").write_text(AREAS, encoding="utf-8")
    (folder / "fund.toml").write_text(FUND, encoding="utf-8")
    env = {**os.environ, "N4C_DATA_DIR": str(folder / "n4c-data"), "COLUMNS": "200"}
    result = subprocess.run(
        [sys.executable, "-m", "n4c", "allocate", str(folder / "fund.toml"), "--out", "-",
         "--xlsx", str(folder / "fund.xlsx"), "--fairness", str(folder / "fairness.csv"),
         "--scenarios", str(folder / "scenarios.csv"), "--json", str(folder / "fund.json")],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return {"result": result, "folder": folder}


def test_allocate_csv_neutralises_formula_text_and_keeps_numbers(allocated) -> None:
    result = allocated["result"]
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:4] == ["area_code", "area_name", "eligible", "population"]
    names = {row[0]: row[1] for row in rows[1:]}
    assert names == {
        "N1": '\'=HYPERLINK("http://example.com","x")',
        "N2": "'-5 Street",
        "N3": "'@SUM(A1)",
        "N4": "Moss Side",
    }
    assert {row[2] for row in rows[1:]} == {"true"}
    assert all(row[3].isdigit() for row in rows[1:])
    assert "Allocated £40,000 of =1+2 fund to 4 of 4 neighbourhoods" in " ".join(
        result.stderr.split()
    )


def test_allocate_xlsx_holds_no_formula_and_numbers_as_numbers(allocated) -> None:
    book = openpyxl.load_workbook(allocated["folder"] / "fund.xlsx")
    assert book.sheetnames == ["allocation", "fairness", "measures", "fund", "rules"]
    formulas = [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []
    sheet = book["allocation"]
    assert sheet["B2"].value == '\'=HYPERLINK("http://example.com","x")'
    assert sheet["B3"].value == "'-5 Street"
    assert sheet["D2"].value == 1296 and sheet["D2"].data_type == "n"
    assert sheet["C2"].value is True
    fund = {row[0].value: row[1].value for row in book["fund"].iter_rows(min_row=2)}
    assert fund["name"] == "'=1+2 fund"


def test_allocate_fairness_shows_no_data_with_its_reason_never_nan(allocated) -> None:
    result = allocated["result"]
    words = " ".join(result.stderr.split())
    assert "no data" in words
    assert "no data: a per-head figure needs people in the group" in words
    for text in (result.stdout, result.stderr):
        assert "nan" not in text.lower().replace("finance", "")
    folder = allocated["folder"]
    for name in ("fairness.csv", "scenarios.csv"):
        assert "nan" not in (folder / name).read_text(encoding="utf-8").lower()
    scenarios = list(csv.DictReader((folder / "scenarios.csv").open(encoding="utf-8")))
    assert scenarios[0]["scenario"] == "'=1+2 fund"
    assert scenarios[0]["per_head_left_behind"] == ""
    document = json.loads((folder / "fund.json").read_text(encoding="utf-8"))
    assert document["fund"]["name"] == "=1+2 fund"
    assert document["fairness"]["measures"]["per_head_left_behind"] is None


def test_allocate_json_dash_prints_the_document(run_n4c, tmp_path: Path) -> None:
    (tmp_path / "areas.csv").write_text(AREAS, encoding="utf-8")
    (tmp_path / "fund.toml").write_text(FUND, encoding="utf-8")
    result = run_n4c("allocate", str(tmp_path / "fund.toml"), "--json", "-")
    document = json.loads(result.stdout)
    assert [area["total_gbp"] for area in document["areas"]] == [10_000] * 4


def test_rollout_json_cites_the_published_report(run_n4c) -> None:
    document = json.loads(run_n4c("rollout", "--json").stdout)
    assert document["estimate"].startswith("The Network for Communities report:")
    assert "about £3.5m a year" in document["estimate"]


def test_data_list_json_names_every_dataset(run_n4c) -> None:
    result = run_n4c("data", "list", "--json")
    datasets = json.loads(result.stdout)
    assert {
        "imd2019_lsoa11",
        "lookup_lsoa11_ward17",
        "lookup_lsoa21_ward24_lad24",
        "lookup_lsoa11_lsoa21",
        "population21_lsoa21_census",
        "boundaries_lsoa21",
        "imd2025_population_denominators",
    } <= {d["name"] for d in datasets}
    assert all(isinstance(d["available"], bool) for d in datasets)
    assert "datasets available." in result.stderr


def test_a_chart_or_workbook_cannot_go_to_standard_output(run_n4c) -> None:
    result = run_n4c("allocate", "--preset", "big_local", "--xlsx", "-", check=False)
    assert result.returncode == 1
    assert 'field "--xlsx": this output is a file (or a folder of files), not text' in " ".join(
        result.stderr.split()
    )
    assert not (Path.cwd() / "-").exists()
