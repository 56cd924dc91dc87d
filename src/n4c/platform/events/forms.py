from __future__ import annotations

from django import forms

from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.events.models import Event


class DateInput(forms.DateInput):
    input_type = "date"


class EventForm(PlainModelForm):
    class Meta:
        model = Event
        fields = ["title", "scope", "region", "starts_on", "place", "description"]
        labels = {"starts_on": "Date"}
        widgets = {"starts_on": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "title": {"required": "Enter the event's title."},
            "starts_on": {"required": "Enter the date, like 27 3 2026."},
        }


class AttendanceForm(PlainForm):
    area = forms.ModelChoiceField(queryset=None, error_messages={"required": "Choose the area."})  # type: ignore[arg-type]
    people = forms.IntegerField(
        min_value=1,
        max_value=500,
        initial=1,
        label="How many people came",
        error_messages={"required": "Enter how many people came from the area."},
    )

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas  # type: ignore[attr-defined]


class PeerLinkForm(PlainForm):
    other_area = forms.ModelChoiceField(
        queryset=None,  # type: ignore[arg-type]
        label="Peer area",
        error_messages={"required": "Choose the area to link with."},
    )
    purpose = forms.CharField(max_length=300, required=False, label="What they will share")
    started_on = forms.DateField(widget=DateInput(), label="Start date")

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other_area"].queryset = areas  # type: ignore[attr-defined]
