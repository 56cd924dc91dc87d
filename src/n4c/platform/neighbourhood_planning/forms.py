"""Forms for plans and their stages. They only collect input; the checks live in services."""

from __future__ import annotations

from django import forms

from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan
from n4c.platform.neighbourhood_planning.services import stage_choices


class PlanForm(PlainModelForm):
    class Meta:
        model = NeighbourhoodPlan
        fields = ["title", "opened_on"]
        widgets = {"opened_on": forms.DateInput(attrs={"type": "date"})}


class PlanStageForm(PlainForm):
    event = forms.ChoiceField(label="Stage", choices=())
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [
            (e, e.replace("-", " ").capitalize()) for e in stage_choices()
        ]
