from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.measures.models import LocalMeasure
from n4c.platform.measures.services import MEASURE_FIELDS

_NUMBER_ERRORS = {
    "invalid": _("Enter a number, like 12 or 2.5."),
    "max_digits": _("Enter a number of no more than 12 digits before the decimal point."),
    "max_decimal_places": _("Enter a number with no more than 2 decimal places."),
}


class DateInput(forms.DateInput):
    input_type = "date"


class MeasureForm(PlainModelForm):
    class Meta:
        model = LocalMeasure
        fields = list(MEASURE_FIELDS)
        labels = {
            "name": _("Name"),
            "evidence": _("Kind of evidence"),
            "unit": _("Unit"),
            "direction": _("Direction"),
            "target": _("Target"),
            "status": _("Status"),
        }
        error_messages = {
            "name": {"required": _("Enter the measure's name, like “Young people at the club”.")},
            "target": _NUMBER_ERRORS,
        }

    def validate_unique(self) -> None:
        """The service says when the area has a measure of the same name."""


class MeasureChangeForm(MeasureForm):
    class Meta(MeasureForm.Meta):
        fields = [*MEASURE_FIELDS, "status"]


class ValueForm(PlainForm):
    """A value of one measure: its date, and the number, the story, or the photo and what it
    shows, as the measure's kind of evidence asks."""

    recorded_on = forms.DateField(
        label=_("Date"),
        widget=DateInput(),
        help_text=_("The date the value is for."),
        error_messages={
            "required": _("Enter the date, like 27 3 2027."),
            "invalid": _("Enter a real date, like 27 3 2027."),
        },
    )
    value = forms.DecimalField(
        label=_("Number"),
        required=False,
        max_digits=14,
        decimal_places=2,
        error_messages=_NUMBER_ERRORS,
    )
    story = forms.CharField(
        label=_("Story or caption"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    # A plain file field: the service checks the photo (measures.photos), for the API as well.
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("A JPG, PNG, GIF or WebP image smaller than 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )

    _FIELDS = {
        LocalMeasure.Evidence.NUMBER: ("recorded_on", "value"),
        LocalMeasure.Evidence.STORY: ("recorded_on", "story"),
        LocalMeasure.Evidence.PHOTO: ("recorded_on", "photo", "story"),
    }

    def __init__(self, *args, evidence: str, **kwargs):
        super().__init__(*args, **kwargs)
        kept = self._FIELDS[LocalMeasure.Evidence(evidence)]
        for name in list(self.fields):
            if name not in kept:
                del self.fields[name]
        if evidence == LocalMeasure.Evidence.STORY:
            self.fields["story"].label = _("Story")
        elif evidence == LocalMeasure.Evidence.PHOTO:
            self.fields["story"].label = _("What the photo shows")
