from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from n4c import needs
from n4c.errors import InputError
from n4c.platform.areas.baseline import parse_wards
from n4c.platform.areas.models import Area, Geography, Stage
from n4c.platform.core.forms import PlainForm, PlainModelForm


class AreaCreateForm(PlainForm):
    name = forms.CharField(
        max_length=150,
        label=_("Area name"),
        error_messages={"required": _("Enter the area's name.")},
    )
    geography = forms.ChoiceField(
        label=_("What the area is made of"),
        choices=Geography.choices,
        initial=Geography.WARD17,
        widget=forms.RadioSelect,
    )
    codes = forms.CharField(
        label=_("Codes or ward names"),
        help_text=_(
            "Ward codes start E05 (like E05001234), LSOA codes E01 (like E01012670). "
            "For December 2017 wards you can enter names instead, like Bloomfield, with the "
            "council in brackets where several wards share a name: Park (Reading). Separate them "
            "with commas."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Enter the codes of the wards or LSOAs in the area.")},
    )
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices, initial=Stage.PROSPECT)
    start_date = forms.DateField(
        required=False,
        label=_("Start date (optional)"),
        help_text=_("When the area joined the Network, like 2026-04-01."),
        error_messages={"invalid": _("Enter the start date as a real date, like 2026-04-01.")},
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
        labels = {"name": _("Name"), "stage": _("Stage"), "start_date": _("Start date")}


class RefreezeForm(PlainForm):
    reason = forms.CharField(
        max_length=300,
        label=_("Why freeze the baseline again?"),
        help_text=_("The earlier baseline stays in the history."),
        error_messages={"required": _("Enter why the baseline is frozen again.")},
    )
