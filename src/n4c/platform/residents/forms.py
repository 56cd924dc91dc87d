from __future__ import annotations

from django import forms

from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.people.forms import UsernameField
from n4c.platform.residents.gdpr import CONTACT_WORDING
from n4c.platform.residents.models import Consent, Resident


class DateInput(forms.DateInput):
    input_type = "date"


class ResidentForm(PlainModelForm):
    contact_consent_method = forms.ChoiceField(
        choices=[("", "They have not agreed to be contacted"), *Consent.Method.choices],
        required=False,
        label="How they agreed to be contacted",
        help_text=f"Only if they agreed to these words: “{CONTACT_WORDING}” Without their "
        "agreement, leave the email address and phone number empty.",
    )

    class Meta:
        model = Resident
        fields = ["full_name", "partnership_role", "joined_on", "email", "phone"]
        labels = {"full_name": "Full name", "joined_on": "Date they joined"}
        widgets = {"joined_on": DateInput()}
        error_messages = {
            "full_name": {"required": "Enter the person's name."},
            "joined_on": {"required": "Enter the date they joined, like 27 3 2026."},
            "email": {
                "invalid": "Enter an email address in the correct format, like name@example.com."
            },
        }


class ConsentForm(PlainModelForm):
    given = forms.TypedChoiceField(
        choices=[("yes", "Yes, they agreed"), ("no", "No, they did not agree")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        label="Their answer",
        error_messages={"required": "Choose whether they agreed."},
    )

    class Meta:
        model = Consent
        fields = ["purpose", "given", "method", "wording"]
        labels = {
            "purpose": "What for",
            "method": "How they told us",
            "wording": "The words they agreed to",
        }
        widgets = {"wording": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"wording": {"required": "Enter the words they were shown or told."}}


class EraseForm(PlainForm):
    mode = forms.ChoiceField(
        choices=[
            (
                "anonymise",
                "Anonymise: keep a nameless record so the partnership's size still counts",
            ),
            ("delete", "Delete: remove the record altogether"),
        ],
        widget=forms.RadioSelect,
        label="How to erase",
        error_messages={"required": "Choose how to erase their data."},
    )
    confirm = forms.BooleanField(
        label="I understand this cannot be undone.",
        error_messages={"required": "Confirm that you understand this cannot be undone."},
    )


class SignInForm(PlainForm):
    username = UsernameField()
