from __future__ import annotations

from django import forms

from n4c import needs
from n4c.errors import InputError
from n4c.platform.areas.baseline import parse_wards
from n4c.platform.areas.models import Area, Geography, Stage
from n4c.platform.core.forms import PlainForm, PlainModelForm


class AreaCreateForm(PlainForm):
    name = forms.CharField(
        max_length=150,
        label="Area name",
        error_messages={"required": "Enter the area's name."},
    )
    geography = forms.ChoiceField(
        label="What the area is made of",
        choices=Geography.choices,
        initial=Geography.WARD17,
        widget=forms.RadioSelect,
    )
    codes = forms.CharField(
        label="Codes or ward names",
        help_text="Ward codes start E05 (like E05001234), LSOA codes E01 (like E01012670). "
        "For December 2017 wards you can enter names instead, like Bloomfield, with the council "
        "in brackets where several wards share a name: Park (Reading). Separate them with commas.",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Enter the codes of the wards or LSOAs in the area."},
    )
    stage = forms.ChoiceField(choices=Stage.choices, initial=Stage.PROSPECT)
    start_date = forms.DateField(
        required=False,
        label="Start date (optional)",
        help_text="When the area joined the Network, like 2026-04-01.",
        error_messages={"invalid": "Enter the start date as a real date, like 2026-04-01."},
    )

    def clean(self):
        data = super().clean()
        if "codes" in data and "geography" in data:
            try:
                data["codes"] = (
                    parse_wards(data["codes"])
                    if data["geography"] == Geography.WARD17
                    else needs.parse_area_codes(data["codes"], data["geography"])
                )
            except InputError as error:
                self.add_error("codes", error.message)
        return data


class AreaChangeForm(PlainModelForm):
    class Meta:
        model = Area
        fields = ["name", "stage", "start_date"]


class RefreezeForm(PlainForm):
    reason = forms.CharField(
        max_length=300,
        label="Why freeze the baseline again?",
        help_text="The earlier baseline stays in the history.",
        error_messages={"required": "Enter why the baseline is frozen again."},
    )
