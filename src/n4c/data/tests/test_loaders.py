"""Loaders reject bad input with the file, row and field, and accept the published files."""

from __future__ import annotations

from pathlib import Path

import pytest

from n4c.data import DATASETS, get_dataset, load, read_validated
from n4c.errors import InputError

FILES = Path(__file__).parent / "files"
LOOKUP = get_dataset("lookup_lsoa11_ward17")
POPULATION = get_dataset("population19_lsoa11")


def test_a_good_file_loads_with_typed_columns() -> None:
    frame = read_validated(FILES / "lookup_good.csv", LOOKUP)
    assert frame["ward17_code"].tolist() == ["E05009288", "E05009302"]


@pytest.mark.parametrize(
    ("filename", "dataset", "message"),
    [
        (
            "lookup_bad_ward_code.csv",
            LOOKUP,
            'lookup_bad_ward_code.csv, row 2, field "ward17_code": "E0500123" is not a ward code '
            "(expected E05 or W05 and 6 digits). Fetch the file again: n4c data fetch lookup_lsoa11_ward17",
        ),
        (
            "lookup_duplicate_lsoa.csv",
            LOOKUP,
            'lookup_duplicate_lsoa.csv, row 3, field "lsoa11_code": "E01000001" appears twice (first at row 1); '
            "each area must appear once.",
        ),
        ("lookup_missing_column.csv", LOOKUP, "the column 'ward17_code' is missing"),
        (
            "population_not_a_number.csv",
            POPULATION,
            'population_not_a_number.csv, row 2, field "total_population": "about 1200" is not a number.',
        ),
        ("population_blank.csv", POPULATION, "is blank, but this column needs a number"),
        ("population_fraction.csv", POPULATION, '"1296.5" is not a whole number'),
    ],
)
def test_bad_input_names_file_row_and_field(filename: str, dataset, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_validated(FILES / filename, dataset)
    assert message in str(caught.value)
    assert caught.value.path is not None and Path(caught.value.path).name == filename


def test_the_error_carries_its_parts() -> None:
    """The CLI, API and forms each show an error their own way, so its parts are attributes."""
    with pytest.raises(InputError) as caught:
        read_validated(FILES / "lookup_bad_ward_code.csv", LOOKUP)
    assert (caught.value.row, caught.value.field, caught.value.value) == (
        2,
        "ward17_code",
        "E0500123",
    )


def test_a_file_that_is_not_csv_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv.gz"
    path.write_bytes(b"\x1f\x8b\x08not really gzip")
    with pytest.raises(InputError, match="could not be read as a CSV file"):
        read_validated(path, LOOKUP)


@pytest.mark.parametrize(
    "name", [n for n, d in DATASETS.items() if d.kind == "csv" and not d.optional]
)
def test_every_published_csv_validates_with_its_declared_row_count(name: str) -> None:
    assert len(load(name)) == DATASETS[name].rows
