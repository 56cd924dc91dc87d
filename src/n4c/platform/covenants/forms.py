from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.covenants.models import Commitment, ReviewPoint, Signatory

_DATE_ERRORS = {
    "required": _("Enter the date, like 27 3 2027."),
    "invalid": _("Enter a real date, like 27 3 2027."),
}


class DateInput(forms.DateInput):
    input_type = "date"


class SignatoryForm(PlainModelForm):
    class Meta:
        model = Signatory
        fields = ["organisation", "sector", "signed_by", "signed_on"]
        labels = {"signed_by": _("Who signed"), "signed_on": _("Date signed")}
        widgets = {"signed_on": DateInput()}
        error_messages = {
            "organisation": {"required": _("Enter the organisation, like Blackpool Council.")},
            "sector": {"required": _("Choose the organisation's sector.")},
            "signed_by": {"required": _("Enter the name and job title of the person who signed.")},
            "signed_on": _DATE_ERRORS,
        }

    def validate_unique(self) -> None:
        """The service says when the organisation has signed already."""


class CommitmentForm(PlainModelForm):
    class Meta:
        model = Commitment
        fields = ["description", "due_on"]
        labels = {"description": _("What they will do"), "due_on": _("Due date")}
        widgets = {"due_on": DateInput()}
        error_messages = {
            "description": {"required": _("Enter what the partner will do.")},
            "due_on": _DATE_ERRORS,
        }


class CommitmentStatusForm(PlainForm):
    status = forms.ChoiceField(
        choices=Commitment.Status.choices,
        error_messages={"required": _("Choose whether the commitment was kept or dropped.")},
    )
    kept_on = forms.DateField(
        required=False,
        widget=DateInput(),
        label=_("Date kept"),
        error_messages={"invalid": _("Enter a real date, like 27 3 2027.")},
    )


class ReviewPointForm(PlainModelForm):
    class Meta:
        model = ReviewPoint
        fields = ["review_on", "note"]
        labels = {"review_on": _("Review date"), "note": _("What will be reviewed")}
        widgets = {"review_on": DateInput()}
        error_messages = {"review_on": _DATE_ERRORS}
