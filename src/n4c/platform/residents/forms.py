from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.people.forms import UsernameField
from n4c.platform.residents.gdpr import CONTACT_WORDING
from n4c.platform.residents.models import Consent, Resident


class DateInput(forms.DateInput):
    input_type = "date"


def _contact_help() -> str:
    """The contact field's hint, quoting the consent wording in the reader's language."""
    return gettext(
        "Only if they agreed to these words: “%(wording)s” Without their agreement, leave the "
        "email address and phone number empty."
    ) % {"wording": gettext(CONTACT_WORDING)}


class ResidentForm(PlainModelForm):
    contact_consent_method = forms.ChoiceField(
        choices=[("", _("They have not agreed to be contacted")), *Consent.Method.choices],
        required=False,
        label=_("How they agreed to be contacted"),
        help_text=lazy(_contact_help, str)(),
    )

    class Meta:
        model = Resident
        fields = ["full_name", "partnership_role", "joined_on", "email", "phone"]
        labels = {
            "full_name": _("Full name"),
            "partnership_role": _("Partnership role"),
            "joined_on": _("Date they joined"),
            "email": _("Email"),
            "phone": _("Phone"),
        }
        widgets = {"joined_on": DateInput()}
        error_messages = {
            "full_name": {"required": _("Enter the person's name.")},
            "joined_on": {"required": _("Enter the date they joined, like 27 3 2026.")},
            "email": {
                "invalid": _("Enter an email address in the correct format, like name@example.com.")
            },
        }


class ConsentForm(PlainModelForm):
    given = forms.TypedChoiceField(
        choices=[("yes", _("Yes, they agreed")), ("no", _("No, they did not agree"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        label=_("Their answer"),
        error_messages={"required": _("Choose whether they agreed.")},
    )

    class Meta:
        model = Consent
        fields = ["purpose", "given", "method", "wording"]
        labels = {
            "purpose": _("What for"),
            "method": _("How they told us"),
            "wording": _("The words they agreed to"),
        }
        widgets = {"wording": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"wording": {"required": _("Enter the words they were shown or told.")}}


class EraseForm(PlainForm):
    mode = forms.ChoiceField(
        choices=[
            (
                "anonymise",
                _("Anonymise: keep a nameless record so the partnership's size still counts"),
            ),
            ("delete", _("Delete: remove the record altogether")),
        ],
        widget=forms.RadioSelect,
        label=_("How to erase"),
        error_messages={"required": _("Choose how to erase their data.")},
    )
    confirm = forms.BooleanField(
        label=_("I understand this cannot be undone."),
        error_messages={"required": _("Confirm that you understand this cannot be undone.")},
    )


class SignInForm(PlainForm):
    username = UsernameField()
    language = forms.ChoiceField(
        label=_("Their language"),
        help_text=_(
            "Their pages and the e-mails we send them will be in this language. They can change "
            "it at the foot of any page."
        ),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
    )
