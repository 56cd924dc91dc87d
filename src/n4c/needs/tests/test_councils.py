"""Councils by code or name, in the edition matching the data's year, on the real lookups."""

from __future__ import annotations

import pandas as pd
import pytest

from n4c.errors import InputError
from n4c.needs.councils import (
    Council,
    council_columns,
    council_view,
    filter_by_council,
    filter_csv_by_council,
    list_councils,
    lsoa_councils,
    resolve_council,
    ward_councils,
)


def test_each_year_has_the_councils_of_its_own_edition() -> None:
    """IoD 2019 figures sit in 317 authorities of 2019, IoD 2025 ones in 296 of 2024."""
    assert len(list_councils(2019)) == 317
    assert len(list_councils(2025)) == 296
    assert "Aylesbury Vale" in set(list_councils(2019)["lad_name"])
    assert "Aylesbury Vale" not in set(list_councils(2025)["lad_name"])


@pytest.mark.parametrize(
    ("typed", "year", "code"),
    [
        ("E06000009", 2025, "E06000009"),
        ("e06000009", 2019, "E06000009"),
        ("blackpool", 2025, "E06000009"),
        ("  BLACKPOOL ", 2019, "E06000009"),
        ("St Helens", 2025, "E08000013"),
        ("Kings Lynn & West Norfolk", 2025, "E07000146"),
        ("City of Bristol", 2019, "E06000023"),
        ("Kingston upon Hull", 2025, "E06000010"),
        ("Southend on Sea", 2025, "E06000033"),
        ("Newcastle under Lyme", 2025, "E07000195"),
        ("Wigan Borough Council", 2019, "E08000010"),
        ("Cumbérland", 2025, "E06000063"),
    ],
)
def test_a_council_is_found_by_code_or_by_a_name_as_people_write_it(
    typed: str, year: int, code: str
) -> None:
    assert resolve_council(typed, year=year).code == code


def test_a_found_council_carries_its_ons_name_and_edition() -> None:
    assert resolve_council("bristol city of", year=2025) == Council(
        code="E06000023", name="Bristol, City of", edition=2024
    )


def test_an_unknown_name_is_refused_with_the_closest_councils() -> None:
    with pytest.raises(InputError) as caught:
        resolve_council("Blakpool", year=2025)
    assert str(caught.value) == (
        'field "--lad": "Blakpool" is not a 2024 local authority in England '
        "(IMD 2025 figures); the closest is Blackpool."
    )


def test_a_name_held_by_several_councils_lists_them_all() -> None:
    with pytest.raises(
        InputError, match="the closest are Newcastle-under-Lyme, Newcastle upon Tyne"
    ):
        resolve_council("Newcastle", year=2025)


def test_a_council_of_the_other_edition_says_which_year_it_belongs_to() -> None:
    """Aylesbury Vale joined Buckinghamshire in 2020: a 2019 council, not a 2024 one."""
    for typed in ("E07000004", "Aylesbury Vale"):
        with pytest.raises(InputError) as caught:
            resolve_council(typed, year=2025)
        assert "it is Aylesbury Vale (E07000004) in the 2019 edition" in str(caught.value)
        assert "used for IMD 2019 figures" in str(caught.value)
    assert resolve_council("Buckinghamshire", year=2025).code == "E06000060"


def test_an_unknown_code_and_a_year_without_councils_are_refused() -> None:
    with pytest.raises(InputError, match=r"the closest are .*\(E07000099\)"):
        resolve_council("E07000999", year=2025)
    with pytest.raises(InputError, match="Enter a council's code or name, like E06000009"):
        resolve_council(" , ", year=2025)
    with pytest.raises(InputError, match="2017 has no local authority edition in n4c"):
        resolve_council("Blackpool", year=2017)


def test_every_lsoa_and_ward_has_one_council() -> None:
    assert len(lsoa_councils(2019)) == 32_844 and len(lsoa_councils(2025)) == 33_755
    for year, wards in ((2019, 7_427), (2025, 6_784)):
        table = ward_councils(year)
        assert len(table) == wards and table["ward_code"].is_unique
        assert table["lad_code"].notna().all()


def test_council_columns_and_the_filter_keep_row_order_and_national_figures() -> None:
    frame = pd.DataFrame({"lsoa_code": ["E01012662", "E01000001", "E01012664"], "rank": [3, 1, 2]})
    added = council_columns(frame, year=2025, geography="lsoa", code_column="lsoa_code")
    assert added["lad_name"].tolist() == ["Blackpool", "City of London", "Blackpool"]
    blackpool = resolve_council("Blackpool", year=2025)
    kept = filter_by_council(added, blackpool)
    assert kept["rank"].tolist() == [3, 2]
    assert council_view(
        frame, year=2025, geography="lsoa", code_column="lsoa_code", council=None
    ).shape == (3, 4)
    with pytest.raises(InputError, match="has no lad_code column"):
        filter_by_council(frame, blackpool)


def test_a_stored_csv_keeps_the_councils_records_exactly_as_written() -> None:
    """Kept rows are the national file's own text: quotes, line breaks and signs untouched."""
    text = (
        'lad_code,rank_change,note\nE06000009,-5,"two\nlines"\nE06000001,3,\n'
        'E06000009,7,"a, ""quoted"" note"\n'
    )
    blackpool = Council(code="E06000009", name="Blackpool", edition=2024)
    kept, header, rows = filter_csv_by_council(text, blackpool)
    assert kept == (
        'lad_code,rank_change,note\nE06000009,-5,"two\nlines"\nE06000009,7,"a, ""quoted"" note"\n'
    )
    assert header == ["lad_code", "rank_change", "note"]
    assert [row[1] for row in rows] == ["-5", "7"]


def test_a_stored_csv_without_councils_is_refused() -> None:
    with pytest.raises(InputError, match="the table has no lad_code column"):
        filter_csv_by_council("ward_code\nE05000001\n", Council("E06000009", "Blackpool", 2024))
