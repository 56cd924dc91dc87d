"""Forms for plans and their stages. They only collect input; the checks live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from n4c import rights
from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan
from n4c.platform.neighbourhood_planning.services import stage_choices


class PlanForm(PlainModelForm):
    class Meta:
        model = NeighbourhoodPlan
        fields = ["title", "opened_on"]
        labels = {"title": _("Title"), "opened_on": _("Opened on")}
        widgets = {"opened_on": forms.DateInput(attrs={"type": "date"})}


class PlanStageForm(PlainForm):
    event = forms.ChoiceField(label=_("Stage"), choices=())
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [(e, rights.event_label(e)) for e in stage_choices()]
