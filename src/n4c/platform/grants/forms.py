from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from n4c.platform.core.forms import PlainForm, PlainModelForm
from n4c.platform.grants.models import Application, Panel, Vote
from n4c.platform.grants.services import APPLICATION_CONSENT_WORDING, budget_from_allocation
from n4c.platform.people.access import STAFF_ROLES
from n4c.platform.plain.widgets import PlainTextarea


class DateInput(forms.DateInput):
    input_type = "date"


_POUNDS = _("Whole pounds, like 1500.")
_BUDGETS = ("capital_budget_gbp", "revenue_budget_gbp")


class PanelForm(PlainModelForm):
    allocation = forms.FileField(
        required=False,
        label=_("Or take the budget from an allocation"),
        help_text=_(
            "The JSON file that n4c allocation writes: the area's row gives the capital "
            "and revenue budgets."
        ),
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        for name in _BUDGETS:
            self.fields[name].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.pop("allocation", None)
        if upload is None:
            for name in _BUDGETS:
                if data.get(name) is None:
                    self.add_error(
                        name, _("Enter the budget in whole pounds, or choose an allocation.")
                    )
            return data
        try:
            document = json.load(upload)
        except (ValueError, UnicodeDecodeError):
            self.add_error(
                "allocation", _("The allocation file is not JSON: choose the .json file.")
            )
            return data
        try:
            data.update(budget_from_allocation(document, self.area))
        except ValidationError as error:
            self.add_error("allocation", error)
        return data

    class Meta:
        model = Panel
        fields = [
            "name",
            "capital_budget_gbp",
            "revenue_budget_gbp",
            "budget_source",
            "min_grant_gbp",
            "max_grant_gbp",
            "who_may_apply",
            "what_may_be_funded",
            "criteria",
            "volunteer_hour_rate_gbp",
            "opens_on",
            "assessment_from",
            "decision_from",
            "announce_on",
        ]
        labels = {"name": _("Name of the panel"), "what_may_be_funded": _("What may be funded")}
        widgets = {
            name: DateInput() for name in ("opens_on", "assessment_from", "decision_from")
        } | {
            "announce_on": DateInput(),
            "what_may_be_funded": PlainTextarea(attrs={"rows": 3}),
        }
        error_messages = {"name": {"required": _("Enter a name for the panel.")}}


class SeatForm(PlainForm):
    person = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        label=_("Who joins the panel"),
        help_text=_("A member of staff, or one of the area's partnership members with a sign-in."),
        error_messages={"required": _("Choose who joins the panel.")},
    )

    def __init__(self, *args, panel: Panel, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            get_user_model()
            .objects.filter(
                Q(profile__role__in=STAFF_ROLES) | Q(partnership_areas=panel.area), is_active=True
            )
            .exclude(grant_panel_seats__panel=panel)
            .distinct()
            .order_by("first_name", "last_name")
        )
        field.label_from_instance = lambda user: user.get_full_name() or user.get_username()


class ApplicationForm(PlainModelForm):
    consent_given = forms.BooleanField(
        required=False,
        label=_("The applicant agrees we keep their name and email address"),
        help_text=APPLICATION_CONSENT_WORDING,
    )

    class Meta:
        model = Application
        fields = [
            "applicant_kind",
            "organisation_name",
            "contact_name",
            "contact_email",
            "amount_gbp",
            "funding_type",
            "purpose",
            "match_cash_gbp",
            "match_in_kind_gbp",
            "match_in_kind_description",
            "volunteer_hours",
        ]
        labels = {
            "applicant_kind": _("Who is applying"),
            "organisation_name": _("Name of the group or organisation"),
            "contact_name": _("Name of the person to contact"),
            "contact_email": _("Their email address"),
            "funding_type": _("Capital or revenue"),
            "match_in_kind_description": _("What the help in kind is"),
            "volunteer_hours": _("Volunteer hours given to the project"),
        }
        help_texts = {
            "amount_gbp": _POUNDS,
            "match_cash_gbp": _(
                "Money from elsewhere for the same project. Whole pounds, like 1500."
            ),
            "match_in_kind_gbp": _(
                "What donated goods, space or services are worth. Whole pounds, like 1500."
            ),
        }
        widgets = {
            "applicant_kind": forms.RadioSelect,
            "funding_type": forms.RadioSelect,
            "purpose": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "contact_name": {"required": _("Enter the name of the person to contact.")},
            "contact_email": {
                "invalid": _("Enter an email address in the correct format, like name@example.com.")
            },
            "amount_gbp": {"required": _("Enter the amount asked for, in whole pounds.")},
            "purpose": {"required": _("Say what the grant is for.")},
            "applicant_kind": {"required": _("Choose who is applying.")},
            "funding_type": {"required": _("Choose capital or revenue.")},
        }


class DeclarationForm(PlainForm):
    conflicted = forms.TypedChoiceField(
        choices=[
            ("no", _("I have no conflict of interest")),
            ("yes", _("I have a conflict of interest")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        label=_("Your declaration"),
        error_messages={"required": _("Choose whether you have a conflict of interest.")},
    )
    details = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("What the conflict is"),
        help_text=_("For example, you run the group or the applicant is family."),
    )


class ScoreForm(PlainForm):
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, panel: Panel, **kwargs):
        super().__init__(*args, **kwargs)
        for number, criterion in enumerate(panel.criteria_list()):
            self.fields[f"criterion_{number}"] = forms.TypedChoiceField(
                choices=[(str(n), str(n)) for n in range(1, 6)],
                coerce=int,
                label=criterion,
                help_text=_("1 is weak, 5 is strong."),
                error_messages={
                    "required": _("Give a score for %(criterion)s.")
                    % {"criterion": criterion.lower()}
                },
            )
        self.criteria = panel.criteria_list()

    def scores(self) -> dict[str, int]:
        return {
            criterion: self.cleaned_data[f"criterion_{number}"]
            for number, criterion in enumerate(self.criteria)
        }


class VoteForm(PlainForm):
    choice = forms.ChoiceField(
        choices=Vote.Choice.choices,
        widget=forms.RadioSelect,
        label=_("Your vote"),
        error_messages={"required": _("Choose how you vote.")},
    )
    amount_gbp = forms.IntegerField(
        required=False,
        min_value=1,
        label=_("Reduced amount (£)"),
        help_text=_("Only for a reduced award."),
    )


class DecisionForm(PlainForm):
    outcome = forms.ChoiceField(
        choices=[
            (Application.Status.AWARDED, _("Award in full")),
            (Application.Status.REDUCED, _("Award a reduced amount")),
            (Application.Status.DECLINED, _("Decline")),
        ],
        widget=forms.RadioSelect,
        label=_("The panel's decision"),
        error_messages={"required": _("Choose the panel's decision.")},
    )
    awarded_gbp = forms.IntegerField(
        required=False,
        min_value=1,
        label=_("Reduced amount (£)"),
        help_text=_("Only for a reduced award."),
    )
    reasons = forms.CharField(
        widget=PlainTextarea(attrs={"rows": 3}),
        label=_("Reasons"),
        help_text=_("These go to the applicant in the decision email."),
        error_messages={"required": _("Give the reasons for the decision.")},
    )
