"""A service's refusal lands on the field it names, or on the whole form when it names none."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from n4c.errors import InputError
from n4c.platform.core.forms import apply_service


class _PostcodeForm(forms.Form):
    postcode = forms.CharField()


def _refuse(error):
    def change(data):
        raise error

    return change


def test_a_field_error_from_the_service_is_shown_on_that_field() -> None:
    form = _PostcodeForm({"postcode": "ZZ1"})
    error = ValidationError({"postcode": "Enter a postcode, like SW1A 1AA."})
    assert apply_service(form, _refuse(error)) is None
    assert form.errors == {"postcode": ["Enter a postcode, like SW1A 1AA."]}


def test_an_error_on_a_field_the_form_lacks_is_shown_on_the_whole_form() -> None:
    form = _PostcodeForm({"postcode": "SW1A 1AA"})
    error = ValidationError({"region": "These wards are in another region."})
    assert apply_service(form, _refuse(error)) is None
    assert form.non_field_errors() == ["These wards are in another region."]


def test_an_input_error_is_shown_on_its_field_with_its_sentence() -> None:
    form = _PostcodeForm({"postcode": "ZZ1"})
    error = InputError('"ZZ1" is not a postcode.', field="postcode", hint="Check it.")
    assert apply_service(form, _refuse(error)) is None
    assert form.errors == {"postcode": ['"ZZ1" is not a postcode.']}


def test_a_valid_form_returns_what_the_service_made() -> None:
    form = _PostcodeForm({"postcode": "SW1A 1AA"})
    assert apply_service(form, lambda data: data["postcode"].lower()) == "sw1a 1aa"


def test_an_invalid_form_never_calls_the_service() -> None:
    form = _PostcodeForm({})
    assert apply_service(form, _refuse(AssertionError("called"))) is None
    assert "postcode" in form.errors
