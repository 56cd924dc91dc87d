from __future__ import annotations

from django import forms

from n4c.errors import InputError
from n4c.geography import EDITIONS
from n4c.platform.areas.baseline import parse_wards
from n4c.platform.areas.models import Area, Stage
from n4c.platform.core.forms import PlainForm, PlainModelForm


class AreaCreateForm(PlainForm):
    name = forms.CharField(
        max_length=150,
        label="Area name",
        error_messages={"required": "Enter the area's name."},
    )
    ward17_codes = forms.CharField(
        label="Ward codes or names",
        # The platform's ward figures are the IMD 2019 edition's; the hint says which wards.
        help_text=f"{EDITIONS[2019].ward_hint} Or enter ward names, like Bloomfield, with the "
        "council in brackets where several wards share a name: Park (Reading). Separate them "
        "with commas.",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": EDITIONS[2019].ward_hint},
    )
    stage = forms.ChoiceField(choices=Stage.choices, initial=Stage.PROSPECT)

    def clean_ward17_codes(self) -> list[str]:
        try:
            return parse_wards(self.cleaned_data["ward17_codes"])
        except InputError as error:
            raise forms.ValidationError(error.message) from error


class AreaChangeForm(PlainModelForm):
    class Meta:
        model = Area
        fields = ["name", "stage"]
