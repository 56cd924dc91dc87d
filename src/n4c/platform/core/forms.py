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
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from n4c.errors import InputError

__all__ = [
    "PERMISSION_DENIED",
    "PlainErrorMessages",
    "PlainForm",
    "PlainModelForm",
    "add_service_error",
    "apply_service",
    "as_validation_error",
    "form_status",
    "plain_error_messages",
]

T = TypeVar("T")


#: The code of a form error that refuses what the person may not do (the page answers 403).
PERMISSION_DENIED = "permission_denied"


def form_status(form: forms.BaseForm) -> int:
    """The status a form page answers: 403 when the form refused for permission (keeping what
    was typed, with the reason on its field), 400 for other errors, else 200."""
    if not form.errors:
        return 200
    refused = any(
        error.code == PERMISSION_DENIED
        for errors in form.errors.as_data().values()
        for error in errors
    )
    return 403 if refused else 400


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
            if field in form.fields:
                form.add_error(field, [_as_field_says(form.fields[field], e) for e in errors])
            else:
                form.add_error(None, errors)
    elif (field := _unique_field(error)) in form.fields:
        form.add_error(field, _as_field_says(form.fields[field], error))
    else:
        form.add_error(None, error)


def _unique_field(error: ValidationError) -> str | None:
    """The one field a model's uniqueness refusal is about, if it is about one."""
    check = (getattr(error, "params", None) or {}).get("unique_check", ())
    return check[0] if getattr(error, "code", None) == "unique" and len(check) == 1 else None


def _as_field_says(field: forms.Field, error: ValidationError) -> ValidationError:
    """A model's own message (``Partner with this Name already exists.``) in the field's words,
    as a ModelForm does for the errors of its own validation."""
    if error.code in field.error_messages:
        return ValidationError(field.error_messages[error.code], error.code, error.params)
    return error


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


# Django's own messages ("Enter a valid date.", "Ensure that there are no more than 1 decimal
# place.") name no field and read like a machine. Each code below gets a GOV.UK-style sentence
# that names the field by its label; model-level validators raise the same codes, and a
# ModelForm puts its field's message on them too (``BaseModelForm._update_errors``).
# Django fills these codes' messages with %-parameters, so a "%" in their label is doubled.
_PARAMETERISED = frozenset(
    {
        "min_value",
        "max_value",
        "step_size",
        "max_length",
        "min_length",
        "max_digits",
        "max_decimal_places",
        "max_whole_digits",
        "invalid_choice",
        "invalid_pk_value",
        "unique",
    }
)


# Django's own parameters, left in for it to fill.
_KEEP = {name: f"%({name})s" for name in ("limit_value", "max", "value", "pk")}


def _in_sentence(label: str) -> str:
    """``Days`` as it reads inside a sentence (``days``); ``LSOA code`` keeps its capitals."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _decimal_places(places: int) -> str:
    if places == 0:
        return _("%(label)s must be a whole number")
    return ngettext(
        "%(label)s must be a number with no more than %(places)s decimal place, like %(example)s",
        "%(label)s must be a number with no more than %(places)s decimal places, like %(example)s",
        places,
    ) % {"label": "%(label)s", "places": places, "example": "1." + "5".rjust(places, "2")}


def _templates(field: forms.Field) -> dict[str, str]:
    """Each code's sentence for this kind of field, with ``%(label)s`` or ``%(lower)s`` for
    the label and Django's own parameters (``%(limit_value)s``) left in."""
    choose = _("Select %(lower)s from the list")
    says = {
        "required": _("Enter %(lower)s"),
        "invalid_choice": choose,
        "invalid_pk_value": choose,
        "invalid_list": choose,
        "list": choose,
        "min_value": _("%(label)s must be %(limit_value)s or more"),
        "max_value": _("%(label)s must be %(limit_value)s or less"),
        "step_size": _("%(label)s must be a multiple of %(limit_value)s"),
        "max_length": _("%(label)s must be %(limit_value)s characters or fewer"),
        "min_length": _("%(label)s must be %(limit_value)s characters or more"),
        "unique": _("There is already one with this %(lower)s"),
    }
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField | forms.FileField):
        says["required"] = _("Select %(lower)s")
    if isinstance(field, forms.BooleanField):
        says["required"] = _("Select “%(label)s” to continue")
    if isinstance(field, forms.IntegerField):
        says["invalid"] = _("%(label)s must be a whole number")
    elif isinstance(field, forms.DecimalField | forms.FloatField):
        says["invalid"] = _("%(label)s must be a number")
    if isinstance(field, forms.DecimalField):
        if field.decimal_places is not None:
            says["max_decimal_places"] = _decimal_places(field.decimal_places)
        says["max_digits"] = _("%(label)s must be %(max)s digits or fewer")
        says["max_whole_digits"] = _("%(label)s has too many digits before the decimal point")
    if isinstance(field, forms.DateField | forms.DateTimeField):
        says["invalid"] = _("%(label)s must be a real date, like 27 3 2026")
    if isinstance(field, forms.TimeField):
        says["invalid"] = _("%(label)s must be a real time, like 14:30")
    if isinstance(field, forms.EmailField):
        says["invalid"] = _("Enter an email address in the correct format, like name@example.com")
    if isinstance(field, forms.URLField):
        says["invalid"] = _(
            "Enter a web address in the correct format, like https://www.example.org"
        )
    if isinstance(field, forms.FileField):
        says["invalid"] = says["missing"] = _("Select %(lower)s")
        says["empty"] = _("The selected file is empty")
        says["contradiction"] = _("Either select a file or tick “Clear”, not both")
    if isinstance(field, forms.ImageField):
        says["invalid_image"] = _("The selected file must be a photo (a JPG or PNG file)")
    says["null"] = says["blank"] = says["required"]
    return says


def plain_error_messages(field: forms.Field) -> dict[str, str]:
    """GOV.UK-style error messages for ``field``, each naming it by its label."""
    label = str(field.label or _("This field"))
    messages = {}
    for code, template in _templates(field).items():
        named = label.replace("%", "%%") if code in _PARAMETERISED else label
        messages[code] = template % {"label": named, "lower": _in_sentence(named), **_KEEP}
    return messages


class PlainErrorMessages:
    """Every field of the form says what went wrong in plain English, naming the field.

    A field's own ``error_messages`` (given where the form declares it) still win."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            defaults = _django_defaults(field)
            own = {
                code: message
                for code, message in field.error_messages.items()
                if code not in defaults or str(message) != str(defaults[code])
            }
            field.error_messages = {**field.error_messages, **plain_error_messages(field), **own}


def _django_defaults(field: forms.Field) -> dict[str, Any]:
    """The messages Django gives a field of this kind, to tell them from a form's own."""
    defaults: dict[str, Any] = {}
    for cls in reversed(type(field).__mro__):
        defaults.update(getattr(cls, "default_error_messages", {}))
    return defaults


class PlainForm(PlainErrorMessages, forms.Form):
    """A form whose errors are plain English (see :class:`PlainErrorMessages`)."""


class PlainModelForm(PlainErrorMessages, forms.ModelForm):
    """A model form whose errors are plain English (see :class:`PlainErrorMessages`)."""
