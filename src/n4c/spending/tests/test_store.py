"""Importing the real 360Giving files: valid files import, broken ones are reported field by field."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import cast

import pytest

from n4c.errors import InputError
from n4c.spending import Geography, GrantStore, ImportCounts, import_grants, load_geography
from n4c.spending.reading import GrantFile, open_grant_file, open_json_part, split_json_package

FILES = Path(os.environ.get("N4C_DATA_MIRROR", "../shared/data")) / "360giving"
ALWF = FILES / "a003W000001B7PzQAK.json"
ABCT = FILES / "a001p00000zgyHZAAY.json"
BROKEN = FILES / "fundingproviders-grants_broken_grants.json"
MALFORMED = FILES / "fundingproviders-grants_malformed.json"
SPREADSHEET = FILES / "fundingproviders_grants_2_grants.csv"

pytestmark = pytest.mark.skipif(not FILES.is_dir(), reason="the 360Giving files are not mirrored")


@pytest.fixture(scope="module")
def geography() -> Geography:
    return load_geography()


def _import(path: Path, database: Path, geography: Geography) -> ImportCounts:
    (counts,) = import_grants([path], database=database, geography=geography)
    return counts


def test_the_two_published_files_import_every_grant(tmp_path: Path, geography: Geography) -> None:
    database = tmp_path / "grants.duckdb"
    alwf = _import(ALWF, database, geography)
    abct = _import(ABCT, database, geography)
    assert (alwf.read, alwf.stored, alwf.rejected) == (475, 475, 0)
    assert (abct.read, abct.stored, abct.rejected) == (783, 783, 0)
    # 151 regional and 5 London-borough beneficiary locations place 156 grants in England.
    assert (alwf.located, alwf.unlocated) == (156, 319)
    assert abct.located == 0 and abct.unlocated == 783
    assert (
        alwf.unlocated_reasons[
            '"K02000001" covers the UK or Great Britain; n4c maps England only and cannot tell what '
            "share reached England."
        ]
        == 37
    )
    with GrantStore(database, read_only=True) as store:
        assert store.grant_count() == 475 + 783


def test_importing_a_file_again_replaces_its_grants_instead_of_duplicating(
    tmp_path: Path, geography: Geography
) -> None:
    database = tmp_path / "grants.duckdb"
    _import(ALWF, database, geography)
    again = _import(ALWF, database, geography)
    assert again.replaced == 475
    with GrantStore(database, read_only=True) as store:
        assert store.grant_count() == 475
        row = store.connection.execute(
            "SELECT count(*), count(DISTINCT grant_id || '/' || position) FROM grant_locations"
        ).fetchall()[0]
    assert row is not None and row[0] == row[1]


def test_the_broken_file_is_reported_grant_by_grant_and_field_by_field(
    tmp_path: Path, geography: Geography
) -> None:
    counts = _import(BROKEN, tmp_path / "grants.duckdb", geography)
    assert (counts.read, counts.stored, counts.rejected) == (4, 2, 2)
    found = {(p.grant_index, p.field, p.severity): (p.value, p.message) for p in counts.problems}
    assert found[(1, "recipientOrganization/0/id", "error")] == (
        None,
        "an organisation's id is required by the 360Giving standard and is missing.",
    )
    assert found[(2, "fundingOrganization/0/id", "warning")][0] == "RUBBISH1-GB-CHC-000000"
    assert found[(2, "dateModified", "warning")][1] == (
        '"13-03-2015" is not a date; write it as YYYY-MM-DD, like 2019-04-01.'
    )
    assert found[(4, "id", "error")][1] == (
        "the id is already used by grant 3 of this file; grant ids must be unique, so this one "
        "was not stored."
    )
    assert all(p.grant_id for p in counts.problems)


def test_the_malformed_file_gets_a_clear_error_and_stores_nothing(
    tmp_path: Path, geography: Geography
) -> None:
    database = tmp_path / "grants.duckdb"
    _import(ALWF, database, geography)
    with pytest.raises(InputError) as caught:
        _import(MALFORMED, database, geography)
    message = str(caught.value)
    assert message.startswith("fundingproviders-grants_malformed.json: the file is not valid JSON")
    assert "Nothing from this file was stored." in message
    with GrantStore(database, read_only=True) as store:
        assert store.grant_count() == 475
        files = store.connection.execute("SELECT DISTINCT source_file FROM grants").fetchall()
    assert [Path(f).name for (f,) in files] == [ALWF.name]


def test_a_failure_late_in_a_file_rolls_back_the_batches_already_written(
    tmp_path: Path, geography: Geography, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One file is one transaction, even when it is bigger than a batch."""
    from n4c.spending import batches

    monkeypatch.setattr(batches, "BATCH_GRANTS", 100)
    text = ALWF.read_text(encoding="utf-8").rstrip().removesuffix("}").rstrip().removesuffix("]")
    broken = tmp_path / "cut.json"
    broken.write_text(text + ', {"id": }]}', encoding="utf-8")
    with pytest.raises(InputError, match=r"after 475 complete grants, near grant 476"):
        _import(broken, tmp_path / "grants.duckdb", geography)
    with GrantStore(tmp_path / "grants.duckdb", read_only=True) as store:
        assert store.grant_count() == 0


def test_the_spreadsheet_reads_by_column_title_and_names_columns_in_problems(
    tmp_path: Path, geography: Geography
) -> None:
    counts = _import(SPREADSHEET, tmp_path / "grants.duckdb", geography)
    assert (counts.read, counts.stored, counts.rejected) == (2, 1, 1)
    fields = {(p.grant_index, p.field, p.severity) for p in counts.problems}
    assert (1, "Recipient Org:Identifier", "error") in fields
    assert (2, "Award Date", "warning") in fields


def test_an_xlsx_with_the_standard_titles_imports_like_the_csv(
    tmp_path: Path, geography: Geography
) -> None:
    import csv

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    with SPREADSHEET.open(encoding="utf-8") as handle:
        for row in csv.reader(handle):
            sheet.append(row)
    path = tmp_path / "grants.xlsx"
    book.save(path)
    counts = _import(path, tmp_path / "grants.duckdb", geography)
    assert (counts.read, counts.stored, counts.rejected) == (2, 1, 1)


def test_a_file_of_another_kind_is_refused_with_what_to_give(
    tmp_path: Path, geography: Geography
) -> None:
    path = tmp_path / "grants.txt"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(InputError, match=r'grants.txt: ".txt" files are not 360Giving data'):
        _import(path, tmp_path / "grants.duckdb", geography)


def _package(path: Path, grants: list[dict]) -> Path:
    path.write_text(json.dumps({"grants": grants}, indent=4), encoding="utf-8")
    return path


def _alwf_grants() -> list[dict]:
    return json.loads(ALWF.read_text(encoding="utf-8"))["grants"]


def _with_repeats(tmp_path: Path) -> Path:
    """ALWF with its first five grants repeated at the end: the repeats must lose first-wins."""
    grants = _alwf_grants()
    return _package(tmp_path / "repeats.json", grants + grants[:5])


def _with_a_fake_boundary(tmp_path: Path) -> Path:
    """A nested list of objects keyed like grants ("id", "title"), just after the middle.

    Text in a string cannot look like a boundary (its quotes are escaped); this can.
    """
    grants = _alwf_grants()[:3]
    grants[1]["description"] = "x" * 40_000
    grants[1]["relatedGrants"] = [
        {"id": "360G-earlier-1", "title": "An earlier grant"},
        {"id": "360G-earlier-2", "title": "Another earlier grant"},
    ]
    grants[1]["notes"] = "y" * 40_000
    return _package(tmp_path / "fake-boundary.json", grants)


@pytest.mark.parametrize(
    "make", [lambda _: ALWF, lambda _: BROKEN, _with_repeats, _with_a_fake_boundary],
    ids=["alwf", "broken", "repeats", "fake-boundary"],
)  # fmt: skip
def test_two_checking_processes_store_exactly_what_one_does(
    tmp_path: Path, geography: Geography, make
) -> None:
    """Big files are checked by two processes; duplicates across them still resolve first-wins,
    and a split that proves wrong is read again whole."""
    path = make(tmp_path)
    results = []
    for parts in (1, 2):
        database = tmp_path / f"grants-{parts}.duckdb"
        (counts,) = import_grants([path], database=database, geography=geography, parts=parts)
        with GrantStore(database, read_only=True) as store:
            grants = store.connection.execute(
                "SELECT * EXCLUDE (source_file) FROM grants ORDER BY grant_id, amount_pence"
            ).fetchall()
            locations = store.connection.execute(
                "SELECT * FROM grant_locations ORDER BY grant_id, position"
            ).fetchall()
        problems = [(p.grant_index, p.field, p.message) for p in counts.problems]
        results.append((counts.summary(), grants, locations, problems))
    assert results[0] == results[1]


def _ids(grant_file: GrantFile) -> list[str]:
    return [cast(dict, grant)["id"] for _, grant in grant_file.grants]


def test_a_package_splits_at_a_grant_boundary_into_two_halves_that_read_as_the_whole() -> None:
    split = split_json_package(ALWF)
    assert split is not None
    whole = _ids(open_grant_file(ALWF))
    halves = [_ids(open_json_part(ALWF, split, part)) for part in (0, 1)]
    assert halves[0] and halves[1]
    assert halves[0] + halves[1] == whole


def test_a_fake_boundary_inside_text_is_proposed_and_then_refused_by_the_json(
    tmp_path: Path,
) -> None:
    path = _with_a_fake_boundary(tmp_path)
    split = split_json_package(path)
    assert split is not None
    with pytest.raises(InputError, match="not valid JSON"):
        list(open_json_part(path, split, 0).grants)


@pytest.mark.parametrize("where", ["start", "end"])
def test_broken_json_read_by_two_processes_is_reported_as_by_one(
    tmp_path: Path, geography: Geography, where: str
) -> None:
    text = json.dumps({"grants": _alwf_grants()}, indent=4)
    # A missing comma between two grants, early or late in the file.
    at = text.index("},\n        {", 10_000 if where == "start" else len(text) - 10_000)
    path = tmp_path / "broken.json"
    path.write_text(text[: at + 1] + text[at + 2 :], encoding="utf-8")
    messages = []
    for parts in (1, 2):
        database = tmp_path / f"grants-{parts}.duckdb"
        with pytest.raises(InputError) as raised:
            import_grants([path], database=database, geography=geography, parts=parts)
        messages.append(str(raised.value))
        with GrantStore(database, read_only=True) as store:
            assert store.grant_count() == 0
    assert "not valid JSON (after" in messages[0]
    assert messages[0] == messages[1]
