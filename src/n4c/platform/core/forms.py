"""A service's refusal shown on the form that called it, on the field it names.

Services raise ``ValidationError`` (Django's, with a dict of fields when they can) or
``n4c.errors.InputError`` (with ``field``); a page calls the service through
:func:`apply_service` so the person sees the reason beside what they typed, and the API
answers the same sentence with the field's location (``n4c.platform.api``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError

from n4c.errors import InputError

__all__ = ["add_service_error", "apply_service", "as_validation_error"]

T = TypeVar("T")


def as_validation_error(error: InputError) -> ValidationError:
    """An ``InputError`` as Django's ``ValidationError`` on the same field."""
    return ValidationError({error.field or "__all__": error.message})


def add_service_error(form: forms.BaseForm, error: ValidationError | InputError) -> None:
    """Put each of ``error``'s messages on the form field it names, or on the whole form when
    it names no field of this form."""
    if isinstance(error, InputError):
        error = as_validation_error(error)
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def apply_service(form: forms.BaseForm, change: Callable[[dict[str, Any]], T]) -> T | None:
    """Run ``change`` with the form's cleaned data and return its result; None when the form or
    the service refused, with the service's reasons put on the form."""
    if not form.is_valid():
        return None
    try:
        return change(form.cleaned_data)
    except (ValidationError, InputError) as error:
        add_service_error(form, error)
        return None
