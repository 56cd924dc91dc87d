"""GSS code shapes and IMD years live in one module, and every checker says the same thing."""

from __future__ import annotations

import pytest

from n4c.errors import InputError
from n4c.geography import CODE_SHAPES, EDITIONS, IMD_YEARS, check_year, code_shape, level_of


@pytest.mark.parametrize(
    ("code", "level"),
    [("E01000001", "lsoa"), ("W02000001", "msoa"), ("W05000001", "ward"), ("E09000001", "lad"),
     ("W06000001", "lad"), ("E12000001", "region"), ("E10000002", None)],
)  # fmt: skip
def test_a_code_s_prefix_names_its_level(code: str, level: str | None) -> None:
    assert level_of(code) == level


def test_shapes_match_exactly_and_england_only_drops_wales() -> None:
    ward = code_shape("ward")
    assert ward.matches("W05000001") and not ward.matches("E0500123")
    assert not ward.matches("e05000001") and not ward.matches(None)
    english = code_shape("ward", england_only=True)
    assert not english.matches("W05000001")
    assert english.rule == "an English ward code (expected E05 and 6 digits)"
    assert code_shape("lsoa").rule == "an LSOA code (expected E01 or W01 and 6 digits)"


def test_every_level_has_an_example_of_its_own_shape() -> None:
    for shape in CODE_SHAPES.values():
        assert shape.matches(shape.example), shape.level


def test_years_n4c_does_not_hold_are_refused_with_the_choice() -> None:
    assert IMD_YEARS == (2019, 2025)
    with pytest.raises(InputError) as refused:
        check_year(2017, field="--year")
    assert refused.value.message == "2017 is not an IMD year n4c holds; choose 2019 or 2025."
    assert refused.value.field == "--year"


def test_a_held_year_a_caller_cannot_use_yet_says_what_it_uses() -> None:
    with pytest.raises(InputError) as refused:
        check_year(2025, supported=(2019,), purpose="fund allocation")
    assert refused.value.message == (
        "2025 is not available yet for fund allocation, which uses IMD 2019 on LSOA 2011 "
        "(wards of December 2017); choose 2019."
    )


def test_the_2019_edition_s_wards_are_england_s_december_2017_wards() -> None:
    assert EDITIONS[2019].ward_hint == (
        "Enter English ward codes of December 2017 (E05 and 6 digits), like E05001234."
    )
    assert EDITIONS[2025].ward_codes is None
