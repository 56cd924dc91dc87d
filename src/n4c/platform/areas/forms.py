from __future__ import annotations

from django import forms

from n4c.errors import InputError
from n4c.platform.areas.baseline import parse_ward_codes
from n4c.platform.areas.models import Area, Stage


class AreaCreateForm(forms.Form):
    name = forms.CharField(
        max_length=150,
        label="Area name",
        error_messages={"required": "Enter the area's name."},
    )
    ward17_codes = forms.CharField(
        label="Ward codes",
        help_text="December 2017 ward codes, separated by commas, like E05001234.",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Enter at least one ward code, like E05001234."},
    )
    stage = forms.ChoiceField(choices=Stage.choices, initial=Stage.PROSPECT)

    def clean_ward17_codes(self) -> list[str]:
        try:
            return parse_ward_codes(self.cleaned_data["ward17_codes"])
        except InputError as error:
            raise forms.ValidationError(error.message) from error


class AreaChangeForm(forms.ModelForm):
    class Meta:
        model = Area
        fields = ["name", "stage"]
