"""`n4c spending` end to end: import the real 360Giving files, fair share, charts and reports."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

FILES = Path(os.environ.get("N4C_DATA_MIRROR", "../shared/data")) / "360giving"
ALWF = FILES / "a003W000001B7PzQAK.json"
ABCT = FILES / "a001p00000zgyHZAAY.json"
BROKEN = FILES / "fundingproviders-grants_broken_grants.json"
MALFORMED = FILES / "fundingproviders-grants_malformed.json"

pytestmark = pytest.mark.skipif(not FILES.is_dir(), reason="the 360Giving files are not mirrored")
Run = Callable[..., CompletedProcess[str]]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """``n4c`` with one private data folder into which the ALWF grants were imported once."""
    data = tmp_path_factory.mktemp("n4c-data")
    env = {**os.environ, "N4C_DATA_DIR": str(data), "COLUMNS": "200"}

    def run(*args: str, check: bool = True) -> CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "n4c", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"n4c {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    run("spending", "import", str(ALWF))
    return run


def test_import_prints_the_counts_for_each_file_and_in_total(run_n4c: Run) -> None:
    result = run_n4c("spending", "import", str(ALWF), str(ABCT))
    out = " ".join(result.stdout.split())
    assert (
        "a003W000001B7PzQAK.json: read 475, stored 475, rejected 0, located 156, unlocated 319"
        in out
    )
    assert (
        "a001p00000zgyHZAAY.json: read 783, stored 783, rejected 0, located 0, unlocated 783" in out
    )
    assert out.rstrip().endswith(
        "Imported 2 files: read 1,258 grants, stored 1,258, rejected 0, located 156, unlocated 1,102."
    )


def test_the_broken_file_is_reported_field_by_field_in_the_problems_csv(
    run_n4c: Run, tmp_path: Path
) -> None:
    problems = tmp_path / "problems.csv"
    result = run_n4c("spending", "import", str(BROKEN), "--problems", str(problems))
    out = " ".join(result.stdout.split())
    assert "read 4, stored 2, rejected 2" in out
    assert (
        'grant 1 (360G-fundingproviders-000001/X/00/X), field "recipientOrganization/0/id", '
        "error: an organisation's id is required by the 360Giving standard and is missing." in out
    )
    with problems.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["grant"], r["field"], r["severity"]) for r in rows} >= {
        ("1", "recipientOrganization/0/id", "error"),
        ("2", "fundingOrganization/0/id", "warning"),
        ("4", "id", "error"),
    }


def test_the_malformed_file_fails_clearly_and_stores_nothing(run_n4c: Run, tmp_path: Path) -> None:
    failed = run_n4c("spending", "import", str(MALFORMED), check=False)
    assert failed.returncode == 1
    error = " ".join(failed.stderr.split())
    assert "fundingproviders-grants_malformed.json: the file is not valid JSON" in error
    assert "Nothing from this file was stored." in error
    assert "Traceback" not in failed.stderr
    empty = run_n4c("spending", "fairshare", "--out", str(tmp_path / "f.csv"), check=False)
    assert empty.returncode == 1
    assert "no grants in the database match this selection" in " ".join(empty.stderr.split())


def test_fairshare_writes_the_contract_columns_and_groups(imported: Run, tmp_path: Path) -> None:
    out = tmp_path / "fairshare.csv"
    result = imported("spending", "fairshare", "--year", "2019", "--out", str(out))
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["group", "population", "grants", "amount", "per_head"]
    assert [r["group"] for r in rows] == [
        "left_behind",
        "other_deprived",
        "rest_of_england",
        "england",
    ]
    england = rows[-1]
    assert float(england["grants"]) == 156
    assert sum(float(r["amount"]) for r in rows[:3]) == pytest.approx(float(england["amount"]))
    assert sum(int(r["population"]) for r in rows[:3]) == int(england["population"])
    assert f"Wrote {out}" in " ".join(result.stdout.split())


def test_fairshare_refuses_a_deprivation_year_it_does_not_have(
    imported: Run, tmp_path: Path
) -> None:
    failed = imported(
        "spending", "fairshare", "--year", "2015", "--out", str(tmp_path / "f.csv"), check=False
    )
    assert failed.returncode == 1
    assert "2015 is not an IMD year n4c holds; choose 2019." in " ".join(failed.stderr.split())


def test_chart_writes_three_charts_as_png_and_svg(imported: Run, tmp_path: Path) -> None:
    imported("spending", "chart", "--out", str(tmp_path / "charts"))
    names = sorted(p.name for p in (tmp_path / "charts").iterdir())
    assert names == [
        "concentration_curve.png",
        "concentration_curve.svg",
        "left_behind_vs_other_deprived_by_year.png",
        "left_behind_vs_other_deprived_by_year.svg",
        "per_head_by_imd_decile.png",
        "per_head_by_imd_decile.svg",
    ]
    assert (tmp_path / "charts" / "per_head_by_imd_decile.png").read_bytes()[:4] == b"\x89PNG"


def test_reports_for_a_funder_and_an_area_are_single_html_pages(
    imported: Run, tmp_path: Path
) -> None:
    funder = tmp_path / "funder.html"
    imported("spending", "report", "--funder", "GB-CHC-1015648", "--out", str(funder))
    text = funder.read_text(encoding="utf-8")
    assert "<h1>Grants from Andrew Lloyd Webber Foundation</h1>" in text
    assert text.count("<svg") == 3
    area = tmp_path / "london.html"
    imported("spending", "report", "--area", "E12000007", "--out", str(area))
    assert "Grant money reaching" in area.read_text(encoding="utf-8")
    failed = imported("spending", "report", "--area", "S92000003", "--out", str(area), check=False)
    assert failed.returncode == 1
    assert '"S92000003" is outside England' in " ".join(failed.stderr.split())


def test_problems_dash_prints_only_the_problems_csv(run_n4c: Run) -> None:
    result = run_n4c("spending", "import", str(BROKEN), "--problems", "-")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["file", "grant", "grant_id", "field", "value", "severity", "message"]
    assert {r["file"] for r in rows} == {BROKEN.name}
    assert "Problems written to standard output." in " ".join(result.stderr.split())


def test_fairshare_without_money_in_england_shows_no_data_not_nan(run_n4c: Run) -> None:
    """The A B Charitable Trust's grants carry no English area codes, so nothing is placed."""
    run_n4c("spending", "import", str(ABCT))
    table = run_n4c("spending", "fairshare", "--funder", "GB-CHC-1000147", "--out", "-")
    assert "nan" not in (table.stdout + table.stderr).lower()
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert [r["per_head"] for r in rows] == ["0.0"] * 4
    words = " ".join(table.stderr.split())
    assert (
        "Concentration index: no data; it needs grant money placed in England, and this "
        "selection has none." in words
    )
    as_json = run_n4c(
        "spending", "fairshare", "--funder", "GB-CHC-1000147", "--out", os.devnull, "--json"
    )
    document = json.loads(as_json.stdout)
    assert document["located_grants"] == 0
    assert document["concentration"]["index"] is None
    assert [g["group"] for g in document["groups"]][-1] == "england"
