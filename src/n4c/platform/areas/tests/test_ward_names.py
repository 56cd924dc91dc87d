"""The new-area form takes ward names as well as codes, and offers choices for a shared name."""

from __future__ import annotations

import pytest

from n4c.errors import InputError
from n4c.platform.areas.baseline import parse_wards
from n4c.platform.areas.forms import AreaCreateForm


def test_names_codes_and_a_name_with_its_council_become_codes() -> None:
    assert parse_wards("Bloomfield, e05000695\npark (READING)") == [
        "E05001645",
        "E05000695",
        "E05002328",
    ]


def test_a_name_several_wards_share_lists_them_to_choose_from() -> None:
    with pytest.raises(InputError) as raised:
        parse_wards("Park")
    message = raised.value.message
    assert message.startswith("“Park” could be more than one ward: Park (")
    assert "Enter the ward's code, or its name with its council in brackets" in message


def test_an_unknown_name_and_a_bad_code_are_refused_in_plain_words() -> None:
    with pytest.raises(InputError, match="No December 2017 ward is called “Nowhere Special”"):
        parse_wards("Nowhere Special")
    with pytest.raises(InputError, match="E01001234 is not"):
        parse_wards("E01001234")


@pytest.mark.django_db
def test_the_form_shows_the_choices_as_its_error() -> None:
    wards = {"name": "x", "geography": "ward17", "stage": "prospect"}
    form = AreaCreateForm(data={**wards, "codes": "Park"})
    assert not form.is_valid()
    assert "could be more than one ward" in form.errors["codes"][0]
    good = AreaCreateForm(data={**wards, "codes": "bloomfield"})
    assert good.is_valid(), good.errors
    assert good.cleaned_data["codes"] == ["E05001645"]


@pytest.mark.django_db
def test_names_are_for_2017_wards_other_geographies_take_codes() -> None:
    form = AreaCreateForm(
        data={"name": "x", "geography": "lsoa21", "codes": "Bloomfield", "stage": "prospect"}
    )
    assert not form.is_valid()
    assert "is not" in form.errors["codes"][0]
