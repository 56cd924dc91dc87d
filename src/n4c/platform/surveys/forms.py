"""Forms for surveys, built from the questionnaire file; they only collect input, the rules
live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from n4c.evaluate.surveys import SCALE, Questionnaire
from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.surveys.models import Site, Wave


class ResponseForm(PlainForm):
    """One set of radio buttons per question, each optional, and the consent tick box."""

    consent = forms.BooleanField(required=False)

    def __init__(self, questionnaire: Questionnaire, *args, paper: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        for question in questionnaire.questions:
            if question.kind == "scale":
                choices = [(str(n), str(n)) for n in SCALE]
            else:
                choices = list(question.options)
            self.fields[question.id] = forms.ChoiceField(
                label=question.text,
                help_text=question.hint,
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
            )
        consent = self.fields.pop("consent")
        consent.label = (
            gettext_lazy("The person ticked the box on the paper form to agree to this")
            if paper
            else gettext_lazy("I agree")
        )
        consent.help_text = questionnaire.consent_wording
        consent.widget.attrs["aria-describedby"] = "consent-wording"
        self.fields["consent"] = consent

    def question_fields(self):
        """Each question's bound field with its question (for the legend, the scale's ends)."""
        return [(q, self[q.id]) for q in self.questionnaire.questions]

    def answers(self) -> dict[str, str]:
        return {q.id: self.cleaned_data.get(q.id, "") for q in self.questionnaire.questions}


class WaveForm(PlainModelForm):
    def __init__(self, sites, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"] = forms.ModelChoiceField(
            queryset=sites, empty_label=None, label=gettext_lazy("Site")
        )
        self.order_fields(["site", "kind", "opens_on", "closes_on"])

    class Meta:
        model = Wave
        fields = ["kind", "opens_on", "closes_on"]
        labels = {
            "kind": gettext_lazy("Kind"),
            "opens_on": gettext_lazy("Opens on"),
            "closes_on": gettext_lazy("Closes on"),
        }
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "closes_on": forms.DateInput(attrs={"type": "date"}),
        }


class SiteForm(PlainModelForm):
    class Meta:
        model = Site
        fields = ["name", "ward_code"]
        labels = {"name": gettext_lazy("Name"), "ward_code": gettext_lazy("Ward code")}


class FreezeForm(PlainForm):
    pool = forms.ChoiceField(
        label=gettext_lazy("Choose comparison wards from"),
        help_text=gettext_lazy(
            "left-behind: the other wards on the 2019 'left behind' list; deprived: "
            "every ward in IMD deciles 1 and 2."
        ),
    )
    k = forms.IntegerField(
        label=gettext_lazy("Comparison wards for each ward"), min_value=1, max_value=10, initial=3
    )

    def __init__(self, *args, **kwargs):
        from n4c.evaluate.comparators import POOLS

        super().__init__(*args, **kwargs)
        self.fields["pool"].choices = [(pool, pool) for pool in POOLS]


class WeightsForm(PlainForm):
    file = forms.FileField(
        label=gettext_lazy("Weights file (CSV)"),
        help_text=gettext_lazy(
            "One row per response: response_id,weight. Weights are positive numbers."
        ),
    )
