"""Forms for assets, cases and events. They only collect input; the checks live in services."""

from __future__ import annotations

from django import forms

from n4c.platform.assets.models import Asset, AssetCase, PlanCase
from n4c.platform.assets.services import ASSET_FIELDS, event_choices, plan_stage_choices


class AssetForm(forms.ModelForm):
    class Meta:
        model = Asset
        fields = list(ASSET_FIELDS)


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Register CSV",
        help_text="Columns: asset_id, name, kind, owner, postcode, latitude, longitude, lsoa_code, condition, status, use.",
    )


class CaseForm(forms.ModelForm):
    class Meta:
        model = AssetCase
        fields = ["title", "opened_on", "contact_email"]
        widgets = {"opened_on": forms.DateInput(attrs={"type": "date"})}


class EventForm(forms.Form):
    event = forms.ChoiceField(choices=())
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [
            (e, e.replace("-", " ").capitalize()) for e in event_choices()
        ]


class ExtensionForm(forms.Form):
    rule_id = forms.ChoiceField(label="Period", choices=())
    extended_to = forms.DateField(
        label="Agreed date", widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        max_length=300, required=False, help_text="Who agreed it, and where it is written."
    )

    def __init__(self, *args, extendable: list[tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule_id"].choices = extendable or []


class CloseForm(forms.Form):
    closed_on = forms.DateField(label="Closed on", widget=forms.DateInput(attrs={"type": "date"}))


class PlanCaseForm(forms.ModelForm):
    class Meta:
        model = PlanCase
        fields = ["title", "opened_on"]
        widgets = {"opened_on": forms.DateInput(attrs={"type": "date"})}


class PlanStageForm(forms.Form):
    event = forms.ChoiceField(label="Stage", choices=())
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [
            (e, e.replace("-", " ").capitalize()) for e in plan_stage_choices()
        ]
